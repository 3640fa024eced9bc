#include "op_check.h"

#include <cmath>
#include <limits>
#include <random>

namespace conclave::vulkan::testing {

std::vector<float> random_floats(std::size_t n, std::uint32_t seed, float spread) {
    std::mt19937 rng(seed);
    std::normal_distribution<float> dist(0.0f, spread);
    std::vector<float> v(n);
    for (float& x : v) x = dist(rng);
    return v;
}

Tensor host_tensor(std::vector<float>& values, std::array<std::int64_t, 4> ne) {
    Tensor t;
    t.type = quant::TensorType::F32;
    t.ne = ne;
    t.data = values.data();
    return t;
}

Tensor host_bytes(std::vector<unsigned char>& bytes, quant::TensorType type, std::array<std::int64_t, 4> ne) {
    Tensor t;
    t.type = type;
    t.ne = ne;
    t.data = bytes.data();
    return t;
}

double worst_ratio(const std::vector<float>& got, const std::vector<float>& want, const std::vector<double>& allowed) {
    if (got.size() != want.size() || allowed.size() != want.size()) return std::numeric_limits<double>::infinity();
    double worst = 0.0;
    for (std::size_t i = 0; i < got.size(); ++i) {
        if (!std::isfinite(got[i]) || !std::isfinite(want[i])) return std::numeric_limits<double>::infinity();
        const double error = std::fabs(static_cast<double>(got[i]) - want[i]);
        if (error == 0.0) continue;
        worst = std::max(worst, allowed[i] > 0.0 ? error / allowed[i] : std::numeric_limits<double>::infinity());
    }
    return worst;
}

double max_abs_error(const std::vector<float>& got, const std::vector<float>& want) {
    if (got.size() != want.size()) return std::numeric_limits<double>::infinity();
    double worst = 0.0;
    for (std::size_t i = 0; i < got.size(); ++i) {
        if (!std::isfinite(got[i])) return std::numeric_limits<double>::infinity();
        worst = std::max(worst, std::fabs(static_cast<double>(got[i]) - want[i]));
    }
    return worst;
}

} // namespace conclave::vulkan::testing
