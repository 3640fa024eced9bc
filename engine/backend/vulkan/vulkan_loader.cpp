#include "vulkan_loader.h"

#include <dlfcn.h>

namespace conclave::vulkan {

VulkanLoader::VulkanLoader() {
    for (const char* name : {"libvulkan.so.1", "libvulkan.so"}) {
        m_library = dlopen(name, RTLD_NOW | RTLD_LOCAL);
        if (m_library) break;
    }
    if (!m_library) {
        const char* reason = dlerror();
        m_error = std::string("Vulkan loader not found (libvulkan.so.1): ") +
                  (reason ? reason : "unknown reason");
        return;
    }
    m_get_instance_proc_addr =
        reinterpret_cast<PFN_vkGetInstanceProcAddr>(dlsym(m_library, "vkGetInstanceProcAddr"));
    if (!m_get_instance_proc_addr) m_error = "Vulkan loader lacks vkGetInstanceProcAddr";
}

VulkanLoader::~VulkanLoader() {
    if (m_library) dlclose(m_library);
}

PFN_vkVoidFunction VulkanLoader::instance_function(VkInstance instance, const char* name) const {
    return m_get_instance_proc_addr ? m_get_instance_proc_addr(instance, name) : nullptr;
}

} // namespace conclave::vulkan
