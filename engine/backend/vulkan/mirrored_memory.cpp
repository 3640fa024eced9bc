#include "backend/vulkan/mirrored_memory.h"

#include <sys/mman.h>

#include <algorithm>

namespace conclave::vulkan {
namespace {

// Shader-friendly: every tensor starts on a 256-byte boundary on both sides (the largest
// minStorageBufferOffsetAlignment in practice), so most bindings need no base offset.
constexpr std::uint64_t kAlignment = 256;

std::uint64_t align_up(std::uint64_t v) { return (v + kAlignment - 1) / kAlignment * kAlignment; }

} // namespace

MirroredMemory::~MirroredMemory() {
    for (std::vector<Block>* blocks : {&m_scratch, &m_long_lived})
        for (Block& b : *blocks)
            if (b.host) munmap(b.host, b.bytes);
}

MirroredMemory::Block* MirroredMemory::new_block(std::uint64_t bytes) {
    auto device = m_device.allocate(bytes);
    if (!device) return nullptr;
    void* host = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (host == MAP_FAILED) return nullptr;
    Block block;
    block.host = static_cast<unsigned char*>(host);
    block.bytes = bytes;
    block.device = std::move(device.value());
    m_scratch.push_back(std::move(block));
    return &m_scratch.back();
}

void* MirroredMemory::scratch(std::uint64_t bytes) {
    const std::uint64_t padded = align_up(std::max<std::uint64_t>(bytes, 1));
    for (; m_current < m_scratch.size(); ++m_current) {
        Block& b = m_scratch[m_current];
        if (b.bytes - b.used >= padded) {
            unsigned char* host = b.host + b.used;
            m_regions[host] = Region{host, bytes, b.device.slice(b.used, bytes), true, true};
            b.used += padded;
            std::uint64_t in_use = 0;
            for (std::size_t i = 0; i <= m_current; ++i) in_use += m_scratch[i].used;
            m_high_water = std::max(m_high_water, in_use);
            return host;
        }
    }
    if (!new_block(std::max(m_chunk_hint, padded))) return nullptr;
    m_current = m_scratch.size() - 1;
    return scratch(bytes);
}

void MirroredMemory::forget(const unsigned char* begin, const unsigned char* end) {
    m_regions.erase(m_regions.lower_bound(begin), m_regions.lower_bound(end));
}

void MirroredMemory::reset_scratch() { rewind({0, 0}); }

MirroredMemory::Mark MirroredMemory::mark() const {
    if (m_scratch.empty()) return {};
    return {m_current, m_scratch[m_current].used};
}

void MirroredMemory::rewind(Mark mark) {
    if (m_scratch.empty()) return;
    for (std::size_t i = mark.chunk; i < m_scratch.size(); ++i) {
        Block& b = m_scratch[i];
        const std::uint64_t keep = i == mark.chunk ? mark.used : 0;
        forget(b.host + keep, b.host + b.bytes);
        b.used = keep;
    }
    m_current = mark.chunk;
}

void* MirroredMemory::allocate(std::uint64_t bytes) {
    auto device = m_device.allocate(std::max<std::uint64_t>(bytes, 4));
    if (!device) return nullptr;
    const std::uint64_t reserved = std::max<std::uint64_t>(bytes, 1);
    void* host = mmap(nullptr, reserved, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (host == MAP_FAILED) return nullptr;
    Block block;
    block.host = static_cast<unsigned char*>(host);
    block.bytes = reserved;
    block.device = std::move(device.value());
    m_regions[block.host] = Region{block.host, bytes, block.device.slice(0, bytes), true, true};
    m_long_lived.push_back(std::move(block));
    return m_long_lived.back().host;
}

MirroredMemory::Region* MirroredMemory::find(const void* address) {
    const auto* p = static_cast<const unsigned char*>(address);
    auto it = m_regions.upper_bound(p);
    if (it == m_regions.begin()) return nullptr;
    --it;
    Region& r = it->second;
    return p < r.host + std::max<std::uint64_t>(r.bytes, 1) ? &r : nullptr;
}

std::uint64_t MirroredMemory::device_bytes() const {
    std::uint64_t total = 0;
    for (const std::vector<Block>* blocks : {&m_scratch, &m_long_lived})
        for (const Block& b : *blocks) total += b.device.bytes();
    return total;
}

} // namespace conclave::vulkan
