#pragma once
// Tiny random-weight deepseek2 models (multi-head latent attention, leading dense layers,
// routed and shared experts) written with our GGUF writer in the layout current converters
// produce: split attn_k_b / attn_v_b, the absorbed attention's sizes in key_length /
// value_length with head_count_kv 1, the per-head sizes in the *_mla keys.

#include "quant/tensor_types.h"

#include <optional>
#include <string>

namespace conclave::test {

struct TinyDeepSeek2 {
    int n_vocab = 97;
    int n_embd = 64;
    int n_head = 4;
    int n_layer = 3;
    int n_dense_lead = 1;      // leading layers with a dense FFN
    int n_ff = 96;             // their width
    int q_lora_rank = 0;       // 0: attn_q straight from the hidden state (V2-Lite)
    int kv_lora_rank = 32;
    int qk_nope = 32;
    int qk_rope = 16;
    int v_head = 32;
    int n_expert = 8;
    int n_expert_used = 2;
    int n_expert_shared = 1;
    int n_ff_exp = 32;
    int gating = 1;            // expert_gating_func: 1 softmax, 2 sigmoid
    bool probs_bias = false;   // exp_probs_b.bias (selection-only bias)
    int n_group = 1;           // expert_group_count / expert_group_used_count
    int n_group_used = 1;
    bool weights_norm = false;
    float weights_scale = 1.0f;
    float yarn_factor = 0.0f;  // > 0: YaRN with this factor over yarn_original_ctx
    int yarn_original_ctx = 8;
    float yarn_log_multiplier = 0.0f;
    int n_ctx = 256;
    quant::TensorType matrix_type = quant::TensorType::F32;
    std::optional<quant::TensorType> expert_type;
    bool with_vocab = false;   // a minimal vocabulary, so llama.cpp loads the file
    bool header_only = false;  // tensor descriptions without data (the sizes of a real model)
    int n_mtp = 0;             // multi-token-prediction layers after the decoder (nextn_predict_layers)
};

// DeepSeek V2-Lite in miniature: no q LoRA, softmax routing without renormalization, one
// shared expert, one leading dense layer, YaRN (factor 4 over 8 positions, V2-Lite's
// yarn_log_multiplier 0.0707).
TinyDeepSeek2 tiny_deepseek2_lite();
// DeepSeek V3 in miniature: q LoRA, sigmoid routing with a selection bias, 16 experts in 4
// groups of which the best 2 compete for 4 slots, renormalized and scaled by 2.5.
TinyDeepSeek2 tiny_deepseek3();

// The published configurations, as header-only files would carry them.
TinyDeepSeek2 deepseek_v2_lite_config();
TinyDeepSeek2 deepseek_v3_config();

bool write_tiny_deepseek2(const TinyDeepSeek2& spec, const std::string& path);

} // namespace conclave::test
