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

// Q4_K/Q5_K against T activation rows `a_stride` bytes apart (T = 1 for generation, 4 for
// prompts): each chunk's codes are expanded once and reused for every row. Codes (0..31)
// times activations stay within maddubs' int16 pairs; madd applies the 6-bit sub-block scale.
// The minimum term goes through the activation sums per 16.
template <typename Block, int T>
CONCLAVE_AVX2 void dot_k4_rows(const void* w, const void* a, std::size_t a_stride, std::int64_t n, float* out) {
    const auto* x = static_cast<const Block*>(w);
    const quant::BlockQ8_K* y[T];
    for (int t = 0; t < T; ++t)
        y[t] = reinterpret_cast<const quant::BlockQ8_K*>(static_cast<const unsigned char*>(a) + t * a_stride);
    __m256 acc[T];
    float mins_total[T];
    for (int t = 0; t < T; ++t) acc[t] = _mm256_setzero_ps(), mins_total[t] = 0.0f;
    for (std::int64_t b = 0; b < n / qk; ++b) {
        int scale[8], min[8];
        for (int sb = 0; sb < 8; ++sb) quant::unpack_scale_min_k4(x[b].scales, sb, scale[sb], min[sb]);
        __m256i sumi[T];
        for (int t = 0; t < T; ++t) sumi[t] = _mm256_setzero_si256();
        for (int c = 0; c < 4; ++c) {
            __m256i lo, hi;
            k4_chunk(x[b], c, lo, hi);
            const __m256i s_lo = _mm256_set1_epi16(static_cast<short>(scale[2 * c]));
            const __m256i s_hi = _mm256_set1_epi16(static_cast<short>(scale[2 * c + 1]));
            for (int t = 0; t < T; ++t) {
                const __m256i p_lo = _mm256_maddubs_epi16(lo, load32(y[t][b].qs + 64 * c));
                const __m256i p_hi = _mm256_maddubs_epi16(hi, load32(y[t][b].qs + 64 * c + 32));
                sumi[t] = _mm256_add_epi32(sumi[t], _mm256_add_epi32(_mm256_madd_epi16(p_lo, s_lo), _mm256_madd_epi16(p_hi, s_hi)));
            }
        }
        const float wd = _cvtsh_ss(x[b].d), wmin = _cvtsh_ss(x[b].dmin);
        for (int t = 0; t < T; ++t) {
            const quant::BlockQ8_K& yb = y[t][b];
            int mins = 0;
            for (int sb = 0; sb < 8; ++sb) mins += min[sb] * (yb.bsums[2 * sb] + yb.bsums[2 * sb + 1]);
            acc[t] = _mm256_fmadd_ps(_mm256_set1_ps(wd * yb.d), _mm256_cvtepi32_ps(sumi[t]), acc[t]);
            mins_total[t] += wmin * yb.d * static_cast<float>(mins);
        }
    }
    for (int t = 0; t < T; ++t) out[t] = hsum256(acc[t]) - mins_total[t];
}

template <typename Block>
CONCLAVE_AVX2 float dot_k4(const void* w, const void* a, std::int64_t n) {
    float out;
    dot_k4_rows<Block, 1>(w, a, 0, n, &out);
    return out;
}

// Weights 32 codes (0..63, offset 32 applied later) with the scales of their two groups of
// 16: int16 lanes 0-7 hold elements 0-15, lanes 8-15 elements 16-31.
CONCLAVE_AVX2 inline __m256i q6_run(__m256i codes, const std::int8_t* act, const std::int8_t* scales) {
    const __m256i p = _mm256_maddubs_epi16(codes, load32(act));
    const __m256i s = _mm256_set_m128i(_mm_set1_epi16(scales[1]), _mm_set1_epi16(scales[0]));
    return _mm256_madd_epi16(p, s);
}

// Two bits of each code from qh, moved to bit positions 4-5.
CONCLAVE_AVX2 inline __m256i q6_high_bits(__m256i qh, int shift, __m256i low2) {
    return _mm256_slli_epi16(_mm256_and_si256(_mm256_srli_epi16(qh, shift), low2), 4);
}

