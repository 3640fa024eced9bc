// Reference dequantizers of the K-quants Q2_K, Q3_K, Q4_K, Q5_K, Q6_K and Q8_K. Each
// super-block of 256 elements is processed in the order its bits are laid out: the low-bit
// planes of 32 bytes serve 4 (2-bit) or 2 (4-bit) consecutive runs of 32 elements, and a
// separate high-bit plane adds the extra bits.

#include "quant/blocks_k.h"
#include "quant/half.h"
#include "quant/k_scales.h"
#include "quant/quant_math.h"
#include "quant/row_codecs.h"

namespace conclave::quant {
namespace {

// Byte q[l] of a 32-byte plane holds four 2-bit values: bits 2s..2s+1 belong to element
// 32*s + l of the 128-element half it serves.
void dequantize_row_q2_k(const std::uint8_t* src, float* dst, std::int64_t n) {
    for (std::int64_t b = 0; b < n / qk_k; ++b) {
        const auto blk = load_block<BlockQ2_K>(src, b);
        const float d = fp16_to_fp32(blk.d);
        const float dmin = fp16_to_fp32(blk.dmin);
        for (int e = 0; e < qk_k; ++e) {
            const int half = e / 128;
            const int shift = 2 * ((e % 128) / 32);
            const int q = (blk.qs[32 * half + e % 32] >> shift) & 3;
            const int sc = blk.scales[e / 16];
            const float dl = d * static_cast<float>(sc & 0x0f);
            const float ml = dmin * static_cast<float>(sc >> 4);
            *dst++ = dl * static_cast<float>(q) - ml;
        }
    }
}

// 2 low bits as in Q2_K; bit e/32 of hmask[e%32] is the third bit, stored inverted: a clear
// bit lowers the value by 4, so levels run from -4 to 3.
void dequantize_row_q3_k(const std::uint8_t* src, float* dst, std::int64_t n) {
    for (std::int64_t b = 0; b < n / qk_k; ++b) {
        const auto blk = load_block<BlockQ3_K>(src, b);
        const float d = fp16_to_fp32(blk.d);
        int scales[16];
        unpack_q3_k_scales(blk.scales, scales);
        for (int e = 0; e < qk_k; ++e) {
            const int half = e / 128;
            const int shift = 2 * ((e % 128) / 32);
            const int low = (blk.qs[32 * half + e % 32] >> shift) & 3;
            const bool high = (blk.hmask[e % 32] >> (e / 32)) & 1;
            const float dl = d * static_cast<float>(scales[e / 16]);
            *dst++ = dl * static_cast<float>(low - (high ? 0 : 4));
        }
    }
}

// 4-bit values: byte 32*c + l serves element 64*c + l (low nibble) and 64*c + 32 + l (high).
int q4_k_nibble(const std::uint8_t* qs, int e) {
    const std::uint8_t byte = qs[32 * (e / 64) + e % 32];
    return (e % 64) < 32 ? (byte & 0x0f) : (byte >> 4);
}

void dequantize_row_q4_k(const std::uint8_t* src, float* dst, std::int64_t n) {
    for (std::int64_t b = 0; b < n / qk_k; ++b) {
        const auto blk = load_block<BlockQ4_K>(src, b);
        const float d = fp16_to_fp32(blk.d);
        const float dmin = fp16_to_fp32(blk.dmin);
        for (int sub = 0; sub < 8; ++sub) {
            int sc = 0;
            int m = 0;
            unpack_scale_min_k4(blk.scales, sub, sc, m);
            const float d1 = d * static_cast<float>(sc);
            const float m1 = dmin * static_cast<float>(m);
            for (int l = 0; l < 32; ++l)
                *dst++ = d1 * static_cast<float>(q4_k_nibble(blk.qs, 32 * sub + l)) - m1;
        }
    }
}

// As Q4_K, plus the fifth bit of element e in bit e/32 of qh[e%32].
void dequantize_row_q5_k(const std::uint8_t* src, float* dst, std::int64_t n) {
    for (std::int64_t b = 0; b < n / qk_k; ++b) {
        const auto blk = load_block<BlockQ5_K>(src, b);
        const float d = fp16_to_fp32(blk.d);
        const float dmin = fp16_to_fp32(blk.dmin);
        for (int sub = 0; sub < 8; ++sub) {
            int sc = 0;
            int m = 0;
            unpack_scale_min_k4(blk.scales, sub, sc, m);
            const float d1 = d * static_cast<float>(sc);
            const float m1 = dmin * static_cast<float>(m);
            for (int l = 0; l < 32; ++l) {
                const int e = 32 * sub + l;
                const int q = q4_k_nibble(blk.qs, e) | (((blk.qh[l] >> sub) & 1) << 4);
                *dst++ = d1 * static_cast<float>(q) - m1;
            }
        }
    }
}

// Per 128-element half: ql[l] low nibble -> element l, ql[l+32] low -> l+32, ql[l] high ->
// l+64, ql[l+32] high -> l+96; qh[l] bits 0-1, 2-3, 4-5, 6-7 add the top 2 bits of the same four.
int q6_k_value(const BlockQ6_K& blk, int e) {
    const int half = e / 128;
    const int r = e % 128;
    const int quarter = r / 32;
    const int l = r % 32;
    const std::uint8_t low_byte = blk.ql[64 * half + l + 32 * (quarter & 1)];
    const int low = quarter < 2 ? (low_byte & 0x0f) : (low_byte >> 4);
    const int high = (blk.qh[32 * half + l] >> (2 * quarter)) & 3;
    return (low | (high << 4)) - 32;
}

void dequantize_row_q6_k(const std::uint8_t* src, float* dst, std::int64_t n) {
    for (std::int64_t b = 0; b < n / qk_k; ++b) {
        const auto blk = load_block<BlockQ6_K>(src, b);
        const float d = fp16_to_fp32(blk.d);
        for (int e = 0; e < qk_k; ++e)
            *dst++ = d * static_cast<float>(blk.scales[e / 16]) * static_cast<float>(q6_k_value(blk, e));
    }
}

void dequantize_row_q8_k(const std::uint8_t* src, float* dst, std::int64_t n) {
    for (std::int64_t b = 0; b < n / qk_k; ++b) {
        const auto blk = load_block<BlockQ8_K>(src, b);
        for (int e = 0; e < qk_k; ++e) *dst++ = blk.d * static_cast<float>(blk.qs[e]);
    }
}

} // namespace

void register_k_dequantizers(CodecTable& table) {
    table.set(TensorType::Q2_K, {dequantize_row_q2_k, nullptr, sizeof(BlockQ2_K)});
    table.set(TensorType::Q3_K, {dequantize_row_q3_k, nullptr, sizeof(BlockQ3_K)});
    table.set(TensorType::Q4_K, {dequantize_row_q4_k, nullptr, sizeof(BlockQ4_K)});
    table.set(TensorType::Q5_K, {dequantize_row_q5_k, nullptr, sizeof(BlockQ5_K)});
    table.set(TensorType::Q6_K, {dequantize_row_q6_k, nullptr, sizeof(BlockQ6_K)});
    table.set(TensorType::Q8_K, {dequantize_row_q8_k, nullptr, sizeof(BlockQ8_K)});
}

} // namespace conclave::quant
