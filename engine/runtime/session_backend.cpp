#include "runtime/session_backend.h"

#include "backend/cpu/cpu_backend.h"
#include "conclave_build_config.h"
#include "gguf/gguf_file.h"
#include "model/architecture.h"
#include "runtime/placement.h"

#if CONCLAVE_HAS_VULKAN
#include "backend/vulkan/vulkan_backend.h"
#endif

#include <algorithm>

namespace conclave::runtime {

std::uint64_t kv_cache_bytes(const ModelInfo& info, KvCacheType type, int n_ctx) {
    // Bytes per 32 values: F32 128, F16 64, Q8_0 34 (32 codes and a half-precision scale).
    const std::uint64_t block_bytes = type == KvCacheType::f32 ? 128 : type == KvCacheType::q8_0 ? 34 : 64;
    const int ctx = std::max(n_ctx, 0);
    std::uint64_t rows = 0; // K/V rows over all layers
    for (int i = 0; i < info.n_layer; ++i)
        rows += static_cast<std::uint64_t>(
            kv_layer_rows(static_cast<std::size_t>(i) < info.kv_rings.size() ? info.kv_rings[static_cast<std::size_t>(i)] : 0, ctx));
    std::uint64_t bytes = block_bytes * static_cast<std::uint64_t>(info.kv_values) / 32 * rows;
    for (const CacheExtra& extra : info.kv_extras)
        bytes += (extra.f32 ? 128 : block_bytes) * static_cast<std::uint64_t>(extra.width) / 32 *
                 static_cast<std::uint64_t>(extra.rows(ctx));
    return bytes;
}

SessionBackend make_cpu_backend(ThreadPool& pool) {
    SessionBackend out;
    out.backend = std::make_unique<cpu::CpuBackend>(pool);
    return out;
}

std::uint64_t backend_scratch_bytes(const Backend& backend) {
    if (const auto* cpu = dynamic_cast<const cpu::CpuBackend*>(&backend)) return cpu->scratch_high_water() + cpu->workspace_bytes();
#if CONCLAVE_HAS_VULKAN
    if (const auto* gpu = dynamic_cast<const vulkan::VulkanBackend*>(&backend)) return gpu->scratch_high_water();
#endif
    return 0;
}

SessionBackend make_session_backend(const Model& model, const SessionOptions& options, int n_ctx, ThreadPool& pool) {
    if (options.backend == ComputeBackend::cpu) return make_cpu_backend(pool);
#if !CONCLAVE_HAS_VULKAN
    (void)model;
    (void)n_ctx;
    SessionBackend cpu = make_cpu_backend(pool);
    cpu.note = "this build of Conclave has no Vulkan backend; running on the CPU";
    return cpu;
#else
    const auto on_cpu = [&](const std::string& why) {
        SessionBackend cpu = make_cpu_backend(pool);
        cpu.note = why + "; running on the CPU";
        return cpu;
    };
    auto device = vulkan::VulkanDevice::open(options.gpu_device);
    if (!device) return on_cpu("Vulkan: " + device.error().message);
    const std::uint64_t available = (*device)->memory_available();
    // Leave room for the driver, the display and other programs when the budget is guessed.
    const std::uint64_t margin = std::max<std::uint64_t>(available / 10, 256ull << 20);
    const std::uint64_t budget = options.gpu_budget > 0 ? options.gpu_budget : (available > margin ? available - margin : 0);

    PlacementRequest request;
    request.gpu_budget = budget;
    request.kv_bytes = kv_cache_bytes(model.info(), options.kv_type, n_ctx);
    const int batch = std::max(1, std::min(options.n_batch, n_ctx));
    request.scratch_bytes = model.arch().scratch_bytes(batch, 1);
    const Placement placement = plan_placement(model.file(), request);
    if (!placement.gpu_used)
        return on_cpu("the GPU budget (" + format_bytes(budget) + ") does not hold even one batch of activations");

    std::vector<vulkan::HostWeight> weights;
    for (std::size_t i = 0; i < placement.tensors.size(); ++i)
        if (placement.tensors[i].where == Device::gpu) {
            const gguf::TensorInfo& t = model.file().tensors()[i];
            weights.push_back({t.data, t.n_bytes});
        }
    const std::string device_name = (*device)->info().device.name;
    auto backend = vulkan::VulkanBackend::create(std::move(device.value()), pool, weights, placement.kv_on_gpu,
                                                 request.scratch_bytes);
    if (!backend) return on_cpu("Vulkan (" + device_name + "): " + backend.error().message);
    SessionBackend out;
    out.report = placement.describe();
    out.report.insert(out.report.begin(), "Vulkan device: " + device_name);
    if (placement.cpu_weight_bytes > 0 || !placement.kv_on_gpu)
        out.note = "the model does not fit the GPU budget (" + format_bytes(budget) + "): " + format_bytes(placement.cpu_weight_bytes) +
                   " of weights run on the CPU";
    out.backend = std::move(backend.value());
    return out;
#endif
}

} // namespace conclave::runtime
