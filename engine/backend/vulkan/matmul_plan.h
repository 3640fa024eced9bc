#pragma once
// Host-side planning for the Vulkan matmul kernels, kept apart from the device so it is
// tested without one: how weights larger than one storage binding are split by rows, and how
// mixture-of-experts slots are grouped per expert for the tiled kernel. Pure functions.

#include <cstdint>
#include <span>
#include <vector>

namespace conclave::vulkan {

// Rows [first_row, first_row + n_rows) of a weight matrix, bound as one storage buffer.
struct RowChunk {
    std::int64_t first_row = 0;
    std::int64_t n_rows = 0;
};

// Splits n_rows rows of row_bytes each into the fewest chunks whose bytes fit one binding.
// The device binds a slice at its offset rounded down to `alignment` and the kernels read
// whole words, so alignment - 1 + 3 bytes of slack are reserved; shaders address bytes with 32-bit
// integers, so a chunk also stays under 4 GiB (the only limit when max_binding_bytes is 0, i.e.
// unknown). A row larger than a binding still gets a chunk of its own (no device has such limits).
std::vector<RowChunk> split_rows(std::int64_t n_rows, std::uint64_t row_bytes,
                                 std::uint64_t max_binding_bytes, std::uint64_t alignment);

// The work plan of the tiled mul_mat_id kernel (see shaders/mul_mat_tiled.comp): one item
// per (expert, up to `tile_cols` of its slots), as uint words
//   [3 * item] expert, [3 * item + 1] word index of the item's first slot, [3 * item + 2] count
// followed by the slot indices grouped by expert (ascending expert, then slot). Slots whose
// expert id is outside [0, n_expert) are left out, so their output is not written.
struct ExpertPlan {
    std::vector<std::uint32_t> words;
    std::uint32_t n_items = 0;
};
ExpertPlan plan_expert_tiles(std::span<const std::int32_t> expert_ids, std::int64_t n_expert,
                             std::uint32_t tile_cols);

} // namespace conclave::vulkan
