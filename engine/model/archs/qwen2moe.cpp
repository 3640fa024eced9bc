// Qwen2-MoE / Qwen1.5-MoE: the Qwen2 decoder (q/k/v biases, NeoX RoPE) with routed experts
// whose softmax weights are used as they are (no renormalization over the top k), plus a
// shared expert gated by a per-token sigmoid.
#include "model/archs/archs.h"
#include "model/archs/llama_family.h"

namespace conclave::model {

Result<std::unique_ptr<ArchModel>> load_qwen2moe(const ModelFile& file) {
    if (file.uint_or("expert_count", 0) == 0)
        return make_error(ErrorCode::invalid_format, "a qwen2moe file needs qwen2moe.expert_count");
    return load_llama_family(file, LlamaFamilyConfig{.rope_style = RopeStyle::neox, .qkv_bias = true,
                                                     .moe_normalize_top_k = false, .shared_expert = true});
}

} // namespace conclave::model
