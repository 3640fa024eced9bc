// Writes a synthetic deepseek2 model with random weights in a real DeepSeek head layout and
// expert shape with fewer layers (and, for V3, fewer experts), quantized as Q4_K_M files
// are (expert and FFN gate/up Q4_K, down projections Q6_K where their width allows and Q8_0
// where it does not, attention Q8_0, norms, router and selection bias F32), for benchmarks
// against llama.cpp. The vocabulary is copied from another GGUF (e.g. SmolLM2's), so both
// engines can load it.
//
//   make_synthetic_deepseek2 v2-lite|v3 VOCAB_SOURCE.gguf OUT.gguf
//
// v2-lite: DeepSeek V2-Lite's layout (n_embd 2048, 16 heads, no q LoRA, latent 512 + 64,
//          64 experts of 1408 with 6 used and 2 shared, softmax routing), 4 layers (1 dense):
//          2.03 B parameters with SmolLM2's 49152 tokens.
// v3:      DeepSeek V3's attention and expert shape (n_embd 7168, 128 heads, q LoRA 1536,
//          latent 512 + 64, experts of 2048, 8 used of 32 in 8 groups with 4 chosen, 1
//          shared, sigmoid routing with a selection bias), 3 layers (1 dense).

#include "gguf/gguf_file.h"
#include "gguf/gguf_writer.h"
#include "quant/tensor_types.h"
#include "random_tensor.h"

#include <cstdio>
#include <string>
#include <vector>

using namespace conclave;
using quant::TensorType;

namespace {

struct Shape {
    int n_layer, n_dense, n_embd, n_head, q_lora, n_ff, n_expert, n_used, n_shared, n_ff_exp, gating, n_group, n_group_used;
    bool probs_bias, norm;
    float scale;
};

constexpr Shape v2_lite{4, 1, 2048, 16, 0, 10944, 64, 6, 2, 1408, 1, 1, 1, false, false, 1.0f};
constexpr Shape v3{3, 1, 7168, 128, 1536, 18432, 32, 8, 1, 2048, 2, 8, 4, true, true, 2.5f};
constexpr int kv_lora = 512, qk_nope = 128, qk_rope = 64, v_head = 128;

// Q6_K needs rows of whole 256-value blocks; narrower multiples of 32 take Q8_0.
TensorType down_type(std::uint64_t row) { return row % 256 == 0 ? TensorType::Q6_K : TensorType::Q8_0; }

} // namespace

