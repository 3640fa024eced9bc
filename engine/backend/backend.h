#pragma once
// Backend: the set of operations a forward pass is built from. The CPU backend is the
// reference; a GPU backend implements the same ops on device memory, and answers
// supports(op, type) so the runtime can send an op it lacks to the CPU. Ops never fail on
// shapes the model code built correctly (shapes are checked when the model loads); they
// assert programmer invariants only.
// One backend instance serves one Session at a time; not thread-safe across callers.

#include "backend/expert_routing.h"
#include "backend/tensor.h"
#include "conclave/result.h"

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace conclave {

// Values are used in logs and tests only; order carries no meaning.
enum class Op {
    get_rows,
    rms_norm,
    mul_mat,
    mul_mat_id,
    add,
    mul,
    scale,
    rope,
    attention,
    swiglu,
    geglu,
    softmax,
    copy,
    moe_combine,
    add_id,
    swiglu_clamped,
    copy_columns,
    mix_rows,
    indexer_scores,
    route,
};

enum class RopeStyle { normal, neox };

struct RopeParams {
    RopeStyle style = RopeStyle::normal;
    int n_dims = 0;               // rotated dimensions per head (<= head size)
    float freq_base = 10000.0f;
    float freq_scale = 1.0f;      // linear position scaling (1 / factor)
    // YaRN context extension (ext_factor 1): dimensions that rotate fewer than beta_slow
    // times over the original context are interpolated by freq_scale, those rotating more
    // than beta_fast times keep their frequency, a linear ramp blends the ones between, and
    // cos/sin are multiplied by attn_factor * (1 + 0.1 ln(1 / freq_scale)).
    float ext_factor = 0.0f;
    float attn_factor = 1.0f;
    float beta_fast = 32.0f;
    float beta_slow = 1.0f;
    int n_ctx_orig = 0;
    // Per-pair frequency divisors (F32, n_dims / 2 values), as GGUF files store Llama 3
    // style scaling in `rope_freqs.weight`; invalid (no data) when the model has none.
    Tensor freq_factors;
};

struct AttentionParams {
    int n_head = 0;
    int n_head_kv = 0;
    int head_dim = 0;            // key (and query) values per head
    float scale = 1.0f;          // applied to q·k
    int sliding_window = 0;      // 0: attend to every earlier position
    float softcap = 0.0f;        // 0: no logit soft-capping
    // Attention sinks (gpt-oss): F32 [n_head], one learned logit per query head that joins
    // the softmax (its maximum and its denominator) but carries no value, so a head can give
    // less than all of its weight to the positions. Invalid (no data): no sinks.
    Tensor sinks = {};
    // Value values per head; 0: head_dim. With a cache that has no V rows (KvLayer::v
    // invalid), the values are the first head_dim_v elements of each key head: multi-head
    // latent attention (DeepSeek) keeps one latent row per position that serves as both.
    int head_dim_v = 0;
    // Keys beyond the cache's positions (DeepSeek V4's compressed blocks), in the same softmax:
    // query token t also attends to rows extra_rows[extra_begin[t] .. extra_begin[t + 1]) of
    // extra_keys ([head_dim, n_rows], one KV head, the cache's type), whose values are the
    // keys themselves (head_dim_v values from each row's start). Invalid extra_keys: none.
    Tensor extra_keys = {};
    std::span<const std::int32_t> extra_rows = {};
    std::span<const std::int32_t> extra_begin = {}; // n_tokens + 1 offsets into extra_rows
};

// The clamped SwiGLU: g = min(gate, limit), u = clamp(up, -limit, limit),
// out = g * sigmoid(alpha * g) * (u + up_offset). gpt-oss: alpha 1.702, offset 1;
// DeepSeek V4: alpha 1, offset 0 (silu(g) * u).
struct SwigluClamp {
    float alpha = 1.702f;
    float limit = 7.0f;
    float up_offset = 1.0f;
};

// One layer's K and V cache: [head_dim * n_head_kv, n_ctx] and [head_dim_v * n_head_kv,
// n_ctx], row p is position p. v is invalid (no data) when the values live inside the keys
// (AttentionParams::head_dim_v). `extra` holds what an architecture keeps besides
// (CacheExtra: DeepSeek V4's compressed keys and its compressor's pending rows). With
// ring > 0 the rows hold positions modulo `ring` (a sliding-window layer keeps only its
// latest positions: position p is row p % ring).
struct KvLayer {
    Tensor k;
    Tensor v;
    std::vector<Tensor> extra = {};
    std::int64_t ring = 0;
};

class Backend {
public:
    virtual ~Backend() = default;

    virtual std::string_view name() const = 0;
    virtual bool supports(Op op, quant::TensorType type) const = 0;
    // A GPU backend's device may fail mid-pass (lost device, out of memory); ops then do
    // nothing and the pass's results are garbage. The runtime checks this after each pass.
    virtual Result<void> status() const { return {}; }

    // Scratch tensors for one forward pass, released all at once by reset_scratch(), or
    // back to a mark by rewind_scratch() (what was allocated before the mark stays valid).
    virtual Tensor scratch(quant::TensorType type, std::array<std::int64_t, 4> ne) = 0;
    virtual void reset_scratch() = 0;
    struct ScratchMark {
        std::size_t a = 0, b = 0; // the backend's own bookkeeping
    };
    virtual ScratchMark mark_scratch() const = 0;
    virtual void rewind_scratch(ScratchMark mark) = 0;
    // Long-lived tensors (KV cache), zero-filled, alive as long as the backend.
    virtual Tensor allocate(quant::TensorType type, std::array<std::int64_t, 4> ne) = 0;

    // Rows [first, first + count) of a tensor's rows, sharing its memory.
    virtual Tensor view_rows(const Tensor& t, std::int64_t first, std::int64_t count) {
        Tensor view = t;
        view.ne = {t.ne[0], count, 1, 1};
        view.data = static_cast<unsigned char*>(t.data) + static_cast<std::uint64_t>(first) * t.row_bytes();
        return view;
    }
    // The same memory seen as rows of `width` elements (width must divide ne[0]).
    virtual Tensor reshape_rows(const Tensor& t, std::int64_t width) {
        Tensor view = t;
        view.ne = {width, t.n_elements() / width, 1, 1};
        return view;
    }

    virtual void upload(Tensor& dst, const void* src, std::uint64_t bytes) = 0;
    virtual void download(const Tensor& src, void* dst, std::uint64_t bytes) = 0;

    // out[:, i] = table[:, ids[i]] as F32.
    virtual void get_rows(const Tensor& table, std::span<const std::int32_t> ids, Tensor& out) = 0;
    // Per row: x / rms(x) * weight (weight may be empty: no scaling).
    virtual void rms_norm(const Tensor& x, const Tensor& weight, float eps, Tensor& out) = 0;
    // out[n_out, n_tokens] = w[n_in, n_out]^T · x[n_in, n_tokens]
    virtual void mul_mat(const Tensor& w, const Tensor& x, Tensor& out) = 0;
    // Mixture-of-experts matmul. w holds one matrix per expert ([n_in, n_out, n_expert]);
    // expert_ids[slot + n_used * token] picks the expert for each of a token's n_used slots.
    // x is either [n_in, n_tokens] (every slot of a token reads the same row) or
    // [n_in, n_used * n_tokens] (a row per slot). out: [n_out, n_used * n_tokens].
    virtual void mul_mat_id(const Tensor& w, const Tensor& x, std::span<const std::int32_t> expert_ids, int n_used,
                            Tensor& out) = 0;
    // out[:, t] = sum over slots s of weights[s + n_used * t] * x[:, s + n_used * t]
    virtual void moe_combine(const Tensor& x, std::span<const float> weights, int n_used, Tensor& out) = 0;
    // Per-expert bias of a mixture-of-experts matmul's output: out[:, s] = x[:, s] +
    // bias[:, expert_ids[s]] for every slot row s of x ([n, n_used * n_tokens]); bias is an F32
    // weight [n, n_expert]. out may be x.
    virtual void add_id(const Tensor& x, const Tensor& bias, std::span<const std::int32_t> expert_ids, Tensor& out) = 0;

    // Expert routing (expert_routing.h's semantics, bit for bit on the CPU): from the router's
    // logits ([n_expert, n_tokens] F32) to ids (I32 [n_used, n_tokens]: slot s of token t at
    // s + n_used * t, best first, ties to the lower id) and weights (F32, same layout).
    // selection_bias: an F32 weight [n_expert] added for choosing only, or invalid.
    // fixed_ids (host data, n_used per token) or empty: the experts are given (hash routing)
    // and only their weights are computed. ids and weights are backend tensors, so a GPU
    // backend routes where the logits are and its expert ops read the ids there: no host
    // round trip per layer.
    virtual void route(const Tensor& logits, const Tensor& selection_bias, std::span<const std::int32_t> fixed_ids,
                       const RoutingSpec& spec, Tensor& ids, Tensor& weights) = 0;
    // mul_mat_id, moe_combine and add_id with the ids (I32) and weights (F32) of route() as
    // backend tensors, read where they are.
    virtual void mul_mat_id(const Tensor& w, const Tensor& x, const Tensor& expert_ids, int n_used, Tensor& out) = 0;
    virtual void moe_combine(const Tensor& x, const Tensor& weights, int n_used, Tensor& out) = 0;
    virtual void add_id(const Tensor& x, const Tensor& bias, const Tensor& expert_ids, Tensor& out) = 0;
    // Element-wise; b broadcasts over rows when it has one row.
    virtual void add(const Tensor& a, const Tensor& b, Tensor& out) = 0;
    virtual void mul(const Tensor& a, const Tensor& b, Tensor& out) = 0;
    virtual void scale(Tensor& x, float factor) = 0;
    // x: [head_dim * n_heads, n_tokens] rotated in place at the given positions.
    virtual void rope(Tensor& x, int head_dim, std::span<const std::int32_t> positions, const RopeParams& params) = 0;
    // Writes k and v ([head_dim * n_head_kv, n_tokens], v [head_dim_v * n_head_kv, n_tokens])
    // into the cache at rows first_pos...; v is ignored when the cache has no V rows.
    virtual void kv_store(KvLayer& cache, const Tensor& k, const Tensor& v, std::int64_t first_pos) = 0;
    // Causal attention of q ([head_dim * n_head, n_tokens], positions first_pos...) over cache
    // rows [0, first_pos + n_tokens); out: [head_dim_v * n_head, n_tokens].
    virtual void attention(const Tensor& q, const KvLayer& cache, std::int64_t first_pos,
                           const AttentionParams& params, Tensor& out) = 0;
    // Columns of F32 rows: dst[dst_first + i, r] = src[src_first + i, r] for i < n, every
    // row r (src and dst have as many rows). Splits a row into parts and joins parts into
    // rows (DeepSeek's query and key halves with and without RoPE).
    virtual void copy_columns(const Tensor& src, std::int64_t src_first, Tensor& dst, std::int64_t dst_first,
                              std::int64_t n) = 0;
    // Small per-group mixes of rows: out[:, o + n_out * g] = sum over i < n_in of
    // weights[i + n_in * (o + n_out * g)] * x[:, i + n_in * g], for each group g of x's rows
    // (x: [n, n_in * groups], out: [n, n_out * groups], weights n_in * n_out * groups). DeepSeek
    // V4's hyper-connections collapse and mix their four residual streams with it.
    virtual void mix_rows(const Tensor& x, std::span<const float> weights, int n_in, int n_out, Tensor& out) = 0;
    // DeepSeek V4's lightning indexer: out[b, t] = sum over h of w[h, t] * max(0, q_h(t) .
    // keys[:, b]) for every block b < visible[t] (the rest of out is left as it is). q:
    // [head_dim * n_head, n_tokens] F32, w: [n_head, n_tokens] F32, keys: [head_dim, n_blocks]
    // in a cache type, out: [n_blocks_max, n_tokens] F32.
    virtual void indexer_scores(const Tensor& q, const Tensor& w, const Tensor& keys, std::span<const std::int64_t> visible,
                                Tensor& out) = 0;
    // out = silu(gate) * up
    virtual void swiglu(const Tensor& gate, const Tensor& up, Tensor& out) = 0;
    // out = gelu_tanh(gate) * up
    virtual void geglu(const Tensor& gate, const Tensor& up, Tensor& out) = 0;
    // out = clamped SwiGLU of gate and up (SwigluClamp); out may be gate or up.
    virtual void swiglu_clamped(const Tensor& gate, const Tensor& up, const SwigluClamp& clamp, Tensor& out) = 0;
};

} // namespace conclave
