#pragma once
// Block layouts of the "i-quants" (lattice/codebook formats, 256 elements per super-block
// except IQ4_NL), exactly as stored in GGUF. Their grids and sign tables are in iq_grids.h.
// Groups of 8 (or 4) elements are one codebook index plus signs; see iq_dequantize.cpp.

#include <cstddef>
#include <cstdint>

#include "quant/blocks_k.h"

namespace conclave::quant {

// Per 32 elements: 4 grid bytes, then a word with 4x7 sign bits and a 4-bit scale on top.
struct BlockIQ2_XXS {
    std::uint16_t d;
    std::uint16_t qs[qk_k / 8];
};
// Per 8 elements: a 16-bit word, 9-bit grid index + 7-bit sign index; 4-bit scales per 16.
struct BlockIQ2_XS {
    std::uint16_t d;
    std::uint16_t qs[qk_k / 8];
    std::uint8_t scales[qk_k / 32];
};
// qs holds 32 grid index low bytes then 32 explicit sign bytes; qh the 2 high index bits.
struct BlockIQ2_S {
    std::uint16_t d;
    std::uint8_t qs[qk_k / 4];
    std::uint8_t qh[qk_k / 32];
    std::uint8_t scales[qk_k / 32];
};
// qs holds 64 grid indexes (4 elements each) then 8 words of signs + scale, as IQ2_XXS.
struct BlockIQ3_XXS {
    std::uint16_t d;
    std::uint8_t qs[3 * qk_k / 8];
};
struct BlockIQ3_S {
    std::uint16_t d;
    std::uint8_t qs[qk_k / 4];
    std::uint8_t qh[qk_k / 32];
    std::uint8_t signs[qk_k / 8];
    std::uint8_t scales[qk_k / 64];
};
// Per 32 elements: 4 index low bytes and one qh word (3 high bits each, 3-bit scale, sign of
// the shift "delta" in the top bit).
struct BlockIQ1_S {
    std::uint16_t d;
    std::uint8_t qs[qk_k / 8];
    std::uint16_t qh[qk_k / 32];
};
// No separate d: its 16 bits are spread over the top nibbles of the four scale words.
struct BlockIQ1_M {
    std::uint8_t qs[qk_k / 8];
    std::uint8_t qh[qk_k / 16];
    std::uint8_t scales[qk_k / 32];
};
// 32 elements, non-linear 4-bit levels (kvalues_iq4nl).
struct BlockIQ4_NL {
    std::uint16_t d;
    std::uint8_t qs[16];
};
// IQ4_NL levels with 6-bit scales per 32 (4 low bits in scales_l, 2 high in scales_h).
struct BlockIQ4_XS {
    std::uint16_t d;
    std::uint16_t scales_h;
    std::uint8_t scales_l[qk_k / 64];
    std::uint8_t qs[qk_k / 2];
};

static_assert(sizeof(BlockIQ2_XXS) == 66);
static_assert(sizeof(BlockIQ2_XS) == 74 && offsetof(BlockIQ2_XS, scales) == 66);
static_assert(sizeof(BlockIQ2_S) == 82 && offsetof(BlockIQ2_S, qh) == 66 && offsetof(BlockIQ2_S, scales) == 74);
static_assert(sizeof(BlockIQ3_XXS) == 98);
static_assert(sizeof(BlockIQ3_S) == 110 && offsetof(BlockIQ3_S, qh) == 66 && offsetof(BlockIQ3_S, signs) == 74 &&
              offsetof(BlockIQ3_S, scales) == 106);
static_assert(sizeof(BlockIQ1_S) == 50 && offsetof(BlockIQ1_S, qh) == 34);
static_assert(sizeof(BlockIQ1_M) == 56 && offsetof(BlockIQ1_M, scales) == 48);
static_assert(sizeof(BlockIQ4_NL) == 18);
static_assert(sizeof(BlockIQ4_XS) == 136 && offsetof(BlockIQ4_XS, scales_l) == 4 && offsetof(BlockIQ4_XS, qs) == 8);

} // namespace conclave::quant
