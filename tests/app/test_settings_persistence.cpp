// Settings and stop reasons kept in a real SQLite file (a QTemporaryDir) through the app's
// real components (Composition: the database, SqliteConversationStore, SqlitePreferenceStore,
// AppSettings, ModelPreferences, the controller and the engine with SmolLM2). A "restart"
// destroys the Composition (which closes the database) and builds a new one on the file.
// Proves: each model keeps its own settings (two model files), they follow the loaded model
// and survive a restart, the saved context length is the one the model loads with, and
// "Reset to model defaults" clears the saved overrides; app settings (theme, send key,
// language) survive a restart and the theme choice reaches Theme (the window's colours) and
// the send key the composer; a reasoning model's thinking and effort are remembered for it,
// its file's recommended values are its defaults; with Ctrl+Enter as the send key, Enter
// starts a new line and Ctrl+Enter sends; a refused settings write shows in the
// banner and goes through later; the stop reason of finished, token-limit, context-full and
// stopped answers reads the same after a restart; "Run on" and the GPU memory budget are
// saved per model and reach the engine when the model is reopened (the GPU on a Vulkan
// device, the CPU with a notice without a driver); the app-wide GPU (index and name) survives
// a restart, falls back to automatic with a notice when the device changed, and reaches the
// engine (a tiny model written here, on a Vulkan device). Model tests skip when it is absent.

#include "composition.h"
#include "conclave/gpu_devices.h"
#include "conclave/storage/database.h"
#include "conclave/storage/model_store.h"
#include "conclave/storage/open_database.h"
#include "conclave/storage/transaction.h"
#include "message_list_model.h"
#include "sqlite_conversation_store.h"
#include "test_model_file.h"
#include "tiny_models.h"

#include <QFile>
#include <QQuickItem>
#include <QQuickWindow>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

using conclave::app::Composition;
using conclave::ui::ChatController;
using conclave::ui::ChatMessage;
using conclave::ui::MessageListModel;
namespace storage = conclave::storage;

