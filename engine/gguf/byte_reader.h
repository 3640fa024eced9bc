#pragma once
// ByteReader: a bounds-checked cursor over a file's bytes. Every read checks the remaining
// length first, so a count or length taken from a hostile file can never read past the end.

#include <cstdint>
#include <cstring>
#include <string_view>

namespace conclave::gguf {

class ByteReader {
public:
    ByteReader(const unsigned char* data, std::uint64_t size) : m_data(data), m_size(size) {}

    std::uint64_t position() const { return m_pos; }
    std::uint64_t remaining() const { return m_size - m_pos; }
    std::uint64_t size() const { return m_size; }
    const unsigned char* here() const { return m_data + m_pos; }

    template <typename T>
    bool read(T& out) {
        if (remaining() < sizeof(T)) return false;
        std::memcpy(&out, m_data + m_pos, sizeof(T));
        m_pos += sizeof(T);
        return true;
    }

    bool skip(std::uint64_t n) {
        if (remaining() < n) return false;
        m_pos += n;
        return true;
    }

    // A GGUF string: uint64 length, then that many bytes (UTF-8, not NUL-terminated).
    bool read_string(std::string_view& out) {
        std::uint64_t length = 0;
        const std::uint64_t start = m_pos;
        if (!read(length) || remaining() < length) {
            m_pos = start;
            return false;
        }
        out = std::string_view(reinterpret_cast<const char*>(m_data + m_pos), length);
        m_pos += length;
        return true;
    }

private:
    const unsigned char* m_data;
    std::uint64_t m_size;
    std::uint64_t m_pos = 0;
};

} // namespace conclave::gguf
