// Workgroup grids over x and y (see vulkan_grid.h).

#include "backend/vulkan/vulkan_grid.h"

#include <algorithm>
#include <cassert>

namespace conclave::vulkan {

GroupGrid group_grid(const VulkanDevice& device, std::uint64_t n_groups) {
    if (n_groups == 0) return {0, 0};
    const std::uint64_t max_x = std::max<std::uint32_t>(1, device.info().max_groups_x);
    const std::uint64_t y = (n_groups + max_x - 1) / max_x;
    const std::uint64_t x = (n_groups + y - 1) / y;
    assert(y <= 65535); // Vulkan's guaranteed minimum of maxComputeWorkGroupCount[1]
    return {static_cast<std::uint32_t>(x), static_cast<std::uint32_t>(y)};
}

GroupGrid item_grid(const VulkanDevice& device, std::uint64_t n_items, std::uint32_t local_size) {
    return group_grid(device, (n_items + local_size - 1) / local_size);
}

} // namespace conclave::vulkan
