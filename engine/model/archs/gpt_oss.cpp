// gpt-oss (gpt-oss-20b: 24 layers, 32 experts; gpt-oss-120b: 36 layers, 128 experts; 4 used
// per token): the llama-family decoder with biases on q, k, v and the output projection,
// learned attention sinks, a 128-position sliding window on every other layer (0, 2, 4...),
// NeoX RoPE with YaRN (from the file's rope.scaling keys), a biased router whose top 4
// logits are softmaxed, and experts with biases and the clamped SwiGLU
// (min(gate, 7) * sigmoid(1.702 * min(gate, 7)) * (clamp(up, -7, 7) + 1)).
#include "model/archs/archs.h"
#include "model/archs/llama_family.h"

namespace conclave::model {

Result<std::unique_ptr<ArchModel>> load_gpt_oss(const ModelFile& file) {
    if (file.uint_or("expert_count", 0) == 0)
        return make_error(ErrorCode::invalid_format, "a gpt-oss file needs gpt-oss.expert_count");
    return load_llama_family(file, LlamaFamilyConfig{.rope_style = RopeStyle::neox,
                                                     .qkv_bias = true,
                                                     .output_bias = true,
                                                     .attn_sinks = true,
                                                     .global_layer_every = 2,
                                                     .ffn_norm = "post_attention_norm",
                                                     .moe_normalize_top_k = true,
                                                     .moe_biases = true,
                                                     .expert_swiglu_clamp = SwigluClamp{.alpha = 1.702f, .limit = 7.0f}});
}

} // namespace conclave::model
