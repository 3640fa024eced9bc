#include "vulkan_test_device.h"

#include <QtTest>

#include <cstring>

namespace conclave::vulkan::testing {

VulkanDevice* test_device(QString& reason) {
    static std::unique_ptr<VulkanDevice> device;
    static QString why;
    static bool tried = false;
    if (!tried) {
        tried = true;
        const int index = qEnvironmentVariableIsSet("CONCLAVE_VULKAN_DEVICE") ? qEnvironmentVariableIntValue("CONCLAVE_VULKAN_DEVICE") : -1;
        auto opened = VulkanDevice::open(index);
        if (opened) device = std::move(opened.value());
        else why = QString::fromStdString(opened.error().message);
    }
    reason = why;
    return device.get();
}

GuardedF32 upload_guarded(VulkanDevice& device, const std::vector<float>& values, std::array<std::int64_t, 4> ne,
                          std::size_t guard) {
    std::vector<float> padded(values.size() + 2 * guard, kSentinel);
    std::copy(values.begin(), values.end(), padded.begin() + static_cast<std::ptrdiff_t>(guard));
    GuardedF32 t;
    auto buffer = device.allocate(padded.size() * sizeof(float));
    if (!buffer) qFatal("device allocation failed: %s", buffer.error().message.c_str());
    t.buffer = std::move(buffer.value());
    device.upload(t.buffer.slice(), padded.data(), padded.size() * sizeof(float));
    t.guard = guard;
    t.tensor.type = quant::TensorType::F32;
    t.tensor.ne = ne;
    t.tensor.slice = t.buffer.slice(guard * sizeof(float), values.size() * sizeof(float));
    return t;
}

std::vector<float> download_guarded(VulkanDevice& device, const GuardedF32& t, bool& guards_intact) {
    std::vector<float> padded(t.buffer.bytes() / sizeof(float));
    device.download(t.buffer.slice(), padded.data(), t.buffer.bytes());
    guards_intact = true;
    const std::size_t n = padded.size() - 2 * t.guard;
    for (std::size_t i = 0; i < t.guard; ++i)
        if (padded[i] != kSentinel || padded[t.guard + n + i] != kSentinel) guards_intact = false;
    return {padded.begin() + static_cast<std::ptrdiff_t>(t.guard), padded.begin() + static_cast<std::ptrdiff_t>(t.guard + n)};
}

DeviceBytes upload_bytes(VulkanDevice& device, quant::TensorType type, std::array<std::int64_t, 4> ne,
                         const void* data, std::uint64_t bytes) {
    DeviceBytes t;
    auto buffer = device.allocate(bytes);
    if (!buffer) qFatal("device allocation failed: %s", buffer.error().message.c_str());
    t.buffer = std::move(buffer.value());
    device.upload(t.buffer.slice(), data, bytes);
    t.tensor.type = type;
    t.tensor.ne = ne;
    t.tensor.slice = t.buffer.slice();
    return t;
}

} // namespace conclave::vulkan::testing
