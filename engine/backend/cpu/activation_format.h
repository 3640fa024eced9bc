#pragma once
// The format activations are rounded to before they meet a weight of a given type. Integer
// kernels multiply quantized weights by 8-bit activations (Q8_0, Q8_1 with its block sum, or
// Q8_K with sums per 16); F16/BF16 weights meet activations rounded to the same half type.
// The generic path reproduces exactly this rounding, so every path computes the same
// numbers as the fast kernels (and as other engines that use these pairings).

#include "quant/tensor_types.h"

namespace conclave::cpu {

quant::TensorType activation_format(quant::TensorType weight);

} // namespace conclave::cpu
