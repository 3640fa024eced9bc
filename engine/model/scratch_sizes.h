#pragma once
// What an architecture's scratch_bytes() adds up: the arena's F32 buffers and the prompt
// GEMM's quantized activations, with the padding the backend gives them.

#include <cstdint>

namespace conclave::model {

// An F32 buffer of rows x width in the scratch arena (allocations are 64-byte aligned).
inline std::uint64_t scratch_f32_bytes(std::int64_t width, std::int64_t rows) {
    return (static_cast<std::uint64_t>(width * rows) * 4u + 63u) / 64u * 64u;
}

// The prompt GEMM's quantized activations for a matmul input of rows x width (a backend
// workspace outside the arena). Each row is a 64-byte aligned record of 8-bit codes and
// float scales and sums (at most 1 + 16/32 + 16/16 bytes per value before padding, each part
// padded to 8 floats): for narrow rows up to 4 bytes per value.
inline std::uint64_t gemm_activation_bytes(std::int64_t width, std::int64_t rows) {
    const auto eights = [](std::int64_t v) { return (v + 7) / 8 * 8; };
    const std::int64_t bytes = width + 4 * (2 * eights(width / 32) + eights(width / 16));
    return static_cast<std::uint64_t>((bytes + 63) / 64 * 64 * rows);
}

} // namespace conclave::model
