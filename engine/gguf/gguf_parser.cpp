#include "gguf/gguf_parser.h"

#include "gguf/byte_reader.h"

#include <cstdio>
#include <unordered_set>

namespace conclave::gguf {
namespace {

constexpr int max_array_nesting = 8;
constexpr std::uint32_t max_alignment = 1u << 20;
// Smallest possible encodings, used to bound counts by the bytes that remain so a header
// claiming 2^60 entries is rejected before anything is allocated.
constexpr std::uint64_t min_kv_bytes = 8 + 4 + 1;
constexpr std::uint64_t min_tensor_info_bytes = 8 + 4 + 8 + 4 + 8;

class PartParser {
public:
    PartParser(const MappedFile& file, std::uint32_t split, const OpenOptions& options)
        : m_file(file), m_in(file.data(), file.size()), m_split(split), m_options(options) {}

    Result<ParsedPart> parse();

private:
    Error truncated(const char* what) const;
    Error invalid(const std::string& message) const;
    Result<void> read_header(std::uint64_t& n_tensors, std::uint64_t& n_kv);
    Result<MetadataValue> read_value(ValueType type, int depth);
    Result<MetadataValue> read_array(int depth);
    Result<void> read_metadata(std::uint64_t n_kv);
    Result<void> read_alignment();
    Result<TensorInfo> read_tensor_info();
    Result<void> place_tensor_data();

