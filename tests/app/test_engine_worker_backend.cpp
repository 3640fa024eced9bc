// Where the EngineWorker runs a model: a tiny random-weight model (written here) loaded
// through the real worker on its thread with each backend, GPU budget and GPU device of the
// settings, and what the ModelSummary then says — backend, note, placement. The GPU rows need a
// Vulkan device (lavapipe will do) and skip with the probe's reason without one; the row
// without a driver points the Vulkan loader at a file that does not exist. A GPU lost while
// answering is checked with the real SmolLM2 (skipped when it is absent).

#include "conclave/gpu_devices.h"
#include "engine_thread.h"
#include "engine_worker.h"
#include "gpu_availability.h"
#include "test_model_file.h"
#include "tiny_models.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using conclave::ComputeBackend;
using namespace conclave::app;

namespace {

// Sets the Vulkan loader's driver list to a missing file for as long as it lives.
class NoVulkanDriver {
public:
    NoVulkanDriver() {
        qputenv("VK_ICD_FILENAMES", "/nonexistent/conclave-no-icd.json");
        qputenv("VK_DRIVER_FILES", "/nonexistent/conclave-no-icd.json");
    }
    ~NoVulkanDriver() {
        qunsetenv("VK_ICD_FILENAMES");
        qunsetenv("VK_DRIVER_FILES");
    }
    NoVulkanDriver(const NoVulkanDriver&) = delete;
    NoVulkanDriver& operator=(const NoVulkanDriver&) = delete;
};

} // namespace

class TestEngineWorkerBackend : public QObject {
    Q_OBJECT

    std::unique_ptr<EngineThread> m_engine;
    QTemporaryDir m_dir;
    QString m_modelPath;
    conclave::GpuProbe m_probe;

    // Loads the tiny model and waits for its summary (the test fails on a load error).
    ModelSummary load(const LoadRequest& request) {
        QSignalSpy loaded(m_engine->worker(), &EngineWorker::modelLoaded);
        QSignalSpy failed(m_engine->worker(), &EngineWorker::requestFailed);
        m_engine->worker()->loadModel(request);
        if (!QTest::qWaitFor([&] { return loaded.count() + failed.count() > 0; }, 60000)) return {};
        if (!failed.isEmpty())
            qWarning() << "load failed:" << failed.at(0).at(1).value<EngineError>().message;
        return loaded.isEmpty() ? ModelSummary{} : loaded.at(0).at(1).value<ModelSummary>();
    }

    LoadRequest request(ComputeBackend backend, quint64 gpuBudgetBytes) const {
        LoadRequest r;
        r.path = m_modelPath;
        r.contextSize = 256;
        r.threads = 2;
        r.backend = backend;
        r.gpuBudgetBytes = gpuBudgetBytes;
        return r;
    }

private slots:
    void initTestCase() {
        qRegisterMetaType<ModelSummary>();
        qRegisterMetaType<EngineError>();
        qRegisterMetaType<GenerationUpdate>();
        qRegisterMetaType<GenerationStats>();
        QVERIFY(m_dir.isValid());
        conclave::test::TinyDecoder spec;
        spec.arch = "qwen3";
        spec.matrix_type = conclave::quant::TensorType::Q8_0;
        m_modelPath = m_dir.filePath(QStringLiteral("tiny-qwen3-q8_0.gguf"));
        QVERIFY(conclave::test::write_tiny_decoder(spec, m_modelPath.toStdString()));
        m_probe = conclave::probe_vulkan_devices();
        if (m_probe.devices.empty()) qInfo("no Vulkan device: %s", m_probe.note.c_str());
        m_engine = std::make_unique<EngineThread>();
    }

    void cleanupTestCase() { m_engine.reset(); }

    void cpuIsTheCpuWithoutANote() {
        const ModelSummary model = load(request(ComputeBackend::cpu, 0));
        QCOMPARE(model.backendName, QStringLiteral("cpu"));
        QCOMPARE(model.backendNote, QString());
        QVERIFY(model.placement.isEmpty());
    }

    void vulkanRunsOnTheGpuWithItsPlacement() {
        if (m_probe.devices.empty())
            QSKIP(qPrintable(QStringLiteral("no Vulkan device: ") +
                             QString::fromStdString(m_probe.note)));
        const ModelSummary model = load(request(ComputeBackend::vulkan, 0));
        QCOMPARE(model.backendName, QStringLiteral("vulkan"));
        QVERIFY2(model.backendNote.isEmpty(), qPrintable(model.backendNote)); // a tiny model fits
        QVERIFY(!model.placement.isEmpty());
        // The device first: the model bar's tooltip shows these lines.
        QVERIFY2(model.placement.first().startsWith(QStringLiteral("Vulkan device: ")),
                 qPrintable(model.placement.join(u'\n')));
    }

    // A budget that does not hold one batch of activations: the CPU, and the note says why.
    void budgetTooSmallRunsOnTheCpuWithANote() {
        if (m_probe.devices.empty())
            QSKIP(qPrintable(QStringLiteral("no Vulkan device: ") +
                             QString::fromStdString(m_probe.note)));
        const ModelSummary model = load(request(ComputeBackend::vulkan, 1024));
        QCOMPARE(model.backendName, QStringLiteral("cpu"));
        QVERIFY2(model.backendNote.contains(QStringLiteral("budget")),
                 qPrintable(model.backendNote));
        QVERIFY(model.placement.isEmpty());
    }

