#pragma once
// Reads block `index` of a row of packed blocks without assuming alignment (the scalar
// reference kernels use this; SIMD kernels read the fields in place).

#include <cstdint>
#include <cstring>

namespace conclave::cpu {

template <typename Block>
Block load_block(const void* row, std::int64_t index) {
    Block b;
    std::memcpy(&b, static_cast<const unsigned char*>(row) + index * static_cast<std::int64_t>(sizeof(Block)), sizeof b);
    return b;
}

} // namespace conclave::cpu
