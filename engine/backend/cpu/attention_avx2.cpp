// AVX2 attention for one token and one KV head's group of query heads (attention_avx2.h).
// Memory access: the group's K rows once (each converted from F16 once and dotted with every
// head's query), then the V rows once per slice of 16 (or 8) dimensions, with every head's
// output slice accumulated in registers.

#include "backend/cpu/attention_avx2.h"

#if defined(__x86_64__)
#include "backend/cpu/avx2_util.h"
#include "conclave/cpu_features.h"

#include <algorithm>
#include <cmath>
#include <immintrin.h>

namespace conclave::cpu {
namespace {

// One score from its dot-product lanes (a function, not a lambda: lambdas do not inherit the
// target attribute, and hsum256 would not inline).
CONCLAVE_AVX2 inline void store_score(const AttendGroup& a, std::int64_t at, __m256 acc) {
    float s = hsum256(acc) * a.scale;
    if (a.softcap > 0.0f) s = a.softcap * std::tanh(s / a.softcap);
    a.scores[at] = s;
}

// The cache row of the i-th attended position (a ring's rows wrap around).
inline std::int64_t row_of(const AttendGroup& a, std::int64_t i) {
    const std::int64_t pos = a.lo + i;
    return a.ring > 0 ? pos % a.ring : pos;
}

template <int G>
CONCLAVE_AVX2 void attend(const AttendGroup& a) {
    const int dim = a.head_dim;
    const std::int64_t n = a.hi - a.lo + 1;
    // Scores two positions at a time so each query load serves both (loads, not FMAs, bound
    // the one-position loop); G * 2 accumulators in registers.
    std::int64_t pos = 0;
    for (; pos + 2 <= n; pos += 2) {
        const std::uint16_t* row0 = a.k + row_of(a, pos) * a.k_width;
        const std::uint16_t* row1 = a.k + row_of(a, pos + 1) * a.k_width;
        __m256 acc0[G], acc1[G];
#pragma GCC unroll 8
        for (int h = 0; h < G; ++h) acc0[h] = acc1[h] = _mm256_setzero_ps();
        for (int d = 0; d < dim; d += 8) {
            const __m256 k0 = _mm256_cvtph_ps(_mm_loadu_si128(reinterpret_cast<const __m128i*>(row0 + d)));
            const __m256 k1 = _mm256_cvtph_ps(_mm_loadu_si128(reinterpret_cast<const __m128i*>(row1 + d)));
#pragma GCC unroll 8
            for (int h = 0; h < G; ++h) {
                const __m256 q = _mm256_loadu_ps(a.q + h * dim + d);
                acc0[h] = _mm256_fmadd_ps(k0, q, acc0[h]);
                acc1[h] = _mm256_fmadd_ps(k1, q, acc1[h]);
            }
        }
        for (int h = 0; h < G; ++h) {
            store_score(a, h * n + pos, acc0[h]);
            store_score(a, h * n + pos + 1, acc1[h]);
        }
    }
    for (; pos < n; ++pos) {
        const std::uint16_t* row = a.k + row_of(a, pos) * a.k_width;
        __m256 acc[G];
#pragma GCC unroll 8
        for (int h = 0; h < G; ++h) acc[h] = _mm256_setzero_ps();
        for (int d = 0; d < dim; d += 8) {
            const __m256 k8 = _mm256_cvtph_ps(_mm_loadu_si128(reinterpret_cast<const __m128i*>(row + d)));
#pragma GCC unroll 8
            for (int h = 0; h < G; ++h) acc[h] = _mm256_fmadd_ps(k8, _mm256_loadu_ps(a.q + h * dim + d), acc[h]);
        }
        for (int h = 0; h < G; ++h) store_score(a, h * n + pos, acc[h]);
    }
    float inverse[G];
    for (int h = 0; h < G; ++h) {
        float* s = a.scores + h * n;
        const float sink = a.sinks ? a.sinks[h] : -INFINITY;
        const float top = std::max(sink, *std::max_element(s, s + n));
        // Eight exps at a time (exp256: arguments are <= 0 here), the tail one by one.
        __m256 sums = _mm256_setzero_ps();
        std::int64_t j = 0;
        for (; j + 8 <= n; j += 8) {
            const __m256 e = exp256(_mm256_sub_ps(_mm256_loadu_ps(s + j), _mm256_set1_ps(top)));
            _mm256_storeu_ps(s + j, e);
            sums = _mm256_add_ps(sums, e);
        }
        float sum = hsum256(sums) + (a.sinks ? std::exp(sink - top) : 0.0f);
        for (; j < n; ++j) sum += (s[j] = std::exp(s[j] - top));
        inverse[h] = 1.0f / sum;
    }
    // Weighted sum of values one slice of W * 8 dimensions at a time, the slice's G * W
    // accumulators in registers across all positions: each V row is read once per slice
    // (32 or 16 bytes of it) and no output is loaded or stored inside the position loop.
    constexpr int W = G <= 4 ? 2 : 1;
    const int dim_v = a.head_dim_v;
    for (int d0 = 0; d0 < dim_v; d0 += 8 * W) {
        const int w = std::min(W, (dim_v - d0) / 8);
        __m256 o[G][W];
#pragma GCC unroll 8
        for (int h = 0; h < G; ++h)
            for (int i = 0; i < W; ++i) o[h][i] = _mm256_setzero_ps();
        for (std::int64_t j = 0; j < n; ++j) {
            const std::uint16_t* row = a.v + row_of(a, j) * a.v_width + d0;
            __m256 v8[W];
#pragma GCC unroll 2
            for (int i = 0; i < W; ++i)
                v8[i] = i < w ? _mm256_cvtph_ps(_mm_loadu_si128(reinterpret_cast<const __m128i*>(row + 8 * i)))
                              : _mm256_setzero_ps();
#pragma GCC unroll 8
            for (int h = 0; h < G; ++h) {
                const __m256 p = _mm256_broadcast_ss(a.scores + h * n + j);
#pragma GCC unroll 2
                for (int i = 0; i < W; ++i) o[h][i] = _mm256_fmadd_ps(p, v8[i], o[h][i]);
            }
        }
        for (int h = 0; h < G; ++h)
            for (int i = 0; i < w; ++i)
                _mm256_storeu_ps(a.out + h * dim_v + d0 + 8 * i, _mm256_mul_ps(o[h][i], _mm256_set1_ps(inverse[h])));
    }
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
    if (!has_avx2() || a.head_dim % 8 != 0 || a.head_dim_v % 8 != 0) return false;
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
