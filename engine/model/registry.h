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

// Builds the architecture named in the file, or "unsupported architecture 'x'".
Result<std::unique_ptr<ArchModel>> load_architecture(const gguf::GgufFile& file);

} // namespace conclave::model
