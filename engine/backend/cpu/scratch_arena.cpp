#include "backend/cpu/scratch_arena.h"

#include <algorithm>
#include <cstdint>

namespace conclave::cpu {
namespace {

constexpr std::size_t alignment = 64;
constexpr std::size_t min_chunk = std::size_t{16} << 20;

} // namespace

void* ScratchArena::allocate(std::size_t bytes) {
    const std::size_t padded = (std::max<std::size_t>(bytes, 1) + alignment - 1) / alignment * alignment;
    for (; m_current < m_chunks.size(); ++m_current) {
        Chunk& chunk = m_chunks[m_current];
        if (chunk.size - chunk.used >= padded) {
            std::byte* base = chunk.memory.get();
            const auto address = reinterpret_cast<std::uintptr_t>(base + chunk.used);
            const std::size_t skew = (alignment - address % alignment) % alignment;
            if (chunk.size - chunk.used >= padded + skew) {
                void* result = base + chunk.used + skew;
                chunk.used += padded + skew;
                return result;
            }
        }
    }
    Chunk chunk;
    chunk.size = std::max(min_chunk, padded + alignment);
    chunk.memory = std::make_unique<std::byte[]>(chunk.size);
    m_chunks.push_back(std::move(chunk));
    m_current = m_chunks.size() - 1;
    return allocate(bytes);
}

void ScratchArena::reset() {
    for (Chunk& chunk : m_chunks) chunk.used = 0;
    m_current = 0;
}

std::size_t ScratchArena::capacity() const {
    std::size_t total = 0;
    for (const Chunk& chunk : m_chunks) total += chunk.size;
    return total;
}

} // namespace conclave::cpu
