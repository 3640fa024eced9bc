#pragma once
// Helpers shared by the AVX2 kernels. Each function carries the target attribute so the
// rest of the binary stays baseline x86-64; include only from files whose callers check
// the CPU features first.

#if defined(__x86_64__)
#include <immintrin.h>

#define CONCLAVE_AVX2 __attribute__((target("avx2,fma,f16c")))

namespace conclave::cpu {

// Sum of the eight floats of v.
CONCLAVE_AVX2 inline float hsum256(__m256 v) {
    const __m128 lo = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
    const __m128 pairs = _mm_add_ps(lo, _mm_movehl_ps(lo, lo));
    return _mm_cvtss_f32(_mm_add_ss(pairs, _mm_movehdup_ps(pairs)));
}

} // namespace conclave::cpu
#endif
