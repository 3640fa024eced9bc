#pragma once
// The architectures Conclave runs, by GGUF `general.architecture` name. Adding one is a
// file in archs/ and one line in registry.cpp.

#include "model/architecture.h"

#include <string>
#include <string_view>
#include <vector>

namespace conclave::model {

using ArchLoader = Result<std::unique_ptr<ArchModel>> (*)(const ModelFile& file);

struct ArchEntry {
    std::string_view name;
    ArchLoader load;
};

const std::vector<ArchEntry>& architectures();

// Builds the architecture named in the file, or "unsupported architecture 'x'". With
// header_only, tensors without data are accepted (their Tensors have null data): the result
// describes the model's shapes and must not run a forward pass.
Result<std::unique_ptr<ArchModel>> load_architecture(const gguf::GgufFile& file, bool header_only = false);

} // namespace conclave::model
