#pragma once
// The AVX2 pieces of activation quantization, shared by the GEMM panel packer and the
// per-row quantizer so both round exactly alike: the largest magnitude of a block, and 32
// floats scaled, rounded half to even and narrowed to int8 with their code sums. Include
// only from AVX2 files whose callers check the CPU features first.

#if defined(__x86_64__)
#include "backend/cpu/avx2_util.h"

namespace conclave::cpu {

CONCLAVE_AVX2 inline float hmax256(__m256 v) {
    __m128 m = _mm_max_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
    m = _mm_max_ps(m, _mm_movehl_ps(m, m));
    m = _mm_max_ss(m, _mm_movehdup_ps(m));
    return _mm_cvtss_f32(m);
}

CONCLAVE_AVX2 inline int hsum_epi32(__m256i v) {
    __m128i s = _mm_add_epi32(_mm256_castsi256_si128(v), _mm256_extracti128_si256(v, 1));
    s = _mm_add_epi32(s, _mm_shuffle_epi32(s, 0x4e));
    s = _mm_add_epi32(s, _mm_shuffle_epi32(s, 0xb1));
    return _mm_cvtsi128_si32(s);
}

CONCLAVE_AVX2 inline __m256 abs_ps(__m256 v) { return _mm256_andnot_ps(_mm256_set1_ps(-0.0f), v); }

// The largest magnitude among the 8 * groups floats at x.
CONCLAVE_AVX2 inline float amax_of(const float* x, int groups) {
    __m256 m = abs_ps(_mm256_loadu_ps(x));
    for (int k = 1; k < groups; ++k) m = _mm256_max_ps(m, abs_ps(_mm256_loadu_ps(x + 8 * k)));
    return hmax256(m);
}

// The first of the n floats at x whose magnitude is amax (their largest), with its sign: Q8_K
// maps it to -127.
inline float first_of_magnitude(const float* x, int n, float amax) {
    for (int i = 0; i < n; ++i)
        if (x[i] == amax || x[i] == -amax) return x[i];
    return 0.0f;
}

// 32 floats times `scale`, rounded half to even, stored as 32 int8 (values within ±127).
// Returns the code sums of elements 0-15 and 16-31, each as eight int32 partial sums.
struct HalfSums {
    __m256i first, second;
};
CONCLAVE_AVX2 inline HalfSums round_store32(const float* x, __m256 scale, std::int8_t* out) {
    __m256i q[4];
    for (int k = 0; k < 4; ++k)
        q[k] = _mm256_cvtps_epi32(_mm256_round_ps(_mm256_mul_ps(_mm256_loadu_ps(x + 8 * k), scale),
                                                  _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC));
    // packs work within 128-bit lanes; the permute puts the four groups of eight back in order.
    const __m256i bytes = _mm256_packs_epi16(_mm256_packs_epi32(q[0], q[1]), _mm256_packs_epi32(q[2], q[3]));
    const __m256i ordered = _mm256_permutevar8x32_epi32(bytes, _mm256_setr_epi32(0, 4, 1, 5, 2, 6, 3, 7));
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(out), ordered);
    return {_mm256_add_epi32(q[0], q[1]), _mm256_add_epi32(q[2], q[3])};
}

} // namespace conclave::cpu
#endif
