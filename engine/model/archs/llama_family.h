#pragma once
// The pre-norm decoder shared by Llama (and SmolLM, Mistral), Qwen2, Qwen3, Gemma 3, the MoE
// variants (Qwen2/3-MoE, OLMoE, Mixtral) and gpt-oss:
// RMSNorm, grouped-query attention with RoPE, gated feed-forward. What differs between them
// is data in LlamaFamilyConfig, never a branch on the architecture's name.

#include "model/architecture.h"

#include <optional>

namespace conclave::model {

// Where q and k are RMS-normalized before RoPE, if at all: over each head (Qwen3, Gemma 3,
// norm weights of one head's size) or over all heads at once (OLMoE, weights as wide as q
// and as k).
enum class QkNorm { none, per_head, whole };

struct LlamaFamilyConfig {
    RopeStyle rope_style = RopeStyle::normal;
    bool qkv_bias = false;   // Qwen2: biases on q, k and v
    bool output_bias = false; // gpt-oss: a bias on the attention output projection too
    // gpt-oss: attn_sinks.weight, one learned logit per query head that joins its softmax
    // without a value (AttentionParams::sinks).
    bool attn_sinks = false;
    QkNorm qk_norm = QkNorm::none;
    bool geglu = false;      // Gemma: GELU-gated feed-forward instead of SwiGLU
    bool scale_embeddings = false; // Gemma: token embeddings times sqrt(n_embd)
    bool sandwich_norms = false;   // Gemma 2/3: RMSNorm on attention and FFN outputs too
    // Layers use a sliding window (<arch>.attention.sliding_window) except every Nth (0: all
    // layers global): Gemma 3 every 6th, gpt-oss every 2nd (layers 0, 2, 4... are windowed).
    // Windowed layers rotate with their own RoPE base when set (Gemma 3), else the file's.
    int global_layer_every = 0;
    float sliding_rope_base = 0.0f;
    // The name of the feed-forward block's pre-norm: gpt-oss files call it
    // post_attention_norm (it follows the attention's residual add).
    const char* ffn_norm = "ffn_norm";
    // Mixture of experts (used when the file has <arch>.expert_count > 0): a softmax over
    // all experts' router logits, the top n_expert_used kept, their weights renormalized to
    // sum to 1 when set (Mixtral, Qwen3-MoE), then multiplied by <arch>.expert_weights_scale
    // when the file has one.
    // (A softmax over only the selected experts' logits, as gpt-oss routes, is the same
    // weights: renormalizing the top k of a softmax cancels the other experts' share.)
    bool moe_normalize_top_k = true;
    // gpt-oss: biases on the router (ffn_gate_inp.bias, added before the top-k choice) and
    // on each expert's gate, up and down projections (ffn_*_exps.bias, [n, n_expert]).
    bool moe_biases = false;
    // gpt-oss: experts use the clamped SwiGLU (SwigluClamp) instead of silu(gate) * up.
    std::optional<SwigluClamp> expert_swiglu_clamp = std::nullopt;
    // Qwen2-MoE: a shared expert every token uses, its output scaled by sigmoid of a learned
    // per-token gate, added to the routed experts' sum.
    bool shared_expert = false;
};

Result<std::unique_ptr<ArchModel>> load_llama_family(const ModelFile& file, const LlamaFamilyConfig& config);

} // namespace conclave::model
