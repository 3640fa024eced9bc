// The Vulkan device itself: opening (and refusing without a driver), memory round trips
// at odd offsets and sizes, transfers larger than the staging ring, many dispatches between
// waits, binding offsets that are not aligned, and errors that leave the process running.

#include "vulkan_test_device.h"

#include <QtTest>

#include <numeric>
#include <random>

using namespace conclave;
using namespace conclave::vulkan;

namespace {

struct ScaleParams {
    std::uint32_t n;
    float factor;
};

std::vector<float> ramp(std::size_t n, float start = 0.0f) {
    std::vector<float> v(n);
    std::iota(v.begin(), v.end(), start);
    return v;
}

} // namespace

class TestVulkanDevice : public QObject {
    Q_OBJECT

    VulkanDevice* m_device = nullptr;
    QString m_reason;

private slots:
    void init() {
        m_device = testing::test_device(m_reason);
        if (!m_device) QSKIP(qPrintable("no Vulkan device: " + m_reason));
    }

    void describesTheDevice() {
        const DeviceInfo& info = m_device->info();
        qInfo("Vulkan device: %s (%s), %llu MiB, binding limit %llu MiB, subgroup %u, fp16 %d, int8 %d, int dot %d, coopmat %d, budget ext %d",
              info.device.name.c_str(), info.device.api_version.c_str(),
              static_cast<unsigned long long>(info.device.memory_bytes >> 20),
              static_cast<unsigned long long>(info.max_binding_bytes >> 20), info.features.subgroup_size,
              info.features.shader_float16, info.features.shader_int8, info.features.integer_dot_product,
              info.features.cooperative_matrix, info.features.memory_budget);
        QVERIFY(!info.device.name.empty());
        QVERIFY(info.max_binding_bytes >= (1u << 20));
        QVERIFY(info.storage_alignment >= 4 && info.storage_alignment <= 256);
        QVERIFY(m_device->memory_available() > 0);
    }

    void newBuffersAreZero() {
        auto buffer = m_device->allocate(4096 + 12);
        QVERIFY(buffer.ok());
        std::vector<unsigned char> bytes(buffer->bytes(), 0xAB);
        m_device->download(buffer->slice(), bytes.data(), bytes.size());
        QVERIFY(std::all_of(bytes.begin(), bytes.end(), [](unsigned char b) { return b == 0; }));
    }

    void roundTripsAtOddOffsets() {
        auto buffer = m_device->allocate(1000);
        QVERIFY(buffer.ok());
        std::vector<unsigned char> data(333);
        std::mt19937 rng(7);
        for (auto& b : data) b = static_cast<unsigned char>(rng());
        m_device->upload(buffer->slice(101, data.size()), data.data(), data.size());
        std::vector<unsigned char> all(1000, 0xFF);
        m_device->download(buffer->slice(), all.data(), all.size());
        QVERIFY(!m_device->failed());
        QVERIFY(std::equal(data.begin(), data.end(), all.begin() + 101));
        QCOMPARE(all[100], static_cast<unsigned char>(0));
        QCOMPARE(all[434], static_cast<unsigned char>(0));
    }

    // Larger than the 64 MiB staging ring: split into chunks both ways.
    void transfersLargerThanTheStagingRing() {
        const std::size_t n = (80u << 20) / sizeof(float) + 3;
        const std::vector<float> values = ramp(n, 0.5f);
        auto buffer = m_device->allocate(n * sizeof(float));
        QVERIFY(buffer.ok());
        m_device->upload(buffer->slice(), values.data(), n * sizeof(float));
        std::vector<float> back(n);
        m_device->download(buffer->slice(), back.data(), n * sizeof(float));
        QVERIFY(!m_device->failed());
        QVERIFY(back == values);
    }

