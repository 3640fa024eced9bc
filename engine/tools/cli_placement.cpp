#include "cli_placement.h"

#include "cli_output.h"
#include "conclave/gpu_devices.h"
#include "conclave/model.h"
#include "conclave/session.h"
#include "gguf/gguf_file.h"
#include "json_writer.h"
#include "runtime/placement.h"
#include "runtime/session_backend.h"

#include <algorithm>
#include <cstdio>
#include <map>

namespace conclave::cli {

int print_placement(const std::string& path, int n_ctx, std::uint64_t gpu_budget, bool json) {
    auto info = Model::inspect(path);
    if (!info) return fail(info.error().message);
    auto file = gguf::GgufFile::open(path);
    if (!file) return fail(file.error().message);
    std::string budget_source = "--gpu-budget";
    if (gpu_budget == 0) {
        const GpuProbe probe = probe_vulkan_devices();
        const auto best = std::min_element(probe.devices.begin(), probe.devices.end(), [](const GpuDevice& a, const GpuDevice& b) {
            return gpu_kind_preference(a.kind) < gpu_kind_preference(b.kind);
        });
        if (best == probe.devices.end())
            return fail("no Vulkan device to take a budget from (" + (probe.note.empty() ? std::string("none found") : probe.note) +
                        "); give one with --gpu-budget SIZE");
        gpu_budget = best->memory_bytes - std::max<std::uint64_t>(best->memory_bytes / 10, 256ull << 20);
        budget_source = best->name;
    }
    const int ctx = info->context_length > 0 ? std::min(n_ctx, info->context_length) : n_ctx;
    runtime::PlacementRequest request;
    request.gpu_budget = gpu_budget;
    request.kv_bytes = runtime::kv_cache_bytes(*info, KvCacheType::f16, ctx);
    request.scratch_bytes = info->scratch_bytes_fixed + info->scratch_bytes_per_token * static_cast<std::uint64_t>(std::min(ctx, 256));
    const runtime::Placement p = runtime::plan_placement(**file, request);

    // Per layer: bytes on each side.
    std::map<int, std::pair<std::uint64_t, std::uint64_t>> layers;
    for (const runtime::PlacedTensor& t : p.tensors)
        (t.where == runtime::Device::gpu ? layers[t.layer].first : layers[t.layer].second) += t.bytes;
    if (json) {
        JsonWriter out;
        out.begin_object().key("model").value(path).key("context").value(static_cast<std::int64_t>(ctx));
        out.key("gpu_budget").value(p.gpu_budget).key("budget_from").value(budget_source).key("gpu_used").value(p.gpu_used);
        out.key("gpu_weight_bytes").value(p.gpu_weight_bytes).key("cpu_weight_bytes").value(p.cpu_weight_bytes);
        out.key("embedding_lookup_bytes").value(p.lookup_bytes);
        out.key("kv_cache_bytes").value(p.kv_bytes).key("kv_on_gpu").value(p.kv_on_gpu).key("scratch_bytes").value(p.scratch_bytes);
        out.key("gpu_total_bytes").value(p.gpu_total());
        out.key("expert_layers_on_cpu").value(static_cast<std::int64_t>(p.expert_layers_on_cpu));
        out.key("ffn_layers_on_cpu").value(static_cast<std::int64_t>(p.ffn_layers_on_cpu));
        out.key("layers_on_cpu").value(static_cast<std::int64_t>(p.layers_on_cpu)).key("output_on_cpu").value(p.output_on_cpu);
        out.key("summary").begin_array();
        for (const std::string& line : p.describe()) out.value(line);
        out.end_array().key("tensors").begin_array();
        for (const runtime::PlacedTensor& t : p.tensors)
            out.begin_object().key("name").value(t.name).key("bytes").value(t.bytes)
                .key("device").value(t.where == runtime::Device::gpu ? "gpu" : "cpu").end_object();
        out.end_array().end_object();
        std::printf("%s\n", out.text().c_str());
        return 0;
    }
    std::printf("placement of %s at a %d-token context (budget from %s):\n", path.c_str(), ctx, budget_source.c_str());
    for (const std::string& line : p.describe()) std::printf("  %s\n", line.c_str());
    std::printf("  %-10s %12s %12s\n", "part", "GPU", "CPU");
    for (const auto& [layer, bytes] : layers)
        std::printf("  %-10s %12s %12s\n", layer < 0 ? "other" : ("blk." + std::to_string(layer)).c_str(),
                    runtime::format_bytes(bytes.first).c_str(), runtime::format_bytes(bytes.second).c_str());
    return 0;
}

} // namespace conclave::cli
