#include "conclave/gpu_devices.h"

#include "conclave_build_config.h"

namespace conclave {

const char* gpu_kind_name(GpuKind kind) {
    switch (kind) {
    case GpuKind::discrete: return "discrete";
    case GpuKind::integrated: return "integrated";
    case GpuKind::virtual_gpu: return "virtual";
    case GpuKind::software: return "software";
    case GpuKind::other: return "other";
    }
    return "other";
}

int gpu_kind_preference(GpuKind kind) {
    switch (kind) {
    case GpuKind::discrete: return 0;
    case GpuKind::integrated: return 1;
    case GpuKind::virtual_gpu: return 2;
    case GpuKind::other: return 3;
    case GpuKind::software: return 4;
    }
    return 3;
}

// Builds without a GPU backend still answer the question, with the reason.
#if !CONCLAVE_HAS_VULKAN
GpuProbe probe_vulkan_devices() {
    return GpuProbe{"vulkan", false, {}, "not compiled in (built with CONCLAVE_VULKAN=OFF)"};
}
#endif

#if !CONCLAVE_HAS_CUDA
GpuProbe probe_cuda_devices() {
    return GpuProbe{"cuda", false, {}, "not compiled in (built with CONCLAVE_CUDA=OFF)"};
}
#endif

} // namespace conclave
