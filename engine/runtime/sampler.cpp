#include "runtime/sampler.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace conclave::runtime {

std::int32_t argmax(std::span<const float> logits) {
    return static_cast<std::int32_t>(std::max_element(logits.begin(), logits.end()) - logits.begin());
}

Sampler::Sampler(const SamplingParams& params) : m_params(params), m_rng(params.seed) {}

void Sampler::apply_penalties(std::span<const std::int32_t> history) {
    const float rep = m_params.repetition_penalty;
    if (rep == 1.0f && m_params.presence_penalty == 0.0f && m_params.frequency_penalty == 0.0f) return;
    const std::size_t n = std::min<std::size_t>(history.size(), static_cast<std::size_t>(std::max(0, m_params.penalty_last_n)));
    std::unordered_map<std::int32_t, int> counts;
    for (const std::int32_t id : history.subspan(history.size() - n)) ++counts[id];
    for (Candidate& c : m_candidates) {
        const auto it = counts.find(c.id);
        if (it == counts.end()) continue;
        c.logit = c.logit > 0 ? c.logit / rep : c.logit * rep;
        c.logit -= m_params.presence_penalty + m_params.frequency_penalty * static_cast<float>(it->second);
    }
}

void Sampler::keep_top_k() {
    const int k = m_params.top_k;
    const auto by_logit = [](const Candidate& a, const Candidate& b) { return a.logit > b.logit; };
    if (k > 0 && static_cast<std::size_t>(k) < m_candidates.size()) {
        std::partial_sort(m_candidates.begin(), m_candidates.begin() + k, m_candidates.end(), by_logit);
        m_candidates.resize(static_cast<std::size_t>(k));
    } else {
        std::sort(m_candidates.begin(), m_candidates.end(), by_logit);
    }
}

void Sampler::softmax() {
    const float max_logit = m_candidates.front().logit;
    double sum = 0.0;
    for (Candidate& c : m_candidates) sum += (c.p = std::exp((c.logit - max_logit) / m_params.temperature));
    for (Candidate& c : m_candidates) c.p = static_cast<float>(c.p / sum);
}

void Sampler::keep_top_p_and_min_p() {
    std::size_t keep = m_candidates.size();
    if (m_params.top_p < 1.0f) {
        double cumulative = 0.0;
        for (std::size_t i = 0; i < m_candidates.size(); ++i) {
            cumulative += m_candidates[i].p;
            if (cumulative >= m_params.top_p) {
                keep = i + 1;
                break;
            }
        }
    }
    if (m_params.min_p > 0.0f) {
        const float floor = m_params.min_p * m_candidates.front().p;
        std::size_t above = 0;
        while (above < keep && m_candidates[above].p >= floor) ++above;
        keep = std::max<std::size_t>(1, above);
    }
    m_candidates.resize(keep);
}

std::int32_t Sampler::sample(std::span<const float> logits, std::span<const std::int32_t> history) {
    m_candidates.resize(logits.size());
    for (std::size_t i = 0; i < logits.size(); ++i)
        m_candidates[i] = Candidate{static_cast<std::int32_t>(i), logits[i], 0.0f};
    apply_penalties(history);
    if (m_params.temperature <= 0.0f) {
        const auto best = std::max_element(m_candidates.begin(), m_candidates.end(),
                                           [](const Candidate& a, const Candidate& b) { return a.logit < b.logit; });
        return best->id;
    }
    keep_top_k();
    softmax();
    keep_top_p_and_min_p();
    double total = 0.0;
    for (const Candidate& c : m_candidates) total += c.p;
    std::uniform_real_distribution<double> uniform(0.0, total);
    double r = uniform(m_rng);
    for (const Candidate& c : m_candidates) {
        r -= c.p;
        if (r <= 0.0) return c.id;
    }
    return m_candidates.back().id;
}

} // namespace conclave::runtime
