#pragma once
// Parses the header, metadata and tensor infos of one GGUF file (one part of a split model)
// and checks every field against the file's real size. Internal to engine/gguf.

#include "conclave/result.h"
#include "gguf/gguf_file.h"
#include "gguf/mapped_file.h"

namespace conclave::gguf {

struct ParsedPart {
    std::uint32_t version = 0;
    std::uint32_t alignment = default_alignment;
    std::uint64_t data_start = 0;
    std::vector<std::pair<std::string_view, MetadataValue>> metadata;
    std::vector<TensorInfo> tensors;
};

// `split` is stored in each TensorInfo; `options` decides whether absent tensor data is an
// error. Tensor data pointers point into `file`.
Result<ParsedPart> parse_gguf_part(const MappedFile& file, std::uint32_t split, const OpenOptions& options);

} // namespace conclave::gguf
