#pragma once
// Which GPUs each compiled-in GPU backend can see on this machine right now. Probing never
// fails hard: a missing driver, loader or device is reported in `note` and the caller falls
// back to the CPU. Thread-safe; each call probes afresh (tens of milliseconds for Vulkan).

#include <cstdint>
#include <string>
#include <vector>

namespace conclave {

// Values are shown to users and may be stored in settings; never reorder or reuse them.
enum class GpuKind : std::uint8_t { other = 0, discrete = 1, integrated = 2, virtual_gpu = 3, software = 4 };

const char* gpu_kind_name(GpuKind kind);
// The order "the best device" is chosen in: discrete 0, integrated 1, virtual 2, other 3,
// software 4 (lower first).
int gpu_kind_preference(GpuKind kind);

struct GpuDevice {
    int index = 0;                 // the backend's own device index
    std::string name;              // e.g. "NVIDIA H200", "llvmpipe (LLVM 15.0.6, 256 bits)"
    GpuKind kind = GpuKind::other;
    std::uint64_t memory_bytes = 0; // device-local memory
    std::string api_version;       // Vulkan API version or CUDA compute capability
};

struct GpuProbe {
    std::string backend;          // "vulkan" or "cuda"
    bool compiled = false;        // false when the backend was switched off at build time
    std::vector<GpuDevice> devices;
    std::string note;             // why there are no devices (empty when there are)
};

GpuProbe probe_vulkan_devices();
GpuProbe probe_cuda_devices();

} // namespace conclave
