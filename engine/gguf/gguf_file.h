#pragma once
// GgufFile: a GGUF model (v2 or v3) opened for reading. The file is memory-mapped and tensor
// data is read in place, never copied. Split models (`name-00001-of-00003.gguf`) open as one
// model from the first part. Every field read from the file is bounds- and overflow-checked:
// a hostile or truncated file yields an Error naming the problem, never a crash or an
// unbounded allocation. Immutable after open; safe to read from any thread.

#include "conclave/result.h"
#include "gguf/gguf_value.h"
#include "quant/tensor_types.h"

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace conclave::gguf {

inline constexpr std::size_t max_dims = 4;
inline constexpr std::uint32_t default_alignment = 32;

struct TensorInfo {
    std::string_view name;
    std::uint32_t n_dims = 0;
    std::array<std::uint64_t, max_dims> shape{1, 1, 1, 1}; // ne[0] is the contiguous dimension
    quant::TensorType type = quant::TensorType::F32;
    std::uint64_t offset = 0;   // from the start of its file's data section
    std::uint64_t n_bytes = 0;
    std::uint32_t split = 0;    // which file of a split model holds the data
    const unsigned char* data = nullptr; // null when opened with allow_missing_data and absent

    std::uint64_t n_elements() const { return shape[0] * shape[1] * shape[2] * shape[3]; }
};

struct OpenOptions {
    // Accept files whose tensor data is missing or cut off (header-only copies used to
    // inspect a model's metadata); such tensors have data == nullptr.
    bool allow_missing_data = false;
};

class MappedFile;

class GgufFile {
public:
    static Result<std::unique_ptr<GgufFile>> open(const std::string& path, const OpenOptions& options = {});
    // Parses a buffer the caller keeps alive as long as the GgufFile (fuzzing, tests).
    static Result<std::unique_ptr<GgufFile>> open_memory(const unsigned char* data, std::uint64_t size,
                                                         const OpenOptions& options = {});
    ~GgufFile();
    GgufFile(const GgufFile&) = delete;
    GgufFile& operator=(const GgufFile&) = delete;

    std::uint32_t version() const { return m_version; }
    std::uint32_t alignment() const { return m_alignment; }
    std::uint32_t split_count() const { return static_cast<std::uint32_t>(m_files.size()); }
    std::uint64_t file_bytes() const; // all parts together

    // Metadata in file order (of the first part, for split models).
    const std::vector<std::pair<std::string_view, MetadataValue>>& metadata() const { return m_metadata; }
    const MetadataValue* find(std::string_view key) const;
    std::optional<std::string_view> get_string(std::string_view key) const;
    std::optional<std::uint64_t> get_uint(std::string_view key) const;
    std::optional<double> get_float(std::string_view key) const;
    std::optional<bool> get_bool(std::string_view key) const;

    // Tensors in file order, across all parts.
    const std::vector<TensorInfo>& tensors() const { return m_tensors; }
    const TensorInfo* find_tensor(std::string_view name) const;

private:
    GgufFile() = default;
    friend class GgufParser;

    std::vector<std::unique_ptr<MappedFile>> m_files;
    std::uint32_t m_version = 0;
    std::uint32_t m_alignment = default_alignment;
    std::vector<std::pair<std::string_view, MetadataValue>> m_metadata;
    std::vector<TensorInfo> m_tensors;
};

} // namespace conclave::gguf
