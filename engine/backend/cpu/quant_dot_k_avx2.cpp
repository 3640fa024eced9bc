// AVX2 integer dot products of Q4_K, Q5_K and Q6_K weights with Q8_K activations (Q2_K/Q3_K
// are in quant_dot_k23_avx2.cpp). Codes are expanded to
// bytes in registers, multiplied with activation bytes by maddubs, and weighted by their
// sub-block scales with madd into int32 lanes; one float multiply per super-block. Offsets
// (Q6_K's -32, Q4_K's minimum) are applied through the activation sums per 16 (bsums).

#include "backend/cpu/quant_dot.h"

#if defined(__x86_64__)
#include "quant/blocks_k.h"
#include "quant/half.h"
#include "quant/k_scales.h"

#include "backend/cpu/avx2_util.h"

#include <immintrin.h>

namespace conclave::cpu {
namespace {

constexpr int qk = quant::qk_k;

// Chunk c (elements 64c..64c+63) of a Q4_K/Q5_K super-block as two runs of 32 codes: the low
// nibbles of qs[32c..32c+31] (sub-block 2c), then the high nibbles (sub-block 2c+1); Q5_K adds
// bit 2c or 2c+1 of qh[l] as 16.
CONCLAVE_AVX2 inline void k4_chunk(const quant::BlockQ4_K& x, int c, __m256i& lo, __m256i& hi) {
    const __m256i low4 = _mm256_set1_epi8(0x0f);
    const __m256i q = load32(x.qs + 32 * c);
    lo = _mm256_and_si256(q, low4);
    hi = _mm256_and_si256(_mm256_srli_epi16(q, 4), low4);
}

CONCLAVE_AVX2 inline __m256i q5_fifth_bit(__m256i qh, int bit) {
    return _mm256_slli_epi16(_mm256_and_si256(_mm256_srli_epi16(qh, bit), _mm256_set1_epi8(1)), 4);
}

CONCLAVE_AVX2 inline void k4_chunk(const quant::BlockQ5_K& x, int c, __m256i& lo, __m256i& hi) {
    const __m256i low4 = _mm256_set1_epi8(0x0f);
    const __m256i q = load32(x.qs + 32 * c), qh = load32(x.qh);
    lo = _mm256_or_si256(_mm256_and_si256(q, low4), q5_fifth_bit(qh, 2 * c));
    hi = _mm256_or_si256(_mm256_and_si256(_mm256_srli_epi16(q, 4), low4), q5_fifth_bit(qh, 2 * c + 1));
}

// A Q4_K/Q5_K super-block's twelve packed bytes as sixteen int16 lanes: the eight 6-bit
// scales, then the eight 6-bit minimums (layout in quant/k_scales.h), in a handful of vector
// operations instead of sixteen scalar unpacks. Reads 16 bytes from `packed` (the codes
// follow the scales in both block types, so this stays inside the block).
CONCLAVE_AVX2 inline __m256i k4_scales_and_mins(const std::uint8_t* packed) {
    const __m128i words = _mm_loadu_si128(reinterpret_cast<const __m128i*>(packed)); // w0 w1 w2 -
    const __m128i six = _mm_set1_epi8(0x3f), four = _mm_set1_epi8(0x0f), two = _mm_set1_epi8(0x03);
    const __m128i first = _mm_and_si128(words, six);                                    // s0-3 m0-3
    const __m128i top = _mm_slli_epi32(_mm_and_si128(_mm_srli_epi32(words, 6), two), 4); // bits 4-5 of s4-7 m4-7
    const __m128i w2 = _mm_shuffle_epi32(words, 0xaa);
    const __m128i nibbles = _mm_unpacklo_epi32(_mm_and_si128(w2, four), _mm_and_si128(_mm_srli_epi32(w2, 4), four));
    const __m128i second = _mm_or_si128(nibbles, top);                                  // s4-7 m4-7
    return _mm256_cvtepu8_epi16(_mm_unpacklo_epi32(first, second));
}

// Byte shuffles that broadcast int16 lane k of each 128-bit half to the whole half.
CONCLAVE_AVX2 inline __m256i lane16_broadcast_mask(int k) {
    const char lo = static_cast<char>(2 * k), hi = static_cast<char>(2 * k + 1);
    return _mm256_setr_epi8(lo, hi, lo, hi, lo, hi, lo, hi, lo, hi, lo, hi, lo, hi, lo, hi,
                            lo, hi, lo, hi, lo, hi, lo, hi, lo, hi, lo, hi, lo, hi, lo, hi);
}

// Q4_K/Q5_K against T activation rows `a_stride` bytes apart (T = 1 for generation, 4 for
// prompts): each chunk's codes are expanded once and reused for every row. Codes (0..31)
// times activations stay within maddubs' int16 pairs; madd applies the 6-bit sub-block scale.
// The minimum term is one madd of the minimums with the activation sums per 32 (from the
// sums per 16), kept in float lanes until the end of the row.
template <typename Block, int T>
CONCLAVE_AVX2 void dot_k4_rows(const void* w, const void* a, std::size_t a_stride, std::int64_t n, float* out) {
    const auto* x = static_cast<const Block*>(w);
    const quant::BlockQ8_K* y[T];
    for (int t = 0; t < T; ++t)
        y[t] = reinterpret_cast<const quant::BlockQ8_K*>(static_cast<const unsigned char*>(a) + t * a_stride);
    __m256 acc[T];
    __m128 acc_min[T];
    for (int t = 0; t < T; ++t) acc[t] = _mm256_setzero_ps(), acc_min[t] = _mm_setzero_ps();
    for (std::int64_t b = 0; b < n / qk; ++b) {
        const __m256i packed = k4_scales_and_mins(x[b].scales);
        const __m256i scales = _mm256_permute2x128_si256(packed, packed, 0x00); // both halves: s0-7
        const __m128i mins = _mm256_extracti128_si256(packed, 1);
        __m256i sumi[T];
        for (int t = 0; t < T; ++t) sumi[t] = _mm256_setzero_si256();
        for (int c = 0; c < 4; ++c) {
            __m256i lo, hi;
            k4_chunk(x[b], c, lo, hi);
            const __m256i s_lo = _mm256_shuffle_epi8(scales, lane16_broadcast_mask(2 * c));
            const __m256i s_hi = _mm256_shuffle_epi8(scales, lane16_broadcast_mask(2 * c + 1));
            for (int t = 0; t < T; ++t) {
                const __m256i p_lo = _mm256_madd_epi16(_mm256_maddubs_epi16(lo, load32(y[t][b].qs + 64 * c)), s_lo);
                const __m256i p_hi = _mm256_madd_epi16(_mm256_maddubs_epi16(hi, load32(y[t][b].qs + 64 * c + 32)), s_hi);
                sumi[t] = _mm256_add_epi32(sumi[t], _mm256_add_epi32(p_lo, p_hi));
            }
        }
        const float wd = _cvtsh_ss(x[b].d), wmin = _cvtsh_ss(x[b].dmin);
        for (int t = 0; t < T; ++t) {
            const quant::BlockQ8_K& yb = y[t][b];
            const __m128i sums16 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(yb.bsums));
            const __m128i sums16_hi = _mm_loadu_si128(reinterpret_cast<const __m128i*>(yb.bsums + 8));
            const __m128i sums32 = _mm_hadd_epi16(sums16, sums16_hi); // per sub-block of 32
            const __m128i min_terms = _mm_madd_epi16(mins, sums32);
            acc[t] = _mm256_fmadd_ps(_mm256_set1_ps(wd * yb.d), _mm256_cvtepi32_ps(sumi[t]), acc[t]);
            acc_min[t] = _mm_fmadd_ps(_mm_set1_ps(wmin * yb.d), _mm_cvtepi32_ps(min_terms), acc_min[t]);
        }
    }
    for (int t = 0; t < T; ++t) {
        const __m128 m = _mm_add_ps(acc_min[t], _mm_movehl_ps(acc_min[t], acc_min[t]));
        out[t] = hsum256(acc[t]) - _mm_cvtss_f32(_mm_add_ss(m, _mm_movehdup_ps(m)));
    }
}

template <typename Block>
CONCLAVE_AVX2 float dot_k4(const void* w, const void* a, std::int64_t n) {
    float out;
    dot_k4_rows<Block, 1>(w, a, 0, n, &out);
    return out;
}

// Byte shuffle for run r (0..3) of a Q6_K half: int16 lane 2r of the scales to the low
// 128-bit half (elements 0-15 of the run), lane 2r + 1 to the high half (elements 16-31).
CONCLAVE_AVX2 inline __m256i q6_scale_mask(int r) {
    const char a = static_cast<char>(4 * r), b = static_cast<char>(4 * r + 1);
    const char c = static_cast<char>(4 * r + 2), d = static_cast<char>(4 * r + 3);
    return _mm256_setr_epi8(a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b,
                            c, d, c, d, c, d, c, d, c, d, c, d, c, d, c, d);
}

// Two bits of each code from qh, moved to bit positions 4-5.
CONCLAVE_AVX2 inline __m256i q6_high_bits(__m256i qh, int shift, __m256i low2) {
    return _mm256_slli_epi16(_mm256_and_si256(_mm256_srli_epi16(qh, shift), low2), 4);
}

// Q6_K's eight runs of 32 codes (0..63) in element order.
CONCLAVE_AVX2 inline void q6_codes(const quant::BlockQ6_K& x, __m256i (&codes)[8]) {
    const __m256i low4 = _mm256_set1_epi8(0x0f), low2 = _mm256_set1_epi8(0x03);
    for (int half = 0; half < 2; ++half) {
        const __m256i ql0 = load32(x.ql + 64 * half), ql1 = load32(x.ql + 64 * half + 32);
        const __m256i qh = load32(x.qh + 32 * half);
        codes[4 * half] = _mm256_or_si256(_mm256_and_si256(ql0, low4), q6_high_bits(qh, 0, low2));
        codes[4 * half + 1] = _mm256_or_si256(_mm256_and_si256(ql1, low4), q6_high_bits(qh, 2, low2));
        codes[4 * half + 2] = _mm256_or_si256(_mm256_and_si256(_mm256_srli_epi16(ql0, 4), low4), q6_high_bits(qh, 4, low2));
        codes[4 * half + 3] = _mm256_or_si256(_mm256_and_si256(_mm256_srli_epi16(ql1, 4), low4), q6_high_bits(qh, 6, low2));
    }
}

// Q6_K against T activation rows `a_stride` bytes apart (T = 1 for generation, 4 for
// prompts). The sixteen int8 scales are widened once per super-block and broadcast per run by
// a byte shuffle; the -32 offset is 32 x (scales . activation sums per 16), one madd, taken off
// the integer sum before the single float multiply (|sum| stays below 2^29).
template <int T>
CONCLAVE_AVX2 void dot_q6_k_rows(const void* w, const void* a, std::size_t a_stride, std::int64_t n, float* out) {
    const auto* x = static_cast<const quant::BlockQ6_K*>(w);
    const quant::BlockQ8_K* y[T];
    for (int t = 0; t < T; ++t)
        y[t] = reinterpret_cast<const quant::BlockQ8_K*>(static_cast<const unsigned char*>(a) + t * a_stride);
    __m256 acc[T];
    for (int t = 0; t < T; ++t) acc[t] = _mm256_setzero_ps();
    for (std::int64_t b = 0; b < n / qk; ++b) {
        const __m256i scales = _mm256_cvtepi8_epi16(_mm_loadu_si128(reinterpret_cast<const __m128i*>(x[b].scales)));
        const __m256i scales_first = _mm256_permute2x128_si256(scales, scales, 0x00);  // scales 0-7
        const __m256i scales_second = _mm256_permute2x128_si256(scales, scales, 0x11); // scales 8-15
        __m256i codes[8];
        q6_codes(x[b], codes);
        __m256i sumi[T];
        for (int t = 0; t < T; ++t) {
            const __m256i sums16 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(y[t][b].bsums));
            sumi[t] = _mm256_sub_epi32(_mm256_setzero_si256(), _mm256_slli_epi32(_mm256_madd_epi16(scales, sums16), 5));
        }
        for (int r = 0; r < 8; ++r) {
            const __m256i s = _mm256_shuffle_epi8(r < 4 ? scales_first : scales_second, q6_scale_mask(r % 4));
            for (int t = 0; t < T; ++t) {
                const __m256i p = _mm256_maddubs_epi16(codes[r], load32(y[t][b].qs + 32 * r));
                sumi[t] = _mm256_add_epi32(sumi[t], _mm256_madd_epi16(p, s));
            }
        }
        const float wd = _cvtsh_ss(x[b].d);
        for (int t = 0; t < T; ++t)
            acc[t] = _mm256_fmadd_ps(_mm256_set1_ps(wd * y[t][b].d), _mm256_cvtepi32_ps(sumi[t]), acc[t]);
    }
    for (int t = 0; t < T; ++t) out[t] = hsum256(acc[t]);
}

