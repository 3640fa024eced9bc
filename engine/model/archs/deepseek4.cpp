// deepseek4: DeepSeek V4-Flash and V4-Pro (../shared/design/deepseek4.md).
// Four residual streams joined by hyper-connections instead of one residual; attention of
// many query heads over one shared key=value vector per position, with sinks, RoPE on the
// tail of each head (undone on the output) and a grouped low-rank output projection; a
// sliding window on every layer, and in compressing layers keys pooled every 4 positions
// (of which a lightning indexer picks the blocks each query reads) or every 128 (all read);
// a mixture of experts routed by sqrt-softplus scores, or by a token-id table in the first
// layers, with a clamped SwiGLU in routed and shared experts.
//
// The cache of a layer: the window keys of every position (KvLayer::k, values in the keys),
// and for compressing layers (KvLayer::extra) the compressed keys, the compressor's state
// rows (deepseek4_compressor.h) and, for ratio 4, the indexer's keys.
#include "model/archs/archs.h"
#include "model/archs/deepseek4_compressor.h"
#include "model/archs/deepseek4_hparams.h"
#include "model/forward_steps.h"
#include "model/routed_experts.h"
#include "model/scratch_sizes.h"
#include "model/window_cache.h"
#include "quant/dequantize.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace conclave::model {
namespace {

using quant::TensorType;

struct Compressor {
    Tensor kv, gate, ape, norm;
};

struct Layer {
    int ratio = 0;
    Tensor hc_attn_fn, hc_attn_base, hc_attn_scale, hc_ffn_fn, hc_ffn_base, hc_ffn_scale;
    Tensor attn_norm, wq_a, q_a_norm, wq_b, wkv, kv_norm, sinks, wo_a, wo_b;
    Compressor compressor, indexer_compressor;
    Tensor indexer_q_b, indexer_proj;
    Tensor ffn_norm, gate_inp, probs_bias, tid2eid, gate_exps, up_exps, down_exps, gate_shexp, up_shexp, down_shexp;
};

// The most indexer scores (floats) one step of a pass holds: 16 MiB.
constexpr std::int64_t kIndexerScoreValues = std::int64_t{4} << 20;

// The window's checkpoints (window_cache.h) every 1024 positions, a multiple of the
// compressor's span so that one position resumes both.
constexpr int kWindowCheckpointSpan = 1024;

// Indices of a compressing layer's tensors in KvLayer::extra.
enum ExtraSlot : std::size_t {
    window_tags = 0,
    window_checkpoints = 1,
    compressed_keys = 2, // the rest in compressing layers only
    state_ring = 3,
    state_checkpoints = 4, // and these two in ratio-4 layers only
    indexer_keys = 5,
};

std::span<const float> floats(const Tensor& t) {
    return {static_cast<const float*>(t.data), static_cast<std::size_t>(t.n_elements())};
}

class DeepSeek4 final : public ArchModel {
public:
    explicit DeepSeek4(DeepSeek4Hparams hp) : m_hp(std::move(hp)) {}
    Result<void> bind(const ModelFile& f);

    const ModelShape& shape() const override { return m_shape; }
    Result<void> forward(Backend& b, ForwardBatch& batch) const override;
    Result<void> forward_step(Backend& b, ForwardBatch& batch) const;
    std::uint64_t scratch_bytes(std::int64_t n_tokens, std::int64_t n_logit_rows) const override;
    std::int64_t resume_position(Backend& b, const std::vector<KvLayer>& cache, std::int64_t wanted) const override;

private:
    // Per-position state row of a compressing layer: u and g of the main compressor, then
    // (ratio 4) of the indexer's, then the position + 1.
    int state_stride(int ratio) const {
        const int main = 2 * CompressorGeometry{ratio, m_hp.head_dim}.row();
        return main + (ratio == 4 ? 2 * CompressorGeometry{4, m_hp.indexer_dim}.row() : 0) + 1;
    }
    // The columns a ratio-4 checkpoint keeps: the first halves of both compressors' u and g.
    std::vector<ColumnSpan> checkpoint_columns() const {
        const int hd = m_hp.head_dim, id = m_hp.indexer_dim;
        return {{0, hd}, {2 * hd, hd}, {4 * hd, id}, {4 * hd + 2 * id, id}};
    }
    StateTensors state_tensors(const KvLayer& cache, int ratio) const {
        if (ratio != 4) return {cache.extra[state_ring], Tensor{}, {}};
        return {cache.extra[state_ring], cache.extra[state_checkpoints], checkpoint_columns()};
    }
    const RopeParams& rope_of(const Layer& l) const { return l.ratio > 0 ? m_hp.rope_compressed : m_hp.rope_window; }
    std::int64_t streams_width() const { return std::int64_t{m_hp.hyper.n_streams} * m_hp.n_embd; }

