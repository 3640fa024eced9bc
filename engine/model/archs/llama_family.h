#pragma once
// The pre-norm decoder shared by Llama (and SmolLM, Mistral), Qwen2, Qwen3 and Gemma 3:
// RMSNorm, grouped-query attention with RoPE, gated feed-forward. What differs between them
// is data in LlamaFamilyConfig, never a branch on the architecture's name.

#include "model/architecture.h"

namespace conclave::model {

// Where q and k are RMS-normalized before RoPE, if at all: over each head (Qwen3, Gemma 3,
// norm weights of one head's size) or over all heads at once (OLMoE, weights as wide as q
// and as k).
enum class QkNorm { none, per_head, whole };

struct LlamaFamilyConfig {
    RopeStyle rope_style = RopeStyle::normal;
    bool qkv_bias = false;   // Qwen2: biases on q, k and v
    QkNorm qk_norm = QkNorm::none;
    bool geglu = false;      // Gemma: GELU-gated feed-forward instead of SwiGLU
    bool scale_embeddings = false; // Gemma: token embeddings times sqrt(n_embd)
    bool sandwich_norms = false;   // Gemma 2/3: RMSNorm on attention and FFN outputs too
    // Gemma 3: layers use a sliding window except every Nth (0: all layers global), and the
    // windowed layers rotate with their own RoPE base.
    int global_layer_every = 0;
    float sliding_rope_base = 10000.0f;
    // Mixture of experts (used when the file has <arch>.expert_count > 0): a softmax over
    // all experts' router logits, the top n_expert_used kept, their weights renormalized to
    // sum to 1 when set (Mixtral, Qwen3-MoE), then multiplied by <arch>.expert_weights_scale
    // when the file has one.
    bool moe_normalize_top_k = true;
    // Qwen2-MoE: a shared expert every token uses, its output scaled by sigmoid of a learned
    // per-token gate, added to the routed experts' sum.
    bool shared_expert = false;
};

Result<std::unique_ptr<ArchModel>> load_llama_family(const ModelFile& file, const LlamaFamilyConfig& config);

} // namespace conclave::model
