// CUDA device enumeration through the CUDA runtime. The runtime is linked statically and
// loads the driver (libcuda) itself, so a machine without an NVIDIA driver gets a note, not
// a failure to start.

#include "conclave/gpu_devices.h"

#include <cuda_runtime.h>

namespace conclave {

GpuProbe probe_cuda_devices() {
    GpuProbe probe{"cuda", true, {}, {}};
    int count = 0;
    const cudaError_t status = cudaGetDeviceCount(&count);
    if (status != cudaSuccess) {
        probe.note = std::string("no usable CUDA device: ") + cudaGetErrorString(status);
        return probe;
    }
    for (int i = 0; i < count; ++i) {
        cudaDeviceProp props{};
        if (cudaGetDeviceProperties(&props, i) != cudaSuccess) continue;
        probe.devices.push_back(GpuDevice{i, props.name,
                                          props.integrated ? GpuKind::integrated : GpuKind::discrete,
                                          static_cast<std::uint64_t>(props.totalGlobalMem),
                                          "sm_" + std::to_string(props.major) + std::to_string(props.minor)});
    }
    if (probe.devices.empty()) probe.note = "the CUDA driver reports no devices";
    return probe;
}

} // namespace conclave
