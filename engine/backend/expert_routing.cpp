#include "backend/expert_routing.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <numeric>

namespace conclave {
namespace {

void score(const float* logits, const RoutingSpec& spec, float* out) {
    const int n = spec.n_expert;
    if (spec.gating == ExpertGating::sigmoid) {
        for (int e = 0; e < n; ++e) out[e] = 1.0f / (1.0f + std::exp(-logits[e]));
        return;
    }
    if (spec.gating == ExpertGating::sqrt_softplus) {
        // softplus(v) = ln(1 + e^v), which is v itself (to float precision) beyond 20.
        for (int e = 0; e < n; ++e) out[e] = std::sqrt(logits[e] > 20.0f ? logits[e] : std::log1p(std::exp(logits[e])));
        return;
    }
    const float top = *std::max_element(logits, logits + n);
    float sum = 0.0f;
    for (int e = 0; e < n; ++e) sum += (out[e] = std::exp(logits[e] - top));
    for (int e = 0; e < n; ++e) out[e] /= sum;
}

// Leaves -infinity on the experts of every group that is not among the n_group_used best.
void keep_best_groups(std::vector<float>& selection, const RoutingSpec& spec) {
    const int per_group = spec.n_expert / spec.n_group;
    std::vector<float> group_scores(static_cast<std::size_t>(spec.n_group));
    for (int g = 0; g < spec.n_group; ++g) {
        const auto first = selection.begin() + g * per_group;
        if (spec.group_score == GroupScore::best || per_group < 2) {
            group_scores[static_cast<std::size_t>(g)] = *std::max_element(first, first + per_group);
            continue;
        }
        std::vector<float> members(first, first + per_group);
        std::partial_sort(members.begin(), members.begin() + 2, members.end(), std::greater<>());
        group_scores[static_cast<std::size_t>(g)] = members[0] + members[1];
    }
    std::vector<int> order(static_cast<std::size_t>(spec.n_group));
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        return group_scores[static_cast<std::size_t>(a)] > group_scores[static_cast<std::size_t>(b)];
    });
    for (std::size_t rank = static_cast<std::size_t>(spec.n_group_used); rank < order.size(); ++rank)
        std::fill_n(selection.begin() + order[rank] * per_group, per_group, -INFINITY);
}

// The weights of token t's chosen experts (choice.ids): their scores, normalized and scaled.
void weigh(const std::vector<float>& scores, const RoutingSpec& spec, ExpertChoice& choice, std::int64_t t) {
    const int k = spec.n_used;
    float kept = 0.0f;
    for (int s = 0; s < k; ++s) kept += scores[static_cast<std::size_t>(choice.ids[static_cast<std::size_t>(s + k * t)])];
    // A floor on the sum (the smallest normal half-precision value) keeps sigmoid scores
    // that all underflow from dividing by zero.
    const float divisor = spec.normalize ? std::max(kept, 6.103515625e-5f) : 1.0f;
    for (int s = 0; s < k; ++s) {
        const auto slot = static_cast<std::size_t>(s + k * t);
        choice.weights[slot] = scores[static_cast<std::size_t>(choice.ids[slot])] / divisor * spec.scale;
    }
}

} // namespace

ExpertChoice route_experts(std::span<const float> logits, std::int64_t n_tokens, std::span<const float> selection_bias,
                           const RoutingSpec& spec) {
    const int n = spec.n_expert, k = spec.n_used;
    assert(static_cast<std::int64_t>(logits.size()) == n * n_tokens && k > 0 && k <= n);
    assert(selection_bias.empty() || static_cast<int>(selection_bias.size()) == n);
    const bool grouped = spec.n_group > 1 && spec.n_group_used < spec.n_group && n % spec.n_group == 0;
    ExpertChoice choice;
    choice.ids.resize(static_cast<std::size_t>(k * n_tokens));
    choice.weights.resize(choice.ids.size());
    std::vector<float> scores(static_cast<std::size_t>(n)), selection(scores.size());
    std::vector<int> order(scores.size());
    for (std::int64_t t = 0; t < n_tokens; ++t) {
        score(logits.data() + t * n, spec, scores.data());
        for (int e = 0; e < n; ++e)
            selection[static_cast<std::size_t>(e)] =
                scores[static_cast<std::size_t>(e)] + (selection_bias.empty() ? 0.0f : selection_bias[static_cast<std::size_t>(e)]);
        if (grouped) keep_best_groups(selection, spec);
        std::iota(order.begin(), order.end(), 0);
        // Ties go to the lower expert id, so a choice never depends on the sort's whims.
        std::partial_sort(order.begin(), order.begin() + k, order.end(), [&](int a, int b) {
            const float sa = selection[static_cast<std::size_t>(a)], sb = selection[static_cast<std::size_t>(b)];
            return sa > sb || (sa == sb && a < b);
        });
        std::copy_n(order.begin(), k, choice.ids.begin() + k * t);
        weigh(scores, spec, choice, t);
    }
    return choice;
}

ExpertChoice route_fixed(std::span<const float> logits, std::int64_t n_tokens, std::span<const std::int32_t> ids,
                         const RoutingSpec& spec) {
    const int n = spec.n_expert;
    assert(static_cast<std::int64_t>(logits.size()) == n * n_tokens &&
           static_cast<std::int64_t>(ids.size()) == spec.n_used * n_tokens);
    ExpertChoice choice;
    choice.ids.assign(ids.begin(), ids.end());
    choice.weights.resize(choice.ids.size());
    std::vector<float> scores(static_cast<std::size_t>(n));
    for (std::int64_t t = 0; t < n_tokens; ++t) {
        score(logits.data() + t * n, spec, scores.data());
        weigh(scores, spec, choice, t);
    }
    return choice;
}

} // namespace conclave
