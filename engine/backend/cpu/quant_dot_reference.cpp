// Scalar integer dot products, the reference for the SIMD kernels. Layouts: a legacy weight
// block holds 32 codes, nibble j of byte j (low) pairs with activation j and the high nibble
// with activation j + 16; Q5 formats add a fifth bit per code from the 32-bit qh field.

#include "backend/cpu/block_load.h"
#include "backend/cpu/quant_dot.h"
#include "quant/blocks_legacy.h"
#include "quant/half.h"

#include <cstring>

namespace conclave::cpu {
namespace {

using quant::fp16_to_fp32;
constexpr int qk = quant::qk_legacy;

float dot_q4_0(const void* w, const void* a, std::int64_t n) {
    float sum = 0.0f;
    for (std::int64_t b = 0; b < n / qk; ++b) {
        const auto x = load_block<quant::BlockQ4_0>(w, b);
        const auto y = load_block<quant::BlockQ8_0>(a, b);
        int sumi = 0;
        for (int j = 0; j < qk / 2; ++j)
            sumi += ((x.qs[j] & 0x0f) - 8) * y.qs[j] + ((x.qs[j] >> 4) - 8) * y.qs[j + qk / 2];
        sum += static_cast<float>(sumi) * fp16_to_fp32(x.d) * fp16_to_fp32(y.d);
    }
    return sum;
}

float dot_q4_1(const void* w, const void* a, std::int64_t n) {
    float sum = 0.0f;
    for (std::int64_t b = 0; b < n / qk; ++b) {
        const auto x = load_block<quant::BlockQ4_1>(w, b);
        const auto y = load_block<quant::BlockQ8_1>(a, b);
        int sumi = 0;
        for (int j = 0; j < qk / 2; ++j) sumi += (x.qs[j] & 0x0f) * y.qs[j] + (x.qs[j] >> 4) * y.qs[j + qk / 2];
        sum += static_cast<float>(sumi) * fp16_to_fp32(x.d) * fp16_to_fp32(y.d) + fp16_to_fp32(x.m) * fp16_to_fp32(y.s);
    }
    return sum;
}

int q5_code(const std::uint8_t* qs, std::uint32_t qh, int j) {
    const int nibble = j < qk / 2 ? (qs[j] & 0x0f) : (qs[j - qk / 2] >> 4);
    return nibble | static_cast<int>(((qh >> j) & 1u) << 4);
}

float dot_q5_0(const void* w, const void* a, std::int64_t n) {
    float sum = 0.0f;
    for (std::int64_t b = 0; b < n / qk; ++b) {
        const auto x = load_block<quant::BlockQ5_0>(w, b);
        const auto y = load_block<quant::BlockQ8_0>(a, b);
        std::uint32_t qh;
        std::memcpy(&qh, x.qh, sizeof qh);
        int sumi = 0;
        for (int j = 0; j < qk; ++j) sumi += (q5_code(x.qs, qh, j) - 16) * y.qs[j];
        sum += static_cast<float>(sumi) * fp16_to_fp32(x.d) * fp16_to_fp32(y.d);
    }
    return sum;
}

float dot_q5_1(const void* w, const void* a, std::int64_t n) {
    float sum = 0.0f;
    for (std::int64_t b = 0; b < n / qk; ++b) {
        const auto x = load_block<quant::BlockQ5_1>(w, b);
        const auto y = load_block<quant::BlockQ8_1>(a, b);
        std::uint32_t qh;
        std::memcpy(&qh, x.qh, sizeof qh);
        int sumi = 0;
        for (int j = 0; j < qk; ++j) sumi += q5_code(x.qs, qh, j) * y.qs[j];
        sum += static_cast<float>(sumi) * fp16_to_fp32(x.d) * fp16_to_fp32(y.d) + fp16_to_fp32(x.m) * fp16_to_fp32(y.s);
    }
    return sum;
}

float dot_q8_0(const void* w, const void* a, std::int64_t n) {
    float sum = 0.0f;
    for (std::int64_t b = 0; b < n / qk; ++b) {
        const auto x = load_block<quant::BlockQ8_0>(w, b);
        const auto y = load_block<quant::BlockQ8_0>(a, b);
        int sumi = 0;
        for (int j = 0; j < qk; ++j) sumi += x.qs[j] * y.qs[j];
        sum += static_cast<float>(sumi) * fp16_to_fp32(x.d) * fp16_to_fp32(y.d);
    }
    return sum;
}

} // namespace

QuantDotFn quant_dot_reference(quant::TensorType weight) {
    using T = quant::TensorType;
    switch (weight) {
    case T::Q4_0: return dot_q4_0;
    case T::Q4_1: return dot_q4_1;
    case T::Q5_0: return dot_q5_0;
    case T::Q5_1: return dot_q5_1;
    case T::Q8_0: return dot_q8_0;
    default: return nullptr;
    }
}

} // namespace conclave::cpu
