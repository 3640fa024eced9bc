// Writes a synthetic Mixture-of-Experts model in the Qwen3-MoE layout with random weights,
// quantized like a Q4_K_M file (Q4_K, with Q6_K for the output, and for attn_v and the
// expert down projections in the first and last eighth of the layers and every third layer
// between), for benchmarks against llama.cpp on a MoE file of realistic shape. The
// vocabulary is copied from another GGUF (e.g. SmolLM2's), so both engines can load it.
//
//   make_synthetic_moe VOCAB_SOURCE.gguf OUT.gguf
//
// Shape: 24 layers, n_embd 1024, 16 query heads of 128 / 4 KV heads, 64 experts of 512
// with 8 used: about 2.6 B parameters in total, 0.45 B active per token.

#include "gguf/gguf_file.h"
#include "gguf/gguf_writer.h"
#include "quant/quantize.h"
#include "quant/tensor_types.h"
#include "random_tensor.h"

#include <cstdio>
#include <cstring>
#include <random>
#include <string>
#include <vector>

using namespace conclave;
using quant::TensorType;
using bench::random_tensor;

namespace {

constexpr int n_layer = 24, n_embd = 1024, n_head = 16, n_head_kv = 4, head_dim = 128;
constexpr int n_expert = 64, n_expert_used = 8, n_ff_exp = 512;


bool sensitive_layer(int i) {
    return i < n_layer / 8 || i >= n_layer * 7 / 8 || (i - n_layer / 8) % 3 == 2;
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: make_synthetic_moe VOCAB_SOURCE.gguf OUT.gguf\n");
        return 2;
    }
    auto source = gguf::GgufFile::open(argv[1], {.allow_missing_data = true});
    if (!source) {
        std::fprintf(stderr, "make_synthetic_moe: %s\n", source.error().message.c_str());
        return 1;
    }
    gguf::GgufWriter w;
    using gguf::OwnedValue;
    const std::string a = "qwen3moe";
    w.set("general.architecture", OwnedValue::string(a));
    w.set("general.name", OwnedValue::string("Synthetic Qwen3-MoE 2.6B-A0.45B Q4_K_M (random weights)"));
    w.set("general.file_type", OwnedValue::u32(15)); // Q4_K_M
    w.set(a + ".block_count", OwnedValue::u32(n_layer));
    w.set(a + ".context_length", OwnedValue::u32(32768));
    w.set(a + ".embedding_length", OwnedValue::u32(n_embd));
    w.set(a + ".feed_forward_length", OwnedValue::u32(4 * n_embd));
    w.set(a + ".attention.head_count", OwnedValue::u32(n_head));
    w.set(a + ".attention.head_count_kv", OwnedValue::u32(n_head_kv));
    w.set(a + ".attention.key_length", OwnedValue::u32(head_dim));
    w.set(a + ".attention.value_length", OwnedValue::u32(head_dim));
    w.set(a + ".rope.freq_base", OwnedValue::f32(1000000.0f));
    w.set(a + ".attention.layer_norm_rms_epsilon", OwnedValue::f32(1e-6f));
    w.set(a + ".expert_count", OwnedValue::u32(n_expert));
    w.set(a + ".expert_used_count", OwnedValue::u32(n_expert_used));
    w.set(a + ".expert_feed_forward_length", OwnedValue::u32(n_ff_exp));
    const std::uint64_t n_vocab = bench::copy_vocabulary(**source, w);
    if (n_vocab == 0) {
        std::fprintf(stderr, "make_synthetic_moe: %s has no vocabulary\n", argv[1]);
        return 1;
    }
    const std::int64_t e = n_embd, q = std::int64_t{n_head} * head_dim, kv = std::int64_t{n_head_kv} * head_dim;
    std::uint64_t seed = 1;
    bool ok = true;
    const auto add = [&](const std::string& name, std::vector<std::uint64_t> shape, TensorType type, float scale) {
        std::uint64_t rows = 1;
        for (std::size_t d = 1; d < shape.size(); ++d) rows *= shape[d];
        std::vector<unsigned char> data;
        if (type == TensorType::F32) { // norms near 1, router logits small
            std::vector<float> values(shape[0] * rows);
            std::mt19937 rng(static_cast<unsigned>(seed));
            std::uniform_real_distribution<float> dist(-scale, scale);
            for (float& v : values) v = (name.find("norm") != std::string::npos ? 1.0f : 0.0f) + dist(rng);
            data.resize(values.size() * 4);
            std::memcpy(data.data(), values.data(), data.size());
        } else {
            data = random_tensor(type, static_cast<std::int64_t>(shape[0]), static_cast<std::int64_t>(rows), scale, 0.0f, seed);
        }
        ++seed;
        ok = ok && w.add_tensor(name, std::move(shape), type, std::move(data)).ok();
    };
    const auto nv = static_cast<std::uint64_t>(n_vocab);
    add("token_embd.weight", {static_cast<std::uint64_t>(e), nv}, TensorType::Q4_K, 1.0f);
    add("output_norm.weight", {static_cast<std::uint64_t>(e)}, TensorType::F32, 0.1f);
    add("output.weight", {static_cast<std::uint64_t>(e), nv}, TensorType::Q6_K, 0.05f);
    const auto u = [](std::int64_t v) { return static_cast<std::uint64_t>(v); };
    for (int i = 0; i < n_layer; ++i) {
        const std::string p = "blk." + std::to_string(i) + ".";
        const TensorType mixed = sensitive_layer(i) ? TensorType::Q6_K : TensorType::Q4_K;
        add(p + "attn_norm.weight", {u(e)}, TensorType::F32, 0.1f);
        add(p + "attn_q.weight", {u(e), u(q)}, TensorType::Q4_K, 0.05f);
        add(p + "attn_k.weight", {u(e), u(kv)}, TensorType::Q4_K, 0.05f);
        add(p + "attn_v.weight", {u(e), u(kv)}, mixed, 0.05f);
        add(p + "attn_output.weight", {u(q), u(e)}, TensorType::Q4_K, 0.05f);
        add(p + "attn_q_norm.weight", {u(head_dim)}, TensorType::F32, 0.1f);
        add(p + "attn_k_norm.weight", {u(head_dim)}, TensorType::F32, 0.1f);
        add(p + "ffn_norm.weight", {u(e)}, TensorType::F32, 0.1f);
        add(p + "ffn_gate_inp.weight", {u(e), u(n_expert)}, TensorType::F32, 0.05f);
        add(p + "ffn_gate_exps.weight", {u(e), u(n_ff_exp), u(n_expert)}, TensorType::Q4_K, 0.05f);
        add(p + "ffn_up_exps.weight", {u(e), u(n_ff_exp), u(n_expert)}, TensorType::Q4_K, 0.05f);
        add(p + "ffn_down_exps.weight", {u(n_ff_exp), u(e), u(n_expert)}, mixed, 0.05f);
        std::fprintf(stderr, "\rlayer %d/%d", i + 1, n_layer);
    }
    std::fprintf(stderr, "\n");
    if (!ok) {
        std::fprintf(stderr, "make_synthetic_moe: a tensor could not be built\n");
        return 1;
    }
    if (Result<void> written = w.write(argv[2]); !written) {
        std::fprintf(stderr, "make_synthetic_moe: %s\n", written.error().message.c_str());
        return 1;
    }
    return 0;
}
