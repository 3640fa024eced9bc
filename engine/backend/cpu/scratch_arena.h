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
    void* allocate(std::size_t bytes);
    void reset();
    std::size_t capacity() const;

private:
    struct Chunk {
        std::unique_ptr<std::byte[]> memory;
        std::size_t size = 0;
        std::size_t used = 0;
    };
    std::vector<Chunk> m_chunks;
    std::size_t m_current = 0;
};

} // namespace conclave::cpu
