// Speed of the Vulkan matmul kernels per weight type (speed is shown, never asserted): a
// 2048 x 2048 weight (one attention projection of a 2B-class model) times 1 token
// (matrix-vector kernel), 8 tokens (its widest) and 128 tokens (tiled kernel), plus an
// MoE layer of 16 experts of 1024 x 512, 4 used per token, for 1 and 128 tokens. Prints the
// best of several runs of (dispatch + wait) as GFLOP/s, so small shapes include the submit
// latency. Weights are random bytes of valid blocks (the values do not change the speed).
//
// Usage: bench_vulkan_matmul [TYPE...]   (default: Q4_K Q8_0 MXFP4 F16)
//        CONCLAVE_VULKAN_DEVICE=N picks a device other than the best one.

#include "backend/vulkan/vulkan_ops.h"
#include "quant/quantize.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

using namespace conclave;
using namespace conclave::vulkan;
using quant::TensorType;

namespace {

struct Layer {
    DeviceBuffer w_buffer, x_buffer, out_buffer;
    DeviceTensor w, x, out;
};

// Device weights [n_in, n_out, n_expert] quantized from Gaussian values, x [n_in, n_x], out.
bool make_layer(VulkanDevice& device, TensorType type, std::int64_t n_in, std::int64_t n_out,
                std::int64_t n_expert, std::int64_t n_x, std::int64_t n_cols, Layer& layer) {
    std::mt19937 rng(1);
    std::normal_distribution<float> dist;
    std::vector<float> values(static_cast<std::size_t>(n_in * n_out * n_expert));
    for (float& v : values) v = dist(rng);
    const auto& info = quant::tensor_type_info(type);
    const std::uint64_t row_bytes =
        static_cast<std::uint64_t>(n_in / info.block_size) * info.block_bytes;
    std::vector<unsigned char> bytes(row_bytes * static_cast<std::uint64_t>(n_out * n_expert));
    for (std::int64_t r = 0; r < n_out * n_expert; ++r)
        if (!quant::quantize_row(type, values.data() + r * n_in, n_in, bytes.data() + r * row_bytes,
                                 row_bytes)
                 .ok())
            return false;
    std::vector<float> x(static_cast<std::size_t>(n_in * n_x));
    for (float& v : x) v = dist(rng);
    auto w = device.allocate(bytes.size());
    auto xb = device.allocate(x.size() * sizeof(float));
    auto out = device.allocate(static_cast<std::uint64_t>(n_out * n_cols) * sizeof(float));
    if (!w || !xb || !out) return false;
    layer.w_buffer = std::move(w.value());
    layer.x_buffer = std::move(xb.value());
    layer.out_buffer = std::move(out.value());
    device.upload(layer.w_buffer.slice(), bytes.data(), bytes.size());
    device.upload(layer.x_buffer.slice(), x.data(), x.size() * sizeof(float));
    layer.w = {type, {n_in, n_out, n_expert, 1}, layer.w_buffer.slice()};
    layer.x = {TensorType::F32, {n_in, n_x, 1, 1}, layer.x_buffer.slice()};
    layer.out = {TensorType::F32, {n_out, n_cols, 1, 1}, layer.out_buffer.slice()};
    return device.synchronize().ok();
}

// Best seconds of `reps` runs of op + synchronize.
template <typename Op> double best_seconds(VulkanDevice& device, int reps, Op op) {
    double best = 1e30;
    for (int i = 0; i < reps; ++i) {
        const auto start = std::chrono::steady_clock::now();
        op();
        if (!device.synchronize().ok()) return -1.0;
        best = std::min(
            best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    return best;
}

void bench_type(VulkanDevice& device, TensorType type) {
    const char* name = quant::tensor_type_name(type).data();
    for (const std::int64_t tokens : {1, 8, 128}) {
        Layer layer;
        if (!make_layer(device, type, 2048, 2048, 1, tokens, tokens, layer)) {
            std::printf("%-7s cannot quantize or allocate\n", name);
            return;
        }
        const double s =
            best_seconds(device, 5, [&] { mul_mat(device, layer.w, layer.x, layer.out); });
        std::printf("%-7s mul_mat    2048x2048 x %3lld tokens: %8.3f ms  %8.2f GFLOP/s\n", name,
                    static_cast<long long>(tokens), s * 1e3,
                    2.0 * 2048 * 2048 * static_cast<double>(tokens) / s * 1e-9);
    }
    constexpr int n_used = 4;
    for (const std::int64_t tokens : {1, 128}) {
        Layer layer;
        if (!make_layer(device, type, 1024, 512, 16, tokens, n_used * tokens, layer)) return;
        std::vector<std::int32_t> ids;
        std::mt19937 rng(2);
        for (std::int64_t t = 0; t < tokens * n_used; ++t)
            ids.push_back(static_cast<std::int32_t>(rng() % 16));
        const double s = best_seconds(
            device, 5, [&] { mul_mat_id(device, layer.w, layer.x, ids, n_used, layer.out); });
        std::printf(
            "%-7s mul_mat_id 16x(1024x512), 4 used x %3lld tokens: %8.3f ms  %8.2f GFLOP/s\n", name,
            static_cast<long long>(tokens), s * 1e3,
            2.0 * 1024 * 512 * n_used * static_cast<double>(tokens) / s * 1e-9);
    }
}

} // namespace

int main(int argc, char** argv) {
    const char* index = std::getenv("CONCLAVE_VULKAN_DEVICE");
    auto opened = VulkanDevice::open(index ? std::atoi(index) : -1);
    if (!opened) {
        std::fprintf(stderr, "no Vulkan device: %s\n", opened.error().message.c_str());
        return 1;
    }
    VulkanDevice& device = *opened.value();
    std::printf("device: %s\n", device.info().device.name.c_str());
    std::vector<TensorType> types;
    for (int i = 1; i < argc; ++i) {
        const auto found = quant::find_tensor_type(argv[i]);
        if (!found || !supports(Op::mul_mat, found->type)) {
            std::fprintf(stderr, "unknown or unsupported type %s\n", argv[i]);
            return 1;
        }
        types.push_back(found->type);
    }
    if (types.empty())
        types = {TensorType::Q4_K, TensorType::Q8_0, TensorType::MXFP4, TensorType::F16};
    for (const TensorType type : types) bench_type(device, type);
    return 0;
}
