#pragma once
// One weight row of 32-element blocks with signed codes against one Q8_0 activation row, four
// blocks per step: generation's matrix-vector kernel (dot_signed_blocks serves Q8_0 and Q5_0,
// dot_nibble_blocks below Q4_0, IQ4_NL and MXFP4, dot_offset_blocks Q4_1 and Q5_1). Per block
// the codes meet the activations through maddubs and madd as usual; what is shared is the
// float work. Two rounds of hadd fold the four blocks' eight int32 lanes into one vector
// (lane k of each half belongs to block k), so one conversion and one FMA serve four blocks,
// and their four weight scales and four activation scales are converted as one vector each
// instead of one scalar at a time. Include only from AVX2 kernel files.

#if defined(__x86_64__)
#include "backend/cpu/avx2_util.h"
#include "quant/blocks_legacy.h"

#include <cstddef>
#include <cstring>

namespace conclave::cpu {

// Four fp16 values `stride` bytes apart, as floats.
CONCLAVE_AVX2 inline __m128 four_halves(const void* first, std::size_t stride) {
    const auto* p = static_cast<const unsigned char*>(first);
    std::uint16_t h[4];
    for (int k = 0; k < 4; ++k) std::memcpy(&h[k], p + k * stride, sizeof h[k]);
    return _mm_cvtph_ps(_mm_setr_epi16(static_cast<short>(h[0]), static_cast<short>(h[1]), static_cast<short>(h[2]),
                                       static_cast<short>(h[3]), 0, 0, 0, 0));
}

// Lane k of each 128-bit half: the sum of block k's int32 lanes 0-3 (low half) or 4-7 (high).
CONCLAVE_AVX2 inline __m256 fold_four_blocks(__m256i s0, __m256i s1, __m256i s2, __m256i s3) {
    return _mm256_cvtepi32_ps(_mm256_hadd_epi32(_mm256_hadd_epi32(s0, s1), _mm256_hadd_epi32(s2, s3)));
}

// Format: Block; values(const Block&) -> 32 signed codes (-127..127) in element order;
// scale(const Block&) -> float; scales4(const Block*) -> the four scales of x[0..3].
template <typename Format>
CONCLAVE_AVX2 float dot_signed_blocks(const void* w, const void* a, std::int64_t n) {
    using Block = typename Format::Block;
    const auto* x = static_cast<const Block*>(w);
    const auto* y = static_cast<const quant::BlockQ8_0*>(a);
    const std::int64_t blocks = n / quant::qk_legacy;
    __m256 acc = _mm256_setzero_ps();
    std::int64_t b = 0;
    for (; b + 4 <= blocks; b += 4) {
        __m256i sums[4];
        for (int k = 0; k < 4; ++k) sums[k] = dot_ss(Format::values(x[b + k]), load32(y[b + k].qs));
        const __m128 d = _mm_mul_ps(Format::scales4(x + b), four_halves(&y[b].d, sizeof(quant::BlockQ8_0)));
        acc = _mm256_fmadd_ps(_mm256_set_m128(d, d), fold_four_blocks(sums[0], sums[1], sums[2], sums[3]), acc);
    }
    for (; b < blocks; ++b) {
        const __m256 d = _mm256_set1_ps(Format::scale(x[b]) * _cvtsh_ss(y[b].d));
        acc = _mm256_fmadd_ps(d, _mm256_cvtepi32_ps(dot_ss(Format::values(x[b]), load32(y[b].qs))), acc);
    }
    return hsum256(acc);
}

// The same for formats whose codes are nibbles (Q4_0, IQ4_NL, MXFP4), where expanding the
// codes is most of the work: two blocks' 16 bytes of nibbles share one register, so one mask
// and one shift split both into their low nibbles (elements 0-15 of each block, one block per
// 128-bit half) and high nibbles (elements 16-31), and the activations are regrouped to match
// with two lane permutes. Each half of a pair's sum then already belongs to one block.
// Format::values(nibbles) maps 32 nibble bytes to signed codes; with Format::small_codes
// (|code| <= 12) the two maddubs results are added as int16 before the one madd.
template <typename Format>
CONCLAVE_AVX2 float dot_nibble_blocks(const void* w, const void* a, std::int64_t n) {
    using Block = typename Format::Block;
    const auto* x = static_cast<const Block*>(w);
    const auto* y = static_cast<const quant::BlockQ8_0*>(a);
    const std::int64_t blocks = n / quant::qk_legacy;
    const __m256i low4 = _mm256_set1_epi8(0x0f), ones = _mm256_set1_epi16(1);
    const __m256i pair_order = _mm256_setr_epi32(0, 0, 2, 2, 1, 1, 3, 3);
    __m256 acc = _mm256_setzero_ps();
    std::int64_t b = 0;
    for (; b + 4 <= blocks; b += 4) {
        __m256i pair_sums[2];
        for (int p = 0; p < 2; ++p) {
            const Block& first = x[b + 2 * p];
            const Block& second = x[b + 2 * p + 1];
            const __m256i packed = _mm256_inserti128_si256(
                _mm256_castsi128_si256(_mm_loadu_si128(reinterpret_cast<const __m128i*>(first.qs))),
                _mm_loadu_si128(reinterpret_cast<const __m128i*>(second.qs)), 1);
            const __m256i w_lo = Format::values(_mm256_and_si256(packed, low4));
            const __m256i w_hi = Format::values(_mm256_and_si256(_mm256_srli_epi16(packed, 4), low4));
            const __m256i y_first = load32(y[b + 2 * p].qs), y_second = load32(y[b + 2 * p + 1].qs);
            const __m256i a_lo = _mm256_permute2x128_si256(y_first, y_second, 0x20);
            const __m256i a_hi = _mm256_permute2x128_si256(y_first, y_second, 0x31);
            const __m256i p_lo = _mm256_maddubs_epi16(_mm256_sign_epi8(w_lo, w_lo), _mm256_sign_epi8(a_lo, w_lo));
            const __m256i p_hi = _mm256_maddubs_epi16(_mm256_sign_epi8(w_hi, w_hi), _mm256_sign_epi8(a_hi, w_hi));
            if constexpr (Format::small_codes)
                pair_sums[p] = _mm256_madd_epi16(_mm256_add_epi16(p_lo, p_hi), ones);
            else
                pair_sums[p] = _mm256_add_epi32(_mm256_madd_epi16(p_lo, ones), _mm256_madd_epi16(p_hi, ones));
        }
        // Lanes: block b, b, b+2, b+2 | b+1, b+1, b+3, b+3.
        const __m256 sums = _mm256_cvtepi32_ps(_mm256_hadd_epi32(pair_sums[0], pair_sums[1]));
        const __m128 d = _mm_mul_ps(Format::scales4(x + b), four_halves(&y[b].d, sizeof(quant::BlockQ8_0)));
        acc = _mm256_fmadd_ps(_mm256_permutevar8x32_ps(_mm256_castps128_ps256(d), pair_order), sums, acc);
    }
    for (; b < blocks; ++b) {
        const __m256i nibbles = spread_nibbles(x[b].qs);
        const __m256 d = _mm256_set1_ps(Format::scale(x[b]) * _cvtsh_ss(y[b].d));
        acc = _mm256_fmadd_ps(d, _mm256_cvtepi32_ps(dot_ss(Format::values(nibbles), load32(y[b].qs))), acc);
    }
    return hsum256(acc);
}

// The same for formats with unsigned codes and a minimum per block (Q4_1, Q5_1) against Q8_1
// activations: value = d * code + m, so the row's dot is Σ d·dy·(codes · act) + Σ m·s, where
// the activation block's s = dy · Σ act. The code sums fold as above; the four minimum terms
// of a step are one 128-bit FMA. Format::codes(const Block&) -> 32 unsigned codes in element
// order (0..31, so maddubs' pair sums stay below 2^15).
template <typename Format>
CONCLAVE_AVX2 float dot_offset_blocks(const void* w, const void* a, std::int64_t n) {
    using Block = typename Format::Block;
    const auto* x = static_cast<const Block*>(w);
    const auto* y = static_cast<const quant::BlockQ8_1*>(a);
    const std::int64_t blocks = n / quant::qk_legacy;
    constexpr std::size_t w_stride = sizeof(Block), a_stride = sizeof(quant::BlockQ8_1);
    __m256 acc = _mm256_setzero_ps();
    __m128 mins = _mm_setzero_ps();
    std::int64_t b = 0;
    for (; b + 4 <= blocks; b += 4) {
        __m256i sums[4];
        for (int k = 0; k < 4; ++k) sums[k] = dot_us(Format::codes(x[b + k]), load32(y[b + k].qs));
        const __m128 d = _mm_mul_ps(four_halves(&x[b].d, w_stride), four_halves(&y[b].d, a_stride));
        acc = _mm256_fmadd_ps(_mm256_set_m128(d, d), fold_four_blocks(sums[0], sums[1], sums[2], sums[3]), acc);
        mins = _mm_fmadd_ps(four_halves(&x[b].m, w_stride), four_halves(&y[b].s, a_stride), mins);
    }
    float tail_mins = 0.0f;
    for (; b < blocks; ++b) {
        const __m256 d = _mm256_set1_ps(_cvtsh_ss(x[b].d) * _cvtsh_ss(y[b].d));
        acc = _mm256_fmadd_ps(d, _mm256_cvtepi32_ps(dot_us(Format::codes(x[b]), load32(y[b].qs))), acc);
        tail_mins += _cvtsh_ss(x[b].m) * _cvtsh_ss(y[b].s);
    }
    mins = _mm_add_ps(mins, _mm_movehl_ps(mins, mins));
    mins = _mm_add_ss(mins, _mm_movehdup_ps(mins));
    return hsum256(acc) + _mm_cvtss_f32(mins) + tail_mins;
}

} // namespace conclave::cpu
#endif
