#pragma once
// VulkanBackend: the Backend a session uses when it runs on a Vulkan GPU. Each op runs on
// the GPU when its weight is there (DeviceWeights) and the device has a kernel for it
// (vulkan::supports); otherwise it runs on the CPU backend it owns, on the same tensors.
// Activations and the KV cache live in MirroredMemory, so a tensor is valid on one side or
// both and moves only when the other side reads it: with routed experts on the CPU, the
// hidden state crosses once per layer each way. Ops without a weight run where their input
// already is. A device error is sticky (status()); the session then falls back to the CPU.
// Owned by one Session; not thread-safe.

#include "backend/backend.h"
#include "backend/cpu/cpu_backend.h"
#include "backend/vulkan/device_tensor.h"
#include "backend/vulkan/device_weights.h"
#include "backend/vulkan/mirrored_memory.h"

#include <functional>
#include <memory>

namespace conclave::vulkan {

class VulkanBackend final : public Backend {
public:
    // Copies `weights` to the device. KV caches allocated later live on the device when
    // kv_on_device, otherwise attention runs on the CPU.
    static Result<std::unique_ptr<VulkanBackend>> create(std::unique_ptr<VulkanDevice> device, ThreadPool& pool,
                                                         std::span<const HostWeight> weights, bool kv_on_device,
                                                         std::uint64_t scratch_hint,
                                                         const std::function<bool(float)>& progress = {});
    ~VulkanBackend() override;

    std::string_view name() const override { return "vulkan"; }
    bool supports(Op op, quant::TensorType type) const override;
    Result<void> status() const override;

    Tensor scratch(quant::TensorType type, std::array<std::int64_t, 4> ne) override;
    void reset_scratch() override;
    ScratchMark mark_scratch() const override;
    void rewind_scratch(ScratchMark mark) override;
    Tensor allocate(quant::TensorType type, std::array<std::int64_t, 4> ne) override;
    void upload(Tensor& dst, const void* src, std::uint64_t bytes) override;
    void download(const Tensor& src, void* dst, std::uint64_t bytes) override;

    void get_rows(const Tensor& table, std::span<const std::int32_t> ids, Tensor& out) override;
    void rms_norm(const Tensor& x, const Tensor& weight, float eps, Tensor& out) override;
    void mul_mat(const Tensor& w, const Tensor& x, Tensor& out) override;
    void mul_mat_id(const Tensor& w, const Tensor& x, std::span<const std::int32_t> expert_ids, int n_used,
                    Tensor& out) override;
    void moe_combine(const Tensor& x, std::span<const float> weights, int n_used, Tensor& out) override;
    void mix_rows(const Tensor& x, std::span<const float> weights, int n_in, int n_out, Tensor& out) override;
    void indexer_scores(const Tensor& q, const Tensor& w, const Tensor& keys, std::span<const std::int64_t> visible,
                        Tensor& out) override;
    void add_id(const Tensor& x, const Tensor& bias, std::span<const std::int32_t> expert_ids, Tensor& out) override;
    void route(const Tensor& logits, const Tensor& selection_bias, std::span<const std::int32_t> fixed_ids,
               const RoutingSpec& spec, Tensor& ids, Tensor& weights) override;
    void mul_mat_id(const Tensor& w, const Tensor& x, const Tensor& expert_ids, int n_used, Tensor& out) override;
    void moe_combine(const Tensor& x, const Tensor& weights, int n_used, Tensor& out) override;
    void add_id(const Tensor& x, const Tensor& bias, const Tensor& expert_ids, Tensor& out) override;
    void add(const Tensor& a, const Tensor& b, Tensor& out) override;
    void mul(const Tensor& a, const Tensor& b, Tensor& out) override;
    void scale(Tensor& x, float factor) override;
    void rope(Tensor& x, int head_dim, std::span<const std::int32_t> positions, const RopeParams& params) override;
    void kv_store(KvLayer& cache, const Tensor& k, const Tensor& v, std::int64_t first_pos) override;
    void attention(const Tensor& q, const KvLayer& cache, std::int64_t first_pos, const AttentionParams& params,
                   Tensor& out) override;
    void swiglu(const Tensor& gate, const Tensor& up, Tensor& out) override;
    void geglu(const Tensor& gate, const Tensor& up, Tensor& out) override;
    void swiglu_clamped(const Tensor& gate, const Tensor& up, const SwigluClamp& clamp, Tensor& out) override;
    void copy_columns(const Tensor& src, std::int64_t src_first, Tensor& dst, std::int64_t dst_first,
                      std::int64_t n) override;

