#pragma once
// Integer dot products of one quantized weight row with one quantized activation row (in the
// weight type's activation_format). Each block's codes are multiplied as integers and scaled
// once, which is both faster and closer to exact than multiplying dequantized floats.
// find_quant_dot() answers the fastest kernel for this processor, or null when the type has
// none (the generic dequantize path handles it); the scalar reference is what every SIMD
// kernel is tested against. Pure functions; thread-safe.

#include "quant/tensor_types.h"

#include <cstdint>

namespace conclave::cpu {

using QuantDotFn = float (*)(const void* weights, const void* activations, std::int64_t n);

QuantDotFn find_quant_dot(quant::TensorType weight);
QuantDotFn find_quant_dot_reference(quant::TensorType weight);

// Kernels per instruction set, registered by quant_dot_reference.cpp and quant_dot_avx2.cpp.
QuantDotFn quant_dot_reference(quant::TensorType weight);
QuantDotFn quant_dot_k_reference(quant::TensorType weight);
QuantDotFn quant_dot_avx2(quant::TensorType weight);
QuantDotFn quant_dot_k_avx2(quant::TensorType weight);

} // namespace conclave::cpu
