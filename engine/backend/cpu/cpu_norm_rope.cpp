// Row-wise normalization and rotary position embedding on the CPU.

#include "backend/cpu/cpu_ops.h"
#include "backend/cpu/vec_dot.h"
#include "backend/rope_frequencies.h"

#include <algorithm>
#include <cmath>
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

void rope(ThreadPool& pool, Tensor& x, int head_dim, std::span<const std::int32_t> positions, const RopeParams& p) {
    const std::int64_t n_heads = x.ne[0] / head_dim;
    const int half = p.n_dims / 2;
    const float* factors = p.freq_factors.valid() ? f32(p.freq_factors) : nullptr;
    // inv_freq[i] = base^(-2i / n_dims), divided by the model's per-pair factor if any.
    std::vector<float> inv_freq = rope_inv_freq(p);
    if (factors)
        for (int i = 0; i < half; ++i) inv_freq[static_cast<std::size_t>(i)] /= factors[i];
    const std::vector<float> mix = rope_yarn_mix(p);
    const float magnitude = rope_magnitude(p);
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
