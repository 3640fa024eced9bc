#include "backend/vulkan/matmul_plan.h"

#include <algorithm>

namespace conclave::vulkan {

std::vector<RowChunk> split_rows(std::int64_t n_rows, std::uint64_t row_bytes,
                                 std::uint64_t max_binding_bytes, std::uint64_t alignment) {
    constexpr std::uint64_t addressable = (std::uint64_t{1} << 32) - 4;
    // Rounding the offset down, and padding the end to a whole word (vulkan_matmul.cpp).
    const std::uint64_t slack = (alignment > 0 ? alignment - 1 : 0) + 3;
    const std::uint64_t limit =
        max_binding_bytes > 0 ? std::min(max_binding_bytes, addressable) : addressable;
    const std::uint64_t usable = limit > slack ? limit - slack : 0;
    const auto rows_per_chunk = static_cast<std::int64_t>(
        std::max<std::uint64_t>(1, row_bytes > 0 ? usable / row_bytes : usable));
    std::vector<RowChunk> chunks;
    for (std::int64_t first = 0; first < n_rows; first += rows_per_chunk)
        chunks.push_back({first, std::min(rows_per_chunk, n_rows - first)});
    return chunks;
}

ExpertPlan plan_expert_tiles(std::span<const std::int32_t> expert_ids, std::int64_t n_expert,
                             std::uint32_t tile_cols) {
    // Counting sort of the slots by expert: stable, so each expert's slots stay ascending.
    std::vector<std::uint32_t> count(static_cast<std::size_t>(n_expert) + 1, 0);
    for (const std::int32_t id : expert_ids)
        if (id >= 0 && id < n_expert) ++count[static_cast<std::size_t>(id) + 1];
    for (std::size_t e = 1; e < count.size(); ++e) count[e] += count[e - 1];
    const std::uint32_t n_routed = count.back();
    std::vector<std::uint32_t> sorted(n_routed);
    std::vector<std::uint32_t> next(count.begin(), count.end() - 1);
    for (std::size_t slot = 0; slot < expert_ids.size(); ++slot) {
        const std::int32_t id = expert_ids[slot];
        if (id >= 0 && id < n_expert)
            sorted[next[static_cast<std::size_t>(id)]++] = static_cast<std::uint32_t>(slot);
    }

    ExpertPlan plan;
    for (std::int64_t e = 0; e < n_expert; ++e) {
        const auto begin = count[static_cast<std::size_t>(e)],
                   end = count[static_cast<std::size_t>(e) + 1];
        for (std::uint32_t at = begin; at < end; at += tile_cols) ++plan.n_items;
    }
    const std::uint32_t slots_at = 3 * plan.n_items;
    plan.words.reserve(slots_at + n_routed);
    for (std::int64_t e = 0; e < n_expert; ++e) {
        const auto begin = count[static_cast<std::size_t>(e)],
                   end = count[static_cast<std::size_t>(e) + 1];
        for (std::uint32_t at = begin; at < end; at += tile_cols) {
            plan.words.push_back(static_cast<std::uint32_t>(e));
            plan.words.push_back(slots_at + at);
            plan.words.push_back(std::min(tile_cols, end - at));
        }
    }
    plan.words.insert(plan.words.end(), sorted.begin(), sorted.end());
    return plan;
}

} // namespace conclave::vulkan
