#include "tiny_deepseek4.h"

#include "gguf/gguf_writer.h"
#include "tiny_models.h"

#include <algorithm>
#include <cstring>
#include <numeric>
#include <random>

namespace conclave::test {

TinyDeepSeek4 tiny_deepseek4_window() {
    TinyDeepSeek4 spec;
    spec.compress_ratios = {0, 0, 0};
    spec.hash_layer_count = 1;
    return spec;
}

TinyDeepSeek4 tiny_deepseek4() {
    TinyDeepSeek4 spec;
    spec.compress_ratios = {0, 4, 128, 4};
    spec.hash_layer_count = 2;
    spec.clamp_exp = {1.5f, 2.0f, 1.25f, 1.75f};
    spec.clamp_shexp = {2.0f, 1.5f, 2.5f, 1.25f};
    return spec;
}

TinyDeepSeek4 deepseek_v4_flash_config() {
    TinyDeepSeek4 spec;
    spec.n_vocab = 129280;
    spec.n_embd = 4096;
    spec.n_head = 64;
    spec.head_dim = 512;
    spec.n_rot = 64;
    spec.q_lora_rank = 1024;
    spec.o_groups = 8;
    spec.o_lora_rank = 1024;
    spec.sliding_window = 128;
    // The published config.json: two window-only layers, then ratio 4 on even and ratio 128
    // on odd layers up to the last (42, ratio 4).
    spec.compress_ratios.assign(43, 0);
    for (int l = 2; l < 43; ++l)
        spec.compress_ratios[static_cast<std::size_t>(l)] = l % 2 == 0 ? 4 : 128;
    spec.indexer_n_head = 64;
    spec.indexer_head_dim = 128;
    spec.indexer_top_k = 512;
    spec.hash_layer_count = 3;
    spec.n_expert = 256;
    spec.n_expert_used = 6;
    spec.n_ff_exp = 2048;
    spec.n_expert_shared = 1;
    spec.weights_scale = 1.5f;
    spec.weights_norm = true;
    spec.clamp_exp = {10.0f};
    spec.clamp_shexp = {10.0f};
    spec.yarn_factor = 16.0f;
    spec.compress_rope_freq_base = 160000.0f;
    spec.yarn_original_ctx = 65536;
    spec.n_ctx = 1048576;
    spec.matrix_type = quant::TensorType::Q8_0;
    spec.expert_type = quant::TensorType::MXFP4;
    spec.header_only = true;
    return spec;
}

TinyDeepSeek4 tiny_deepseek4_golden_variant(const std::string& name) {
    const bool window = name.starts_with("window");
    TinyDeepSeek4 spec = window ? tiny_deepseek4_window() : tiny_deepseek4();
    spec.with_vocab = true;
    if (name.ends_with("-mxfp4")) {
        spec.matrix_type = quant::TensorType::Q8_0;
        spec.expert_type = quant::TensorType::MXFP4;
    }
    if (window) {
        // llama.cpp 0.3.36 always creates its ratio-4, ratio-128 and indexer caches and, when
        // one holds no layer, sizes its Hadamard rotation from a head size of 0 (a division
        // by zero). Unused MTP layers with those ratios give each cache a layer; the decoder
        // stays window-only.
        spec.n_mtp = 2;
        spec.mtp_compress_ratios = {4, 128};
    }
    return spec;
}

std::vector<int> deepseek4_golden_prompt(int n_vocab) {
    std::vector<int> tokens{1};
    std::uint32_t x = 12345;
    while (tokens.size() < 300) {
        x = (x * 1103515245u + 12345u) & 0x7fffffffu;
        tokens.push_back(3 + static_cast<int>((x >> 8) % static_cast<std::uint32_t>(n_vocab - 3)));
    }
    return tokens;
}

namespace {

using Shape = std::vector<std::int64_t>;

// One tensor of the model: name, shape, whether llama-quantize would quantize it (every >= 2-D
// weight except norms, the router and the hash tables) and the scale of its seeded values.
struct TensorSpec {
    std::string name;
    Shape ne;
    bool matrix = false;
    float scale = 0.0f;
};

std::uint64_t elements(const Shape& ne) {
    std::uint64_t n = 1;
    for (const std::int64_t d : ne) n *= static_cast<std::uint64_t>(d);
    return n;
}

// Every tensor of design/deepseek4.md section 3 for this configuration, in file order. The
// scales keep activations O(1): matrices scaled by about 1/sqrt(inputs), HC logits about 1.
// The HC bases, scales, sinks, the selection bias and the hash tables get their own values
// (write_values below); their entry here only fixes name and shape.
std::vector<TensorSpec> tensor_table(const TinyDeepSeek4& s) {
    std::vector<TensorSpec> t;
    const std::int64_t e = s.n_embd, hd = s.head_dim, hc = s.hc, mix = (2 + s.hc) * s.hc;
    const std::int64_t gd = std::int64_t{s.n_head} * hd / s.o_groups, ihd = s.indexer_head_dim;
    const std::int64_t f_sh = std::int64_t{s.n_ff_exp} * s.n_expert_shared;
    t.push_back({"token_embd.weight", {e, s.n_vocab}, true, 1.0f});
    t.push_back({"output_hc_fn.weight", {hc * e, hc}, true, 0.1f});
    t.push_back({"output_hc_base.weight", {hc}, false, 1.0f});
    t.push_back({"output_hc_scale.weight", {1}, false, 0.0f});
    t.push_back({"output_norm.weight", {e}, false, 0.1f});
    t.push_back({"output.weight", {e, s.n_vocab}, true, 0.2f});
    for (int l = 0; l < s.n_layer() + s.n_mtp; ++l) {
        const std::string p = "blk." + std::to_string(l) + ".";
        const int ratio = s.ratio_of(l);
        for (const char* part : {"attn", "ffn"}) {
            t.push_back({p + "hc_" + part + "_fn.weight", {hc * e, mix}, true, 0.1f});
            t.push_back({p + "hc_" + part + "_base.weight", {mix}, false, 0.0f});
            t.push_back({p + "hc_" + part + "_scale.weight", {3}, false, 0.0f});
        }
        t.push_back({p + "attn_norm.weight", {e}, false, 0.1f});
        t.push_back({p + "attn_q_a.weight", {e, s.q_lora_rank}, true, 0.25f});
        t.push_back({p + "attn_q_a_norm.weight", {s.q_lora_rank}, false, 0.1f});
        t.push_back({p + "attn_q_b.weight", {s.q_lora_rank, s.n_head * hd}, true, 0.25f});
        t.push_back({p + "attn_kv.weight", {e, hd}, true, 0.25f});
        t.push_back({p + "attn_kv_a_norm.weight", {hd}, false, 0.1f});
        t.push_back({p + "attn_sinks.weight", {s.n_head}, false, 2.0f});
        t.push_back({p + "attn_output_a.weight",
                     {gd, std::int64_t{s.o_groups} * s.o_lora_rank},
                     true,
                     0.25f});
        t.push_back({p + "attn_output_b.weight",
                     {std::int64_t{s.o_groups} * s.o_lora_rank, e},
                     true,
                     0.3f});
        if (ratio != 0) {
            const std::int64_t c = ratio == 4 ? 2 : 1;
            t.push_back({p + "attn_compressor_kv.weight", {e, c * hd}, true, 0.25f});
            t.push_back({p + "attn_compressor_gate.weight", {e, c * hd}, true, 0.25f});
            t.push_back({p + "attn_compressor_ape.weight", {c * hd, ratio}, true, 0.5f});
            t.push_back({p + "attn_compressor_norm.weight", {hd}, false, 0.1f});
        }
        if (ratio == 4) {
            t.push_back({p + "indexer.attn_q_b.weight",
                         {s.q_lora_rank, std::int64_t{s.indexer_n_head} * ihd},
                         true,
                         0.25f});
            t.push_back({p + "indexer.proj.weight", {e, s.indexer_n_head}, true, 0.25f});
            t.push_back({p + "indexer_compressor_kv.weight", {e, 2 * ihd}, true, 0.25f});
            t.push_back({p + "indexer_compressor_gate.weight", {e, 2 * ihd}, true, 0.25f});
            t.push_back({p + "indexer_compressor_ape.weight", {2 * ihd, 4}, true, 0.5f});
            t.push_back({p + "indexer_compressor_norm.weight", {ihd}, false, 0.1f});
        }
        t.push_back({p + "ffn_norm.weight", {e}, false, 0.1f});
        t.push_back({p + "ffn_gate_inp.weight", {e, s.n_expert}, false, 0.25f});
        if (l < s.hash_layer_count)
            t.push_back({p + "ffn_gate_tid2eid.weight", {s.n_expert_used, s.n_vocab}, false, 0.0f});
        else
            t.push_back({p + "exp_probs_b.bias", {s.n_expert}, false, 0.2f});
        t.push_back({p + "ffn_gate_exps.weight", {e, s.n_ff_exp, s.n_expert}, true, 0.25f});
        t.push_back({p + "ffn_up_exps.weight", {e, s.n_ff_exp, s.n_expert}, true, 0.25f});
        t.push_back({p + "ffn_down_exps.weight", {s.n_ff_exp, e, s.n_expert}, true, 0.2f});
        t.push_back({p + "ffn_gate_shexp.weight", {e, f_sh}, true, 0.25f});
        t.push_back({p + "ffn_up_shexp.weight", {e, f_sh}, true, 0.25f});
        t.push_back({p + "ffn_down_shexp.weight", {f_sh, e}, true, 0.2f});
        if (l >= s.n_layer()) {
            t.push_back({p + "nextn.eh_proj.weight", {2 * e, e}, true, 0.25f});
            t.push_back({p + "nextn.enorm.weight", {e}, false, 0.1f});
            t.push_back({p + "nextn.hnorm.weight", {e}, false, 0.1f});
            t.push_back({p + "nextn.shared_head_norm.weight", {e}, false, 0.1f});
        }
    }
    return t;
}

std::vector<unsigned char> bytes_of(const void* data, std::size_t n) {
    std::vector<unsigned char> b(n);
    std::memcpy(b.data(), data, n);
    return b;
}

// Per token id, n_used distinct expert ids in [0, n_expert): a seeded shuffle per token.
std::vector<unsigned char> hash_table(const std::string& name, int n_used, int n_expert,
                                      int n_vocab) {
    std::seed_seq seed(name.begin(), name.end());
    std::mt19937 rng(seed);
    std::vector<std::int32_t> ids(static_cast<std::size_t>(n_expert)), table;
    for (int t = 0; t < n_vocab; ++t) {
        std::iota(ids.begin(), ids.end(), 0);
        std::shuffle(ids.begin(), ids.end(), rng);
        table.insert(table.end(), ids.begin(), ids.begin() + n_used);
    }
    return bytes_of(table.data(), table.size() * sizeof(std::int32_t));
}

// Values for the tensors whose seeded uniform values would be wrong: the HC scales
// (pre, post, comb) positive around 1, so every logit depends on the streams; the HC mixing
// biases spread over +-2 so Sinkhorn's matrix is far from uniform (the streams stay
// distinct); the final HC scale positive.
std::optional<std::vector<float>> special_values(const TensorSpec& t) {
    const std::size_t n = elements(t.ne);
    if (t.name.ends_with("_scale.weight")) {
        std::vector<float> v = seeded_values(t.name, n, 0.5f);
        for (float& x : v) x += 1.0f;
        return v;
    }
    if (t.name.ends_with("_base.weight") && t.name.find("hc_") != std::string::npos &&
        t.name.starts_with("blk.")) {
        std::vector<float> v = seeded_values(t.name, n, 1.0f);
        for (std::size_t i = 8; i < n; ++i) v[i] *= 2.0f; // the comb entries
        return v;
    }
    return std::nullopt;
}

void write_metadata(gguf::GgufWriter& w, const TinyDeepSeek4& s) {
    using gguf::OwnedValue;
    const std::string a = "deepseek4.";
    const auto u32 = [](int v) { return OwnedValue::u32(static_cast<std::uint32_t>(v)); };
    const int n_blocks = s.n_layer() + s.n_mtp;
    w.set("general.architecture", OwnedValue::string("deepseek4"));
    w.set("general.name", OwnedValue::string("tiny-deepseek4"));
    w.set(a + "context_length", u32(s.n_ctx));
    w.set(a + "embedding_length", u32(s.n_embd));
    w.set(a + "embedding_length_out", u32(s.hc * s.n_embd));
    w.set(a + "block_count", u32(n_blocks));
    if (s.n_mtp > 0) w.set(a + "nextn_predict_layers", u32(s.n_mtp));
    w.set(a + "attention.head_count", u32(s.n_head));
    w.set(a + "attention.head_count_kv", u32(1));
    w.set(a + "attention.key_length", u32(s.head_dim));
    w.set(a + "attention.value_length", u32(s.head_dim));
    w.set(a + "rope.dimension_count", u32(s.n_rot));
    w.set(a + "rope.freq_base", OwnedValue::f32(s.rope_freq_base));
    w.set(a + "attention.compress_rope_freq_base", OwnedValue::f32(s.compress_rope_freq_base));
    if (s.yarn_factor > 0.0f) {
        w.set(a + "rope.scaling.type", OwnedValue::string("yarn"));
        w.set(a + "rope.scaling.factor", OwnedValue::f32(s.yarn_factor));
        w.set(a + "rope.scaling.original_context_length", u32(s.yarn_original_ctx));
    }
    w.set(a + "attention.layer_norm_rms_epsilon", OwnedValue::f32(s.eps));
    w.set(a + "attention.q_lora_rank", u32(s.q_lora_rank));
    w.set(a + "attention.sliding_window", u32(s.sliding_window));
    std::vector<std::int32_t> ratios;
    for (int l = 0; l < n_blocks; ++l) ratios.push_back(s.ratio_of(l));
    w.set(a + "attention.compress_ratios", OwnedValue::i32_array(ratios));
    w.set(a + "attention.output_group_count", u32(s.o_groups));
    w.set(a + "attention.output_lora_rank", u32(s.o_lora_rank));
    w.set(a + "attention.indexer.head_count", u32(s.indexer_n_head));
    w.set(a + "attention.indexer.key_length", u32(s.indexer_head_dim));
    w.set(a + "attention.indexer.top_k", u32(s.indexer_top_k));
    w.set(a + "hyper_connection.count", u32(s.hc));
    w.set(a + "hyper_connection.sinkhorn_iterations", u32(s.sinkhorn_iterations));
    w.set(a + "hyper_connection.epsilon", OwnedValue::f32(s.hc_eps));
    w.set(a + "hash_layer_count", u32(s.hash_layer_count));
    w.set(a + "expert_count", u32(s.n_expert));
    w.set(a + "expert_used_count", u32(s.n_expert_used));
    w.set(a + "expert_feed_forward_length", u32(s.n_ff_exp));
    w.set(a + "expert_shared_count", u32(s.n_expert_shared));
    w.set(a + "expert_weights_scale", OwnedValue::f32(s.weights_scale));
    w.set(a + "expert_weights_norm", OwnedValue::boolean(s.weights_norm));
    w.set(a + "expert_gating_func", u32(4)); // sqrt(softplus)
    // A single value as a scalar (allowed by the loader); per-layer values as an array over
    // every block, MTP layers repeating the last decoder layer's value.
    const auto clamp = [&](const std::string& key, const std::vector<float>& v) {
        if (v.size() == 1) return w.set(key, OwnedValue::f32(v[0]));
        std::vector<float> all(v);
        all.resize(static_cast<std::size_t>(n_blocks), v.back());
        w.set(key, OwnedValue::f32_array(all));
    };
    clamp(a + "swiglu_clamp_exp", s.clamp_exp);
    if (!s.clamp_shexp.empty()) clamp(a + "swiglu_clamp_shexp", s.clamp_shexp);
    if (s.with_vocab) write_minimal_vocab(w, s.n_vocab);
}

} // namespace

Deepseek4ParamCount deepseek4_param_count(const TinyDeepSeek4& s) {
    // Counted from the doc's shape formulas, layer by layer, not from tensor_table().
    const std::uint64_t e = static_cast<std::uint64_t>(s.n_embd),
                        hd = static_cast<std::uint64_t>(s.head_dim);
    const std::uint64_t hc = static_cast<std::uint64_t>(s.hc),
                        V = static_cast<std::uint64_t>(s.n_vocab);
    const std::uint64_t H = static_cast<std::uint64_t>(s.n_head),
                        ql = static_cast<std::uint64_t>(s.q_lora_rank);
    const std::uint64_t og = static_cast<std::uint64_t>(s.o_groups),
                        ol = static_cast<std::uint64_t>(s.o_lora_rank);
    const std::uint64_t E = static_cast<std::uint64_t>(s.n_expert),
                        k = static_cast<std::uint64_t>(s.n_expert_used);
    const std::uint64_t ff = static_cast<std::uint64_t>(s.n_ff_exp),
                        sh = ff * static_cast<std::uint64_t>(s.n_expert_shared);
    const std::uint64_t ihd = static_cast<std::uint64_t>(s.indexer_head_dim),
                        inh = static_cast<std::uint64_t>(s.indexer_n_head);
    Deepseek4ParamCount c;
    const std::uint64_t global = 2 * e * V + hc * e * hc + hc + 1 + e;
    std::uint64_t dense = global, experts = 0;
    for (int l = 0; l < s.n_layer() + s.n_mtp; ++l) {
        const int ratio = s.ratio_of(l);
        const std::uint64_t mix = (2 + hc) * hc;
        std::uint64_t n = 2 * (hc * e * mix + mix + 3);       // HC of both sub-blocks
        n += e + e * ql + ql + ql * H * hd + e * hd + hd + H; // norms, q LoRA, K=V, sinks
        n += (H * hd / og) * og * ol + og * ol * e;           // grouped output
        if (ratio != 0) {
            const std::uint64_t cw = ratio == 4 ? 2 : 1, r = static_cast<std::uint64_t>(ratio);
            n += 2 * e * cw * hd + cw * hd * r + hd;
        }
        if (ratio == 4) n += ql * inh * ihd + e * inh + 2 * e * 2 * ihd + 2 * ihd * 4 + ihd;
        n += e + e * E + 3 * e * sh; // ffn norm, router, shared expert
        if (l < s.hash_layer_count)
            c.hash_tables += k * V;
        else
            n += E;
        if (l >= s.n_layer()) n += 2 * e * e + 3 * e; // MTP projection and norms
        dense += n;
        experts += 3 * e * ff * E;
    }
    c.total = dense + c.hash_tables + experts;
    c.active = dense + c.hash_tables + experts / E * k;
    return c;
}

bool write_tiny_deepseek4(const TinyDeepSeek4& s, const std::string& path) {
    gguf::GgufWriter w;
    write_metadata(w, s);
    bool ok = true;
    for (const TensorSpec& t : tensor_table(s)) {
        const bool expert = t.name.find("_exps.weight") != std::string::npos;
        const bool hash = t.name.ends_with("ffn_gate_tid2eid.weight");
        const quant::TensorType type = hash                      ? quant::TensorType::I32
                                       : !t.matrix               ? quant::TensorType::F32
                                       : expert && s.expert_type ? *s.expert_type
                                                                 : s.matrix_type;
        const std::vector<std::uint64_t> shape(t.ne.begin(), t.ne.end());
        if (s.header_only) {
            ok = w.add_tensor_header(t.name, shape, type).ok() && ok;
        } else if (hash) {
            ok = w.add_tensor(t.name, shape, type,
                              hash_table(t.name, s.n_expert_used, s.n_expert, s.n_vocab))
                     .ok() &&
                 ok;
        } else if (const auto values = special_values(t)) {
            std::vector<unsigned char> data = encode_weights(*values, t.ne[0], type, ok);
            ok = w.add_tensor(t.name, shape, type, std::move(data)).ok() && ok;
        } else {
            ok = add_seeded_tensor(w, t.name, t.ne, t.scale, type) && ok;
        }
    }
    return ok && w.write(path).ok();
}

} // namespace conclave::test
