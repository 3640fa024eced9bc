#include "model/archs/llama_family.h"
#include "model/forward_steps.h"
#include "model/routed_experts.h"
#include "model/window_cache.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <numeric>

namespace conclave::model {
namespace {

struct Hparams {
    int n_layer = 0, n_embd = 0, n_head = 0, n_head_kv = 0, head_dim = 0, n_ff = 0, n_vocab = 0, n_ctx = 0;
    float eps = 1e-5f;
    float expert_weights_scale = 1.0f;
    int sliding_window = 0;
    int n_expert = 0, n_expert_used = 0, n_ff_exp = 0, n_ff_shexp = 0;
    RopeParams rope;
};

struct Layer {
    Tensor attn_norm, wq, wk, wv, wo, bq, bk, bv, bo, attn_sinks, q_norm, k_norm, post_attention_norm;
    Tensor ffn_norm, gate, up, down, post_ffw_norm;
    Tensor gate_inp, gate_exps, up_exps, down_exps; // mixture of experts
    Tensor gate_inp_b, gate_exps_b, up_exps_b, down_exps_b; // their biases (gpt-oss)
    Tensor gate_inp_shexp, gate_shexp, up_shexp, down_shexp; // shared expert
    bool sliding = false;
};

class LlamaFamily final : public ArchModel {
public:
    LlamaFamily(Hparams hp, LlamaFamilyConfig config) : m_hp(std::move(hp)), m_config(config) {
        m_hp.rope.style = config.rope_style;
    }

    Result<void> bind(const ModelFile& f);
    const ModelShape& shape() const override { return m_shape; }
    Result<void> forward(Backend& backend, ForwardBatch& batch) const override;
    std::uint64_t scratch_bytes(std::int64_t n_tokens, std::int64_t n_logit_rows) const override;
    std::int64_t resume_position(Backend& b, const std::vector<KvLayer>& cache, std::int64_t wanted) const override;

private:
    Result<void> forward_step(Backend& b, ForwardBatch& batch) const;
    Result<void> attention_block(Backend& b, const Layer& l, Tensor& x, KvLayer& cache, std::span<const std::int32_t> pos,
                                 std::int64_t first_pos) const;
    bool has_windows() const { return !m_shape.kv_rings.empty(); }
    // A ringed sliding layer's ring, tags and checkpoints (its KvLayer::extra, as the session
    // allocates them from window_extras()). A cache without a ring keeps every position and
    // needs none of them.
    WindowRows window_rows(const KvLayer& cache) const {
        assert(cache.ring > 0 && cache.extra.size() == 3);
        return WindowRows{cache, cache.extra[0], cache.extra[1], cache.extra[2], m_hp.sliding_window,
                          window_checkpoint_span(m_hp.sliding_window)};
    }
    void ffn_block(Backend& b, const Layer& l, Tensor& x) const;
    void moe_block(Backend& b, const Layer& l, const Tensor& h, Tensor& out) const;
    void add_shared_expert(Backend& b, const Layer& l, const Tensor& h, Tensor& out) const;