CONCLAVE_AVX2 float dot_q6_k(const void* w, const void* a, std::int64_t n) {
    float out;
    dot_q6_k_rows<1>(w, a, 0, n, &out);
    return out;
}

} // namespace

QuantDotX4Fn quant_dot_x4_k_avx2(quant::TensorType weight) {
    using T = quant::TensorType;
    switch (weight) {
    case T::Q4_K: return dot_k4_rows<quant::BlockQ4_K, 4>;
    case T::Q5_K: return dot_k4_rows<quant::BlockQ5_K, 4>;
    case T::Q6_K: return dot_q6_k_rows<4>;
    default: return nullptr;
    }
}

QuantDotFn quant_dot_k_avx2(quant::TensorType weight) {
    using T = quant::TensorType;
    switch (weight) {
    case T::Q4_K: return dot_k4<quant::BlockQ4_K>;
    case T::Q5_K: return dot_k4<quant::BlockQ5_K>;
    case T::Q6_K: return dot_q6_k;
    default: return nullptr;
    }
}

} // namespace conclave::cpu

#else

namespace conclave::cpu {
QuantDotFn quant_dot_k_avx2(quant::TensorType) { return nullptr; }
QuantDotX4Fn quant_dot_x4_k_avx2(quant::TensorType) { return nullptr; }
} // namespace conclave::cpu

#endif