    // x = the collapse of the streams H with the coefficients of (fn, base, scale); returns
    // the coefficients for the expansion after the sub-block.
    HyperCoefficients collapse(Backend& b, const Tensor& streams, const Tensor& fn, const Tensor& base, const Tensor& scale,
                               Tensor& x) const;
    // H = post * out + mix . H
    void expand(Backend& b, Tensor& streams, const Tensor& out, const HyperCoefficients& c) const;
    // RoPE on the last n_rot values of every head_dim-wide head of x's rows.
    void rope_tail(Backend& b, Tensor& x, std::int64_t head_dim, std::span<const std::int32_t> positions,
                   const RopeParams& rope) const;
    Result<void> attention_block(Backend& b, const Layer& l, const Tensor& x, KvLayer& cache,
                                 std::span<const std::int32_t> pos, std::int64_t first_pos, Tensor& out) const;
    // Appends the layer's newly complete compressed keys to the cache and stores the batch's
    // state rows; the keys each query reads go to rows / begin.
    Result<void> compress(Backend& b, const Layer& l, const Tensor& x, const Tensor& cq, KvLayer& cache,
                          std::int64_t first_pos, std::vector<std::int32_t>& rows, std::vector<std::int32_t>& begin) const;
    void store_compressed(Backend& b, const Tensor& norm, std::vector<float>& keys, std::int64_t width, int ratio,
                          std::int64_t first_block, Tensor& cache_rows, const RopeParams& rope) const;
    void ffn_block(Backend& b, const Layer& l, const Tensor& y, std::span<const std::int32_t> tokens, int layer,
                   Tensor& out) const;

