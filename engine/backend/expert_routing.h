#pragma once
// The router of a mixture-of-experts layer: from the router's logits to the experts each
// token uses and their weights, with the semantics each model family was trained with. These
// host functions are the reference: the CPU backend's `route` op runs them as they are, and
// every other backend's routing kernel must choose the same experts (ties to the lower id)
// and give the same weights. Plain functions, no state; thread-safe.

#include <cstdint>
#include <span>
#include <vector>

namespace conclave {

// How router logits become scores: a softmax over all experts (Mixtral, Qwen-MoE, OLMoE,
// gpt-oss, DeepSeek V2), an independent sigmoid per expert (DeepSeek V3), or
// sqrt(softplus(logit)) per expert (DeepSeek V4).
enum class ExpertGating { softmax, sigmoid, sqrt_softplus };

// How a group of experts is scored when selection is limited to the best groups: by its
// best expert (DeepSeek V2's group-limited greedy choice), or by the sum of its best two
// (DeepSeek V3).
enum class GroupScore { best, best_two };

struct RoutingSpec {
    int n_expert = 0;
    int n_used = 0;
    ExpertGating gating = ExpertGating::softmax;
    bool normalize = true;   // the selected scores divided by their sum
    float scale = 1.0f;      // then multiplied by this (<arch>.expert_weights_scale)
    // Group-limited selection: experts form n_group equal groups (consecutive ids); only the
    // n_group_used best groups' experts compete for the top n_used.
    int n_group = 1;
    int n_group_used = 1;
    GroupScore group_score = GroupScore::best_two;
};

struct ExpertChoice {
    std::vector<std::int32_t> ids;  // [n_used * n_tokens]: slot s of token t at s + n_used * t
    std::vector<float> weights;     // same layout
};

// logits: [n_expert * n_tokens]. selection_bias (n_expert values, or empty) is added to the
// scores for choosing experts only; the weights use the unbiased scores (DeepSeek V3's
// load-balancing bias).
ExpertChoice route_experts(std::span<const float> logits, std::int64_t n_tokens, std::span<const float> selection_bias,
                           const RoutingSpec& spec);

// Experts fixed per token by a table (DeepSeek V4's hash-routed first layers): ids holds
// n_used ids per token; the weights come from the scores as in route_experts.
ExpertChoice route_fixed(std::span<const float> logits, std::int64_t n_tokens, std::span<const std::int32_t> ids,
                         const RoutingSpec& spec);

} // namespace conclave
