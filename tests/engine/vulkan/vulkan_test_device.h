#pragma once
// The Vulkan device every GPU test uses: lavapipe on CI, the best device elsewhere
// (CONCLAVE_VULKAN_DEVICE=N picks another). Tests QSKIP with `reason` when it is null.

#include "backend/vulkan/device_tensor.h"
#include "backend/vulkan/vulkan_device.h"

#include <QString>
#include <memory>
#include <vector>

namespace conclave::vulkan::testing {

// Opened once per test process and shared: opening a device takes tens of milliseconds.
VulkanDevice* test_device(QString& reason);

// A device buffer holding `values` (F32), padded by `guard` sentinel floats on each side
// so a test can check an op wrote nothing outside its output.
struct GuardedF32 {
    DeviceBuffer buffer;
    DeviceTensor tensor; // the values, between the guards
    std::size_t guard = 0;
};
inline constexpr float kSentinel = -12345.5f;
GuardedF32 upload_guarded(VulkanDevice& device, const std::vector<float>& values, std::array<std::int64_t, 4> ne,
                          std::size_t guard = 64);
// The values between the guards; `guards_intact` is false when a guard value changed.
std::vector<float> download_guarded(VulkanDevice& device, const GuardedF32& t, bool& guards_intact);

// Any bytes (quantized weights, a KV cache) in a device buffer.
struct DeviceBytes {
    DeviceBuffer buffer;
    DeviceTensor tensor;
};
DeviceBytes upload_bytes(VulkanDevice& device, quant::TensorType type, std::array<std::int64_t, 4> ne,
                         const void* data, std::uint64_t bytes);

} // namespace conclave::vulkan::testing
