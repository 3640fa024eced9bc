// Writes a synthetic deepseek4 model with random weights in DeepSeek V4-Flash's real head
// layout and expert shape (n_embd 4096, 64 query heads of 512 on one K=V head, q LoRA 1024,
// 8 output groups of LoRA 1024, window 128, an indexer of 64 heads of 128 keeping 512 blocks,
// four hyper-connection streams, experts of 2048 with 6 used and 1 shared) with fewer layers
// and experts, typed as converted files are: routed experts MXFP4, the other matrices Q8_0,
// norms, router, hyper-connection weights and score biases F32, the token-to-expert table
// I32. The vocabulary is copied from another GGUF (e.g. SmolLM2's) so both engines load it.
//
//   make_synthetic_deepseek4 VOCAB_SOURCE.gguf OUT.gguf [LAYERS] [EXPERTS]
//
// Layers (default 4) take compress ratios 0, 4, 128, 4, 128, ... (llama.cpp needs at least
// one of each compressing kind); the first is hash-routed. Experts default to 32.

#include "gguf/gguf_file.h"
#include "gguf/gguf_writer.h"
#include "quant/tensor_types.h"
#include "random_tensor.h"

#include <cstdio>
#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>
#include <vector>

using namespace conclave;
using quant::TensorType;

namespace {

constexpr int n_embd = 4096, n_head = 64, head_dim = 512, n_rot = 64, q_lora = 1024, o_groups = 8, o_lora = 1024;
constexpr int window = 128, idx_heads = 64, idx_dim = 128, idx_top_k = 512, hc = 4, n_used = 6, n_ff_exp = 2048;

// The I32 token-to-expert table of a hash-routed layer: n_used distinct experts per token.
std::vector<unsigned char> hash_table(std::uint64_t n_vocab, int n_expert, std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    std::vector<std::int32_t> ids;
    ids.reserve(n_vocab * n_used);
    for (std::uint64_t t = 0; t < n_vocab; ++t) {
        std::vector<std::int32_t> all(static_cast<std::size_t>(n_expert));
        for (int e = 0; e < n_expert; ++e) all[static_cast<std::size_t>(e)] = e;
        std::shuffle(all.begin(), all.end(), rng);
        ids.insert(ids.end(), all.begin(), all.begin() + n_used);
    }
    std::vector<unsigned char> bytes(ids.size() * sizeof(std::int32_t));
    std::memcpy(bytes.data(), ids.data(), bytes.size());
    return bytes;
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 3 || argc > 5) {
        std::fprintf(stderr, "usage: make_synthetic_deepseek4 VOCAB_SOURCE.gguf OUT.gguf [LAYERS] [EXPERTS]\n");
        return 2;
    }
    const int n_layer = argc > 3 ? std::atoi(argv[3]) : 4;
    const int n_expert = argc > 4 ? std::atoi(argv[4]) : 32;
    if (n_layer < 3 || n_expert < n_used) {
        std::fprintf(stderr, "make_synthetic_deepseek4: at least 3 layers and %d experts\n", n_used);
        return 2;
    }
    auto source = gguf::GgufFile::open(argv[1], {.allow_missing_data = true});
    if (!source) {
        std::fprintf(stderr, "make_synthetic_deepseek4: %s\n", source.error().message.c_str());
        return 1;
    }
    std::vector<std::int32_t> ratios(static_cast<std::size_t>(n_layer));
    for (int i = 1; i < n_layer; ++i) ratios[static_cast<std::size_t>(i)] = i % 2 == 1 ? 4 : 128;

