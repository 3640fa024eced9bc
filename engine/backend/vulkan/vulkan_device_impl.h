#pragma once
// VulkanDevice's private state, shared by its two source files: vulkan_device_setup.cpp
// (instance, device choice, features, queue) and vulkan_device.cpp (memory, pipelines, the
// command stream). Not part of any interface.

#include "backend/vulkan/vulkan_device.h"
#include "backend/vulkan/vulkan_loader.h"

#include <map>
#include <memory>
#include <string>
#include <utility>

namespace conclave::vulkan {

// The functions the backend calls, loaded from the loader for this instance and device.
#define CONCLAVE_VK_INSTANCE_FUNCTIONS(X)                                                                              \
    X(vkDestroyInstance)                                                                                               \
    X(vkEnumeratePhysicalDevices)                                                                                      \
    X(vkGetPhysicalDeviceProperties)                                                                                   \
    X(vkGetPhysicalDeviceProperties2)                                                                                  \
    X(vkGetPhysicalDeviceFeatures2)                                                                                    \
    X(vkGetPhysicalDeviceMemoryProperties)                                                                             \
    X(vkGetPhysicalDeviceMemoryProperties2)                                                                            \
    X(vkGetPhysicalDeviceQueueFamilyProperties)                                                                        \
    X(vkEnumerateDeviceExtensionProperties)                                                                            \
    X(vkCreateDevice)                                                                                                  \
    X(vkGetDeviceProcAddr)

#define CONCLAVE_VK_DEVICE_FUNCTIONS(X)                                                                                \
    X(vkDestroyDevice)                                                                                                 \
    X(vkGetDeviceQueue)                                                                                                \
    X(vkCreateBuffer)                                                                                                  \
    X(vkDestroyBuffer)                                                                                                 \
    X(vkGetBufferMemoryRequirements)                                                                                   \
    X(vkAllocateMemory)                                                                                                \
    X(vkFreeMemory)                                                                                                    \
    X(vkBindBufferMemory)                                                                                              \
    X(vkMapMemory)                                                                                                     \
    X(vkUnmapMemory)                                                                                                   \
    X(vkCreateShaderModule)                                                                                            \
    X(vkDestroyShaderModule)                                                                                           \
    X(vkCreateDescriptorSetLayout)                                                                                     \
    X(vkDestroyDescriptorSetLayout)                                                                                    \
    X(vkCreatePipelineLayout)                                                                                          \
    X(vkDestroyPipelineLayout)                                                                                         \
    X(vkCreateComputePipelines)                                                                                        \
    X(vkDestroyPipeline)                                                                                               \
    X(vkCreateDescriptorPool)                                                                                          \
    X(vkDestroyDescriptorPool)                                                                                         \
    X(vkResetDescriptorPool)                                                                                           \
    X(vkAllocateDescriptorSets)                                                                                        \
    X(vkUpdateDescriptorSets)                                                                                          \
    X(vkCreateCommandPool)                                                                                             \
    X(vkDestroyCommandPool)                                                                                            \
    X(vkResetCommandPool)                                                                                              \
    X(vkAllocateCommandBuffers)                                                                                        \
    X(vkBeginCommandBuffer)                                                                                            \
    X(vkEndCommandBuffer)                                                                                              \
    X(vkCmdBindPipeline)                                                                                               \
    X(vkCmdBindDescriptorSets)                                                                                         \
    X(vkCmdPushConstants)                                                                                              \
    X(vkCmdDispatch)                                                                                                   \
    X(vkCmdPipelineBarrier)                                                                                            \
    X(vkCmdCopyBuffer)                                                                                                 \
    X(vkCmdFillBuffer)                                                                                                 \
    X(vkCreateFence)                                                                                                   \
    X(vkDestroyFence)                                                                                                  \
    X(vkResetFences)                                                                                                   \
    X(vkWaitForFences)                                                                                                 \
    X(vkQueueSubmit)                                                                                                   \
    X(vkDeviceWaitIdle)

struct VulkanDevice::Impl {
#define CONCLAVE_VK_MEMBER(name) PFN_##name name = nullptr;
    CONCLAVE_VK_INSTANCE_FUNCTIONS(CONCLAVE_VK_MEMBER)
    CONCLAVE_VK_DEVICE_FUNCTIONS(CONCLAVE_VK_MEMBER)
#undef CONCLAVE_VK_MEMBER

    VulkanLoader loader;
    VkInstance instance = VK_NULL_HANDLE;
    VkPhysicalDevice physical = VK_NULL_HANDLE;
    VkDevice device = VK_NULL_HANDLE;
    VkQueue queue = VK_NULL_HANDLE;
    std::uint32_t queue_family = 0;
    std::uint32_t device_memory_type = 0;  // device-local
    std::uint32_t staging_memory_type = 0; // host-visible and coherent
    std::uint64_t max_allocation_bytes = 0;
    std::uint64_t allocated_bytes = 0;     // device-local memory this object holds
    std::uint64_t heap_bytes = 0;          // device-local heaps in total

    // One descriptor set layout and pipeline layout per binding count (1..kMaxBindings).
    VkDescriptorSetLayout set_layouts[kMaxBindings] = {};
    VkPipelineLayout pipeline_layouts[kMaxBindings] = {};
    std::map<std::pair<std::string, std::uint32_t>, VkPipeline> pipelines;

    // The command stream: one command buffer recorded until the host needs results.
    VkCommandPool command_pool = VK_NULL_HANDLE;
    VkCommandBuffer commands = VK_NULL_HANDLE;
    VkFence fence = VK_NULL_HANDLE;
    bool recording = false;
    VkDescriptorPool descriptor_pool = VK_NULL_HANDLE;
    std::uint32_t descriptor_sets_used = 0;

    // Host-visible ring for uploads, downloads and staged inputs, reused after each submit.
    VkBuffer staging = VK_NULL_HANDLE;
    VkDeviceMemory staging_memory = VK_NULL_HANDLE;
    unsigned char* staging_map = nullptr;
    std::uint64_t staging_bytes = 0;
    std::uint64_t staging_used = 0;

    ~Impl();
};

inline constexpr std::uint32_t kDescriptorSetsPerPool = 2048;
inline constexpr std::uint64_t kStagingBytes = 64ull << 20;

} // namespace conclave::vulkan
