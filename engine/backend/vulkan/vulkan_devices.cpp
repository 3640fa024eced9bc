// Vulkan device enumeration: the first thing the Vulkan backend does, and what the app's
// device picker and `conclave-cli devices` show.

#include "conclave/gpu_devices.h"
#include "vulkan_loader.h"
#include "vulkan_names.h"

#include <vector>

namespace conclave {
namespace {

using vulkan::kind_of;
using vulkan::version_text;

std::uint64_t device_local_bytes(const VkPhysicalDeviceMemoryProperties& memory) {
    std::uint64_t total = 0;
    for (std::uint32_t i = 0; i < memory.memoryHeapCount; ++i)
        if (memory.memoryHeaps[i].flags & VK_MEMORY_HEAP_DEVICE_LOCAL_BIT)
            total += memory.memoryHeaps[i].size;
    return total;
}

} // namespace

GpuProbe probe_vulkan_devices() {
    GpuProbe probe{"vulkan", true, {}, {}};
    vulkan::VulkanLoader loader;
    if (!loader.loaded()) {
        probe.note = loader.error();
        return probe;
    }
    auto create_instance = loader.get<PFN_vkCreateInstance>(nullptr, "vkCreateInstance");
    if (!create_instance) {
        probe.note = "Vulkan loader has no vkCreateInstance";
        return probe;
    }

    VkApplicationInfo app{};
    app.sType = VK_STRUCTURE_TYPE_APPLICATION_INFO;
    app.pApplicationName = "Conclave";
    app.apiVersion = VK_API_VERSION_1_2;
    VkInstanceCreateInfo info{};
    info.sType = VK_STRUCTURE_TYPE_INSTANCE_CREATE_INFO;
    info.pApplicationInfo = &app;
    VkInstance instance = VK_NULL_HANDLE;
    const VkResult created = create_instance(&info, nullptr, &instance);
    if (created != VK_SUCCESS) {
        probe.note = created == VK_ERROR_INCOMPATIBLE_DRIVER
                         ? "no Vulkan driver (ICD) is installed"
                         : "vkCreateInstance failed with VkResult " + std::to_string(created);
        return probe;
    }

    auto destroy_instance = loader.get<PFN_vkDestroyInstance>(instance, "vkDestroyInstance");
    auto enumerate = loader.get<PFN_vkEnumeratePhysicalDevices>(instance, "vkEnumeratePhysicalDevices");
    auto properties = loader.get<PFN_vkGetPhysicalDeviceProperties>(instance, "vkGetPhysicalDeviceProperties");
    auto memory = loader.get<PFN_vkGetPhysicalDeviceMemoryProperties>(
        instance, "vkGetPhysicalDeviceMemoryProperties");
    if (!destroy_instance || !enumerate || !properties || !memory) {
        probe.note = "Vulkan loader lacks core 1.0 instance functions";
        if (destroy_instance) destroy_instance(instance, nullptr);
        return probe;
    }

    std::uint32_t count = 0;
    std::vector<VkPhysicalDevice> devices;
    if (enumerate(instance, &count, nullptr) == VK_SUCCESS && count > 0) {
        devices.resize(count);
        if (enumerate(instance, &count, devices.data()) != VK_SUCCESS) count = 0;
        devices.resize(count);
    }
    for (std::uint32_t i = 0; i < devices.size(); ++i) {
        VkPhysicalDeviceProperties props{};
        properties(devices[i], &props);
        VkPhysicalDeviceMemoryProperties mem{};
        memory(devices[i], &mem);
        probe.devices.push_back(GpuDevice{static_cast<int>(i), props.deviceName,
                                          kind_of(props.deviceType), device_local_bytes(mem),
                                          version_text(props.apiVersion)});
    }
    if (probe.devices.empty()) probe.note = "the Vulkan driver reports no devices";
    destroy_instance(instance, nullptr);
    return probe;
}

} // namespace conclave
