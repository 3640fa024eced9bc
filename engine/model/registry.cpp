#include "model/registry.h"

#include "model/archs/archs.h"

namespace conclave::model {

const std::vector<ArchEntry>& architectures() {
    static const std::vector<ArchEntry> entries{
        {"llama", load_llama},
        {"qwen2", load_qwen2},
        {"qwen3", load_qwen3},
        {"gemma3", load_gemma3},
        {"qwen3moe", load_qwen3moe},
        {"qwen2moe", load_qwen2moe},
        {"olmoe", load_olmoe},
        {"gpt-oss", load_gpt_oss},
        {"deepseek2", load_deepseek2},
        {"deepseek4", load_deepseek4},
    };
    return entries;
}

Result<std::unique_ptr<ArchModel>> load_architecture(const gguf::GgufFile& file, bool header_only) {
    const auto name = file.get_string("general.architecture");
    if (!name) return make_error(ErrorCode::invalid_format, "the model file does not name its architecture "
                                                            "(general.architecture is missing)");
    for (const ArchEntry& entry : architectures())
        if (entry.name == *name) return entry.load(ModelFile(file, std::string(*name), header_only));
    std::string known;
    for (const ArchEntry& entry : architectures()) known += (known.empty() ? "" : ", ") + std::string(entry.name);
    return make_error(ErrorCode::unsupported, "unsupported architecture '" + std::string(*name) +
                                                  "' (Conclave runs: " + known + ")");
}

} // namespace conclave::model
