#pragma once
// GgufWriter: builds a GGUF v3 (or v2) file in memory and writes it out. Used by tests to
// make models with random weights and by tools to write header-only copies. Everything the
// reader reads can be written, including nested arrays. Not thread-safe; single use.

#include "conclave/result.h"
#include "gguf/gguf_file.h"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace conclave::gguf {

// An owned metadata value, the writer's counterpart of MetadataValue.
struct OwnedValue {
    ValueType type = ValueType::uint8;
    std::vector<unsigned char> bytes;  // scalar or fixed-size array elements, little-endian
    std::string text;                  // string
    ValueType element_type = ValueType::uint8;
    std::vector<std::string> strings;  // array of strings
    std::vector<OwnedValue> nested;    // array of arrays

    static OwnedValue u8(std::uint8_t v);
    static OwnedValue i8(std::int8_t v);
    static OwnedValue u16(std::uint16_t v);
    static OwnedValue i16(std::int16_t v);
    static OwnedValue u32(std::uint32_t v);
    static OwnedValue i32(std::int32_t v);
    static OwnedValue u64(std::uint64_t v);
    static OwnedValue i64(std::int64_t v);
    static OwnedValue f32(float v);
    static OwnedValue f64(double v);
    static OwnedValue boolean(bool v);
    static OwnedValue string(std::string v);
    static OwnedValue i32_array(std::span<const std::int32_t> values);
    static OwnedValue u32_array(std::span<const std::uint32_t> values);
    static OwnedValue f32_array(std::span<const float> values);
    static OwnedValue bool_array(std::span<const bool> values);
    static OwnedValue string_array(std::vector<std::string> values);
    static OwnedValue array_of_arrays(std::vector<OwnedValue> arrays);
    // Raw fixed-size elements of any type (count = bytes / element size).
    static OwnedValue raw_array(ValueType element_type, std::vector<unsigned char> bytes);
    // A deep copy of a value read from a file.
    static OwnedValue copy_of(const MetadataValue& value);
};

class GgufWriter {
public:
    explicit GgufWriter(std::uint32_t version = 3) : m_version(version) {}

    // Later values for the same key replace earlier ones; order is first insertion.
    void set(std::string key, OwnedValue value);
    // Also writes general.alignment.
    void set_alignment(std::uint32_t alignment);

    // The data must hold exactly the bytes the shape and type need.
    Result<void> add_tensor(std::string name, std::vector<std::uint64_t> shape, quant::TensorType type,
                            std::vector<unsigned char> data);

    // A tensor described in the header only: its offset is reserved, its data never written.
    // For header-only copies of real files (shapes and types without the gigabytes); such
    // tensors come after every tensor with data.
    Result<void> add_tensor_header(std::string name, std::vector<std::uint64_t> shape, quant::TensorType type);

    std::vector<unsigned char> serialize() const;
    // Writes to `path` through a temporary file renamed into place.
    Result<void> write(const std::string& path) const;

private:
    struct Tensor {
        std::string name;
        std::vector<std::uint64_t> shape;
        quant::TensorType type;
        std::vector<unsigned char> data;
        std::uint64_t n_bytes = 0; // data.size(), or the size a header-only tensor would have
        bool header_only = false;
    };

    std::uint32_t m_version;
    std::uint32_t m_alignment = default_alignment;
    std::vector<std::pair<std::string, OwnedValue>> m_metadata;
    std::vector<Tensor> m_tensors;
};

} // namespace conclave::gguf
