#include "model/archs/deepseek4_hyper.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace conclave::model {
namespace {

float sigmoid(float v) { return 1.0f / (1.0f + std::exp(-v)); }

// Sinkhorn normalization of one token's n x n mixing logits, in float as DeepSeek's kernels
// compute it. L and the result are indexed [dst + n * src]: a softmax over destinations for
// every source, eps added everywhere, then rows (over sources) and columns (over
// destinations) divided by their sums (plus eps) in turn.
void sinkhorn(std::vector<float>& m, int n, const HyperSpec& spec) {
    const auto at = [&](int dst, int src) -> float& { return m[static_cast<std::size_t>(dst + n * src)]; };
    const auto normalize_over_sources = [&] {
        for (int d = 0; d < n; ++d) {
            float sum = 0.0f;
            for (int s = 0; s < n; ++s) sum += at(d, s);
            for (int s = 0; s < n; ++s) at(d, s) /= sum + spec.eps;
        }
    };
    for (int s = 0; s < n; ++s) {
        float top = -INFINITY, sum = 0.0f;
        for (int d = 0; d < n; ++d) top = std::max(top, at(d, s));
        for (int d = 0; d < n; ++d) sum += (at(d, s) = std::exp(at(d, s) - top));
        for (int d = 0; d < n; ++d) at(d, s) = at(d, s) / sum + spec.eps;
    }
    normalize_over_sources();
    for (int i = 1; i < spec.sinkhorn_iterations; ++i) {
        for (int s = 0; s < n; ++s) {
            float sum = 0.0f;
            for (int d = 0; d < n; ++d) sum += at(d, s);
            for (int d = 0; d < n; ++d) at(d, s) /= sum + spec.eps;
        }
        normalize_over_sources();
    }
}

} // namespace

HyperCoefficients hyper_coefficients(std::span<const float> logits, std::int64_t n_tokens, std::span<const float> base,
                                     std::span<const float> scale, const HyperSpec& spec) {
    const int n = spec.n_streams, per_token = (2 + n) * n;
    assert(static_cast<std::int64_t>(logits.size()) == per_token * n_tokens);
    assert(static_cast<int>(base.size()) == per_token && scale.size() == 3);
    HyperCoefficients c;
    c.collapse.resize(static_cast<std::size_t>(n * n_tokens));
    c.post.resize(c.collapse.size());
    c.mix.resize(static_cast<std::size_t>(n * n * n_tokens));
    std::vector<float> m(static_cast<std::size_t>(n * n));
    for (std::int64_t t = 0; t < n_tokens; ++t) {
        const float* l = logits.data() + t * per_token;
        for (int s = 0; s < n; ++s) {
            const auto i = static_cast<std::size_t>(s + n * t);
            c.collapse[i] = sigmoid(l[s] * scale[0] + base[static_cast<std::size_t>(s)]) + spec.eps;
            c.post[i] = 2.0f * sigmoid(l[n + s] * scale[1] + base[static_cast<std::size_t>(n + s)]);
        }
        for (int i = 0; i < n * n; ++i)
            m[static_cast<std::size_t>(i)] = l[2 * n + i] * scale[2] + base[static_cast<std::size_t>(2 * n + i)];
        sinkhorn(m, n, spec);
        // m is [dst + n * src]; mix_rows wants [src + n * dst] per token.
        for (int d = 0; d < n; ++d)
            for (int s = 0; s < n; ++s)
                c.mix[static_cast<std::size_t>(s + n * (d + n * t))] = m[static_cast<std::size_t>(d + n * s)];
    }
    return c;
}

std::vector<float> hyper_output_collapse(std::span<const float> logits, std::int64_t n_tokens, std::span<const float> base,
                                         float scale, const HyperSpec& spec) {
    const int n = spec.n_streams;
    assert(static_cast<std::int64_t>(logits.size()) == n * n_tokens && static_cast<int>(base.size()) == n);
    std::vector<float> collapse(logits.size());
    for (std::int64_t t = 0; t < n_tokens; ++t)
        for (int s = 0; s < n; ++s) {
            const auto i = static_cast<std::size_t>(s + n * t);
            collapse[i] = sigmoid(logits[i] * scale + base[static_cast<std::size_t>(s)]) + spec.eps;
        }
    return collapse;
}

} // namespace conclave::model
