// Expert routing on the CPU: the host reference (expert_routing.h) run on the logits in place,
// its choice written into the ids and weights tensors. The tensor views of ids and weights let
// the expert ops take route()'s outputs as they lie in host memory.

#include "backend/cpu/cpu_ops.h"

#include <algorithm>
#include <cassert>

namespace conclave::cpu {

std::span<const std::int32_t> ids_of(const Tensor& ids) {
    assert(ids.type == quant::TensorType::I32);
    return {static_cast<const std::int32_t*>(ids.data), static_cast<std::size_t>(ids.n_elements())};
}

std::span<const float> floats_of(const Tensor& t) {
    assert(t.type == quant::TensorType::F32);
    return {static_cast<const float*>(t.data), static_cast<std::size_t>(t.n_elements())};
}

void route(const Tensor& logits, const Tensor& selection_bias, std::span<const std::int32_t> fixed_ids,
           const RoutingSpec& spec, Tensor& ids, Tensor& weights) {
    const std::int64_t n_tokens = logits.rows();
    assert(logits.type == quant::TensorType::F32 && logits.ne[0] == spec.n_expert);
    assert(ids.type == quant::TensorType::I32 && weights.type == quant::TensorType::F32);
    assert(ids.n_elements() == spec.n_used * n_tokens && weights.n_elements() == ids.n_elements());
    const ExpertChoice choice =
        fixed_ids.empty()
            ? route_experts(floats_of(logits), n_tokens,
                            selection_bias.valid() ? floats_of(selection_bias) : std::span<const float>(), spec)
            : route_fixed(floats_of(logits), n_tokens, fixed_ids, spec);
    std::copy(choice.ids.begin(), choice.ids.end(), static_cast<std::int32_t*>(ids.data));
    std::copy(choice.weights.begin(), choice.weights.end(), static_cast<float*>(weights.data));
}

} // namespace conclave::cpu
