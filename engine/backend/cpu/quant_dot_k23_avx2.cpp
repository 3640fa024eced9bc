// AVX2 integer dot products of Q2_K and Q3_K weights with Q8_K activations. Both keep two bits
// per code in a plane of 64 bytes: the 32 bytes of half h hold runs r = 4h + s (elements
// 32r..32r+31) in bits 2s..2s+1, so one load and one shift per run give 32 codes. Q3_K adds a
// third bit from hmask (bit r of byte l), stored inverted: code = low + 4*bit - 4, and the -4
// is taken through the activation sums per 16 (bsums) so the bytes multiplied stay unsigned
// (0..7). Each run of 32 spans two groups of 16 with their own scale; madd applies them as
// int16 lanes 0-7 (first group) and 8-15 (second).

#include "backend/cpu/quant_dot.h"

#if defined(__x86_64__)
#include "backend/cpu/avx2_util.h"
#include "quant/blocks_k.h"

#include <cstring>
#include <immintrin.h>

namespace conclave::cpu {
namespace {

constexpr int qk = quant::qk_k;

// Sixteen int16 lanes: 8 copies of scale 2r, then 8 of scale 2r + 1 (signed bytes in sc8).
CONCLAVE_AVX2 inline __m256i run_scales(__m128i sc8, int r) {
    const long long ones = 0x0101010101010101LL;
    return _mm256_cvtepi8_epi16(
        _mm_shuffle_epi8(sc8, _mm_set_epi64x(ones * (2 * r + 1), ones * (2 * r))));
}

template <int T>
CONCLAVE_AVX2 void rows_of(const void* a, std::size_t a_stride, const quant::BlockQ8_K* (&y)[T]) {
    for (int t = 0; t < T; ++t)
        y[t] = reinterpret_cast<const quant::BlockQ8_K*>(static_cast<const unsigned char*>(a) +
                                                         t * a_stride);
}

// Q2_K against T activation rows `a_stride` bytes apart (T = 1 for generation, 4 for prompts):
// each run's codes and scales are expanded once and used for every row. The weight minimum
// (high nibble of scales[g], times dmin) meets the activation sums per 16.
template <int T>
CONCLAVE_AVX2 void dot_q2_k_rows(const void* w, const void* a, std::size_t a_stride, std::int64_t n,
                                 float* out) {
    const auto* x = static_cast<const quant::BlockQ2_K*>(w);
    const quant::BlockQ8_K* y[T];
    rows_of<T>(a, a_stride, y);
    const __m256i low2 = _mm256_set1_epi8(3);
    const __m128i low4 = _mm_set1_epi8(0x0f);
    __m256 acc[T];
    for (int t = 0; t < T; ++t) acc[t] = _mm256_setzero_ps();
    for (std::int64_t b = 0; b < n / qk; ++b) {
        const __m128i packed = _mm_loadu_si128(reinterpret_cast<const __m128i*>(x[b].scales));
        const __m128i sc8 = _mm_and_si128(packed, low4);
        const __m256i mins16 = _mm256_cvtepu8_epi16(_mm_and_si128(_mm_srli_epi16(packed, 4), low4));
        __m256i sumi[T];
        for (int t = 0; t < T; ++t) sumi[t] = _mm256_setzero_si256();
        for (int h = 0; h < 2; ++h) {
            const __m256i plane = load32(x[b].qs + 32 * h);
            for (int s = 0; s < 4; ++s) {
                const int r = 4 * h + s;
                const __m256i codes = _mm256_and_si256(_mm256_srli_epi16(plane, 2 * s), low2);
                const __m256i scales = run_scales(sc8, r);
                for (int t = 0; t < T; ++t) {
                    const __m256i p = _mm256_maddubs_epi16(codes, load32(y[t][b].qs + 32 * r));
                    sumi[t] = _mm256_add_epi32(sumi[t], _mm256_madd_epi16(p, scales));
                }
            }
        }
        const float wd = _cvtsh_ss(x[b].d), wmin = _cvtsh_ss(x[b].dmin);
        for (int t = 0; t < T; ++t) {
            const __m256i mins = _mm256_madd_epi16(mins16, load32(y[t][b].bsums));
            acc[t] = _mm256_fmadd_ps(_mm256_set1_ps(wd * y[t][b].d), _mm256_cvtepi32_ps(sumi[t]),
                                     acc[t]);
            acc[t] = _mm256_fnmadd_ps(_mm256_set1_ps(wmin * y[t][b].d), _mm256_cvtepi32_ps(mins),
                                      acc[t]);
        }
    }
    for (int t = 0; t < T; ++t) out[t] = hsum256(acc[t]);
}

// The sixteen 6-bit Q3_K scales minus 32 as signed bytes (layout in quant/k_scales.h): low
// nibbles from bytes 0..7, top two bits of scale s from byte 8 + s%4 shifted by 2*(s/4), which
// is a shift by 2k of 32-bit lane k of the four bytes repeated.
CONCLAVE_AVX2 inline __m128i q3_scales(const std::uint8_t* packed) {
    std::uint64_t low_bytes;
    std::uint32_t high_bytes;
    std::memcpy(&low_bytes, packed, sizeof low_bytes);
    std::memcpy(&high_bytes, packed + 8, sizeof high_bytes);
    const __m128i low8 = _mm_cvtsi64_si128(static_cast<long long>(low_bytes));
    const __m128i low4 = _mm_set1_epi8(0x0f);
    const __m128i lows =
        _mm_unpacklo_epi64(_mm_and_si128(low8, low4), _mm_and_si128(_mm_srli_epi16(low8, 4), low4));
    const __m128i shifted =
        _mm_srlv_epi32(_mm_set1_epi32(static_cast<int>(high_bytes)), _mm_set_epi32(6, 4, 2, 0));
    const __m128i highs = _mm_and_si128(shifted, _mm_set1_epi8(3));
    return _mm_sub_epi8(_mm_or_si128(lows, _mm_slli_epi16(highs, 4)), _mm_set1_epi8(32));
}

// Q3_K against T activation rows: sum over groups g of scale_g * (sum of u * y - 4 * bsums_g)
// with u = low + 4*bit in 0..7.
template <int T>
CONCLAVE_AVX2 void dot_q3_k_rows(const void* w, const void* a, std::size_t a_stride, std::int64_t n,
                                 float* out) {
    const auto* x = static_cast<const quant::BlockQ3_K*>(w);
    const quant::BlockQ8_K* y[T];
    rows_of<T>(a, a_stride, y);
    const __m256i low2 = _mm256_set1_epi8(3), one = _mm256_set1_epi8(1);
    __m256 acc[T];
    for (int t = 0; t < T; ++t) acc[t] = _mm256_setzero_ps();
    for (std::int64_t b = 0; b < n / qk; ++b) {
        const __m128i sc8 = q3_scales(x[b].scales);
        const __m256i scales16 = _mm256_cvtepi8_epi16(sc8);
        const __m256i hmask = load32(x[b].hmask);
        __m256i sumi[T];
        for (int t = 0; t < T; ++t) {
            // Start from the offset term: -4 * sum over g of scale_g * bsums_g.
            sumi[t] = _mm256_slli_epi32(_mm256_madd_epi16(scales16, load32(y[t][b].bsums)), 2);
            sumi[t] = _mm256_sub_epi32(_mm256_setzero_si256(), sumi[t]);
        }
        for (int h = 0; h < 2; ++h) {
            const __m256i plane = load32(x[b].qs + 32 * h);
            for (int s = 0; s < 4; ++s) {
                const int r = 4 * h + s;
                const __m256i low = _mm256_and_si256(_mm256_srli_epi16(plane, 2 * s), low2);
                const __m256i high =
                    _mm256_slli_epi16(_mm256_and_si256(_mm256_srli_epi16(hmask, r), one), 2);
                const __m256i codes = _mm256_or_si256(low, high);
                const __m256i scales = run_scales(sc8, r);
                for (int t = 0; t < T; ++t) {
                    const __m256i p = _mm256_maddubs_epi16(codes, load32(y[t][b].qs + 32 * r));
                    sumi[t] = _mm256_add_epi32(sumi[t], _mm256_madd_epi16(p, scales));
                }
            }
        }
        const float wd = _cvtsh_ss(x[b].d);
        for (int t = 0; t < T; ++t)
            acc[t] = _mm256_fmadd_ps(_mm256_set1_ps(wd * y[t][b].d), _mm256_cvtepi32_ps(sumi[t]),
                                     acc[t]);
    }
    for (int t = 0; t < T; ++t) out[t] = hsum256(acc[t]);
}

CONCLAVE_AVX2 float dot_q2_k(const void* w, const void* a, std::int64_t n) {
    float out;
    dot_q2_k_rows<1>(w, a, 0, n, &out);
    return out;
}

CONCLAVE_AVX2 float dot_q3_k(const void* w, const void* a, std::int64_t n) {
    float out;
    dot_q3_k_rows<1>(w, a, 0, n, &out);
    return out;
}

} // namespace

QuantDotFn quant_dot_k23_avx2(quant::TensorType weight) {
    using T = quant::TensorType;
    switch (weight) {
    case T::Q2_K:
        return dot_q2_k;
    case T::Q3_K:
        return dot_q3_k;
    default:
        return nullptr;
    }
}

QuantDotX4Fn quant_dot_x4_k23_avx2(quant::TensorType weight) {
    using T = quant::TensorType;
    switch (weight) {
    case T::Q2_K:
        return dot_q2_k_rows<4>;
    case T::Q3_K:
        return dot_q3_k_rows<4>;
    default:
        return nullptr;
    }
}

} // namespace conclave::cpu

#else

namespace conclave::cpu {
QuantDotFn quant_dot_k23_avx2(quant::TensorType) {
    return nullptr;
}
QuantDotX4Fn quant_dot_x4_k23_avx2(quant::TensorType) {
    return nullptr;
}
} // namespace conclave::cpu

#endif
