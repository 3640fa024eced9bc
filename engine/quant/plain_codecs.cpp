// Plain element types: F32, F16, BF16, F64 and the integer types. One element per "block";
// dequantizing is a per-element conversion. Integer and F64 conversions round to the nearest
// float, which is what a tensor of those types means when used as weights.

#include "quant/half.h"
#include "quant/quant_math.h"
#include "quant/row_codecs.h"

#include <cstring>

namespace conclave::quant {
namespace {

// Reads element i of type T from an unaligned byte stream.
template <typename T>
T load_element(const std::uint8_t* src, std::int64_t i) {
    T value;
    std::memcpy(&value, src + i * static_cast<std::int64_t>(sizeof(T)), sizeof(T));
    return value;
}

template <typename T>
void dequantize_scalar_row(const std::uint8_t* src, float* dst, std::int64_t n) {
    for (std::int64_t i = 0; i < n; ++i) dst[i] = static_cast<float>(load_element<T>(src, i));
}

// F32 copies bits, so NaN payloads survive.
void dequantize_row_f32(const std::uint8_t* src, float* dst, std::int64_t n) {
    std::memcpy(dst, src, static_cast<std::size_t>(n) * sizeof(float));
}

void quantize_row_f32(const float* src, std::uint8_t* dst, std::int64_t n) {
    std::memcpy(dst, src, static_cast<std::size_t>(n) * sizeof(float));
}

void dequantize_row_f16(const std::uint8_t* src, float* dst, std::int64_t n) {
    for (std::int64_t i = 0; i < n; ++i) dst[i] = fp16_to_fp32(load_element<std::uint16_t>(src, i));
}

// IEEE conversion: a finite value beyond 65504 becomes Inf, as any fp16 cast would.
void quantize_row_f16(const float* src, std::uint8_t* dst, std::int64_t n) {
    for (std::int64_t i = 0; i < n; ++i) {
        const std::uint16_t h = fp32_to_fp16(src[i]);
        std::memcpy(dst + 2 * i, &h, sizeof h);
    }
}

void dequantize_row_bf16(const std::uint8_t* src, float* dst, std::int64_t n) {
    for (std::int64_t i = 0; i < n; ++i) dst[i] = bf16_to_fp32(load_element<std::uint16_t>(src, i));
}

void quantize_row_bf16(const float* src, std::uint8_t* dst, std::int64_t n) {
    for (std::int64_t i = 0; i < n; ++i) {
        const std::uint16_t b = fp32_to_bf16(src[i]);
        std::memcpy(dst + 2 * i, &b, sizeof b);
    }
}

} // namespace

void register_plain_codecs(CodecTable& table) {
    table.set(TensorType::F32, {dequantize_row_f32, quantize_row_f32, 4});
    table.set(TensorType::F16, {dequantize_row_f16, quantize_row_f16, 2});
    table.set(TensorType::BF16, {dequantize_row_bf16, quantize_row_bf16, 2});
    table.set(TensorType::F64, {dequantize_scalar_row<double>, nullptr, 8});
    table.set(TensorType::I8, {dequantize_scalar_row<std::int8_t>, nullptr, 1});
    table.set(TensorType::I16, {dequantize_scalar_row<std::int16_t>, nullptr, 2});
    table.set(TensorType::I32, {dequantize_scalar_row<std::int32_t>, nullptr, 4});
    table.set(TensorType::I64, {dequantize_scalar_row<std::int64_t>, nullptr, 8});
}

} // namespace conclave::quant
