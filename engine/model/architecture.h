#pragma once
// ArchModel: one loaded architecture — its hyper-parameters, its weights bound from the
// file, and its forward pass written against Backend ops. The registry (registry.h) maps
// `general.architecture` to the function that builds one. Immutable after load; a forward
// pass may run from any one thread at a time per Session (the state lives in the Session).

#include "backend/backend.h"
#include "conclave/model.h"
#include "conclave/result.h"
#include "model/model_file.h"

#include <atomic>
#include <memory>
#include <span>
#include <vector>

namespace conclave::model {

// The shapes the runtime needs to size caches and buffers.
struct ModelShape {
    int n_layer = 0;
    int n_embd = 0;
    int n_vocab = 0;
    int n_ctx_train = 0;
    int k_width = 0;       // K values per position per layer (head_dim * n_head_kv)
    int v_width = 0;       // V values per position per layer; 0: no V rows (values inside K)
    int head_dim = 0;      // one K head's values (Q8_0 cache blocks must not straddle heads)
    // Per layer, what the cache holds besides K/V rows (KvLayer::extra, in this order); empty
    // for most architectures.
    std::vector<std::vector<CacheExtra>> extra_cache;
    // Per layer (empty: none): > 0, the layer keeps only this many K/V rows, as a ring
    // (KvLayer::ring), when the context is longer (a sliding-window layer, window_cache.h);
    // 0, a row per position.
    std::vector<int> kv_rings;

    int ring_of(int layer) const {
        return static_cast<std::size_t>(layer) < kv_rings.size() ? kv_rings[static_cast<std::size_t>(layer)] : 0;
    }
};

// One forward pass: tokens at positions first_pos... with the cache already holding rows
// [0, first_pos). `logits` receives n_vocab floats per token in `logits_rows` order.
struct ForwardBatch {
    std::span<const std::int32_t> tokens;
    std::int64_t first_pos = 0;
    bool all_logits = false;          // false: logits of the last token only
    bool no_logits = false;           // true: only the cache is wanted (a prompt's head)
    std::vector<KvLayer>* cache = nullptr;
    const std::atomic<bool>* cancel = nullptr; // checked between layers
    std::vector<float>* logits = nullptr;
};

class ArchModel {
public:
    virtual ~ArchModel() = default;
    virtual const ModelShape& shape() const = 0;
    virtual Result<void> forward(Backend& backend, ForwardBatch& batch) const = 0;
    // The most scratch memory (bytes, alignment included) one forward pass of n_tokens
    // holds at once, with logits for the last n_logit_rows of them.
    virtual std::uint64_t scratch_bytes(std::int64_t n_tokens, std::int64_t n_logit_rows) const = 0;
    // Weights the loader derived from the file's (a split or repacked layout), held in memory
    // besides the mapped file.
    virtual std::uint64_t derived_weight_bytes() const { return 0; }
    // The position from which a forward pass can continue a cache that holds a valid prefix
    // of at least `wanted` positions: `wanted` when every state the pass needs is still there,
    // else an earlier position (the runtime recomputes from there). Caches of K/V rows keep
    // every position, so this is `wanted` unless an architecture keeps rolling state.
    virtual std::int64_t resume_position(Backend& backend, const std::vector<KvLayer>& cache, std::int64_t wanted) const {
        (void)backend;
        (void)cache;
        return wanted;
    }
};

} // namespace conclave::model
