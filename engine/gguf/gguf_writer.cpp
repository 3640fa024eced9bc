#include "gguf/gguf_writer.h"

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace conclave::gguf {
namespace {

template <typename T>
std::vector<unsigned char> bytes_of(const T& value) {
    std::vector<unsigned char> out(sizeof(T));
    std::memcpy(out.data(), &value, sizeof(T));
    return out;
}

template <typename T>
OwnedValue make_scalar(ValueType type, T value) {
    OwnedValue v;
    v.type = type;
    v.bytes = bytes_of(value);
    return v;
}

template <typename T>
OwnedValue make_array(ValueType element_type, std::span<const T> values) {
    OwnedValue v;
    v.type = ValueType::array;
    v.element_type = element_type;
    v.bytes.resize(values.size() * sizeof(T));
    if (!values.empty()) std::memcpy(v.bytes.data(), values.data(), v.bytes.size());
    return v;
}

class Sink {
public:
    explicit Sink(std::vector<unsigned char>& out) : m_out(out) {}
    template <typename T>
    void put(const T& value) { append(&value, sizeof(T)); }
    void put_bytes(const std::vector<unsigned char>& bytes) { append(bytes.data(), bytes.size()); }
    void put_string(const std::string& text) {
        put(static_cast<std::uint64_t>(text.size()));
        append(text.data(), text.size());
    }
    // resize + memcpy rather than vector::insert: GCC 12 at -O3 reports a false
    // -Wstringop-overflow for insert of byte ranges.
    void append(const void* data, std::size_t size) {
        if (size == 0) return;
        const std::size_t at = m_out.size();
        m_out.resize(at + size);
        std::memcpy(m_out.data() + at, data, size);
    }
    void pad_to(std::uint32_t alignment) {
        while (m_out.size() % alignment) m_out.push_back(0);
    }

private:
    std::vector<unsigned char>& m_out;
};

void put_value(Sink& sink, const OwnedValue& value);

void put_array_body(Sink& sink, const OwnedValue& value) {
    sink.put(static_cast<std::uint32_t>(value.element_type));
    if (value.element_type == ValueType::string) {
        sink.put(static_cast<std::uint64_t>(value.strings.size()));
        for (const std::string& s : value.strings) sink.put_string(s);
    } else if (value.element_type == ValueType::array) {
        sink.put(static_cast<std::uint64_t>(value.nested.size()));
        for (const OwnedValue& inner : value.nested) put_array_body(sink, inner);
    } else {
        sink.put(static_cast<std::uint64_t>(value.bytes.size() / fixed_value_size(value.element_type)));
        sink.put_bytes(value.bytes);
    }
}

void put_value(Sink& sink, const OwnedValue& value) {
    if (value.type == ValueType::string) sink.put_string(value.text);
    else if (value.type == ValueType::array) put_array_body(sink, value);
    else sink.put_bytes(value.bytes);
}

} // namespace

OwnedValue OwnedValue::u8(std::uint8_t v) { return make_scalar(ValueType::uint8, v); }
OwnedValue OwnedValue::i8(std::int8_t v) { return make_scalar(ValueType::int8, v); }
OwnedValue OwnedValue::u16(std::uint16_t v) { return make_scalar(ValueType::uint16, v); }
OwnedValue OwnedValue::i16(std::int16_t v) { return make_scalar(ValueType::int16, v); }
OwnedValue OwnedValue::u32(std::uint32_t v) { return make_scalar(ValueType::uint32, v); }
OwnedValue OwnedValue::i32(std::int32_t v) { return make_scalar(ValueType::int32, v); }
OwnedValue OwnedValue::u64(std::uint64_t v) { return make_scalar(ValueType::uint64, v); }
OwnedValue OwnedValue::i64(std::int64_t v) { return make_scalar(ValueType::int64, v); }
OwnedValue OwnedValue::f32(float v) { return make_scalar(ValueType::float32, v); }
OwnedValue OwnedValue::f64(double v) { return make_scalar(ValueType::float64, v); }
OwnedValue OwnedValue::boolean(bool v) { return make_scalar(ValueType::boolean, static_cast<std::uint8_t>(v)); }

OwnedValue OwnedValue::string(std::string v) {
    OwnedValue out;
    out.type = ValueType::string;
    out.text = std::move(v);
    return out;
}

OwnedValue OwnedValue::i32_array(std::span<const std::int32_t> values) { return make_array(ValueType::int32, values); }
OwnedValue OwnedValue::u32_array(std::span<const std::uint32_t> values) { return make_array(ValueType::uint32, values); }
OwnedValue OwnedValue::f32_array(std::span<const float> values) { return make_array(ValueType::float32, values); }

OwnedValue OwnedValue::bool_array(std::span<const bool> values) {
    std::vector<std::uint8_t> flags(values.begin(), values.end());
    return make_array(ValueType::boolean, std::span<const std::uint8_t>(flags));
}

OwnedValue OwnedValue::string_array(std::vector<std::string> values) {
    OwnedValue out;
    out.type = ValueType::array;
    out.element_type = ValueType::string;
    out.strings = std::move(values);
    return out;
}

OwnedValue OwnedValue::array_of_arrays(std::vector<OwnedValue> arrays) {
    OwnedValue out;
    out.type = ValueType::array;
    out.element_type = ValueType::array;
    out.nested = std::move(arrays);
    return out;
}

OwnedValue OwnedValue::raw_array(ValueType element_type, std::vector<unsigned char> bytes) {
    OwnedValue out;
    out.type = ValueType::array;
    out.element_type = element_type;
    out.bytes = std::move(bytes);
    return out;
}

OwnedValue OwnedValue::copy_of(const MetadataValue& value) {
    if (value.type() == ValueType::string) return string(std::string(*value.as_string()));
    if (!value.is_array()) {
        OwnedValue out;
        out.type = value.type();
        const std::size_t size = fixed_value_size(value.type());
        out.bytes.assign(value.raw_elements(), value.raw_elements() + size);
        return out;
    }
    if (value.element_type() == ValueType::string) {
        std::vector<std::string> strings;
        strings.reserve(value.size());
        for (std::uint64_t i = 0; i < value.size(); ++i) strings.emplace_back(*value.string_at(i));
        return string_array(std::move(strings));
    }
    if (value.element_type() == ValueType::array) {
        std::vector<OwnedValue> arrays;
        for (const MetadataValue& inner : value.nested()) arrays.push_back(copy_of(inner));
        return array_of_arrays(std::move(arrays));
    }
    const std::size_t bytes = value.size() * fixed_value_size(value.element_type());
    return raw_array(value.element_type(), std::vector<unsigned char>(value.raw_elements(), value.raw_elements() + bytes));
}

void GgufWriter::set(std::string key, OwnedValue value) {
    for (auto& [name, existing] : m_metadata) {
        if (name == key) {
            existing = std::move(value);
            return;
        }
    }
    m_metadata.emplace_back(std::move(key), std::move(value));
}

void GgufWriter::set_alignment(std::uint32_t alignment) {
    m_alignment = alignment;
    set("general.alignment", OwnedValue::u32(alignment));
}

namespace {

Result<std::uint64_t> tensor_bytes(const std::string& name, const std::vector<std::uint64_t>& shape, quant::TensorType type) {
    if (shape.empty() || shape.size() > max_dims)
        return make_error(ErrorCode::invalid_argument, "tensor '" + name + "' needs 1 to 4 dimensions");
    Result<std::uint64_t> row = quant::row_bytes(type, shape[0]);
    if (!row) return make_error(ErrorCode::invalid_argument, "tensor '" + name + "': " + row.error().message);
    std::uint64_t bytes = row.value();
    for (std::size_t d = 1; d < shape.size(); ++d) bytes *= shape[d];
    return bytes;
}

} // namespace

Result<void> GgufWriter::add_tensor(std::string name, std::vector<std::uint64_t> shape, quant::TensorType type,
                                    std::vector<unsigned char> data) {
    Result<std::uint64_t> bytes = tensor_bytes(name, shape, type);
    if (!bytes) return bytes.error();
    if (*bytes != data.size())
        return make_error(ErrorCode::invalid_argument, "tensor '" + name + "' needs " + std::to_string(*bytes) +
                                                           " bytes of data, got " + std::to_string(data.size()));
    if (!m_tensors.empty() && m_tensors.back().header_only)
        return make_error(ErrorCode::invalid_argument, "tensor '" + name + "' has data but follows a header-only tensor");
    m_tensors.push_back(Tensor{std::move(name), std::move(shape), type, std::move(data), *bytes, false});
    return {};
}

Result<void> GgufWriter::add_tensor_header(std::string name, std::vector<std::uint64_t> shape, quant::TensorType type) {
    Result<std::uint64_t> bytes = tensor_bytes(name, shape, type);
    if (!bytes) return bytes.error();
    m_tensors.push_back(Tensor{std::move(name), std::move(shape), type, {}, *bytes, true});
    return {};
}

std::vector<unsigned char> GgufWriter::serialize() const {
    std::vector<unsigned char> out;
    Sink sink(out);
    sink.put(std::array<char, 4>{'G', 'G', 'U', 'F'});
    sink.put(m_version);
    sink.put(static_cast<std::uint64_t>(m_tensors.size()));
    sink.put(static_cast<std::uint64_t>(m_metadata.size()));
    for (const auto& [key, value] : m_metadata) {
        sink.put_string(key);
        sink.put(static_cast<std::uint32_t>(value.type));
        put_value(sink, value);
    }
    std::uint64_t offset = 0;
    for (const Tensor& t : m_tensors) {
        sink.put_string(t.name);
        sink.put(static_cast<std::uint32_t>(t.shape.size()));
        for (const std::uint64_t dim : t.shape) sink.put(dim);
        sink.put(static_cast<std::uint32_t>(t.type));
        sink.put(offset);
        offset += (t.n_bytes + m_alignment - 1) / m_alignment * m_alignment;
    }
    sink.pad_to(m_alignment);
    for (const Tensor& t : m_tensors) {
        if (t.header_only) break; // the rest are header-only too
        sink.put_bytes(t.data);
        sink.pad_to(m_alignment);
    }
    return out;
}

Result<void> GgufWriter::write(const std::string& path) const {
    const std::vector<unsigned char> bytes = serialize();
    const std::string temporary = path + ".partial";
    std::FILE* file = std::fopen(temporary.c_str(), "wb");
    if (!file) return make_error(ErrorCode::io, "cannot create '" + temporary + "': " + std::strerror(errno));
    const bool written = std::fwrite(bytes.data(), 1, bytes.size(), file) == bytes.size();
    const bool closed = std::fclose(file) == 0;
    if (!written || !closed || std::rename(temporary.c_str(), path.c_str()) != 0) {
        const int err = errno;
        std::remove(temporary.c_str());
        return make_error(ErrorCode::io, "cannot write '" + path + "': " + std::strerror(err));
    }
    return {};
}

} // namespace conclave::gguf
