#pragma once
// How closely two engines' next-token distributions agree when their logits cannot match
// exactly (quantized weights, which both engines multiply with 8-bit activations): the share
// of the peer's top-k tokens we also rank in our top-k, and the KL divergence of our
// distribution from the peer's. Plain functions over one position's logits and a value-type
// accumulator over many positions; no errors (mismatched sizes give the worst value).

#include <cstddef>
#include <string>
#include <vector>

namespace conclave::test {

// softmax(logits) in double, shifted by the maximum so large logits do not overflow.
std::vector<double> softmax(const std::vector<float>& logits);

// |top_k(expected) ∩ top_k(actual)| / k; ties within a row are broken towards the lower id.
// 0 when the sizes differ or k is larger than the row.
double top_k_overlap(const std::vector<float>& expected, const std::vector<float>& actual,
                     std::size_t k);

// KL(softmax(expected) || softmax(actual)) in nats: the information lost when our
// distribution stands in for the peer's. Infinite when the sizes differ.
double kl_divergence(const std::vector<float>& expected, const std::vector<float>& actual);

// What a quantized run must reach against its peer over all positions.
struct AgreementBounds {
    double mean_overlap = 0.0; // mean top-10 overlap at least
    double min_overlap = 0.0;  // top-10 overlap at every position at least
    double mean_kl = 0.0;      // mean KL at most, nats
    double max_kl = 0.0;       // KL at every position at most, nats
};

// Top-10 overlap and KL over many positions: add() one position at a time, then read.
struct LogitAgreement {
    std::size_t positions = 0;
    double mean_overlap = 0.0; // mean top-10 overlap, in [0, 1]
    double min_overlap = 1.0;
    double mean_kl = 0.0; // nats
    double max_kl = 0.0;
    std::size_t worst_kl_position = 0; // the position index passed to add() with max_kl

    void add(std::size_t position, const std::vector<float>& expected,
             const std::vector<float>& actual);
    // The figures in one line, for test logs.
    std::string summary() const;
    // Empty when every bound holds (and a position was added), else the first that does not.
    std::string violation(const AgreementBounds& bounds) const;
};

} // namespace conclave::test
