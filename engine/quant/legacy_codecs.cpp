// Legacy 32-element formats Q4_0, Q4_1, Q5_0, Q5_1, Q8_0 and the activation format Q8_1.
// The quantizers follow the formats' original reference rounding exactly (scale from the
// extreme value, truncation after a +0.5 offset for the 4/5-bit types, round-half-away for
// 8-bit), so files we write are byte-identical to those of other GGUF tools.

#include "quant/blocks_legacy.h"
#include "quant/half.h"
#include "quant/quant_math.h"
#include "quant/row_codecs.h"

#include <cmath>
#include <cstring>

namespace conclave::quant {
namespace {

constexpr int qk = qk_legacy;

// Clamps a block scale into fp16 range so finite input never yields an Inf scale; a no-op for
// every realistic weight.
float saturate_half(float v) { return std::fmin(std::fmax(v, -65504.0f), 65504.0f); }

// The element with the largest magnitude (first one on ties), sign kept: symmetric formats
// map it to their most negative level, which has one more step than the positive side.
float signed_absmax(const float* x) {
    float amax = 0.0f;
    float max = 0.0f;
    for (int j = 0; j < qk; ++j) {
        if (amax < std::fabs(x[j])) {
            amax = std::fabs(x[j]);
            max = x[j];
        }
    }
    return max;
}

void min_max(const float* x, float& lo, float& hi) {
    lo = x[0];
    hi = x[0];
    for (int j = 1; j < qk; ++j) {
        lo = std::fmin(lo, x[j]);
        hi = std::fmax(hi, x[j]);
    }
}

float inverse(float d) { return d != 0.0f ? 1.0f / d : 0.0f; }

std::uint32_t load_qh(const std::uint8_t (&qh)[4]) {
    return static_cast<std::uint32_t>(qh[0]) | (static_cast<std::uint32_t>(qh[1]) << 8) |
           (static_cast<std::uint32_t>(qh[2]) << 16) | (static_cast<std::uint32_t>(qh[3]) << 24);
}

void store_qh(std::uint8_t (&qh)[4], std::uint32_t bits) {
    for (int i = 0; i < 4; ++i) qh[i] = static_cast<std::uint8_t>(bits >> (8 * i));
}

// ---- dequantize ----

void dequantize_row_q4_0(const std::uint8_t* src, float* dst, std::int64_t n) {
    for (std::int64_t b = 0; b < n / qk; ++b, dst += qk) {
        const auto blk = load_block<BlockQ4_0>(src, b);
        const float d = fp16_to_fp32(blk.d);
        for (int j = 0; j < qk / 2; ++j) {
            dst[j] = static_cast<float>((blk.qs[j] & 0x0f) - 8) * d;
            dst[j + qk / 2] = static_cast<float>((blk.qs[j] >> 4) - 8) * d;
        }
    }
}

void dequantize_row_q4_1(const std::uint8_t* src, float* dst, std::int64_t n) {
    for (std::int64_t b = 0; b < n / qk; ++b, dst += qk) {
        const auto blk = load_block<BlockQ4_1>(src, b);
        const float d = fp16_to_fp32(blk.d);
        const float m = fp16_to_fp32(blk.m);
        for (int j = 0; j < qk / 2; ++j) {
            dst[j] = static_cast<float>(blk.qs[j] & 0x0f) * d + m;
            dst[j + qk / 2] = static_cast<float>(blk.qs[j] >> 4) * d + m;
        }
    }
}

// The 5-bit value of element j: 4 bits from its nibble, the fifth from bit j of qh.
int q5_value(const std::uint8_t (&qs)[qk / 2], std::uint32_t qh, int j) {
    const int nibble = j < qk / 2 ? (qs[j] & 0x0f) : (qs[j - qk / 2] >> 4);
    return nibble | static_cast<int>(((qh >> j) & 1u) << 4);
}

void dequantize_row_q5_0(const std::uint8_t* src, float* dst, std::int64_t n) {
    for (std::int64_t b = 0; b < n / qk; ++b, dst += qk) {
        const auto blk = load_block<BlockQ5_0>(src, b);
        const float d = fp16_to_fp32(blk.d);
        const std::uint32_t qh = load_qh(blk.qh);
        for (int j = 0; j < qk; ++j) dst[j] = static_cast<float>(q5_value(blk.qs, qh, j) - 16) * d;
    }
}

void dequantize_row_q5_1(const std::uint8_t* src, float* dst, std::int64_t n) {
    for (std::int64_t b = 0; b < n / qk; ++b, dst += qk) {
        const auto blk = load_block<BlockQ5_1>(src, b);
        const float d = fp16_to_fp32(blk.d);
        const float m = fp16_to_fp32(blk.m);
        const std::uint32_t qh = load_qh(blk.qh);
        for (int j = 0; j < qk; ++j) dst[j] = static_cast<float>(q5_value(blk.qs, qh, j)) * d + m;
    }
}

void dequantize_row_q8_0(const std::uint8_t* src, float* dst, std::int64_t n) {
    for (std::int64_t b = 0; b < n / qk; ++b, dst += qk) {
        const auto blk = load_block<BlockQ8_0>(src, b);
        const float d = fp16_to_fp32(blk.d);
        for (int j = 0; j < qk; ++j) dst[j] = static_cast<float>(blk.qs[j]) * d;
    }
}

void dequantize_row_q8_1(const std::uint8_t* src, float* dst, std::int64_t n) {
    for (std::int64_t b = 0; b < n / qk; ++b, dst += qk) {
        const auto blk = load_block<BlockQ8_1>(src, b);
        const float d = fp16_to_fp32(blk.d);
        for (int j = 0; j < qk; ++j) dst[j] = static_cast<float>(blk.qs[j]) * d;
    }
}

// ---- quantize ----

// Symmetric 4/5-bit: d = extreme / -(levels/2), q = trunc(x / d + levels/2 + 0.5).
template <int half_levels>
void quantize_symmetric(const float* x, std::uint16_t& d_bits, int (&q)[qk]) {
    const float d = saturate_half(signed_absmax(x) / static_cast<float>(-half_levels));
    const float id = inverse(d);
    d_bits = fp32_to_fp16(d);
    const float offset = static_cast<float>(half_levels) + 0.5f;
    for (int j = 0; j < qk; ++j) q[j] = trunc_clamped(x[j] * id + offset, 0, 2 * half_levels - 1);
}

// Asymmetric 4/5-bit: min and step from the block's range, q = trunc((x - min) / d + 0.5).
template <int levels>
void quantize_affine(const float* x, std::uint16_t& d_bits, std::uint16_t& m_bits, int (&q)[qk]) {
    float lo = 0.0f;
    float hi = 0.0f;
    min_max(x, lo, hi);
    lo = saturate_half(lo);
    const float d = saturate_half((hi - lo) / static_cast<float>(levels - 1));
    const float id = inverse(d);
    d_bits = fp32_to_fp16(d);
    m_bits = fp32_to_fp16(lo);
    for (int j = 0; j < qk; ++j) q[j] = trunc_clamped((x[j] - lo) * id + 0.5f, 0, levels - 1);
}

void pack_nibbles(const int (&q)[qk], std::uint8_t (&qs)[qk / 2]) {
    for (int j = 0; j < qk / 2; ++j) qs[j] = static_cast<std::uint8_t>((q[j] & 0x0f) | ((q[j + qk / 2] & 0x0f) << 4));
}

std::uint32_t fifth_bits(const int (&q)[qk]) {
    std::uint32_t bits = 0;
    for (int j = 0; j < qk; ++j) bits |= static_cast<std::uint32_t>((q[j] >> 4) & 1) << j;
    return bits;
}

void quantize_row_q4_0(const float* src, std::uint8_t* dst, std::int64_t n) {
    for (std::int64_t b = 0; b < n / qk; ++b, src += qk) {
        BlockQ4_0 blk{};
        int q[qk];
        quantize_symmetric<8>(src, blk.d, q);
        pack_nibbles(q, blk.qs);
        store_block(dst, b, blk);
    }
}

void quantize_row_q4_1(const float* src, std::uint8_t* dst, std::int64_t n) {
    for (std::int64_t b = 0; b < n / qk; ++b, src += qk) {
        BlockQ4_1 blk{};
        int q[qk];
        quantize_affine<16>(src, blk.d, blk.m, q);
        pack_nibbles(q, blk.qs);
        store_block(dst, b, blk);
    }
}

void quantize_row_q5_0(const float* src, std::uint8_t* dst, std::int64_t n) {
    for (std::int64_t b = 0; b < n / qk; ++b, src += qk) {
        BlockQ5_0 blk{};
        int q[qk];
        quantize_symmetric<16>(src, blk.d, q);
        pack_nibbles(q, blk.qs);
        store_qh(blk.qh, fifth_bits(q));
        store_block(dst, b, blk);
    }
}

void quantize_row_q5_1(const float* src, std::uint8_t* dst, std::int64_t n) {
    for (std::int64_t b = 0; b < n / qk; ++b, src += qk) {
        BlockQ5_1 blk{};
        int q[qk];
        quantize_affine<32>(src, blk.d, blk.m, q);
        pack_nibbles(q, blk.qs);
        store_qh(blk.qh, fifth_bits(q));
        store_block(dst, b, blk);
    }
}

// 8-bit symmetric: d = max|x| / 127, q = round(x / d). Returns d (before fp16 rounding) and
// the sum of q, which Q8_1 needs.
float quantize_int8(const float* x, std::int8_t (&qs)[qk], int& sum) {
    float amax = 0.0f;
    for (int j = 0; j < qk; ++j) amax = std::fmax(amax, std::fabs(x[j]));
    const float d = saturate_half(amax / 127.0f);
    const float id = inverse(d);
    sum = 0;
    for (int j = 0; j < qk; ++j) {
        const int v = round_clamped(x[j] * id, -127, 127);
        qs[j] = static_cast<std::int8_t>(v);
        sum += v;
    }
    return d;
}

void quantize_row_q8_0(const float* src, std::uint8_t* dst, std::int64_t n) {
    for (std::int64_t b = 0; b < n / qk; ++b, src += qk) {
        BlockQ8_0 blk{};
        int sum = 0;
        blk.d = fp32_to_fp16(quantize_int8(src, blk.qs, sum));
        store_block(dst, b, blk);
    }
}

void quantize_row_q8_1(const float* src, std::uint8_t* dst, std::int64_t n) {
    for (std::int64_t b = 0; b < n / qk; ++b, src += qk) {
        BlockQ8_1 blk{};
        int sum = 0;
        const float d = quantize_int8(src, blk.qs, sum);
        blk.d = fp32_to_fp16(d);
        blk.s = fp32_to_fp16_scale(d * static_cast<float>(sum));
        store_block(dst, b, blk);
    }
}

} // namespace

void register_legacy_codecs(CodecTable& table) {
    table.set(TensorType::Q4_0, {dequantize_row_q4_0, quantize_row_q4_0, sizeof(BlockQ4_0)});
    table.set(TensorType::Q4_1, {dequantize_row_q4_1, quantize_row_q4_1, sizeof(BlockQ4_1)});
    table.set(TensorType::Q5_0, {dequantize_row_q5_0, quantize_row_q5_0, sizeof(BlockQ5_0)});
    table.set(TensorType::Q5_1, {dequantize_row_q5_1, quantize_row_q5_1, sizeof(BlockQ5_1)});
    table.set(TensorType::Q8_0, {dequantize_row_q8_0, quantize_row_q8_0, sizeof(BlockQ8_0)});
    table.set(TensorType::Q8_1, {dequantize_row_q8_1, quantize_row_q8_1, sizeof(BlockQ8_1)});
}

} // namespace conclave::quant
