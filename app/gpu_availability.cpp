#include "gpu_availability.h"

#include "conclave/gpu_devices.h"

namespace conclave::app {

GpuAvailability probeGpuAvailability() {
    const conclave::GpuProbe probe = conclave::probe_vulkan_devices();
    GpuAvailability out;
    out.available = !probe.devices.empty();
    if (!out.available)
        out.reason = probe.note.empty() ? QStringLiteral("no Vulkan device was found")
                                        : QString::fromStdString(probe.note);
    return out;
}

} // namespace conclave::app
