// NEON integer dot products of Q4_K, Q5_K and Q6_K weights with Q8_K activations. Codes are
// expanded to signed bytes in registers, multiplied with 16 activation bytes at a time into
// int32 lanes (SDOT, or SMULL + pairwise add without dotprod), weighted by their sub-block
// scale with one integer multiply-add and summed exactly per super-block; the float formula
// per super-block is the scalar reference's, so the kernels differ from it only in the order
// super-blocks are added (for four rows, not at all).

#include "backend/cpu/quant_dot.h"

#if defined(__aarch64__)
#include "backend/cpu/neon_util.h"
#include "quant/blocks_k.h"
#include "quant/k_scales.h"

#include <arm_neon.h>

namespace conclave::cpu {
namespace {

constexpr int qk = quant::qk_k;

// Chunk c (elements 64c..64c+63) of a Q4_K/Q5_K super-block as four registers of 16 codes
// (0..31): the low nibbles of qs[32c..32c+31] (sub-block 2c), then the high nibbles (sub-block
// 2c+1); Q5_K adds bit 2c (low nibbles) or 2c+1 (high nibbles) of qh[l] as 16.
inline void k4_chunk(const quant::BlockQ4_K& x, int c, int8x16_t (&codes)[4]) {
    const uint8x16_t q0 = load16(x.qs + 32 * c), q1 = load16(x.qs + 32 * c + 16);
    const uint8x16_t low4 = vdupq_n_u8(0x0f);
    codes[0] = as_s8(vandq_u8(q0, low4));
    codes[1] = as_s8(vandq_u8(q1, low4));
    codes[2] = as_s8(vshrq_n_u8(q0, 4));
    codes[3] = as_s8(vshrq_n_u8(q1, 4));
}

inline uint8x16_t q5_fifth_bit(uint8x16_t qh, int bit) {
    return vandq_u8(vtstq_u8(qh, vdupq_n_u8(static_cast<std::uint8_t>(1u << bit))),
                    vdupq_n_u8(0x10));
}

inline void k4_chunk(const quant::BlockQ5_K& x, int c, int8x16_t (&codes)[4]) {
    const uint8x16_t q0 = load16(x.qs + 32 * c), q1 = load16(x.qs + 32 * c + 16);
    const uint8x16_t h0 = load16(x.qh), h1 = load16(x.qh + 16);
    const uint8x16_t low4 = vdupq_n_u8(0x0f);
    codes[0] = as_s8(vorrq_u8(vandq_u8(q0, low4), q5_fifth_bit(h0, 2 * c)));
    codes[1] = as_s8(vorrq_u8(vandq_u8(q1, low4), q5_fifth_bit(h1, 2 * c)));
    codes[2] = as_s8(vorrq_u8(vshrq_n_u8(q0, 4), q5_fifth_bit(h0, 2 * c + 1)));
    codes[3] = as_s8(vorrq_u8(vshrq_n_u8(q1, 4), q5_fifth_bit(h1, 2 * c + 1)));
}

// Sum over the eight sub-blocks of min[sb] * (bsums[2sb] + bsums[2sb + 1]): the pairwise add
// stays within int16 (two sums of 16 codes of at most 127).
inline int k4_mins(const std::int16_t* bsums, const int16x8_t min) {
    const int16x8_t pairs = vpaddq_s16(vld1q_s16(bsums), vld1q_s16(bsums + 8));
    const int32x4_t products =
        vmlal_high_s16(vmull_s16(vget_low_s16(pairs), vget_low_s16(min)), pairs, min);
    return vaddvq_s32(products);
}

// Q4_K/Q5_K [n] against T activation rows `a_stride` bytes apart (T = 1 for generation, 4 for
// prompts). Each sub-block's 32 products are summed exactly in int32 lanes and weighted by its
// 6-bit scale; the minimum term goes through the activation sums per 16.
template <typename Block, typename Isa, int T>
void dot_k4_rows(const void* w, const void* a, std::size_t a_stride, std::int64_t n, float* out) {
    const auto* x = static_cast<const Block*>(w);
    const quant::BlockQ8_K* y[T];
    for (int t = 0; t < T; ++t)
        y[t] = reinterpret_cast<const quant::BlockQ8_K*>(static_cast<const unsigned char*>(a) +
                                                         t * a_stride);
    float sum[T] = {};
    for (std::int64_t b = 0; b < n / qk; ++b) {
        int scale[8];
        std::int16_t min[8];
        for (int sb = 0; sb < 8; ++sb) {
            int m = 0;
            quant::unpack_scale_min_k4(x[b].scales, sb, scale[sb], m);
            min[sb] = static_cast<std::int16_t>(m);
        }
        const int16x8_t mins = vld1q_s16(min);
        int32x4_t sumi[T];
        for (int t = 0; t < T; ++t) sumi[t] = vdupq_n_s32(0);
        for (int c = 0; c < 4; ++c) {
            int8x16_t codes[4];
            k4_chunk(x[b], c, codes);
            for (int t = 0; t < T; ++t) {
                const std::int8_t* act = y[t][b].qs + 64 * c;
                const int32x4_t lo = Isa::dot(Isa::dot(vdupq_n_s32(0), codes[0], load16(act)),
                                              codes[1], load16(act + 16));
                const int32x4_t hi = Isa::dot(Isa::dot(vdupq_n_s32(0), codes[2], load16(act + 32)),
                                              codes[3], load16(act + 48));
                sumi[t] = vmlaq_n_s32(vmlaq_n_s32(sumi[t], lo, scale[2 * c]), hi, scale[2 * c + 1]);
            }
        }
        const float wd = neon_half_to_float(x[b].d), wmin = neon_half_to_float(x[b].dmin);
        for (int t = 0; t < T; ++t) {
            const quant::BlockQ8_K& yb = y[t][b];
            const int scaled = vaddvq_s32(sumi[t]);
            const int mins_total = k4_mins(yb.bsums, mins);
            sum[t] +=
                yb.d * (wd * static_cast<float>(scaled) - wmin * static_cast<float>(mins_total));
        }
    }
    for (int t = 0; t < T; ++t) out[t] = sum[t];
}

// The 256 codes of a Q6_K super-block as 16 registers of 16 signed codes (-32..31), register g
// holding elements 16g..16g+15, the group that shares scales[g]. Each half of 128 holds four
// runs of 32: low nibbles of ql[0..31], of ql[32..63], high nibbles of ql[0..31], of
// ql[32..63], with bits 0-1, 2-3, 4-5, 6-7 of qh[0..31] on top.
inline void q6_codes(const quant::BlockQ6_K& x, int8x16_t (&codes)[16]) {
    const uint8x16_t low4 = vdupq_n_u8(0x0f), low2 = vdupq_n_u8(0x03);
    const int8x16_t offset = vdupq_n_s8(32);
    for (int half = 0; half < 2; ++half)
        for (int part = 0; part < 2; ++part) { // bytes 0-15 or 16-31 of each run
            const std::uint8_t* ql = x.ql + 64 * half + 16 * part;
            const uint8x16_t ql0 = load16(ql), ql1 = load16(ql + 32);
            const uint8x16_t qh = load16(x.qh + 32 * half + 16 * part);
            const uint8x16_t runs[4] = {
                vorrq_u8(vandq_u8(ql0, low4), vshlq_n_u8(vandq_u8(qh, low2), 4)),
                vorrq_u8(vandq_u8(ql1, low4), vshlq_n_u8(vandq_u8(vshrq_n_u8(qh, 2), low2), 4)),
                vorrq_u8(vshrq_n_u8(ql0, 4), vshlq_n_u8(vandq_u8(vshrq_n_u8(qh, 4), low2), 4)),
                vorrq_u8(vshrq_n_u8(ql1, 4), vshlq_n_u8(vshrq_n_u8(qh, 6), 4)),
            };
            for (int r = 0; r < 4; ++r)
                codes[8 * half + 2 * r + part] = vsubq_s8(as_s8(runs[r]), offset);
        }
}

// Q6_K [n] against T activation rows: codes expanded once per super-block, 16 signed dots per
// row weighted by the signed 8-bit group scales (|sum| < 2^31: 16 groups x 128 x 16 x 32 x 128).
template <typename Isa, int T>
void dot_q6_k_rows(const void* w, const void* a, std::size_t a_stride, std::int64_t n, float* out) {
    const auto* x = static_cast<const quant::BlockQ6_K*>(w);
    const quant::BlockQ8_K* y[T];
    for (int t = 0; t < T; ++t)
        y[t] = reinterpret_cast<const quant::BlockQ8_K*>(static_cast<const unsigned char*>(a) +
                                                         t * a_stride);
    float sum[T] = {};
    for (std::int64_t b = 0; b < n / qk; ++b) {
        int8x16_t codes[16];
        q6_codes(x[b], codes);
        const float wd = neon_half_to_float(x[b].d);
        for (int t = 0; t < T; ++t) {
            const quant::BlockQ8_K& yb = y[t][b];
            int32x4_t sumi = vdupq_n_s32(0);
            for (int g = 0; g < qk / 16; ++g)
                sumi = vmlaq_n_s32(sumi, Isa::dot(vdupq_n_s32(0), codes[g], load16(yb.qs + 16 * g)),
                                   x[b].scales[g]);
            sum[t] += yb.d * wd * static_cast<float>(vaddvq_s32(sumi));
        }
    }
    for (int t = 0; t < T; ++t) out[t] = sum[t];
}

// Entry points: one function per (kernel, policy, rows); the dotprod ones carry the target.
template <typename Block> float dot_k4_plain(const void* w, const void* a, std::int64_t n) {
    float out;
    dot_k4_rows<Block, NeonPlain, 1>(w, a, 0, n, &out);
    return out;
}
template <typename Block>
CONCLAVE_DOTPROD_ENTRY float dot_k4_dotprod(const void* w, const void* a, std::int64_t n) {
    float out;
    dot_k4_rows<Block, NeonDotprod, 1>(w, a, 0, n, &out);
    return out;
}
template <typename Block>
void dot_k4_x4_plain(const void* w, const void* a, std::size_t a_stride, std::int64_t n,
                     float* out) {
    dot_k4_rows<Block, NeonPlain, 4>(w, a, a_stride, n, out);
}
template <typename Block>
CONCLAVE_DOTPROD_ENTRY void dot_k4_x4_dotprod(const void* w, const void* a, std::size_t a_stride,
                                              std::int64_t n, float* out) {
    dot_k4_rows<Block, NeonDotprod, 4>(w, a, a_stride, n, out);
}

float dot_q6_k_plain(const void* w, const void* a, std::int64_t n) {
    float out;
    dot_q6_k_rows<NeonPlain, 1>(w, a, 0, n, &out);
    return out;
}
CONCLAVE_DOTPROD_ENTRY float dot_q6_k_dotprod(const void* w, const void* a, std::int64_t n) {
    float out;
    dot_q6_k_rows<NeonDotprod, 1>(w, a, 0, n, &out);
    return out;
}
void dot_q6_k_x4_plain(const void* w, const void* a, std::size_t a_stride, std::int64_t n,
                       float* out) {
    dot_q6_k_rows<NeonPlain, 4>(w, a, a_stride, n, out);
}
CONCLAVE_DOTPROD_ENTRY void dot_q6_k_x4_dotprod(const void* w, const void* a, std::size_t a_stride,
                                                std::int64_t n, float* out) {
    dot_q6_k_rows<NeonDotprod, 4>(w, a, a_stride, n, out);
}

} // namespace

QuantDotFn quant_dot_k_neon(quant::TensorType weight, bool dotprod) {
    using T = quant::TensorType;
    switch (weight) {
    case T::Q4_K:
        return dotprod ? dot_k4_dotprod<quant::BlockQ4_K> : dot_k4_plain<quant::BlockQ4_K>;
    case T::Q5_K:
        return dotprod ? dot_k4_dotprod<quant::BlockQ5_K> : dot_k4_plain<quant::BlockQ5_K>;
    case T::Q6_K:
        return dotprod ? dot_q6_k_dotprod : dot_q6_k_plain;
    default:
        return nullptr;
    }
}

QuantDotX4Fn quant_dot_x4_k_neon(quant::TensorType weight, bool dotprod) {
    using T = quant::TensorType;
    switch (weight) {
    case T::Q4_K:
        return dotprod ? dot_k4_x4_dotprod<quant::BlockQ4_K> : dot_k4_x4_plain<quant::BlockQ4_K>;
    case T::Q5_K:
        return dotprod ? dot_k4_x4_dotprod<quant::BlockQ5_K> : dot_k4_x4_plain<quant::BlockQ5_K>;
    case T::Q6_K:
        return dotprod ? dot_q6_k_x4_dotprod : dot_q6_k_x4_plain;
    default:
        return nullptr;
    }
}

} // namespace conclave::cpu

#else

namespace conclave::cpu {
QuantDotFn quant_dot_k_neon(quant::TensorType, bool) {
    return nullptr;
}
QuantDotX4Fn quant_dot_x4_k_neon(quant::TensorType, bool) {
    return nullptr;
}
} // namespace conclave::cpu

#endif
