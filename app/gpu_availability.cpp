#include "gpu_availability.h"

namespace conclave::app {

GpuAvailability probeGpuAvailability() {
    const conclave::GpuProbe probe = conclave::probe_vulkan_devices();
    GpuAvailability out;
    out.available = !probe.devices.empty();
    if (!out.available)
        out.reason = probe.note.empty() ? QStringLiteral("no Vulkan device was found")
                                        : QString::fromStdString(probe.note);
    for (const conclave::GpuDevice& device : probe.devices)
        out.devices.append(
            {device.index, QString::fromStdString(device.name), device.kind, device.memory_bytes});
    return out;
}

} // namespace conclave::app