    // Where the work went and what crossed the bus, for tests and `bench`.
    struct Traffic {
        std::uint64_t gpu_ops = 0, cpu_ops = 0;
        std::uint64_t uploads = 0, upload_bytes = 0;     // host -> device activation copies
        std::uint64_t downloads = 0, download_bytes = 0; // device -> host
        std::uint64_t gpu_routes = 0;                    // route() calls that ran on the device
    };
    const Traffic& traffic() const { return m_traffic; }
    void reset_traffic() { m_traffic = {}; }
    const VulkanDevice& device() const { return *m_device; }
    std::uint64_t weight_bytes_on_device() const { return m_weights.device_bytes(); }
    std::uint64_t scratch_high_water() const { return m_memory.scratch_high_water(); }

private:
    VulkanBackend(std::unique_ptr<VulkanDevice> device, ThreadPool& pool, bool kv_on_device);

    enum class Side { host, device };
    bool usable() const { return !m_device->failed() && m_error.empty(); }
    // Makes t's contents valid on `side` (copying from the other side if needed).
    void read_on(Side side, const Tensor& t);
    // Prepares t to be written on `side`: afterwards only that side is valid. A write that
    // covers part of an allocation first brings the rest over.
    void write_on(Side side, const Tensor& t);
    // The device view of an activation or KV tensor (after read_on/write_on).
    DeviceTensor device_tensor(const Tensor& t);
    // The device copy of a weight, or invalid. Small weights are copied on demand.
    DeviceTensor device_weight(const Tensor& w, bool copy_if_small);
    // Where an op without a weight runs: on the device when the op has a kernel and one of
    // its inputs is valid there only; with inputs valid on both sides, on the device too.
    Side side_for(Op op, std::initializer_list<const Tensor*> inputs) const;
    bool device_only(const Tensor& t) const;
    using DeviceBinary = void (*)(VulkanDevice&, const DeviceTensor&, const DeviceTensor&, const DeviceTensor&);
    using HostBinary = void (cpu::CpuBackend::*)(const Tensor&, const Tensor&, Tensor&);
    void binary(Op op, const Tensor& a, const Tensor& b, Tensor& out, DeviceBinary on_device, HostBinary on_host);
    // The gated activations (swiglu, geglu, swiglu_clamped): on_device gets the device views
    // of gate, up and out; on_host runs the CPU backend's op on the tensors themselves.
    using DeviceGated = std::function<void(const DeviceTensor&, const DeviceTensor&, const DeviceTensor&)>;
    void gated(Op op, const Tensor& gate, const Tensor& up, Tensor& out, const DeviceGated& on_device,
               const std::function<void()>& on_host);
    // Whether this layer's KV cache is kept and attended to on the device.
    bool cache_on_device(const KvLayer& cache);
    bool host_valid(const Tensor& t) const;
    // A small per-slot input of an expert op (route()'s ids or weights) as the device reads
    // it: its device copy when it is mirrored, else its host values staged.
    DeviceTensor device_input(const Tensor& t);

    std::unique_ptr<VulkanDevice> m_device;
    cpu::CpuBackend m_cpu;
    MirroredMemory m_memory;
    DeviceWeights m_weights;
    bool m_kv_on_device = true;
    Traffic m_traffic;
    std::string m_error;
};

} // namespace conclave::vulkan
