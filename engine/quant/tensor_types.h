#pragma once
// The ONE table of GGUF tensor types: id, name, block size and bytes per block. Everything
// that needs to know how big a tensor is or whether a type exists asks here; reference
// (de)quantizers per type live beside it in quant/.
// Ids are GGUF's on-disk values: never renumber or reuse them.

#include "conclave/result.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace conclave::quant {

enum class TensorType : std::uint32_t {
    F32 = 0,
    F16 = 1,
    Q4_0 = 2,
    Q4_1 = 3,
    Q5_0 = 6,
    Q5_1 = 7,
    Q8_0 = 8,
    Q8_1 = 9,
    Q2_K = 10,
    Q3_K = 11,
    Q4_K = 12,
    Q5_K = 13,
    Q6_K = 14,
    Q8_K = 15,
    IQ2_XXS = 16,
    IQ2_XS = 17,
    IQ3_XXS = 18,
    IQ1_S = 19,
    IQ4_NL = 20,
    IQ3_S = 21,
    IQ2_S = 22,
    IQ4_XS = 23,
    I8 = 24,
    I16 = 25,
    I32 = 26,
    I64 = 27,
    F64 = 28,
    IQ1_M = 29,
    BF16 = 30,
    TQ1_0 = 34,
    TQ2_0 = 35,
    MXFP4 = 39,
};

struct TensorTypeInfo {
    TensorType type;
    std::string_view name;       // as GGUF tools print it: "Q4_K", "IQ2_XXS", "BF16"
    std::uint32_t block_size;    // elements per block (1 for plain scalar types)
    std::uint32_t block_bytes;   // bytes per block
    bool weight_format;          // false for activation-only formats (Q8_1, Q8_K)
};

// Every known type, in id order.
std::span<const TensorTypeInfo> all_tensor_types();

// The row for `id`, or nullopt for an id GGUF never defined or has retired.
std::optional<TensorTypeInfo> find_tensor_type(std::uint32_t id);
std::optional<TensorTypeInfo> find_tensor_type(std::string_view name);

const TensorTypeInfo& tensor_type_info(TensorType type);
std::string_view tensor_type_name(TensorType type);

// Bytes needed for one row of `n_elements` of `type`; an error when the row is not a whole
// number of blocks or the size overflows.
Result<std::uint64_t> row_bytes(TensorType type, std::uint64_t n_elements);

} // namespace conclave::quant
