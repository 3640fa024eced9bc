// Qwen3-MoE (e.g. Qwen3-30B-A3B: 128 experts, 8 used): the Qwen3 decoder with every
// feed-forward replaced by routed experts (softmax router, top-k, renormalized weights).
#include "model/archs/archs.h"
#include "model/archs/llama_family.h"

namespace conclave::model {

Result<std::unique_ptr<ArchModel>> load_qwen3moe(const ModelFile& file) {
    if (file.uint_or("expert_count", 0) == 0)
        return make_error(ErrorCode::invalid_format, "a qwen3moe file needs qwen3moe.expert_count");
    return load_llama_family(file, LlamaFamilyConfig{.rope_style = RopeStyle::neox, .qk_norm = QkNorm::per_head,
                                                     .moe_normalize_top_k = true});
}

} // namespace conclave::model
