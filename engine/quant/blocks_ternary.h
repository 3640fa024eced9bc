#pragma once
// Block layouts of the ternary formats TQ1_0 and TQ2_0 (values -1, 0, +1 times one fp16
// scale per 256 elements), exactly as stored in GGUF.

#include <cstddef>
#include <cstdint>

#include "quant/blocks_k.h"

namespace conclave::quant {

// 1.6875 bits per element: 5 trits per byte in qs (stored as ceil(t * 256 / 243) so the n-th
// trit is recovered as ((byte * 3^n) mod 256 * 3) >> 8), and 4 trits per byte in qh.
struct BlockTQ1_0 {
    std::uint8_t qs[(qk_k - 4 * qk_k / 64) / 5];
    std::uint8_t qh[qk_k / 64];
    std::uint16_t d;
};
// 2 bits per element, value q - 1.
struct BlockTQ2_0 {
    std::uint8_t qs[qk_k / 4];
    std::uint16_t d;
};

static_assert(sizeof(BlockTQ1_0) == 54 && offsetof(BlockTQ1_0, qh) == 48 && offsetof(BlockTQ1_0, d) == 52);
static_assert(sizeof(BlockTQ2_0) == 66 && offsetof(BlockTQ2_0, d) == 64);

} // namespace conclave::quant
