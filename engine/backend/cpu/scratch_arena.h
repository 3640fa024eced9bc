#pragma once
// ScratchArena: bump allocation of activation buffers for one forward pass. Memory is kept
// across passes (each token needs the same sizes), so after the first pass nothing is
// allocated. 64-byte aligned for SIMD loads. Owned by one CpuBackend; not thread-safe.

#include <cstddef>
#include <memory>
#include <vector>

namespace conclave::cpu {

class ScratchArena {
public:
    // A point to come back to: allocations after it are released by rewind(), the ones before
    // stay valid. A forward pass rewinds after each layer, so its peak is one layer's buffers.
    struct Mark {
        std::size_t chunk = 0;
        std::size_t used = 0;
    };

    void* allocate(std::size_t bytes);
    void reset();
    Mark mark() const;
    void rewind(Mark mark);
    std::size_t capacity() const;
    // The most bytes (with alignment) in use at once since construction.
    std::size_t high_water() const { return m_high_water; }

private:
    struct Chunk {
        std::unique_ptr<std::byte[]> memory;
        std::size_t size = 0;
        std::size_t used = 0;
    };
    std::vector<Chunk> m_chunks;
    std::size_t m_current = 0;
    std::size_t m_in_use = 0;
    std::size_t m_high_water = 0;
};

} // namespace conclave::cpu