    const MappedFile& m_file;
    ByteReader m_in;
    std::uint32_t m_split;
    const OpenOptions& m_options;
    ParsedPart m_part;
};

Error PartParser::truncated(const char* what) const {
    return make_error(ErrorCode::invalid_format,
                      "'" + m_file.path() + "' is truncated at byte " + std::to_string(m_file.size()) +
                          " (while reading " + what + " at offset " + std::to_string(m_in.position()) + ")");
}

Error PartParser::invalid(const std::string& message) const {
    return make_error(ErrorCode::invalid_format, "'" + m_file.path() + "': " + message);
}

Result<void> PartParser::read_header(std::uint64_t& n_tensors, std::uint64_t& n_kv) {
    char magic[4] = {};
    if (m_in.remaining() < 4 || !m_in.read(magic)) return invalid("not a GGUF file (too short)");
    if (std::string_view(magic, 4) != "GGUF") {
        char shown[32];
        std::snprintf(shown, sizeof shown, "%02x %02x %02x %02x", static_cast<unsigned char>(magic[0]),
                      static_cast<unsigned char>(magic[1]), static_cast<unsigned char>(magic[2]),
                      static_cast<unsigned char>(magic[3]));
        return invalid(std::string("not a GGUF file (starts with bytes ") + shown + ")");
    }
    if (!m_in.read(m_part.version)) return truncated("the version");
    if (m_part.version == 1)
        return make_error(ErrorCode::unsupported, "'" + m_file.path() +
                                                      "' is GGUF version 1, which Conclave does not read; "
                                                      "convert it with a current GGUF tool");
    if (m_part.version != 2 && m_part.version != 3) {
        std::string message = "unsupported GGUF version " + std::to_string(m_part.version);
        if ((m_part.version & 0xffffu) == 0) message += " (a big-endian GGUF file?)";
        return make_error(ErrorCode::unsupported, "'" + m_file.path() + "': " + message);
    }
    if (!m_in.read(n_tensors)) return truncated("the tensor count");
    if (!m_in.read(n_kv)) return truncated("the metadata count");
    if (n_kv > m_in.remaining() / min_kv_bytes)
        return invalid("header claims " + std::to_string(n_kv) + " metadata entries, more than the file can hold");
    if (n_tensors > m_in.remaining() / min_tensor_info_bytes)
        return invalid("header claims " + std::to_string(n_tensors) + " tensors, more than the file can hold");
    return {};
}

Result<MetadataValue> PartParser::read_value(ValueType type, int depth) {
    if (type == ValueType::string) {
        std::string_view text;
        if (!m_in.read_string(text)) return truncated("a string value");
        return MetadataValue::string(text);
    }
    if (type == ValueType::array) return read_array(depth + 1);
    const std::size_t size = fixed_value_size(type);
    const unsigned char* at = m_in.here();
    if (!m_in.skip(size)) return truncated("a metadata value");
    return MetadataValue::scalar(type, at);
}

Result<MetadataValue> PartParser::read_array(int depth) {
    if (depth > max_array_nesting)
        return invalid("metadata arrays nested deeper than " + std::to_string(max_array_nesting) + " levels");
    std::uint32_t element_id = 0;
    std::uint64_t count = 0;
    if (!m_in.read(element_id) || !m_in.read(count)) return truncated("an array header");
    if (!is_known_value_type(element_id))
        return invalid("array of unknown value type " + std::to_string(element_id));
    const auto element = static_cast<ValueType>(element_id);
    if (const std::size_t size = fixed_value_size(element); size != 0) {
        if (count > m_in.remaining() / size) return truncated("an array's elements");
        const unsigned char* at = m_in.here();
        m_in.skip(count * size);
        return MetadataValue::fixed_array(element, count, at);
    }
    const std::uint64_t min_element = element == ValueType::string ? 8 : 12;
    if (count > m_in.remaining() / min_element) return truncated("an array's elements");
    if (element == ValueType::string) {
        std::vector<std::string_view> strings;
        strings.reserve(count);
        for (std::uint64_t i = 0; i < count; ++i) {
            std::string_view text;
            if (!m_in.read_string(text)) return truncated("a string in an array");
            strings.push_back(text);
        }
        return MetadataValue::string_array(std::move(strings));
    }
    std::vector<MetadataValue> nested;
    nested.reserve(count);
    for (std::uint64_t i = 0; i < count; ++i) {
        Result<MetadataValue> inner = read_array(depth + 1);
        if (!inner) return inner.error();
        nested.push_back(std::move(inner.value()));
    }
    return MetadataValue::nested_array(ValueType::array, std::move(nested));
}

Result<void> PartParser::read_metadata(std::uint64_t n_kv) {
    std::unordered_set<std::string_view> seen;
    m_part.metadata.reserve(n_kv);
    for (std::uint64_t i = 0; i < n_kv; ++i) {
        std::string_view key;
        std::uint32_t type_id = 0;
        if (!m_in.read_string(key)) return truncated("a metadata key");
        if (!m_in.read(type_id)) return truncated("a metadata type");
        if (!is_known_value_type(type_id))
            return invalid("metadata '" + std::string(key) + "' has unknown value type " + std::to_string(type_id));
        if (!seen.insert(key).second) return invalid("duplicate metadata key '" + std::string(key) + "'");
        Result<MetadataValue> value = read_value(static_cast<ValueType>(type_id), 0);
        if (!value) return value.error();
        m_part.metadata.emplace_back(key, std::move(value.value()));
    }
    return read_alignment();
}

Result<void> PartParser::read_alignment() {
    for (const auto& [key, value] : m_part.metadata) {
        if (key != "general.alignment") continue;
        const auto alignment = value.as_uint();
        if (!alignment || *alignment == 0 || *alignment > max_alignment || (*alignment & (*alignment - 1)) != 0)
            return invalid("general.alignment must be a power of two up to " + std::to_string(max_alignment));
        m_part.alignment = static_cast<std::uint32_t>(*alignment);
    }
    return {};
}

Result<TensorInfo> PartParser::read_tensor_info() {
    TensorInfo info;
    info.split = m_split;
    if (!m_in.read_string(info.name)) return truncated("a tensor name");
    const std::string name(info.name);
    if (!m_in.read(info.n_dims)) return truncated("a tensor's dimension count");
    if (info.n_dims > max_dims)
        return invalid("tensor '" + name + "' has " + std::to_string(info.n_dims) + " dimensions (at most 4 allowed)");
    std::uint64_t n_elements = 1;
    for (std::uint32_t d = 0; d < info.n_dims; ++d) {
        if (!m_in.read(info.shape[d])) return truncated("a tensor's shape");
        if (info.shape[d] > static_cast<std::uint64_t>(INT64_MAX) ||
            __builtin_mul_overflow(n_elements, info.shape[d], &n_elements) ||
            n_elements > static_cast<std::uint64_t>(INT64_MAX))
            return invalid("tensor '" + name + "' has a shape whose element count overflows");
    }
    std::uint32_t type_id = 0;
    if (!m_in.read(type_id)) return truncated("a tensor type");
    const auto type = quant::find_tensor_type(type_id);
    if (!type) return invalid("tensor '" + name + "' has unknown tensor type id " + std::to_string(type_id));
    info.type = type->type;
    if (!m_in.read(info.offset)) return truncated("a tensor offset");
    if (info.offset % m_part.alignment != 0)
        return invalid("tensor '" + name + "' data is misaligned (offset " + std::to_string(info.offset) +
                       ", alignment " + std::to_string(m_part.alignment) + ")");
    Result<std::uint64_t> row = quant::row_bytes(info.type, info.shape[0]);
    if (!row) return invalid("tensor '" + name + "': " + row.error().message);
    const std::uint64_t rows = n_elements == 0 ? 0 : n_elements / info.shape[0];
    if (__builtin_mul_overflow(row.value(), rows, &info.n_bytes))
        return invalid("tensor '" + name + "' byte size overflows");
    return info;
}

Result<void> PartParser::place_tensor_data() {
    const std::uint64_t end_of_infos = m_in.position();
    const std::uint64_t aligned = (end_of_infos + m_part.alignment - 1) / m_part.alignment * m_part.alignment;
    m_part.data_start = aligned;
    const std::uint64_t data_size = m_file.size() > aligned ? m_file.size() - aligned : 0;
    for (TensorInfo& info : m_part.tensors) {
        std::uint64_t end = 0;
        const bool overflows = __builtin_add_overflow(info.offset, info.n_bytes, &end);
        if (overflows || end > data_size) {
            if (m_options.allow_missing_data) continue;
            return invalid("tensor '" + std::string(info.name) + "' extends past the end of the file (data bytes " +
                           std::to_string(info.offset) + " to " + (overflows ? std::string("overflow") : std::to_string(end)) +
                           ", the data section holds " + std::to_string(data_size) + ")");
        }
        info.data = m_file.data() + aligned + info.offset;
    }
    return {};
}

Result<ParsedPart> PartParser::parse() {
    std::uint64_t n_tensors = 0;
    std::uint64_t n_kv = 0;
    if (Result<void> header = read_header(n_tensors, n_kv); !header) return header.error();
    if (Result<void> metadata = read_metadata(n_kv); !metadata) return metadata.error();
    std::unordered_set<std::string_view> names;
    m_part.tensors.reserve(n_tensors);
    for (std::uint64_t i = 0; i < n_tensors; ++i) {
        Result<TensorInfo> info = read_tensor_info();
        if (!info) return info.error();
        if (!names.insert(info->name).second)
            return invalid("duplicate tensor name '" + std::string(info->name) + "'");
        m_part.tensors.push_back(info.value());
    }
    if (Result<void> placed = place_tensor_data(); !placed) return placed.error();
    return std::move(m_part);
}

} // namespace

Result<ParsedPart> parse_gguf_part(const MappedFile& file, std::uint32_t split, const OpenOptions& options) {
    return PartParser(file, split, options).parse();
}

} // namespace conclave::gguf
