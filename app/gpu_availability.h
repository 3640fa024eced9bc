#pragma once
// GpuAvailability: whether this machine can run a model on the GPU through Vulkan, for the
// settings' "Run on" choice. A value read from the engine's device probe; when no device is
// usable, `reason` is the probe's explanation (no driver, no device, a build without Vulkan)
// in the engine's words. Probing never fails hard and may be called from any thread; it
// takes tens of milliseconds (a Vulkan instance is created and destroyed).

#include <QString>

namespace conclave::app {

struct GpuAvailability {
    bool available = false;
    QString reason; // why not, when !available
};

GpuAvailability probeGpuAvailability();

} // namespace conclave::app