int main(int argc, char** argv) {
    if (argc != 4 || (std::string(argv[1]) != "v2-lite" && std::string(argv[1]) != "v3")) {
        std::fprintf(stderr, "usage: make_synthetic_deepseek2 v2-lite|v3 VOCAB_SOURCE.gguf OUT.gguf\n");
        return 2;
    }
    const Shape& s = std::string(argv[1]) == "v3" ? v3 : v2_lite;
    auto source = gguf::GgufFile::open(argv[2], {.allow_missing_data = true});
    if (!source) {
        std::fprintf(stderr, "make_synthetic_deepseek2: %s\n", source.error().message.c_str());
        return 1;
    }
    gguf::GgufWriter w;
    using gguf::OwnedValue;
    const std::string a = "deepseek2";
    const auto u32 = [](int v) { return OwnedValue::u32(static_cast<std::uint32_t>(v)); };
    w.set("general.architecture", OwnedValue::string(a));
    w.set("general.name", OwnedValue::string(std::string("Synthetic DeepSeek ") + argv[1] + " (random weights)"));
    w.set(a + ".block_count", u32(s.n_layer));
    w.set(a + ".context_length", u32(163840));
    w.set(a + ".embedding_length", u32(s.n_embd));
    w.set(a + ".feed_forward_length", u32(s.n_ff));
    w.set(a + ".attention.head_count", u32(s.n_head));
    w.set(a + ".attention.head_count_kv", u32(1));
    w.set(a + ".attention.key_length", u32(kv_lora + qk_rope));
    w.set(a + ".attention.value_length", u32(kv_lora));
    w.set(a + ".attention.key_length_mla", u32(qk_nope + qk_rope));
    w.set(a + ".attention.value_length_mla", u32(v_head));
    w.set(a + ".attention.q_lora_rank", u32(s.q_lora));
    w.set(a + ".attention.kv_lora_rank", u32(kv_lora));
    w.set(a + ".attention.layer_norm_rms_epsilon", OwnedValue::f32(1e-6f));
    w.set(a + ".rope.dimension_count", u32(qk_rope));
    w.set(a + ".rope.freq_base", OwnedValue::f32(10000.0f));
    w.set(a + ".rope.scaling.type", OwnedValue::string("yarn"));
    w.set(a + ".rope.scaling.factor", OwnedValue::f32(40.0f));
    w.set(a + ".rope.scaling.original_context_length", u32(4096));
    w.set(a + ".rope.scaling.yarn_log_multiplier", OwnedValue::f32(0.1f));
    w.set(a + ".leading_dense_block_count", u32(s.n_dense));
    w.set(a + ".expert_count", u32(s.n_expert));
    w.set(a + ".expert_used_count", u32(s.n_used));
    w.set(a + ".expert_shared_count", u32(s.n_shared));
    w.set(a + ".expert_feed_forward_length", u32(s.n_ff_exp));
    w.set(a + ".expert_weights_scale", OwnedValue::f32(s.scale));
    w.set(a + ".expert_weights_norm", OwnedValue::boolean(s.norm));
    w.set(a + ".expert_gating_func", u32(s.gating));
    w.set(a + ".expert_group_count", u32(s.n_group));
    w.set(a + ".expert_group_used_count", u32(s.n_group_used));
    const std::uint64_t n_vocab = bench::copy_vocabulary(**source, w);
    if (n_vocab == 0) {
        std::fprintf(stderr, "make_synthetic_deepseek2: %s has no vocabulary\n", argv[2]);
        return 1;
    }
    std::uint64_t seed = 1;
    bool ok = true;
    const auto add = [&](const std::string& name, std::vector<std::uint64_t> shape, TensorType type, float scale) {
        ok = bench::add_random_tensor(w, name, std::move(shape), type, scale, seed) && ok;
    };
    const std::uint64_t e = static_cast<std::uint64_t>(s.n_embd), h = static_cast<std::uint64_t>(s.n_head);
    const std::uint64_t x = static_cast<std::uint64_t>(s.n_expert), f = static_cast<std::uint64_t>(s.n_ff_exp);
    const std::uint64_t f_sh = f * static_cast<std::uint64_t>(s.n_shared), q_head = qk_nope + qk_rope;
    add("token_embd.weight", {e, n_vocab}, TensorType::Q8_0, 1.0f);
    add("output_norm.weight", {e}, TensorType::F32, 0.1f);
    add("output.weight", {e, n_vocab}, TensorType::Q6_K, 0.05f);
    for (int i = 0; i < s.n_layer; ++i) {
        const std::string p = "blk." + std::to_string(i) + ".";
        add(p + "attn_norm.weight", {e}, TensorType::F32, 0.1f);
        if (s.q_lora > 0) {
            add(p + "attn_q_a.weight", {e, static_cast<std::uint64_t>(s.q_lora)}, TensorType::Q8_0, 0.05f);
            add(p + "attn_q_a_norm.weight", {static_cast<std::uint64_t>(s.q_lora)}, TensorType::F32, 0.1f);
            add(p + "attn_q_b.weight", {static_cast<std::uint64_t>(s.q_lora), h * q_head}, TensorType::Q8_0, 0.05f);
        } else {
            add(p + "attn_q.weight", {e, h * q_head}, TensorType::Q8_0, 0.05f);
        }
        add(p + "attn_kv_a_mqa.weight", {e, kv_lora + qk_rope}, TensorType::Q8_0, 0.05f);
        add(p + "attn_kv_a_norm.weight", {kv_lora}, TensorType::F32, 0.1f);
        add(p + "attn_k_b.weight", {qk_nope, kv_lora, h}, TensorType::Q8_0, 0.05f);
        add(p + "attn_v_b.weight", {kv_lora, v_head, h}, TensorType::Q8_0, 0.05f);
        add(p + "attn_output.weight", {h * v_head, e}, TensorType::Q8_0, 0.05f);
        add(p + "ffn_norm.weight", {e}, TensorType::F32, 0.1f);
        if (i < s.n_dense) {
            add(p + "ffn_gate.weight", {e, static_cast<std::uint64_t>(s.n_ff)}, TensorType::Q4_K, 0.05f);
            add(p + "ffn_up.weight", {e, static_cast<std::uint64_t>(s.n_ff)}, TensorType::Q4_K, 0.05f);
            add(p + "ffn_down.weight", {static_cast<std::uint64_t>(s.n_ff), e}, down_type(static_cast<std::uint64_t>(s.n_ff)), 0.05f);
        } else {
            add(p + "ffn_gate_inp.weight", {e, x}, TensorType::F32, 0.05f);
            if (s.probs_bias) add(p + "exp_probs_b.bias", {x}, TensorType::F32, 0.05f);
            add(p + "ffn_gate_exps.weight", {e, f, x}, TensorType::Q4_K, 0.05f);
            add(p + "ffn_up_exps.weight", {e, f, x}, TensorType::Q4_K, 0.05f);
            add(p + "ffn_down_exps.weight", {f, e, x}, down_type(f), 0.05f);
            add(p + "ffn_gate_shexp.weight", {e, f_sh}, TensorType::Q4_K, 0.05f);
            add(p + "ffn_up_shexp.weight", {e, f_sh}, TensorType::Q4_K, 0.05f);
            add(p + "ffn_down_shexp.weight", {f_sh, e}, down_type(f_sh), 0.05f);
        }
        std::fprintf(stderr, "\rlayer %d/%d", i + 1, s.n_layer);
    }
    std::fprintf(stderr, "\n");
    if (!ok) {
        std::fprintf(stderr, "make_synthetic_deepseek2: a tensor could not be built\n");
        return 1;
    }
    if (Result<void> written = w.write(argv[3]); !written) {
        std::fprintf(stderr, "make_synthetic_deepseek2: %s\n", written.error().message.c_str());
        return 1;
    }
    return 0;
}
