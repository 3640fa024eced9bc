#include "tiny_models.h"

#include "quant/quantize.h"
#include "weight_blocks.h"

#include <cstring>
#include <random>

namespace conclave::test {

std::vector<unsigned char> encode_weights(const std::vector<float>& values, std::int64_t row, quant::TensorType type, bool& ok) {
    const std::size_t rows = values.size() / static_cast<std::size_t>(row);
    // Types we only read (IQ4_NL, IQ4_XS, Q2_K, Q3_K): random valid blocks with small scales.
    if (!quant::can_quantize(type)) {
        std::vector<unsigned char> blocks = random_weights(type, row, static_cast<std::int64_t>(rows), static_cast<unsigned>(values.size()));
        ok = ok && !blocks.empty();
        return blocks;
    }
    const quant::TensorTypeInfo& info = quant::tensor_type_info(type);
    const std::size_t row_bytes = static_cast<std::size_t>(row) / info.block_size * info.block_bytes;
    std::vector<unsigned char> out(rows * row_bytes);
    for (std::size_t r = 0; r < rows; ++r) {
        auto written = quant::quantize_row(type, values.data() + r * static_cast<std::size_t>(row), row,
                                           out.data() + r * row_bytes, row_bytes);
        ok = ok && written.ok();
    }
    return out;
}

std::vector<float> seeded_values(const std::string& name, std::size_t n, float scale) {
    std::seed_seq seed(name.begin(), name.end());
    std::mt19937 rng(seed);
    std::uniform_real_distribution<float> dist(-scale, scale);
    std::vector<float> v(n);
    for (float& x : v) x = dist(rng);
    return v;
}

void write_minimal_vocab(gguf::GgufWriter& w, int n_vocab) {
    using gguf::OwnedValue;
    std::vector<std::string> tokens{"<unk>", "<s>", "</s>"};
    while (tokens.size() < static_cast<std::size_t>(n_vocab)) tokens.push_back("t" + std::to_string(tokens.size()));
    const std::vector<float> scores(tokens.size(), 0.0f);
    std::vector<std::int32_t> types(tokens.size(), 1); // normal
    types[0] = 2;                                       // unknown
    types[1] = types[2] = 3;                            // control
    w.set("tokenizer.ggml.model", OwnedValue::string("llama"));
    w.set("tokenizer.ggml.tokens", OwnedValue::string_array(std::move(tokens)));
    w.set("tokenizer.ggml.scores", OwnedValue::f32_array(scores));
    w.set("tokenizer.ggml.token_type", OwnedValue::i32_array(types));
    w.set("tokenizer.ggml.unknown_token_id", OwnedValue::u32(0));
    w.set("tokenizer.ggml.bos_token_id", OwnedValue::u32(1));
    w.set("tokenizer.ggml.eos_token_id", OwnedValue::u32(2));
}

bool add_seeded_tensor(gguf::GgufWriter& w, const std::string& name, const std::vector<std::int64_t>& ne, float scale,
                       quant::TensorType type) {
    std::size_t n = 1;
    for (const std::int64_t d : ne) n *= static_cast<std::size_t>(d);
    std::vector<float> values = seeded_values(name, n, scale);
    if (name.find("norm") != std::string::npos)
        for (float& v : values) v = 1.0f + v; // norms near 1, as trained models have
    bool ok = true;
    std::vector<unsigned char> data = encode_weights(values, ne[0], type, ok);
    return ok && w.add_tensor(name, std::vector<std::uint64_t>(ne.begin(), ne.end()), type, std::move(data)).ok();
}

TinyDecoder tiny_gpt_oss() {
    TinyDecoder spec;
    spec.arch = "gpt-oss";
    spec.n_layer = 4;
    spec.sliding_window = 5;
    spec.head_dim = 32;
    spec.n_expert = 8;
    spec.n_expert_used = 4;
    spec.n_ff_exp = 64;
    spec.yarn_factor = 4.0f;
    spec.yarn_original_ctx = 8;
    return spec;
}

bool write_tiny_decoder(const TinyDecoder& s, const std::string& path) {
    using gguf::OwnedValue;
    gguf::GgufWriter w;
    const std::string a = s.arch;
    w.set("general.architecture", OwnedValue::string(a));
    w.set("general.name", OwnedValue::string("tiny-" + a));
    w.set(a + ".block_count", OwnedValue::u32(static_cast<std::uint32_t>(s.n_layer)));
    w.set(a + ".embedding_length", OwnedValue::u32(static_cast<std::uint32_t>(s.n_embd)));
    w.set(a + ".feed_forward_length", OwnedValue::u32(static_cast<std::uint32_t>(s.n_ff)));
    w.set(a + ".attention.head_count", OwnedValue::u32(static_cast<std::uint32_t>(s.n_head)));
    w.set(a + ".attention.head_count_kv", OwnedValue::u32(static_cast<std::uint32_t>(s.n_head_kv)));
    w.set(a + ".context_length", OwnedValue::u32(static_cast<std::uint32_t>(s.n_ctx)));
    w.set(a + ".rope.freq_base", OwnedValue::f32(s.rope_base));
    w.set(a + ".attention.layer_norm_rms_epsilon", OwnedValue::f32(1e-6f));
    if (s.yarn_factor > 0.0f) {
        w.set(a + ".rope.scaling.type", OwnedValue::string("yarn"));
        w.set(a + ".rope.scaling.factor", OwnedValue::f32(s.yarn_factor));
        w.set(a + ".rope.scaling.original_context_length", OwnedValue::u32(static_cast<std::uint32_t>(s.yarn_original_ctx)));
    }
    const int head_dim = s.head_dim > 0 ? s.head_dim : s.n_embd / s.n_head;
    if (s.sliding_window > 0)
        w.set(a + ".attention.sliding_window", OwnedValue::u32(static_cast<std::uint32_t>(s.sliding_window)));
    if (s.sliding_window > 0 || s.head_dim > 0) {
        w.set(a + ".attention.key_length", OwnedValue::u32(static_cast<std::uint32_t>(head_dim)));
        w.set(a + ".attention.value_length", OwnedValue::u32(static_cast<std::uint32_t>(head_dim)));
    }
    if (s.n_expert > 0) {
        w.set(a + ".expert_count", OwnedValue::u32(static_cast<std::uint32_t>(s.n_expert)));
        w.set(a + ".expert_used_count", OwnedValue::u32(static_cast<std::uint32_t>(s.n_expert_used)));
        w.set(a + ".expert_feed_forward_length", OwnedValue::u32(static_cast<std::uint32_t>(s.n_ff_exp)));
        if (s.expert_weights_scale > 0.0f) w.set(a + ".expert_weights_scale", OwnedValue::f32(s.expert_weights_scale));
    }
    if (s.with_vocab) write_minimal_vocab(w, s.n_vocab);
    bool ok = true;
    const bool gpt_oss = a == "gpt-oss";
    const auto add = [&](const std::string& name, std::vector<std::int64_t> ne, float scale, bool matrix) {
        const bool expert = name.find("_exps.weight") != std::string::npos;
        const quant::TensorType type = !matrix ? quant::TensorType::F32 : expert && s.expert_type ? *s.expert_type : s.matrix_type;
        ok = add_seeded_tensor(w, name, ne, scale, type) && ok;
    };
    const std::int64_t e = s.n_embd, q = std::int64_t{s.n_head} * head_dim, kv = std::int64_t{s.n_head_kv} * head_dim;
    add("token_embd.weight", {e, s.n_vocab}, 1.0f, true);
    add("output_norm.weight", {e}, 0.1f, false);
    if (!s.tied_output) add("output.weight", {e, s.n_vocab}, 0.2f, true);
    if (s.rope_freq_factors) {
        std::vector<float> factors(static_cast<std::size_t>(head_dim / 2));
        for (std::size_t i = 0; i < factors.size(); ++i) factors[i] = 1.0f + static_cast<float>(i % 4);
        std::vector<unsigned char> bytes(factors.size() * 4);
        std::memcpy(bytes.data(), factors.data(), bytes.size());
        ok = ok && w.add_tensor("rope_freqs.weight", {factors.size()}, quant::TensorType::F32, bytes).ok();
    }
    for (int l = 0; l < s.n_layer; ++l) {
        const std::string p = "blk." + std::to_string(l) + ".";
        add(p + "attn_norm.weight", {e}, 0.1f, false);
        add(p + "attn_q.weight", {e, q}, 0.25f, true);
        add(p + "attn_k.weight", {e, kv}, 0.25f, true);
        add(p + "attn_v.weight", {e, kv}, 0.25f, true);
        add(p + "attn_output.weight", {q, e}, 0.25f, true);
        if (a == "qwen2" || a == "qwen2moe" || gpt_oss) {
            add(p + "attn_q.bias", {q}, 0.1f, false);
            add(p + "attn_k.bias", {kv}, 0.1f, false);
            add(p + "attn_v.bias", {kv}, 0.1f, false);
        }
        if (gpt_oss) {
            add(p + "attn_output.bias", {e}, 0.1f, false);
            // Sink logits about as large as the attention scores, so they take a visible
            // share of each head's weight.
            add(p + "attn_sinks.weight", {s.n_head}, 2.0f, false);
        }
        if (a == "qwen3" || a == "qwen3moe" || a == "gemma3") {
            add(p + "attn_q_norm.weight", {head_dim}, 0.1f, false);
            add(p + "attn_k_norm.weight", {head_dim}, 0.1f, false);
        }
        if (a == "olmoe") { // normalized over all heads at once
            add(p + "attn_q_norm.weight", {q}, 0.1f, false);
            add(p + "attn_k_norm.weight", {kv}, 0.1f, false);
        }
        add(p + (gpt_oss ? "post_attention_norm.weight" : "ffn_norm.weight"), {e}, 0.1f, false);
        if (a == "gemma3") {
            add(p + "post_attention_norm.weight", {e}, 0.1f, false);
            add(p + "post_ffw_norm.weight", {e}, 0.1f, false);
        }
        if (s.n_expert > 0) {
            add(p + "ffn_gate_inp.weight", {e, s.n_expert}, 0.5f, false);
            add(p + "ffn_gate_exps.weight", {e, s.n_ff_exp, s.n_expert}, 0.25f, true);
            add(p + "ffn_up_exps.weight", {e, s.n_ff_exp, s.n_expert}, 0.25f, true);
            add(p + "ffn_down_exps.weight", {s.n_ff_exp, e, s.n_expert}, 0.2f, true);
            if (gpt_oss) {
                // Gate biases up to 5 and up biases up to 8 push some values past the SwiGLU
                // clamps (gate above 7, up outside +-7), so both clamps are exercised.
                // Router biases spread over +-16 keep the 4th and 5th largest logits apart by
                // more than the quantized rows' rounding moves them (a flipped choice of an
                // expert with these biases changes the output wholesale), while the tokens'
                // own logits (spread about 2) still change which experts win.
                add(p + "ffn_gate_inp.bias", {s.n_expert}, 16.0f, false);
                add(p + "ffn_gate_exps.bias", {s.n_ff_exp, s.n_expert}, 5.0f, false);
                add(p + "ffn_up_exps.bias", {s.n_ff_exp, s.n_expert}, 8.0f, false);
                add(p + "ffn_down_exps.bias", {e, s.n_expert}, 0.5f, false);
            }
            if (a == "qwen2moe") {
                add(p + "ffn_gate_inp_shexp.weight", {e}, 0.5f, false);
                add(p + "ffn_gate_shexp.weight", {e, s.n_ff_exp}, 0.25f, true);
                add(p + "ffn_up_shexp.weight", {e, s.n_ff_exp}, 0.25f, true);
                add(p + "ffn_down_shexp.weight", {s.n_ff_exp, e}, 0.2f, true);
            }
            continue;
        }
        add(p + "ffn_gate.weight", {e, s.n_ff}, 0.25f, true);
        add(p + "ffn_up.weight", {e, s.n_ff}, 0.25f, true);
        add(p + "ffn_down.weight", {s.n_ff, e}, 0.2f, true);
    }
    return ok && w.write(path).ok();
}

} // namespace conclave::test
