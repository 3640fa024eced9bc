// DeepSeek V4's lightning indexer scores on the CPU. For a long context this is the biggest
// part of a compressing layer's attention work (every visible block against every indexer
// head of every query), so it runs on the backend's threads with the vector kernels: each
// work item expands one block's key to floats once and scores it against all the query's
// heads.

#include "backend/cpu/cpu_ops.h"
#include "backend/cpu/vec_dot.h"
#include "quant/dequantize.h"
#include "quant/half.h"

#include <algorithm>
#include <cassert>
#include <vector>

namespace conclave::cpu {

void indexer_scores(ThreadPool& pool, const Tensor& q, const Tensor& w, const Tensor& keys,
                    std::span<const std::int64_t> visible, Tensor& out) {
    const std::int64_t n_tokens = q.ne[1], head_dim = keys.ne[0], n_head = w.ne[0];
    const std::int64_t n_blocks = out.ne[0];
    assert(q.ne[0] == n_head * head_dim && w.ne[1] == n_tokens && out.ne[1] == n_tokens);
    assert(static_cast<std::int64_t>(visible.size()) == n_tokens);
    constexpr std::int64_t chunk = 32; // blocks per work item
    const std::int64_t chunks = (n_blocks + chunk - 1) / chunk;
    const VecKernels& k = vec_kernels();
    pool.parallel_for(n_tokens * chunks, 1, [&](std::int64_t begin, std::int64_t end) {
        std::vector<float> key(static_cast<std::size_t>(head_dim));
        for (std::int64_t item = begin; item < end; ++item) {
            const std::int64_t t = item / chunks, first = item % chunks * chunk;
            const std::int64_t last = std::min({first + chunk, n_blocks, visible[static_cast<std::size_t>(t)]});
            const float* qt = f32(q) + t * q.ne[0];
            const float* wt = f32(w) + t * n_head;
            float* st = f32(out) + t * n_blocks;
            for (std::int64_t b = first; b < last; ++b) {
                const auto* row = static_cast<const unsigned char*>(keys.data) + static_cast<std::uint64_t>(b) * keys.row_bytes();
                if (keys.type == quant::TensorType::F32) {
                    std::copy_n(reinterpret_cast<const float*>(row), head_dim, key.data());
                } else {
                    [[maybe_unused]] const auto ok = quant::dequantize_row(keys.type, row, keys.row_bytes(), key.data(), head_dim);
                    assert(ok.ok());
                }
                float s = 0.0f;
                for (std::int64_t h = 0; h < n_head; ++h) s += wt[h] * std::max(0.0f, k.dot(qt + h * head_dim, key.data(), head_dim));
                st[b] = s;
            }
        }
    });
}

} // namespace conclave::cpu
