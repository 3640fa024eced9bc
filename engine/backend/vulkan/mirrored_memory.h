#pragma once
// MirroredMemory: activation and KV-cache memory that exists on both sides of the bus at
// once. Each block is host address space reserved with mmap (pages are committed only when
// the CPU touches them, so a mirror the CPU never uses costs nothing) paired with a device
// buffer of the same size; a tensor's `data` is its host address, and the same offset in
// the device buffer is its device copy. Each allocation records which side holds valid
// contents, so the backend moves data only when an op on the other side reads it.
// Owned by one VulkanBackend; not thread-safe.

#include "backend/vulkan/vulkan_device.h"

#include <cstdint>
#include <map>
#include <vector>

namespace conclave::vulkan {

class MirroredMemory {
public:
    // One allocation and where its contents are valid. A fresh allocation is valid on both
    // sides (its contents are undefined scratch, or zeros on both for long-lived ones).
    struct Region {
        unsigned char* host = nullptr;
        std::uint64_t bytes = 0;
        BufferSlice device;
        bool host_valid = true;
        bool device_valid = true;
    };
    struct Mark {
        std::size_t chunk = 0;
        std::uint64_t used = 0;
    };

    explicit MirroredMemory(VulkanDevice& device) : m_device(device) {}
    ~MirroredMemory();
    MirroredMemory(const MirroredMemory&) = delete;
    MirroredMemory& operator=(const MirroredMemory&) = delete;

    // Scratch grows in chunks of at least `hint` bytes (set before the first pass from the
    // model's estimate, so one chunk serves a whole pass). Null when memory ran out.
    void set_chunk_hint(std::uint64_t bytes) { m_chunk_hint = bytes; }
    void* scratch(std::uint64_t bytes);
    void reset_scratch();
    Mark mark() const;
    void rewind(Mark mark);
    // Lives as long as this object (KV cache). Zero on both sides. Null when memory ran out.
    void* allocate(std::uint64_t bytes);

    // The allocation holding `address`, or null when it is not memory of this object.
    Region* find(const void* address);
    std::uint64_t scratch_high_water() const { return m_high_water; }
    std::uint64_t device_bytes() const;

private:
    struct Block {
        unsigned char* host = nullptr;
        std::uint64_t bytes = 0;
        DeviceBuffer device;
        std::uint64_t used = 0;
    };
    Block* new_block(std::uint64_t bytes);
    void forget(const unsigned char* begin, const unsigned char* end);

    VulkanDevice& m_device;
    std::vector<Block> m_scratch;
    std::size_t m_current = 0;
    std::vector<Block> m_long_lived;
    std::map<const unsigned char*, Region> m_regions; // by host address
    std::uint64_t m_chunk_hint = 64ull << 20;
    std::uint64_t m_high_water = 0;
};

} // namespace conclave::vulkan
