// NEON integer dot products of the legacy 32-blocks (Q4_0, Q4_1, Q5_0, Q5_1, Q8_0) and of the
// 4-bit table formats with 32-blocks (IQ4_NL, MXFP4: a nibble indexes 16 signed levels, looked
// up with one table instruction) with Q8_0 or Q8_1 activations. A block's 32 codes become two registers of signed bytes, elements 0-15
// and 16-31 (the low and high nibbles of qs line up with activations j and j + 16); each is
// multiplied with its activation register into int32 lanes (SDOT, or SMULL + pairwise add
// without dotprod), and the block's float scale multiplies those lanes into a float
// accumulator summed once per row. Q4_1/Q5_1 codes are unsigned 0..31, which also fit in a
// signed byte, so every type uses the same signed dot.

#include "backend/cpu/quant_dot.h"

#if defined(__aarch64__)
#include "backend/cpu/neon_util.h"
#include "quant/blocks_iq.h"
#include "quant/blocks_legacy.h"
#include "quant/blocks_mxfp4.h"
#include "quant/half.h"
#include "quant/iq_grids.h"

#include <arm_neon.h>
#include <cstring>
#include <type_traits>

namespace conclave::cpu {
namespace {

constexpr int qk = quant::qk_legacy;

// 16 bytes of nibbles -> elements 0-15 (low nibbles) and 16-31 (high nibbles).
inline void split_nibbles(const std::uint8_t* qs, uint8x16_t& lo, uint8x16_t& hi) {
    const uint8x16_t q = load16(qs);
    lo = vandq_u8(q, vdupq_n_u8(0x0f));
    hi = vshrq_n_u8(q, 4);
}

// The 32 bits of a Q5 block's qh as 0x10 in byte j where bit j is set: byte j of `lo` and
// byte j - 16 of `hi` look up byte j / 8 of qh and test bit j % 8.
inline void fifth_bits(const std::uint8_t* qh, uint8x16_t& lo, uint8x16_t& hi) {
    std::uint32_t bits;
    std::memcpy(&bits, qh, sizeof bits);
    static constexpr std::uint8_t bytes_lo[16] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1};
    static constexpr std::uint8_t bytes_hi[16] = {2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3};
    const uint8x16_t packed = vreinterpretq_u8_u32(vdupq_n_u32(bits));
    const uint8x16_t select = vreinterpretq_u8_u64(vdupq_n_u64(0x8040201008040201ull));
    const uint8x16_t sixteen = vdupq_n_u8(0x10);
    lo = vandq_u8(vtstq_u8(vqtbl1q_u8(packed, load16(bytes_lo)), select), sixteen);
    hi = vandq_u8(vtstq_u8(vqtbl1q_u8(packed, load16(bytes_hi)), select), sixteen);
}

// Per type: the block and activation layouts and the codes of one block, elements 0-15 in
// `lo` and 16-31 in `hi`, already offset (-8, -16) where the format centres them.
struct Q4_0Codes {
    using Block = quant::BlockQ4_0;
    using Act = quant::BlockQ8_0;
    static float scale(const Block& b) { return neon_half_to_float(b.d); }
    static void codes(const Block& b, int8x16_t& lo, int8x16_t& hi) {
        uint8x16_t l, h;
        split_nibbles(b.qs, l, h);
        lo = vsubq_s8(as_s8(l), vdupq_n_s8(8));
        hi = vsubq_s8(as_s8(h), vdupq_n_s8(8));
    }
};
struct Q4_1Codes {
    using Block = quant::BlockQ4_1;
    using Act = quant::BlockQ8_1;
    static float scale(const Block& b) { return neon_half_to_float(b.d); }
    static void codes(const Block& b, int8x16_t& lo, int8x16_t& hi) {
        uint8x16_t l, h;
        split_nibbles(b.qs, l, h);
        lo = as_s8(l);
        hi = as_s8(h);
    }
};
struct Q5_0Codes {
    using Block = quant::BlockQ5_0;
    using Act = quant::BlockQ8_0;
    static float scale(const Block& b) { return neon_half_to_float(b.d); }
    static void codes(const Block& b, int8x16_t& lo, int8x16_t& hi) {
        uint8x16_t l, h, fl, fh;
        split_nibbles(b.qs, l, h);
        fifth_bits(b.qh, fl, fh);
        lo = vsubq_s8(as_s8(vorrq_u8(l, fl)), vdupq_n_s8(16));
        hi = vsubq_s8(as_s8(vorrq_u8(h, fh)), vdupq_n_s8(16));
    }
};
struct Q5_1Codes {
    using Block = quant::BlockQ5_1;
    using Act = quant::BlockQ8_1;
    static float scale(const Block& b) { return neon_half_to_float(b.d); }
    static void codes(const Block& b, int8x16_t& lo, int8x16_t& hi) {
        uint8x16_t l, h, fl, fh;
        split_nibbles(b.qs, l, h);
        fifth_bits(b.qh, fl, fh);
        lo = as_s8(vorrq_u8(l, fl));
        hi = as_s8(vorrq_u8(h, fh));
    }
};
struct Q8_0Codes {
    using Block = quant::BlockQ8_0;
    using Act = quant::BlockQ8_0;
    static float scale(const Block& b) { return neon_half_to_float(b.d); }
    static void codes(const Block& b, int8x16_t& lo, int8x16_t& hi) {
        lo = load16(b.qs);
        hi = load16(b.qs + 16);
    }
};

// The 16 levels of a table format looked up by the block's nibbles.
inline void table_codes(const std::int8_t (&table)[16], const std::uint8_t* qs, int8x16_t& lo, int8x16_t& hi) {
    uint8x16_t l, h;
    split_nibbles(qs, l, h);
    const int8x16_t levels = vld1q_s8(table);
    lo = vqtbl1q_s8(levels, l);
    hi = vqtbl1q_s8(levels, h);
}
struct IQ4_NLCodes {
    using Block = quant::BlockIQ4_NL;
    using Act = quant::BlockQ8_0;
    static float scale(const Block& b) { return neon_half_to_float(b.d); }
    static void codes(const Block& b, int8x16_t& lo, int8x16_t& hi) { table_codes(quant::kvalues_iq4nl, b.qs, lo, hi); }
};
// The E8M0 scale halved because the table holds E2M1 values doubled (half.h).
struct MXFP4Codes {
    using Block = quant::BlockMXFP4;
    using Act = quant::BlockQ8_0;
    static float scale(const Block& b) { return quant::e8m0_to_fp32_half(b.e); }
    static void codes(const Block& b, int8x16_t& lo, int8x16_t& hi) { table_codes(quant::kvalues_mxfp4, b.qs, lo, hi); }
};

// One weight row [n] against T activation rows `a_stride` bytes apart (T = 1 for generation,
// 4 for prompts): each block's codes are expanded once and reused for every row. Q4_1/Q5_1's
// minimum meets the activation block sum stored in Q8_1 (s = d * sum of codes).
template <typename Codes, typename Isa, int T>
void dot_rows(const void* w, const void* a, std::size_t a_stride, std::int64_t n, float* out) {
    using Block = typename Codes::Block;
    using Act = typename Codes::Act;
    constexpr bool has_min = std::is_same_v<Act, quant::BlockQ8_1>;
    const auto* x = static_cast<const Block*>(w);
    const Act* y[T];
    for (int t = 0; t < T; ++t)
        y[t] = reinterpret_cast<const Act*>(static_cast<const unsigned char*>(a) + t * a_stride);
    float32x4_t acc[T];
    float mins[T];
    for (int t = 0; t < T; ++t) acc[t] = vdupq_n_f32(0.0f), mins[t] = 0.0f;
    for (std::int64_t b = 0; b < n / qk; ++b) {
        int8x16_t lo, hi;
        Codes::codes(x[b], lo, hi);
        const float wd = Codes::scale(x[b]);
        for (int t = 0; t < T; ++t) {
            const Act& yb = y[t][b];
            const int32x4_t sum =
                Isa::dot(Isa::dot(vdupq_n_s32(0), lo, load16(yb.qs)), hi, load16(yb.qs + 16));
            acc[t] = vfmaq_n_f32(acc[t], vcvtq_f32_s32(sum), wd * neon_half_to_float(yb.d));
            if constexpr (has_min) mins[t] += neon_half_to_float(x[b].m) * neon_half_to_float(yb.s);
        }
    }
    for (int t = 0; t < T; ++t) out[t] = vaddvq_f32(acc[t]) + mins[t];
}

template <typename Codes> float dot_plain(const void* w, const void* a, std::int64_t n) {
    float out;
    dot_rows<Codes, NeonPlain, 1>(w, a, 0, n, &out);
    return out;
}

template <typename Codes>
CONCLAVE_DOTPROD_ENTRY float dot_dotprod(const void* w, const void* a, std::int64_t n) {
    float out;
    dot_rows<Codes, NeonDotprod, 1>(w, a, 0, n, &out);
    return out;
}

template <typename Codes>
void dot_x4_plain(const void* w, const void* a, std::size_t a_stride, std::int64_t n, float* out) {
    dot_rows<Codes, NeonPlain, 4>(w, a, a_stride, n, out);
}

template <typename Codes>
CONCLAVE_DOTPROD_ENTRY void dot_x4_dotprod(const void* w, const void* a, std::size_t a_stride,
                                           std::int64_t n, float* out) {
    dot_rows<Codes, NeonDotprod, 4>(w, a, a_stride, n, out);
}

template <typename Codes> QuantDotFn single(bool dotprod) {
    return dotprod ? dot_dotprod<Codes> : dot_plain<Codes>;
}

template <typename Codes> QuantDotX4Fn four(bool dotprod) {
    return dotprod ? dot_x4_dotprod<Codes> : dot_x4_plain<Codes>;
}

} // namespace

