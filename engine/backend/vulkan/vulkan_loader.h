#pragma once
// Loads the system Vulkan loader (libvulkan.so.1 / vulkan-1.dll) at run time instead of
// linking it, so Conclave starts and runs on the CPU on machines that have no Vulkan at all.
// One VulkanLoader per user; not thread-safe; unloads the library on destruction.

#define VK_NO_PROTOTYPES
#include <vulkan/vulkan.h>

#include <string>

namespace conclave::vulkan {

class VulkanLoader {
public:
    VulkanLoader();
    ~VulkanLoader();
    VulkanLoader(const VulkanLoader&) = delete;
    VulkanLoader& operator=(const VulkanLoader&) = delete;

    bool loaded() const { return m_get_instance_proc_addr != nullptr; }
    const std::string& error() const { return m_error; }

    PFN_vkVoidFunction instance_function(VkInstance instance, const char* name) const;

    template <typename Fn>
    Fn get(VkInstance instance, const char* name) const {
        return reinterpret_cast<Fn>(instance_function(instance, name));
    }

private:
    void* m_library = nullptr;
    PFN_vkGetInstanceProcAddr m_get_instance_proc_addr = nullptr;
    std::string m_error;
};

} // namespace conclave::vulkan
