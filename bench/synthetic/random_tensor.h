#pragma once
// Random weights for the synthetic benchmark models: realistic sizes and layouts, not
// meaning. Shared by the make_synthetic_* programs.

#include "gguf/gguf_file.h"
#include "gguf/gguf_writer.h"
#include "quant/tensor_types.h"

#include <cstdint>
#include <string>
#include <vector>

namespace conclave::bench {

// rows x row values uniform in [offset - scale, offset + scale), quantized to `type` (F32
// stored as is); rows spread over two threads. The same seed gives the same tensor.
std::vector<unsigned char> random_tensor(quant::TensorType type, std::int64_t row, std::int64_t rows, float scale,
                                         float offset, std::uint64_t seed);

// Copies the vocabulary (every tokenizer.* key) of `source` into `w`, so that both engines
// can load the synthetic file; returns its token count (0: the source has none).
std::uint64_t copy_vocabulary(const gguf::GgufFile& source, gguf::GgufWriter& w);

// Adds a random tensor (random_tensor with the next seed; norms are centred on 1, as trained
// norms are); false when the writer refused it.
bool add_random_tensor(gguf::GgufWriter& w, const std::string& name, std::vector<std::uint64_t> shape,
                       quant::TensorType type, float scale, std::uint64_t& seed);

} // namespace conclave::bench