QuantDotFn quant_dot_neon(quant::TensorType weight, bool dotprod) {
    using T = quant::TensorType;
    switch (weight) {
    case T::Q4_0:
        return single<Q4_0Codes>(dotprod);
    case T::Q4_1:
        return single<Q4_1Codes>(dotprod);
    case T::Q5_0:
        return single<Q5_0Codes>(dotprod);
    case T::Q5_1:
        return single<Q5_1Codes>(dotprod);
    case T::Q8_0:
        return single<Q8_0Codes>(dotprod);
    case T::IQ4_NL:
        return single<IQ4_NLCodes>(dotprod);
    case T::MXFP4:
        return single<MXFP4Codes>(dotprod);
    default:
        return nullptr;
    }
}

QuantDotX4Fn quant_dot_x4_neon(quant::TensorType weight, bool dotprod) {
    using T = quant::TensorType;
    switch (weight) {
    case T::Q4_0:
        return four<Q4_0Codes>(dotprod);
    case T::Q4_1:
        return four<Q4_1Codes>(dotprod);
    case T::Q5_0:
        return four<Q5_0Codes>(dotprod);
    case T::Q5_1:
        return four<Q5_1Codes>(dotprod);
    case T::Q8_0:
        return four<Q8_0Codes>(dotprod);
    case T::IQ4_NL:
        return four<IQ4_NLCodes>(dotprod);
    case T::MXFP4:
        return four<MXFP4Codes>(dotprod);
    default:
        return nullptr;
    }
}

} // namespace conclave::cpu

#else

namespace conclave::cpu {
QuantDotFn quant_dot_neon(quant::TensorType, bool) {
    return nullptr;
}
QuantDotX4Fn quant_dot_x4_neon(quant::TensorType, bool) {
    return nullptr;
}
} // namespace conclave::cpu

#endif
