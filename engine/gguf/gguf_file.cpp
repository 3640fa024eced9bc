#include "gguf/gguf_file.h"

#include "gguf/gguf_parser.h"
#include "gguf/mapped_file.h"
#include "gguf/split_paths.h"

#include <unordered_set>

namespace conclave::gguf {

// Friend of GgufFile: assembles one model from its parts.
class GgufParser {
public:
    static Result<std::unique_ptr<GgufFile>> open(std::unique_ptr<MappedFile> first, const OpenOptions& options);

private:
    static Result<void> add_split_parts(GgufFile& model, const OpenOptions& options);
};

namespace {

std::optional<std::uint64_t> uint_key(const ParsedPart& part, std::string_view key) {
    for (const auto& [name, value] : part.metadata)
        if (name == key) return value.as_uint();
    return std::nullopt;
}

} // namespace

Result<std::unique_ptr<GgufFile>> GgufParser::open(std::unique_ptr<MappedFile> first, const OpenOptions& options) {
    Result<ParsedPart> part = parse_gguf_part(*first, 0, options);
    if (!part) return part.error();
    auto model = std::unique_ptr<GgufFile>(new GgufFile());
    model->m_version = part->version;
    model->m_alignment = part->alignment;
    model->m_metadata = std::move(part->metadata);
    model->m_tensors = std::move(part->tensors);
    model->m_files.push_back(std::move(first));
    if (Result<void> parts = add_split_parts(*model, options); !parts) return parts.error();
    return model;
}

Result<void> GgufParser::add_split_parts(GgufFile& model, const OpenOptions& options) {
    const std::string first_path = model.m_files.front()->path();
    const std::uint64_t count = model.get_uint("split.count").value_or(1);
    const std::uint64_t number = model.get_uint("split.no").value_or(0);
    if (count <= 1) return {};
    if (number != 0)
        return make_error(ErrorCode::invalid_argument, "'" + first_path + "' is part " + std::to_string(number + 1) +
                                                           " of a split model; open the first part (-00001-of-...)");
    const std::optional<SplitName> name = parse_split_name(first_path);
    if (!name || name->count != count)
        return make_error(ErrorCode::invalid_format, "'" + first_path + "' says it is split in " + std::to_string(count) +
                                                         " parts but is not named <name>-00001-of-" +
                                                         std::to_string(count) + ".gguf");
    std::unordered_set<std::string_view> names;
    for (const TensorInfo& t : model.m_tensors) names.insert(t.name);
    for (std::uint32_t i = 1; i < count; ++i) {
        const std::string path = split_part_path(name->prefix, i + 1, static_cast<std::uint32_t>(count));
        Result<std::unique_ptr<MappedFile>> file = MappedFile::map(path);
        if (!file) return make_error(file.error().code, "split model part missing: " + file.error().message);
        Result<ParsedPart> part = parse_gguf_part(**file, i, options);
        if (!part) return part.error();
        if (uint_key(*part, "split.no") != i || uint_key(*part, "split.count") != count)
            return make_error(ErrorCode::invalid_format, "'" + path + "' is not part " + std::to_string(i + 1) +
                                                             " of " + std::to_string(count) + " of this model");
        for (const TensorInfo& t : part->tensors) {
            if (!names.insert(t.name).second)
                return make_error(ErrorCode::invalid_format, "duplicate tensor name '" + std::string(t.name) +
                                                                 "' across split parts");
            model.m_tensors.push_back(t);
        }
        model.m_files.push_back(std::move(file.value()));
    }
    if (const auto expected = model.get_uint("split.tensors.count"); expected && *expected != model.m_tensors.size())
        return make_error(ErrorCode::invalid_format, "split model declares " + std::to_string(*expected) +
                                                         " tensors but its parts hold " +
                                                         std::to_string(model.m_tensors.size()));
    return {};
}

Result<std::unique_ptr<GgufFile>> GgufFile::open(const std::string& path, const OpenOptions& options) {
    Result<std::unique_ptr<MappedFile>> file = MappedFile::map(path);
    if (!file) return file.error();
    return GgufParser::open(std::move(file.value()), options);
}

Result<std::unique_ptr<GgufFile>> GgufFile::open_memory(const unsigned char* data, std::uint64_t size,
                                                        const OpenOptions& options) {
    return GgufParser::open(MappedFile::view(data, size, "<memory>"), options);
}

GgufFile::~GgufFile() = default;

std::uint64_t GgufFile::file_bytes() const {
    std::uint64_t total = 0;
    for (const auto& file : m_files) total += file->size();
    return total;
}

const MetadataValue* GgufFile::find(std::string_view key) const {
    for (const auto& [name, value] : m_metadata)
        if (name == key) return &value;
    return nullptr;
}

std::optional<std::string_view> GgufFile::get_string(std::string_view key) const {
    const MetadataValue* value = find(key);
    return value ? value->as_string() : std::nullopt;
}

std::optional<std::uint64_t> GgufFile::get_uint(std::string_view key) const {
    const MetadataValue* value = find(key);
    return value ? value->as_uint() : std::nullopt;
}

std::optional<double> GgufFile::get_float(std::string_view key) const {
    const MetadataValue* value = find(key);
    return value ? value->as_float() : std::nullopt;
}

std::optional<bool> GgufFile::get_bool(std::string_view key) const {
    const MetadataValue* value = find(key);
    return value ? value->as_bool() : std::nullopt;
}

const TensorInfo* GgufFile::find_tensor(std::string_view name) const {
    for (const TensorInfo& t : m_tensors)
        if (t.name == name) return &t;
    return nullptr;
}

} // namespace conclave::gguf
