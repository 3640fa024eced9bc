// `conclave-cli devices [--json]`: the GPUs each compiled-in backend can use.

#include "cli_commands.h"
#include "cli_output.h"
#include "conclave/gpu_devices.h"

#include <cstdio>

namespace conclave::cli {
namespace {

void print_text(const GpuProbe& probe) {
    std::printf("%s:%s\n", probe.backend.c_str(), probe.compiled ? "" : " (not compiled in)");
    for (const GpuDevice& d : probe.devices)
        std::printf("  [%d] %s — %s, %.1f GiB, %s\n", d.index, d.name.c_str(), gpu_kind_name(d.kind),
                    static_cast<double>(d.memory_bytes) / (1024.0 * 1024.0 * 1024.0),
                    d.api_version.c_str());
    if (!probe.note.empty()) std::printf("  %s\n", probe.note.c_str());
}

void print_json(const GpuProbe& probe, bool last) {
    std::printf("  {\"backend\": \"%s\", \"compiled\": %s, \"note\": \"%s\", \"devices\": [",
                probe.backend.c_str(), probe.compiled ? "true" : "false",
                json_escape(probe.note).c_str());
    for (std::size_t i = 0; i < probe.devices.size(); ++i) {
        const GpuDevice& d = probe.devices[i];
        std::printf("%s{\"index\": %d, \"name\": \"%s\", \"kind\": \"%s\", \"memory_bytes\": %llu, "
                    "\"api_version\": \"%s\"}",
                    i ? ", " : "", d.index, json_escape(d.name).c_str(), gpu_kind_name(d.kind),
                    static_cast<unsigned long long>(d.memory_bytes), json_escape(d.api_version).c_str());
    }
    std::printf("]}%s\n", last ? "" : ",");
}

} // namespace

int run_devices(const Args& args) {
    bool json = false;
    for (const std::string& arg : args) {
        if (arg == "--json") json = true;
        else return fail("devices: unknown option '" + arg + "'");
    }
    const GpuProbe probes[] = {probe_vulkan_devices(), probe_cuda_devices()};
    if (json) {
        std::printf("[\n");
        for (std::size_t i = 0; i < 2; ++i) print_json(probes[i], i == 1);
        std::printf("]\n");
    } else {
        for (const GpuProbe& probe : probes) print_text(probe);
    }
    return 0;
}

} // namespace conclave::cli
