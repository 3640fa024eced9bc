#include "tiny_deepseek2.h"

#include "gguf/gguf_writer.h"
#include "tiny_models.h"

namespace conclave::test {

TinyDeepSeek2 tiny_deepseek2_lite() {
    TinyDeepSeek2 spec;
    spec.yarn_factor = 4.0f;
    spec.yarn_log_multiplier = 0.0707f;
    return spec;
}

TinyDeepSeek2 tiny_deepseek3() {
    TinyDeepSeek2 spec;
    spec.q_lora_rank = 32;
    spec.n_expert = 16;
    spec.n_expert_used = 4;
    spec.gating = 2;
    spec.probs_bias = true;
    spec.n_group = 4;
    spec.n_group_used = 2;
    spec.weights_norm = true;
    spec.weights_scale = 2.5f;
    spec.yarn_factor = 4.0f;
    spec.yarn_log_multiplier = 0.1f;
    return spec;
}

TinyDeepSeek2 deepseek_v2_lite_config() {
    TinyDeepSeek2 spec;
    spec.n_vocab = 102400;
    spec.n_embd = 2048;
    spec.n_head = 16;
    spec.n_layer = 27;
    spec.n_dense_lead = 1;
    spec.n_ff = 10944;
    spec.kv_lora_rank = 512;
    spec.qk_nope = 128;
    spec.qk_rope = 64;
    spec.v_head = 128;
    spec.n_expert = 64;
    spec.n_expert_used = 6;
    spec.n_expert_shared = 2;
    spec.n_ff_exp = 1408;
    spec.yarn_factor = 40.0f;
    spec.yarn_original_ctx = 4096;
    spec.yarn_log_multiplier = 0.0707f;
    spec.n_ctx = 163840;
    spec.header_only = true;
    return spec;
}

TinyDeepSeek2 deepseek_v3_config() {
    TinyDeepSeek2 spec = deepseek_v2_lite_config();
    spec.n_vocab = 129280;
    spec.n_embd = 7168;
    spec.n_head = 128;
    spec.n_layer = 61;
    spec.n_dense_lead = 3;
    spec.n_ff = 18432;
    spec.q_lora_rank = 1536;
    spec.n_expert = 256;
    spec.n_expert_used = 8;
    spec.n_expert_shared = 1;
    spec.n_ff_exp = 2048;
    spec.gating = 2;
    spec.probs_bias = true;
    spec.n_group = 8;
    spec.n_group_used = 4;
    spec.weights_norm = true;
    spec.weights_scale = 2.5f;
    spec.yarn_log_multiplier = 0.1f;
    return spec;
}

bool write_tiny_deepseek2(const TinyDeepSeek2& s, const std::string& path) {
    using gguf::OwnedValue;
    gguf::GgufWriter w;
    const std::string a = "deepseek2";
    const auto u32 = [](int v) { return OwnedValue::u32(static_cast<std::uint32_t>(v)); };
    w.set("general.architecture", OwnedValue::string(a));
    w.set("general.name", OwnedValue::string("tiny-deepseek2"));
    w.set(a + ".block_count", u32(s.n_layer + s.n_mtp));
    if (s.n_mtp > 0) w.set(a + ".nextn_predict_layers", u32(s.n_mtp));
    w.set(a + ".context_length", u32(s.n_ctx));
    w.set(a + ".embedding_length", u32(s.n_embd));
    w.set(a + ".feed_forward_length", u32(s.n_ff));
    w.set(a + ".attention.head_count", u32(s.n_head));
    w.set(a + ".attention.head_count_kv", u32(1));
    w.set(a + ".attention.key_length", u32(s.kv_lora_rank + s.qk_rope));
    w.set(a + ".attention.value_length", u32(s.kv_lora_rank));
    w.set(a + ".attention.key_length_mla", u32(s.qk_nope + s.qk_rope));
    w.set(a + ".attention.value_length_mla", u32(s.v_head));
    w.set(a + ".attention.q_lora_rank", u32(s.q_lora_rank));
    w.set(a + ".attention.kv_lora_rank", u32(s.kv_lora_rank));
    w.set(a + ".attention.layer_norm_rms_epsilon", OwnedValue::f32(1e-6f));
    w.set(a + ".rope.dimension_count", u32(s.qk_rope));
    w.set(a + ".rope.freq_base", OwnedValue::f32(10000.0f));
    w.set(a + ".leading_dense_block_count", u32(s.n_dense_lead));
    w.set(a + ".expert_count", u32(s.n_expert));
    w.set(a + ".expert_used_count", u32(s.n_expert_used));
    w.set(a + ".expert_shared_count", u32(s.n_expert_shared));
    w.set(a + ".expert_feed_forward_length", u32(s.n_ff_exp));
    w.set(a + ".expert_weights_scale", OwnedValue::f32(s.weights_scale));
    w.set(a + ".expert_weights_norm", OwnedValue::boolean(s.weights_norm));
    w.set(a + ".expert_gating_func", u32(s.gating));
    if (s.n_group > 1) {
        w.set(a + ".expert_group_count", u32(s.n_group));
        w.set(a + ".expert_group_used_count", u32(s.n_group_used));
    }
    if (s.yarn_factor > 0.0f) {
        w.set(a + ".rope.scaling.type", OwnedValue::string("yarn"));
        w.set(a + ".rope.scaling.factor", OwnedValue::f32(s.yarn_factor));
        w.set(a + ".rope.scaling.original_context_length", u32(s.yarn_original_ctx));
        w.set(a + ".rope.scaling.yarn_log_multiplier", OwnedValue::f32(s.yarn_log_multiplier));
    }
    if (s.with_vocab) write_minimal_vocab(w, s.n_vocab);
    bool ok = true;
    const auto add = [&](const std::string& name, std::vector<std::int64_t> ne, float scale, bool matrix) {
        const bool expert = name.find("_exps.weight") != std::string::npos;
        const quant::TensorType type = !matrix ? quant::TensorType::F32 : expert && s.expert_type ? *s.expert_type : s.matrix_type;
        if (s.header_only) ok = w.add_tensor_header(name, std::vector<std::uint64_t>(ne.begin(), ne.end()), type).ok() && ok;
        else ok = add_seeded_tensor(w, name, ne, scale, type) && ok;
    };
    const std::int64_t e = s.n_embd, h = s.n_head, q_head = s.qk_nope + s.qk_rope;
    add("token_embd.weight", {e, s.n_vocab}, 1.0f, true);
    add("output_norm.weight", {e}, 0.1f, false);
    add("output.weight", {e, s.n_vocab}, 0.2f, true);
    for (int l = 0; l < s.n_layer + s.n_mtp; ++l) {
        const std::string p = "blk." + std::to_string(l) + ".";
        if (l >= s.n_layer) { // an MTP layer: a full layer plus the projection of [embedding, hidden]
            add(p + "nextn.eh_proj.weight", {2 * e, e}, 0.25f, true);
            add(p + "nextn.enorm.weight", {e}, 0.1f, false);
            add(p + "nextn.hnorm.weight", {e}, 0.1f, false);
            add(p + "nextn.shared_head_norm.weight", {e}, 0.1f, false);
        }
        add(p + "attn_norm.weight", {e}, 0.1f, false);
        if (s.q_lora_rank > 0) {
            add(p + "attn_q_a.weight", {e, s.q_lora_rank}, 0.25f, true);
            add(p + "attn_q_a_norm.weight", {s.q_lora_rank}, 0.1f, false);
            add(p + "attn_q_b.weight", {s.q_lora_rank, h * q_head}, 0.25f, true);
        } else {
            add(p + "attn_q.weight", {e, h * q_head}, 0.25f, true);
        }
        add(p + "attn_kv_a_mqa.weight", {e, s.kv_lora_rank + s.qk_rope}, 0.25f, true);
        add(p + "attn_kv_a_norm.weight", {s.kv_lora_rank}, 0.1f, false);
        add(p + "attn_k_b.weight", {s.qk_nope, s.kv_lora_rank, h}, 0.25f, true);
        add(p + "attn_v_b.weight", {s.kv_lora_rank, s.v_head, h}, 0.25f, true);
        add(p + "attn_output.weight", {h * s.v_head, e}, 0.25f, true);
        add(p + "ffn_norm.weight", {e}, 0.1f, false);
        if (l < s.n_dense_lead) {
            add(p + "ffn_gate.weight", {e, s.n_ff}, 0.25f, true);
            add(p + "ffn_up.weight", {e, s.n_ff}, 0.25f, true);
            add(p + "ffn_down.weight", {s.n_ff, e}, 0.2f, true);
            continue;
        }
        add(p + "ffn_gate_inp.weight", {e, s.n_expert}, 0.5f, false);
        // A selection bias as large as the sigmoid scores' range: choices depend on both.
        if (s.probs_bias) add(p + "exp_probs_b.bias", {s.n_expert}, 1.0f, false);
        add(p + "ffn_gate_exps.weight", {e, s.n_ff_exp, s.n_expert}, 0.25f, true);
        add(p + "ffn_up_exps.weight", {e, s.n_ff_exp, s.n_expert}, 0.25f, true);
        add(p + "ffn_down_exps.weight", {s.n_ff_exp, e, s.n_expert}, 0.2f, true);
        if (s.n_expert_shared > 0) {
            const std::int64_t f_sh = std::int64_t{s.n_ff_exp} * s.n_expert_shared;
            add(p + "ffn_gate_shexp.weight", {e, f_sh}, 0.25f, true);
            add(p + "ffn_up_shexp.weight", {e, f_sh}, 0.25f, true);
            add(p + "ffn_down_shexp.weight", {f_sh, e}, 0.2f, true);
        }
    }
    return ok && w.write(path).ok();
}

} // namespace conclave::test
