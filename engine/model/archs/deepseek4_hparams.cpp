#include "model/archs/deepseek4_hparams.h"

#include <algorithm>
#include <cmath>

namespace conclave::model {
namespace {

// A per-layer value written either as one number for every layer or as an array.
Result<std::vector<float>> per_layer_floats(const ModelFile& f, const std::string& key, int n_layer,
                                            const std::vector<float>* fallback) {
    const gguf::MetadataValue* v = f.gguf().find(f.arch() + "." + key);
    if (!v) {
        if (fallback) return *fallback;
        return make_error(ErrorCode::invalid_format, "the model file lacks " + f.arch() + "." + key);
    }
    std::vector<float> out(static_cast<std::size_t>(n_layer));
    if (!v->is_array()) {
        const auto value = v->as_float();
        if (!value) return make_error(ErrorCode::invalid_format, f.arch() + "." + key + " is not a number");
        std::fill(out.begin(), out.end(), static_cast<float>(*value));
        return out;
    }
    if (v->size() < static_cast<std::uint64_t>(n_layer))
        return make_error(ErrorCode::invalid_format, f.arch() + "." + key + " has fewer values than the model has layers");
    for (int i = 0; i < n_layer; ++i) {
        const auto value = v->float_at(static_cast<std::uint64_t>(i));
        if (!value) return make_error(ErrorCode::invalid_format, f.arch() + "." + key + " holds a value that is not a number");
        out[static_cast<std::size_t>(i)] = static_cast<float>(*value);
    }
    return out;
}

Result<std::vector<int>> compress_ratios(const ModelFile& f, int n_layer) {
    const std::string key = f.arch() + ".attention.compress_ratios";
    const gguf::MetadataValue* v = f.gguf().find(key);
    if (!v || !v->is_array()) return make_error(ErrorCode::invalid_format, "the model file lacks the array " + key);
    if (v->size() < static_cast<std::uint64_t>(n_layer))
        return make_error(ErrorCode::invalid_format, key + " has fewer values than the model has layers");
    std::vector<int> ratios(static_cast<std::size_t>(n_layer));
    for (int i = 0; i < n_layer; ++i) {
        const auto r = v->int_at(static_cast<std::uint64_t>(i));
        if (!r || (*r != 0 && *r != 4 && *r != 128))
            return make_error(ErrorCode::unsupported, "layer " + std::to_string(i) +
                                                          " compresses its keys by a ratio other than 0, 4 or 128");
        ratios[static_cast<std::size_t>(i)] = static_cast<int>(*r);
    }
    return ratios;
}

// YaRN as DeepSeek V4 uses it in the compressing layers: the interpolation ramp with
// llama.cpp's fixed betas (32, 1; the file's yarn_* keys are not part of the format) and no
// change of magnitude (RoPE's 1 + 0.1 ln(factor) is cancelled by the attention factor).
void read_rope(const ModelFile& f, DeepSeek4Hparams& hp) {
    hp.rope_window.n_dims = hp.n_rot;
    hp.rope_window.freq_base = f.real_or("rope.freq_base", 10000.0f);
    hp.rope_compressed.n_dims = hp.n_rot;
    hp.rope_compressed.freq_base = f.real_or("attention.compress_rope_freq_base", hp.rope_window.freq_base);
    const auto scaling = f.gguf().get_string(f.arch() + ".rope.scaling.type");
    const float factor = f.real_or("rope.scaling.factor", 1.0f);
    if (!scaling || *scaling != "yarn" || factor <= 1.0f) return;
    RopeParams& r = hp.rope_compressed;
    r.freq_scale = 1.0f / factor;
    r.ext_factor = 1.0f;
    r.beta_fast = 32.0f;
    r.beta_slow = 1.0f;
    r.attn_factor = 1.0f / (1.0f + 0.1f * std::log(factor));
    r.n_ctx_orig = static_cast<int>(f.uint_or("rope.scaling.original_context_length", f.uint_or("context_length", 4096)));
}

} // namespace

bool DeepSeek4Hparams::any_ratio(int ratio) const {
    return std::find(compress_ratios.begin(), compress_ratios.end(), ratio) != compress_ratios.end();
}

Result<DeepSeek4Hparams> read_deepseek4_hparams(const ModelFile& f) {
    DeepSeek4Hparams hp;
    const char* required[] = {"block_count",
                              "embedding_length",
                              "attention.head_count",
                              "attention.key_length",
                              "rope.dimension_count",
                              "attention.q_lora_rank",
                              "attention.sliding_window",
                              "attention.output_group_count",
                              "attention.output_lora_rank",
                              "hyper_connection.count",
                              "hyper_connection.sinkhorn_iterations",
                              "expert_count",
                              "expert_used_count",
                              "expert_feed_forward_length",
                              "expert_gating_func"};
    std::vector<std::uint64_t> v;
    for (const char* key : required) {
        Result<std::uint64_t> r = f.uint(key);
        if (!r) return r.error();
        v.push_back(*r);
    }
    const auto n_mtp = static_cast<std::int64_t>(f.uint_or("nextn_predict_layers", 0));
    hp.n_layer = static_cast<int>(static_cast<std::int64_t>(v[0]) - n_mtp);
    hp.n_embd = static_cast<int>(v[1]);
    hp.n_head = static_cast<int>(v[2]);
    hp.head_dim = static_cast<int>(v[3]);
    hp.n_rot = static_cast<int>(v[4]);
    hp.q_lora_rank = static_cast<int>(v[5]);
    hp.window = static_cast<int>(v[6]);
    hp.o_groups = static_cast<int>(v[7]);
    hp.o_lora_rank = static_cast<int>(v[8]);
    hp.hyper.n_streams = static_cast<int>(v[9]);
    hp.hyper.sinkhorn_iterations = static_cast<int>(v[10]);
    hp.hyper.eps = f.real_or("hyper_connection.epsilon", 1e-6f);
    hp.n_ctx = static_cast<int>(f.uint_or("context_length", 4096));
    hp.eps = f.real_or("attention.layer_norm_rms_epsilon", 1e-6f);
    hp.n_ff_exp = static_cast<int>(v[13]);
    hp.n_expert_shared = static_cast<int>(f.uint_or("expert_shared_count", 0));
    hp.hash_layers = static_cast<int>(f.uint_or("hash_layer_count", 0));
    if (v[14] != 4)
        return make_error(ErrorCode::unsupported, "expert gating function " + std::to_string(v[14]) +
                                                      " is not the one deepseek4 models use (4, sqrt-softplus)");
    if (f.uint_or("attention.head_count_kv", 1) != 1)
        return make_error(ErrorCode::unsupported, "deepseek4 attention has one shared key/value head");
    if (f.uint_or("attention.value_length", v[3]) != v[3])
        return make_error(ErrorCode::unsupported, "deepseek4 keys and values must be the same size (they are one vector)");
    if (hp.n_layer <= 0 || hp.n_embd <= 0 || hp.n_head <= 0 || hp.head_dim <= 0 || hp.n_rot <= 0 || hp.n_rot % 2 != 0 ||
        hp.n_rot > hp.head_dim || hp.q_lora_rank <= 0 || hp.window <= 0 || hp.o_groups <= 0 || hp.o_lora_rank <= 0 ||
        (std::int64_t{hp.n_head} * hp.head_dim) % hp.o_groups != 0 || hp.hyper.n_streams < 1 || hp.hyper.n_streams > 8 ||
        hp.hyper.sinkhorn_iterations < 1 || hp.n_ff_exp <= 0 || hp.hash_layers < 0 || hp.hash_layers > hp.n_layer)
        return make_error(ErrorCode::invalid_format, "the model's attention sizes, layer counts or hyper-connections are inconsistent");

    Result<std::vector<int>> ratios = compress_ratios(f, hp.n_layer);
    if (!ratios) return ratios.error();
    hp.compress_ratios = std::move(ratios.value());
    if (hp.any_ratio(4)) {
        for (const char* key : {"attention.indexer.head_count", "attention.indexer.key_length", "attention.indexer.top_k"})
            if (Result<std::uint64_t> r = f.uint(key); !r) return r.error();
        hp.indexer_heads = static_cast<int>(f.uint_or("attention.indexer.head_count", 0));
        hp.indexer_dim = static_cast<int>(f.uint_or("attention.indexer.key_length", 0));
        hp.indexer_top_k = static_cast<int>(f.uint_or("attention.indexer.top_k", 0));
        if (hp.indexer_heads <= 0 || hp.indexer_dim < hp.n_rot || hp.indexer_top_k <= 0)
            return make_error(ErrorCode::invalid_format, "the model's indexer sizes are inconsistent");
    }
    if (!f.gguf().find(f.arch() + ".attention.compress_rope_freq_base") && (hp.any_ratio(4) || hp.any_ratio(128)))
        return make_error(ErrorCode::invalid_format, "the model file lacks " + f.arch() + ".attention.compress_rope_freq_base");
    read_rope(f, hp);

    Result<std::vector<float>> routed = per_layer_floats(f, "swiglu_clamp_exp", hp.n_layer, nullptr);
    if (!routed) return routed.error();
    hp.clamp_routed = std::move(routed.value());
    Result<std::vector<float>> shared = per_layer_floats(f, "swiglu_clamp_shexp", hp.n_layer, &hp.clamp_routed);
    if (!shared) return shared.error();
    hp.clamp_shared = std::move(shared.value());

    RoutingSpec& r = hp.routing;
    r.n_expert = static_cast<int>(v[11]);
    r.n_used = static_cast<int>(v[12]);
    r.gating = ExpertGating::sqrt_softplus;
    r.normalize = f.gguf().get_bool(f.arch() + ".expert_weights_norm").value_or(false);
    const float scale = f.real_or("expert_weights_scale", 1.0f);
    r.scale = scale != 0.0f ? scale : 1.0f;
    if (r.n_expert <= 0 || r.n_used <= 0 || r.n_used > r.n_expert)
        return make_error(ErrorCode::invalid_format, "the model's expert counts are inconsistent");
    return hp;
}

} // namespace conclave::model
