// Writes a synthetic gpt-oss model with random weights in gpt-oss-20b's real head layout and
// expert shape with fewer layers and experts, quantized as the published MXFP4 files are
// (experts MXFP4, attention and embeddings Q8_0, norms, biases, sinks and router F32), for
// benchmarks against llama.cpp. The vocabulary is copied from another GGUF (e.g. SmolLM2's),
// so both engines can load it.
//
//   make_synthetic_gpt_oss VOCAB_SOURCE.gguf OUT.gguf
//
// Shape: 4 layers (0 and 2 with a 128-position window), n_embd 2880, 64 query heads of 64 /
// 8 KV heads, 16 experts of 2880 with 4 used: 1.98 B parameters with SmolLM2's 49152 tokens,
// 0.79 B per token (1.18 GiB).

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

constexpr int n_layer = 4, n_embd = 2880, n_head = 64, n_head_kv = 8, head_dim = 64;
constexpr int n_expert = 16, n_expert_used = 4, n_ff_exp = 2880;


} // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: make_synthetic_gpt_oss VOCAB_SOURCE.gguf OUT.gguf\n");
        return 2;
    }
    auto source = gguf::GgufFile::open(argv[1], {.allow_missing_data = true});
    if (!source) {
        std::fprintf(stderr, "make_synthetic_gpt_oss: %s\n", source.error().message.c_str());
        return 1;
    }
    gguf::GgufWriter w;
    using gguf::OwnedValue;
    const std::string a = "gpt-oss";
    w.set("general.architecture", OwnedValue::string(a));
    w.set("general.name", OwnedValue::string("Synthetic gpt-oss 4 layers x 16 experts MXFP4 (random weights)"));
    w.set(a + ".block_count", OwnedValue::u32(n_layer));
    w.set(a + ".context_length", OwnedValue::u32(131072));
    w.set(a + ".embedding_length", OwnedValue::u32(n_embd));
    w.set(a + ".feed_forward_length", OwnedValue::u32(n_ff_exp));
    w.set(a + ".expert_feed_forward_length", OwnedValue::u32(n_ff_exp));
    w.set(a + ".attention.head_count", OwnedValue::u32(n_head));
    w.set(a + ".attention.head_count_kv", OwnedValue::u32(n_head_kv));
    w.set(a + ".attention.key_length", OwnedValue::u32(head_dim));
    w.set(a + ".attention.value_length", OwnedValue::u32(head_dim));
    w.set(a + ".attention.sliding_window", OwnedValue::u32(128));
    w.set(a + ".attention.layer_norm_rms_epsilon", OwnedValue::f32(1e-5f));
    w.set(a + ".rope.freq_base", OwnedValue::f32(150000.0f));
    w.set(a + ".rope.scaling.type", OwnedValue::string("yarn"));
    w.set(a + ".rope.scaling.factor", OwnedValue::f32(32.0f));
    w.set(a + ".rope.scaling.original_context_length", OwnedValue::u32(4096));
    w.set(a + ".expert_count", OwnedValue::u32(n_expert));
    w.set(a + ".expert_used_count", OwnedValue::u32(n_expert_used));
    const std::uint64_t n_vocab = bench::copy_vocabulary(**source, w);
    if (n_vocab == 0) {
        std::fprintf(stderr, "make_synthetic_gpt_oss: %s has no vocabulary\n", argv[1]);
        return 1;
    }
    std::uint64_t seed = 1;
    bool ok = true;
    const auto add = [&](const std::string& name, std::vector<std::uint64_t> shape, TensorType type, float scale) {
        ok = bench::add_random_tensor(w, name, std::move(shape), type, scale, seed) && ok;
    };
    const std::uint64_t e = n_embd, q = std::uint64_t{n_head} * head_dim, kv = std::uint64_t{n_head_kv} * head_dim;
    const std::uint64_t x = n_expert, f = n_ff_exp;
    add("token_embd.weight", {e, n_vocab}, TensorType::Q8_0, 1.0f);
    add("output_norm.weight", {e}, TensorType::F32, 0.1f);
    add("output.weight", {e, n_vocab}, TensorType::Q8_0, 0.05f);
    for (int i = 0; i < n_layer; ++i) {
        const std::string p = "blk." + std::to_string(i) + ".";
        add(p + "attn_norm.weight", {e}, TensorType::F32, 0.1f);
        add(p + "attn_q.weight", {e, q}, TensorType::Q8_0, 0.05f);
        add(p + "attn_q.bias", {q}, TensorType::F32, 0.05f);
        add(p + "attn_k.weight", {e, kv}, TensorType::Q8_0, 0.05f);
        add(p + "attn_k.bias", {kv}, TensorType::F32, 0.05f);
        add(p + "attn_v.weight", {e, kv}, TensorType::Q8_0, 0.05f);
        add(p + "attn_v.bias", {kv}, TensorType::F32, 0.05f);
        add(p + "attn_output.weight", {q, e}, TensorType::Q8_0, 0.05f);
        add(p + "attn_output.bias", {e}, TensorType::F32, 0.05f);
        add(p + "attn_sinks.weight", {std::uint64_t{n_head}}, TensorType::F32, 1.0f);
        add(p + "post_attention_norm.weight", {e}, TensorType::F32, 0.1f);
        add(p + "ffn_gate_inp.weight", {e, x}, TensorType::F32, 0.05f);
        add(p + "ffn_gate_inp.bias", {x}, TensorType::F32, 0.05f);
        add(p + "ffn_gate_exps.weight", {e, f, x}, TensorType::MXFP4, 0.05f);
        add(p + "ffn_gate_exps.bias", {f, x}, TensorType::F32, 0.05f);
        add(p + "ffn_up_exps.weight", {e, f, x}, TensorType::MXFP4, 0.05f);
        add(p + "ffn_up_exps.bias", {f, x}, TensorType::F32, 0.05f);
        add(p + "ffn_down_exps.weight", {f, e, x}, TensorType::MXFP4, 0.05f);
        add(p + "ffn_down_exps.bias", {e, x}, TensorType::F32, 0.05f);
        std::fprintf(stderr, "\rlayer %d/%d", i + 1, n_layer);
    }
    std::fprintf(stderr, "\n");
    if (!ok) {
        std::fprintf(stderr, "make_synthetic_gpt_oss: a tensor could not be built\n");
        return 1;
    }
    if (Result<void> written = w.write(argv[2]); !written) {
        std::fprintf(stderr, "make_synthetic_gpt_oss: %s\n", written.error().message.c_str());
        return 1;
    }
    return 0;
}