class TestSettingsPersistence : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_modelPath; // the real SmolLM2 file (found before the data folder is replaced)
    int m_next = 0;

    bool haveModel() const { return QFileInfo::exists(m_modelPath); }

    QString freshDatabase() {
        return m_dir.filePath(QStringLiteral("case%1/conclave.db").arg(m_next++));
    }

    static bool load(Composition& app, const QString& path) {
        app.chat().openModel(QUrl::fromLocalFile(path));
        return QTest::qWaitFor(
            [&] { return app.chat().modelStatus() == ChatController::ModelStatus::Ready; }, 30000);
    }

    static storage::ModelSettings storedSettings(const QString& database, const QString& model) {
        storage::Database db(database.toStdString(), storage::Database::Mode::read_only);
        storage::ModelStore models(db);
        const auto record = models.find_by_path(model.toStdString());
        return record ? models.settings(record->id) : storage::ModelSettings{};
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_modelPath = conclave::test::defaultModelPath();
        // An empty data folder: no model is loaded at start, no setting comes from the user's.
        qputenv("XDG_DATA_HOME", m_dir.filePath(QStringLiteral("data")).toUtf8());
        qunsetenv("CONCLAVE_THEME");
        qunsetenv("CONCLAVE_LANGUAGE");
    }

    void init() {
        QTest::failOnWarning(QRegularExpression(QStringLiteral("qrc:/qt/qml/Conclave/")));
    }

    void perModelSettingsFollowTheModelAndSurviveARestart() {
        if (!haveModel()) QSKIP(conclave::test::missingModelReason());
        const QString database = freshDatabase();
        const QString first = m_modelPath;
        const QString second = m_dir.filePath(QStringLiteral("another-model.gguf")); // another file
        QVERIFY(QFile::link(first, second));

        auto app = std::make_unique<Composition>(database);
        auto* settings = app->chat().settings();
        settings->setThreads(1); // a model opened the first time loads with these
        settings->setContextLength(1024);
        QVERIFY(load(*app, first));
        QCOMPARE(settings->temperature(),
                 double(conclave::SamplingParams{}.temperature)); // its default
        QVERIFY(settings->atDefaults() == false); // threads and context differ from the defaults
        settings->setTemperature(0.3);
        settings->setSystemPrompt(QStringLiteral("Answer in French."));
        settings->setMaxTokens(64);
        settings->setContextLength(1536);

        QVERIFY(load(*app, second));
        QCOMPARE(settings->temperature(), double(conclave::SamplingParams{}.temperature));
        QCOMPARE(settings->systemPrompt(), QString());
        QCOMPARE(settings->maxTokens(), 1024);
        QCOMPARE(settings->contextLength(), 1536); // carried over to a model never configured
        settings->setTemperature(1.2);
        settings->setSeed(42);

        QVERIFY(load(*app, first));
        QCOMPARE(settings->temperature(), 0.3);
        QCOMPARE(settings->systemPrompt(), QStringLiteral("Answer in French."));
        QCOMPARE(settings->maxTokens(), 64);
        QCOMPARE(settings->seed(), -1);
        QCOMPARE(app->chat().contextSize(), 1536); // loaded with its saved context length

        app.reset(); // the restart: saves, closes the database
        const storage::ModelSettings stored = storedSettings(database, first);
        QCOMPARE(stored.sampling.temperature, std::optional<double>(0.3));
        QCOMPARE(stored.max_tokens, std::optional<std::int64_t>(64));
        QCOMPARE(stored.threads, std::optional<std::int64_t>(1));
        QVERIFY(!stored.sampling.top_k); // at its default: not saved, follows the default

        app = std::make_unique<Composition>(database);
        settings = app->chat().settings();
        QVERIFY(load(*app, second));
        QCOMPARE(settings->temperature(), 1.2);
        QCOMPARE(settings->seed(), 42);
        QCOMPARE(settings->threads(), 1);
        QVERIFY(load(*app, first));
        QCOMPARE(settings->temperature(), 0.3);
        QCOMPARE(settings->systemPrompt(), QStringLiteral("Answer in French."));
        QCOMPARE(app->chat().contextSize(), 1536);

        // Reset to model defaults: the engine's values (the file recommends none), and the
        // saved overrides cleared.
        settings->resetToDefaults();
        QVERIFY(settings->atDefaults());
        QCOMPARE(settings->temperature(), double(conclave::SamplingParams{}.temperature));
        QCOMPARE(settings->systemPrompt(), QString());
        QCOMPARE(settings->maxTokens(), 1024);
        QVERIFY(app->modelPreferences().saveNow());
        app.reset();
        const storage::ModelSettings cleared = storedSettings(database, first);
        QVERIFY(cleared.sampling == storage::SamplingOverrides{});
        QVERIFY(!cleared.system_prompt && !cleared.max_tokens && !cleared.context_length &&
                !cleared.threads);
        QCOMPARE(storedSettings(database, second).sampling.seed, std::optional<std::int64_t>(42));
    }

    // "Run on" and the GPU memory budget are the model's own, kept in its row (backend,
    // gpu_memory_budget in bytes), put into the settings before the model opens again, and
    // carried to a model opened the first time (like threads); back at the defaults they are
    // cleared. No model file is loaded here.
    void runOnAndGpuBudgetRoundTripThroughTheStore() {
        const QString database = freshDatabase();
        conclave::app::ModelSummary first;
        first.path = m_dir.filePath(QStringLiteral("gpu-first.gguf"));
        conclave::app::ModelSummary second;
        second.path = m_dir.filePath(QStringLiteral("gpu-second.gguf"));
        {
            Composition app(database);
            auto* settings = app.chat().settings();
            app.modelPreferences().modelOpening(first.path);
            app.modelPreferences().modelLoaded(first);
            QCOMPARE(settings->backend(), QStringLiteral("cpu"));
            QCOMPARE(settings->gpuBudgetMiB(), 0);
            settings->setBackend(QStringLiteral("vulkan"));
            settings->setGpuBudgetMiB(768);
            QVERIFY(app.modelPreferences().saveNow());
        }
        const storage::ModelSettings stored = storedSettings(database, first.path);
        QCOMPARE(stored.backend, std::optional<std::string>("vulkan"));
        QCOMPARE(stored.gpu_memory_budget, std::optional<std::int64_t>(768ll << 20));

        Composition app(database);
        auto* settings = app.chat().settings();
        app.modelPreferences().modelOpening(first.path); // before the load request is built
        QCOMPARE(settings->backend(), QStringLiteral("vulkan"));
        QCOMPARE(settings->gpuBudgetMiB(), 768);
        QCOMPARE(settings->computeBackend(), conclave::ComputeBackend::vulkan);
        QCOMPARE(settings->gpuBudgetBytes(), std::uint64_t{768} << 20);
        app.modelPreferences().modelLoaded(first);
        QCOMPARE(settings->backend(), QStringLiteral("vulkan"));

        app.modelPreferences().modelOpening(second.path); // never configured: carried over
        app.modelPreferences().modelLoaded(second);
        QCOMPARE(settings->backend(), QStringLiteral("vulkan"));
        QCOMPARE(settings->gpuBudgetMiB(), 768);

        app.modelPreferences().modelOpening(first.path);
        app.modelPreferences().modelLoaded(first);
        settings->setBackend(QStringLiteral("cpu"));
        settings->setGpuBudgetMiB(0);
        QVERIFY(app.modelPreferences().saveNow());
        const storage::ModelSettings cleared = storedSettings(database, first.path);
        QVERIFY(!cleared.backend);
        QVERIFY(!cleared.gpu_memory_budget);

        settings->setBackend(QStringLiteral("cuda")); // not offered by this build
        QCOMPARE(settings->backend(), QStringLiteral("cpu"));
    }

    // The saved choice reaches the engine when the model is reopened: on a Vulkan device the
    // model runs on the GPU (the bar's "GPU"), and without a driver it runs on the CPU and the
    // banner says why as a notice, not an error.
    void runOnReachesTheEngineWhenTheModelIsReopened() {
        if (!haveModel()) QSKIP(conclave::test::missingModelReason());
        const bool haveGpu = !conclave::probe_vulkan_devices().devices.empty();
        Composition app(freshDatabase());
        auto* settings = app.chat().settings();
        QCOMPARE(settings->gpuAvailable(), haveGpu);
        QCOMPARE(settings->gpuUnavailableReason().isEmpty(), haveGpu);
        settings->setContextLength(512);
        QVERIFY(load(app, m_modelPath));
        QCOMPARE(app.chat().model().value(QStringLiteral("backendName")).toString(),
                 QStringLiteral("cpu"));
        QVERIFY(!app.chat().errorVisible());

        settings->setBackend(QStringLiteral("vulkan"));
        if (haveGpu) {
            QSignalSpy opening(&app.chat(), &ChatController::modelOpening);
            app.chat().reopenModel();
            QCOMPARE(opening.count(), 1);
            QVERIFY(QTest::qWaitFor(
                [&] { return app.chat().modelStatus() == ChatController::ModelStatus::Ready; },
                60000));
            const QVariantMap model = app.chat().model();
            QCOMPARE(model.value(QStringLiteral("backendName")).toString(),
                     QStringLiteral("vulkan"));
            QVERIFY(!model.value(QStringLiteral("placement")).toStringList().isEmpty());
            QVERIFY2(!app.chat().errorVisible(), qPrintable(app.chat().errorMessage()));
        }

        qputenv("VK_ICD_FILENAMES", "/nonexistent/conclave-no-icd.json");
        qputenv("VK_DRIVER_FILES", "/nonexistent/conclave-no-icd.json");
        app.chat().reopenModel();
        const bool ready = QTest::qWaitFor(
            [&] { return app.chat().modelStatus() == ChatController::ModelStatus::Ready; }, 60000);
        qunsetenv("VK_ICD_FILENAMES");
        qunsetenv("VK_DRIVER_FILES");
        QVERIFY(ready);
        const QVariantMap model = app.chat().model();
        QCOMPARE(model.value(QStringLiteral("backendName")).toString(), QStringLiteral("cpu"));
        const QString note = model.value(QStringLiteral("backendNote")).toString();
        QVERIFY2(note.contains(QStringLiteral("CPU")), qPrintable(note));
        QVERIFY(app.chat().errorVisible());
        QVERIFY(app.chat().bannerIsNotice());
        QCOMPARE(app.chat().errorMessage(), note);
        QVERIFY(app.chat().errorTitle().contains(QStringLiteral("runs on the CPU")));
        QCOMPARE(settings->backend(), QStringLiteral("vulkan")); // the choice stays
        app.chat().dismissError();
    }

    // A reasoning model's choices (thinking off, high effort) are remembered for it and not
    // offered for a model whose template has no such variables; its defaults come from the
    // values its file recommends, which Reset to model defaults returns to. The models are
    // described as the worker reports them (no model file is loaded here).
    void reasoningChoicesAreRememberedPerModel() {
        const QString database = freshDatabase();
        conclave::app::ModelSummary reasoning;
        reasoning.path = m_dir.filePath(QStringLiteral("qwen3.gguf"));
        reasoning.name = QStringLiteral("Qwen3");
        reasoning.thinkingSwitch = true;
        reasoning.effortChoice = true;
        reasoning.recommendedSampling.temperature = 0.6;
        reasoning.recommendedSampling.topK = 20;
        conclave::app::ModelSummary plain;
        plain.path = m_dir.filePath(QStringLiteral("llama.gguf"));
        plain.name = QStringLiteral("Llama");
        const auto loaded = [](Composition& app, const conclave::app::ModelSummary& model) {
            app.modelPreferences().modelOpening(model.path);
            app.modelPreferences().modelLoaded(model);
        };
        {
            Composition app(database);
            auto* settings = app.chat().settings();
            loaded(app, reasoning);
            QVERIFY(settings->thinkingSupported() && settings->effortSupported());
            QCOMPARE(settings->temperature(), 0.6); // the file's recommendation
            QCOMPARE(settings->topK(), 20);
            settings->setThinking(false);
            settings->setReasoningEffort(QStringLiteral("high"));
            settings->setReasoningEffort(QStringLiteral("extreme")); // not a level: medium
            QCOMPARE(settings->reasoningEffort(), QStringLiteral("medium"));
            settings->setReasoningEffort(QStringLiteral("high"));
            loaded(app, plain);
            QVERIFY(!settings->thinkingSupported() && !settings->effortSupported());
            QVERIFY(settings->thinking());
            QCOMPARE(settings->temperature(), double(conclave::SamplingParams{}.temperature));
        }
        Composition app(database);
        auto* settings = app.chat().settings();
        loaded(app, reasoning);
        QVERIFY(!settings->thinking());
        QCOMPARE(settings->reasoningEffort(), QStringLiteral("high"));
        settings->resetToDefaults();
        QVERIFY(settings->thinking());
        QCOMPARE(settings->reasoningEffort(), QStringLiteral("medium"));
        QCOMPARE(settings->temperature(), 0.6);
        QCOMPARE(settings->topK(), 20);
    }

    // The drawer shows Thinking and Reasoning effort only for a model whose template reads
    // them, without a QML warning, showing the choice in effect.
    void reasoningControlsShowOnlyWhenOffered() {
        Composition app(freshDatabase());
        QVERIFY(app.window().show());
        QQuickWindow* window = app.window().window();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        auto* drawer = window->findChild<QObject*>(QStringLiteral("settingsDrawer"));
        QVERIFY(drawer);
        QMetaObject::invokeMethod(drawer, "open");
        QTRY_VERIFY(drawer->property("opened").toBool());
        auto* thinking = window->findChild<QQuickItem*>(QStringLiteral("thinkingSwitch"));
        auto* effort = window->findChild<QQuickItem*>(QStringLiteral("reasoningEffort"));
        QVERIFY(thinking && effort);
        QVERIFY(!thinking->isVisible() && !effort->isVisible());

        conclave::app::ModelSummary reasoning;
        reasoning.path = m_dir.filePath(QStringLiteral("gpt-oss.gguf"));
        reasoning.thinkingSwitch = true;
        reasoning.effortChoice = true;
        app.modelPreferences().modelOpening(reasoning.path);
        app.modelPreferences().modelLoaded(reasoning);
        app.chat().settings()->setThinking(false);
        QTRY_VERIFY(thinking->isVisible() && effort->isVisible());
        QCOMPARE(thinking->property("checked").toBool(), false);
        app.chat().settings()->setThinking(true);
        QCOMPARE(thinking->property("checked").toBool(), true);
    }

    // A settings write the database refuses (another connection holds the write lock past
    // the busy timeout) shows in the banner; the choice stays in effect, and once the
    // database is free the write goes through, the banner clears and the choice survives a
    // restart.
    void refusedSettingsWriteShowsInTheBanner() {
        const QString database = freshDatabase();
        {
            Composition app(database);
            auto blocker = std::make_unique<storage::Database>(database.toStdString());
            auto hold = std::make_unique<storage::Transaction>(*blocker);
            app.appSettings().setTheme(QStringLiteral("dark"));
            QCOMPARE(app.appSettings().theme(), QStringLiteral("dark"));
            QVERIFY(app.chat().errorVisible());
            QCOMPARE(app.chat().errorTitle(), QStringLiteral("Could not save the settings"));
            QVERIFY(app.chat().errorDetails().contains(QStringLiteral("busy")));
            hold.reset();
            blocker.reset();
            QVERIFY(app.appSettings().saveNow());
            QVERIFY(!app.chat().errorVisible());

            // A model's change refused while another model opens is kept and written later.
            conclave::app::ModelSummary first;
            first.path = m_dir.filePath(QStringLiteral("first.gguf"));
            conclave::app::ModelSummary second;
            second.path = m_dir.filePath(QStringLiteral("second.gguf"));
            app.modelPreferences().modelOpening(first.path);
            app.modelPreferences().modelLoaded(first);
            app.chat().settings()->setTopK(7);
            blocker = std::make_unique<storage::Database>(database.toStdString());
            hold = std::make_unique<storage::Transaction>(*blocker);
            app.modelPreferences().modelOpening(second.path);
            app.modelPreferences().modelLoaded(second);
            QVERIFY(app.chat().errorVisible());
            hold.reset();
            blocker.reset();
            QVERIFY(app.modelPreferences().saveNow());
            QVERIFY(!app.chat().errorVisible());
            QCOMPARE(storedSettings(database, first.path).sampling.top_k,
                     std::optional<std::int64_t>(7));
        }
        Composition app(database);
        QCOMPARE(app.appSettings().theme(), QStringLiteral("dark"));
    }

    void appSettingsSurviveARestartAndApply() {
        const QString database = freshDatabase();
        {
            Composition app(database);
            QCOMPARE(app.appSettings().theme(), QStringLiteral("system"));
            QVERIFY(!app.appSettings().ctrlEnterSends());
            QCOMPARE(app.appSettings().dataFolder(), QFileInfo(database).absolutePath());
            // The system's language first, then English and the translations compiled in.
            const QVariantList languages = app.appSettings().languages();
            QVERIFY(languages.size() >= 3);
            QCOMPARE(languages[0].toMap().value(QStringLiteral("code")).toString(), QString());
            QCOMPARE(app.appSettings().language(), QString());
            app.appSettings().setTheme(QStringLiteral("light"));
            app.appSettings().setSendKey(QStringLiteral("ctrlEnter"));
            app.appSettings().setLanguage(QStringLiteral("en"));
            app.appSettings().setTheme(QStringLiteral("purple")); // not a theme: ignored
        }
        Composition app(database);
        QCOMPARE(app.appSettings().theme(), QStringLiteral("light"));
        QVERIFY(app.appSettings().ctrlEnterSends());
        QCOMPARE(app.appSettings().language(), QStringLiteral("en"));
        // Choosing German retranslates the window at once; back to English.
        app.appSettings().setLanguage(QStringLiteral("de"));
        QCOMPARE(QCoreApplication::translate("conclave::ui::AppSettings", "System language"),
                 QStringLiteral("Systemsprache"));
        app.appSettings().setLanguage(QStringLiteral("en"));
        QCOMPARE(QCoreApplication::translate("conclave::ui::AppSettings", "System language"),
                 QStringLiteral("System language"));

        QVERIFY(app.window().show());
        QQuickWindow* window = app.window().window();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        QCOMPARE(window->color(), QColor(QStringLiteral("#ffffff"))); // Theme.background, light
        app.appSettings().setTheme(QStringLiteral("dark"));
        QTRY_COMPARE(window->color(), QColor(QStringLiteral("#1b1c1f")));
        auto* composer = window->findChild<QQuickItem*>(QStringLiteral("composer"));
        QVERIFY(composer);
        QCOMPARE(composer->property("ctrlEnterSends").toBool(), true);
        app.appSettings().setSendKey(QStringLiteral("enter"));
        QCOMPARE(composer->property("ctrlEnterSends").toBool(), false);
    }

    // The app-wide GPU is kept as the device's index and name in the real store: it survives a
    // restart on the same devices; when the device at that index has another name (or there is
    // none) the choice is automatic with a notice naming the old device, and the stored choice
    // waits for the device to come back until the user chooses again. Devices are given as
    // the probe would report them; no GPU is needed.
    void gpuChoiceRoundTripsAndFallsBackWhenTheDeviceChanged() {
        using conclave::GpuKind;
        using conclave::app::GpuDeviceInfo;
        using conclave::ui::AppSettings;
        const QString database = freshDatabase();
        const QList<GpuDeviceInfo> before{
            {0, QStringLiteral("llvmpipe (LLVM 15.0.6, 256 bits)"), GpuKind::software, 2ull << 30},
            {1, QStringLiteral("AMD Radeon RX 7900 XTX"), GpuKind::discrete, 24ull << 30}};
        QList<GpuDeviceInfo> swapped = before;
        swapped[1] = {1, QStringLiteral("NVIDIA GeForce RTX 4090"), GpuKind::discrete, 24ull << 30};
        // One start of the app: the database opened, the settings read, `check` run, closed.
        const auto start = [&](const QList<GpuDeviceInfo>& devices, const auto& check) {
            conclave::app::ChatStorage storage = conclave::app::openChatStorage(database);
            QVERIFY(storage.database);
            AppSettings settings(storage.preferences.get(), m_dir.path(), {}, devices);
            check(settings, *storage.preferences);
        };
        const auto stored = [](const conclave::ui::PreferenceStore& store) {
            return store.value(QStringLiteral("gpu_device_index")).value_or(QString()) + u'|' +
                   store.value(QStringLiteral("gpu_device_name")).value_or(QString());
        };

        start(before, [&](AppSettings& settings, conclave::ui::PreferenceStore& store) {
            QCOMPARE(settings.gpuDevice(), -1); // automatic until chosen
            QCOMPARE(settings.gpuDeviceNotice(), QString());
            const QVariantList listed = settings.gpuDevices();
            QCOMPARE(listed.size(), 2);
            const QVariantMap radeon = listed[1].toMap();
            QCOMPARE(radeon.value(QStringLiteral("index")).toInt(), 1);
            QCOMPARE(radeon.value(QStringLiteral("name")).toString(), before[1].name);
            QCOMPARE(radeon.value(QStringLiteral("kind")).toString(),
                     QStringLiteral("discrete GPU"));
            QCOMPARE(radeon.value(QStringLiteral("memoryGiB")).toDouble(), 24.0);
            QCOMPARE(radeon.value(QStringLiteral("label")).toString(),
                     QStringLiteral("AMD Radeon RX 7900 XTX — discrete GPU, %1 GiB")
                         .arg(QLocale().toString(24.0, 'f', 1)));
            QCOMPARE(listed[0].toMap().value(QStringLiteral("kind")).toString(),
                     QStringLiteral("software renderer on the CPU"));
            QSignalSpy chosen(&settings, &AppSettings::gpuDeviceChanged);
            settings.setGpuDevice(5); // not a device here: ignored
            QCOMPARE(settings.gpuDevice(), -1);
            settings.setGpuDevice(1);
            QCOMPARE(settings.gpuDevice(), 1);
            QCOMPARE(chosen.count(), 1);
            QCOMPARE(chosen.at(0).at(0).toInt(), 1);
            QCOMPARE(stored(store), QStringLiteral("1|AMD Radeon RX 7900 XTX"));
        });
        start(before, [&](AppSettings& settings, conclave::ui::PreferenceStore&) {
            QCOMPARE(settings.gpuDevice(), 1);
            QCOMPARE(settings.gpuDeviceNotice(), QString());
        });
        // Another card in the same slot, then no GPU at all: automatic, and the drawer says so.
        for (const QList<GpuDeviceInfo>& devices : {swapped, QList<GpuDeviceInfo>{}}) {
            start(devices, [&](AppSettings& settings, conclave::ui::PreferenceStore& store) {
                QCOMPARE(settings.gpuDevice(), -1);
                QVERIFY2(
                    settings.gpuDeviceNotice().contains(QStringLiteral("AMD Radeon RX 7900 XTX")),
                    qPrintable(settings.gpuDeviceNotice()));
                QCOMPARE(stored(store), QStringLiteral("1|AMD Radeon RX 7900 XTX"));
            });
        }
        start(before, [&](AppSettings& settings, conclave::ui::PreferenceStore&) {
            QCOMPARE(settings.gpuDevice(), 1); // the card is back
        });
        start(swapped, [&](AppSettings& settings, conclave::ui::PreferenceStore& store) {
            QSignalSpy changed(&settings, &AppSettings::changed);
            settings.setGpuDevice(-1); // choosing automatic replaces the old choice
            QCOMPARE(changed.count(), 1);
            QCOMPARE(settings.gpuDeviceNotice(), QString());
            QCOMPARE(stored(store), QStringLiteral("-1|"));
        });
        start(before, [&](AppSettings& settings, conclave::ui::PreferenceStore&) {
            QCOMPARE(settings.gpuDevice(), -1);
            QCOMPARE(settings.gpuDeviceNotice(), QString());
        });
    }

    // Through the real composition: the picker lists the startup probe's devices, the chosen
    // one goes with the next load (a tiny model written here runs on it: its placement names
    // the device) and is chosen again after a restart. Needs a Vulkan device (lavapipe will do).
    void chosenGpuReachesTheEngineAndSurvivesARestart() {
        const conclave::GpuProbe probe = conclave::probe_vulkan_devices();
        if (probe.devices.empty())
            QSKIP(qPrintable(QStringLiteral("no Vulkan device: ") +
                             QString::fromStdString(probe.note)));
        const QString database = freshDatabase();
        const QString tiny = m_dir.filePath(QStringLiteral("tiny-qwen3-gpu.gguf"));
        conclave::test::TinyDecoder spec;
        spec.arch = "qwen3";
        spec.matrix_type = conclave::quant::TensorType::Q8_0;
        QVERIFY(conclave::test::write_tiny_decoder(spec, tiny.toStdString()));
        const conclave::GpuDevice& device = probe.devices.back();
        {
            Composition app(database);
            QCOMPARE(app.appSettings().gpuDevices().size(), qsizetype(probe.devices.size()));
            QCOMPARE(app.chat().gpuDevice(), -1);
            app.appSettings().setGpuDevice(device.index);
            QCOMPARE(app.chat().gpuDevice(), device.index);
            app.chat().settings()->setBackend(QStringLiteral("vulkan"));
            app.chat().settings()->setContextLength(256);
            app.chat().settings()->setThreads(2);
            QVERIFY(load(app, tiny));
            const QVariantMap model = app.chat().model();
            QCOMPARE(model.value(QStringLiteral("backendName")).toString(),
                     QStringLiteral("vulkan"));
            const QStringList placement = model.value(QStringLiteral("placement")).toStringList();
            QVERIFY(!placement.isEmpty());
            QCOMPARE(placement.first(),
                     QStringLiteral("Vulkan device: ") + QString::fromStdString(device.name));
        }
        Composition app(database);
        QCOMPARE(app.appSettings().gpuDevice(), device.index);
        QCOMPARE(app.appSettings().gpuDeviceNotice(), QString());
        QCOMPARE(app.chat().gpuDevice(), device.index);
    }

    // With "Send with Ctrl+Enter", Enter starts a new line in the composer and Ctrl+Enter sends.
    void ctrlEnterSendsWhenChosen() {
        if (!haveModel()) QSKIP(conclave::test::missingModelReason());
        Composition app(freshDatabase());
        app.appSettings().setSendKey(QStringLiteral("ctrlEnter"));
        QVERIFY(app.window().show());
        QQuickWindow* window = app.window().window();
        QVERIFY(QTest::qWaitForWindowActive(window));
        app.chat().settings()->setThreads(1);
        QVERIFY(load(app, m_modelPath));
        app.chat().settings()->setMaxTokens(4);
        auto* input = window->findChild<QQuickItem*>(QStringLiteral("composerInput"));
        QVERIFY(input);
        QTRY_VERIFY(input->isEnabled());
        input->forceActiveFocus();
        for (const char c : {'H', 'i'}) QTest::keyClick(window, c);
        QTest::keyClick(window, Qt::Key_Return);
        QCOMPARE(app.chat().messages()->rowCount(), 0);
        QCOMPARE(input->property("text").toString(), QStringLiteral("Hi\n"));
        for (const char c : {'t', 'h', 'e', 'r', 'e'}) QTest::keyClick(window, c);
        QSignalSpy finished(&app.chat(), &ChatController::answerFinished);
        QTest::keyClick(window, Qt::Key_Return, Qt::ControlModifier);
        QTRY_COMPARE(app.chat().messages()->rowCount(), 2);
        QCOMPARE(app.chat().messages()->at(0).text, QStringLiteral("Hi\nthere"));
        QVERIFY(QTest::qWaitFor([&] { return finished.count() == 1; }, 60000));
    }

    // Each way an answer ends reads the same after a restart (the store closed and opened
    // again on the file), in the words the chat shows under the answer.
    void stopReasonsSurviveARestart_data() {
        QTest::addColumn<QString>("reason");
        QTest::addColumn<int>("state");
        QTest::addColumn<QString>("shown");
        QTest::newRow("finished") << "end_of_generation" << int(ChatMessage::State::complete)
                                  << "finished";
        QTest::newRow("token limit")
            << "max_tokens" << int(ChatMessage::State::complete) << "reached the token limit";
        QTest::newRow("context full")
            << "context_full" << int(ChatMessage::State::complete) << "context full";
        QTest::newRow("stop string")
            << "stop_string" << int(ChatMessage::State::complete) << "stop string";
        QTest::newRow("stopped") << "cancelled" << int(ChatMessage::State::stopped) << "stopped";
    }

    void stopReasonsSurviveARestart() {
        QFETCH(QString, reason);
        QFETCH(int, state);
        QFETCH(QString, shown);
        const QString database = freshDatabase();
        qint64 conversation = 0;
        {
            auto opened = storage::open_conclave_database(database.toStdString());
            conclave::app::SqliteConversationStore store(*opened.database);
            conversation = store.createConversation(QStringLiteral("Reasons")).id;
            ChatMessage question;
            question.text = QStringLiteral("Count to three.");
            question = store.appendMessage(conversation, 0, question);
            ChatMessage answer;
            answer.role = ChatMessage::Role::assistant;
            answer.state = ChatMessage::State::streaming;
            answer = store.appendMessage(conversation, question.id, answer);
            answer.text = QStringLiteral("One, two");
            answer.generatedTokens = 4;
            answer.stopReason = reason;
            answer.state = static_cast<ChatMessage::State>(state);
            store.finishAnswer(conversation, answer);
        }
        auto opened = storage::open_conclave_database(database.toStdString());
        conclave::app::SqliteConversationStore store(*opened.database);
        const QList<ChatMessage> branch = store.activeBranch(conversation);
        QCOMPARE(branch.size(), 2);
        QCOMPARE(branch[1].stopReason, reason);
        QVERIFY2(MessageListModel::statsText(branch[1]).endsWith(shown),
                 qPrintable(MessageListModel::statsText(branch[1])));
    }

    // With the real model: an answer cut by the token limit says so after a restart.
    void tokenLimitAnswerSaysSoAfterARestart() {
        if (!haveModel()) QSKIP(conclave::test::missingModelReason());
        const QString database = freshDatabase();
        qint64 conversation = 0;
        {
            Composition app(database);
            app.chat().settings()->setThreads(1);
            QVERIFY(load(app, m_modelPath));
            app.chat().settings()->setMaxTokens(3);
            QSignalSpy finished(&app.chat(), &ChatController::answerFinished);
            QVERIFY(app.chat().sendMessage(QStringLiteral("Write a long story about the sea.")));
            QVERIFY(QTest::qWaitFor([&] { return finished.count() == 1; }, 60000));
            QCOMPARE(app.chat().messages()->at(1).stopReason, QStringLiteral("max_tokens"));
            conversation = app.chat().currentConversationId();
        }
        Composition app(database);
        app.chat().selectConversation(conversation);
        QCOMPARE(app.chat().messages()->rowCount(), 2);
        const QModelIndex answer = app.chat().messages()->index(1);
        QCOMPARE(answer.data(MessageListModel::StopReasonRole).toString(),
                 QStringLiteral("max_tokens"));
        QVERIFY(answer.data(MessageListModel::StatsTextRole)
                    .toString()
                    .endsWith(QStringLiteral("reached the token limit")));
    }
};

QTEST_MAIN(TestSettingsPersistence)
#include "test_settings_persistence.moc"
