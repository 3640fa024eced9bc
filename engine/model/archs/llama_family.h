#pragma once
// The pre-norm decoder shared by Llama (and SmolLM, Mistral), Qwen2 and Qwen3: RMSNorm,
// grouped-query attention with RoPE, SwiGLU feed-forward. What differs between them is data
// in LlamaFamilyConfig, never a branch on the architecture's name.

#include "model/architecture.h"

namespace conclave::model {

struct LlamaFamilyConfig {
    RopeStyle rope_style = RopeStyle::normal;
    bool qkv_bias = false;   // Qwen2: biases on q, k and v
    bool qk_norm = false;    // Qwen3: RMSNorm over each head of q and k before RoPE
};

Result<std::unique_ptr<ArchModel>> load_llama_family(const ModelFile& file, const LlamaFamilyConfig& config);

} // namespace conclave::model