    // A slice whose offset is not a multiple of the storage alignment: the shader finds its
    // data through base[0], and the floats before the slice are untouched.
    void shadersSeeUnalignedSlices() {
        const std::vector<float> values = ramp(300, 1.0f);
        auto buffer = m_device->allocate(values.size() * sizeof(float));
        QVERIFY(buffer.ok());
        m_device->upload(buffer->slice(), values.data(), values.size() * sizeof(float));
        const std::uint64_t first = 7, count = 200;
        m_device->dispatch("scale", {buffer->slice(first * 4, count * 4)}, ScaleParams{static_cast<std::uint32_t>(count), 2.0f}, 1);
        std::vector<float> back(values.size());
        m_device->download(buffer->slice(), back.data(), back.size() * sizeof(float));
        QVERIFY(!m_device->failed());
        for (std::size_t i = 0; i < values.size(); ++i) {
            const bool scaled = i >= first && i < first + count;
            QCOMPARE(back[i], scaled ? 2.0f * values[i] : values[i]);
        }
    }

    // More dispatches than one descriptor pool holds, with no wait in between: each sees
    // the previous one's result.
    void manyDispatchesRunInOrder() {
        auto buffer = m_device->allocate(64 * sizeof(float));
        QVERIFY(buffer.ok());
        const std::vector<float> ones(64, 1.0f);
        m_device->upload(buffer->slice(), ones.data(), 64 * sizeof(float));
        for (int i = 0; i < 5000; ++i) m_device->dispatch("scale", {buffer->slice()}, ScaleParams{64, i % 2 ? 0.5f : 2.0f}, 1);
        m_device->dispatch("scale", {buffer->slice()}, ScaleParams{64, 3.0f}, 1);
        std::vector<float> back(64);
        m_device->download(buffer->slice(), back.data(), 64 * sizeof(float));
        QVERIFY(!m_device->failed());
        QVERIFY(std::all_of(back.begin(), back.end(), [](float v) { return v == 3.0f; }));
    }

    void stagedDataFeedsShaders() {
        const std::vector<float> values = ramp(16, 2.0f);
        const BufferSlice staged = m_device->stage(values.data(), values.size() * sizeof(float));
        QVERIFY(staged.valid());
        m_device->dispatch("scale", {staged}, ScaleParams{16, -1.0f}, 1);
        std::vector<float> back(16);
        m_device->download(staged, back.data(), 64);
        for (std::size_t i = 0; i < 16; ++i) QCOMPARE(back[i], -values[i]);
    }

    void impossibleAllocationIsAnError() {
        auto huge = m_device->allocate(1ull << 50);
        QVERIFY(!huge.ok());
        QCOMPARE(huge.error().code, ErrorCode::out_of_memory);
        QVERIFY(!m_device->failed());
        auto fine = m_device->allocate(1024);
        QVERIFY(fine.ok());
    }

    // A device of its own: the error is sticky and would end the shared device.
    void unknownShaderFailsThatDeviceOnly() {
        auto own = VulkanDevice::open(m_device->info().device.index);
        QVERIFY(own.ok());
        auto buffer = (*own)->allocate(64);
        QVERIFY(buffer.ok());
        (*own)->dispatch("no_such_shader", {buffer->slice()}, ScaleParams{1, 1.0f}, 1);
        QVERIFY((*own)->failed());
        QVERIFY((*own)->error().find("no_such_shader") != std::string::npos);
        QVERIFY(!(*own)->synchronize().ok());
        QVERIFY(!m_device->failed());
    }

    void withoutDriverOpenExplainsWhy() {
        qputenv("VK_ICD_FILENAMES", "/nonexistent/conclave-no-icd.json");
        qputenv("VK_DRIVER_FILES", "/nonexistent/conclave-no-icd.json");
        auto none = VulkanDevice::open();
        qunsetenv("VK_ICD_FILENAMES");
        qunsetenv("VK_DRIVER_FILES");
        QVERIFY(!none.ok());
        QVERIFY(!none.error().message.empty());
        qInfo("without a driver: %s", none.error().message.c_str());
    }

    void missingDeviceIndexIsAnError() {
        auto none = VulkanDevice::open(99);
        QVERIFY(!none.ok());
        QCOMPARE(none.error().code, ErrorCode::invalid_argument);
    }
};

QTEST_GUILESS_MAIN(TestVulkanDevice)
#include "test_vulkan_device.moc"
