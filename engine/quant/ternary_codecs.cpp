// Ternary formats TQ1_0 and TQ2_0 (BitNet-style weights: -1, 0, +1 times one fp16 scale per
// 256 elements). The quantizers use the formats' reference rule (scale = max|x|, round to
// nearest trit) so our bytes match other GGUF writers.

#include "quant/blocks_ternary.h"
#include "quant/half.h"
#include "quant/quant_math.h"
#include "quant/row_codecs.h"

#include <cmath>

namespace conclave::quant {
namespace {

constexpr std::uint8_t pow3[6] = {1, 3, 9, 27, 81, 243};

// A byte storing trits t0..t4 as ceil((sum t_k * 3^(4-k)) * 256 / 243): multiplying it by 3^k
// (mod 256) moves trit k to the top, and (byte * 3) >> 8 reads it off.
int nth_trit(std::uint8_t packed, int k) {
    const auto shifted = static_cast<std::uint8_t>(packed * pow3[k]);
    return (static_cast<int>(shifted) * 3) >> 8;
}

// Element order: qs[0..31] carry elements 0..159 (trit k of byte m is element 32k + m),
// qs[32..47] carry 160..239 (element 160 + 16k + m), qh[0..3] carry 240..255 (240 + 4k + m).
void dequantize_row_tq1_0(const std::uint8_t* src, float* dst, std::int64_t n) {
    for (std::int64_t b = 0; b < n / qk_k; ++b, dst += qk_k) {
        const auto blk = load_block<BlockTQ1_0>(src, b);
        const float d = fp16_to_fp32(blk.d);
        for (int k = 0; k < 5; ++k)
            for (int m = 0; m < 32; ++m) dst[32 * k + m] = static_cast<float>(nth_trit(blk.qs[m], k) - 1) * d;
        for (int k = 0; k < 5; ++k)
            for (int m = 0; m < 16; ++m)
                dst[160 + 16 * k + m] = static_cast<float>(nth_trit(blk.qs[32 + m], k) - 1) * d;
        for (int k = 0; k < 4; ++k)
            for (int m = 0; m < 4; ++m) dst[240 + 4 * k + m] = static_cast<float>(nth_trit(blk.qh[m], k) - 1) * d;
    }
}

// Trits (0, 1, 2 for -1, 0, +1) of one block, scale stored into d_bits.
void ternarize(const float* x, int (&t)[qk_k], std::uint16_t& d_bits) {
    float amax = 0.0f;
    for (int j = 0; j < qk_k; ++j) amax = std::fmax(amax, std::fabs(x[j]));
    const float d = std::fmin(amax, 65504.0f);
    const float id = d != 0.0f ? 1.0f / d : 0.0f;
    for (int j = 0; j < qk_k; ++j) t[j] = round_clamped(x[j] * id, -1, 1) + 1;
    d_bits = fp32_to_fp16(d);
}

// Packs `count` trits taken at stride `stride` from t (most significant first) into one byte.
std::uint8_t pack_trits(const int* t, int count, int stride) {
    int value = 0;
    for (int k = 0; k < 5; ++k) value = value * 3 + (k < count ? t[k * stride] : 0);
    return static_cast<std::uint8_t>((value * 256 + 242) / 243);
}

void quantize_row_tq1_0(const float* src, std::uint8_t* dst, std::int64_t n) {
    for (std::int64_t b = 0; b < n / qk_k; ++b, src += qk_k) {
        BlockTQ1_0 blk{};
        int t[qk_k];
        ternarize(src, t, blk.d);
        for (int m = 0; m < 32; ++m) blk.qs[m] = pack_trits(t + m, 5, 32);
        for (int m = 0; m < 16; ++m) blk.qs[32 + m] = pack_trits(t + 160 + m, 5, 16);
        for (int m = 0; m < 4; ++m) blk.qh[m] = pack_trits(t + 240 + m, 4, 4);
        store_block(dst, b, blk);
    }
}

// 2 bits per element: byte 32*h + m holds elements 128*h + 32*k + m in bits 2k..2k+1.
void dequantize_row_tq2_0(const std::uint8_t* src, float* dst, std::int64_t n) {
    for (std::int64_t b = 0; b < n / qk_k; ++b, dst += qk_k) {
        const auto blk = load_block<BlockTQ2_0>(src, b);
        const float d = fp16_to_fp32(blk.d);
        for (int e = 0; e < qk_k; ++e) {
            const int q = (blk.qs[32 * (e / 128) + e % 32] >> (2 * ((e % 128) / 32))) & 3;
            dst[e] = static_cast<float>(q - 1) * d;
        }
    }
}

void quantize_row_tq2_0(const float* src, std::uint8_t* dst, std::int64_t n) {
    for (std::int64_t b = 0; b < n / qk_k; ++b, src += qk_k) {
        BlockTQ2_0 blk{};
        int t[qk_k];
        ternarize(src, t, blk.d);
        for (int e = 0; e < qk_k; ++e)
            blk.qs[32 * (e / 128) + e % 32] |= static_cast<std::uint8_t>(t[e] << (2 * ((e % 128) / 32)));
        store_block(dst, b, blk);
    }
}

} // namespace

void register_ternary_codecs(CodecTable& table) {
    table.set(TensorType::TQ1_0, {dequantize_row_tq1_0, quantize_row_tq1_0, sizeof(BlockTQ1_0)});
    table.set(TensorType::TQ2_0, {dequantize_row_tq2_0, quantize_row_tq2_0, sizeof(BlockTQ2_0)});
}

} // namespace conclave::quant
