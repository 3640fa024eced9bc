#pragma once
// GpuAvailability: whether this machine can run a model on the GPU through Vulkan, and on
// which devices, for the settings' "Run on" choice and the app-wide GPU picker. A value read
// from the engine's device probe; when no device is usable, `reason` is the probe's
// explanation (no driver, no device, a build without Vulkan) in the engine's words. Probing
// never fails hard and may be called from any thread; it takes tens of milliseconds (a
// Vulkan instance is created and destroyed).

#include "conclave/gpu_devices.h"

#include <QList>
#include <QString>

namespace conclave::app {

// One Vulkan device as the probe saw it; `index` is what SessionOptions::gpu_device takes.
struct GpuDeviceInfo {
    int index = 0;
    QString name; // the driver's name, e.g. "NVIDIA H200", "llvmpipe (LLVM 15.0.6, 256 bits)"
    conclave::GpuKind kind = conclave::GpuKind::other;
    quint64 memoryBytes = 0; // device-local memory

    bool operator==(const GpuDeviceInfo&) const = default;
};

struct GpuAvailability {
    bool available = false;
    QString reason;               // why not, when !available
    QList<GpuDeviceInfo> devices; // in the probe's order; empty when !available
};

GpuAvailability probeGpuAvailability();

} // namespace conclave::app
