// SwiGLU rows on AVX2 (activation_avx2.h). silu(g) = g / (1 + e^-g), with a true division so
// the result stays within a few ulp of the scalar formula; the tail of a row that is not a
// multiple of 8 uses the scalar formula.

#include "backend/cpu/activation_avx2.h"

#if defined(__x86_64__)
#include "backend/cpu/avx2_util.h"
#include "conclave/cpu_features.h"

#include <cmath>
#include <immintrin.h>

namespace conclave::cpu {
namespace {

bool has_avx2() {
    static const bool avx2 = [] {
        const CpuFeatures f = detect_cpu_features();
        return f.avx2 && f.fma && f.f16c;
    }();
    return avx2;
}

CONCLAVE_AVX2 void swiglu_row(const float* g, const float* u, float* out, std::int64_t n) {
    const __m256 one = _mm256_set1_ps(1.0f);
    std::int64_t i = 0;
    for (; i + 8 <= n; i += 8) {
        const __m256 x = _mm256_loadu_ps(g + i);
        const __m256 e = exp256(_mm256_sub_ps(_mm256_setzero_ps(), x));
        _mm256_storeu_ps(out + i, _mm256_mul_ps(_mm256_div_ps(x, _mm256_add_ps(one, e)), _mm256_loadu_ps(u + i)));
    }
    for (; i < n; ++i) out[i] = g[i] / (1.0f + std::exp(-g[i])) * u[i];
}

} // namespace

bool swiglu_row_avx2(const float* g, const float* u, float* out, std::int64_t n) {
    if (!has_avx2()) return false;
    swiglu_row(g, u, out, n);
    return true;
}

} // namespace conclave::cpu

#else

namespace conclave::cpu {
bool swiglu_row_avx2(const float*, const float*, float*, std::int64_t) { return false; }
} // namespace conclave::cpu

#endif
