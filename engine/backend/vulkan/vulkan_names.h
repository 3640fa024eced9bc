#pragma once
// How Vulkan's device types and versions read in Conclave (GpuKind, "1.3.230"); shared by
// the device probe and VulkanDevice::open.

#include "conclave/gpu_devices.h"
#include "vulkan_loader.h"

#include <string>

namespace conclave::vulkan {

inline GpuKind kind_of(VkPhysicalDeviceType type) {
    switch (type) {
    case VK_PHYSICAL_DEVICE_TYPE_DISCRETE_GPU: return GpuKind::discrete;
    case VK_PHYSICAL_DEVICE_TYPE_INTEGRATED_GPU: return GpuKind::integrated;
    case VK_PHYSICAL_DEVICE_TYPE_VIRTUAL_GPU: return GpuKind::virtual_gpu;
    case VK_PHYSICAL_DEVICE_TYPE_CPU: return GpuKind::software;
    default: return GpuKind::other;
    }
}

inline std::string version_text(std::uint32_t version) {
    return std::to_string(VK_API_VERSION_MAJOR(version)) + "." + std::to_string(VK_API_VERSION_MINOR(version)) + "." +
           std::to_string(VK_API_VERSION_PATCH(version));
}

} // namespace conclave::vulkan
