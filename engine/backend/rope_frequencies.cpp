// RoPE frequency tables (see rope_frequencies.h); the CPU rope and the GPU kernels' hosts use
// them, so both rotate by the same angles.

#include "backend/rope_frequencies.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace conclave {
namespace {

// The dimension index (counting pairs as two) at which a frequency completes n_rotations
// turns over the original context length.
float yarn_corr_dim(int n_dims, int n_ctx_orig, float n_rotations, float base) {
    return static_cast<float>(n_dims) * std::log(static_cast<float>(n_ctx_orig) / (n_rotations * 2.0f * std::numbers::pi_v<float>)) /
           (2.0f * std::log(base));
}

} // namespace

std::vector<float> rope_inv_freq(const RopeParams& p) {
    std::vector<float> inv_freq(static_cast<std::size_t>(p.n_dims / 2));
    for (std::size_t i = 0; i < inv_freq.size(); ++i)
        inv_freq[i] = std::pow(p.freq_base, -2.0f * static_cast<float>(i) / static_cast<float>(p.n_dims));
    return inv_freq;
}

std::vector<float> rope_yarn_mix(const RopeParams& p) {
    const int half = p.n_dims / 2;
    std::vector<float> mix(static_cast<std::size_t>(half), 0.0f);
    if (p.ext_factor == 0.0f) return mix;
    const float low = std::max(0.0f, std::floor(yarn_corr_dim(p.n_dims, p.n_ctx_orig, p.beta_fast, p.freq_base)));
    const float high = std::min(static_cast<float>(p.n_dims - 1),
                                std::ceil(yarn_corr_dim(p.n_dims, p.n_ctx_orig, p.beta_slow, p.freq_base)));
    for (int i = 0; i < half; ++i) {
        const float y = (static_cast<float>(i) - low) / std::max(0.001f, high - low);
        mix[static_cast<std::size_t>(i)] = (1.0f - std::clamp(y, 0.0f, 1.0f)) * p.ext_factor;
    }
    return mix;
}

float rope_magnitude(const RopeParams& p) {
    return p.attn_factor * (p.ext_factor != 0.0f ? 1.0f + 0.1f * std::log(1.0f / p.freq_scale) : 1.0f);
}

} // namespace conclave
