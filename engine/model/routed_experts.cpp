#include "model/routed_experts.h"

namespace conclave::model {

RoutedExperts route_tokens(Backend& b, const Tensor& logits, const Tensor& selection_bias,
                            std::span<const std::int32_t> fixed_ids, const RoutingSpec& spec) {
    const std::int64_t n_tokens = logits.ne[1];
    // Rows [0, n_tokens) hold the ids, rows [n_tokens, 2 n_tokens) the weights (both 4 bytes).
    const Tensor both = b.scratch(quant::TensorType::I32, {spec.n_used, 2 * n_tokens, 1, 1});
    RoutedExperts routed{b.view_rows(both, 0, n_tokens), b.view_rows(both, n_tokens, n_tokens)};
    routed.weights.type = quant::TensorType::F32;
    b.route(logits, selection_bias, fixed_ids, spec, routed.ids, routed.weights);
    return routed;
}

} // namespace conclave::model
