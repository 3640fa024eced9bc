#pragma once
// DeviceTensor: a typed, shaped range of device memory, as the Vulkan ops take it. Same
// layout rules as Tensor (ne[0] contiguous, GGUF row sizes); `slice` covers its bytes.

#include "backend/vulkan/vulkan_device.h"
#include "quant/tensor_types.h"

#include <array>
#include <cstdint>

namespace conclave::vulkan {

struct DeviceTensor {
    quant::TensorType type = quant::TensorType::F32;
    std::array<std::int64_t, 4> ne{1, 1, 1, 1};
    BufferSlice slice;

    std::int64_t n_elements() const { return ne[0] * ne[1] * ne[2] * ne[3]; }
    std::int64_t rows() const { return ne[1] * ne[2] * ne[3]; }
    std::uint64_t row_bytes() const {
        const quant::TensorTypeInfo& info = quant::tensor_type_info(type);
        return static_cast<std::uint64_t>(ne[0]) / info.block_size * info.block_bytes;
    }
    std::uint64_t n_bytes() const { return row_bytes() * static_cast<std::uint64_t>(rows()); }
    bool valid() const { return slice.valid(); }
};

} // namespace conclave::vulkan
