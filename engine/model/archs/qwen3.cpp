// Qwen3 (dense): the llama-family decoder with per-head RMSNorm on q and k (QK-norm) and
// NeoX-style RoPE.
#include "model/archs/archs.h"
#include "model/archs/llama_family.h"

namespace conclave::model {

Result<std::unique_ptr<ArchModel>> load_qwen3(const ModelFile& file) {
    return load_llama_family(file, LlamaFamilyConfig{.rope_style = RopeStyle::neox, .qk_norm = QkNorm::per_head});
}

} // namespace conclave::model
