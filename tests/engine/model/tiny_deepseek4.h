#pragma once
// Tiny random-weight deepseek4 models (DeepSeek V4: hyper-connections, one shared K=V head
// with sinks, grouped low-rank output, sliding window plus per-layer KV compression with a
// lightning indexer, sqrt-softplus MoE with hash-routed first layers) written with our GGUF
// writer in the layout of design/deepseek4.md sections 2 and 3. Weights are seeded from the
// tensor name, so a file is the same in every run.

#include "quant/tensor_types.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace conclave::test {

// The hyper-parameters of one tiny deepseek4 file (design/deepseek4.md section 2) and how it
// is written; a plain value.
struct TinyDeepSeek4 {
    int n_vocab = 97;
    int n_embd = 64; // width of ONE hyper-connection stream
    int n_head = 4;
    int head_dim = 64; // the shared K=V vector and every query head
    int n_rot = 16;    // rotated dims at the END of every head (main and indexer)
    int q_lora_rank = 64;
    int o_groups = 2;
    int o_lora_rank = 16; // per group
    int sliding_window = 8;
    // Per layer, each 0 (window only), 4 (indexed compression) or 128 (all compressed blocks);
    // its size is the number of decoder layers.
    std::vector<int> compress_ratios{0, 0, 0};
    int indexer_n_head = 8;
    // llama.cpp rotates indexer heads by a Hadamard matrix of at least 64 x 64.
    int indexer_head_dim = 64;
    int indexer_top_k = 16;
    int hc = 4; // hyper-connection streams (llama.cpp asserts 4)
    int sinkhorn_iterations = 20;
    float hc_eps = 1e-6f;
    int hash_layer_count = 1; // first layers routed by the token-id table
    int n_expert = 16;
    int n_expert_used = 4;
    int n_ff_exp = 32;
    int n_expert_shared = 1;
    float weights_scale = 1.5f;
    bool weights_norm = true;
    // One value: written as a scalar; else one per layer (block_count values) as an array.
    std::vector<float> clamp_exp{1.5f};
    // Empty: the key is not written (loaders then use clamp_exp).
    std::vector<float> clamp_shexp{};
    float rope_freq_base = 10000.0f;
    float compress_rope_freq_base = 40000.0f;
    float yarn_factor = 16.0f; // > 0: rope.scaling.* (YaRN, compressed layers only)
    // With n_rot 16 and base 40000: pair 0 kept, pairs 1-3 blended (3/4, 1/2, 1/4 kept), pairs
    // 4-7 divided by 16, so YaRN changes angles visibly within a 300-token prompt.
    int yarn_original_ctx = 512;
    float eps = 1e-6f;
    int n_ctx = 4096;
    // Every >= 2-D weight llama-quantize would quantize (all but norms, router, token tables).
    quant::TensorType matrix_type = quant::TensorType::F32;
    std::optional<quant::TensorType> expert_type; // routed experts' type, else matrix_type
    bool with_vocab = false;  // a minimal vocabulary, so llama.cpp loads the file
    bool header_only = false; // tensor descriptions without data (the sizes of a real model)
    // Multi-token-prediction layers after the decoder (nextn_predict_layers) and their
    // ratios, 0 where missing (V4-Flash: 0). Neither llama.cpp nor the reference runs them.
    int n_mtp = 0;
    std::vector<int> mtp_compress_ratios;

    int ratio_of(int layer) const {
        const std::size_t l = static_cast<std::size_t>(layer), n = compress_ratios.size();
        if (l < n) return compress_ratios[l];
        return l - n < mtp_compress_ratios.size() ? mtp_compress_ratios[l - n] : 0;
    }

    int n_layer() const { return static_cast<int>(compress_ratios.size()); }
};

// Window-only attention: three layers of ratio 0 (the first hash-routed), a window of 8.
TinyDeepSeek4 tiny_deepseek4_window();
// Every mechanism: layers with ratios 0, 4, 128, 4 (the first two hash-routed), a window of 8,
// an indexer keeping 16 of the ratio-4 blocks (so from position 67 on it chooses), different
// clamps per layer and for the shared expert. A prompt of 300 tokens completes two 128-blocks.
TinyDeepSeek4 tiny_deepseek4();
// DeepSeek V4-Flash as published (43 layers, 4096 wide, 256 + 1 experts of 2048, top 6, ...),
// header only: Q8_0 matrices and MXFP4 routed experts, as converted files carry them.
TinyDeepSeek4 deepseek_v4_flash_config();

// The files golden/deepseek4_tiny_llamacpp.json was recorded from (make_deepseek4_golden.py),
// by name: "mixed" (tiny_deepseek4()) and "window" (tiny_deepseek4_window() plus two MTP
// layers of ratios 4 and 128, which nothing runs: llama.cpp 0.3.36 cannot build a context
// without a ratio-4 and a ratio-128 layer, see the .cpp), F32; with the suffix "-mxfp4"
// ("window-mxfp4", "mixed-mxfp4") quantized as converted files are, Q8_0 matrices and MXFP4
// routed experts. All with a vocabulary.
TinyDeepSeek4 tiny_deepseek4_golden_variant(const std::string& name);
// The prompt of that file: 300 tokens, BOS then a linear congruential sequence over the
// ordinary ids 3..n_vocab-1. It completes two 128-blocks and 75 ratio-4 blocks, so the
// mixed model's indexer (top 16) chooses for every query from position 67 on.
std::vector<int> deepseek4_golden_prompt(int n_vocab);

// Parameter counts computed from the shapes of design/deepseek4.md section 3, independently of
// the writer: every tensor element (the I32 token-to-expert tables included, as GGUF summaries
// count them), and the share one token uses (n_expert_used of the n_expert routed experts).
struct Deepseek4ParamCount {
    std::uint64_t total = 0;
    std::uint64_t active = 0;
    std::uint64_t hash_tables = 0; // elements of ffn_gate_tid2eid (integers, not learned weights)
};
Deepseek4ParamCount deepseek4_param_count(const TinyDeepSeek4& spec);

// Writes the model; false when a tensor could not be built (a test bug).
bool write_tiny_deepseek4(const TinyDeepSeek4& spec, const std::string& path);

} // namespace conclave::test
