#include "gguf/gguf_value.h"

#include <cstring>
#include <limits>

namespace conclave::gguf {
namespace {

template <typename T>
T load(const unsigned char* bytes) {
    T value;
    std::memcpy(&value, bytes, sizeof value); // GGUF is little-endian, as are our targets
    return value;
}

// Widens a fixed-size integer element to int64 (uint64 beyond int64's range yields nullopt).
std::optional<std::int64_t> load_int(ValueType type, const unsigned char* bytes) {
    switch (type) {
    case ValueType::uint8: return load<std::uint8_t>(bytes);
    case ValueType::int8: return load<std::int8_t>(bytes);
    case ValueType::uint16: return load<std::uint16_t>(bytes);
    case ValueType::int16: return load<std::int16_t>(bytes);
    case ValueType::uint32: return load<std::uint32_t>(bytes);
    case ValueType::int32: return load<std::int32_t>(bytes);
    case ValueType::int64: return load<std::int64_t>(bytes);
    case ValueType::uint64: {
        const auto v = load<std::uint64_t>(bytes);
        if (v > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) return std::nullopt;
        return static_cast<std::int64_t>(v);
    }
    case ValueType::boolean: return load<std::uint8_t>(bytes) != 0;
    default: return std::nullopt;
    }
}

std::optional<double> load_float(ValueType type, const unsigned char* bytes) {
    if (type == ValueType::float32) return load<float>(bytes);
    if (type == ValueType::float64) return load<double>(bytes);
    if (type == ValueType::uint64) return static_cast<double>(load<std::uint64_t>(bytes));
    if (const auto i = load_int(type, bytes)) return static_cast<double>(*i);
    return std::nullopt;
}

} // namespace

std::string_view value_type_name(ValueType type) {
    switch (type) {
    case ValueType::uint8: return "uint8";
    case ValueType::int8: return "int8";
    case ValueType::uint16: return "uint16";
    case ValueType::int16: return "int16";
    case ValueType::uint32: return "uint32";
    case ValueType::int32: return "int32";
    case ValueType::float32: return "float32";
    case ValueType::boolean: return "bool";
    case ValueType::string: return "string";
    case ValueType::array: return "array";
    case ValueType::uint64: return "uint64";
    case ValueType::int64: return "int64";
    case ValueType::float64: return "float64";
    }
    return "unknown";
}

bool is_known_value_type(std::uint32_t id) { return id <= static_cast<std::uint32_t>(ValueType::float64); }

std::size_t fixed_value_size(ValueType type) {
    switch (type) {
    case ValueType::uint8:
    case ValueType::int8:
    case ValueType::boolean: return 1;
    case ValueType::uint16:
    case ValueType::int16: return 2;
    case ValueType::uint32:
    case ValueType::int32:
    case ValueType::float32: return 4;
    case ValueType::uint64:
    case ValueType::int64:
    case ValueType::float64: return 8;
    case ValueType::string:
    case ValueType::array: return 0;
    }
    return 0;
}

std::optional<std::uint64_t> MetadataValue::as_uint() const {
    if (m_type == ValueType::uint64) return load<std::uint64_t>(m_raw);
    const auto v = as_int();
    if (!v || *v < 0) return std::nullopt;
    return static_cast<std::uint64_t>(*v);
}

std::optional<std::int64_t> MetadataValue::as_int() const {
    if (!m_raw || m_type == ValueType::array || m_type == ValueType::float32 || m_type == ValueType::float64)
        return std::nullopt;
    return load_int(m_type, m_raw);
}

std::optional<double> MetadataValue::as_float() const {
    if (!m_raw || m_type == ValueType::array || m_type == ValueType::boolean) return std::nullopt;
    return load_float(m_type, m_raw);
}

std::optional<bool> MetadataValue::as_bool() const {
    if (m_type != ValueType::boolean || !m_raw) return std::nullopt;
    return load<std::uint8_t>(m_raw) != 0;
}

std::optional<std::string_view> MetadataValue::as_string() const {
    if (m_type != ValueType::string) return std::nullopt;
    return m_text;
}

std::optional<std::int64_t> MetadataValue::int_at(std::uint64_t i) const {
    const std::size_t size = fixed_value_size(m_element_type);
    if (!is_array() || size == 0 || i >= m_count || m_element_type == ValueType::float32 ||
        m_element_type == ValueType::float64)
        return std::nullopt;
    return load_int(m_element_type, m_raw + i * size);
}

std::optional<double> MetadataValue::float_at(std::uint64_t i) const {
    const std::size_t size = fixed_value_size(m_element_type);
    if (!is_array() || size == 0 || i >= m_count || m_element_type == ValueType::boolean) return std::nullopt;
    return load_float(m_element_type, m_raw + i * size);
}

std::optional<std::string_view> MetadataValue::string_at(std::uint64_t i) const {
    if (!is_array() || m_element_type != ValueType::string || i >= m_strings.size()) return std::nullopt;
    return m_strings[i];
}

MetadataValue MetadataValue::scalar(ValueType type, const unsigned char* bytes) {
    MetadataValue v;
    v.m_type = type;
    v.m_raw = bytes;
    return v;
}

MetadataValue MetadataValue::string(std::string_view text) {
    MetadataValue v;
    v.m_type = ValueType::string;
    v.m_text = text;
    return v;
}

MetadataValue MetadataValue::fixed_array(ValueType element_type, std::uint64_t count, const unsigned char* raw) {
    MetadataValue v;
    v.m_type = ValueType::array;
    v.m_element_type = element_type;
    v.m_count = count;
    v.m_raw = raw;
    return v;
}

MetadataValue MetadataValue::string_array(std::vector<std::string_view> strings) {
    MetadataValue v;
    v.m_type = ValueType::array;
    v.m_element_type = ValueType::string;
    v.m_count = strings.size();
    v.m_strings = std::move(strings);
    return v;
}

MetadataValue MetadataValue::nested_array(ValueType element_type, std::vector<MetadataValue> arrays) {
    MetadataValue v;
    v.m_type = ValueType::array;
    v.m_element_type = element_type;
    v.m_count = arrays.size();
    v.m_nested = std::move(arrays);
    return v;
}

} // namespace conclave::gguf
