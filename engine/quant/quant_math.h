#pragma once
// Internal numeric helpers shared by the reference quantizers: conversions from float to a
// small integer that are defined for every input (NaN, Inf, out of range), so a degenerate
// block can never reach the undefined behaviour of an out-of-range float -> int cast.

#include <cmath>
#include <cstdint>
#include <cstring>

namespace conclave::quant {

// round-half-away-from-zero (C roundf), clamped to [lo, hi]; NaN gives 0 clamped.
inline int round_clamped(float v, int lo, int hi) {
    if (!(v == v)) v = 0.0f;
    const float r = std::round(v);
    if (r <= static_cast<float>(lo)) return lo;
    if (r >= static_cast<float>(hi)) return hi;
    return static_cast<int>(r);
}

// truncation toward zero, clamped to [lo, hi]; NaN gives 0 clamped.
inline int trunc_clamped(float v, int lo, int hi) {
    if (!(v == v)) v = 0.0f;
    const float t = std::trunc(v);
    if (t <= static_cast<float>(lo)) return lo;
    if (t >= static_cast<float>(hi)) return hi;
    return static_cast<int>(t);
}

// Reads a block struct from the byte stream (any alignment).
template <typename Block>
inline Block load_block(const std::uint8_t* src, std::int64_t index) {
    Block block;
    std::memcpy(&block, src + index * static_cast<std::int64_t>(sizeof(Block)), sizeof(Block));
    return block;
}

// Writes a block struct into the byte stream (any alignment).
template <typename Block>
inline void store_block(std::uint8_t* dst, std::int64_t index, const Block& block) {
    std::memcpy(dst + index * static_cast<std::int64_t>(sizeof(Block)), &block, sizeof(Block));
}

} // namespace conclave::quant
