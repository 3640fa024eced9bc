#include "logit_agreement.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>

namespace conclave::test {
namespace {

// Indices of the k largest values, as a sorted set for intersection.
std::vector<std::size_t> top_k_ids(const std::vector<float>& v, std::size_t k) {
    std::vector<std::size_t> ids(v.size());
    std::iota(ids.begin(), ids.end(), std::size_t{0});
    std::partial_sort(
        ids.begin(), ids.begin() + static_cast<long>(k), ids.end(),
        [&](std::size_t a, std::size_t b) { return v[a] > v[b] || (v[a] == v[b] && a < b); });
    ids.resize(k);
    std::sort(ids.begin(), ids.end());
    return ids;
}

} // namespace

std::vector<double> softmax(const std::vector<float>& logits) {
    std::vector<double> p(logits.size());
    if (logits.empty()) return p;
    const double top = *std::max_element(logits.begin(), logits.end());
    double sum = 0.0;
    for (std::size_t i = 0; i < logits.size(); ++i)
        sum += p[i] = std::exp(static_cast<double>(logits[i]) - top);
    for (double& v : p) v /= sum;
    return p;
}

double top_k_overlap(const std::vector<float>& expected, const std::vector<float>& actual,
                     std::size_t k) {
    if (expected.size() != actual.size() || k == 0 || k > expected.size()) return 0.0;
    const std::vector<std::size_t> a = top_k_ids(expected, k), b = top_k_ids(actual, k);
    std::vector<std::size_t> both;
    std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(both));
    return static_cast<double>(both.size()) / static_cast<double>(k);
}

double kl_divergence(const std::vector<float>& expected, const std::vector<float>& actual) {
    if (expected.size() != actual.size() || expected.empty()) return INFINITY;
    const std::vector<double> p = softmax(expected), q = softmax(actual);
    double kl = 0.0;
    for (std::size_t i = 0; i < p.size(); ++i)
        if (p[i] > 0.0) kl += p[i] * (std::log(p[i]) - std::log(q[i]));
    return std::max(kl, 0.0); // rounding can take an exact match a hair below 0
}

void LogitAgreement::add(std::size_t position, const std::vector<float>& expected,
                         const std::vector<float>& actual) {
    const double overlap = top_k_overlap(expected, actual, 10),
                 kl = kl_divergence(expected, actual);
    const double n = static_cast<double>(++positions);
    mean_overlap += (overlap - mean_overlap) / n;
    mean_kl += (kl - mean_kl) / n;
    min_overlap = std::min(min_overlap, overlap);
    if (positions == 1 || kl > max_kl) {
        max_kl = kl;
        worst_kl_position = position;
    }
}

std::string LogitAgreement::summary() const {
    char line[200];
    std::snprintf(
        line, sizeof line,
        "%zu positions: top-10 overlap mean %.3f, min %.1f; KL mean %.3g, max %.3g (position %zu)",
        positions, mean_overlap, min_overlap, mean_kl, max_kl, worst_kl_position);
    return line;
}

std::string LogitAgreement::violation(const AgreementBounds& b) const {
    char line[200];
    if (positions == 0) return "no positions compared";
    if (mean_overlap < b.mean_overlap)
        std::snprintf(line, sizeof line, "mean top-10 overlap %.3f below %.3f", mean_overlap,
                      b.mean_overlap);
    else if (min_overlap < b.min_overlap)
        std::snprintf(line, sizeof line, "top-10 overlap %.1f below %.1f at a position",
                      min_overlap, b.min_overlap);
    else if (mean_kl > b.mean_kl)
        std::snprintf(line, sizeof line, "mean KL %.3g above %.3g", mean_kl, b.mean_kl);
    else if (max_kl > b.max_kl)
        std::snprintf(line, sizeof line, "KL %.3g above %.3g at position %zu", max_kl, b.max_kl,
                      worst_kl_position);
    else
        return {};
    return line;
}

} // namespace conclave::test
