#pragma once
// Scalar conversions between fp32 and the small float formats stored in GGUF blocks:
// IEEE fp16 (binary16), bfloat16 and E8M0 (the power-of-two scale of MXFP4).
// All conversions are exact where the target can hold the value and round to nearest, ties to
// even otherwise; Inf, NaN and subnormals are handled per IEEE. Pure functions, thread-safe.
// Inline because every dequantizer and, later, every CPU kernel calls them per block.

#include <bit>
#include <cstddef>
#include <cstdint>

namespace conclave::quant {

// binary16 bits -> fp32 (always exact).
inline float fp16_to_fp32(std::uint16_t h) {
    const std::uint32_t sign = static_cast<std::uint32_t>(h & 0x8000u) << 16;
    const std::uint32_t exponent = (h >> 10) & 0x1fu;
    std::uint32_t mantissa = h & 0x3ffu;
    if (exponent == 0x1f) // Inf or NaN: keep the payload, widened into the top mantissa bits
        return std::bit_cast<float>(sign | 0x7f800000u | (mantissa << 13));
    if (exponent != 0)
        return std::bit_cast<float>(sign | ((exponent + 112u) << 23) | (mantissa << 13));
    if (mantissa == 0) return std::bit_cast<float>(sign);
    // Subnormal half: normalise; every half subnormal is a normal fp32.
    std::uint32_t e = 113;
    while ((mantissa & 0x400u) == 0) {
        mantissa <<= 1;
        --e;
    }
    return std::bit_cast<float>(sign | (e << 23) | ((mantissa & 0x3ffu) << 13));
}

// Shifts `value` right by `shift` bits, rounding to nearest with ties to even.
inline std::uint32_t shift_right_rne(std::uint32_t value, unsigned shift) {
    const std::uint32_t kept = value >> shift;
    const std::uint32_t rest = value & ((1u << shift) - 1u);
    const std::uint32_t half = 1u << (shift - 1);
    return kept + ((rest > half || (rest == half && (kept & 1u))) ? 1u : 0u);
}

// fp32 -> binary16 bits, round to nearest even; overflow gives Inf; NaN stays NaN (quieted,
// top payload bits kept, like the hardware conversion).
inline std::uint16_t fp32_to_fp16(float f) {
    const std::uint32_t x = std::bit_cast<std::uint32_t>(f);
    const auto sign = static_cast<std::uint16_t>((x >> 16) & 0x8000u);
    const std::uint32_t ax = x & 0x7fffffffu;
    if (ax > 0x7f800000u) return static_cast<std::uint16_t>(sign | 0x7e00u | ((ax >> 13) & 0x3ffu));
    const int exponent = static_cast<int>(ax >> 23) - 127;
    if (exponent >= 16) return static_cast<std::uint16_t>(sign | 0x7c00u); // Inf, or too big
    if (exponent >= -14) {
        // Normal half. A mantissa carry rolls into the exponent, and past 65504 into Inf: both
        // are exactly what round-to-nearest requires.
        const std::uint32_t biased = (static_cast<std::uint32_t>(exponent + 15) << 10) | ((ax >> 13) & 0x3ffu);
        const std::uint32_t rest = ax & 0x1fffu;
        const std::uint32_t up = (rest > 0x1000u || (rest == 0x1000u && (biased & 1u))) ? 1u : 0u;
        return static_cast<std::uint16_t>(sign | (biased + up));
    }
    if (exponent < -25) return sign; // below half the smallest subnormal: rounds to zero
    // Subnormal half: the value is m * 2^-24 with m = significand * 2^(exponent + 1).
    const std::uint32_t significand = (ax & 0x7fffffu) | 0x800000u;
    return static_cast<std::uint16_t>(sign | shift_right_rne(significand, static_cast<unsigned>(-exponent - 1)));
}

// fp32 -> binary16 for a block's scale field: like fp32_to_fp16 but a finite input never
// becomes Inf (it saturates at +-65504), so finite weights never dequantize to Inf or NaN.
inline std::uint16_t fp32_to_fp16_scale(float f) {
    constexpr float max_half = 65504.0f;
    if (f > max_half) f = max_half;
    if (f < -max_half) f = -max_half;
    return fp32_to_fp16(f);
}

// bfloat16 bits -> fp32 (always exact).
inline float bf16_to_fp32(std::uint16_t b) { return std::bit_cast<float>(static_cast<std::uint32_t>(b) << 16); }

// fp32 -> bfloat16 bits, round to nearest even; NaN is quieted so it cannot round into Inf.
inline std::uint16_t fp32_to_bf16(float f) {
    const std::uint32_t x = std::bit_cast<std::uint32_t>(f);
    if ((x & 0x7fffffffu) > 0x7f800000u) return static_cast<std::uint16_t>((x >> 16) | 0x40u);
    return static_cast<std::uint16_t>((x + 0x7fffu + ((x >> 16) & 1u)) >> 16);
}

// E8M0 (a biased power of two, OCP MX) -> fp32: 2^(e - 127); 0xff is NaN.
inline float e8m0_to_fp32(std::uint8_t e) {
    if (e == 0xff) return std::bit_cast<float>(0x7fc00000u);
    if (e == 0) return std::bit_cast<float>(0x00400000u); // 2^-127, a subnormal
    return std::bit_cast<float>(static_cast<std::uint32_t>(e) << 23);
}

// Half of the E8M0 value, 2^(e - 128): MXFP4 stores its E2M1 levels doubled (kvalues_mxfp4),
// so it scales them by half the block scale. Defined for every byte (0xff gives 2^127).
inline float e8m0_to_fp32_half(std::uint8_t e) {
    if (e < 2) return std::bit_cast<float>(0x00200000u << e);
    return std::bit_cast<float>(static_cast<std::uint32_t>(e - 1) << 23);
}

// Row conversions (defined in half.cpp) for F16/BF16 tensors and tests.
void fp16_to_fp32_row(const std::uint16_t* src, float* dst, std::size_t n);
void fp32_to_fp16_row(const float* src, std::uint16_t* dst, std::size_t n);
void bf16_to_fp32_row(const std::uint16_t* src, float* dst, std::size_t n);
void fp32_to_bf16_row(const float* src, std::uint16_t* dst, std::size_t n);

} // namespace conclave::quant
