// Element-wise ops on F32 activations. Cheap next to the matmuls, so single-threaded.

#include "backend/cpu/cpu_ops.h"

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

} // namespace

void add(const Tensor& a, const Tensor& b, Tensor& out) {
    binary(a, b, out, [](float x, float y) { return x + y; });
}

void mul(const Tensor& a, const Tensor& b, Tensor& out) {
    binary(a, b, out, [](float x, float y) { return x * y; });
}

void scale(Tensor& x, float factor) {
    float* v = f32(x);
    for (std::int64_t i = 0; i < x.n_elements(); ++i) v[i] *= factor;
}

void swiglu(const Tensor& gate, const Tensor& up, Tensor& out) {
    binary(gate, up, out, [](float g, float u) { return g / (1.0f + std::exp(-g)) * u; });
}

void geglu(const Tensor& gate, const Tensor& up, Tensor& out) {
    // GELU with the tanh approximation, as Gemma was trained.
    constexpr float sqrt_2_over_pi = 0.7978845608028654f;
    binary(gate, up, out, [](float g, float u) {
        return 0.5f * g * (1.0f + std::tanh(sqrt_2_over_pi * (g + 0.044715f * g * g * g))) * u;
    });
}

} // namespace conclave::cpu
