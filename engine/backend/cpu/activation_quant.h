#pragma once
// Quantizes activation rows for the integer matmul kernels. Q8_0/Q8_1 follow the SIMD
// convention (scale 127/amax, round half to even) rather than the weight quantizers'
// reciprocal-of-scale and round-half-away: activations are re-quantized every matmul, and
// this is the rounding the widely used kernels apply, so logits line up with them.
// Other formats use the reference quantizers. Thread-safe (no state).

#include "quant/tensor_types.h"

#include <cstddef>
#include <cstdint>

namespace conclave::cpu {

// Writes row_bytes(format, n) bytes to `dst`.
void quantize_activations(quant::TensorType format, const float* src, std::int64_t n, void* dst, std::size_t dst_bytes);

// The scalar code, which the vector paths must match byte for byte (the tests compare them).
void quantize_activations_reference(quant::TensorType format, const float* src, std::int64_t n, void* dst,
                                    std::size_t dst_bytes);

// Q8_0, Q8_1 and Q8_K with AVX2; false (nothing written) for other formats or other CPUs.
// Callers check the CPU features.
bool quantize_activations_avx2(quant::TensorType format, const float* src, std::int64_t n, void* dst);

} // namespace conclave::cpu
