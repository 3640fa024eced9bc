// NEON integer dot products of Q2_K and Q3_K weights with Q8_K activations. Both keep 2-bit
// codes in one plane: byte 32h + i of qs holds element i of run 4h + s (h = half, s = 0..3) in
// bits 2s, 2s+1, so two 16-byte loads per half serve all four runs. Each group of 16 elements
// (half a run) is multiplied with its activation bytes into int32 lanes (SDOT, or SMULL +
// pairwise add) and weighted by its sub-block scale; the super-block's sum is exact in int32
// and scaled once, as in the scalar reference (quant_dot_k_reference.cpp).
// Q2_K: 4-bit scale and minimum per 16; the minimum meets the activation sums per 16 (bsums).
// Q3_K: a third bit per element in hmask (bit j of byte i for element i of run j; clear means
// -4), codes -4..3, signed 6-bit scales.

#include "backend/cpu/quant_dot.h"

#if defined(__aarch64__)
#include "backend/cpu/neon_util.h"
#include "quant/blocks_k.h"
#include "quant/k_scales.h"

#include <arm_neon.h>

namespace conclave::cpu {
namespace {

constexpr int qk = quant::qk_k;

// The 16 groups of 16 codes of a super-block, group g = elements 16g..16g+15, unsigned 0..3.
inline void low2_groups(const std::uint8_t* qs, uint8x16_t (&groups)[16]) {
    const uint8x16_t three = vdupq_n_u8(3);
    for (int h = 0; h < 2; ++h) {
        const uint8x16_t q0 = load16(qs + 32 * h), q1 = load16(qs + 32 * h + 16);
        groups[8 * h + 0] = vandq_u8(q0, three);
        groups[8 * h + 1] = vandq_u8(q1, three);
        groups[8 * h + 2] = vandq_u8(vshrq_n_u8(q0, 2), three);
        groups[8 * h + 3] = vandq_u8(vshrq_n_u8(q1, 2), three);
        groups[8 * h + 4] = vandq_u8(vshrq_n_u8(q0, 4), three);
        groups[8 * h + 5] = vandq_u8(vshrq_n_u8(q1, 4), three);
        groups[8 * h + 6] = vshrq_n_u8(q0, 6);
        groups[8 * h + 7] = vshrq_n_u8(q1, 6);
    }
}

struct Q2_K {
    using Block = quant::BlockQ2_K;
    // Codes, their scales, and the integer minimum term Σ min_g bsums_g for one activation.
    static void codes(const Block& x, int8x16_t (&codes)[16], int (&scales)[16]) {
        uint8x16_t groups[16];
        low2_groups(x.qs, groups);
        for (int g = 0; g < 16; ++g) {
            codes[g] = as_s8(groups[g]);
            scales[g] = x.scales[g] & 0x0f;
        }
    }
    static float finish(const Block& x, const quant::BlockQ8_K& y, int scaled) {
        const uint8x16_t packed = load16(x.scales);
        const int16x8_t min_lo = vreinterpretq_s16_u16(vmovl_u8(vshr_n_u8(vget_low_u8(packed), 4)));
        const int16x8_t min_hi = vreinterpretq_s16_u16(vmovl_u8(vshr_n_u8(vget_high_u8(packed), 4)));
        const int32x4_t products = vmlal_high_s16(
            vmlal_s16(vmlal_high_s16(vmull_s16(vget_low_s16(min_lo), vld1_s16(y.bsums)), min_lo, vld1q_s16(y.bsums)),
                      vget_low_s16(min_hi), vld1_s16(y.bsums + 8)),
            min_hi, vld1q_s16(y.bsums + 8));
        const int mins = vaddvq_s32(products);
        return y.d * (neon_half_to_float(x.d) * static_cast<float>(scaled) -
                      neon_half_to_float(x.dmin) * static_cast<float>(mins));
    }
};

struct Q3_K {
    using Block = quant::BlockQ3_K;
    static void codes(const Block& x, int8x16_t (&codes)[16], int (&scales)[16]) {
        uint8x16_t groups[16];
        low2_groups(x.qs, groups);
        const uint8x16_t h0 = load16(x.hmask), h1 = load16(x.hmask + 16);
        const int8x16_t four = vdupq_n_s8(4);
        for (int g = 0; g < 16; ++g) {
            // Group g is bytes 0-15 (even g) or 16-31 (odd g) of run g / 2.
            const uint8x16_t set = vtstq_u8(g % 2 ? h1 : h0, vdupq_n_u8(static_cast<std::uint8_t>(1u << (g / 2))));
            codes[g] = vsubq_s8(vorrq_s8(as_s8(groups[g]), vandq_s8(as_s8(set), four)), four);
        }
        quant::unpack_q3_k_scales(x.scales, scales);
    }
    static float finish(const Block& x, const quant::BlockQ8_K& y, int scaled) {
        return y.d * neon_half_to_float(x.d) * static_cast<float>(scaled);
    }
};

// [n] against T activation rows `a_stride` bytes apart (T = 1 or 4): a super-block's codes
// are expanded once for all T rows.
template <typename Format, typename Isa, int T>
void dot_rows(const void* w, const void* a, std::size_t a_stride, std::int64_t n, float* out) {
    const auto* x = static_cast<const typename Format::Block*>(w);
    const quant::BlockQ8_K* y[T];
    for (int t = 0; t < T; ++t)
        y[t] = reinterpret_cast<const quant::BlockQ8_K*>(static_cast<const unsigned char*>(a) + t * a_stride);
    float sum[T] = {};
    for (std::int64_t b = 0; b < n / qk; ++b) {
        int8x16_t codes[16];
        int scales[16];
        Format::codes(x[b], codes, scales);
        for (int t = 0; t < T; ++t) {
            int32x4_t sumi = vdupq_n_s32(0);
            for (int g = 0; g < 16; ++g)
                sumi = vmlaq_n_s32(sumi, Isa::dot(vdupq_n_s32(0), codes[g], load16(y[t][b].qs + 16 * g)), scales[g]);
            sum[t] += Format::finish(x[b], y[t][b], vaddvq_s32(sumi));
        }
    }
    for (int t = 0; t < T; ++t) out[t] = sum[t];
}

template <typename Format> float dot_plain(const void* w, const void* a, std::int64_t n) {
    float out;
    dot_rows<Format, NeonPlain, 1>(w, a, 0, n, &out);
    return out;
}

template <typename Format> CONCLAVE_DOTPROD_ENTRY float dot_dotprod(const void* w, const void* a, std::int64_t n) {
    float out;
    dot_rows<Format, NeonDotprod, 1>(w, a, 0, n, &out);
    return out;
}

template <typename Format>
void dot_x4_plain(const void* w, const void* a, std::size_t a_stride, std::int64_t n, float* out) {
    dot_rows<Format, NeonPlain, 4>(w, a, a_stride, n, out);
}

template <typename Format>
CONCLAVE_DOTPROD_ENTRY void dot_x4_dotprod(const void* w, const void* a, std::size_t a_stride, std::int64_t n,
                                           float* out) {
    dot_rows<Format, NeonDotprod, 4>(w, a, a_stride, n, out);
}

} // namespace

QuantDotFn quant_dot_k23_neon(quant::TensorType weight, bool dotprod) {
    using T = quant::TensorType;
    switch (weight) {
    case T::Q2_K: return dotprod ? dot_dotprod<Q2_K> : dot_plain<Q2_K>;
    case T::Q3_K: return dotprod ? dot_dotprod<Q3_K> : dot_plain<Q3_K>;
    default: return nullptr;
    }
}

QuantDotX4Fn quant_dot_x4_k23_neon(quant::TensorType weight, bool dotprod) {
    using T = quant::TensorType;
    switch (weight) {
    case T::Q2_K: return dotprod ? dot_x4_dotprod<Q2_K> : dot_x4_plain<Q2_K>;
    case T::Q3_K: return dotprod ? dot_x4_dotprod<Q3_K> : dot_x4_plain<Q3_K>;
    default: return nullptr;
    }
}

} // namespace conclave::cpu

#else

namespace conclave::cpu {
QuantDotFn quant_dot_k23_neon(quant::TensorType, bool) {
    return nullptr;
}
QuantDotX4Fn quant_dot_x4_k23_neon(quant::TensorType, bool) {
    return nullptr;
}
} // namespace conclave::cpu

#endif
