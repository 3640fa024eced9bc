#pragma once
// DeepSeek V4's hyper-connections, on the host: the residual stream is four parallel streams,
// and before each sub-block a small input-dependent set of coefficients (computed here from
// the block's mixing logits) says how to collapse the streams into the sub-block's input and
// how to write its output back into the streams. The logits come from a matmul on the
// backend; the coefficients are a few dozen floats per token, and the mixes that use them
// run on the backend again (Backend::mix_rows).

#include <cstdint>
#include <span>
#include <vector>

namespace conclave::model {

struct HyperSpec {
    int n_streams = 4;
    int sinkhorn_iterations = 20;
    float eps = 1e-6f; // hyper_connection.epsilon
};

// Per token, laid out for Backend::mix_rows over the token's stream rows:
//  collapse[s + n * t]          input = sum over s of collapse * H[s]
//  post[d + n * t]              written to stream d: post * output
//  mix[s + n * (d + n * t)]     plus sum over s of mix * H[s] (a doubly stochastic mix)
struct HyperCoefficients {
    std::vector<float> collapse, post, mix;
};

// logits: (2 + n) * n values per token (fn . rms(streams)); base: as many; scale: 3 values
// (collapse, post, mix).
HyperCoefficients hyper_coefficients(std::span<const float> logits, std::int64_t n_tokens, std::span<const float> base,
                                     std::span<const float> scale, const HyperSpec& spec);

// The final collapse before the output norm: n logits per token, n bases, one scale.
std::vector<float> hyper_output_collapse(std::span<const float> logits, std::int64_t n_tokens, std::span<const float> base,
                                         float scale, const HyperSpec& spec);

} // namespace conclave::model
