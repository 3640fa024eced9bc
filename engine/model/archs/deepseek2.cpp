// deepseek2: DeepSeek V2, V2-Lite, V3, R1, Kimi K2 and the other models in this layout.
// Multi-head latent attention: each position's keys and values are compressed into one
// kv_lora_rank latent (plus a small RoPE key shared by all heads). Attention runs in that
// latent space with the key and value up-projections absorbed into the query and the output
// (attn_k_b, attn_v_b), so the cache holds kv_lora_rank + rope values per position per
// layer (576 for V3) and serves as keys and values at once. After the leading dense layers
// the FFN is a mixture of experts (softmax or sigmoid routing, optionally limited to the best
// expert groups, a selection-only bias) plus always-on shared experts.
#include "model/archs/archs.h"
#include "model/archs/deepseek2_kv_b.h"
#include "model/forward_steps.h"
#include "model/routed_experts.h"
#include "model/scratch_sizes.h"

#include <algorithm>
#include <cmath>

namespace conclave::model {
namespace {

struct Hparams {
    int n_layer = 0, n_embd = 0, n_head = 0, n_vocab = 0, n_ctx = 0;
    int n_ff = 0, n_ff_exp = 0, n_expert_shared = 0, n_dense_lead = 0;
    int q_lora_rank = 0;   // 0: queries straight from the hidden state (V2-Lite)
    int kv_lora_rank = 0;  // the latent's width
    int qk_nope = 0;       // per-head query/key values without RoPE
    int qk_rope = 0;       // with RoPE (the shared key part)
    int v_head = 0;        // per-head value width after the up-projection
    float eps = 1e-6f;
    float kq_scale = 1.0f;
    RopeParams rope;
    RoutingSpec routing;
};

struct Layer {
    Tensor attn_norm, wq, wq_a, q_a_norm, wq_b, wkv_a, kv_a_norm, wk_b, wv_b, wo;
    Tensor ffn_norm, gate, up, down;                       // leading dense layers
    Tensor gate_inp, probs_bias, gate_exps, up_exps, down_exps; // mixture of experts
    Tensor gate_shexp, up_shexp, down_shexp;               // shared experts
    bool moe = false;
};

// DeepSeek's YaRN keeps the rotation's magnitude at 1 (RoPE's own 1 + 0.1 ln(factor) is
// cancelled) and scales attention logits by mscale^2 instead, mscale = 1 + 0.1 *
// mscale_all_dim * ln(factor); files store 0.1 * mscale_all_dim as yarn_log_multiplier.
// (Without that key the magnitude stays on RoPE and in the scale, as llama.cpp reads such
// files.)
void read_rope(const ModelFile& f, Hparams& hp) {
    hp.rope.n_dims = hp.qk_rope;
    hp.rope.freq_base = f.real_or("rope.freq_base", 10000.0f);
    hp.kq_scale = 1.0f / std::sqrt(static_cast<float>(hp.qk_nope + hp.qk_rope));
    const auto scaling = f.gguf().get_string(f.arch() + ".rope.scaling.type");
    const float factor = f.real_or("rope.scaling.factor", 1.0f);
    if (!scaling || *scaling != "yarn" || factor <= 1.0f) return;
    const float log_multiplier = f.real_or("rope.scaling.yarn_log_multiplier", 0.0f);
    const float magnitude = 1.0f + 0.1f * std::log(factor);
    const float file_factor = f.real_or("rope.scaling.attn_factor", 1.0f);
    hp.rope.freq_scale = 1.0f / factor;
    hp.rope.ext_factor = 1.0f;
    hp.rope.attn_factor = (log_multiplier != 0.0f ? 1.0f / magnitude : 1.0f) * file_factor;
    hp.rope.beta_fast = f.real_or("rope.scaling.yarn_beta_fast", 32.0f);
    hp.rope.beta_slow = f.real_or("rope.scaling.yarn_beta_slow", 1.0f);
    hp.rope.n_ctx_orig = static_cast<int>(f.uint_or("rope.scaling.original_context_length", f.uint_or("context_length", 4096)));
    const float mscale = hp.rope.attn_factor * magnitude * (1.0f + log_multiplier * std::log(factor));
    hp.kq_scale *= mscale * mscale;
}

Result<Hparams> read_hparams(const ModelFile& f) {
    Hparams hp;
    const auto n_layer = f.uint("block_count");
    const auto n_embd = f.uint("embedding_length");
    const auto n_head = f.uint("attention.head_count");
    const auto kv_lora = f.uint("attention.kv_lora_rank");
    const auto rope_dims = f.uint("rope.dimension_count");
    const auto n_expert = f.uint("expert_count");
    const auto n_used = f.uint("expert_used_count");
    for (const Result<std::uint64_t>* r : {&n_layer, &n_embd, &n_head, &kv_lora, &rope_dims, &n_expert, &n_used})
        if (!r->ok()) return r->error();
    // Multi-token-prediction layers (nextn_predict_layers) follow the decoder's layers in the
    // block count; they serve speculative decoding only and are not run.
    const auto n_mtp = static_cast<std::int64_t>(f.uint_or("nextn_predict_layers", 0));
    hp.n_layer = static_cast<int>(static_cast<std::int64_t>(*n_layer) - n_mtp);
    hp.n_embd = static_cast<int>(*n_embd);
    hp.n_head = static_cast<int>(*n_head);
    hp.kv_lora_rank = static_cast<int>(*kv_lora);
    hp.qk_rope = static_cast<int>(*rope_dims);
    hp.q_lora_rank = static_cast<int>(f.uint_or("attention.q_lora_rank", 0));
    // Current files describe the attention as the absorbed MQA it runs as (key_length =
    // kv_lora_rank + rope) and keep the per-head sizes in the *_mla keys; older ones have only
    // the per-head sizes.
    const bool mla_keys = f.gguf().get_uint(f.arch() + ".attention.key_length_mla").has_value();
    const auto k_head = f.uint_or(mla_keys ? "attention.key_length_mla" : "attention.key_length", 0);
    hp.v_head = static_cast<int>(f.uint_or(mla_keys ? "attention.value_length_mla" : "attention.value_length", 0));
    hp.qk_nope = static_cast<int>(k_head) - hp.qk_rope;
    hp.n_ctx = static_cast<int>(f.uint_or("context_length", 4096));
    hp.eps = f.real_or("attention.layer_norm_rms_epsilon", 1e-6f);
    hp.n_ff = static_cast<int>(f.uint_or("feed_forward_length", 0));
    hp.n_ff_exp = static_cast<int>(f.uint_or("expert_feed_forward_length", 0));
    hp.n_expert_shared = static_cast<int>(f.uint_or("expert_shared_count", 0));
    hp.n_dense_lead = static_cast<int>(f.uint_or("leading_dense_block_count", 0));
    if (hp.n_layer <= 0 || hp.n_embd <= 0 || hp.n_head <= 0 || hp.kv_lora_rank <= 0 || hp.qk_rope <= 0 ||
        hp.qk_rope % 2 != 0 || hp.qk_nope <= 0 || hp.v_head <= 0 || hp.n_dense_lead > hp.n_layer)
        return make_error(ErrorCode::invalid_format, "the model's attention sizes or layer counts are inconsistent");
    if ((hp.n_dense_lead > 0 && hp.n_ff <= 0) || (hp.n_dense_lead < hp.n_layer && hp.n_ff_exp <= 0))
        return make_error(ErrorCode::invalid_format, "the model's feed-forward sizes are missing");

    RoutingSpec& r = hp.routing;
    r.n_expert = static_cast<int>(*n_expert);
    r.n_used = static_cast<int>(*n_used);
    // expert_gating_func: 1 softmax, 2 sigmoid; V2 files predate the key (softmax).
    const std::uint64_t gating = f.uint_or("expert_gating_func", 1);
    if (gating != 1 && gating != 2)
        return make_error(ErrorCode::unsupported, "expert gating function " + std::to_string(gating) +
                                                      " is not one deepseek2 models use (1 softmax, 2 sigmoid)");
    r.gating = gating == 2 ? ExpertGating::sigmoid : ExpertGating::softmax;
    r.group_score = r.gating == ExpertGating::sigmoid ? GroupScore::best_two : GroupScore::best;
    r.normalize = f.gguf().get_bool(f.arch() + ".expert_weights_norm").value_or(false);
    const float scale = f.real_or("expert_weights_scale", 1.0f);
    r.scale = scale != 0.0f ? scale : 1.0f;
    r.n_group = static_cast<int>(f.uint_or("expert_group_count", 1));
    r.n_group_used = static_cast<int>(f.uint_or("expert_group_used_count", static_cast<std::uint64_t>(r.n_group)));
    if (r.n_expert <= 0 || r.n_used <= 0 || r.n_used > r.n_expert || r.n_group <= 0 || r.n_expert % r.n_group != 0 ||
        r.n_group_used <= 0 || r.n_group_used > r.n_group ||
        r.n_used > r.n_group_used * (r.n_expert / r.n_group))
        return make_error(ErrorCode::invalid_format, "the model's expert counts or groups are inconsistent");
    read_rope(f, hp);
    return hp;
}

class DeepSeek2 final : public ArchModel {
public:
    explicit DeepSeek2(Hparams hp) : m_hp(std::move(hp)) {}

