#pragma once
// Block layouts of the legacy 32-element formats Q4_0, Q4_1, Q5_0, Q5_1, Q8_0, Q8_1, exactly
// as stored in GGUF (little-endian, no padding). fp16 fields are kept as raw uint16 bits and
// converted with quant/half.h. Reference code copies a block out of the byte stream with
// memcpy, so neither alignment nor aliasing of the source matters.

#include <cstddef>
#include <cstdint>

namespace conclave::quant {

inline constexpr int qk_legacy = 32; // elements per legacy block

// x[i] = d * (q[i] - 8); element j in the low nibble of qs[j], element j+16 in the high nibble.
struct BlockQ4_0 {
    std::uint16_t d;
    std::uint8_t qs[qk_legacy / 2];
};
// x[i] = d * q[i] + m.
struct BlockQ4_1 {
    std::uint16_t d;
    std::uint16_t m;
    std::uint8_t qs[qk_legacy / 2];
};
// Q4_0 plus a fifth bit per element: bit i of the little-endian word qh belongs to element i.
struct BlockQ5_0 {
    std::uint16_t d;
    std::uint8_t qh[4];
    std::uint8_t qs[qk_legacy / 2];
};
struct BlockQ5_1 {
    std::uint16_t d;
    std::uint16_t m;
    std::uint8_t qh[4];
    std::uint8_t qs[qk_legacy / 2];
};
// x[i] = d * qs[i].
struct BlockQ8_0 {
    std::uint16_t d;
    std::int8_t qs[qk_legacy];
};
// Activation format: Q8_0 plus s = d * sum(qs), which lets dot products with Q4_1/Q5_1
// fold in the weight block's minimum without a second pass.
struct BlockQ8_1 {
    std::uint16_t d;
    std::uint16_t s;
    std::int8_t qs[qk_legacy];
};

static_assert(sizeof(BlockQ4_0) == 18 && offsetof(BlockQ4_0, qs) == 2);
static_assert(sizeof(BlockQ4_1) == 20 && offsetof(BlockQ4_1, qs) == 4);
static_assert(sizeof(BlockQ5_0) == 22 && offsetof(BlockQ5_0, qh) == 2 && offsetof(BlockQ5_0, qs) == 6);
static_assert(sizeof(BlockQ5_1) == 24 && offsetof(BlockQ5_1, qh) == 4 && offsetof(BlockQ5_1, qs) == 8);
static_assert(sizeof(BlockQ8_0) == 34 && offsetof(BlockQ8_0, qs) == 2);
static_assert(sizeof(BlockQ8_1) == 36 && offsetof(BlockQ8_1, qs) == 4);

} // namespace conclave::quant
