#pragma once
// Builds GGUF bytes field by field, so tests can write files no well-behaved writer would
// produce (wrong magic, absurd counts, overflowing shapes, misaligned offsets).

#include <QByteArray>

#include <cstdint>
#include <string_view>

class RawGguf {
public:
    template <typename T>
    RawGguf& put(T value) {
        m_bytes.append(reinterpret_cast<const char*>(&value), sizeof(T));
        return *this;
    }
    RawGguf& str(std::string_view text) {
        put<std::uint64_t>(text.size());
        m_bytes.append(text.data(), static_cast<qsizetype>(text.size()));
        return *this;
    }
    RawGguf& header(std::uint32_t version, std::uint64_t n_tensors, std::uint64_t n_kv) {
        m_bytes.append("GGUF", 4);
        return put(version).put(n_tensors).put(n_kv);
    }
    RawGguf& kv_u32(std::string_view key, std::uint32_t value) { return str(key).put<std::uint32_t>(4).put(value); }
    // A tensor info: name, dims, type id, offset.
    RawGguf& tensor(std::string_view name, std::initializer_list<std::uint64_t> shape, std::uint32_t type,
                    std::uint64_t offset) {
        str(name).put<std::uint32_t>(static_cast<std::uint32_t>(shape.size()));
        for (const std::uint64_t d : shape) put(d);
        return put(type).put(offset);
    }
    RawGguf& pad(int alignment = 32) {
        while (m_bytes.size() % alignment) m_bytes.append('\0');
        return *this;
    }
    RawGguf& zeros(int n) {
        m_bytes.append(QByteArray(n, '\0'));
        return *this;
    }
    const QByteArray& bytes() const { return m_bytes; }

private:
    QByteArray m_bytes;
};