    // The app-wide GPU picker's device index reaches the session: one row per device of the
    // probe (lavapipe, index 0, on a machine without a GPU; with a GPU and lavapipe, the row
    // for lavapipe is one the automatic choice would not make), and the placement names it.
    void chosenDeviceIndexIsTheDeviceUsed_data() {
        QTest::addColumn<int>("index");
        QTest::addColumn<QString>("name");
        if (m_probe.devices.empty()) QTest::newRow("no device") << -1 << QString();
        for (const conclave::GpuDevice& device : m_probe.devices)
            QTest::addRow("%d: %s", device.index, device.name.c_str())
                << device.index << QString::fromStdString(device.name);
    }

    void chosenDeviceIndexIsTheDeviceUsed() {
        QFETCH(int, index);
        QFETCH(QString, name);
        if (index < 0)
            QSKIP(qPrintable(QStringLiteral("no Vulkan device: ") +
                             QString::fromStdString(m_probe.note)));
        LoadRequest r = request(ComputeBackend::vulkan, 0);
        r.gpuDevice = index;
        const ModelSummary model = load(r);
        QCOMPARE(model.backendName, QStringLiteral("vulkan"));
        QVERIFY2(model.backendNote.isEmpty(), qPrintable(model.backendNote));
        QVERIFY(!model.placement.isEmpty());
        QCOMPARE(model.placement.first(), QStringLiteral("Vulkan device: ") + name);
    }

    // A device index the machine lacks (a saved choice on other hardware): the CPU, and the
    // note names the missing device (or, without any device, why there is none).
    void missingDeviceIndexRunsOnTheCpuWithANote() {
        LoadRequest r = request(ComputeBackend::vulkan, 0);
        r.gpuDevice = static_cast<int>(m_probe.devices.size()) + 3;
        const ModelSummary model = load(r);
        QCOMPARE(model.backendName, QStringLiteral("cpu"));
        QVERIFY2(model.backendNote.contains(QStringLiteral("CPU")), qPrintable(model.backendNote));
        if (!m_probe.devices.empty())
            QVERIFY2(model.backendNote.contains(
                         QStringLiteral("there is no Vulkan device %1").arg(r.gpuDevice)),
                     qPrintable(model.backendNote));
        QVERIFY(model.placement.isEmpty());
    }

    void noVulkanDriverRunsOnTheCpuWithANote() {
        ModelSummary model;
        {
            const NoVulkanDriver noDriver;
            model = load(request(ComputeBackend::vulkan, 0));
        }
        QCOMPARE(model.backendName, QStringLiteral("cpu"));
        QVERIFY2(model.backendNote.contains(QStringLiteral("CPU")), qPrintable(model.backendNote));
        QVERIFY(model.placement.isEmpty());
    }

    // A GPU lost in the middle of an answer (simulated by the engine's fault injection): the
    // session moves to the CPU, the answer still finishes, and backendChanged says where the
    // model runs now and why — before the answer's end. Needs the real SmolLM2 (a chat template
    // and a tokenizer) and a Vulkan device.
    void lostGpuMidAnswerMovesToTheCpuAndSaysSo() {
        if (!conclave::test::haveDefaultModel()) QSKIP(conclave::test::missingModelReason());
        if (m_probe.devices.empty())
            QSKIP(qPrintable(QStringLiteral("no Vulkan device: ") +
                             QString::fromStdString(m_probe.note)));
        LoadRequest r = request(ComputeBackend::vulkan, 0);
        r.path = conclave::test::defaultModelPath();
        r.contextSize = 512;
        r.threads = 1;
        qputenv("CONCLAVE_VULKAN_FAIL_AFTER", "60"); // read when the device opens
        const ModelSummary loaded = load(r);
        qunsetenv("CONCLAVE_VULKAN_FAIL_AFTER");
        QCOMPARE(loaded.backendName, QStringLiteral("vulkan"));

        QSignalSpy changed(m_engine->worker(), &EngineWorker::backendChanged);
        QSignalSpy finished(m_engine->worker(), &EngineWorker::generationFinished);
        GenerationRequest ask;
        ask.turns = {{QStringLiteral("user"), QStringLiteral("Name a colour.")}};
        ask.sampling.temperature = 0.0f;
        ask.maxTokens = 8;
        m_engine->worker()->generate(ask);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 120000);
        QCOMPARE(changed.count(), 1);
        const auto now = changed.at(0).at(0).value<ModelSummary>();
        QCOMPARE(now.backendName, QStringLiteral("cpu"));
        QVERIFY2(now.backendNote.contains(QStringLiteral("lost")), qPrintable(now.backendNote));
        QVERIFY(now.placement.isEmpty());
        QCOMPARE(now.path, loaded.path);
    }

    // What the settings' "Run on" choice is offered from: the same probe, with its reason.
    void availabilityFollowsTheProbe() {
        const GpuAvailability gpu = probeGpuAvailability();
        QCOMPARE(gpu.available, !m_probe.devices.empty());
        QCOMPARE(gpu.reason.isEmpty(), gpu.available);
        // The picker's list: the probe's devices, in its order, with their index, name, kind
        // and memory.
        QCOMPARE(gpu.devices.size(), qsizetype(m_probe.devices.size()));
        for (qsizetype i = 0; i < gpu.devices.size(); ++i) {
            const conclave::GpuDevice& device = m_probe.devices[std::size_t(i)];
            QCOMPARE(gpu.devices[i].index, device.index);
            QCOMPARE(gpu.devices[i].name, QString::fromStdString(device.name));
            QCOMPARE(int(gpu.devices[i].kind), int(device.kind));
            QCOMPARE(gpu.devices[i].memoryBytes, quint64(device.memory_bytes));
        }
        const NoVulkanDriver noDriver;
        const GpuAvailability none = probeGpuAvailability();
        QVERIFY(!none.available);
        QVERIFY(!none.reason.isEmpty());
        QVERIFY(none.devices.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestEngineWorkerBackend)
#include "test_engine_worker_backend.moc"
