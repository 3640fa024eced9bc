// Element-wise ops on F32 activations. Additions and scaling are cheap next to the matmuls and
// stay single-threaded; the gated activations split rows over the pool, SwiGLU with an AVX2
// row kernel where the processor has one (activation_avx2.cpp), else exp/tanh per element.
// add_id adds each MoE slot row its expert's bias row (gpt-oss); copy_columns moves parts of
// rows (DeepSeek's attention).

#include "backend/cpu/activation_avx2.h"
#include "backend/cpu/cpu_ops.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace conclave::cpu {
namespace {

template <typename Fn>
void binary(const Tensor& a, const Tensor& b, Tensor& out, Fn fn) {
    const std::int64_t n = a.ne[0];
    const bool broadcast = b.rows() == 1;
    for (std::int64_t r = 0; r < a.rows(); ++r) {
        const float* x = f32(a) + r * n;
        const float* y = f32(b) + (broadcast ? 0 : r * n);
        float* z = f32(out) + r * n;
        for (std::int64_t i = 0; i < n; ++i) z[i] = fn(x[i], y[i]);
    }
}

// out = fn(gate, up) per element, rows split over the pool.
template <typename Fn>
void gated(ThreadPool& pool, const Tensor& gate, const Tensor& up, Tensor& out, Fn fn) {
    const std::int64_t n = gate.ne[0];
    pool.parallel_for(gate.rows(), 4, [&](std::int64_t begin, std::int64_t end) {
        for (std::int64_t r = begin; r < end; ++r) {
            const float* g = f32(gate) + r * n;
            const float* u = f32(up) + r * n;
            float* z = f32(out) + r * n;
            for (std::int64_t i = 0; i < n; ++i) z[i] = fn(g[i], u[i]);
        }
    });
}

} // namespace

void add(const Tensor& a, const Tensor& b, Tensor& out) {
    binary(a, b, out, [](float x, float y) { return x + y; });
}

void mul(const Tensor& a, const Tensor& b, Tensor& out) {
    binary(a, b, out, [](float x, float y) { return x * y; });
}

void copy_columns(const Tensor& src, std::int64_t src_first, Tensor& dst, std::int64_t dst_first, std::int64_t n) {
    assert(src.type == quant::TensorType::F32 && dst.type == quant::TensorType::F32 && src.rows() == dst.rows());
    assert(src_first >= 0 && dst_first >= 0 && src_first + n <= src.ne[0] && dst_first + n <= dst.ne[0]);
    for (std::int64_t r = 0; r < src.rows(); ++r)
        std::copy_n(f32(src) + r * src.ne[0] + src_first, n, f32(dst) + r * dst.ne[0] + dst_first);
}

void add_id(const Tensor& x, const Tensor& bias, std::span<const std::int32_t> expert_ids, Tensor& out) {
    const std::int64_t n = x.ne[0];
    assert(bias.type == quant::TensorType::F32 && bias.ne[0] == n);
    assert(static_cast<std::int64_t>(expert_ids.size()) == x.rows());
    for (std::int64_t r = 0; r < x.rows(); ++r) {
        const float* a = f32(x) + r * n;
        const float* b = f32(bias) + std::int64_t{expert_ids[static_cast<std::size_t>(r)]} * n;
        float* z = f32(out) + r * n;
        for (std::int64_t i = 0; i < n; ++i) z[i] = a[i] + b[i];
    }
}

void scale(Tensor& x, float factor) {
    float* v = f32(x);
    for (std::int64_t i = 0; i < x.n_elements(); ++i) v[i] *= factor;
}

void swiglu(ThreadPool& pool, const Tensor& gate, const Tensor& up, Tensor& out) {
    const std::int64_t n = gate.ne[0];
    pool.parallel_for(gate.rows(), 4, [&](std::int64_t begin, std::int64_t end) {
        for (std::int64_t r = begin; r < end; ++r) {
            const float* g = f32(gate) + r * n;
            const float* u = f32(up) + r * n;
            float* z = f32(out) + r * n;
            if (swiglu_row_avx2(g, u, z, n)) continue;
            for (std::int64_t i = 0; i < n; ++i) z[i] = g[i] / (1.0f + std::exp(-g[i])) * u[i];
        }
    });
}

void geglu(ThreadPool& pool, const Tensor& gate, const Tensor& up, Tensor& out) {
    // GELU with the tanh approximation, as Gemma was trained.
    constexpr float sqrt_2_over_pi = 0.7978845608028654f;
    gated(pool, gate, up, out, [](float g, float u) {
        return 0.5f * g * (1.0f + std::tanh(sqrt_2_over_pi * (g + 0.044715f * g * g * g))) * u;
    });
}

void swiglu_clamped(ThreadPool& pool, const Tensor& gate, const Tensor& up, const SwigluClamp& clamp, Tensor& out) {
    gated(pool, gate, up, out, [clamp](float g, float u) {
        g = std::min(g, clamp.limit);
        u = std::clamp(u, -clamp.limit, clamp.limit);
        return g / (1.0f + std::exp(-clamp.alpha * g)) * (u + clamp.up_offset);
    });
}

} // namespace conclave::cpu
