// VulkanDevice's memory and command stream: device-local buffers, the staging ring, and
// dispatches recorded into one command buffer that is submitted only when the host waits
// for a result (a download, a full ring, an exhausted descriptor pool, synchronize()).

#include "backend/vulkan/shader_table.h"
#include "backend/vulkan/vulkan_device_impl.h"

#include <algorithm>
#include <cstring>
#include <optional>

namespace conclave::vulkan {
namespace {

// A GPU that does not finish a submission in this long is treated as lost rather than
// waited on forever; the owner falls back to the CPU. Generous: lavapipe runs a whole
// prompt of a small model in one submission.
constexpr std::uint64_t kSubmitTimeoutNs = 300ull * 1000 * 1000 * 1000;

std::uint64_t align_up(std::uint64_t value, std::uint64_t alignment) { return (value + alignment - 1) / alignment * alignment; }

std::string size_text(std::uint64_t bytes) {
    return bytes >= (1ull << 20) ? std::to_string(bytes >> 20) + " MiB" : std::to_string((bytes + 1023) >> 10) + " KiB";
}

} // namespace

DeviceBuffer::~DeviceBuffer() {
    if (m_device) m_device->release(*this);
}

DeviceBuffer::DeviceBuffer(DeviceBuffer&& other) noexcept
    : m_device(std::exchange(other.m_device, nullptr)), m_buffer(std::exchange(other.m_buffer, VK_NULL_HANDLE)),
      m_memory(std::exchange(other.m_memory, VK_NULL_HANDLE)), m_bytes(std::exchange(other.m_bytes, 0)) {}

DeviceBuffer& DeviceBuffer::operator=(DeviceBuffer&& other) noexcept {
    if (this != &other) {
        if (m_device) m_device->release(*this);
        m_device = std::exchange(other.m_device, nullptr);
        m_buffer = std::exchange(other.m_buffer, VK_NULL_HANDLE);
        m_memory = std::exchange(other.m_memory, VK_NULL_HANDLE);
        m_bytes = std::exchange(other.m_bytes, 0);
    }
    return *this;
}

void VulkanDevice::release(DeviceBuffer& buffer) {
    Impl& d = *m_impl;
    // Work recorded or in flight may still read the buffer.
    if (d.recording) (void)synchronize();
    if (buffer.m_buffer) d.vkDestroyBuffer(d.device, buffer.m_buffer, nullptr);
    if (buffer.m_memory) d.vkFreeMemory(d.device, buffer.m_memory, nullptr);
    d.allocated_bytes -= std::min(d.allocated_bytes, buffer.m_bytes);
    buffer.m_buffer = VK_NULL_HANDLE;
    buffer.m_memory = VK_NULL_HANDLE;
    buffer.m_device = nullptr;
}

Result<DeviceBuffer> VulkanDevice::allocate(std::uint64_t bytes) {
    Impl& d = *m_impl;
    if (failed()) return make_error(ErrorCode::device, m_error);
    const std::uint64_t size = align_up(std::max<std::uint64_t>(bytes, 4), 4);
    if (d.max_allocation_bytes && size > d.max_allocation_bytes)
        return make_error(ErrorCode::out_of_memory, "a buffer of " + std::to_string(size) + " bytes exceeds the device's largest allocation (" +
                                                        std::to_string(d.max_allocation_bytes) + ")");
    if (m_memory_limit > 0 && d.allocated_bytes + size > m_memory_limit)
        return make_error(ErrorCode::out_of_memory,
                          "the GPU is out of memory (" + size_text(size) + " requested, " + size_text(memory_available()) + " free)");
    DeviceBuffer out;
    VkBufferCreateInfo info{};
    info.sType = VK_STRUCTURE_TYPE_BUFFER_CREATE_INFO;
    info.size = size;
    info.usage = VK_BUFFER_USAGE_STORAGE_BUFFER_BIT | VK_BUFFER_USAGE_TRANSFER_SRC_BIT | VK_BUFFER_USAGE_TRANSFER_DST_BIT;
    info.sharingMode = VK_SHARING_MODE_EXCLUSIVE;
    if (const VkResult r = d.vkCreateBuffer(d.device, &info, nullptr, &out.m_buffer); r != VK_SUCCESS)
        return make_error(ErrorCode::out_of_memory, "creating a device buffer of " + std::to_string(size) + " bytes failed (VkResult " +
                                                        std::to_string(r) + ")");
    out.m_device = this;
    out.m_bytes = size;
    VkMemoryRequirements needs{};
    d.vkGetBufferMemoryRequirements(d.device, out.m_buffer, &needs);
    VkMemoryAllocateInfo allocate_info{};
    allocate_info.sType = VK_STRUCTURE_TYPE_MEMORY_ALLOCATE_INFO;
    allocate_info.allocationSize = needs.size;
    allocate_info.memoryTypeIndex = d.device_memory_type;
    if (const VkResult r = d.vkAllocateMemory(d.device, &allocate_info, nullptr, &out.m_memory); r != VK_SUCCESS)
        return make_error(ErrorCode::out_of_memory, "the GPU is out of memory (" + size_text(size) + " requested, about " +
                                                        size_text(memory_available()) + " free)");
    d.vkBindBufferMemory(d.device, out.m_buffer, out.m_memory, 0);
    d.allocated_bytes += size;
    fill_zero(out.slice());
    return out;
}

namespace {

void begin(VulkanDevice::Impl& d) {
    if (d.recording) return;
    VkCommandBufferBeginInfo info{};
    info.sType = VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO;
    info.flags = VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT;
    d.vkBeginCommandBuffer(d.commands, &info);
    d.recording = true;
}

// Everything written before is visible to everything after (shaders and copies alike).
void barrier(VulkanDevice::Impl& d) {
    VkMemoryBarrier b{};
    b.sType = VK_STRUCTURE_TYPE_MEMORY_BARRIER;
    b.srcAccessMask = VK_ACCESS_SHADER_WRITE_BIT | VK_ACCESS_TRANSFER_WRITE_BIT;
    b.dstAccessMask = VK_ACCESS_SHADER_READ_BIT | VK_ACCESS_SHADER_WRITE_BIT | VK_ACCESS_TRANSFER_READ_BIT |
                      VK_ACCESS_TRANSFER_WRITE_BIT | VK_ACCESS_HOST_READ_BIT;
    const VkPipelineStageFlags stages = VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT | VK_PIPELINE_STAGE_TRANSFER_BIT;
    d.vkCmdPipelineBarrier(d.commands, stages, stages | VK_PIPELINE_STAGE_HOST_BIT, 0, 1, &b, 0, nullptr, 0, nullptr);
}

} // namespace

Result<void> VulkanDevice::synchronize() {
    Impl& d = *m_impl;
    if (failed()) return make_error(ErrorCode::device, m_error);
    if (d.recording) {
        d.recording = false;
        VkResult r = d.vkEndCommandBuffer(d.commands);
        VkSubmitInfo submit{};
        submit.sType = VK_STRUCTURE_TYPE_SUBMIT_INFO;
        submit.commandBufferCount = 1;
        submit.pCommandBuffers = &d.commands;
        if (r == VK_SUCCESS) r = d.vkQueueSubmit(d.queue, 1, &submit, d.fence);
        if (r == VK_SUCCESS) r = d.vkWaitForFences(d.device, 1, &d.fence, VK_TRUE, kSubmitTimeoutNs);
        if (r != VK_SUCCESS) {
            m_error = r == VK_TIMEOUT ? "the GPU did not finish its work within 300 s"
                      : r == VK_ERROR_DEVICE_LOST ? "the GPU was lost (driver reset or crash)"
                      : r == VK_ERROR_OUT_OF_DEVICE_MEMORY ? "the GPU ran out of memory"
                                                           : "submitting GPU work failed (VkResult " + std::to_string(r) + ")";
            return make_error(ErrorCode::device, m_error);
        }
        d.vkResetFences(d.device, 1, &d.fence);
        d.vkResetCommandPool(d.device, d.command_pool, 0);
    }
    if (d.descriptor_sets_used > 0) {
        d.vkResetDescriptorPool(d.device, d.descriptor_pool, 0);
        d.descriptor_sets_used = 0;
    }
    d.staging_used = 0;
    return {};
}

namespace {

// Room for `bytes` in the staging ring, submitting recorded work first when it is full.
// Returns the offset, or nullopt when bytes can never fit.
std::optional<std::uint64_t> staging_room(VulkanDevice& device, VulkanDevice::Impl& d, std::uint64_t bytes) {
    const std::uint64_t at = align_up(d.staging_used, 256);
    if (at + bytes <= d.staging_bytes) {
        d.staging_used = at + bytes;
        return at;
    }
    if (bytes > d.staging_bytes || !device.synchronize()) return std::nullopt;
    d.staging_used = bytes;
    return 0;
}

} // namespace

void VulkanDevice::upload(const BufferSlice& dst, const void* src, std::uint64_t bytes) {
    Impl& d = *m_impl;
    const auto* from = static_cast<const unsigned char*>(src);
    for (std::uint64_t done = 0; done < bytes && !failed();) {
        const std::uint64_t chunk = std::min(bytes - done, d.staging_bytes / 2);
        const auto at = staging_room(*this, d, chunk);
        if (!at) return;
        std::memcpy(d.staging_map + *at, from + done, chunk);
        begin(d);
        const VkBufferCopy region{*at, dst.offset + done, chunk};
        d.vkCmdCopyBuffer(d.commands, d.staging, dst.buffer, 1, &region);
        barrier(d);
        done += chunk;
    }
}

void VulkanDevice::download(const BufferSlice& src, void* dst, std::uint64_t bytes) {
    Impl& d = *m_impl;
    auto* to = static_cast<unsigned char*>(dst);
    for (std::uint64_t done = 0; done < bytes && !failed();) {
        const std::uint64_t chunk = std::min(bytes - done, d.staging_bytes / 2);
        const auto at = staging_room(*this, d, chunk);
        if (!at) return;
        begin(d);
        const VkBufferCopy region{src.offset + done, *at, chunk};
        d.vkCmdCopyBuffer(d.commands, src.buffer, d.staging, 1, &region);
        barrier(d);
        if (!synchronize()) return;
        std::memcpy(to + done, d.staging_map + *at, chunk);
        done += chunk;
    }
}

void VulkanDevice::fill_zero(const BufferSlice& dst) {
    Impl& d = *m_impl;
    if (failed()) return;
    begin(d);
    d.vkCmdFillBuffer(d.commands, dst.buffer, dst.offset, align_up(dst.bytes, 4), 0);
    barrier(d);
}

BufferSlice VulkanDevice::stage(const void* data, std::uint64_t bytes) {
    Impl& d = *m_impl;
    if (failed()) return {};
    const auto at = staging_room(*this, d, std::max<std::uint64_t>(bytes, 4));
    if (!at) {
        if (!failed()) m_error = "staged data of " + std::to_string(bytes) + " bytes does not fit the staging buffer";
        return {};
    }
    std::memcpy(d.staging_map + *at, data, bytes);
    return {d.staging, *at, bytes};
}

namespace {

VkPipeline pipeline_for(VulkanDevice::Impl& d, std::string_view name, std::uint32_t n_bindings, std::string& error) {
    const auto key = std::make_pair(std::string(name), n_bindings);
    if (const auto found = d.pipelines.find(key); found != d.pipelines.end()) return found->second;
    const EmbeddedShader* shader = find_shader(name);
    if (!shader) {
        error = "no embedded shader named '" + std::string(name) + "'";
        return VK_NULL_HANDLE;
    }
    VkShaderModuleCreateInfo module_info{};
    module_info.sType = VK_STRUCTURE_TYPE_SHADER_MODULE_CREATE_INFO;
    module_info.codeSize = shader->spirv.size();
    module_info.pCode = reinterpret_cast<const std::uint32_t*>(shader->spirv.data());
    VkShaderModule module = VK_NULL_HANDLE;
    if (const VkResult r = d.vkCreateShaderModule(d.device, &module_info, nullptr, &module); r != VK_SUCCESS) {
        error = "loading shader '" + std::string(name) + "' failed (VkResult " + std::to_string(r) + ")";
        return VK_NULL_HANDLE;
    }
    VkComputePipelineCreateInfo info{};
    info.sType = VK_STRUCTURE_TYPE_COMPUTE_PIPELINE_CREATE_INFO;
    info.stage.sType = VK_STRUCTURE_TYPE_PIPELINE_SHADER_STAGE_CREATE_INFO;
    info.stage.stage = VK_SHADER_STAGE_COMPUTE_BIT;
    info.stage.module = module;
    info.stage.pName = "main";
    info.layout = d.pipeline_layouts[n_bindings - 1];
    VkPipeline pipeline = VK_NULL_HANDLE;
    const VkResult r = d.vkCreateComputePipelines(d.device, VK_NULL_HANDLE, 1, &info, nullptr, &pipeline);
    d.vkDestroyShaderModule(d.device, module, nullptr);
    if (r != VK_SUCCESS) {
        error = "building the pipeline of shader '" + std::string(name) + "' failed (VkResult " + std::to_string(r) + ")";
        return VK_NULL_HANDLE;
    }
    d.pipelines.emplace(key, pipeline);
    return pipeline;
}

} // namespace

void VulkanDevice::dispatch(std::string_view shader, std::initializer_list<BufferSlice> bindings, const void* params,
                            std::uint32_t params_bytes, std::uint32_t groups_x, std::uint32_t groups_y,
                            std::uint32_t groups_z) {
    Impl& d = *m_impl;
    if (failed() || groups_x == 0 || groups_y == 0 || groups_z == 0) return;
    if (m_fail_after > 0 && ++m_dispatches > m_fail_after) {
        m_error = "the GPU was lost (simulated by CONCLAVE_VULKAN_FAIL_AFTER)";
        return;
    }
    const auto n_bindings = static_cast<std::uint32_t>(bindings.size());
    if (n_bindings == 0 || n_bindings > kMaxBindings || params_bytes > kMaxParamBytes) {
        m_error = "shader '" + std::string(shader) + "' was dispatched with too many bindings or parameters";
        return;
    }
    const VkPipeline pipeline = pipeline_for(d, shader, n_bindings, m_error);
    if (!pipeline) return;
    if (d.descriptor_sets_used == kDescriptorSetsPerPool && !synchronize()) return;

    VkDescriptorSetAllocateInfo set_info{};
    set_info.sType = VK_STRUCTURE_TYPE_DESCRIPTOR_SET_ALLOCATE_INFO;
    set_info.descriptorPool = d.descriptor_pool;
    set_info.descriptorSetCount = 1;
    set_info.pSetLayouts = &d.set_layouts[n_bindings - 1];
    VkDescriptorSet set = VK_NULL_HANDLE;
    if (const VkResult r = d.vkAllocateDescriptorSets(d.device, &set_info, &set); r != VK_SUCCESS) {
        m_error = "allocating a descriptor set failed (VkResult " + std::to_string(r) + ")";
        return;
    }
    ++d.descriptor_sets_used;

    std::uint32_t push[kMaxBindings + kMaxParamBytes / 4] = {};
    VkDescriptorBufferInfo buffers[kMaxBindings]{};
    VkWriteDescriptorSet writes[kMaxBindings]{};
    std::uint32_t i = 0;
    for (const BufferSlice& slice : bindings) {
        const std::uint64_t bound = slice.offset / m_info.storage_alignment * m_info.storage_alignment;
        push[i] = static_cast<std::uint32_t>(slice.offset - bound);
        const std::uint64_t wanted = std::max<std::uint64_t>(slice.offset + slice.bytes - bound, 4);
        buffers[i] = {slice.buffer, bound, std::min(wanted, m_info.max_binding_bytes)};
        writes[i].sType = VK_STRUCTURE_TYPE_WRITE_DESCRIPTOR_SET;
        writes[i].dstSet = set;
        writes[i].dstBinding = i;
        writes[i].descriptorCount = 1;
        writes[i].descriptorType = VK_DESCRIPTOR_TYPE_STORAGE_BUFFER;
        writes[i].pBufferInfo = &buffers[i];
        ++i;
    }
    d.vkUpdateDescriptorSets(d.device, n_bindings, writes, 0, nullptr);
    if (params_bytes > 0) std::memcpy(push + kMaxBindings, params, params_bytes);

    begin(d);
    const VkPipelineLayout layout = d.pipeline_layouts[n_bindings - 1];
    d.vkCmdBindPipeline(d.commands, VK_PIPELINE_BIND_POINT_COMPUTE, pipeline);
    d.vkCmdBindDescriptorSets(d.commands, VK_PIPELINE_BIND_POINT_COMPUTE, layout, 0, 1, &set, 0, nullptr);
    d.vkCmdPushConstants(d.commands, layout, VK_SHADER_STAGE_COMPUTE_BIT, 0, sizeof(push), push);
    d.vkCmdDispatch(d.commands, groups_x, groups_y, groups_z);
    barrier(d);
}

} // namespace conclave::vulkan
