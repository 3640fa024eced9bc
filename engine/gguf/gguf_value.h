#pragma once
// MetadataValue: one GGUF metadata value, as read from a mapped file. Strings and numeric
// arrays are views into the mapping: a value is valid only while its GgufFile lives.
// Immutable after parsing; safe to read from any thread.

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace conclave::gguf {

// GGUF's on-disk value type ids; never renumber.
enum class ValueType : std::uint32_t {
    uint8 = 0,
    int8 = 1,
    uint16 = 2,
    int16 = 3,
    uint32 = 4,
    int32 = 5,
    float32 = 6,
    boolean = 7,
    string = 8,
    array = 9,
    uint64 = 10,
    int64 = 11,
    float64 = 12,
};

std::string_view value_type_name(ValueType type);
bool is_known_value_type(std::uint32_t id);
// Size in bytes of one element of a fixed-size type; 0 for string and array.
std::size_t fixed_value_size(ValueType type);

class MetadataValue {
public:
    ValueType type() const { return m_type; }

    // Scalars. Each accessor converts between integer widths when the value fits and answers
    // nullopt otherwise, so callers need not care whether a writer used uint32 or uint64.
    std::optional<std::uint64_t> as_uint() const;
    std::optional<std::int64_t> as_int() const;
    std::optional<double> as_float() const;
    std::optional<bool> as_bool() const;
    std::optional<std::string_view> as_string() const;

    // Arrays.
    bool is_array() const { return m_type == ValueType::array; }
    ValueType element_type() const { return m_element_type; }
    std::uint64_t size() const { return m_count; }
    // Element i of an array of fixed-size or string elements; nullopt when out of range or
    // of another kind.
    std::optional<std::int64_t> int_at(std::uint64_t i) const;
    std::optional<double> float_at(std::uint64_t i) const;
    std::optional<std::string_view> string_at(std::uint64_t i) const;
    // Elements of an array of arrays.
    const std::vector<MetadataValue>& nested() const { return m_nested; }
    // Raw little-endian bytes of an array of fixed-size elements (count * element size).
    const unsigned char* raw_elements() const { return m_raw; }

    static MetadataValue scalar(ValueType type, const unsigned char* bytes);
    static MetadataValue string(std::string_view text);
    static MetadataValue fixed_array(ValueType element_type, std::uint64_t count, const unsigned char* raw);
    static MetadataValue string_array(std::vector<std::string_view> strings);
    static MetadataValue nested_array(ValueType element_type, std::vector<MetadataValue> arrays);

private:
    ValueType m_type = ValueType::uint8;
    ValueType m_element_type = ValueType::uint8;
    std::uint64_t m_count = 0;
    const unsigned char* m_raw = nullptr;    // scalar bytes or fixed-size array elements
    std::string_view m_text;                 // string value
    std::vector<std::string_view> m_strings; // string array elements
    std::vector<MetadataValue> m_nested;     // array-of-arrays elements
};

} // namespace conclave::gguf
