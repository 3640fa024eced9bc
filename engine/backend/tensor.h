#pragma once
// Tensor: a typed, shaped view of memory owned by a backend (weights mapped from the model
// file, activations in a backend's scratch arena, KV cache rows). Model code passes tensors
// to backend ops and never dereferences `data` itself, so the same forward pass runs on the
// CPU and on GPU backends, where `data` is device memory.
// Layout follows GGUF: ne[0] is the contiguous dimension; activations are [n_embd, n_tokens]
// (one row per token); a weight [n_in, n_out] holds n_out rows of n_in values.

#include "quant/tensor_types.h"

#include <array>
#include <cstdint>

namespace conclave {

class Backend;

struct Tensor {
    quant::TensorType type = quant::TensorType::F32;
    std::array<std::int64_t, 4> ne{1, 1, 1, 1};
    void* data = nullptr;
    Backend* backend = nullptr;

    std::int64_t n_elements() const { return ne[0] * ne[1] * ne[2] * ne[3]; }
    std::int64_t rows() const { return ne[1] * ne[2] * ne[3]; }
    // Bytes of one row of ne[0] elements.
    std::uint64_t row_bytes() const;
    std::uint64_t n_bytes() const { return row_bytes() * static_cast<std::uint64_t>(rows()); }
    bool valid() const { return data != nullptr; }
};

// Bytes of a tensor of this type and shape (what a backend allocates for it).
inline std::uint64_t tensor_bytes(quant::TensorType type, const std::array<std::int64_t, 4>& ne) {
    return Tensor{type, ne, nullptr, nullptr}.n_bytes();
}

} // namespace conclave
