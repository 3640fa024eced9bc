// Qwen2 / Qwen2.5: the llama-family decoder with q/k/v biases and NeoX-style RoPE.
#include "model/archs/archs.h"
#include "model/archs/llama_family.h"

namespace conclave::model {

Result<std::unique_ptr<ArchModel>> load_qwen2(const ModelFile& file) {
    return load_llama_family(file, LlamaFamilyConfig{.rope_style = RopeStyle::neox, .qkv_bias = true});
}

} // namespace conclave::model
