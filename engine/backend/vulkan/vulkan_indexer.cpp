// DeepSeek V4's lightning indexer scores on a Vulkan device (shaders/indexer_scores.comp),
// one shader variant per cache type of the indexer's keys. The visible counts go to the
// device as 32-bit values in the staging memory; the scores stay on the device for the
// caller's download (the top-k selection runs on the host).

#include "backend/vulkan/vulkan_grid.h"
#include "backend/vulkan/vulkan_ops.h"

#include <algorithm>
#include <cassert>
#include <string>
#include <vector>

namespace conclave::vulkan {
namespace {

using quant::TensorType;

std::string variant(TensorType key_type) {
    switch (key_type) {
    case TensorType::F16: return "indexer_scores_f16";
    case TensorType::Q8_0: return "indexer_scores_q8_0";
    default: return "indexer_scores_f32";
    }
}

} // namespace

void indexer_scores(VulkanDevice& device, const DeviceTensor& q, const DeviceTensor& w, const DeviceTensor& keys,
                    std::span<const std::int64_t> visible, const DeviceTensor& out) {
    const std::int64_t n_tokens = q.rows(), head_dim = keys.ne[0], n_head = w.ne[0];
    assert(q.type == TensorType::F32 && w.type == TensorType::F32 && out.type == TensorType::F32);
    assert(supports(Op::indexer_scores, keys.type) && head_dim <= kMaxIndexerHeadDim);
    assert(keys.type != TensorType::Q8_0 || head_dim % 32 == 0);
    assert(q.ne[0] == n_head * head_dim && w.rows() == n_tokens && out.rows() == n_tokens);
    assert(static_cast<std::int64_t>(visible.size()) == n_tokens);
    if (n_tokens == 0 || out.ne[0] == 0) return;
    // Counts past out's width or the keys' rows would reach outside them: clamped.
    std::vector<std::uint32_t> counts(visible.size());
    for (std::size_t t = 0; t < visible.size(); ++t)
        counts[t] = static_cast<std::uint32_t>(std::clamp<std::int64_t>(visible[t], 0, std::min(out.ne[0], keys.rows())));
    struct Params {
        std::uint32_t head_dim, n_head, out_width, n_tokens;
    } params{static_cast<std::uint32_t>(head_dim), static_cast<std::uint32_t>(n_head), static_cast<std::uint32_t>(out.ne[0]),
             static_cast<std::uint32_t>(n_tokens)};
    const BufferSlice staged = device.stage(counts.data(), counts.size() * sizeof(std::uint32_t));
    const GroupGrid grid = group_grid(device, std::uint64_t{params.out_width} * params.n_tokens);
    device.dispatch(variant(keys.type), {q.slice, w.slice, keys.slice.whole_words(), staged, out.slice}, params, grid.x, grid.y);
}

} // namespace conclave::vulkan
