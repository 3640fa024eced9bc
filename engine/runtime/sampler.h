#pragma once
// Sampler: turns logits into the next token id with the SamplingParams chain — penalties,
// then temperature, top-k, top-p, min-p, and a draw from a seeded generator. Deterministic
// for a fixed seed and the same logits. One per generation; not thread-safe.

#include "conclave/sampling.h"

#include <cstdint>
#include <random>
#include <span>
#include <vector>

namespace conclave::runtime {

class Sampler {
public:
    explicit Sampler(const SamplingParams& params);

    // `history` is every token so far (prompt and generated); penalties use its tail.
    std::int32_t sample(std::span<const float> logits, std::span<const std::int32_t> history);

private:
    struct Candidate {
        std::int32_t id;
        float logit;
        float p;
    };
    void apply_penalties(std::span<const std::int32_t> history);
    void keep_top_k();
    void softmax();
    void keep_top_p_and_min_p();

    SamplingParams m_params;
    std::mt19937_64 m_rng;
    std::vector<Candidate> m_candidates;
};

std::int32_t argmax(std::span<const float> logits);

} // namespace conclave::runtime
