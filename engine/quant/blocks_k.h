#pragma once
// Block layouts of the K-quant super-blocks (256 elements each) Q2_K..Q6_K and the activation
// format Q8_K, exactly as stored in GGUF. A super-block holds one or two fp16 scales and
// small per-sub-block scales packed into a few bits; see the dequantizers in k_dequantize.cpp
// for the bit order of each field.

#include <cstddef>
#include <cstdint>

namespace conclave::quant {

inline constexpr int qk_k = 256;        // elements per super-block
inline constexpr int k_scale_bytes = 12; // packed 6-bit scales and mins of Q3_K/Q4_K/Q5_K

// 16 sub-blocks of 16: x = d * (scales & 15) * q - dmin * (scales >> 4), q in 0..3.
struct BlockQ2_K {
    std::uint8_t scales[qk_k / 16];
    std::uint8_t qs[qk_k / 4];
    std::uint16_t d;
    std::uint16_t dmin;
};
// 16 sub-blocks of 16: x = d * (scale - 32) * (q - 4 * !hbit), q in 0..3, 6-bit scales.
struct BlockQ3_K {
    std::uint8_t hmask[qk_k / 8];
    std::uint8_t qs[qk_k / 4];
    std::uint8_t scales[k_scale_bytes];
    std::uint16_t d;
};
// 8 sub-blocks of 32: x = d * scale * q - dmin * min, q in 0..15, 6-bit scales and mins.
struct BlockQ4_K {
    std::uint16_t d;
    std::uint16_t dmin;
    std::uint8_t scales[k_scale_bytes];
    std::uint8_t qs[qk_k / 2];
};
// Q4_K plus a fifth bit per element in qh.
struct BlockQ5_K {
    std::uint16_t d;
    std::uint16_t dmin;
    std::uint8_t scales[k_scale_bytes];
    std::uint8_t qh[qk_k / 8];
    std::uint8_t qs[qk_k / 2];
};
// 16 sub-blocks of 16: x = d * scales[i] * (q - 32), q in 0..63 (4 low bits in ql, 2 in qh).
struct BlockQ6_K {
    std::uint8_t ql[qk_k / 2];
    std::uint8_t qh[qk_k / 4];
    std::int8_t scales[qk_k / 16];
    std::uint16_t d;
};
// Activation format: fp32 scale, int8 values, and the sum of every 16 values (bsums) so dot
// products with weight formats that carry minimums need no second pass.
struct BlockQ8_K {
    float d;
    std::int8_t qs[qk_k];
    std::int16_t bsums[qk_k / 16];
};

static_assert(sizeof(BlockQ2_K) == 84 && offsetof(BlockQ2_K, d) == 80);
static_assert(sizeof(BlockQ3_K) == 110 && offsetof(BlockQ3_K, scales) == 96 && offsetof(BlockQ3_K, d) == 108);
static_assert(sizeof(BlockQ4_K) == 144 && offsetof(BlockQ4_K, scales) == 4 && offsetof(BlockQ4_K, qs) == 16);
static_assert(sizeof(BlockQ5_K) == 176 && offsetof(BlockQ5_K, qh) == 16 && offsetof(BlockQ5_K, qs) == 48);
static_assert(sizeof(BlockQ6_K) == 210 && offsetof(BlockQ6_K, scales) == 192 && offsetof(BlockQ6_K, d) == 208);
static_assert(sizeof(BlockQ8_K) == 292 && offsetof(BlockQ8_K, bsums) == 260);

} // namespace conclave::quant
