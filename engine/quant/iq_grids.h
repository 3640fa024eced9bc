#pragma once
// Constant tables of the IQ (lattice), ternary and FP4 formats. They are part of the formats:
// a tensor quantized against them can only be decoded with exactly these numbers. The
// definitions live in iq_grids.cpp, generated from the PyPI package gguf by
// generate_iq_grids.py (data only). Immutable, so safe to read from any thread.
//
// Grid rows are packed one byte per element, element 0 in the lowest byte, so on a
// little-endian machine the memory image of row i is its 8 (or 4) elements in order.

#include <cstdint>

namespace conclave::quant {

extern const std::uint64_t iq2xxs_grid[256]; // elements 8, 25, 43 (the "E8 lattice" points)
extern const std::uint64_t iq2xs_grid[512];
extern const std::uint64_t iq2s_grid[1024];
extern const std::uint32_t iq3xxs_grid[256]; // 4 elements from {4, 12, ..., 52, 62}
extern const std::uint32_t iq3s_grid[512];   // 4 odd elements 1..15
extern const std::uint64_t iq1s_grid[2048];  // int8 elements -1, 0, +1

// 7 stored sign bits -> 8 sign bits with even parity (the 8th sign is implied).
extern const std::uint8_t ksigns_iq2xs[128];
extern const std::uint8_t kmask_iq2xs[8];

// The 16 non-linear levels of IQ4_NL / IQ4_XS.
extern const std::int8_t kvalues_iq4nl[16];
// E2M1 (FP4) values, doubled so they are integers: 0, 0.5, 1, 1.5, 2, 3, 4, 6 -> 0..12.
extern const std::int8_t kvalues_mxfp4[16];

// Element `i` of a packed grid row.
inline std::uint8_t grid_byte(std::uint64_t row, int i) {
    return static_cast<std::uint8_t>(row >> (8 * i));
}

} // namespace conclave::quant
