#pragma once
// DeviceWeights: the model weights placed on the GPU, copied once from the mapped file into
// device buffers, and found again by their host address (a Tensor's `data` is always the
// mapped file's address; this maps it to the device copy). Small weights the placement kept
// on the CPU (a norm of a CPU layer) are copied on first use, so element-wise ops never
// stall on them. Owned by one VulkanBackend; not thread-safe.

#include "backend/vulkan/vulkan_device.h"
#include "conclave/result.h"

#include <functional>
#include <map>
#include <span>
#include <vector>

namespace conclave::vulkan {

struct HostWeight {
    const unsigned char* data = nullptr;
    std::uint64_t bytes = 0;
};

class DeviceWeights {
public:
    explicit DeviceWeights(VulkanDevice& device) : m_device(device) {}

    // Copies the weights into device memory, packed into buffers of at most block_bytes.
    // progress(fraction) may cancel by returning false. Out of device memory is an error.
    Result<void> upload(std::span<const HostWeight> weights, const std::function<bool(float)>& progress = {});

    // The device copy of the weight bytes at [data, data + bytes), or an invalid slice when
    // that range is not on the device. Ranges inside a weight (one expert) are found too.
    BufferSlice find(const void* data, std::uint64_t bytes) const;
    // find(), copying the range to the device first when it is at most `small_limit` bytes.
    BufferSlice find_or_copy_small(const void* data, std::uint64_t bytes);

    std::uint64_t device_bytes() const { return m_device_bytes; }
    static constexpr std::uint64_t small_limit = 4ull << 20;

private:
    struct Placed {
        std::uint64_t bytes = 0;
        BufferSlice slice;
    };
    VulkanDevice& m_device;
    std::vector<DeviceBuffer> m_buffers;
    std::map<const unsigned char*, Placed> m_placed; // by host address
    std::uint64_t m_device_bytes = 0;
};

} // namespace conclave::vulkan
