#include "backend/vulkan/device_weights.h"

#include <algorithm>

namespace conclave::vulkan {
namespace {

constexpr std::uint64_t kAlignment = 256;
// Few large buffers, not one per tensor: drivers limit the number of allocations (4096 is
// common) and a big MoE file has thousands of tensors.
constexpr std::uint64_t kBlockBytes = 1ull << 30;

std::uint64_t align_up(std::uint64_t v) { return (v + kAlignment - 1) / kAlignment * kAlignment; }

} // namespace

Result<void> DeviceWeights::upload(std::span<const HostWeight> weights, const std::function<bool(float)>& progress) {
    std::vector<HostWeight> order(weights.begin(), weights.end());
    std::uint64_t total = 0;
    for (const HostWeight& w : order) total += w.bytes;
    std::uint64_t done = 0;
    for (std::size_t first = 0; first < order.size();) {
        // As many weights as fit one block (a weight larger than a block gets its own).
        std::uint64_t block = 0;
        std::size_t last = first;
        while (last < order.size() && (last == first || block + align_up(order[last].bytes) <= kBlockBytes))
            block += align_up(order[last++].bytes);
        auto buffer = m_device.allocate(block);
        if (!buffer) return buffer.error();
        std::uint64_t at = 0;
        for (std::size_t i = first; i < last; ++i) {
            const HostWeight& w = order[i];
            const BufferSlice slice = buffer->slice(at, w.bytes);
            m_device.upload(slice, w.data, w.bytes);
            m_placed[w.data] = Placed{w.bytes, slice};
            at += align_up(w.bytes);
            done += w.bytes;
            if (progress && !progress(total ? static_cast<float>(done) / static_cast<float>(total) : 1.0f))
                return make_error(ErrorCode::cancelled, "copying the weights to the GPU was cancelled");
        }
        m_device_bytes += buffer->bytes();
        m_buffers.push_back(std::move(buffer.value()));
        first = last;
        if (Result<void> synced = m_device.synchronize(); !synced) return synced.error();
    }
    return {};
}

BufferSlice DeviceWeights::find(const void* data, std::uint64_t bytes) const {
    const auto* p = static_cast<const unsigned char*>(data);
    auto it = m_placed.upper_bound(p);
    if (it == m_placed.begin()) return {};
    --it;
    const std::uint64_t offset = static_cast<std::uint64_t>(p - it->first);
    if (offset + bytes > it->second.bytes) return {};
    return it->second.slice.sub(offset, bytes);
}

BufferSlice DeviceWeights::find_or_copy_small(const void* data, std::uint64_t bytes) {
    if (const BufferSlice found = find(data, bytes); found.valid()) return found;
    if (bytes > small_limit) return {};
    auto buffer = m_device.allocate(bytes);
    if (!buffer) return {};
    const BufferSlice slice = buffer->slice(0, bytes);
    m_device.upload(slice, data, bytes);
    m_placed[static_cast<const unsigned char*>(data)] = Placed{bytes, slice};
    m_device_bytes += buffer->bytes();
    m_buffers.push_back(std::move(buffer.value()));
    return slice;
}

} // namespace conclave::vulkan