    DeepSeek4Hparams m_hp;
    ModelShape m_shape;
    Tensor m_tok_embd, m_output_norm, m_output, m_output_hc_fn, m_output_hc_base, m_output_hc_scale;
    std::vector<Layer> m_layers;
};

Result<void> DeepSeek4::bind(const ModelFile& f) {
    const std::int64_t e = m_hp.n_embd, h = m_hp.n_head, hd = m_hp.head_dim, hc = m_hp.hyper.n_streams;
    const std::int64_t x = m_hp.routing.n_expert, k = m_hp.routing.n_used;
    const std::int64_t gd = h * hd / m_hp.o_groups, mix = (2 + hc) * hc;
    const std::int64_t f_exp = m_hp.n_ff_exp, f_sh = f_exp * m_hp.n_expert_shared;
    const gguf::TensorInfo* embd = f.gguf().find_tensor("token_embd.weight");
    if (!embd) return make_error(ErrorCode::invalid_format, "the model file has no token_embd.weight");
    m_hp.n_vocab = static_cast<int>(embd->shape[1]);
    Error error;
    const auto need = [&](Tensor& out, const std::string& name, std::vector<std::int64_t> ne, bool optional = false) {
        Result<Tensor> r = optional ? f.optional_weight(name, std::move(ne)) : f.weight(name, std::move(ne));
        if (r.ok()) out = r.value();
        else if (error.message.empty()) error = r.error();
    };
    need(m_tok_embd, "token_embd.weight", {e, m_hp.n_vocab});
    need(m_output_norm, "output_norm.weight", {e});
    need(m_output, "output.weight", {e, m_hp.n_vocab});
    need(m_output_hc_fn, "output_hc_fn.weight", {hc * e, hc});
    need(m_output_hc_base, "output_hc_base.weight", {hc});
    need(m_output_hc_scale, "output_hc_scale.weight", {1});
    const auto compressor = [&](Compressor& c, int layer, const char* prefix, std::int64_t width, int ratio) {
        const std::int64_t row = CompressorGeometry{ratio, static_cast<int>(width)}.row();
        const std::string p = prefix;
        need(c.kv, layer_weight(layer, (p + "_kv").c_str()), {e, row});
        need(c.gate, layer_weight(layer, (p + "_gate").c_str()), {e, row});
        need(c.ape, layer_weight(layer, (p + "_ape").c_str()), {row, ratio});
        need(c.norm, layer_weight(layer, (p + "_norm").c_str()), {width});
    };
    m_layers.resize(static_cast<std::size_t>(m_hp.n_layer));
    for (int i = 0; i < m_hp.n_layer; ++i) {
        Layer& l = m_layers[static_cast<std::size_t>(i)];
        l.ratio = m_hp.compress_ratios[static_cast<std::size_t>(i)];
        need(l.hc_attn_fn, layer_weight(i, "hc_attn_fn"), {hc * e, mix});
        need(l.hc_attn_base, layer_weight(i, "hc_attn_base"), {mix});
        need(l.hc_attn_scale, layer_weight(i, "hc_attn_scale"), {3});
        need(l.hc_ffn_fn, layer_weight(i, "hc_ffn_fn"), {hc * e, mix});
        need(l.hc_ffn_base, layer_weight(i, "hc_ffn_base"), {mix});
        need(l.hc_ffn_scale, layer_weight(i, "hc_ffn_scale"), {3});
        need(l.attn_norm, layer_weight(i, "attn_norm"), {e});
        need(l.wq_a, layer_weight(i, "attn_q_a"), {e, m_hp.q_lora_rank});
        need(l.q_a_norm, layer_weight(i, "attn_q_a_norm"), {m_hp.q_lora_rank});
        need(l.wq_b, layer_weight(i, "attn_q_b"), {m_hp.q_lora_rank, h * hd});
        need(l.wkv, layer_weight(i, "attn_kv"), {e, hd});
        need(l.kv_norm, layer_weight(i, "attn_kv_a_norm"), {hd});
        need(l.sinks, layer_weight(i, "attn_sinks"), {h});
        need(l.wo_a, layer_weight(i, "attn_output_a"), {gd, std::int64_t{m_hp.o_groups} * m_hp.o_lora_rank});
        need(l.wo_b, layer_weight(i, "attn_output_b"), {std::int64_t{m_hp.o_groups} * m_hp.o_lora_rank, e});
        // One matrix per output group, as mul_mat_id reads one per expert.
        l.wo_a.ne = {gd, m_hp.o_lora_rank, m_hp.o_groups, 1};
        if (l.ratio > 0) compressor(l.compressor, i, "attn_compressor", hd, l.ratio);
        if (l.ratio == 4) {
            compressor(l.indexer_compressor, i, "indexer_compressor", m_hp.indexer_dim, 4);
            need(l.indexer_q_b, layer_weight(i, "indexer.attn_q_b"),
                 {m_hp.q_lora_rank, std::int64_t{m_hp.indexer_heads} * m_hp.indexer_dim});
            need(l.indexer_proj, layer_weight(i, "indexer.proj"), {e, m_hp.indexer_heads});
        }
        need(l.ffn_norm, layer_weight(i, "ffn_norm"), {e});
        need(l.gate_inp, layer_weight(i, "ffn_gate_inp"), {e, x});
        if (i < m_hp.hash_layers) need(l.tid2eid, layer_weight(i, "ffn_gate_tid2eid"), {k, m_hp.n_vocab});
        else need(l.probs_bias, "blk." + std::to_string(i) + ".exp_probs_b.bias", {x}, true);
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
    if (!f.header_only()) {
        // Read on the host: they must be plain floats (and the table plain token ids).
        for (const Tensor* t : {&m_output_hc_base, &m_output_hc_scale, &m_output_norm})
            if (t->type != TensorType::F32) return make_error(ErrorCode::unsupported, "hyper-connection biases, scales and norms must be F32");
        for (const Layer& l : m_layers) {
            for (const Tensor* t : {&l.hc_attn_base, &l.hc_attn_scale, &l.hc_ffn_base, &l.hc_ffn_scale, &l.attn_norm,
                                    &l.q_a_norm, &l.kv_norm, &l.sinks, &l.ffn_norm, &l.probs_bias, &l.compressor.norm,
                                    &l.indexer_compressor.norm})
                if (t->valid() && t->type != TensorType::F32)
                    return make_error(ErrorCode::unsupported, "hyper-connection biases and scales, norms, sinks and expert biases must be F32");
            if (!l.tid2eid.valid()) continue;
            if (l.tid2eid.type != TensorType::I32)
                return make_error(ErrorCode::unsupported, "the token-to-expert table (ffn_gate_tid2eid) must be I32");
            const auto* ids = static_cast<const std::int32_t*>(l.tid2eid.data);
            for (std::int64_t i = 0; i < l.tid2eid.n_elements(); ++i)
                if (ids[i] < 0 || ids[i] >= x)
                    return make_error(ErrorCode::invalid_format, "the token-to-expert table names an expert the model does not have");
        }
    }

    std::vector<std::vector<CacheExtra>> extra(m_layers.size());
    const int ring = window_ring_rows(m_hp.window);
    for (std::size_t i = 0; i < m_layers.size(); ++i) {
        const int ratio = m_layers[i].ratio;
        extra[i].push_back({1, ring, 0, true});
        extra[i].push_back({hd, 0, kWindowCheckpointSpan, false, m_hp.window - 1});
        if (ratio == 0) continue;
        const std::int64_t stride = state_stride(ratio);
        extra[i].push_back({hd, 0, ratio, false});
        extra[i].push_back({stride, kStateRingRows, 0, true});
        if (ratio != 4) continue;
        // The 4 rows before every multiple of kCheckpointSpan, their kept columns.
        extra[i].push_back({2 * hd + 2 * std::int64_t{m_hp.indexer_dim} + 1, 0, kCheckpointSpan / 4, true});
        extra[i].push_back({m_hp.indexer_dim, 0, 4, false});
    }
    // Q8_0 cache blocks must not straddle a key: every key width must be a multiple of 32,
    // which their greatest common divisor tells the session.
    const int key_unit = m_hp.any_ratio(4) ? std::gcd(m_hp.head_dim, m_hp.indexer_dim) : m_hp.head_dim;
    m_shape = ModelShape{m_hp.n_layer, m_hp.n_embd, m_hp.n_vocab, m_hp.n_ctx, m_hp.head_dim, 0, key_unit, std::move(extra),
                         std::vector<int>(m_layers.size(), ring)};
    return {};
}

HyperCoefficients DeepSeek4::collapse(Backend& b, const Tensor& streams, const Tensor& fn, const Tensor& base,
                                      const Tensor& scale, Tensor& x) const {
    const std::int64_t n = x.ne[1], hc = m_hp.hyper.n_streams, per_token = (2 + hc) * hc;
    Tensor normed = b.scratch(TensorType::F32, {streams_width(), n, 1, 1});
    b.rms_norm(streams, Tensor{}, m_hp.eps, normed);
    Tensor logits = b.scratch(TensorType::F32, {per_token, n, 1, 1});
    b.mul_mat(fn, normed, logits);
    std::vector<float> host(static_cast<std::size_t>(per_token * n));
    b.download(logits, host.data(), host.size() * sizeof(float));
    HyperCoefficients c = hyper_coefficients(host, n, floats(base), floats(scale), m_hp.hyper);
    b.mix_rows(b.reshape_rows(streams, m_hp.n_embd), c.collapse, static_cast<int>(hc), 1, x);
    return c;
}

void DeepSeek4::expand(Backend& b, Tensor& streams, const Tensor& out, const HyperCoefficients& c) const {
    const int hc = m_hp.hyper.n_streams;
    const std::int64_t rows = streams.ne[1] * hc;
    Tensor mixed = b.scratch(TensorType::F32, {m_hp.n_embd, rows, 1, 1});
    b.mix_rows(b.reshape_rows(streams, m_hp.n_embd), c.mix, hc, hc, mixed);
    Tensor written = b.scratch(TensorType::F32, {m_hp.n_embd, rows, 1, 1});
    b.mix_rows(out, c.post, 1, hc, written);
    Tensor flat = b.reshape_rows(streams, m_hp.n_embd);
    b.add(mixed, written, flat);
}

void DeepSeek4::rope_tail(Backend& b, Tensor& x, std::int64_t head_dim, std::span<const std::int32_t> positions,
                          const RopeParams& rope) const {
    const std::int64_t n_rot = m_hp.n_rot, heads_per_token = x.ne[0] / head_dim;
    Tensor heads = b.reshape_rows(x, head_dim);
    Tensor tail = b.scratch(TensorType::F32, {n_rot, heads.ne[1], 1, 1});
    b.copy_columns(heads, head_dim - n_rot, tail, 0, n_rot);
    Tensor tail_tokens = b.reshape_rows(tail, n_rot * heads_per_token);
    b.rope(tail_tokens, static_cast<int>(n_rot), positions, rope);
    b.copy_columns(tail, 0, heads, head_dim - n_rot, n_rot);
}

void DeepSeek4::store_compressed(Backend& b, const Tensor& norm, std::vector<float>& keys, std::int64_t width, int ratio,
                                 std::int64_t first_block, Tensor& cache_rows, const RopeParams& rope) const {
    const auto n_blocks = static_cast<std::int64_t>(keys.size()) / width;
    Tensor t = b.scratch(TensorType::F32, {width, n_blocks, 1, 1});
    b.upload(t, keys.data(), keys.size() * sizeof(float));
    b.rms_norm(t, norm, m_hp.eps, t);
    // Each compressed key is rotated to the position its block starts at.
    std::vector<std::int32_t> starts(static_cast<std::size_t>(n_blocks));
    for (std::int64_t i = 0; i < n_blocks; ++i) starts[static_cast<std::size_t>(i)] = static_cast<std::int32_t>((first_block + i) * ratio);
    rope_tail(b, t, width, starts, rope);
    KvLayer target{cache_rows, Tensor{}, {}};
    b.kv_store(target, t, Tensor{}, first_block);
}

Result<void> DeepSeek4::compress(Backend& b, const Layer& l, const Tensor& x, const Tensor& cq, KvLayer& cache,
                                 std::int64_t first_pos, std::vector<std::int32_t>& rows,
                                 std::vector<std::int32_t>& begin) const {
    const int r = l.ratio;
    const std::int64_t n = x.ne[1], end = first_pos + n;
    const CompressorGeometry main{r, m_hp.head_dim}, index{4, m_hp.indexer_dim};
    const bool indexed = r == 4;
    const int stride = state_stride(r);
    // Offsets in a state row: main u, main g, indexer u, indexer g, tag.
    const int main_u = 0, main_g = main.row(), index_u = 2 * main.row(), index_g = index_u + index.row();

    StateRows state{first_needed_position(r, first_pos), 0, stride, {}};
    state.count = end - state.first;
    state.data.assign(static_cast<std::size_t>(state.count * stride), 0.0f);
    // This batch's rows: u, and g plus the score bias of the position inside its block.
    const auto fill = [&](const Compressor& c, const CompressorGeometry& g, int u_offset, int g_offset) {
        const std::int64_t row = g.row();
        Tensor u = b.scratch(TensorType::F32, {row, n, 1, 1});
        Tensor s = b.scratch(TensorType::F32, {row, n, 1, 1});
        b.mul_mat(c.kv, x, u);
        b.mul_mat(c.gate, x, s);
        std::vector<float> hu(static_cast<std::size_t>(row * n)), hs(hu.size()), ape(static_cast<std::size_t>(row));
        b.download(u, hu.data(), hu.size() * sizeof(float));
        b.download(s, hs.data(), hs.size() * sizeof(float));
        for (std::int64_t t = 0; t < n; ++t) {
            const std::int64_t pos = first_pos + t;
            const auto* ape_row = static_cast<const unsigned char*>(c.ape.data) + static_cast<std::uint64_t>(pos % g.ratio) * c.ape.row_bytes();
            [[maybe_unused]] const auto ok = quant::dequantize_row(c.ape.type, ape_row, c.ape.row_bytes(), ape.data(), row);
            float* dst = state.at(pos);
            for (std::int64_t i = 0; i < row; ++i) {
                dst[u_offset + i] = hu[static_cast<std::size_t>(t * row + i)];
                dst[g_offset + i] = hs[static_cast<std::size_t>(t * row + i)] + ape[static_cast<std::size_t>(i)];
            }
            dst[stride - 1] = static_cast<float>(pos + 1);
        }
    };
    fill(l.compressor, main, main_u, main_g);
    if (indexed) fill(l.indexer_compressor, index, index_u, index_g);

    StateTensors tensors = state_tensors(cache, r);
    // Blocks completed by this batch: b with (b + 1) * r - 1 in [first_pos, end).
    const std::int64_t first_block = first_pos / r, n_blocks = end / r - first_block;
    if (n_blocks > 0) {
        StateRows earlier{state.first, first_pos - state.first, stride, {}};
        if (!read_state(b, tensors, earlier))
            return make_error(ErrorCode::invalid_argument, "the key compressor's state for positions before " +
                                                               std::to_string(first_pos) + " is missing");
        std::copy(earlier.data.begin(), earlier.data.end(), state.data.begin());
        std::vector<float> keys(static_cast<std::size_t>(n_blocks * main.width));
        std::vector<float> index_keys(indexed ? static_cast<std::size_t>(n_blocks * index.width) : 0);
        for (std::int64_t i = 0; i < n_blocks; ++i) {
            pool_block(main, first_block + i, state, main_u, main_g, keys.data() + i * main.width);
            if (indexed) pool_block(index, first_block + i, state, index_u, index_g, index_keys.data() + i * index.width);
        }
        store_compressed(b, l.compressor.norm, keys, main.width, r, first_block, cache.extra[compressed_keys], m_hp.rope_compressed);
        if (indexed)
            store_compressed(b, l.indexer_compressor.norm, index_keys, index.width, 4, first_block, cache.extra[indexer_keys],
                             m_hp.rope_compressed);
    }
    write_state(b, tensors, state, first_pos);

    // The complete blocks each query sees: a block is visible from its last position on.
    std::vector<std::int64_t> visible(static_cast<std::size_t>(n));
    for (std::int64_t t = 0; t < n; ++t) visible[static_cast<std::size_t>(t)] = (first_pos + t + 1) / r;
    if (!indexed || visible.back() <= m_hp.indexer_top_k) {
        begin.push_back(0);
        for (const std::int64_t v : visible) {
            for (std::int64_t blk = 0; blk < v; ++blk) rows.push_back(static_cast<std::int32_t>(blk));
            begin.push_back(static_cast<std::int32_t>(rows.size()));
        }
        return {};
    }
    // The lightning indexer: its queries from the query latent, weighted per head by a
    // projection of the input, scored against the indexer's compressed keys.
    const std::int64_t ih = m_hp.indexer_heads, id = m_hp.indexer_dim;
    Tensor iq = b.scratch(TensorType::F32, {ih * id, n, 1, 1});
    b.mul_mat(l.indexer_q_b, cq, iq);
    std::vector<std::int32_t> pos(static_cast<std::size_t>(n));
    std::iota(pos.begin(), pos.end(), static_cast<std::int32_t>(first_pos));
    rope_tail(b, iq, id, pos, m_hp.rope_compressed);
    Tensor w = b.scratch(TensorType::F32, {ih, n, 1, 1});
    b.mul_mat(l.indexer_proj, x, w);
    b.scale(w, 1.0f / std::sqrt(static_cast<float>(id * ih)));
    // Scores of as many tokens at a time as fit kIndexerScoreValues (a long context has
    // hundreds of thousands of blocks).
    const std::int64_t n_keys = visible.back();
    const Tensor keys = b.view_rows(cache.extra[indexer_keys], 0, n_keys);
    const std::int64_t per_chunk = std::clamp<std::int64_t>(kIndexerScoreValues / n_keys, 1, n);
    Tensor scores = b.scratch(TensorType::F32, {n_keys, per_chunk, 1, 1});
    std::vector<float> host;
    begin.push_back(0);
    for (std::int64_t t = 0; t < n; t += per_chunk) {
        const std::int64_t count = std::min(per_chunk, n - t);
        Tensor chunk_scores = b.view_rows(scores, 0, count);
        const std::span<const std::int64_t> chunk_visible = std::span<const std::int64_t>(visible).subspan(
            static_cast<std::size_t>(t), static_cast<std::size_t>(count));
        b.indexer_scores(b.view_rows(iq, t, count), b.view_rows(w, t, count), keys, chunk_visible, chunk_scores);
        host.resize(static_cast<std::size_t>(n_keys * count));
        b.download(chunk_scores, host.data(), host.size() * sizeof(float));
        std::vector<std::int32_t> chunk_begin;
        const auto offset = static_cast<std::int32_t>(rows.size());
        select_blocks(host, n_keys, chunk_visible, m_hp.indexer_top_k, rows, chunk_begin);
        for (std::size_t i = 1; i < chunk_begin.size(); ++i) begin.push_back(offset + chunk_begin[i] - chunk_begin[0]);
    }
    return {};
}

Result<void> DeepSeek4::attention_block(Backend& b, const Layer& l, const Tensor& x, KvLayer& cache,
                                        std::span<const std::int32_t> pos, std::int64_t first_pos, Tensor& out) const {
    const std::int64_t n = x.ne[1], h = m_hp.n_head, hd = m_hp.head_dim;
    const RopeParams& rope = rope_of(l);
    Tensor cq = b.scratch(TensorType::F32, {m_hp.q_lora_rank, n, 1, 1});
    b.mul_mat(l.wq_a, x, cq);
    b.rms_norm(cq, l.q_a_norm, m_hp.eps, cq);
    Tensor q = b.scratch(TensorType::F32, {h * hd, n, 1, 1});
    b.mul_mat(l.wq_b, cq, q);
    // Every query head scaled to unit RMS (no weight), then rotated.
    Tensor q_heads = b.reshape_rows(q, hd);
    b.rms_norm(q_heads, Tensor{}, m_hp.eps, q_heads);
    rope_tail(b, q, hd, pos, rope);

    Tensor kv = b.scratch(TensorType::F32, {hd, n, 1, 1});
    b.mul_mat(l.wkv, x, kv);
    b.rms_norm(kv, l.kv_norm, m_hp.eps, kv);
    rope_tail(b, kv, hd, pos, rope);
    const WindowRows window{cache, cache.extra[window_tags], cache.extra[window_checkpoints], Tensor{}, m_hp.window,
                            kWindowCheckpointSpan};
    if (!restore_window(b, window, first_pos))
        return make_error(ErrorCode::invalid_argument, "the window rows before position " + std::to_string(first_pos) +
                                                           " are missing");
    b.kv_store(cache, kv, Tensor{}, first_pos);
    record_window(b, window, kv, Tensor{}, first_pos);

    std::vector<std::int32_t> extra_rows, extra_begin;
    if (l.ratio > 0)
        if (Result<void> ok = compress(b, l, x, cq, cache, first_pos, extra_rows, extra_begin); !ok) return ok;
    AttentionParams ap{.n_head = static_cast<int>(h),
                       .n_head_kv = 1,
                       .head_dim = static_cast<int>(hd),
                       .scale = 1.0f / std::sqrt(static_cast<float>(hd)),
                       .sliding_window = m_hp.window,
                       .sinks = l.sinks,
                       .head_dim_v = static_cast<int>(hd)};
    if (l.ratio > 0) {
        ap.extra_keys = cache.extra[compressed_keys];
        ap.extra_rows = extra_rows;
        ap.extra_begin = extra_begin;
    }
    Tensor o = b.scratch(TensorType::F32, {h * hd, n, 1, 1});
    b.attention(q, cache, first_pos, ap, o);
    // The values carry the keys' rotation: undo it at the query's position.
    std::vector<std::int32_t> back(pos.begin(), pos.end());
    for (std::int32_t& p : back) p = -p;
    rope_tail(b, o, hd, back, rope);

    // Grouped low-rank output: each group of heads through its own slice of attn_output_a
    // (mul_mat_id with the group as the "expert"), then attn_output_b over all groups.
    const int groups = m_hp.o_groups;
    const std::int64_t gd = h * hd / groups;
    std::vector<std::int32_t> group_ids(static_cast<std::size_t>(groups * n));
    for (std::size_t i = 0; i < group_ids.size(); ++i) group_ids[i] = static_cast<std::int32_t>(i % static_cast<std::size_t>(groups));
    Tensor low = b.scratch(TensorType::F32, {m_hp.o_lora_rank, groups * n, 1, 1});
    b.mul_mat_id(l.wo_a, b.reshape_rows(o, gd), group_ids, groups, low);
    b.mul_mat(l.wo_b, b.reshape_rows(low, std::int64_t{m_hp.o_lora_rank} * groups), out);
    return {};
}

void DeepSeek4::ffn_block(Backend& b, const Layer& l, const Tensor& y, std::span<const std::int32_t> tokens, int layer,
                          Tensor& out) const {
    const std::int64_t n = y.ne[1];
    const int n_used = m_hp.routing.n_used;
    Tensor router = b.scratch(TensorType::F32, {m_hp.routing.n_expert, n, 1, 1});
    b.mul_mat(l.gate_inp, y, router);
    // Hash routing: the experts are a fixed function of the token id (host data); the
    // backend weighs them from the scores.
    std::vector<std::int32_t> fixed_ids;
    if (l.tid2eid.valid()) {
        fixed_ids.resize(static_cast<std::size_t>(n_used * n));
        const auto* table = static_cast<const std::int32_t*>(l.tid2eid.data);
        for (std::int64_t t = 0; t < n; ++t)
            std::copy_n(table + static_cast<std::int64_t>(tokens[static_cast<std::size_t>(t)]) * n_used, n_used,
                        fixed_ids.begin() + t * n_used);
    }
    const RoutedExperts choice =
        route_tokens(b, router, l.tid2eid.valid() ? Tensor{} : l.probs_bias, fixed_ids, m_hp.routing);
    const SwigluClamp routed{.alpha = 1.0f, .limit = m_hp.clamp_routed[static_cast<std::size_t>(layer)], .up_offset = 0.0f};
    Tensor g = b.scratch(TensorType::F32, {m_hp.n_ff_exp, n_used * n, 1, 1});
    Tensor u = b.scratch(TensorType::F32, {m_hp.n_ff_exp, n_used * n, 1, 1});
    b.mul_mat_id(l.gate_exps, y, choice.ids, n_used, g);
    b.mul_mat_id(l.up_exps, y, choice.ids, n_used, u);
    b.swiglu_clamped(g, u, routed, g);
    Tensor d = b.scratch(TensorType::F32, {m_hp.n_embd, n_used * n, 1, 1});
    b.mul_mat_id(l.down_exps, g, choice.ids, n_used, d);
    b.moe_combine(d, choice.weights, n_used, out);
    if (!l.gate_shexp.valid()) return;
    const SwigluClamp shared{.alpha = 1.0f, .limit = m_hp.clamp_shared[static_cast<std::size_t>(layer)], .up_offset = 0.0f};
    const std::int64_t width = l.gate_shexp.ne[1];
    Tensor sg = b.scratch(TensorType::F32, {width, n, 1, 1});
    Tensor su = b.scratch(TensorType::F32, {width, n, 1, 1});
    b.mul_mat(l.gate_shexp, y, sg);
    b.mul_mat(l.up_shexp, y, su);
    b.swiglu_clamped(sg, su, shared, sg);
    Tensor so = b.scratch(TensorType::F32, {m_hp.n_embd, n, 1, 1});
    b.mul_mat(l.down_shexp, sg, so);
    b.add(out, so, out);
}

// A ring holds the window and one step's rows: longer batches go in steps of kMaxStep.
Result<void> DeepSeek4::forward(Backend& b, ForwardBatch& batch) const {
    return forward_in_steps(batch, kMaxStep, [&](ForwardBatch& step) { return forward_step(b, step); });
}

Result<void> DeepSeek4::forward_step(Backend& b, ForwardBatch& batch) const {
    if (Result<void> ok = check_token_ids(batch.tokens, m_hp.n_vocab); !ok) return ok;
    b.reset_scratch();
    const std::int64_t n = static_cast<std::int64_t>(batch.tokens.size()), hc = m_hp.hyper.n_streams;
    const std::vector<std::int32_t> positions = batch_positions(batch);
    // The streams: row s + hc * t of [n_embd, hc * n] is stream s of token t; each starts as
    // the token's embedding.
    Tensor embedded = embed_tokens(b, m_tok_embd, batch, m_hp.n_embd);
    Tensor streams = b.scratch(TensorType::F32, {streams_width(), n, 1, 1});
    Tensor stream_rows = b.reshape_rows(streams, m_hp.n_embd);
    b.mix_rows(embedded, std::vector<float>(static_cast<std::size_t>(hc * n), 1.0f), 1, static_cast<int>(hc), stream_rows);
    const Backend::ScratchMark layer_start = b.mark_scratch();
    for (int i = 0; i < m_hp.n_layer; ++i) {
        if (Result<void> ok = check_cancel(batch); !ok) return ok;
        const Layer& l = m_layers[static_cast<std::size_t>(i)];
        Tensor x = b.scratch(TensorType::F32, {m_hp.n_embd, n, 1, 1});
        const HyperCoefficients before_attention = collapse(b, streams, l.hc_attn_fn, l.hc_attn_base, l.hc_attn_scale, x);
        b.rms_norm(x, l.attn_norm, m_hp.eps, x);
        Tensor a = b.scratch(TensorType::F32, {m_hp.n_embd, n, 1, 1});
        if (Result<void> ok = attention_block(b, l, x, (*batch.cache)[static_cast<std::size_t>(i)], positions, batch.first_pos, a);
            !ok)
            return ok;
        expand(b, streams, a, before_attention);
        b.rewind_scratch(layer_start);

        Tensor y = b.scratch(TensorType::F32, {m_hp.n_embd, n, 1, 1});
        const HyperCoefficients before_ffn = collapse(b, streams, l.hc_ffn_fn, l.hc_ffn_base, l.hc_ffn_scale, y);
        b.rms_norm(y, l.ffn_norm, m_hp.eps, y);
        Tensor f = b.scratch(TensorType::F32, {m_hp.n_embd, n, 1, 1});
        ffn_block(b, l, y, batch.tokens, i, f);
        expand(b, streams, f, before_ffn);
        b.rewind_scratch(layer_start);
    }
    // The streams collapse once more, with their own coefficients, before the output norm.
    Tensor normed = b.scratch(TensorType::F32, {streams_width(), n, 1, 1});
    b.rms_norm(streams, Tensor{}, m_hp.eps, normed);
    Tensor logits = b.scratch(TensorType::F32, {hc, n, 1, 1});
    b.mul_mat(m_output_hc_fn, normed, logits);
    std::vector<float> host(static_cast<std::size_t>(hc * n));
    b.download(logits, host.data(), host.size() * sizeof(float));
    const std::vector<float> weights =
        hyper_output_collapse(host, n, floats(m_output_hc_base), floats(m_output_hc_scale)[0], m_hp.hyper);
    Tensor z = b.scratch(TensorType::F32, {m_hp.n_embd, n, 1, 1});
    b.mix_rows(b.reshape_rows(streams, m_hp.n_embd), weights, static_cast<int>(hc), 1, z);
    write_logits(b, z, m_output_norm, m_hp.eps, m_output, batch);
    return {};
}

std::int64_t DeepSeek4::resume_position(Backend& b, const std::vector<KvLayer>& cache, std::int64_t wanted) const {
    bool exact = true;
    for (std::size_t i = 0; i < m_layers.size() && exact; ++i) {
        const KvLayer& layer = cache[i];
        const WindowRows window{layer, layer.extra[window_tags], layer.extra[window_checkpoints], Tensor{}, m_hp.window,
                                kWindowCheckpointSpan};
        exact = window_available(b, window, wanted);
        const int r = m_layers[i].ratio;
        if (!exact || r == 0) continue;
        StateRows needed{first_needed_position(r, wanted), 0, state_stride(r), {}};
        needed.count = wanted - needed.first;
        exact = read_state(b, state_tensors(layer, r), needed);
    }
    if (exact) return wanted;
    // From a checkpoint: multiples of kCheckpointSpan hold the compressor's rows, and of
    // kWindowCheckpointSpan (also multiples of the first) the window's.
    const std::int64_t span = cache.empty() || cache[0].ring == 0 ? kCheckpointSpan : kWindowCheckpointSpan;
    return wanted / span * span;
}

// An upper bound of the scratch() calls above: F32 rows padded to the arena's 64 bytes, the
// streams alive throughout, attention and FFN rewound separately.
std::uint64_t DeepSeek4::scratch_bytes(std::int64_t n_tokens, std::int64_t n_logit_rows) const {
    const std::int64_t n = std::min<std::int64_t>(n_tokens, kMaxStep), n_out = std::min(n_logit_rows, n);
    const auto f32_rows = scratch_f32_bytes;
    const std::int64_t e = m_hp.n_embd, h = m_hp.n_head, hd = m_hp.head_dim, hc = m_hp.hyper.n_streams;
    const std::int64_t mix = (2 + hc) * hc, n_rot = m_hp.n_rot;
    const std::uint64_t streams = f32_rows(hc * e, n);
    const std::uint64_t hyper = f32_rows(e, n) + f32_rows(hc * e, n) + f32_rows(mix, n) + 2 * f32_rows(e, hc * n);
    const std::uint64_t tail = f32_rows(n_rot, h * n);
    std::uint64_t compress = 0;
    if (m_hp.any_ratio(4) || m_hp.any_ratio(128)) {
        const std::int64_t main_row = 2 * hd, index_row = 2 * std::int64_t{m_hp.indexer_dim};
        const std::int64_t blocks = n / 4 + 1, ih = m_hp.indexer_heads, id = m_hp.indexer_dim;
        compress = 2 * f32_rows(main_row, n) + 2 * f32_rows(index_row, n) + f32_rows(hd, blocks) + f32_rows(n_rot, blocks) +
                   f32_rows(id, blocks) + f32_rows(n_rot, blocks) + f32_rows(ih * id, n) + f32_rows(n_rot, ih * n) +
                   f32_rows(ih, n) + f32_rows(std::min(kIndexerScoreValues, n * ((m_hp.n_ctx + 3) / 4)), 1);
    }
    const std::uint64_t attention = f32_rows(e, n) + f32_rows(m_hp.q_lora_rank, n) + f32_rows(h * hd, n) + tail +
                                    f32_rows(hd, n) + compress + f32_rows(h * hd, n) + tail +
                                    f32_rows(m_hp.o_lora_rank, std::int64_t{m_hp.o_groups} * n);
    const std::int64_t slots = std::int64_t{m_hp.routing.n_used} * n, f_sh = std::int64_t{m_hp.n_ff_exp} * m_hp.n_expert_shared;
    const std::uint64_t ffn = f32_rows(e, n) + f32_rows(m_hp.routing.n_expert, n) +
                              f32_rows(2 * std::int64_t{m_hp.routing.n_used}, n) + 2 * f32_rows(m_hp.n_ff_exp, slots) +
                              f32_rows(e, slots) + 2 * f32_rows(f_sh, n) + f32_rows(e, n);
    const std::uint64_t layer = f32_rows(e, n) + hyper + std::max(attention, ffn);
    const std::uint64_t output = f32_rows(hc * e, n) + f32_rows(hc, n) + f32_rows(e, n) + f32_rows(e, n_out) +
                                 f32_rows(m_hp.n_vocab, n_out);
    // The prompt GEMM's quantized activations for the largest input of one matmul.
    const auto records = gemm_activation_bytes;
    const std::uint64_t panel = std::max({records(hc * e, n), records(m_hp.q_lora_rank, n),
                                          records(h * hd / m_hp.o_groups, std::int64_t{m_hp.o_groups} * n),
                                          records(std::int64_t{m_hp.o_lora_rank} * m_hp.o_groups, n),
                                          records(m_hp.n_ff_exp, slots), records(f_sh, n)});
    return f32_rows(e, n) + streams + std::max(layer, output) + panel;
}

} // namespace

Result<std::unique_ptr<ArchModel>> load_deepseek4(const ModelFile& file) {
    Result<DeepSeek4Hparams> hp = read_deepseek4_hparams(file);
    if (!hp) return hp.error();
    auto model = std::make_unique<DeepSeek4>(std::move(hp.value()));
    if (Result<void> bound = model->bind(file); !bound) return bound.error();
    return std::unique_ptr<ArchModel>(std::move(model));
}

} // namespace conclave::model
