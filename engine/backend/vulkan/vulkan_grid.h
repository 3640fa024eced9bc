#pragma once
// How a dispatch of n workgroups is laid out when n exceeds the device's max_groups_x: the
// groups are spread over x and y (x * y >= n, the surplus returns early in the shader), and
// shaders recover the flat index with FLAT_INVOCATION() / FLAT_WORKGROUP() (common.glsl).

#include "backend/vulkan/vulkan_device.h"

#include <cstdint>

namespace conclave::vulkan {

struct GroupGrid {
    std::uint32_t x = 1;
    std::uint32_t y = 1;
};

// Groups for n_groups workgroups; n_groups == 0 gives {0, 0} (dispatch nothing).
GroupGrid group_grid(const VulkanDevice& device, std::uint64_t n_groups);
// Groups for n_items invocations of local_size items each.
GroupGrid item_grid(const VulkanDevice& device, std::uint64_t n_items, std::uint32_t local_size);

} // namespace conclave::vulkan
