#pragma once
// Reference dequantization: one row of any GGUF tensor type to fp32. This is the oracle the
// fast kernels are tested against and the generic fallback every backend can use, so it
// favours being obviously right over being fast. Stateless and thread-safe.
//
// Errors (never aborts): an unknown type id or a type without a dequantizer is `unsupported`;
// n < 0, n not a whole number of blocks, or src_bytes smaller than the row is
// `invalid_argument`.

#include "conclave/result.h"
#include "quant/tensor_types.h"

#include <cstddef>
#include <cstdint>

namespace conclave::quant {

// Decodes n elements (a whole number of blocks) from `src` (at least row_bytes(type, n) bytes,
// any alignment) into dst[0..n).
Result<void> dequantize_row(TensorType type, const void* src, std::size_t src_bytes, float* dst, std::int64_t n);

bool can_dequantize(TensorType type);

} // namespace conclave::quant