    Hparams m_hp;
    LlamaFamilyConfig m_config;
    ModelShape m_shape;
    Tensor m_tok_embd, m_output_norm, m_output;
    std::vector<Layer> m_layers;
};

Result<Hparams> read_hparams(const ModelFile& f) {
    Hparams hp;
    auto n_layer = f.uint("block_count");
    auto n_embd = f.uint("embedding_length");
    auto n_head = f.uint("attention.head_count");
    for (const Result<std::uint64_t>* r : {&n_layer, &n_embd, &n_head})
        if (!r->ok()) return r->error();
    hp.n_expert = static_cast<int>(f.uint_or("expert_count", 0));
    hp.n_expert_used = static_cast<int>(f.uint_or("expert_used_count", 0));
    auto n_ff = hp.n_expert > 0 ? Result<std::uint64_t>(f.uint_or("feed_forward_length", 0)) : f.uint("feed_forward_length");
    if (!n_ff) return n_ff.error();
    hp.n_ff_exp = static_cast<int>(f.uint_or("expert_feed_forward_length", *n_ff));
    hp.n_ff_shexp = static_cast<int>(f.uint_or("expert_shared_feed_forward_length", static_cast<std::uint64_t>(hp.n_ff_exp)));
    if (hp.n_expert > 0 && (hp.n_expert_used <= 0 || hp.n_expert_used > hp.n_expert || hp.n_ff_exp <= 0))
        return make_error(ErrorCode::invalid_format, "the model's expert counts are inconsistent");
    hp.expert_weights_scale = f.real_or("expert_weights_scale", 1.0f);
    hp.n_layer = static_cast<int>(*n_layer);
    hp.n_embd = static_cast<int>(*n_embd);
    hp.n_head = static_cast<int>(*n_head);
    hp.n_ff = static_cast<int>(*n_ff);
    hp.n_head_kv = static_cast<int>(f.uint_or("attention.head_count_kv", *n_head));
    if (hp.n_head <= 0 || hp.n_head_kv <= 0 || hp.n_head % hp.n_head_kv != 0 || hp.n_layer <= 0 || hp.n_embd <= 0)
        return make_error(ErrorCode::invalid_format, "the model's head counts or sizes are inconsistent");
    hp.head_dim = static_cast<int>(f.uint_or("attention.key_length", static_cast<std::uint64_t>(hp.n_embd / hp.n_head)));
    hp.n_ctx = static_cast<int>(f.uint_or("context_length", 2048));
    hp.eps = f.real_or("attention.layer_norm_rms_epsilon", 1e-5f);
    hp.sliding_window = static_cast<int>(f.uint_or("attention.sliding_window", 0));
    hp.rope.n_dims = static_cast<int>(f.uint_or("rope.dimension_count", static_cast<std::uint64_t>(hp.head_dim)));
    hp.rope.freq_base = f.real_or("rope.freq_base", 10000.0f);
    const auto scaling = f.gguf().get_string(f.arch() + ".rope.scaling.type");
    const float factor = f.real_or("rope.scaling.factor", 1.0f);
    if (scaling && (*scaling == "linear" || *scaling == "yarn") && factor > 0.0f) hp.rope.freq_scale = 1.0f / factor;
    if (scaling && *scaling == "yarn") {
        hp.rope.ext_factor = 1.0f;
        hp.rope.attn_factor = f.real_or("rope.scaling.attn_factor", 1.0f);
        hp.rope.beta_fast = f.real_or("rope.scaling.yarn_beta_fast", 32.0f);
        hp.rope.beta_slow = f.real_or("rope.scaling.yarn_beta_slow", 1.0f);
        hp.rope.n_ctx_orig = static_cast<int>(f.uint_or("rope.scaling.original_context_length", f.uint_or("context_length", 2048)));
    }
    if (hp.rope.n_dims <= 0 || hp.rope.n_dims > hp.head_dim || hp.rope.n_dims % 2 != 0)
        return make_error(ErrorCode::invalid_format, "the model's RoPE dimension count is invalid");
    return hp;
}

Result<void> LlamaFamily::bind(const ModelFile& f) {
    const std::int64_t e = m_hp.n_embd, q_width = std::int64_t{m_hp.n_head} * m_hp.head_dim;
    const std::int64_t kv_width = std::int64_t{m_hp.n_head_kv} * m_hp.head_dim;
    const gguf::TensorInfo* embd = f.gguf().find_tensor("token_embd.weight");
    if (!embd) return make_error(ErrorCode::invalid_format, "the model file lacks the tensor 'token_embd.weight'");
    m_hp.n_vocab = static_cast<int>(embd->shape[1]);
    const auto bind_one = [&](Tensor& out, Result<Tensor> r) -> bool {
        if (r.ok()) out = r.value();
        return r.ok();
    };
    Error error;
    const auto need = [&](Tensor& out, const std::string& name, std::vector<std::int64_t> ne, bool optional = false) {
        Result<Tensor> r = optional ? f.optional_weight(name, ne) : f.weight(name, ne);
        if (!r.ok() && error.message.empty()) error = r.error();
        bind_one(out, std::move(r));
    };
    need(m_tok_embd, "token_embd.weight", {e, m_hp.n_vocab});
    need(m_output_norm, "output_norm.weight", {e});
    need(m_output, "output.weight", {e, m_hp.n_vocab}, true);
    if (!m_output.valid()) m_output = m_tok_embd; // tied embeddings
    need(m_hp.rope.freq_factors, "rope_freqs.weight", {m_hp.rope.n_dims / 2}, true);
    m_layers.resize(static_cast<std::size_t>(m_hp.n_layer));
    for (int i = 0; i < m_hp.n_layer; ++i) {
        Layer& l = m_layers[static_cast<std::size_t>(i)];
        need(l.attn_norm, layer_weight(i, "attn_norm"), {e});
        need(l.wq, layer_weight(i, "attn_q"), {e, q_width});
        need(l.wk, layer_weight(i, "attn_k"), {e, kv_width});
        need(l.wv, layer_weight(i, "attn_v"), {e, kv_width});
        need(l.wo, layer_weight(i, "attn_output"), {q_width, e});
        if (m_config.qkv_bias) {
            const std::string p = "blk." + std::to_string(i) + ".";
            need(l.bq, p + "attn_q.bias", {q_width});
            need(l.bk, p + "attn_k.bias", {kv_width});
            need(l.bv, p + "attn_v.bias", {kv_width});
        }
        if (m_config.output_bias) need(l.bo, "blk." + std::to_string(i) + ".attn_output.bias", {e});
        if (m_config.attn_sinks) need(l.attn_sinks, layer_weight(i, "attn_sinks"), {m_hp.n_head});
        if (m_config.qk_norm != QkNorm::none) {
            const bool whole = m_config.qk_norm == QkNorm::whole;
            need(l.q_norm, layer_weight(i, "attn_q_norm"), {whole ? q_width : m_hp.head_dim});
            need(l.k_norm, layer_weight(i, "attn_k_norm"), {whole ? kv_width : m_hp.head_dim});
        }
        if (m_config.sandwich_norms) {
            need(l.post_attention_norm, layer_weight(i, "post_attention_norm"), {e});
            need(l.post_ffw_norm, layer_weight(i, "post_ffw_norm"), {e});
        }
        l.sliding = m_config.global_layer_every > 0 && m_hp.sliding_window > 0 &&
                    (i + 1) % m_config.global_layer_every != 0;
        need(l.ffn_norm, layer_weight(i, m_config.ffn_norm), {e});
        if (m_hp.n_expert > 0) {
            const std::int64_t x = m_hp.n_expert, f_exp = m_hp.n_ff_exp;
            need(l.gate_inp, layer_weight(i, "ffn_gate_inp"), {e, x});
            need(l.gate_exps, layer_weight(i, "ffn_gate_exps"), {e, f_exp, x});
            need(l.up_exps, layer_weight(i, "ffn_up_exps"), {e, f_exp, x});
            need(l.down_exps, layer_weight(i, "ffn_down_exps"), {f_exp, e, x});
            if (m_config.moe_biases) {
                const std::string p = "blk." + std::to_string(i) + ".";
                need(l.gate_inp_b, p + "ffn_gate_inp.bias", {x});
                need(l.gate_exps_b, p + "ffn_gate_exps.bias", {f_exp, x});
                need(l.up_exps_b, p + "ffn_up_exps.bias", {f_exp, x});
                need(l.down_exps_b, p + "ffn_down_exps.bias", {e, x});
            }
            if (m_config.shared_expert) {
                const std::int64_t f_sh = m_hp.n_ff_shexp;
                need(l.gate_inp_shexp, layer_weight(i, "ffn_gate_inp_shexp"), {e});
                need(l.gate_shexp, layer_weight(i, "ffn_gate_shexp"), {e, f_sh});
                need(l.up_shexp, layer_weight(i, "ffn_up_shexp"), {e, f_sh});
                need(l.down_shexp, layer_weight(i, "ffn_down_shexp"), {f_sh, e});
            }
            continue;
        }
        need(l.gate, layer_weight(i, "ffn_gate"), {e, m_hp.n_ff});
        need(l.up, layer_weight(i, "ffn_up"), {e, m_hp.n_ff});
        need(l.down, layer_weight(i, "ffn_down"), {m_hp.n_ff, e});
    }
    if (!error.message.empty()) return error;
    for (const Tensor* t : {&m_output_norm, &m_hp.rope.freq_factors})
        if (t->valid() && t->type != quant::TensorType::F32)
            return make_error(ErrorCode::unsupported, "norm and RoPE factor tensors must be F32");
    for (const Layer& l : m_layers)
        for (const Tensor* t : {&l.bq, &l.bk, &l.bv, &l.bo, &l.attn_sinks, &l.gate_inp_b, &l.gate_exps_b, &l.up_exps_b,
                                &l.down_exps_b})
            if (t->valid() && t->type != quant::TensorType::F32)
                return make_error(ErrorCode::unsupported, "bias and attention sink tensors must be F32");
    m_shape = ModelShape{m_hp.n_layer, m_hp.n_embd, m_hp.n_vocab, m_hp.n_ctx, static_cast<int>(kv_width), static_cast<int>(kv_width),
                         m_hp.head_dim, {}, {}};
    // Sliding-window layers keep a ring of their window's rows (window_cache.h); the others
    // every position.
    if (std::any_of(m_layers.begin(), m_layers.end(), [](const Layer& l) { return l.sliding; })) {
        const int window = m_hp.sliding_window;
        m_shape.kv_rings.assign(m_layers.size(), 0);
        m_shape.extra_cache.resize(m_layers.size());
        for (std::size_t i = 0; i < m_layers.size(); ++i) {
            if (!m_layers[i].sliding) continue;
            m_shape.kv_rings[i] = window_ring_rows(window);
            m_shape.extra_cache[i] = window_extras(window, window_checkpoint_span(window), kv_width, kv_width);
        }
    }
    return {};
}

Result<void> LlamaFamily::attention_block(Backend& b, const Layer& l, Tensor& x, KvLayer& cache,
                                          std::span<const std::int32_t> pos, std::int64_t first_pos) const {
    const std::int64_t n = x.ne[1];
    const std::int64_t q_width = std::int64_t{m_hp.n_head} * m_hp.head_dim, kv_width = m_shape.k_width;
    Tensor h = b.scratch(quant::TensorType::F32, {m_hp.n_embd, n, 1, 1});
    b.rms_norm(x, l.attn_norm, m_hp.eps, h);
    Tensor q = b.scratch(quant::TensorType::F32, {q_width, n, 1, 1});
    Tensor k = b.scratch(quant::TensorType::F32, {kv_width, n, 1, 1});
    Tensor v = b.scratch(quant::TensorType::F32, {kv_width, n, 1, 1});
    b.mul_mat(l.wq, h, q);
    b.mul_mat(l.wk, h, k);
    b.mul_mat(l.wv, h, v);
    if (m_config.qkv_bias) {
        b.add(q, l.bq, q);
        b.add(k, l.bk, k);
        b.add(v, l.bv, v);
    }
    if (m_config.qk_norm == QkNorm::per_head) {
        Tensor qh = b.reshape_rows(q, m_hp.head_dim), kh = b.reshape_rows(k, m_hp.head_dim);
        b.rms_norm(qh, l.q_norm, m_hp.eps, qh);
        b.rms_norm(kh, l.k_norm, m_hp.eps, kh);
    } else if (m_config.qk_norm == QkNorm::whole) {
        b.rms_norm(q, l.q_norm, m_hp.eps, q);
        b.rms_norm(k, l.k_norm, m_hp.eps, k);
    }
    RopeParams rope = m_hp.rope;
    if (l.sliding && m_config.sliding_rope_base > 0.0f) rope.freq_base = m_config.sliding_rope_base;
    b.rope(q, m_hp.head_dim, pos, rope);
    b.rope(k, m_hp.head_dim, pos, rope);
    const bool ringed = l.sliding && cache.ring > 0;
    if (ringed && !restore_window(b, window_rows(cache), first_pos))
        return make_error(ErrorCode::invalid_argument, "the window rows before position " + std::to_string(first_pos) +
                                                           " are missing");
    b.kv_store(cache, k, v, first_pos);
    if (ringed) record_window(b, window_rows(cache), k, v, first_pos);
    AttentionParams ap{m_hp.n_head, m_hp.n_head_kv, m_hp.head_dim, 1.0f / std::sqrt(static_cast<float>(m_hp.head_dim))};
    if (l.sliding) ap.sliding_window = m_hp.sliding_window;
    ap.sinks = l.attn_sinks;
    Tensor a = b.scratch(quant::TensorType::F32, {q_width, n, 1, 1});
    b.attention(q, cache, first_pos, ap, a);
    Tensor o = b.scratch(quant::TensorType::F32, {m_hp.n_embd, n, 1, 1});
    b.mul_mat(l.wo, a, o);
    if (l.bo.valid()) b.add(o, l.bo, o);
    if (m_config.sandwich_norms) b.rms_norm(o, l.post_attention_norm, m_hp.eps, o);
    b.add(x, o, x);
    return {};
}

// Routing by the backend (routed_experts.h): a softmax over all experts, the top n_used kept.
void LlamaFamily::moe_block(Backend& b, const Layer& l, const Tensor& h, Tensor& out) const {
    const std::int64_t n = h.ne[1];
    const int n_used = m_hp.n_expert_used, n_expert = m_hp.n_expert;
    Tensor router = b.scratch(quant::TensorType::F32, {n_expert, n, 1, 1});
    b.mul_mat(l.gate_inp, h, router);
    if (l.gate_inp_b.valid()) b.add(router, l.gate_inp_b, router);
    const RoutedExperts routed = route_tokens(b, router, {}, {},
                                              RoutingSpec{.n_expert = n_expert,
                                                          .n_used = n_used,
                                                          .normalize = m_config.moe_normalize_top_k,
                                                          .scale = m_hp.expert_weights_scale});
    const Tensor& ids = routed.ids;
    Tensor g = b.scratch(quant::TensorType::F32, {m_hp.n_ff_exp, n_used * n, 1, 1});
    Tensor u = b.scratch(quant::TensorType::F32, {m_hp.n_ff_exp, n_used * n, 1, 1});
    b.mul_mat_id(l.gate_exps, h, ids, n_used, g);
    b.mul_mat_id(l.up_exps, h, ids, n_used, u);
    if (l.gate_exps_b.valid()) b.add_id(g, l.gate_exps_b, ids, g);
    if (l.up_exps_b.valid()) b.add_id(u, l.up_exps_b, ids, u);
    if (m_config.expert_swiglu_clamp) b.swiglu_clamped(g, u, *m_config.expert_swiglu_clamp, g);
    else b.swiglu(g, u, g);
    Tensor d = b.scratch(quant::TensorType::F32, {m_hp.n_embd, n_used * n, 1, 1});
    b.mul_mat_id(l.down_exps, g, ids, n_used, d);
    if (l.down_exps_b.valid()) b.add_id(d, l.down_exps_b, ids, d);
    b.moe_combine(d, routed.weights, n_used, out);
    if (m_config.shared_expert) add_shared_expert(b, l, h, out);
}

void LlamaFamily::add_shared_expert(Backend& b, const Layer& l, const Tensor& h, Tensor& out) const {
    const std::int64_t n = h.ne[1];
    Tensor gate_logit = b.scratch(quant::TensorType::F32, {1, n, 1, 1});
    b.mul_mat(b.reshape_rows(l.gate_inp_shexp, m_hp.n_embd), h, gate_logit);
    // sigmoid(logit) per token is a routing to one expert: the backend computes it where the
    // logit is, so the gate never crosses to the host.
    const RoutedExperts gate = route_tokens(
        b, gate_logit, {}, {}, RoutingSpec{.n_expert = 1, .n_used = 1, .gating = ExpertGating::sigmoid, .normalize = false});
    Tensor g = b.scratch(quant::TensorType::F32, {m_hp.n_ff_shexp, n, 1, 1});
    Tensor u = b.scratch(quant::TensorType::F32, {m_hp.n_ff_shexp, n, 1, 1});
    b.mul_mat(l.gate_shexp, h, g);
    b.mul_mat(l.up_shexp, h, u);
    b.swiglu(g, u, g);
    Tensor d = b.scratch(quant::TensorType::F32, {m_hp.n_embd, n, 1, 1});
    b.mul_mat(l.down_shexp, g, d);
    Tensor scaled = b.scratch(quant::TensorType::F32, {m_hp.n_embd, n, 1, 1});
    b.moe_combine(d, gate.weights, 1, scaled); // one "slot" per token: d scaled by its gate
    b.add(out, scaled, out);
}

void LlamaFamily::ffn_block(Backend& b, const Layer& l, Tensor& x) const {
    const std::int64_t n = x.ne[1];
    Tensor h = b.scratch(quant::TensorType::F32, {m_hp.n_embd, n, 1, 1});
    b.rms_norm(x, l.ffn_norm, m_hp.eps, h);
    if (m_hp.n_expert > 0) {
        Tensor o = b.scratch(quant::TensorType::F32, {m_hp.n_embd, n, 1, 1});
        moe_block(b, l, h, o);
        b.add(x, o, x);
        return;
    }
    Tensor g = b.scratch(quant::TensorType::F32, {m_hp.n_ff, n, 1, 1});
    Tensor u = b.scratch(quant::TensorType::F32, {m_hp.n_ff, n, 1, 1});
    b.mul_mat(l.gate, h, g);
    b.mul_mat(l.up, h, u);
    if (m_config.geglu) b.geglu(g, u, g);
    else b.swiglu(g, u, g);
    Tensor d = b.scratch(quant::TensorType::F32, {m_hp.n_embd, n, 1, 1});
    b.mul_mat(l.down, g, d);
    if (m_config.sandwich_norms) b.rms_norm(d, l.post_ffw_norm, m_hp.eps, d);
    b.add(x, d, x);
}

// A ring holds its window and one step's rows: with sliding layers, longer batches go in
// steps of kMaxStep.
Result<void> LlamaFamily::forward(Backend& b, ForwardBatch& batch) const {
    if (!has_windows()) return forward_step(b, batch);
    return forward_in_steps(batch, kMaxStep, [&](ForwardBatch& step) { return forward_step(b, step); });
}

Result<void> LlamaFamily::forward_step(Backend& b, ForwardBatch& batch) const {
    if (Result<void> ok = check_token_ids(batch.tokens, m_hp.n_vocab); !ok) return ok;
    b.reset_scratch();
    const std::vector<std::int32_t> positions = batch_positions(batch);
    Tensor x = embed_tokens(b, m_tok_embd, batch, m_hp.n_embd);
    if (m_config.scale_embeddings) b.scale(x, std::sqrt(static_cast<float>(m_hp.n_embd)));
    // Each layer's buffers are dead once it has added its output to x.
    const Backend::ScratchMark layer_start = b.mark_scratch();
    for (int i = 0; i < m_hp.n_layer; ++i) {
        if (Result<void> ok = check_cancel(batch); !ok) return ok;
        const Layer& l = m_layers[static_cast<std::size_t>(i)];
        if (Result<void> ok = attention_block(b, l, x, (*batch.cache)[static_cast<std::size_t>(i)], positions, batch.first_pos);
            !ok)
            return ok;
        ffn_block(b, l, x);
        b.rewind_scratch(layer_start);
    }
    write_logits(b, x, m_output_norm, m_hp.eps, m_output, batch);
    return {};
}

// Mirrors the scratch() calls of forward(), attention_block(), ffn_block(), moe_block() and
// add_shared_expert(): F32 rows, each allocation padded to the arena's 64-byte alignment.
std::uint64_t LlamaFamily::scratch_bytes(std::int64_t n_tokens, std::int64_t n_logit_rows) const {
    const std::int64_t n = has_windows() ? std::min<std::int64_t>(n_tokens, kMaxStep) : n_tokens;
    const std::int64_t n_out = std::min(n_logit_rows, n);
    const auto f32_rows = [](std::int64_t width, std::int64_t rows) {
        return (static_cast<std::uint64_t>(width * rows) * 4u + 63u) / 64u * 64u;
    };
    const std::int64_t e = m_hp.n_embd, q = std::int64_t{m_hp.n_head} * m_hp.head_dim, kv = m_shape.k_width;
    const std::uint64_t attention = 2 * f32_rows(e, n) + 2 * f32_rows(q, n) + 2 * f32_rows(kv, n);
    std::uint64_t ffn = f32_rows(e, n); // the normed input
    if (m_hp.n_expert > 0) {
        const std::int64_t slots = std::int64_t{m_hp.n_expert_used} * n;
        // The router's logits, then its choice (ids and weights, one buffer).
        ffn += f32_rows(e, n) + f32_rows(m_hp.n_expert, n) + f32_rows(2 * std::int64_t{m_hp.n_expert_used}, n) +
               2 * f32_rows(m_hp.n_ff_exp, slots) + f32_rows(e, slots);
        if (m_config.shared_expert)
            ffn += f32_rows(1, n) + f32_rows(2, n) + 2 * f32_rows(m_hp.n_ff_shexp, n) + 2 * f32_rows(e, n);
    } else {
        ffn += 2 * f32_rows(m_hp.n_ff, n) + f32_rows(e, n);
    }
    const std::uint64_t output = f32_rows(e, n_out) + f32_rows(m_hp.n_vocab, n_out);
    // Activations quantized once per matmul for the CPU's prompt GEMM (codes, scales and
    // offset sums: at most about 1.4 bytes per value, Q8_K records with sums per 16 and per
    // 32) for the widest input: a backend workspace outside the arena, kept across passes.
    const std::int64_t widest = std::max({e, q, m_hp.n_expert > 0 ? 0 : std::int64_t{m_hp.n_ff}});
    const std::int64_t moe_down = m_hp.n_expert > 0 ? std::int64_t{m_hp.n_expert_used} * m_hp.n_ff_exp : 0;
    const auto panel = static_cast<std::uint64_t>(1.4 * static_cast<double>(n * std::max(widest, moe_down)));
    return f32_rows(e, n) + std::max(attention + ffn, output) + panel; // layers are rewound before the output
}

// The sliding layers' rings decide: the global layers keep every position.
std::int64_t LlamaFamily::resume_position(Backend& b, const std::vector<KvLayer>& cache, std::int64_t wanted) const {
    std::vector<WindowRows> windows;
    for (std::size_t i = 0; i < m_layers.size() && i < cache.size(); ++i)
        if (m_layers[i].sliding && cache[i].ring > 0) windows.push_back(window_rows(cache[i]));
    return window_resume_position(b, windows, wanted);
}

} // namespace

Result<std::unique_ptr<ArchModel>> load_llama_family(const ModelFile& file, const LlamaFamilyConfig& config) {
    Result<Hparams> hp = read_hparams(file);
    if (!hp) return hp.error();
    auto model = std::make_unique<LlamaFamily>(std::move(hp.value()), config);
    if (Result<void> bound = model->bind(file); !bound) return bound.error();
    return std::unique_ptr<ArchModel>(std::move(model));
}

} // namespace conclave::model
