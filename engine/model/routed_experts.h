#pragma once
// The routing step of a mixture-of-experts layer, as every architecture takes it: the
// backend's route op writes each token's experts and weights into backend tensors, which the
// expert ops (mul_mat_id, add_id, moe_combine) then read where they are. On a GPU backend
// with the router there, a layer never waits on the host.

#include "backend/backend.h"

#include <span>

namespace conclave::model {

struct RoutedExperts {
    Tensor ids;     // I32 [n_used, n_tokens], slot s of token t at s + n_used * t
    Tensor weights; // F32 [n_used, n_tokens]
};

// logits: the router's [n_expert, n_tokens]; selection_bias: an F32 weight or invalid;
// fixed_ids (n_used per token) or empty: the experts are given (hash routing). ids and
// weights share one scratch allocation, so when the experts run on the other side of the bus
// both cross in one copy.
RoutedExperts route_tokens(Backend& b, const Tensor& logits, const Tensor& selection_bias,
                            std::span<const std::int32_t> fixed_ids, const RoutingSpec& spec);

} // namespace conclave::model
