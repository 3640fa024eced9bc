#include "backend/tensor.h"

namespace conclave {

std::uint64_t Tensor::row_bytes() const {
    const quant::TensorTypeInfo& info = quant::tensor_type_info(type);
    return static_cast<std::uint64_t>(ne[0]) / info.block_size * info.block_bytes;
}

} // namespace conclave
