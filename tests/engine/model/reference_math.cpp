#include "reference_math.h"

#include <algorithm>
#include <cmath>

namespace conclave::test::reference {
namespace {

// YaRN: pair i turns base^(2i/d)... times less often than once per position; over the
// original context it completes ctx / (2 pi base^(2i/d)) turns. Pairs with more than 32
// turns keep their frequency, fewer than 1 are interpolated by the factor, a ramp between.
double yarn_theta(const Rotation& r, int i, int head_dim, double pos_times_freq) {
    const auto pair_with_turns = [&](double turns) {
        return head_dim * std::log(r.yarn_original_ctx / (turns * 2.0 * 3.14159265358979323846)) / (2.0 * std::log(r.base));
    };
    const double low = std::max(0.0, std::floor(pair_with_turns(32.0)));
    const double high = std::min(static_cast<double>(head_dim - 1), std::ceil(pair_with_turns(1.0)));
    const double keep = 1.0 - std::clamp((i - low) / std::max(0.001, high - low), 0.0, 1.0);
    return pos_times_freq / r.yarn_factor * (1.0 - keep) + pos_times_freq * keep;
}

} // namespace


std::vector<double> matvec(const Matrix& w, const std::vector<double>& x) {
    std::vector<double> y(w.size());
    for (std::size_t r = 0; r < w.size(); ++r) {
        double s = 0;
        for (std::size_t c = 0; c < x.size(); ++c) s += w[r][c] * x[c];
        y[r] = s;
    }
    return y;
}

std::vector<double> rmsnorm(const std::vector<double>& x, const std::vector<double>& w, double eps) {
    double ss = 0;
    for (double v : x) ss += v * v;
    const double inv = 1.0 / std::sqrt(ss / static_cast<double>(x.size()) + eps);
    std::vector<double> y(x.size());
    for (std::size_t i = 0; i < x.size(); ++i) y[i] = x[i] * inv * w[i];
    return y;
}


void rotate(std::vector<double>& v, int head_dim, int pos, const Rotation& r) {
    const int half = head_dim / 2;
    const double magnitude = r.magnitude >= 0.0 ? r.magnitude : r.yarn_factor > 0 ? 1.0 + 0.1 * std::log(r.yarn_factor) : 1.0;
    for (std::size_t h = 0; h * static_cast<std::size_t>(head_dim) < v.size(); ++h) {
        double* x = v.data() + h * static_cast<std::size_t>(head_dim);
        for (int i = 0; i < half; ++i) {
            double freq = std::pow(r.base, -2.0 * i / head_dim);
            if (!r.factors.empty()) freq /= r.factors[static_cast<std::size_t>(i)];
            const double theta = r.yarn_factor > 0 ? yarn_theta(r, i, head_dim, pos * freq) : pos * freq;
            const int a = r.neox ? i : 2 * i, b = r.neox ? i + half : 2 * i + 1;
            const double x0 = x[a], x1 = x[b];
            x[a] = magnitude * (x0 * std::cos(theta) - x1 * std::sin(theta));
            x[b] = magnitude * (x0 * std::sin(theta) + x1 * std::cos(theta));
        }
    }
}

std::vector<double> swiglu_ffn(const Matrix& gate, const Matrix& up, const Matrix& down, const std::vector<double>& h,
                               bool gelu) {
    std::vector<double> g = matvec(gate, h);
    const std::vector<double> u = matvec(up, h);
    const double c = std::sqrt(2.0 / 3.14159265358979323846);
    for (std::size_t i = 0; i < g.size(); ++i)
        g[i] = (gelu ? 0.5 * g[i] * (1.0 + std::tanh(c * (g[i] + 0.044715 * g[i] * g[i] * g[i])))
                     : g[i] / (1.0 + std::exp(-g[i]))) * u[i];
    return matvec(down, g);
}

Matrix expert_rows(const Matrix& stack, std::size_t e, std::size_t n_expert) {
    const std::size_t per = stack.size() / n_expert;
    return Matrix(stack.begin() + static_cast<long>(e * per), stack.begin() + static_cast<long>((e + 1) * per));
}

} // namespace conclave::test::reference
