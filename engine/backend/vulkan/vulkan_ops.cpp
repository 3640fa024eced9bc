// Norms, element-wise ops, RoPE, the MoE combine, row mixes, per-expert biases and column copies on a
// Vulkan device: each op checks the Backend contract's shape invariants, packs its parameters
// (after base[], see vulkan_device.h) and records one dispatch of its shader
// (shaders/<op>.comp). All work on F32 activations.

#include "backend/rope_frequencies.h"
#include "backend/vulkan/vulkan_grid.h"
#include "backend/vulkan/vulkan_ops.h"

#include <cassert>
#include <cstring>
#include <vector>

namespace conclave::vulkan {
namespace {

using quant::TensorType;

constexpr std::uint32_t kElementwiseLocalSize = 256; // local_size_x of the one-element-per-invocation shaders

std::uint32_t u32(std::int64_t v) {
    assert(v >= 0 && v <= 0xffffffffLL);
    return static_cast<std::uint32_t>(v);
}

// One invocation per element of n (scale, add, mul, swiglu, geglu, swiglu_clamped, add_id,
// moe_combine, mix_rows, rope).
template <typename Params>
void dispatch_elements(VulkanDevice& device, std::string_view shader, std::initializer_list<BufferSlice> bindings,
                       const Params& params, std::uint64_t n) {
    if (n == 0) return;
    const GroupGrid grid = item_grid(device, n, kElementwiseLocalSize);
    device.dispatch(shader, bindings, params, grid.x, grid.y);
}

void binary(VulkanDevice& device, std::string_view shader, const DeviceTensor& a, const DeviceTensor& b,
            const DeviceTensor& out) {
    assert(a.type == TensorType::F32 && b.type == TensorType::F32 && out.type == TensorType::F32);
    assert(b.ne[0] == a.ne[0] && (b.rows() == 1 || b.rows() == a.rows()) && out.n_elements() == a.n_elements());
    struct Params {
        std::uint32_t n, ne0, broadcast;
    } params{u32(a.n_elements()), u32(a.ne[0]), b.rows() == 1 ? 1u : 0u};
    dispatch_elements(device, shader, {a.slice, b.slice, out.slice}, params, params.n);
}

void gated(VulkanDevice& device, std::string_view shader, const DeviceTensor& gate, const DeviceTensor& up,
           const DeviceTensor& out) {
    assert(gate.type == TensorType::F32 && up.type == TensorType::F32 && out.type == TensorType::F32);
    assert(up.n_elements() == gate.n_elements() && out.n_elements() == gate.n_elements());
    struct Params {
        std::uint32_t n;
    } params{u32(gate.n_elements())};
    dispatch_elements(device, shader, {gate.slice, up.slice, out.slice}, params, params.n);
}

} // namespace

void rms_norm(VulkanDevice& device, const DeviceTensor& x, const DeviceTensor& weight, float eps,
              const DeviceTensor& out) {
    assert(x.type == TensorType::F32 && out.n_elements() == x.n_elements());
    assert(!weight.valid() || weight.ne[0] == x.ne[0]);
    struct Params {
        std::uint32_t n, rows;
        float eps;
        std::uint32_t has_weight;
    } params{u32(x.ne[0]), u32(x.rows()), eps, weight.valid() ? 1u : 0u};
    if (params.rows == 0) return;
    // One workgroup per row; without a weight, x stands in for the unused binding.
    const GroupGrid grid = group_grid(device, params.rows);
    device.dispatch("rms_norm", {x.slice, weight.valid() ? weight.slice : x.slice, out.slice}, params, grid.x, grid.y);
}

void add(VulkanDevice& device, const DeviceTensor& a, const DeviceTensor& b, const DeviceTensor& out) {
    binary(device, "add", a, b, out);
}

void mul(VulkanDevice& device, const DeviceTensor& a, const DeviceTensor& b, const DeviceTensor& out) {
    binary(device, "mul", a, b, out);
}

void scale(VulkanDevice& device, const DeviceTensor& x, float factor) {
    assert(x.type == TensorType::F32);
    struct Params {
        std::uint32_t n;
        float factor;
    } params{u32(x.n_elements()), factor};
    dispatch_elements(device, "scale", {x.slice}, params, params.n);
}

void swiglu(VulkanDevice& device, const DeviceTensor& gate, const DeviceTensor& up, const DeviceTensor& out) {
    gated(device, "swiglu", gate, up, out);
}

void geglu(VulkanDevice& device, const DeviceTensor& gate, const DeviceTensor& up, const DeviceTensor& out) {
    gated(device, "geglu", gate, up, out);
}

void swiglu_clamped(VulkanDevice& device, const DeviceTensor& gate, const DeviceTensor& up, const SwigluClamp& clamp,
                    const DeviceTensor& out) {
    assert(gate.type == TensorType::F32 && up.type == TensorType::F32 && out.type == TensorType::F32);
    assert(up.n_elements() == gate.n_elements() && out.n_elements() == gate.n_elements());
    struct Params {
        std::uint32_t n;
        float alpha, limit, up_offset;
    } params{u32(gate.n_elements()), clamp.alpha, clamp.limit, clamp.up_offset};
    dispatch_elements(device, "swiglu_clamped", {gate.slice, up.slice, out.slice}, params, params.n);
}

void add_id(VulkanDevice& device, const DeviceTensor& x, const DeviceTensor& bias, const DeviceTensor& expert_ids,
            const DeviceTensor& out) {
    assert(x.type == TensorType::F32 && bias.type == TensorType::F32 && out.type == TensorType::F32);
    assert(bias.ne[0] == x.ne[0] && out.n_elements() == x.n_elements());
    assert(expert_ids.type == TensorType::I32 && expert_ids.n_elements() == x.rows());
    if (x.rows() == 0) return;
    struct Params {
        std::uint32_t n, n_rows, n_expert;
    } params{u32(x.ne[0]), u32(x.rows()), u32(bias.rows())};
    dispatch_elements(device, "add_id", {x.slice, bias.slice, expert_ids.slice, out.slice}, params,
                      std::uint64_t{params.n} * params.n_rows);
}

void add_id(VulkanDevice& device, const DeviceTensor& x, const DeviceTensor& bias,
            std::span<const std::int32_t> expert_ids, const DeviceTensor& out) {
    assert(static_cast<std::int64_t>(expert_ids.size()) == x.rows());
    if (expert_ids.empty()) return;
    const DeviceTensor staged{TensorType::I32, {x.rows(), 1, 1, 1}, device.stage(expert_ids.data(), expert_ids.size_bytes())};
    add_id(device, x, bias, staged, out);
}

void moe_combine(VulkanDevice& device, const DeviceTensor& x, const DeviceTensor& weights, int n_used,
                 const DeviceTensor& out) {
    assert(n_used > 0 && weights.type == TensorType::F32 && weights.n_elements() % n_used == 0);
    const std::int64_t n_tokens = weights.n_elements() / n_used;
    assert(x.type == TensorType::F32 && x.rows() == weights.n_elements());
    assert(out.ne[0] == x.ne[0] && out.rows() == n_tokens);
    if (n_tokens == 0) return;
    struct Params {
        std::uint32_t n, n_used, n_tokens;
    } params{u32(x.ne[0]), static_cast<std::uint32_t>(n_used), u32(n_tokens)};
    dispatch_elements(device, "moe_combine", {x.slice, weights.slice, out.slice}, params,
                      std::uint64_t{params.n} * params.n_tokens);
}

void moe_combine(VulkanDevice& device, const DeviceTensor& x, std::span<const float> weights, int n_used,
                 const DeviceTensor& out) {
    if (weights.empty()) return;
    const DeviceTensor staged{TensorType::F32,
                              {static_cast<std::int64_t>(weights.size()), 1, 1, 1},
                              device.stage(weights.data(), weights.size_bytes())};
    moe_combine(device, x, staged, n_used, out);
}

void mix_rows(VulkanDevice& device, const DeviceTensor& x, std::span<const float> weights, int n_in, int n_out,
              const DeviceTensor& out) {
    assert(n_in > 0 && n_out > 0 && x.type == TensorType::F32 && out.type == TensorType::F32);
    const std::int64_t groups = x.rows() / n_in;
    assert(x.rows() == groups * n_in && out.rows() == groups * n_out && out.ne[0] == x.ne[0]);
    assert(static_cast<std::int64_t>(weights.size()) == groups * n_in * n_out);
    if (groups == 0) return;
    struct Params {
        std::uint32_t n, n_in, n_out, out_rows;
    } params{u32(x.ne[0]), static_cast<std::uint32_t>(n_in), static_cast<std::uint32_t>(n_out), u32(out.rows())};
    const BufferSlice staged = device.stage(weights.data(), weights.size_bytes());
    dispatch_elements(device, "mix_rows", {x.slice, staged, out.slice}, params, std::uint64_t{params.n} * params.out_rows);
}

void rope(VulkanDevice& device, const DeviceTensor& x, int head_dim, std::span<const std::int32_t> positions,
          const RopeParams& p, const DeviceTensor& freq_factors) {
    assert(x.type == TensorType::F32 && head_dim > 0 && x.ne[0] % head_dim == 0);
    assert(p.n_dims > 0 && p.n_dims <= head_dim && p.n_dims % 2 == 0);
    assert(static_cast<std::int64_t>(positions.size()) == x.rows());
    assert(!freq_factors.valid() || freq_factors.n_elements() >= p.n_dims / 2);
    if (positions.empty()) return;
    // Positions, then the angles' per-pair tables computed on the host as the CPU computes
    // them ([inv_freq | mix]), staged in one piece: a second stage() may submit and recycle
    // the ring, which would invalidate the first.
    const std::vector<float> inv_freq = rope_inv_freq(p);
    const std::vector<float> mix = rope_yarn_mix(p);
    const std::uint64_t positions_bytes = positions.size_bytes();
    const std::uint64_t table_bytes = (inv_freq.size() + mix.size()) * sizeof(float);
    std::vector<unsigned char> host(positions_bytes + table_bytes);
    std::memcpy(host.data(), positions.data(), positions_bytes);
    std::memcpy(host.data() + positions_bytes, inv_freq.data(), inv_freq.size() * sizeof(float));
    std::memcpy(host.data() + positions_bytes + inv_freq.size() * sizeof(float), mix.data(), mix.size() * sizeof(float));
    const BufferSlice staged = device.stage(host.data(), host.size());
    const BufferSlice staged_positions = staged.sub(0, positions_bytes);
    const BufferSlice staged_table = staged.sub(positions_bytes, table_bytes);
    struct Params {
        std::uint32_t row_width, head_dim, n_heads, half_dims, n_tokens, neox, has_factors;
        float freq_scale, magnitude;
    } params{u32(x.ne[0]),
             static_cast<std::uint32_t>(head_dim),
             u32(x.ne[0] / head_dim),
             static_cast<std::uint32_t>(p.n_dims / 2),
             u32(x.rows()),
             p.style == RopeStyle::neox ? 1u : 0u,
             freq_factors.valid() ? 1u : 0u,
             p.freq_scale,
             rope_magnitude(p)};
    dispatch_elements(device, "rope",
                      {x.slice, staged_positions, staged_table, freq_factors.valid() ? freq_factors.slice : staged_table},
                      params, std::uint64_t{params.n_heads} * params.half_dims * params.n_tokens);
}

void copy_columns(VulkanDevice& device, const DeviceTensor& src, std::int64_t src_first, const DeviceTensor& dst,
                  std::int64_t dst_first, std::int64_t n) {
    assert(src.type == TensorType::F32 && dst.type == TensorType::F32 && src.rows() == dst.rows());
    assert(src_first >= 0 && dst_first >= 0 && n >= 0 && src_first + n <= src.ne[0] && dst_first + n <= dst.ne[0]);
    struct Params {
        std::uint32_t total, n, src_width, src_first, dst_width, dst_first;
    } params{u32(n * src.rows()), u32(n), u32(src.ne[0]), u32(src_first), u32(dst.ne[0]), u32(dst_first)};
    dispatch_elements(device, "copy_columns", {src.slice, dst.slice}, params, params.total);
}

} // namespace conclave::vulkan
