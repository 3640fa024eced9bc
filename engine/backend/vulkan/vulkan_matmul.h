#pragma once
// Internal to the Vulkan backend and its tests: mul_mat and mul_mat_id under explicit device
// limits. The public ops in vulkan_ops.h pass the device's own limits; tests pass small ones
// so the row split and the y-dimension grid are exercised on a device whose real limits a
// test-sized matrix never reaches.

#include "backend/vulkan/vulkan_ops.h"

namespace conclave::vulkan {

struct MatmulLimits {
    std::uint64_t max_binding_bytes = 0; // the most bytes one weight binding may cover
    std::uint64_t storage_alignment = 1;
    std::uint32_t max_groups_x = 65535; // row grids beyond this continue in y
    bool subgroup_reduce = false;       // the vec kernels sum with subgroupAdd
};
MatmulLimits matmul_limits(const DeviceInfo& info);

// Up to this many tokens run the matrix-vector kernels; more run the tiled kernels.
inline constexpr std::int64_t kMaxVecTokens = 8;

void mul_mat(VulkanDevice& device, const DeviceTensor& w, const DeviceTensor& x,
             const DeviceTensor& out, const MatmulLimits& limits);
void mul_mat_id(VulkanDevice& device, const DeviceTensor& w, const DeviceTensor& x,
                std::span<const std::int32_t> expert_ids, int n_used, const DeviceTensor& out,
                const MatmulLimits& limits);
void mul_mat_id(VulkanDevice& device, const DeviceTensor& w, const DeviceTensor& x, const DeviceTensor& expert_ids,
                int n_used, const DeviceTensor& out, const MatmulLimits& limits);

} // namespace conclave::vulkan
