#pragma once
// Block layout of MXFP4 (OCP microscaling FP4): 32 E2M1 values sharing one E8M0 power-of-two
// scale, exactly as stored in GGUF (used by gpt-oss).

#include <cstddef>
#include <cstdint>

namespace conclave::quant {

inline constexpr int qk_mxfp4 = 32;

// x[j] = kvalues_mxfp4[nibble] * e8m0_to_fp32_half(e); element j in the low nibble of qs[j],
// element j + 16 in the high nibble.
struct BlockMXFP4 {
    std::uint8_t e;
    std::uint8_t qs[qk_mxfp4 / 2];
};

static_assert(sizeof(BlockMXFP4) == 17 && offsetof(BlockMXFP4, qs) == 1);

} // namespace conclave::quant
