#pragma once
// Integer dot products of one quantized weight row with one quantized activation row (in the
// weight type's activation_format). Each block's codes are multiplied as integers and scaled
// once, which is both faster and closer to exact than multiplying dequantized floats.
// find_quant_dot() answers the fastest kernel for this processor, or null when the type has
// none (the generic dequantize path handles it); the scalar reference is what every SIMD
// kernel is tested against. Pure functions; thread-safe.
//
// Activation codes are assumed to lie in -127..127 (activation_quant.cpp never writes -128):
// the signed x signed SIMD kernels move the weight's sign onto the activation byte.

#include "quant/tensor_types.h"

#include <cstddef>
#include <cstdint>

namespace conclave::cpu {

using QuantDotFn = float (*)(const void* weights, const void* activations, std::int64_t n);

// One weight row against four activation rows `a_stride` bytes apart; out[0..3]. Null when
// the processor or type has none (four single dots do the same).
using QuantDotX4Fn = void (*)(const void* weights, const void* activations, std::size_t a_stride,
                              std::int64_t n, float* out);

QuantDotFn find_quant_dot(quant::TensorType weight);
QuantDotX4Fn find_quant_dot_x4(quant::TensorType weight);
QuantDotFn find_quant_dot_reference(quant::TensorType weight);
// The AVX2 kernels alone (null where the processor lacks AVX2 or the type has none), so
// tests can tell a SIMD kernel from the reference it falls back to.
QuantDotFn find_quant_dot_avx2(quant::TensorType weight);
// The NEON kernels alone, built for SDOT (`dotprod`) or for plain Advanced SIMD: null off
// ARM64, where `dotprod` is asked and the processor lacks it, or where the type has none.
// find_quant_dot/find_quant_dot_x4 answer the dotprod ones where the processor has SDOT.
QuantDotFn find_quant_dot_neon(quant::TensorType weight, bool dotprod);
QuantDotX4Fn find_quant_dot_x4_neon(quant::TensorType weight, bool dotprod);

// Kernels per instruction set and family, one registry per file; quant_dot.cpp asks each in
// turn. Each answers null for types it does not cover.
QuantDotFn quant_dot_reference(quant::TensorType weight);    // legacy 32-blocks
QuantDotFn quant_dot_k_reference(quant::TensorType weight);  // K-quants
QuantDotFn quant_dot_iq_reference(quant::TensorType weight); // IQ4_NL, IQ4_XS, MXFP4
QuantDotFn quant_dot_avx2(quant::TensorType weight);
QuantDotFn quant_dot_k_avx2(quant::TensorType weight);
QuantDotFn quant_dot_k23_avx2(quant::TensorType weight);
QuantDotFn quant_dot_iq_avx2(quant::TensorType weight);
QuantDotX4Fn quant_dot_x4_avx2(quant::TensorType weight);
QuantDotX4Fn quant_dot_x4_k_avx2(quant::TensorType weight);
QuantDotX4Fn quant_dot_x4_k23_avx2(quant::TensorType weight);
QuantDotX4Fn quant_dot_x4_iq_avx2(quant::TensorType weight);
// NEON (ARM64): `dotprod` picks the kernels that use SDOT; callers check the processor.
QuantDotFn quant_dot_neon(quant::TensorType weight, bool dotprod);   // 32-blocks, IQ4_NL, MXFP4
QuantDotFn quant_dot_k_neon(quant::TensorType weight, bool dotprod); // Q4_K, Q5_K, Q6_K
QuantDotFn quant_dot_k23_neon(quant::TensorType weight, bool dotprod); // Q2_K, Q3_K
QuantDotFn quant_dot_iq_neon(quant::TensorType weight, bool dotprod); // IQ4_XS
QuantDotX4Fn quant_dot_x4_neon(quant::TensorType weight, bool dotprod);
QuantDotX4Fn quant_dot_x4_k_neon(quant::TensorType weight, bool dotprod);
QuantDotX4Fn quant_dot_x4_k23_neon(quant::TensorType weight, bool dotprod);
QuantDotX4Fn quant_dot_x4_iq_neon(quant::TensorType weight, bool dotprod);

} // namespace conclave::cpu