CONCLAVE_AVX2 float dot_q6_k(const void* w, const void* a, std::int64_t n) {
    const auto* x = static_cast<const quant::BlockQ6_K*>(w);
    const auto* y = static_cast<const quant::BlockQ8_K*>(a);
    const __m256i low4 = _mm256_set1_epi8(0x0f), low2 = _mm256_set1_epi8(0x03);
    __m256 acc = _mm256_setzero_ps();
    for (std::int64_t b = 0; b < n / qk; ++b) {
        int offset = 0;
        for (int g = 0; g < qk / 16; ++g) offset += x[b].scales[g] * y[b].bsums[g];
        __m256i sumi = _mm256_setzero_si256();
        for (int half = 0; half < 2; ++half) {
            const __m256i ql0 = load32(x[b].ql + 64 * half), ql1 = load32(x[b].ql + 64 * half + 32);
            const __m256i qh = load32(x[b].qh + 32 * half);
            const std::int8_t* act = y[b].qs + 128 * half;
            const std::int8_t* sc = x[b].scales + 8 * half;
            const __m256i q1 = _mm256_or_si256(_mm256_and_si256(ql0, low4), q6_high_bits(qh, 0, low2));
            const __m256i q2 = _mm256_or_si256(_mm256_and_si256(ql1, low4), q6_high_bits(qh, 2, low2));
            const __m256i q3 = _mm256_or_si256(_mm256_and_si256(_mm256_srli_epi16(ql0, 4), low4), q6_high_bits(qh, 4, low2));
            const __m256i q4 = _mm256_or_si256(_mm256_and_si256(_mm256_srli_epi16(ql1, 4), low4), q6_high_bits(qh, 6, low2));
            sumi = _mm256_add_epi32(sumi, q6_run(q1, act, sc));
            sumi = _mm256_add_epi32(sumi, q6_run(q2, act + 32, sc + 2));
            sumi = _mm256_add_epi32(sumi, q6_run(q3, act + 64, sc + 4));
            sumi = _mm256_add_epi32(sumi, q6_run(q4, act + 96, sc + 6));
        }
        const float d = _cvtsh_ss(x[b].d) * y[b].d;
        acc = _mm256_fmadd_ps(_mm256_set1_ps(d), _mm256_cvtepi32_ps(sumi), acc);
        acc = _mm256_add_ps(acc, _mm256_set_ps(0, 0, 0, 0, 0, 0, 0, -32.0f * d * static_cast<float>(offset)));
    }
    return hsum256(acc);
}


// Four activation rows against one weight row (prompts): each super-block's codes are
// expanded once and reused for the four tokens.
CONCLAVE_AVX2 void dot_q6_k_x4(const void* w, const void* a, std::size_t a_stride, std::int64_t n, float* out) {
    const auto* x = static_cast<const quant::BlockQ6_K*>(w);
    const quant::BlockQ8_K* y[4];
    for (int t = 0; t < 4; ++t)
        y[t] = reinterpret_cast<const quant::BlockQ8_K*>(static_cast<const unsigned char*>(a) + t * a_stride);
    const __m256i low4 = _mm256_set1_epi8(0x0f), low2 = _mm256_set1_epi8(0x03);
    __m256 acc[4] = {_mm256_setzero_ps(), _mm256_setzero_ps(), _mm256_setzero_ps(), _mm256_setzero_ps()};
    for (std::int64_t b = 0; b < n / qk; ++b) {
        __m256i codes[8]; // runs of 32 in element order
        for (int half = 0; half < 2; ++half) {
            const __m256i ql0 = load32(x[b].ql + 64 * half), ql1 = load32(x[b].ql + 64 * half + 32);
            const __m256i qh = load32(x[b].qh + 32 * half);
            codes[4 * half] = _mm256_or_si256(_mm256_and_si256(ql0, low4), q6_high_bits(qh, 0, low2));
            codes[4 * half + 1] = _mm256_or_si256(_mm256_and_si256(ql1, low4), q6_high_bits(qh, 2, low2));
            codes[4 * half + 2] = _mm256_or_si256(_mm256_and_si256(_mm256_srli_epi16(ql0, 4), low4), q6_high_bits(qh, 4, low2));
            codes[4 * half + 3] = _mm256_or_si256(_mm256_and_si256(_mm256_srli_epi16(ql1, 4), low4), q6_high_bits(qh, 6, low2));
        }
        const float wd = _cvtsh_ss(x[b].d);
        for (int t = 0; t < 4; ++t) {
            const quant::BlockQ8_K& yb = y[t][b];
            int offset = 0;
            for (int g = 0; g < qk / 16; ++g) offset += x[b].scales[g] * yb.bsums[g];
            __m256i sumi = _mm256_setzero_si256();
            for (int r = 0; r < 8; ++r) sumi = _mm256_add_epi32(sumi, q6_run(codes[r], yb.qs + 32 * r, x[b].scales + 2 * r));
            const float d = wd * yb.d;
            acc[t] = _mm256_fmadd_ps(_mm256_set1_ps(d), _mm256_cvtepi32_ps(sumi), acc[t]);
            acc[t] = _mm256_add_ps(acc[t], _mm256_set_ps(0, 0, 0, 0, 0, 0, 0, -32.0f * d * static_cast<float>(offset)));
        }
    }
    for (int t = 0; t < 4; ++t) out[t] = hsum256(acc[t]);
}

} // namespace

QuantDotX4Fn quant_dot_x4_k_avx2(quant::TensorType weight) {
    using T = quant::TensorType;
    switch (weight) {
    case T::Q4_K: return dot_k4_rows<quant::BlockQ4_K, 4>;
    case T::Q5_K: return dot_k4_rows<quant::BlockQ5_K, 4>;
    case T::Q6_K: return dot_q6_k_x4;
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
