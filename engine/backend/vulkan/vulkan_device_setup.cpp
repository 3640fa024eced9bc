// Opening a Vulkan device: the instance, the choice of physical device, the features it
// has beyond the portable path, its memory budget, one compute queue, and the objects the
// command stream reuses (command pool, fence, descriptor pool, staging ring, layouts).

#include "backend/vulkan/vulkan_device_impl.h"
#include "backend/vulkan/vulkan_names.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <vector>

namespace conclave::vulkan {
namespace {

Error device_error(const std::string& what, VkResult result) {
    const ErrorCode code = result == VK_ERROR_OUT_OF_DEVICE_MEMORY || result == VK_ERROR_OUT_OF_HOST_MEMORY
                               ? ErrorCode::out_of_memory
                               : ErrorCode::unsupported;
    return make_error(code, what + " failed (VkResult " + std::to_string(result) + ")");
}

bool has_extension(const std::vector<VkExtensionProperties>& all, const char* name) {
    return std::any_of(all.begin(), all.end(), [&](const VkExtensionProperties& e) { return std::strcmp(e.extensionName, name) == 0; });
}

std::optional<std::uint32_t> memory_type(const VkPhysicalDeviceMemoryProperties& memory, VkMemoryPropertyFlags wanted,
                                         VkMemoryPropertyFlags avoid = 0) {
    for (std::uint32_t i = 0; i < memory.memoryTypeCount; ++i) {
        const VkMemoryPropertyFlags flags = memory.memoryTypes[i].propertyFlags;
        if ((flags & wanted) == wanted && (flags & avoid) == 0) return i;
    }
    return std::nullopt;
}

} // namespace

VulkanDevice::Impl::~Impl() {
    if (device) {
        vkDeviceWaitIdle(device);
        for (auto& [key, pipeline] : pipelines) vkDestroyPipeline(device, pipeline, nullptr);
        for (std::uint32_t i = 0; i < kMaxBindings; ++i) {
            if (pipeline_layouts[i]) vkDestroyPipelineLayout(device, pipeline_layouts[i], nullptr);
            if (set_layouts[i]) vkDestroyDescriptorSetLayout(device, set_layouts[i], nullptr);
        }
        if (descriptor_pool) vkDestroyDescriptorPool(device, descriptor_pool, nullptr);
        if (fence) vkDestroyFence(device, fence, nullptr);
        if (command_pool) vkDestroyCommandPool(device, command_pool, nullptr);
        if (staging_map) vkUnmapMemory(device, staging_memory);
        if (staging) vkDestroyBuffer(device, staging, nullptr);
        if (staging_memory) vkFreeMemory(device, staging_memory, nullptr);
        vkDestroyDevice(device, nullptr);
    }
    if (instance && vkDestroyInstance) vkDestroyInstance(instance, nullptr);
}

VulkanDevice::VulkanDevice() : m_impl(std::make_unique<Impl>()) {}
VulkanDevice::~VulkanDevice() = default;

Result<std::unique_ptr<VulkanDevice>> VulkanDevice::open(int index) {
    auto owner = std::unique_ptr<VulkanDevice>(new VulkanDevice());
    Impl& d = *owner->m_impl;
    if (!d.loader.loaded()) return make_error(ErrorCode::unsupported, d.loader.error());
    auto create_instance = d.loader.get<PFN_vkCreateInstance>(nullptr, "vkCreateInstance");
    auto instance_version = d.loader.get<PFN_vkEnumerateInstanceVersion>(nullptr, "vkEnumerateInstanceVersion");
    std::uint32_t loader_version = VK_API_VERSION_1_0;
    if (instance_version) instance_version(&loader_version);
    if (!create_instance || loader_version < VK_API_VERSION_1_2)
        return make_error(ErrorCode::unsupported, "the Vulkan loader is older than 1.2 (" + version_text(loader_version) + ")");

    VkApplicationInfo app{};
    app.sType = VK_STRUCTURE_TYPE_APPLICATION_INFO;
    app.pApplicationName = "Conclave";
    app.apiVersion = VK_API_VERSION_1_2;
    VkInstanceCreateInfo instance_info{};
    instance_info.sType = VK_STRUCTURE_TYPE_INSTANCE_CREATE_INFO;
    instance_info.pApplicationInfo = &app;
    if (const VkResult r = create_instance(&instance_info, nullptr, &d.instance); r != VK_SUCCESS)
        return r == VK_ERROR_INCOMPATIBLE_DRIVER ? make_error(ErrorCode::unsupported, "no Vulkan driver (ICD) is installed")
                                                 : device_error("vkCreateInstance", r);
#define CONCLAVE_VK_LOAD_INSTANCE(name)                                                                                \
    d.name = d.loader.get<PFN_##name>(d.instance, #name);                                                              \
    if (!d.name) return make_error(ErrorCode::unsupported, "the Vulkan loader lacks " #name);
    CONCLAVE_VK_INSTANCE_FUNCTIONS(CONCLAVE_VK_LOAD_INSTANCE)
#undef CONCLAVE_VK_LOAD_INSTANCE

    std::uint32_t count = 0;
    d.vkEnumeratePhysicalDevices(d.instance, &count, nullptr);
    std::vector<VkPhysicalDevice> physicals(count);
    if (count > 0) d.vkEnumeratePhysicalDevices(d.instance, &count, physicals.data());
    physicals.resize(count);
    if (physicals.empty()) return make_error(ErrorCode::unsupported, "the Vulkan driver reports no devices");
    if (index >= static_cast<int>(physicals.size()))
        return make_error(ErrorCode::invalid_argument, "there is no Vulkan device " + std::to_string(index) + " (this machine has " +
                                                           std::to_string(physicals.size()) + ")");
    if (index < 0) {
        int best = 5;
        for (std::size_t i = 0; i < physicals.size(); ++i) {
            VkPhysicalDeviceProperties p{};
            d.vkGetPhysicalDeviceProperties(physicals[i], &p);
            if (p.apiVersion >= VK_API_VERSION_1_2 && gpu_kind_preference(kind_of(p.deviceType)) < best)
                best = gpu_kind_preference(kind_of(p.deviceType)), index = static_cast<int>(i);
        }
        if (index < 0) return make_error(ErrorCode::unsupported, "no Vulkan device supports Vulkan 1.2");
    }
    d.physical = physicals[static_cast<std::size_t>(index)];

    // Properties: limits, subgroups.
    VkPhysicalDeviceVulkan11Properties props11{};
    props11.sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VULKAN_1_1_PROPERTIES;
    VkPhysicalDeviceProperties2 props{};
    props.sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_PROPERTIES_2;
    props.pNext = &props11;
    d.vkGetPhysicalDeviceProperties2(d.physical, &props);
    const VkPhysicalDeviceLimits& limits = props.properties.limits;
    if (props.properties.apiVersion < VK_API_VERSION_1_2)
        return make_error(ErrorCode::unsupported, std::string(props.properties.deviceName) + " supports only Vulkan " +
                                                      version_text(props.properties.apiVersion) + "; 1.2 is needed");

    std::uint32_t n_extensions = 0;
    d.vkEnumerateDeviceExtensionProperties(d.physical, nullptr, &n_extensions, nullptr);
    std::vector<VkExtensionProperties> extensions(n_extensions);
    d.vkEnumerateDeviceExtensionProperties(d.physical, nullptr, &n_extensions, extensions.data());

    VkPhysicalDeviceVulkan12Features features12{};
    features12.sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VULKAN_1_2_FEATURES;
    VkPhysicalDeviceVulkan11Features features11{};
    features11.sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VULKAN_1_1_FEATURES;
    features11.pNext = &features12;
    VkPhysicalDeviceFeatures2 features{};
    features.sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_FEATURES_2;
    features.pNext = &features11;
    d.vkGetPhysicalDeviceFeatures2(d.physical, &features);

    DeviceInfo& info = owner->m_info;
    info.device.index = index;
    info.device.name = props.properties.deviceName;
    info.device.kind = kind_of(props.properties.deviceType);
    info.device.api_version = version_text(props.properties.apiVersion);
    info.features.storage_16bit = features11.storageBuffer16BitAccess;
    info.features.shader_float16 = features12.shaderFloat16;
    info.features.shader_int8 = features12.shaderInt8;
    info.features.subgroup_arithmetic = (props11.subgroupSupportedOperations & VK_SUBGROUP_FEATURE_ARITHMETIC_BIT) &&
                                        (props11.subgroupSupportedStages & VK_SHADER_STAGE_COMPUTE_BIT);
    info.features.subgroup_size = props11.subgroupSize;
    info.features.integer_dot_product = has_extension(extensions, "VK_KHR_shader_integer_dot_product");
    info.features.cooperative_matrix = has_extension(extensions, "VK_KHR_cooperative_matrix");
    info.features.memory_budget = has_extension(extensions, "VK_EXT_memory_budget");
    info.max_binding_bytes = limits.maxStorageBufferRange;
    info.storage_alignment = std::max<std::uint64_t>(limits.minStorageBufferOffsetAlignment, 4);
    info.max_groups_x = limits.maxComputeWorkGroupCount[0];
    d.max_allocation_bytes = props11.maxMemoryAllocationSize;

    VkPhysicalDeviceMemoryProperties memory{};
    d.vkGetPhysicalDeviceMemoryProperties(d.physical, &memory);
    for (std::uint32_t i = 0; i < memory.memoryHeapCount; ++i)
        if (memory.memoryHeaps[i].flags & VK_MEMORY_HEAP_DEVICE_LOCAL_BIT) d.heap_bytes += memory.memoryHeaps[i].size;
    info.device.memory_bytes = d.heap_bytes;
    const auto device_type = memory_type(memory, VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT);
    // Staging prefers memory the CPU reads fast (cached) and, on discrete cards, system RAM.
    auto staging_type = memory_type(memory, VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT | VK_MEMORY_PROPERTY_HOST_COHERENT_BIT |
                                                VK_MEMORY_PROPERTY_HOST_CACHED_BIT);
    if (!staging_type) staging_type = memory_type(memory, VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT | VK_MEMORY_PROPERTY_HOST_COHERENT_BIT);
    if (!device_type || !staging_type) return make_error(ErrorCode::unsupported, "the Vulkan device lacks the memory types needed");
    d.device_memory_type = *device_type;
    d.staging_memory_type = *staging_type;

    std::uint32_t n_families = 0;
    d.vkGetPhysicalDeviceQueueFamilyProperties(d.physical, &n_families, nullptr);
    std::vector<VkQueueFamilyProperties> families(n_families);
    d.vkGetPhysicalDeviceQueueFamilyProperties(d.physical, &n_families, families.data());
    const auto compute = std::find_if(families.begin(), families.end(),
                                      [](const VkQueueFamilyProperties& f) { return f.queueFlags & VK_QUEUE_COMPUTE_BIT; });
    if (compute == families.end()) return make_error(ErrorCode::unsupported, info.device.name + " has no compute queue");
    d.queue_family = static_cast<std::uint32_t>(compute - families.begin());

    const float priority = 1.0f;
    VkDeviceQueueCreateInfo queue_info{};
    queue_info.sType = VK_STRUCTURE_TYPE_DEVICE_QUEUE_CREATE_INFO;
    queue_info.queueFamilyIndex = d.queue_family;
    queue_info.queueCount = 1;
    queue_info.pQueuePriorities = &priority;
    std::vector<const char*> enabled;
    if (info.features.memory_budget) enabled.push_back("VK_EXT_memory_budget");
    VkDeviceCreateInfo device_info{};
    device_info.sType = VK_STRUCTURE_TYPE_DEVICE_CREATE_INFO;
    device_info.queueCreateInfoCount = 1;
    device_info.pQueueCreateInfos = &queue_info;
    device_info.enabledExtensionCount = static_cast<std::uint32_t>(enabled.size());
    device_info.ppEnabledExtensionNames = enabled.data();
    if (const VkResult r = d.vkCreateDevice(d.physical, &device_info, nullptr, &d.device); r != VK_SUCCESS)
        return device_error("creating the Vulkan device", r);
#define CONCLAVE_VK_LOAD_DEVICE(name)                                                                                  \
    d.name = reinterpret_cast<PFN_##name>(d.vkGetDeviceProcAddr(d.device, #name));                                     \
    if (!d.name) return make_error(ErrorCode::unsupported, "the Vulkan driver lacks " #name);
    CONCLAVE_VK_DEVICE_FUNCTIONS(CONCLAVE_VK_LOAD_DEVICE)
#undef CONCLAVE_VK_LOAD_DEVICE
    d.vkGetDeviceQueue(d.device, d.queue_family, 0, &d.queue);

    VkCommandPoolCreateInfo pool_info{};
    pool_info.sType = VK_STRUCTURE_TYPE_COMMAND_POOL_CREATE_INFO;
    pool_info.flags = VK_COMMAND_POOL_CREATE_TRANSIENT_BIT;
    pool_info.queueFamilyIndex = d.queue_family;
    if (const VkResult r = d.vkCreateCommandPool(d.device, &pool_info, nullptr, &d.command_pool); r != VK_SUCCESS)
        return device_error("vkCreateCommandPool", r);
    VkCommandBufferAllocateInfo command_info{};
    command_info.sType = VK_STRUCTURE_TYPE_COMMAND_BUFFER_ALLOCATE_INFO;
    command_info.commandPool = d.command_pool;
    command_info.level = VK_COMMAND_BUFFER_LEVEL_PRIMARY;
    command_info.commandBufferCount = 1;
    if (const VkResult r = d.vkAllocateCommandBuffers(d.device, &command_info, &d.commands); r != VK_SUCCESS)
        return device_error("vkAllocateCommandBuffers", r);
    VkFenceCreateInfo fence_info{};
    fence_info.sType = VK_STRUCTURE_TYPE_FENCE_CREATE_INFO;
    if (const VkResult r = d.vkCreateFence(d.device, &fence_info, nullptr, &d.fence); r != VK_SUCCESS)
        return device_error("vkCreateFence", r);

    const VkDescriptorPoolSize pool_size{VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, kDescriptorSetsPerPool * kMaxBindings};
    VkDescriptorPoolCreateInfo descriptor_info{};
    descriptor_info.sType = VK_STRUCTURE_TYPE_DESCRIPTOR_POOL_CREATE_INFO;
    descriptor_info.maxSets = kDescriptorSetsPerPool;
    descriptor_info.poolSizeCount = 1;
    descriptor_info.pPoolSizes = &pool_size;
    if (const VkResult r = d.vkCreateDescriptorPool(d.device, &descriptor_info, nullptr, &d.descriptor_pool); r != VK_SUCCESS)
        return device_error("vkCreateDescriptorPool", r);

    VkDescriptorSetLayoutBinding bindings[kMaxBindings]{};
    for (std::uint32_t i = 0; i < kMaxBindings; ++i)
        bindings[i] = {i, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, 1, VK_SHADER_STAGE_COMPUTE_BIT, nullptr};
    const VkPushConstantRange push{VK_SHADER_STAGE_COMPUTE_BIT, 0, 4 * kMaxBindings + kMaxParamBytes};
    for (std::uint32_t n = 1; n <= kMaxBindings; ++n) {
        VkDescriptorSetLayoutCreateInfo layout_info{};
        layout_info.sType = VK_STRUCTURE_TYPE_DESCRIPTOR_SET_LAYOUT_CREATE_INFO;
        layout_info.bindingCount = n;
        layout_info.pBindings = bindings;
        if (const VkResult r = d.vkCreateDescriptorSetLayout(d.device, &layout_info, nullptr, &d.set_layouts[n - 1]); r != VK_SUCCESS)
            return device_error("vkCreateDescriptorSetLayout", r);
        VkPipelineLayoutCreateInfo pipeline_info{};
        pipeline_info.sType = VK_STRUCTURE_TYPE_PIPELINE_LAYOUT_CREATE_INFO;
        pipeline_info.setLayoutCount = 1;
        pipeline_info.pSetLayouts = &d.set_layouts[n - 1];
        pipeline_info.pushConstantRangeCount = 1;
        pipeline_info.pPushConstantRanges = &push;
        if (const VkResult r = d.vkCreatePipelineLayout(d.device, &pipeline_info, nullptr, &d.pipeline_layouts[n - 1]); r != VK_SUCCESS)
            return device_error("vkCreatePipelineLayout", r);
    }

    VkBufferCreateInfo staging_info{};
    staging_info.sType = VK_STRUCTURE_TYPE_BUFFER_CREATE_INFO;
    staging_info.size = kStagingBytes;
    staging_info.usage = VK_BUFFER_USAGE_STORAGE_BUFFER_BIT | VK_BUFFER_USAGE_TRANSFER_SRC_BIT | VK_BUFFER_USAGE_TRANSFER_DST_BIT;
    staging_info.sharingMode = VK_SHARING_MODE_EXCLUSIVE;
    if (const VkResult r = d.vkCreateBuffer(d.device, &staging_info, nullptr, &d.staging); r != VK_SUCCESS)
        return device_error("creating the staging buffer", r);
    VkMemoryRequirements needs{};
    d.vkGetBufferMemoryRequirements(d.device, d.staging, &needs);
    if (!(needs.memoryTypeBits & (1u << d.staging_memory_type)))
        return make_error(ErrorCode::unsupported, "the Vulkan device cannot place a staging buffer in host-visible memory");
    VkMemoryAllocateInfo allocate_info{};
    allocate_info.sType = VK_STRUCTURE_TYPE_MEMORY_ALLOCATE_INFO;
    allocate_info.allocationSize = needs.size;
    allocate_info.memoryTypeIndex = d.staging_memory_type;
    if (const VkResult r = d.vkAllocateMemory(d.device, &allocate_info, nullptr, &d.staging_memory); r != VK_SUCCESS)
        return device_error("allocating the staging buffer", r);
    d.vkBindBufferMemory(d.device, d.staging, d.staging_memory, 0);
    void* mapped = nullptr;
    if (const VkResult r = d.vkMapMemory(d.device, d.staging_memory, 0, VK_WHOLE_SIZE, 0, &mapped); r != VK_SUCCESS)
        return device_error("mapping the staging buffer", r);
    d.staging_map = static_cast<unsigned char*>(mapped);
    d.staging_bytes = kStagingBytes;
    if (const char* fail_after = std::getenv("CONCLAVE_VULKAN_FAIL_AFTER")) owner->m_fail_after = std::strtoull(fail_after, nullptr, 10);
    if (const char* limit = std::getenv("CONCLAVE_VULKAN_MEMORY_LIMIT")) {
        owner->m_memory_limit = std::strtoull(limit, nullptr, 10);
        if (owner->m_memory_limit > 0) info.device.memory_bytes = std::min(info.device.memory_bytes, owner->m_memory_limit);
    }
    info.memory_budget = owner->memory_available();
    return owner;
}

std::uint64_t VulkanDevice::memory_available() const {
    const Impl& d = *m_impl;
    if (m_memory_limit > 0) return m_memory_limit > d.allocated_bytes ? m_memory_limit - d.allocated_bytes : 0;
    if (m_info.features.memory_budget) {
        VkPhysicalDeviceMemoryBudgetPropertiesEXT budget{};
        budget.sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_MEMORY_BUDGET_PROPERTIES_EXT;
        VkPhysicalDeviceMemoryProperties2 memory{};
        memory.sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_MEMORY_PROPERTIES_2;
        memory.pNext = &budget;
        d.vkGetPhysicalDeviceMemoryProperties2(d.physical, &memory);
        std::uint64_t available = 0;
        for (std::uint32_t i = 0; i < memory.memoryProperties.memoryHeapCount; ++i)
            if (memory.memoryProperties.memoryHeaps[i].flags & VK_MEMORY_HEAP_DEVICE_LOCAL_BIT)
                available += budget.heapBudget[i] > budget.heapUsage[i] ? budget.heapBudget[i] - budget.heapUsage[i] : 0;
        return available;
    }
    return d.heap_bytes > d.allocated_bytes ? d.heap_bytes - d.allocated_bytes : 0;
}

} // namespace conclave::vulkan
