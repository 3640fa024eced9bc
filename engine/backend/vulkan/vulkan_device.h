#pragma once
// VulkanDevice: one Vulkan compute device opened through the system loader — its queue,
// device-local buffers, the embedded SPIR-V pipelines, and a command stream that records
// dispatches and copies in order and submits them only when the host needs a result.
//
// Conventions every shader and op follows (see shaders/common.glsl):
// - Every binding is a storage buffer at set 0, bindings 0..n-1 in the order given to
//   dispatch(). A slice is bound at its offset rounded down to the device's storage offset
//   alignment; the remainder (bytes) is written to push constant base[i], so shaders index
//   from base[i] (floats: base[i] / 4; quantized weights: byte addressing).
// - Push constants are base[kMaxBindings] followed by the op's own parameters: 32-bit
//   scalars only, at most kMaxParamBytes.
// - Each dispatch is followed by a full compute barrier, so ops see earlier ops' writes.
// Errors that happen while recording or submitting (device lost, out of memory) are sticky:
// failed() turns true, later calls do nothing, and the owner falls back to the CPU.
// Owned by one backend; not thread-safe.

#include "conclave/gpu_devices.h"
#include "conclave/result.h"

#define VK_NO_PROTOTYPES
#include <vulkan/vulkan.h>

#include <array>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>

namespace conclave::vulkan {

inline constexpr std::uint32_t kMaxBindings = 8;
inline constexpr std::uint32_t kMaxParamBytes = 128 - 4 * kMaxBindings;

// A byte range of a device buffer.
struct BufferSlice {
    VkBuffer buffer = VK_NULL_HANDLE;
    std::uint64_t offset = 0;
    std::uint64_t bytes = 0;
    bool valid() const { return buffer != VK_NULL_HANDLE; }
    BufferSlice sub(std::uint64_t at, std::uint64_t count) const { return {buffer, offset + at, count}; }
    // The slice grown to the end of the 32-bit word holding its last byte: shaders that read
    // F16 or Q8_0 data a word at a time bind this (buffers are allocated in whole words).
    BufferSlice whole_words() const { return {buffer, offset, (offset + bytes + 3) / 4 * 4 - offset}; }
};

// What the device can do beyond the portable path; detected at open time.
struct DeviceFeatures {
    bool storage_16bit = false;      // 16-bit storage buffer access
    bool shader_float16 = false;
    bool shader_int8 = false;
    bool subgroup_arithmetic = false;
    std::uint32_t subgroup_size = 0;
    bool integer_dot_product = false; // VK_KHR_shader_integer_dot_product
    bool cooperative_matrix = false;  // VK_KHR_cooperative_matrix
    bool memory_budget = false;       // VK_EXT_memory_budget
};

struct DeviceInfo {
    GpuDevice device;
    DeviceFeatures features;
    std::uint64_t memory_budget = 0;   // device-local bytes this process may use now
    std::uint64_t max_binding_bytes = 0; // the most bytes one storage binding may cover
    std::uint64_t storage_alignment = 0; // minStorageBufferOffsetAlignment
    std::uint32_t max_groups_x = 65535;
};

// A device-local buffer; released with the object. Contents start zeroed.
class DeviceBuffer {
public:
    DeviceBuffer() = default;
    ~DeviceBuffer();
    DeviceBuffer(DeviceBuffer&& other) noexcept;
    DeviceBuffer& operator=(DeviceBuffer&& other) noexcept;
    DeviceBuffer(const DeviceBuffer&) = delete;
    DeviceBuffer& operator=(const DeviceBuffer&) = delete;

    BufferSlice slice() const { return {m_buffer, 0, m_bytes}; }
    BufferSlice slice(std::uint64_t at, std::uint64_t count) const { return {m_buffer, at, count}; }
    std::uint64_t bytes() const { return m_bytes; }

private:
    friend class VulkanDevice;
    class VulkanDevice* m_device = nullptr;
    VkBuffer m_buffer = VK_NULL_HANDLE;
    VkDeviceMemory m_memory = VK_NULL_HANDLE;
    std::uint64_t m_bytes = 0;
};

class VulkanDevice {
public:
    // Opens device `index` of probe_vulkan_devices(), or the best one (discrete, then
    // integrated, then virtual, then software) when index < 0. Fails with a message the
    // user can act on: no loader, no driver, no device, no compute queue.
    static Result<std::unique_ptr<VulkanDevice>> open(int index = -1);
    ~VulkanDevice();
    VulkanDevice(const VulkanDevice&) = delete;
    VulkanDevice& operator=(const VulkanDevice&) = delete;

    const DeviceInfo& info() const { return m_info; }
    // Device-local bytes still usable (budget minus this process's use when the driver
    // reports a budget; otherwise the heap size minus what this device object allocated).
    std::uint64_t memory_available() const;

    // Out of device memory is an error, never a crash.
    Result<DeviceBuffer> allocate(std::uint64_t bytes);

    // Recorded in order with the dispatches: the copy happens after earlier work and before
    // later work. `src` is copied at the call; it need not outlive it.
    void upload(const BufferSlice& dst, const void* src, std::uint64_t bytes);
    // Runs everything recorded, then copies the slice's bytes to `dst`.
    void download(const BufferSlice& src, void* dst, std::uint64_t bytes);
    void fill_zero(const BufferSlice& dst);
    // Small per-dispatch inputs (token ids, positions, expert ids, routing weights) in
    // host-visible memory, valid until the next synchronize().
    BufferSlice stage(const void* data, std::uint64_t bytes);

    // Records one dispatch of the embedded shader `name` (see shader_table.h).
    void dispatch(std::string_view shader, std::initializer_list<BufferSlice> bindings, const void* params,
                  std::uint32_t params_bytes, std::uint32_t groups_x, std::uint32_t groups_y = 1,
                  std::uint32_t groups_z = 1);
    template <typename Params>
    void dispatch(std::string_view shader, std::initializer_list<BufferSlice> bindings, const Params& params,
                  std::uint32_t groups_x, std::uint32_t groups_y = 1, std::uint32_t groups_z = 1) {
        static_assert(sizeof(Params) <= kMaxParamBytes && sizeof(Params) % 4 == 0);
        dispatch(shader, bindings, &params, sizeof(Params), groups_x, groups_y, groups_z);
    }

    // Submits what was recorded and waits for it.
    Result<void> synchronize();

    bool failed() const { return !m_error.empty(); }
    const std::string& error() const { return m_error; }

    struct Impl;

private:
    VulkanDevice();
    friend class DeviceBuffer;
    void release(DeviceBuffer& buffer);

    std::unique_ptr<Impl> m_impl;
    DeviceInfo m_info;
    std::string m_error;
    // Fault injection for the fallback tests: CONCLAVE_VULKAN_FAIL_AFTER=N makes the device
    // behave as lost after N dispatches (0: never).
    std::uint64_t m_fail_after = 0;
    std::uint64_t m_dispatches = 0;
    // CONCLAVE_VULKAN_MEMORY_LIMIT=BYTES makes the device behave as if it had that much
    // device-local memory (0: the real amount): small-VRAM tests on any machine.
    std::uint64_t m_memory_limit = 0;
};

} // namespace conclave::vulkan
