// AVX2 attention for one token and one KV head's group of query heads (attention_avx2.h).
// Memory access: the group's K rows once (each converted from F16 once and dotted with every
// head's query), then its V rows once, each added into every head's output (kept in L1).

#include "backend/cpu/attention_avx2.h"

#if defined(__x86_64__)
#include "backend/cpu/avx2_util.h"
#include "conclave/cpu_features.h"

#include <algorithm>
#include <cmath>
#include <immintrin.h>

namespace conclave::cpu {
namespace {

template <int G>
CONCLAVE_AVX2 void attend(const AttendGroup& a) {
    const int dim = a.head_dim;
    const std::int64_t n = a.hi - a.lo + 1;
    for (std::int64_t j = 0; j < n; ++j) {
        const std::uint16_t* row = a.k + (a.lo + j) * a.width;
        __m256 acc[G];
        for (int h = 0; h < G; ++h) acc[h] = _mm256_setzero_ps();
        for (int d = 0; d < dim; d += 8) {
            const __m256 k8 = _mm256_cvtph_ps(_mm_loadu_si128(reinterpret_cast<const __m128i*>(row + d)));
            for (int h = 0; h < G; ++h) acc[h] = _mm256_fmadd_ps(k8, _mm256_loadu_ps(a.q + h * dim + d), acc[h]);
        }
        for (int h = 0; h < G; ++h) {
            float s = hsum256(acc[h]) * a.scale;
            if (a.softcap > 0.0f) s = a.softcap * std::tanh(s / a.softcap);
            a.scores[h * n + j] = s;
        }
    }
    float inverse[G];
    for (int h = 0; h < G; ++h) {
        float* s = a.scores + h * n;
        const float top = *std::max_element(s, s + n);
        float sum = 0.0f;
        for (std::int64_t j = 0; j < n; ++j) sum += (s[j] = std::exp(s[j] - top));
        inverse[h] = 1.0f / sum;
        std::fill(a.out + h * dim, a.out + (h + 1) * dim, 0.0f);
    }
    for (std::int64_t j = 0; j < n; ++j) {
        const std::uint16_t* row = a.v + (a.lo + j) * a.width;
        __m256 p[G];
        for (int h = 0; h < G; ++h) p[h] = _mm256_set1_ps(a.scores[h * n + j]);
        for (int d = 0; d < dim; d += 8) {
            const __m256 v8 = _mm256_cvtph_ps(_mm_loadu_si128(reinterpret_cast<const __m128i*>(row + d)));
            for (int h = 0; h < G; ++h) {
                float* o = a.out + h * dim + d;
                _mm256_storeu_ps(o, _mm256_fmadd_ps(p[h], v8, _mm256_loadu_ps(o)));
            }
        }
    }
    for (int h = 0; h < G; ++h)
        for (int d = 0; d < dim; ++d) a.out[h * dim + d] *= inverse[h];
}

bool has_avx2() {
    static const bool avx2 = [] {
        const CpuFeatures f = detect_cpu_features();
        return f.avx2 && f.fma && f.f16c;
    }();
    return avx2;
}

} // namespace

bool attend_group_f16_avx2(const AttendGroup& a) {
    if (!has_avx2() || a.head_dim % 8 != 0) return false;
    switch (a.group) {
    case 1: attend<1>(a); return true;
    case 2: attend<2>(a); return true;
    case 3: attend<3>(a); return true;
    case 4: attend<4>(a); return true;
    case 5: attend<5>(a); return true;
    case 6: attend<6>(a); return true;
    case 7: attend<7>(a); return true;
    case 8: attend<8>(a); return true;
    default: return false;
    }
}

} // namespace conclave::cpu

#else

namespace conclave::cpu {
bool attend_group_f16_avx2(const AttendGroup&) { return false; }
} // namespace conclave::cpu

#endif
