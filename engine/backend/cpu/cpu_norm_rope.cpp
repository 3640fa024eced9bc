// Row-wise normalization and rotary position embedding on the CPU.

#include "backend/cpu/cpu_ops.h"
#include "backend/cpu/vec_dot.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <vector>

namespace conclave::cpu {

void rms_norm(ThreadPool& pool, const Tensor& x, const Tensor& weight, float eps, Tensor& out) {
    const std::int64_t n = x.ne[0];
    const float* w = weight.valid() ? f32(weight) : nullptr;
    pool.parallel_for(x.rows(), 8, [&](std::int64_t begin, std::int64_t end) {
        for (std::int64_t r = begin; r < end; ++r) {
            const float* src = f32(x) + r * n;
            float* dst = f32(out) + r * n;
            // Accumulate in double: rows of thousands of values with large outliers (the
            // residual stream) lose digits in a float sum.
            double sum = 0.0;
            for (std::int64_t i = 0; i < n; ++i) sum += static_cast<double>(src[i]) * src[i];
            const float inv = 1.0f / std::sqrt(static_cast<float>(sum / static_cast<double>(n)) + eps);
            for (std::int64_t i = 0; i < n; ++i) dst[i] = src[i] * inv * (w ? w[i] : 1.0f);
        }
    });
}

namespace {

// The dimension index (counting pairs as two) at which a frequency completes n_rotations
// turns over the original context length.
float yarn_corr_dim(int n_dims, int n_ctx_orig, float n_rotations, float base) {
    return static_cast<float>(n_dims) * std::log(static_cast<float>(n_ctx_orig) / (n_rotations * 2.0f * std::numbers::pi_v<float>)) /
           (2.0f * std::log(base));
}

// Per rotated pair: how much of the original (extrapolated) frequency to keep, 0..1.
std::vector<float> yarn_extrapolation_mix(const RopeParams& p) {
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

} // namespace

void rope(ThreadPool& pool, Tensor& x, int head_dim, std::span<const std::int32_t> positions, const RopeParams& p) {
    const std::int64_t n_heads = x.ne[0] / head_dim;
    const int half = p.n_dims / 2;
    const float* factors = p.freq_factors.valid() ? f32(p.freq_factors) : nullptr;
    // inv_freq[i] = base^(-2i / n_dims), divided by the model's per-pair factor if any.
    std::vector<float> inv_freq(static_cast<std::size_t>(half));
    for (int i = 0; i < half; ++i) {
        inv_freq[i] = std::pow(p.freq_base, -2.0f * static_cast<float>(i) / static_cast<float>(p.n_dims));
        if (factors) inv_freq[i] /= factors[i];
    }
    const std::vector<float> mix = yarn_extrapolation_mix(p);
    const float magnitude =
        p.attn_factor * (p.ext_factor != 0.0f ? 1.0f + 0.1f * std::log(1.0f / p.freq_scale) : 1.0f);
    pool.parallel_for(x.ne[1], 1, [&](std::int64_t begin, std::int64_t end) {
        for (std::int64_t t = begin; t < end; ++t) {
            const float pos = static_cast<float>(positions[static_cast<std::size_t>(t)]);
            for (std::int64_t h = 0; h < n_heads; ++h) {
                float* v = f32(x) + t * x.ne[0] + h * head_dim;
                for (int i = 0; i < half; ++i) {
                    const float extrapolated = pos * inv_freq[i];
                    const float interpolated = extrapolated * p.freq_scale;
                    const float theta = interpolated + (extrapolated - interpolated) * mix[static_cast<std::size_t>(i)];
                    const float c = std::cos(theta) * magnitude, s = std::sin(theta) * magnitude;
                    // normal: adjacent pairs (2i, 2i+1); neox: halves (i, i + n_dims/2).
                    const int a = p.style == RopeStyle::neox ? i : 2 * i;
                    const int b = p.style == RopeStyle::neox ? i + half : 2 * i + 1;
                    const float x0 = v[a], x1 = v[b];
                    v[a] = x0 * c - x1 * s;
                    v[b] = x0 * s + x1 * c;
                }
            }
        }
    });
}

} // namespace conclave::cpu
