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
                m_in_use += padded + skew;
                m_high_water = std::max(m_high_water, m_in_use);
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
    m_in_use = 0;
}

ScratchArena::Mark ScratchArena::mark() const {
    if (m_chunks.empty()) return {};
    return {m_current, m_chunks[m_current].used};
}

void ScratchArena::rewind(Mark mark) {
    if (m_chunks.empty()) return;
    for (std::size_t i = mark.chunk + 1; i < m_chunks.size(); ++i) m_chunks[i].used = 0;
    m_chunks[mark.chunk].used = mark.used;
    m_current = mark.chunk;
    m_in_use = 0;
    for (std::size_t i = 0; i <= mark.chunk; ++i) m_in_use += m_chunks[i].used;
}

std::size_t ScratchArena::capacity() const {
    std::size_t total = 0;
    for (const Chunk& chunk : m_chunks) total += chunk.size;
    return total;
}

} // namespace conclave::cpu