    Result<void> bind(const ModelFile& f);
    const ModelShape& shape() const override { return m_shape; }
    std::uint64_t derived_weight_bytes() const override { return m_derived_bytes; }
    Result<void> forward(Backend& backend, ForwardBatch& batch) const override;
    std::uint64_t scratch_bytes(std::int64_t n_tokens, std::int64_t n_logit_rows) const override;

private:
    void attention_block(Backend& b, const Layer& l, Tensor& x, KvLayer& cache, std::span<const std::int32_t> pos,
                         std::int64_t first_pos) const;
    void ffn_block(Backend& b, const Layer& l, Tensor& x) const;
    void moe(Backend& b, const Layer& l, const Tensor& h, Tensor& out) const;
    void gated_ffn(Backend& b, const Tensor& gate, const Tensor& up, const Tensor& down, const Tensor& h, Tensor& out) const;

    Result<void> bind_fused_kv_b(const ModelFile& f, int layer);
    std::int64_t q_head() const { return std::int64_t{m_hp.qk_nope} + m_hp.qk_rope; }
    std::int64_t latent_row() const { return std::int64_t{m_hp.kv_lora_rank} + m_hp.qk_rope; }

    Hparams m_hp;
    ModelShape m_shape;
    Tensor m_tok_embd, m_output_norm, m_output;
    std::vector<Layer> m_layers;
    std::vector<SplitKvB> m_split_kv_b; // old files: attn_kv_b split at load (deepseek2_kv_b.h)
    std::uint64_t m_derived_bytes = 0;
};

Result<void> DeepSeek2::bind(const ModelFile& f) {
    const std::int64_t e = m_hp.n_embd, h = m_hp.n_head, x = m_hp.routing.n_expert;
    const gguf::TensorInfo* embd = f.gguf().find_tensor("token_embd.weight");
    if (!embd) return make_error(ErrorCode::invalid_format, "the model file lacks the tensor 'token_embd.weight'");
    m_hp.n_vocab = static_cast<int>(embd->shape[1]);
    Error error;
    const auto need = [&](Tensor& out, const std::string& name, std::vector<std::int64_t> ne, bool optional = false) {
        Result<Tensor> r = optional ? f.optional_weight(name, ne) : f.weight(name, ne);
        if (r.ok()) out = r.value();
        else if (error.message.empty()) error = r.error();
    };
    need(m_tok_embd, "token_embd.weight", {e, m_hp.n_vocab});
    need(m_output_norm, "output_norm.weight", {e});
    need(m_output, "output.weight", {e, m_hp.n_vocab}, true);
    if (!m_output.valid()) m_output = m_tok_embd;
    const bool fused_kv_b = !f.has_weight(layer_weight(0, "attn_k_b")) && f.has_weight(layer_weight(0, "attn_kv_b"));
    m_layers.resize(static_cast<std::size_t>(m_hp.n_layer));
    if (fused_kv_b && !f.header_only()) m_split_kv_b.resize(m_layers.size());
    for (int i = 0; i < m_hp.n_layer; ++i) {
        Layer& l = m_layers[static_cast<std::size_t>(i)];
        need(l.attn_norm, layer_weight(i, "attn_norm"), {e});
        if (m_hp.q_lora_rank > 0) {
            need(l.wq_a, layer_weight(i, "attn_q_a"), {e, m_hp.q_lora_rank});
            need(l.q_a_norm, layer_weight(i, "attn_q_a_norm"), {m_hp.q_lora_rank});
            need(l.wq_b, layer_weight(i, "attn_q_b"), {m_hp.q_lora_rank, h * q_head()});
        } else {
            need(l.wq, layer_weight(i, "attn_q"), {e, h * q_head()});
        }
        need(l.wkv_a, layer_weight(i, "attn_kv_a_mqa"), {e, latent_row()});
        need(l.kv_a_norm, layer_weight(i, "attn_kv_a_norm"), {m_hp.kv_lora_rank});
        if (fused_kv_b) {
            if (Result<void> split = bind_fused_kv_b(f, i); !split) return split.error();
        } else {
            need(l.wk_b, layer_weight(i, "attn_k_b"), {m_hp.qk_nope, m_hp.kv_lora_rank, h});
            need(l.wv_b, layer_weight(i, "attn_v_b"), {m_hp.kv_lora_rank, m_hp.v_head, h});
        }
        need(l.wo, layer_weight(i, "attn_output"), {h * m_hp.v_head, e});
        need(l.ffn_norm, layer_weight(i, "ffn_norm"), {e});
        l.moe = i >= m_hp.n_dense_lead;
        if (!l.moe) {
            need(l.gate, layer_weight(i, "ffn_gate"), {e, m_hp.n_ff});
            need(l.up, layer_weight(i, "ffn_up"), {e, m_hp.n_ff});
            need(l.down, layer_weight(i, "ffn_down"), {m_hp.n_ff, e});
            continue;
        }
        const std::int64_t f_exp = m_hp.n_ff_exp, f_sh = std::int64_t{m_hp.n_ff_exp} * m_hp.n_expert_shared;
        need(l.gate_inp, layer_weight(i, "ffn_gate_inp"), {e, x});
        need(l.probs_bias, "blk." + std::to_string(i) + ".exp_probs_b.bias", {x}, true);
        need(l.gate_exps, layer_weight(i, "ffn_gate_exps"), {e, f_exp, x});
        need(l.up_exps, layer_weight(i, "ffn_up_exps"), {e, f_exp, x});
        need(l.down_exps, layer_weight(i, "ffn_down_exps"), {f_exp, e, x});
        if (f_sh > 0) {
            need(l.gate_shexp, layer_weight(i, "ffn_gate_shexp"), {e, f_sh});
            need(l.up_shexp, layer_weight(i, "ffn_up_shexp"), {e, f_sh});
            need(l.down_shexp, layer_weight(i, "ffn_down_shexp"), {f_sh, e});
        }
    }
    if (!error.message.empty()) return error;
    for (const Layer& l : m_layers)
        for (const Tensor* t : {&l.attn_norm, &l.q_a_norm, &l.kv_a_norm, &l.ffn_norm, &l.probs_bias})
            if (t->valid() && t->type != quant::TensorType::F32)
                return make_error(ErrorCode::unsupported, "norm and expert bias tensors must be F32");
    const int latent = static_cast<int>(latent_row());
    m_shape = ModelShape{m_hp.n_layer, m_hp.n_embd, m_hp.n_vocab, m_hp.n_ctx, latent, 0, latent, {}, {}};
    return {};
}

// Old files: attn_kv_b split into F16 attn_k_b / attn_v_b held by the model (a header-only
// file for sizing gets shapes and the byte count, no data).
Result<void> DeepSeek2::bind_fused_kv_b(const ModelFile& f, int layer) {
    const std::int64_t h = m_hp.n_head;
    Result<Tensor> kv_b = f.weight(layer_weight(layer, "attn_kv_b"), {m_hp.kv_lora_rank, h * (m_hp.qk_nope + m_hp.v_head)});
    if (!kv_b) return kv_b.error();
    Layer& l = m_layers[static_cast<std::size_t>(layer)];
    l.wk_b = Tensor{quant::TensorType::F16, {m_hp.qk_nope, m_hp.kv_lora_rank, h, 1}, nullptr, nullptr};
    l.wv_b = Tensor{quant::TensorType::F16, {m_hp.kv_lora_rank, m_hp.v_head, h, 1}, nullptr, nullptr};
    m_derived_bytes += split_kv_b_bytes(m_hp.n_head, m_hp.qk_nope, m_hp.v_head, m_hp.kv_lora_rank);
    if (f.header_only()) return {};
    Result<SplitKvB> split = split_kv_b(*kv_b, m_hp.n_head, m_hp.qk_nope, m_hp.v_head, m_hp.kv_lora_rank);
    if (!split) return split.error();
    SplitKvB& held = m_split_kv_b[static_cast<std::size_t>(layer)];
    held = std::move(split.value());
    l.wk_b.data = held.k_b.data();
    l.wv_b.data = held.v_b.data();
    return {};
}

// Latent attention, weights absorbed. Per token: the latent c = norm(W_kv_a x)[:kv_lora] and
// the shared RoPE key k_r are cached as one row [c, k_r]. Each head's query [q_nope, q_rope]
// becomes [W_k_b^T q_nope, q_rope] so that its dot product with a cached row equals
// q_nope . k_nope + q_rope . k_r of the uncompressed attention; the head's output, a mix of
// latents, goes through W_v_b to the head's values.
void DeepSeek2::attention_block(Backend& b, const Layer& l, Tensor& x, KvLayer& cache, std::span<const std::int32_t> pos,
                                std::int64_t first_pos) const {
    const std::int64_t n = x.ne[1], h = m_hp.n_head, heads = h * n;
    const std::int64_t lora = m_hp.kv_lora_rank, rope = m_hp.qk_rope, nope = m_hp.qk_nope;
    Tensor hs = b.scratch(quant::TensorType::F32, {m_hp.n_embd, n, 1, 1});
    b.rms_norm(x, l.attn_norm, m_hp.eps, hs);

    Tensor q = b.scratch(quant::TensorType::F32, {h * q_head(), n, 1, 1});
    if (m_hp.q_lora_rank > 0) {
        Tensor qa = b.scratch(quant::TensorType::F32, {m_hp.q_lora_rank, n, 1, 1});
        b.mul_mat(l.wq_a, hs, qa);
        b.rms_norm(qa, l.q_a_norm, m_hp.eps, qa);
        b.mul_mat(l.wq_b, qa, q);
    } else {
        b.mul_mat(l.wq, hs, q);
    }

    // The cache row: the normed latent, then the rotated shared key.
    Tensor kv = b.scratch(quant::TensorType::F32, {latent_row(), n, 1, 1});
    b.mul_mat(l.wkv_a, hs, kv);
    Tensor latent = b.scratch(quant::TensorType::F32, {lora, n, 1, 1});
    Tensor k_rope = b.scratch(quant::TensorType::F32, {rope, n, 1, 1});
    b.copy_columns(kv, 0, latent, 0, lora);
    b.copy_columns(kv, lora, k_rope, 0, rope);
    b.rms_norm(latent, l.kv_a_norm, m_hp.eps, latent);
    b.rope(k_rope, static_cast<int>(rope), pos, m_hp.rope);
    b.copy_columns(latent, 0, kv, 0, lora);
    b.copy_columns(k_rope, 0, kv, lora, rope);
    b.kv_store(cache, kv, Tensor{}, first_pos);

    // Queries per head (rows of q_head values, head h of token t at row h + n_head * t).
    const Tensor q_heads = b.reshape_rows(q, q_head());
    Tensor q_nope = b.scratch(quant::TensorType::F32, {nope, heads, 1, 1});
    Tensor q_rope = b.scratch(quant::TensorType::F32, {rope, heads, 1, 1});
    b.copy_columns(q_heads, 0, q_nope, 0, nope);
    b.copy_columns(q_heads, nope, q_rope, 0, rope);
    Tensor q_rope_tokens = b.reshape_rows(q_rope, rope * h);
    b.rope(q_rope_tokens, static_cast<int>(rope), pos, m_hp.rope);
    // attn_k_b and attn_v_b hold one matrix per head, as expert weights hold one per expert:
    // mul_mat_id with "expert" h for head h applies each head's own matrix.
    std::vector<std::int32_t> head_ids(static_cast<std::size_t>(heads));
    for (std::size_t i = 0; i < head_ids.size(); ++i) head_ids[i] = static_cast<std::int32_t>(i % static_cast<std::size_t>(h));
    Tensor q_absorbed = b.scratch(quant::TensorType::F32, {lora, heads, 1, 1});
    b.mul_mat_id(l.wk_b, q_nope, head_ids, static_cast<int>(h), q_absorbed);
    Tensor q_latent = b.scratch(quant::TensorType::F32, {latent_row(), heads, 1, 1});
    b.copy_columns(q_absorbed, 0, q_latent, 0, lora);
    b.copy_columns(q_rope, 0, q_latent, lora, rope);

    AttentionParams ap{.n_head = static_cast<int>(h),
                       .n_head_kv = 1,
                       .head_dim = static_cast<int>(latent_row()),
                       .scale = m_hp.kq_scale,
                       .head_dim_v = static_cast<int>(lora)};
    Tensor mixed = b.scratch(quant::TensorType::F32, {lora * h, n, 1, 1});
    b.attention(b.reshape_rows(q_latent, latent_row() * h), cache, first_pos, ap, mixed);
    Tensor values = b.scratch(quant::TensorType::F32, {m_hp.v_head, heads, 1, 1});
    b.mul_mat_id(l.wv_b, b.reshape_rows(mixed, lora), head_ids, static_cast<int>(h), values);
    Tensor o = b.scratch(quant::TensorType::F32, {m_hp.n_embd, n, 1, 1});
    b.mul_mat(l.wo, b.reshape_rows(values, m_hp.v_head * h), o);
    b.add(x, o, x);
}

void DeepSeek2::gated_ffn(Backend& b, const Tensor& gate, const Tensor& up, const Tensor& down, const Tensor& h,
                          Tensor& out) const {
    const std::int64_t n = h.ne[1], width = gate.ne[1];
    Tensor g = b.scratch(quant::TensorType::F32, {width, n, 1, 1});
    Tensor u = b.scratch(quant::TensorType::F32, {width, n, 1, 1});
    b.mul_mat(gate, h, g);
    b.mul_mat(up, h, u);
    b.swiglu(g, u, g);
    b.mul_mat(down, g, out);
}

void DeepSeek2::moe(Backend& b, const Layer& l, const Tensor& h, Tensor& out) const {
    const std::int64_t n = h.ne[1];
    const int n_used = m_hp.routing.n_used;
    Tensor router = b.scratch(quant::TensorType::F32, {m_hp.routing.n_expert, n, 1, 1});
    b.mul_mat(l.gate_inp, h, router);
    const RoutedExperts routed = route_tokens(b, router, l.probs_bias, {}, m_hp.routing);
    Tensor g = b.scratch(quant::TensorType::F32, {m_hp.n_ff_exp, n_used * n, 1, 1});
    Tensor u = b.scratch(quant::TensorType::F32, {m_hp.n_ff_exp, n_used * n, 1, 1});
    b.mul_mat_id(l.gate_exps, h, routed.ids, n_used, g);
    b.mul_mat_id(l.up_exps, h, routed.ids, n_used, u);
    b.swiglu(g, u, g);
    Tensor d = b.scratch(quant::TensorType::F32, {m_hp.n_embd, n_used * n, 1, 1});
    b.mul_mat_id(l.down_exps, g, routed.ids, n_used, d);
    b.moe_combine(d, routed.weights, n_used, out);
    if (!l.gate_shexp.valid()) return;
    Tensor shared = b.scratch(quant::TensorType::F32, {m_hp.n_embd, n, 1, 1});
    gated_ffn(b, l.gate_shexp, l.up_shexp, l.down_shexp, h, shared);
    b.add(out, shared, out);
}

void DeepSeek2::ffn_block(Backend& b, const Layer& l, Tensor& x) const {
    const std::int64_t n = x.ne[1];
    Tensor h = b.scratch(quant::TensorType::F32, {m_hp.n_embd, n, 1, 1});
    b.rms_norm(x, l.ffn_norm, m_hp.eps, h);
    Tensor o = b.scratch(quant::TensorType::F32, {m_hp.n_embd, n, 1, 1});
    if (l.moe) moe(b, l, h, o);
    else gated_ffn(b, l.gate, l.up, l.down, h, o);
    b.add(x, o, x);
}

Result<void> DeepSeek2::forward(Backend& b, ForwardBatch& batch) const {
    if (Result<void> ok = check_token_ids(batch.tokens, m_hp.n_vocab); !ok) return ok;
    b.reset_scratch();
    const std::vector<std::int32_t> positions = batch_positions(batch);
    Tensor x = embed_tokens(b, m_tok_embd, batch, m_hp.n_embd);
    const Backend::ScratchMark layer_start = b.mark_scratch();
    for (int i = 0; i < m_hp.n_layer; ++i) {
        if (Result<void> ok = check_cancel(batch); !ok) return ok;
        const Layer& l = m_layers[static_cast<std::size_t>(i)];
        attention_block(b, l, x, (*batch.cache)[static_cast<std::size_t>(i)], positions, batch.first_pos);
        b.rewind_scratch(layer_start);
        ffn_block(b, l, x);
        b.rewind_scratch(layer_start);
    }
    write_logits(b, x, m_output_norm, m_hp.eps, m_output, batch);
    return {};
}

// Mirrors the scratch() calls above: F32 rows, each allocation padded to the arena's 64-byte
// alignment; attention and FFN are rewound separately, so the larger of the two counts.
std::uint64_t DeepSeek2::scratch_bytes(std::int64_t n, std::int64_t n_out) const {
    const auto f32_rows = scratch_f32_bytes;
    const std::int64_t e = m_hp.n_embd, h = m_hp.n_head, lora = m_hp.kv_lora_rank, rope = m_hp.qk_rope;
    const std::uint64_t attention = f32_rows(e, n) + f32_rows(h * q_head(), n) +
                                    (m_hp.q_lora_rank > 0 ? f32_rows(m_hp.q_lora_rank, n) : 0) +
                                    f32_rows(latent_row(), n) + f32_rows(lora, n) + f32_rows(rope, n) +
                                    f32_rows(m_hp.qk_nope, h * n) + f32_rows(rope, h * n) + f32_rows(lora, h * n) +
                                    f32_rows(latent_row(), h * n) + f32_rows(lora * h, n) + f32_rows(m_hp.v_head, h * n) +
                                    f32_rows(e, n);
    const std::int64_t slots = std::int64_t{m_hp.routing.n_used} * n;
    const std::int64_t f_sh = std::int64_t{m_hp.n_ff_exp} * m_hp.n_expert_shared;
    const std::uint64_t moe = f32_rows(m_hp.routing.n_expert, n) + f32_rows(2 * std::int64_t{m_hp.routing.n_used}, n) +
                              2 * f32_rows(m_hp.n_ff_exp, slots) + f32_rows(e, slots) +
                              (f_sh > 0 ? f32_rows(e, n) + 2 * f32_rows(f_sh, n) : 0);
    const std::uint64_t dense = m_hp.n_dense_lead > 0 ? 2 * f32_rows(m_hp.n_ff, n) : 0;
    const std::uint64_t ffn = 2 * f32_rows(e, n) + std::max(moe, dense);
    const std::uint64_t output = f32_rows(e, n_out) + f32_rows(m_hp.n_vocab, n_out);
    // The prompt GEMM's quantized activations for the largest input of one matmul.
    const auto records = gemm_activation_bytes;
    const std::uint64_t panel = std::max({records(e, n), records(m_hp.q_lora_rank, n), records(m_hp.qk_nope, h * n),
                                          records(lora, h * n), records(m_hp.v_head * h, n), records(m_hp.n_ff, n),
                                          records(m_hp.n_ff_exp, slots), records(f_sh, n)});
    return f32_rows(e, n) + std::max({attention, ffn, output}) + panel;
}

} // namespace

Result<std::unique_ptr<ArchModel>> load_deepseek2(const ModelFile& file) {
    Result<Hparams> hp = read_hparams(file);
    if (!hp) return hp.error();
    auto model = std::make_unique<DeepSeek2>(std::move(hp.value()));
    if (Result<void> bound = model->bind(file); !bound) return bound.error();
    return std::unique_ptr<ArchModel>(std::move(model));
}

} // namespace conclave::model
