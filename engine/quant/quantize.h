#pragma once
// Reference quantization: one row of fp32 into a GGUF tensor type. Used to build test models
// and, for Q8_0/Q8_1/Q8_K, as the definition of the activation formats the kernels use.
// K-quants search their sub-block scales (weighted least squares over several candidate
// scales), so their error is that of a real quantizer, not of a naive min/max.
// Finite input always gives finite blocks (fp16 scales saturate instead of overflowing).
// Stateless and thread-safe.
//
// Errors (never aborts): unknown type or no quantizer is `unsupported`; n < 0, n not a whole
// number of blocks or dst_capacity smaller than the row is `invalid_argument`.

#include "conclave/result.h"
#include "quant/tensor_types.h"

#include <cstddef>
#include <cstdint>

namespace conclave::quant {

// Encodes src[0..n) into `dst` (any alignment); returns the bytes written (row_bytes(type, n)).
Result<std::size_t> quantize_row(TensorType type, const float* src, std::int64_t n, void* dst,
                                 std::size_t dst_capacity);

bool can_quantize(TensorType type);

} // namespace conclave::quant
