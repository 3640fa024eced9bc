#include "backend/vulkan/vulkan_backend.h"

#include "backend/vulkan/vulkan_matmul.h"
#include "backend/vulkan/vulkan_ops.h"

#include <cstring>
#include <optional>

namespace conclave::vulkan {
namespace {

template <typename T>
std::span<const T> host_values(const Tensor& t) {
    return {static_cast<const T*>(t.data), static_cast<std::size_t>(t.n_elements())};
}

} // namespace

VulkanBackend::VulkanBackend(std::unique_ptr<VulkanDevice> device, ThreadPool& pool, bool kv_on_device)
    : m_device(std::move(device)), m_cpu(pool), m_memory(*m_device), m_weights(*m_device), m_kv_on_device(kv_on_device) {}

VulkanBackend::~VulkanBackend() = default;

Result<std::unique_ptr<VulkanBackend>> VulkanBackend::create(std::unique_ptr<VulkanDevice> device, ThreadPool& pool,
                                                             std::span<const HostWeight> weights, bool kv_on_device,
                                                             std::uint64_t scratch_hint,
                                                             const std::function<bool(float)>& progress) {
    auto backend = std::unique_ptr<VulkanBackend>(new VulkanBackend(std::move(device), pool, kv_on_device));
    if (Result<void> copied = backend->m_weights.upload(weights, progress); !copied) return copied.error();
    backend->m_memory.set_chunk_hint(std::max<std::uint64_t>(scratch_hint, 1u << 20));
    return backend;
}

bool VulkanBackend::supports(Op op, quant::TensorType type) const {
    return vulkan::supports(op, type) || m_cpu.supports(op, type);
}

Result<void> VulkanBackend::status() const {
    if (m_device->failed()) return make_error(ErrorCode::device, "the GPU failed: " + m_device->error());
    if (!m_error.empty()) return make_error(ErrorCode::out_of_memory, m_error);
    return {};
}

// --- memory -------------------------------------------------------------------------------

Tensor VulkanBackend::scratch(quant::TensorType type, std::array<std::int64_t, 4> ne) {
    if (usable()) {
        if (void* p = m_memory.scratch(tensor_bytes(type, ne))) return Tensor{type, ne, p, this};
        m_error = "the GPU has no memory left for this batch's activations";
    }
    // Host memory only, so the pass can finish safely; the session falls back to the CPU.
    return m_cpu.scratch(type, ne);
}

void VulkanBackend::reset_scratch() {
    m_memory.reset_scratch();
    m_cpu.reset_scratch();
}

Backend::ScratchMark VulkanBackend::mark_scratch() const {
    const MirroredMemory::Mark m = m_memory.mark();
    return {m.chunk, m.used};
}

void VulkanBackend::rewind_scratch(ScratchMark mark) { m_memory.rewind({mark.a, mark.b}); }

Tensor VulkanBackend::allocate(quant::TensorType type, std::array<std::int64_t, 4> ne) {
    // Only KV caches are allocated; without room for them on the GPU they stay on the host
    // and attention runs on the CPU.
    if (m_kv_on_device && usable()) {
        if (void* p = m_memory.allocate(tensor_bytes(type, ne))) return Tensor{type, ne, p, this};
        m_error = "the GPU has no memory left for the KV cache";
    }
    return m_cpu.allocate(type, ne);
}

bool VulkanBackend::device_only(const Tensor& t) const {
    const MirroredMemory::Region* r = const_cast<MirroredMemory&>(m_memory).find(t.data);
    return r && r->device_valid && !r->host_valid;
}

bool VulkanBackend::host_valid(const Tensor& t) const {
    const MirroredMemory::Region* r = const_cast<MirroredMemory&>(m_memory).find(t.data);
    return !r || r->host_valid;
}

void VulkanBackend::read_on(Side side, const Tensor& t) {
    MirroredMemory::Region* r = m_memory.find(t.data);
    if (!r) return; // host memory outside the mirror: weights, or the CPU fallback
    if (side == Side::device && !r->device_valid) {
        m_device->upload(r->device, r->host, r->bytes);
        r->device_valid = true;
        ++m_traffic.uploads;
        m_traffic.upload_bytes += r->bytes;
    } else if (side == Side::host && !r->host_valid) {
        m_device->download(r->device, r->host, r->bytes);
        r->host_valid = true;
        ++m_traffic.downloads;
        m_traffic.download_bytes += r->bytes;
    }
}

void VulkanBackend::write_on(Side side, const Tensor& t) {
    MirroredMemory::Region* r = m_memory.find(t.data);
    if (!r) return;
    const bool whole = t.data == r->host && t.n_bytes() >= r->bytes;
    if (!whole) read_on(side, t);
    r->device_valid = side == Side::device;
    r->host_valid = side == Side::host;
}

DeviceTensor VulkanBackend::device_tensor(const Tensor& t) {
    const MirroredMemory::Region* r = m_memory.find(t.data);
    if (!r) return {};
    const auto offset = static_cast<std::uint64_t>(static_cast<const unsigned char*>(t.data) - r->host);
    return DeviceTensor{t.type, t.ne, r->device.sub(offset, t.n_bytes())};
}

DeviceTensor VulkanBackend::device_weight(const Tensor& w, bool copy_if_small) {
    const BufferSlice slice = copy_if_small ? m_weights.find_or_copy_small(w.data, w.n_bytes()) : m_weights.find(w.data, w.n_bytes());
    return slice.valid() ? DeviceTensor{w.type, w.ne, slice} : DeviceTensor{};
}

VulkanBackend::Side VulkanBackend::side_for(Op op, std::initializer_list<const Tensor*> inputs) const {
    if (!usable() || !vulkan::supports(op, quant::TensorType::F32)) return Side::host;
    bool all_on_both = true;
    for (const Tensor* t : inputs) {
        if (device_only(*t)) return Side::device;
        const MirroredMemory::Region* r = const_cast<MirroredMemory&>(m_memory).find(t->data);
        if (!r || !r->device_valid) all_on_both = false;
    }
    return all_on_both ? Side::device : Side::host;
}

void VulkanBackend::upload(Tensor& dst, const void* src, std::uint64_t bytes) {
    write_on(Side::host, dst);
    std::memcpy(dst.data, src, bytes);
}

void VulkanBackend::download(const Tensor& src, void* dst, std::uint64_t bytes) {
    read_on(Side::host, src);
    std::memcpy(dst, src.data, bytes);
}

// --- ops ----------------------------------------------------------------------------------

void VulkanBackend::get_rows(const Tensor& table, std::span<const std::int32_t> ids, Tensor& out) {
    // The table is in host memory (the mapped file): look up on the CPU, send the rows.
    write_on(Side::host, out);
    m_cpu.get_rows(table, ids, out);
    ++m_traffic.cpu_ops;
    if (usable()) read_on(Side::device, out);
}

void VulkanBackend::rms_norm(const Tensor& x, const Tensor& weight, float eps, Tensor& out) {
    if (side_for(Op::rms_norm, {&x}) == Side::device) {
        const DeviceTensor w = weight.valid() ? device_weight(weight, true) : DeviceTensor{};
        if (!weight.valid() || w.valid()) {
            read_on(Side::device, x);
            write_on(Side::device, out);
            vulkan::rms_norm(*m_device, device_tensor(x), w, eps, device_tensor(out));
            ++m_traffic.gpu_ops;
            return;
        }
    }
    read_on(Side::host, x);
    write_on(Side::host, out);
    m_cpu.rms_norm(x, weight, eps, out);
    ++m_traffic.cpu_ops;
}

void VulkanBackend::mul_mat(const Tensor& w, const Tensor& x, Tensor& out) {
    const DeviceTensor dw = usable() && vulkan::supports(Op::mul_mat, w.type) ? device_weight(w, false) : DeviceTensor{};
    if (dw.valid()) {
        read_on(Side::device, x);
        write_on(Side::device, out);
        vulkan::mul_mat(*m_device, dw, device_tensor(x), device_tensor(out));
        ++m_traffic.gpu_ops;
        return;
    }
    read_on(Side::host, x);
    write_on(Side::host, out);
    m_cpu.mul_mat(w, x, out);
    ++m_traffic.cpu_ops;
}

void VulkanBackend::mul_mat_id(const Tensor& w, const Tensor& x, std::span<const std::int32_t> expert_ids, int n_used,
                               Tensor& out) {
    const DeviceTensor dw = usable() && vulkan::supports(Op::mul_mat_id, w.type) ? device_weight(w, false) : DeviceTensor{};
    if (dw.valid()) {
        read_on(Side::device, x);
        write_on(Side::device, out);
        vulkan::mul_mat_id(*m_device, dw, device_tensor(x), expert_ids, n_used, device_tensor(out));
        ++m_traffic.gpu_ops;
        return;
    }
    read_on(Side::host, x);
    write_on(Side::host, out);
    m_cpu.mul_mat_id(w, x, expert_ids, n_used, out);
    ++m_traffic.cpu_ops;
}

void VulkanBackend::moe_combine(const Tensor& x, std::span<const float> weights, int n_used, Tensor& out) {
    if (side_for(Op::moe_combine, {&x}) == Side::device) {
        read_on(Side::device, x);
        write_on(Side::device, out);
        vulkan::moe_combine(*m_device, device_tensor(x), weights, n_used, device_tensor(out));
        ++m_traffic.gpu_ops;
        return;
    }
    read_on(Side::host, x);
    write_on(Side::host, out);
    m_cpu.moe_combine(x, weights, n_used, out);
    ++m_traffic.cpu_ops;
}

void VulkanBackend::mix_rows(const Tensor& x, std::span<const float> weights, int n_in, int n_out, Tensor& out) {
    if (side_for(Op::mix_rows, {&x}) == Side::device) {
        read_on(Side::device, x);
        write_on(Side::device, out);
        vulkan::mix_rows(*m_device, device_tensor(x), weights, n_in, n_out, device_tensor(out));
        ++m_traffic.gpu_ops;
        return;
    }
    read_on(Side::host, x);
    write_on(Side::host, out);
    m_cpu.mix_rows(x, weights, n_in, n_out, out);
    ++m_traffic.cpu_ops;
}

void VulkanBackend::indexer_scores(const Tensor& q, const Tensor& w, const Tensor& keys,
                                   std::span<const std::int64_t> visible, Tensor& out) {
    // On the device where the indexer's keys are (a cache the GPU writes); out's elements
    // past each token's visible blocks are kept, so out is read on that side first.
    const bool device = usable() && vulkan::supports(Op::indexer_scores, keys.type) && m_memory.find(keys.data) &&
                        keys.ne[0] <= vulkan::kMaxIndexerHeadDim &&
                        (keys.type != quant::TensorType::Q8_0 || keys.ne[0] % 32 == 0) &&
                        side_for(Op::indexer_scores, {&keys}) == Side::device;
    const Side side = device ? Side::device : Side::host;
    for (const Tensor* t : {&q, &w, &keys, static_cast<const Tensor*>(&out)}) read_on(side, *t);
    write_on(side, out);
    if (device) {
        vulkan::indexer_scores(*m_device, device_tensor(q), device_tensor(w), device_tensor(keys), visible, device_tensor(out));
        ++m_traffic.gpu_ops;
    } else {
        m_cpu.indexer_scores(q, w, keys, visible, out);
        ++m_traffic.cpu_ops;
    }
}

void VulkanBackend::copy_columns(const Tensor& src, std::int64_t src_first, Tensor& dst, std::int64_t dst_first,
                                 std::int64_t n) {
    // Follows its input like the other ops without a weight. dst is an input too: the columns
    // outside the range are kept, so it is read on the chosen side before being written.
    const Side side = side_for(Op::copy_columns, {&src, &dst});
    read_on(side, src);
    read_on(side, dst);
    write_on(side, dst);
    if (side == Side::device) {
        vulkan::copy_columns(*m_device, device_tensor(src), src_first, device_tensor(dst), dst_first, n);
        ++m_traffic.gpu_ops;
    } else {
        m_cpu.copy_columns(src, src_first, dst, dst_first, n);
        ++m_traffic.cpu_ops;
    }
}

void VulkanBackend::add_id(const Tensor& x, const Tensor& bias, std::span<const std::int32_t> expert_ids, Tensor& out) {
    // The bias is a weight that placement keeps with its layer's experts: on the GPU when it
    // was placed there and x (the experts' output) is there too, otherwise on the CPU beside
    // the experts, reading the bias in place from the file. (Experts placed on the GPU in a
    // type without a kernel leave x on the host: it does not go up for one addition.)
    const bool on_device = side_for(Op::add_id, {&x}) == Side::device && vulkan::supports(Op::add_id, bias.type);
    const DeviceTensor db = on_device ? device_weight(bias, false) : DeviceTensor{};
    if (db.valid()) {
        read_on(Side::device, x);
        write_on(Side::device, out);
        vulkan::add_id(*m_device, device_tensor(x), db, expert_ids, device_tensor(out));
        ++m_traffic.gpu_ops;
        return;
    }
    read_on(Side::host, x);
    write_on(Side::host, out);
    m_cpu.add_id(x, bias, expert_ids, out);
    ++m_traffic.cpu_ops;
}

DeviceTensor VulkanBackend::device_input(const Tensor& t) {
    if (m_memory.find(t.data)) {
        read_on(Side::device, t);
        return device_tensor(t);
    }
    return DeviceTensor{t.type, t.ne, m_device->stage(t.data, t.n_bytes())};
}

void VulkanBackend::route(const Tensor& logits, const Tensor& selection_bias, std::span<const std::int32_t> fixed_ids,
                          const RoutingSpec& spec, Tensor& ids, Tensor& weights) {
    // Where the logits are: on the device when the router ran there, and then the expert ops
    // read ids and weights in device memory, so nothing waits for the host. The bias is a
    // weight (copied on first use when placement left it on the CPU).
    if (side_for(Op::route, {&logits}) == Side::device && vulkan::route_supported(spec) && m_memory.find(ids.data) &&
        m_memory.find(weights.data)) {
        const bool bias_mirrored = selection_bias.valid() && m_memory.find(selection_bias.data);
        const DeviceTensor bias = !selection_bias.valid() ? DeviceTensor{}
                                  : bias_mirrored         ? device_input(selection_bias)
                                                          : device_weight(selection_bias, true);
        if (!selection_bias.valid() || bias.valid()) {
            read_on(Side::device, logits);
            write_on(Side::device, ids);
            write_on(Side::device, weights);
            vulkan::route(*m_device, {device_tensor(logits), bias, device_tensor(ids), device_tensor(weights)}, fixed_ids,
                          spec);
            ++m_traffic.gpu_ops;
            ++m_traffic.gpu_routes;
            return;
        }
    }
    read_on(Side::host, logits);
    if (selection_bias.valid()) read_on(Side::host, selection_bias);
    write_on(Side::host, ids);
    write_on(Side::host, weights);
    m_cpu.route(logits, selection_bias, fixed_ids, spec, ids, weights);
    ++m_traffic.cpu_ops;
}

void VulkanBackend::mul_mat_id(const Tensor& w, const Tensor& x, const Tensor& expert_ids, int n_used, Tensor& out) {
    const DeviceTensor dw = usable() && vulkan::supports(Op::mul_mat_id, w.type) ? device_weight(w, false) : DeviceTensor{};
    if (dw.valid()) {
        read_on(Side::device, x);
        write_on(Side::device, out);
        if (expert_ids.n_elements() / n_used <= kMaxVecTokens) {
            vulkan::mul_mat_id(*m_device, dw, device_tensor(x), device_input(expert_ids), n_used, device_tensor(out));
        } else {
            // A prompt's tiled kernel works from a plan the host builds from the ids: they
            // come down once per layer (the region stays valid on the host for the layer's
            // other expert matmuls).
            read_on(Side::host, expert_ids);
            vulkan::mul_mat_id(*m_device, dw, device_tensor(x), host_values<std::int32_t>(expert_ids), n_used,
                               device_tensor(out));
        }
        ++m_traffic.gpu_ops;
        return;
    }
    // Experts on the CPU: the ids come down with the hidden state, once per layer.
    read_on(Side::host, x);
    read_on(Side::host, expert_ids);
    write_on(Side::host, out);
    m_cpu.mul_mat_id(w, x, expert_ids, n_used, out);
    ++m_traffic.cpu_ops;
}

void VulkanBackend::moe_combine(const Tensor& x, const Tensor& weights, int n_used, Tensor& out) {
    if (side_for(Op::moe_combine, {&x}) == Side::device) {
        read_on(Side::device, x);
        write_on(Side::device, out);
        vulkan::moe_combine(*m_device, device_tensor(x), device_input(weights), n_used, device_tensor(out));
        ++m_traffic.gpu_ops;
        return;
    }
    read_on(Side::host, x);
    read_on(Side::host, weights);
    write_on(Side::host, out);
    m_cpu.moe_combine(x, weights, n_used, out);
    ++m_traffic.cpu_ops;
}

void VulkanBackend::add_id(const Tensor& x, const Tensor& bias, const Tensor& expert_ids, Tensor& out) {
    // As the span version: beside the expert matmul whose output it adjusts.
    const bool on_device = side_for(Op::add_id, {&x}) == Side::device && vulkan::supports(Op::add_id, bias.type);
    const DeviceTensor db = on_device ? device_weight(bias, false) : DeviceTensor{};
    if (db.valid()) {
        read_on(Side::device, x);
        write_on(Side::device, out);
        vulkan::add_id(*m_device, device_tensor(x), db, device_input(expert_ids), device_tensor(out));
        ++m_traffic.gpu_ops;
        return;
    }
    read_on(Side::host, x);
    read_on(Side::host, expert_ids);
    write_on(Side::host, out);
    m_cpu.add_id(x, bias, expert_ids, out);
    ++m_traffic.cpu_ops;
}

// add and mul: b is an activation or a weight (a bias, a norm); a weight needs a device copy.
void VulkanBackend::binary(Op op, const Tensor& a, const Tensor& b, Tensor& out, DeviceBinary on_device,
                           HostBinary on_host) {
    const bool b_mirrored = m_memory.find(b.data) != nullptr;
    if (side_for(op, b_mirrored ? std::initializer_list<const Tensor*>{&a, &b} : std::initializer_list<const Tensor*>{&a}) ==
        Side::device) {
        const DeviceTensor db = b_mirrored ? DeviceTensor{} : device_weight(b, true);
        if (b_mirrored || db.valid()) {
            read_on(Side::device, a);
            read_on(Side::device, b);
            write_on(Side::device, out);
            on_device(*m_device, device_tensor(a), b_mirrored ? device_tensor(b) : db, device_tensor(out));
            ++m_traffic.gpu_ops;
            return;
        }
    }
    read_on(Side::host, a);
    read_on(Side::host, b);
    write_on(Side::host, out);
    (m_cpu.*on_host)(a, b, out);
    ++m_traffic.cpu_ops;
}

void VulkanBackend::add(const Tensor& a, const Tensor& b, Tensor& out) {
    binary(Op::add, a, b, out, vulkan::add, &cpu::CpuBackend::add);
}

void VulkanBackend::mul(const Tensor& a, const Tensor& b, Tensor& out) {
    binary(Op::mul, a, b, out, vulkan::mul, &cpu::CpuBackend::mul);
}

void VulkanBackend::scale(Tensor& x, float factor) {
    if (side_for(Op::scale, {&x}) == Side::device) {
        read_on(Side::device, x);
        write_on(Side::device, x);
        vulkan::scale(*m_device, device_tensor(x), factor);
        ++m_traffic.gpu_ops;
        return;
    }
    read_on(Side::host, x);
    write_on(Side::host, x);
    m_cpu.scale(x, factor);
    ++m_traffic.cpu_ops;
}

void VulkanBackend::rope(Tensor& x, int head_dim, std::span<const std::int32_t> positions, const RopeParams& params) {
    if (side_for(Op::rope, {&x}) == Side::device) {
        const DeviceTensor factors = params.freq_factors.valid() ? device_weight(params.freq_factors, true) : DeviceTensor{};
        if (!params.freq_factors.valid() || factors.valid()) {
            read_on(Side::device, x);
            write_on(Side::device, x);
            vulkan::rope(*m_device, device_tensor(x), head_dim, positions, params, factors);
            ++m_traffic.gpu_ops;
            return;
        }
    }
    read_on(Side::host, x);
    write_on(Side::host, x);
    m_cpu.rope(x, head_dim, positions, params);
    ++m_traffic.cpu_ops;
}

bool VulkanBackend::cache_on_device(const KvLayer& cache) {
    // The kernels bind a layer's whole cache at once. Without V rows (latent attention) the
    // values are read from the keys.
    const std::uint64_t max_binding = m_device->info().max_binding_bytes;
    if (!usable() || !m_memory.find(cache.k.data) || !vulkan::supports(Op::copy, cache.k.type) ||
        cache.k.n_bytes() > max_binding)
        return false;
    return !cache.v.valid() ||
           (m_memory.find(cache.v.data) && cache.k.type == cache.v.type && cache.v.n_bytes() <= max_binding);
}

void VulkanBackend::kv_store(KvLayer& cache, const Tensor& k, const Tensor& v, std::int64_t first_pos) {
    const bool device = cache_on_device(cache);
    const Side side = device ? Side::device : Side::host;
    read_on(side, k);
    if (cache.v.valid()) read_on(side, v);
    for (const Tensor* c : {&cache.k, &cache.v}) {
        if (!c->valid()) continue;
        if (cache.ring > 0) {
            // The rows may wrap: the whole ring is brought to `side`, then written there.
            read_on(side, *c);
            write_on(side, *c);
            continue;
        }
        Tensor rows = *c;
        rows.ne = {c->ne[0], k.ne[1], 1, 1};
        rows.data = static_cast<unsigned char*>(c->data) + static_cast<std::uint64_t>(first_pos) * c->row_bytes();
        write_on(side, rows);
    }
    if (device) {
        const bool has_v = cache.v.valid();
        vulkan::kv_store(*m_device, device_tensor(cache.k), has_v ? device_tensor(cache.v) : DeviceTensor{}, device_tensor(k),
                         has_v ? device_tensor(v) : DeviceTensor{}, first_pos, cache.ring);
        ++m_traffic.gpu_ops;
    } else {
        m_cpu.kv_store(cache, k, v, first_pos);
        ++m_traffic.cpu_ops;
    }
}

void VulkanBackend::attention(const Tensor& q, const KvLayer& cache, std::int64_t first_pos,
                              const AttentionParams& params, Tensor& out) {
    // Heads the kernels do not take (odd, or wider than vulkan::kMaxAttentionHeadDim) run on
    // the CPU, which then reads the cache the GPU wrote. Without V rows the values are the
    // start of each key head (latent attention). Sinks (gpt-oss, n_head floats) are copied on
    // first use when placement left them on the CPU. Extra keys (DeepSeek V4's compressed
    // blocks) are read where the cache is: on the device when they are mirrored there too.
    const bool has_v = cache.v.valid();
    const bool has_extra = params.extra_keys.valid();
    bool device = cache_on_device(cache) &&
                  vulkan::attention_supported(params, cache.k.type, has_v ? std::optional(cache.v.type) : std::nullopt) &&
                  (!has_extra || (m_memory.find(params.extra_keys.data) &&
                                  params.extra_keys.n_bytes() <= m_device->info().max_binding_bytes));
    const DeviceTensor sinks = device && params.sinks.valid() ? device_weight(params.sinks, true) : DeviceTensor{};
    if (params.sinks.valid() && !sinks.valid()) device = false;
    const Side side = device ? Side::device : Side::host;
    read_on(side, q);
    read_on(side, cache.k);
    if (has_v) read_on(side, cache.v);
    if (has_extra) read_on(side, params.extra_keys);
    write_on(side, out);
    if (device) {
        const AttentionTensors tensors{device_tensor(q),
                                       device_tensor(cache.k),
                                       has_v ? device_tensor(cache.v) : DeviceTensor{},
                                       sinks,
                                       device_tensor(out),
                                       has_extra ? device_tensor(params.extra_keys) : DeviceTensor{},
                                       cache.ring};
        vulkan::attention(*m_device, tensors, first_pos, params);
        ++m_traffic.gpu_ops;
    } else {
        m_cpu.attention(q, cache, first_pos, params, out);
        ++m_traffic.cpu_ops;
    }
}

// swiglu, geglu and swiglu_clamped: two activations in, where they are.
void VulkanBackend::gated(Op op, const Tensor& gate, const Tensor& up, Tensor& out, const DeviceGated& on_device,
                          const std::function<void()>& on_host) {
    const Side side = side_for(op, {&gate, &up});
    read_on(side, gate);
    read_on(side, up);
    write_on(side, out);
    if (side == Side::device) {
        on_device(device_tensor(gate), device_tensor(up), device_tensor(out));
        ++m_traffic.gpu_ops;
    } else {
        on_host();
        ++m_traffic.cpu_ops;
    }
}

void VulkanBackend::swiglu(const Tensor& gate, const Tensor& up, Tensor& out) {
    gated(
        Op::swiglu, gate, up, out,
        [&](const DeviceTensor& g, const DeviceTensor& u, const DeviceTensor& o) { vulkan::swiglu(*m_device, g, u, o); },
        [&] { m_cpu.swiglu(gate, up, out); });
}

void VulkanBackend::geglu(const Tensor& gate, const Tensor& up, Tensor& out) {
    gated(
        Op::geglu, gate, up, out,
        [&](const DeviceTensor& g, const DeviceTensor& u, const DeviceTensor& o) { vulkan::geglu(*m_device, g, u, o); },
        [&] { m_cpu.geglu(gate, up, out); });
}

void VulkanBackend::swiglu_clamped(const Tensor& gate, const Tensor& up, const SwigluClamp& clamp, Tensor& out) {
    gated(
        Op::swiglu_clamped, gate, up, out,
        [&](const DeviceTensor& g, const DeviceTensor& u, const DeviceTensor& o) {
            vulkan::swiglu_clamped(*m_device, g, u, clamp, o);
        },
        [&] { m_cpu.swiglu_clamped(gate, up, clamp, out); });
}

} // namespace conclave::vulkan