    gguf::GgufWriter w;
    using gguf::OwnedValue;
    const std::string a = "deepseek4";
    const auto u32 = [](int v) { return OwnedValue::u32(static_cast<std::uint32_t>(v)); };
    w.set("general.architecture", OwnedValue::string(a));
    w.set("general.name", OwnedValue::string("Synthetic DeepSeek V4-Flash shape (random weights)"));
    w.set(a + ".block_count", u32(n_layer));
    w.set(a + ".context_length", u32(1048576));
    w.set(a + ".embedding_length", u32(n_embd));
    w.set(a + ".attention.head_count", u32(n_head));
    w.set(a + ".attention.head_count_kv", u32(1));
    w.set(a + ".attention.key_length", u32(head_dim));
    w.set(a + ".attention.value_length", u32(head_dim));
    w.set(a + ".rope.dimension_count", u32(n_rot));
    w.set(a + ".rope.freq_base", OwnedValue::f32(10000.0f));
    w.set(a + ".attention.compress_rope_freq_base", OwnedValue::f32(160000.0f));
    w.set(a + ".rope.scaling.type", OwnedValue::string("yarn"));
    w.set(a + ".rope.scaling.factor", OwnedValue::f32(16.0f));
    w.set(a + ".rope.scaling.original_context_length", u32(65536));
    w.set(a + ".attention.layer_norm_rms_epsilon", OwnedValue::f32(1e-6f));
    w.set(a + ".attention.q_lora_rank", u32(q_lora));
    w.set(a + ".attention.sliding_window", u32(window));
    w.set(a + ".attention.compress_ratios", OwnedValue::i32_array(ratios));
    w.set(a + ".attention.output_group_count", u32(o_groups));
    w.set(a + ".attention.output_lora_rank", u32(o_lora));
    w.set(a + ".attention.indexer.head_count", u32(idx_heads));
    w.set(a + ".attention.indexer.key_length", u32(idx_dim));
    w.set(a + ".attention.indexer.top_k", u32(idx_top_k));
    w.set(a + ".hyper_connection.count", u32(hc));
    w.set(a + ".hyper_connection.sinkhorn_iterations", u32(20));
    w.set(a + ".hyper_connection.epsilon", OwnedValue::f32(1e-6f));
    w.set(a + ".hash_layer_count", u32(1));
    w.set(a + ".expert_count", u32(n_expert));
    w.set(a + ".expert_used_count", u32(n_used));
    w.set(a + ".expert_feed_forward_length", u32(n_ff_exp));
    w.set(a + ".expert_shared_count", u32(1));
    w.set(a + ".expert_weights_scale", OwnedValue::f32(1.5f));
    w.set(a + ".expert_weights_norm", OwnedValue::boolean(true));
    w.set(a + ".expert_gating_func", u32(4));
    w.set(a + ".swiglu_clamp_exp", OwnedValue::f32(10.0f));
    w.set(a + ".swiglu_clamp_shexp", OwnedValue::f32(10.0f));
    const std::uint64_t n_vocab = bench::copy_vocabulary(**source, w);
    if (n_vocab == 0) {
        std::fprintf(stderr, "make_synthetic_deepseek4: %s has no vocabulary\n", argv[1]);
        return 1;
    }
    std::uint64_t seed = 1;
    bool ok = true;
    const auto add = [&](const std::string& name, std::vector<std::uint64_t> shape, TensorType type, float scale) {
        ok = bench::add_random_tensor(w, name, std::move(shape), type, scale, seed) && ok;
    };
    using U = std::uint64_t;
    const U e = n_embd, hd = head_dim, x = static_cast<U>(n_expert), f = n_ff_exp, mix = (2 + hc) * hc;
    const U gd = U{n_head} * hd / o_groups;
    add("token_embd.weight", {e, n_vocab}, TensorType::Q8_0, 1.0f);
    add("output_hc_fn.weight", {hc * e, hc}, TensorType::F32, 0.05f);
    add("output_hc_base.weight", {hc}, TensorType::F32, 0.5f);
    add("output_hc_scale.weight", {1}, TensorType::F32, 0.5f);
    add("output_norm.weight", {e}, TensorType::F32, 0.1f);
    add("output.weight", {e, n_vocab}, TensorType::Q8_0, 0.05f);
    for (int i = 0; i < n_layer; ++i) {
        const std::string p = "blk." + std::to_string(i) + ".";
        const int ratio = ratios[static_cast<std::size_t>(i)];
        for (const char* sub : {"attn", "ffn"}) {
            add(p + "hc_" + sub + "_fn.weight", {hc * e, mix}, TensorType::F32, 0.05f);
            add(p + "hc_" + sub + "_base.weight", {mix}, TensorType::F32, 0.5f);
            add(p + "hc_" + sub + "_scale.weight", {3}, TensorType::F32, 0.5f);
        }
        add(p + "attn_norm.weight", {e}, TensorType::F32, 0.1f);
        add(p + "attn_q_a.weight", {e, U{q_lora}}, TensorType::Q8_0, 0.05f);
        add(p + "attn_q_a_norm.weight", {U{q_lora}}, TensorType::F32, 0.1f);
        add(p + "attn_q_b.weight", {U{q_lora}, U{n_head} * hd}, TensorType::Q8_0, 0.05f);
        add(p + "attn_kv.weight", {e, hd}, TensorType::Q8_0, 0.05f);
        add(p + "attn_kv_a_norm.weight", {hd}, TensorType::F32, 0.1f);
        add(p + "attn_sinks.weight", {U{n_head}}, TensorType::F32, 1.0f);
        add(p + "attn_output_a.weight", {gd, U{o_groups} * o_lora}, TensorType::Q8_0, 0.02f);
        add(p + "attn_output_b.weight", {U{o_groups} * o_lora, e}, TensorType::Q8_0, 0.02f);
        if (ratio > 0) {
            const U c = ratio == 4 ? 2 : 1;
            add(p + "attn_compressor_kv.weight", {e, c * hd}, TensorType::Q8_0, 0.05f);
            add(p + "attn_compressor_gate.weight", {e, c * hd}, TensorType::Q8_0, 0.05f);
            add(p + "attn_compressor_ape.weight", {c * hd, U(ratio)}, TensorType::F32, 0.5f);
            add(p + "attn_compressor_norm.weight", {hd}, TensorType::F32, 0.1f);
        }
        if (ratio == 4) {
            add(p + "indexer.attn_q_b.weight", {U{q_lora}, U{idx_heads} * idx_dim}, TensorType::Q8_0, 0.05f);
            add(p + "indexer.proj.weight", {e, U{idx_heads}}, TensorType::Q8_0, 0.05f);
            add(p + "indexer_compressor_kv.weight", {e, 2 * U{idx_dim}}, TensorType::Q8_0, 0.05f);
            add(p + "indexer_compressor_gate.weight", {e, 2 * U{idx_dim}}, TensorType::Q8_0, 0.05f);
            add(p + "indexer_compressor_ape.weight", {2 * U{idx_dim}, 4}, TensorType::F32, 0.5f);
            add(p + "indexer_compressor_norm.weight", {U{idx_dim}}, TensorType::F32, 0.1f);
        }
        add(p + "ffn_norm.weight", {e}, TensorType::F32, 0.1f);
        add(p + "ffn_gate_inp.weight", {e, x}, TensorType::F32, 0.05f);
        if (i == 0)
            ok = w.add_tensor(p + "ffn_gate_tid2eid.weight", {U{n_used}, n_vocab}, TensorType::I32,
                              hash_table(n_vocab, n_expert, seed++))
                     .ok() &&
                 ok;
        else
            add(p + "exp_probs_b.bias", {x}, TensorType::F32, 0.05f);
        add(p + "ffn_gate_exps.weight", {e, f, x}, TensorType::MXFP4, 0.05f);
        add(p + "ffn_up_exps.weight", {e, f, x}, TensorType::MXFP4, 0.05f);
        add(p + "ffn_down_exps.weight", {f, e, x}, TensorType::MXFP4, 0.05f);
        add(p + "ffn_gate_shexp.weight", {e, f}, TensorType::Q8_0, 0.05f);
        add(p + "ffn_up_shexp.weight", {e, f}, TensorType::Q8_0, 0.05f);
        add(p + "ffn_down_shexp.weight", {f, e}, TensorType::Q8_0, 0.05f);
        std::fprintf(stderr, "\rlayer %d/%d", i + 1, n_layer);
    }
    std::fprintf(stderr, "\n");
    if (!ok) {
        std::fprintf(stderr, "make_synthetic_deepseek4: a tensor could not be built\n");
        return 1;
    }
    if (Result<void> written = w.write(argv[2]); !written) {
        std::fprintf(stderr, "make_synthetic_deepseek4: %s\n", written.error().message.c_str());
        return 1;
    }
    return 0;
}
