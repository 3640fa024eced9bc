// GPU enumeration through each compiled-in backend. On CI the Vulkan probe finds Mesa's
// software driver (lavapipe); a machine without a device skips with the probe's reason.

#include "conclave/gpu_devices.h"

#include <QtTest>

using namespace conclave;

class TestGpuDevices : public QObject {
    Q_OBJECT

private slots:
    void vulkanDevicesAreDescribed() {
        const GpuProbe probe = probe_vulkan_devices();
        QCOMPARE(QString::fromStdString(probe.backend), QStringLiteral("vulkan"));
        if (!probe.compiled) QSKIP(qPrintable("Vulkan backend " + QString::fromStdString(probe.note)));
        if (probe.devices.empty()) QSKIP(qPrintable("no Vulkan device: " + QString::fromStdString(probe.note)));
        for (const GpuDevice& device : probe.devices) {
            QVERIFY(!device.name.empty());
            QVERIFY2(device.api_version.rfind("1.", 0) == 0, device.api_version.c_str());
            QVERIFY(device.memory_bytes > 0);
        }
    }

    // No ICD at all must be a note the app can show, not a crash or hang.
    void vulkanWithoutDriverExplainsWhy() {
        const GpuProbe compiled = probe_vulkan_devices();
        if (!compiled.compiled) QSKIP("Vulkan backend not compiled in");
        qputenv("VK_ICD_FILENAMES", "/nonexistent/conclave-no-icd.json");
        qputenv("VK_DRIVER_FILES", "/nonexistent/conclave-no-icd.json");
        const GpuProbe probe = probe_vulkan_devices();
        qunsetenv("VK_ICD_FILENAMES");
        qunsetenv("VK_DRIVER_FILES");
        QVERIFY(probe.devices.empty());
        QVERIFY(!probe.note.empty());
    }

    void cudaDevicesAreDescribed() {
        const GpuProbe probe = probe_cuda_devices();
        QCOMPARE(QString::fromStdString(probe.backend), QStringLiteral("cuda"));
        if (!probe.compiled) QSKIP(qPrintable("CUDA backend " + QString::fromStdString(probe.note)));
        if (probe.devices.empty()) QSKIP(qPrintable("no CUDA device: " + QString::fromStdString(probe.note)));
        for (const GpuDevice& device : probe.devices) {
            QVERIFY(!device.name.empty());
            QVERIFY2(device.api_version.rfind("sm_", 0) == 0, device.api_version.c_str());
            QVERIFY(device.memory_bytes > 0);
        }
    }
};

QTEST_GUILESS_MAIN(TestGpuDevices)
#include "test_gpu_devices.moc"
