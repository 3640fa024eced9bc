// Attention over the KV cache on the CPU. The cache holds one row per position with every
// KV head side by side ([head_dim * n_head_kv, n_ctx]; without V rows the values are the
// start of each key head, as in DeepSeek's latent attention), in F16, F32 or Q8_0 (blocks of 32
// never straddle two heads: the session only offers Q8_0 when head_dim is a multiple of 32;
// its rows are expanded to floats one head at a time as they are read). Work is split over
// (token, slice of a KV head's query heads) handed out dynamically; each reads its KV head's
// rows once for its query heads (AVX2 with an F16 cache; the generic path per head otherwise).

#include "backend/cpu/attention_avx2.h"
#include "backend/cpu/cpu_ops.h"
#include "backend/cpu/vec_dot.h"
#include "quant/dequantize.h"
#include "quant/half.h"
#include "quant/quantize.h"

#include <algorithm>
#include <atomic>
#include <cassert>
#include <cmath>
#include <vector>

namespace conclave::cpu {
namespace {

void store_rows(Tensor& cache, const Tensor& src, std::int64_t first_pos, std::int64_t ring) {
    const std::int64_t width = src.ne[0];
    for (std::int64_t t = 0; t < src.ne[1]; ++t) {
        const float* from = f32(src) + t * width;
        const std::int64_t row = ring > 0 ? (first_pos + t) % ring : first_pos + t;
        if (cache.type == quant::TensorType::F16) {
            auto* to = static_cast<std::uint16_t*>(cache.data) + row * width;
            for (std::int64_t i = 0; i < width; ++i) to[i] = quant::fp32_to_fp16(from[i]);
        } else if (cache.type == quant::TensorType::Q8_0) {
            const std::uint64_t row_bytes = cache.row_bytes();
            auto* to = static_cast<unsigned char*>(cache.data) + static_cast<std::uint64_t>(row) * row_bytes;
            [[maybe_unused]] const auto done = quant::quantize_row(cache.type, from, width, to, row_bytes);
            assert(done.ok());
        } else {
            float* to = f32(cache) + row * width;
            std::copy(from, from + width, to);
        }
    }
}

struct CacheRows {
    const Tensor& t;
    std::int64_t width;
    std::int64_t ring = 0; // > 0: position p is row p % ring (KvLayer::ring)
    // One head's values of a Q8_0 row as floats (n <= max_head_dim).
    const float* expand_q8_0(std::int64_t pos, std::int64_t offset, std::int64_t n) const {
        thread_local std::vector<float> head;
        head.resize(static_cast<std::size_t>(n));
        const std::uint64_t block_bytes = quant::tensor_type_info(t.type).block_bytes;
        const auto* row = static_cast<const unsigned char*>(t.data) + static_cast<std::uint64_t>(pos) * t.row_bytes();
        [[maybe_unused]] const auto done = quant::dequantize_row(
            t.type, row + static_cast<std::uint64_t>(offset / 32) * block_bytes, static_cast<std::uint64_t>(n / 32) * block_bytes,
            head.data(), n);
        assert(done.ok());
        return head.data();
    }
    float dot(std::int64_t pos, std::int64_t offset, const float* q, std::int64_t n, const VecKernels& k) const {
        if (ring > 0) pos %= ring;
        if (t.type == quant::TensorType::F16)
            return k.dot_f16(static_cast<const std::uint16_t*>(t.data) + pos * width + offset, q, n);
        if (t.type == quant::TensorType::Q8_0) return k.dot(expand_q8_0(pos, offset, n), q, n);
        return k.dot(f32(t) + pos * width + offset, q, n);
    }
    void axpy(float a, std::int64_t pos, std::int64_t offset, float* y, std::int64_t n, const VecKernels& k) const {
        if (ring > 0) pos %= ring;
        if (t.type == quant::TensorType::F16)
            k.axpy_f16(a, static_cast<const std::uint16_t*>(t.data) + pos * width + offset, y, n);
        else if (t.type == quant::TensorType::Q8_0)
            k.axpy(a, expand_q8_0(pos, offset, n), y, n);
        else
            k.axpy(a, f32(t) + pos * width + offset, y, n);
    }
};

// Where one query head reads: its KV head's keys and values (offsets into the rows).
struct HeadSlice {
    std::int64_t k_offset, v_offset;
};

// Keys from outside the cache's positions (AttentionParams::extra_keys) that one query
// token attends to besides its positions: rows of another tensor, values in the keys.
struct ExtraRows {
    const CacheRows* keys = nullptr;
    std::span<const std::int32_t> rows;
};

// One query head over positions lo..pos (and the extra rows, if any): scores, softmax,
// weighted sum of values. A sink (gpt-oss, DeepSeek V4) joins the softmax as one more score
// without a value.
void attend_head(const CacheRows& keys, const CacheRows& values, HeadSlice at, const float* qv, std::int64_t lo,
                 std::int64_t pos, const AttentionParams& p, int head_dim_v, const float* sink, float* scores, float* o,
                 const VecKernels& k, const ExtraRows& extra = {}) {
    const std::int64_t n_pos = pos - lo + 1, n_extra = static_cast<std::int64_t>(extra.rows.size());
    float max_score = sink ? *sink : -INFINITY;
    for (std::int64_t j = 0; j < n_pos + n_extra; ++j) {
        float s = (j < n_pos ? keys.dot(lo + j, at.k_offset, qv, p.head_dim, k)
                             : extra.keys->dot(extra.rows[static_cast<std::size_t>(j - n_pos)], 0, qv, p.head_dim, k)) *
                  p.scale;
        if (p.softcap > 0.0f) s = p.softcap * std::tanh(s / p.softcap);
        scores[j] = s;
        max_score = std::max(max_score, s);
    }
    float sum = sink ? std::exp(*sink - max_score) : 0.0f;
    for (std::int64_t j = 0; j < n_pos + n_extra; ++j) sum += (scores[j] = std::exp(scores[j] - max_score));
    std::fill(o, o + head_dim_v, 0.0f);
    const float inv = 1.0f / sum;
    for (std::int64_t j = 0; j < n_pos; ++j) values.axpy(scores[j] * inv, lo + j, at.v_offset, o, head_dim_v, k);
    for (std::int64_t j = 0; j < n_extra; ++j)
        extra.keys->axpy(scores[n_pos + j] * inv, extra.rows[static_cast<std::size_t>(j)], 0, o, head_dim_v, k);
}

// How many of a KV head's query heads one job takes (each job reads the KV head's rows once
// for its heads): the largest divisor of the group up to 8 (what the AVX2 kernel holds in
// registers) that still makes enough jobs to keep the threads busy. Multi-head latent
// attention (one KV head for 16 to 128 query heads) is split even for prompts.
int heads_per_job(std::int64_t n_tokens, const AttentionParams& p, int threads) {
    const int group = p.n_head / p.n_head_kv;
    for (int heads = std::min(group, 8); heads > 1; --heads)
        if (group % heads == 0 && n_tokens * (p.n_head / heads) >= 4 * threads) return heads;
    return 1;
}

} // namespace

void kv_store(KvLayer& cache, const Tensor& k, const Tensor& v, std::int64_t first_pos) {
    store_rows(cache.k, k, first_pos, cache.ring);
    if (cache.v.valid()) store_rows(cache.v, v, first_pos, cache.ring);
}

void attention(ThreadPool& pool, const Tensor& q, const KvLayer& cache, std::int64_t first_pos,
               const AttentionParams& p, Tensor& out) {
    const std::int64_t n_tokens = q.ne[1];
    const std::int64_t q_width = q.ne[0];
    const int dv = p.head_dim_v > 0 ? p.head_dim_v : p.head_dim;
    const std::int64_t out_width = std::int64_t{dv} * p.n_head;
    // Values in the keys (latent attention): the value rows are the key rows.
    const bool values_in_keys = !cache.v.valid();
    const Tensor& value_cache = values_in_keys ? cache.k : cache.v;
    const std::int64_t k_width = cache.k.ne[0], v_width = value_cache.ne[0];
    assert(!values_in_keys || dv <= p.head_dim);
    const int group = p.n_head / p.n_head_kv;
    const CacheRows keys{cache.k, k_width, cache.ring};
    const CacheRows values{value_cache, v_width, cache.ring};
    const VecKernels& k = vec_kernels();
    const bool f16 = cache.k.type == quant::TensorType::F16 && value_cache.type == quant::TensorType::F16;
    assert(!p.sinks.valid() || (p.sinks.type == quant::TensorType::F32 && p.sinks.n_elements() == p.n_head));
    const float* sinks = p.sinks.valid() ? f32(p.sinks) : nullptr;
    // Extra keys (one KV head) take the generic path: their rows differ per query token.
    const bool has_extra = p.extra_keys.valid();
    assert(!has_extra || (p.n_head_kv == 1 && values_in_keys && p.extra_keys.ne[0] == p.head_dim &&
                          static_cast<std::int64_t>(p.extra_begin.size()) == n_tokens + 1));
    const CacheRows extra_keys{p.extra_keys, p.extra_keys.ne[0], 0};
    // Jobs are (token, slice of a KV head's query heads): the heads of a job read the KV
    // head's rows together. A causal prompt's last token reads n_tokens times the keys of its
    // first: threads take jobs dynamically, latest (dearest) first, so they finish together.
    const int heads = heads_per_job(n_tokens, p, pool.size());
    const std::int64_t jobs_per_token = p.n_head / heads;
    const std::int64_t n_jobs = n_tokens * jobs_per_token;
    std::atomic<std::int64_t> next{0};
    pool.run([&](int, int) {
        std::vector<float> scores;
        for (std::int64_t job = next.fetch_add(1, std::memory_order_relaxed); job < n_jobs;
             job = next.fetch_add(1, std::memory_order_relaxed)) {
            const std::int64_t t = n_tokens - 1 - job / jobs_per_token;
            const std::int64_t first_head = job % jobs_per_token * heads;
            const std::int64_t kv_head = first_head / group;
            const HeadSlice at{kv_head * p.head_dim, values_in_keys ? kv_head * p.head_dim : kv_head * dv};
            const std::int64_t pos = first_pos + t;
            const std::int64_t lo = p.sliding_window > 0 ? std::max<std::int64_t>(0, pos - p.sliding_window + 1) : 0;
            const float* qv = f32(q) + t * q_width + first_head * p.head_dim;
            float* o = f32(out) + t * out_width + first_head * dv;
            if (has_extra) {
                const auto first = static_cast<std::size_t>(p.extra_begin[static_cast<std::size_t>(t)]);
                const auto last = static_cast<std::size_t>(p.extra_begin[static_cast<std::size_t>(t) + 1]);
                const ExtraRows extra{&extra_keys, p.extra_rows.subspan(first, last - first)};
                scores.resize(static_cast<std::size_t>(pos - lo + 1) + extra.rows.size());
                for (int h = 0; h < heads; ++h)
                    attend_head(keys, values, at, qv + h * p.head_dim, lo, pos, p, dv,
                                sinks ? sinks + first_head + h : nullptr, scores.data(), o + h * dv, k, extra);
                continue;
            }
            scores.resize(static_cast<std::size_t>(heads * (pos - lo + 1)));
            if (f16) {
                const AttendGroup a{qv,
                                    static_cast<const std::uint16_t*>(cache.k.data) + at.k_offset,
                                    static_cast<const std::uint16_t*>(value_cache.data) + at.v_offset,
                                    k_width,
                                    v_width,
                                    lo,
                                    pos,
                                    cache.ring,
                                    heads,
                                    p.head_dim,
                                    dv,
                                    p.scale,
                                    p.softcap,
                                    sinks ? sinks + first_head : nullptr,
                                    o,
                                    scores.data()};
                if (attend_group_f16_avx2(a)) continue;
            }
            for (int h = 0; h < heads; ++h)
                attend_head(keys, values, at, qv + h * p.head_dim, lo, pos, p, dv, sinks ? sinks + first_head + h : nullptr,
                            scores.data(), o + h * dv, k);
        }
    });
}

} // namespace conclave::cpu
