#pragma once
// Internal: the 12-byte packing of eight 6-bit scales and eight 6-bit mins used by Q4_K and
// Q5_K, and of Q3_K's sixteen 6-bit scales (shared by the dequantizer and the dot kernels).
// Q4_K/Q5_K: sub-blocks 0..3 keep their 6 bits in the low bits of bytes 0..3 (scale) and 4..7
// (min); sub-blocks 4..7 keep their low 4 bits in the nibbles of bytes 8..11 and their top 2
// bits in the spare top bits of bytes 0..7.

#include <cstdint>

namespace conclave::quant {

inline void unpack_scale_min_k4(const std::uint8_t* packed, int j, int& scale, int& min) {
    if (j < 4) {
        scale = packed[j] & 63;
        min = packed[j + 4] & 63;
    } else {
        scale = (packed[j + 4] & 0x0f) | ((packed[j - 4] >> 6) << 4);
        min = (packed[j + 4] >> 4) | ((packed[j] >> 6) << 4);
    }
}

// Inverse of unpack_scale_min_k4 for all eight sub-blocks (values must be in 0..63).
inline void pack_scale_min_k4(const int (&scale)[8], const int (&min)[8], std::uint8_t* packed) {
    for (int j = 0; j < 4; ++j) {
        packed[j] = static_cast<std::uint8_t>(scale[j] | ((scale[j + 4] >> 4) << 6));
        packed[j + 4] = static_cast<std::uint8_t>(min[j] | ((min[j + 4] >> 4) << 6));
        packed[j + 8] = static_cast<std::uint8_t>((scale[j + 4] & 0x0f) | ((min[j + 4] & 0x0f) << 4));
    }
}

// The sixteen 6-bit scales of Q3_K, offset by -32: low nibbles in bytes 0..7 (scales 0..7 low,
// 8..15 high nibble), the top two bits of scale s in bits 2*(s/4) of byte 8 + s%4.
inline void unpack_q3_k_scales(const std::uint8_t* packed, int (&scales)[16]) {
    for (int s = 0; s < 16; ++s) {
        const int low = s < 8 ? (packed[s] & 0x0f) : (packed[s - 8] >> 4);
        const int high = (packed[8 + s % 4] >> (2 * (s / 4))) & 3;
        scales[s] = (low | (high << 4)) - 32;
    }
}

} // namespace conclave::quant
