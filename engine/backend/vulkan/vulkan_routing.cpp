// Expert routing on a Vulkan device (shaders/route.comp): one workgroup per token, the same
// choice and weights as the host reference (backend/expert_routing.cpp). The expert ids and
// weights stay in device memory, where mul_mat_id, add_id and moe_combine read them.

#include "backend/vulkan/vulkan_grid.h"
#include "backend/vulkan/vulkan_ops.h"

#include <cassert>

namespace conclave::vulkan {

bool route_supported(const RoutingSpec& spec) {
    const bool grouped = spec.n_group > 1 && spec.n_group_used < spec.n_group && spec.n_expert % spec.n_group == 0;
    return spec.n_expert > 0 && spec.n_expert <= kMaxRoutedExperts && spec.n_used > 0 && spec.n_used <= spec.n_expert &&
           spec.n_used <= kMaxRoutedSlots && (!grouped || spec.n_group <= kMaxRoutingGroups);
}

void route(VulkanDevice& device, const RouteTensors& tensors, std::span<const std::int32_t> fixed_ids,
           const RoutingSpec& spec) {
    const DeviceTensor& logits = tensors.logits;
    const std::int64_t n_tokens = logits.rows();
    assert(route_supported(spec) && logits.type == quant::TensorType::F32 && logits.ne[0] == spec.n_expert);
    assert(tensors.ids.n_elements() == spec.n_used * n_tokens && tensors.weights.n_elements() == spec.n_used * n_tokens);
    assert(fixed_ids.empty() || static_cast<std::int64_t>(fixed_ids.size()) == spec.n_used * n_tokens);
    assert(!tensors.selection_bias.valid() || tensors.selection_bias.n_elements() == spec.n_expert);
    if (n_tokens == 0) return;
    const bool grouped = spec.n_group > 1 && spec.n_group_used < spec.n_group && spec.n_expert % spec.n_group == 0;
    struct Params {
        std::uint32_t n_expert, n_used, n_tokens, gating, has_bias, fixed_choice, normalize;
        float scale;
        std::uint32_t n_group, n_group_used, group_best;
    } params{static_cast<std::uint32_t>(spec.n_expert),
             static_cast<std::uint32_t>(spec.n_used),
             static_cast<std::uint32_t>(n_tokens),
             spec.gating == ExpertGating::softmax   ? 0u
             : spec.gating == ExpertGating::sigmoid ? 1u
                                                    : 2u,
             tensors.selection_bias.valid() ? 1u : 0u,
             fixed_ids.empty() ? 0u : 1u,
             spec.normalize ? 1u : 0u,
             spec.scale,
             grouped ? static_cast<std::uint32_t>(spec.n_group) : 1u,
             static_cast<std::uint32_t>(spec.n_group_used),
             spec.group_score == GroupScore::best ? 1u : 0u};
    // Unused inputs bind the logits in their place.
    const BufferSlice bias = tensors.selection_bias.valid() ? tensors.selection_bias.slice : logits.slice;
    const BufferSlice fixed = fixed_ids.empty() ? logits.slice : device.stage(fixed_ids.data(), fixed_ids.size_bytes());
    const GroupGrid grid = group_grid(device, static_cast<std::uint64_t>(n_tokens));
    device.dispatch("route", {logits.slice, bias, fixed, tensors.ids.slice, tensors.weights.slice}, params, grid.x, grid.y);
}

} // namespace conclave::vulkan
