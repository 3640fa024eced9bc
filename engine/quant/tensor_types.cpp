#include "quant/tensor_types.h"

#include <array>
#include <string>

namespace conclave::quant {
namespace {

using T = TensorType;

// Block layouts (bytes per block) follow GGUF's definitions; the static_asserts on the
// block structs in the per-type files pin the same numbers.
constexpr std::array types{
    TensorTypeInfo{T::F32, "F32", 1, 4, true},
    TensorTypeInfo{T::F16, "F16", 1, 2, true},
    TensorTypeInfo{T::Q4_0, "Q4_0", 32, 18, true},
    TensorTypeInfo{T::Q4_1, "Q4_1", 32, 20, true},
    TensorTypeInfo{T::Q5_0, "Q5_0", 32, 22, true},
    TensorTypeInfo{T::Q5_1, "Q5_1", 32, 24, true},
    TensorTypeInfo{T::Q8_0, "Q8_0", 32, 34, true},
    TensorTypeInfo{T::Q8_1, "Q8_1", 32, 36, false},
    TensorTypeInfo{T::Q2_K, "Q2_K", 256, 84, true},
    TensorTypeInfo{T::Q3_K, "Q3_K", 256, 110, true},
    TensorTypeInfo{T::Q4_K, "Q4_K", 256, 144, true},
    TensorTypeInfo{T::Q5_K, "Q5_K", 256, 176, true},
    TensorTypeInfo{T::Q6_K, "Q6_K", 256, 210, true},
    TensorTypeInfo{T::Q8_K, "Q8_K", 256, 292, false},
    TensorTypeInfo{T::IQ2_XXS, "IQ2_XXS", 256, 66, true},
    TensorTypeInfo{T::IQ2_XS, "IQ2_XS", 256, 74, true},
    TensorTypeInfo{T::IQ3_XXS, "IQ3_XXS", 256, 98, true},
    TensorTypeInfo{T::IQ1_S, "IQ1_S", 256, 50, true},
    TensorTypeInfo{T::IQ4_NL, "IQ4_NL", 32, 18, true},
    TensorTypeInfo{T::IQ3_S, "IQ3_S", 256, 110, true},
    TensorTypeInfo{T::IQ2_S, "IQ2_S", 256, 82, true},
    TensorTypeInfo{T::IQ4_XS, "IQ4_XS", 256, 136, true},
    TensorTypeInfo{T::I8, "I8", 1, 1, true},
    TensorTypeInfo{T::I16, "I16", 1, 2, true},
    TensorTypeInfo{T::I32, "I32", 1, 4, true},
    TensorTypeInfo{T::I64, "I64", 1, 8, true},
    TensorTypeInfo{T::F64, "F64", 1, 8, true},
    TensorTypeInfo{T::IQ1_M, "IQ1_M", 256, 56, true},
    TensorTypeInfo{T::BF16, "BF16", 1, 2, true},
    TensorTypeInfo{T::TQ1_0, "TQ1_0", 256, 54, true},
    TensorTypeInfo{T::TQ2_0, "TQ2_0", 256, 66, true},
    TensorTypeInfo{T::MXFP4, "MXFP4", 32, 17, true},
};

} // namespace

std::span<const TensorTypeInfo> all_tensor_types() { return types; }

std::optional<TensorTypeInfo> find_tensor_type(std::uint32_t id) {
    for (const TensorTypeInfo& info : types)
        if (static_cast<std::uint32_t>(info.type) == id) return info;
    return std::nullopt;
}

std::optional<TensorTypeInfo> find_tensor_type(std::string_view name) {
    for (const TensorTypeInfo& info : types)
        if (info.name == name) return info;
    return std::nullopt;
}

const TensorTypeInfo& tensor_type_info(TensorType type) {
    for (const TensorTypeInfo& info : types)
        if (info.type == type) return info;
    return types[0]; // unreachable for values of the enum; keeps the function total
}

std::string_view tensor_type_name(TensorType type) { return tensor_type_info(type).name; }

Result<std::uint64_t> row_bytes(TensorType type, std::uint64_t n_elements) {
    const TensorTypeInfo& info = tensor_type_info(type);
    if (n_elements % info.block_size != 0)
        return make_error(ErrorCode::invalid_format,
                          "a row of " + std::to_string(n_elements) + " elements is not a whole number of " +
                              std::string(info.name) + " blocks of " + std::to_string(info.block_size));
    const std::uint64_t blocks = n_elements / info.block_size;
    std::uint64_t bytes = 0;
    if (__builtin_mul_overflow(blocks, std::uint64_t{info.block_bytes}, &bytes))
        return make_error(ErrorCode::invalid_format, "tensor row size overflows 64 bits");
    return bytes;
}

} // namespace conclave::quant
