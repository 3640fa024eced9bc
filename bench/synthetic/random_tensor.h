#pragma once
// Random weights for the synthetic benchmark models: realistic sizes and layouts, not
// meaning. Shared by the make_synthetic_* programs.

#include "quant/tensor_types.h"

#include <cstdint>
#include <vector>

namespace conclave::bench {

// rows x row values uniform in [offset - scale, offset + scale), quantized to `type` (F32
// stored as is); rows spread over two threads. The same seed gives the same tensor.
std::vector<unsigned char> random_tensor(quant::TensorType type, std::int64_t row, std::int64_t rows, float scale,
                                         float offset, std::uint64_t seed);

} // namespace conclave::bench
