// MXFP4 (OCP microscaling FP4, used by gpt-oss): 32 E2M1 values with one shared power-of-two
// scale. The quantizer picks the scale exponent the OCP MX spec prescribes,
// floor(log2(max|x|)) minus E2M1's largest exponent (2), then the nearest of the 16 levels.

#include "quant/blocks_mxfp4.h"
#include "quant/half.h"
#include "quant/iq_grids.h"
#include "quant/quant_math.h"
#include "quant/row_codecs.h"

#include <cmath>

namespace conclave::quant {
namespace {

constexpr int qk = qk_mxfp4;

void dequantize_row_mxfp4(const std::uint8_t* src, float* dst, std::int64_t n) {
    for (std::int64_t b = 0; b < n / qk; ++b, dst += qk) {
        const auto blk = load_block<BlockMXFP4>(src, b);
        const float d = e8m0_to_fp32_half(blk.e);
        for (int j = 0; j < qk / 2; ++j) {
            dst[j] = d * static_cast<float>(kvalues_mxfp4[blk.qs[j] & 0x0f]);
            dst[j + qk / 2] = d * static_cast<float>(kvalues_mxfp4[blk.qs[j] >> 4]);
        }
    }
}

// The E8M0 byte for a block whose largest magnitude is amax. ilogb gives floor(log2) exactly,
// also for subnormals, where a float log2 could round up just below a power of two.
std::uint8_t mxfp4_exponent(float amax) {
    if (!(amax > 0.0f)) return 0;
    int e = std::ilogb(amax) - 2 + 127;
    if (e < 0) e = 0;
    if (e > 254) e = 254;
    return static_cast<std::uint8_t>(e);
}

// Index of the level closest to x (the first one on ties, so +0 wins over -0).
int nearest_level(float x, float d) {
    int best = 0;
    float best_err = std::fabs(static_cast<float>(kvalues_mxfp4[0]) * d - x);
    for (int i = 1; i < 16; ++i) {
        const float err = std::fabs(static_cast<float>(kvalues_mxfp4[i]) * d - x);
        if (err < best_err) {
            best_err = err;
            best = i;
        }
    }
    return best;
}

void quantize_row_mxfp4(const float* src, std::uint8_t* dst, std::int64_t n) {
    for (std::int64_t b = 0; b < n / qk; ++b, src += qk) {
        float amax = 0.0f;
        for (int j = 0; j < qk; ++j) amax = std::fmax(amax, std::fabs(src[j]));
        BlockMXFP4 blk{};
        blk.e = mxfp4_exponent(amax);
        const float d = e8m0_to_fp32_half(blk.e);
        for (int j = 0; j < qk / 2; ++j)
            blk.qs[j] = static_cast<std::uint8_t>(nearest_level(src[j], d) | (nearest_level(src[j + qk / 2], d) << 4));
        store_block(dst, b, blk);
    }
}

} // namespace

void register_mxfp4_codecs(CodecTable& table) {
    table.set(TensorType::MXFP4, {dequantize_row_mxfp4, quantize_row_mxfp4, sizeof(BlockMXFP4)});
}

} // namespace conclave::quant
