// Qt Quick Tests of the chat's components (tests/app/qml/tst_*.qml): the composer, the
// message delegate and the sidebar, driven by keys and clicks as a user would. The sidebar
// runs over a real ChatController with the in-memory store, seeded here, and the real engine
// thread (no model is loaded). The QML gets it as the context property `chatController`,
// with `testAppSettings` (over an in-memory store) and `tinyModelUrl`, a tiny random-weight model
// written here that a test may open. The controller's settings say no GPU is available, with
// the reason "no Vulkan driver (test)", so the drawer's GPU choice is disabled; `testGpu`
// switches that as the startup probe would, and `testReasoning` whether the loaded model's
// chat template offers thinking and effort. The app settings offer two GPUs, as a probe
// would report them: 0 "llvmpipe (test)" (software, 2 GiB), 1 "Test GPU 9000" (discrete,
// 16 GiB). `codePanelController` is a CodePanelController over the same in-memory store (no
// model loaded).

#include "app_settings.h"
#include "chat_controller.h"
#include "code_panel_controller.h"
#include "code_panel_sessions.h"
#include "conversation_store.h"
#include "engine_thread.h"
#include "preference_store.h"
#include "tiny_models.h"

#include <QFileInfo>
#include <QQmlContext>
#include <QQmlEngine>
#include <QTemporaryDir>
#include <QUrl>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest>

#include <memory>

Q_IMPORT_QML_PLUGIN(Conclave_ChatPlugin)
Q_IMPORT_QML_PLUGIN(Conclave_CodePanelPlugin)

using conclave::ui::AppSettings;
using conclave::ui::ChatController;
using conclave::ui::ChatMessage;
using conclave::ui::InMemoryConversationStore;
using conclave::ui::InMemoryPreferenceStore;

// Makes the GPU available to the drawer or not, as the startup probe would.
class GpuSwitch : public QObject {
    Q_OBJECT
public:
    explicit GpuSwitch(conclave::ui::SamplingSettings* settings) : m_settings(settings) {}
    Q_INVOKABLE void setAvailable(bool available) {
        m_settings->setGpuAvailability(
            available, available ? QString() : QStringLiteral("no Vulkan driver (test)"));
    }

private:
    conclave::ui::SamplingSettings* m_settings;
};

// Says whether the loaded model's chat template offers thinking and effort, as a load would.
class ReasoningSwitch : public QObject {
    Q_OBJECT
public:
    explicit ReasoningSwitch(conclave::ui::SamplingSettings* settings) : m_settings(settings) {}
    Q_INVOKABLE void setSupport(bool thinking, bool effort) {
        m_settings->setReasoningSupport(thinking, effort);
    }

private:
    conclave::ui::SamplingSettings* m_settings;
};

class ChatQmlSetup : public QObject {
    Q_OBJECT
public slots:
    void qmlEngineAvailable(QQmlEngine* engine) {
        engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
        // Each test file gets a fresh controller over a store with three conversations:
        // "Pinned plan" (pinned), "Rust lifetimes" and "Soup recipe".
        m_codePanel.reset();
        m_panelSessions.reset();
        m_gpuSwitch.reset();
        m_reasoningSwitch.reset();
        m_chat.reset();
        m_store = std::make_unique<InMemoryConversationStore>();
        for (const char* title : {"Soup recipe", "Rust lifetimes", "Pinned plan"}) {
            const qint64 id = m_store->createConversation(QString::fromUtf8(title)).id;
            ChatMessage question;
            question.role = ChatMessage::Role::user;
            question.text = QStringLiteral("About ") + QString::fromUtf8(title);
            m_store->appendMessage(id, 0, question);
            if (QByteArrayView(title) == "Pinned plan") m_store->setPinned(id, true);
        }
        m_chat = std::make_unique<ChatController>(m_engine.worker(), m_store.get());
        m_gpuSwitch = std::make_unique<GpuSwitch>(m_chat->settings());
        m_gpuSwitch->setAvailable(false);
        engine->rootContext()->setContextProperty(QStringLiteral("testGpu"), m_gpuSwitch.get());
        m_reasoningSwitch = std::make_unique<ReasoningSwitch>(m_chat->settings());
        engine->rootContext()->setContextProperty(QStringLiteral("testReasoning"),
                                                  m_reasoningSwitch.get());
        engine->rootContext()->setContextProperty(QStringLiteral("chatController"), m_chat.get());
        // The code panel over the same in-memory stores, no model loaded.
        m_panelSessions = std::make_unique<conclave::ui::InMemoryCodePanelSessions>(m_store.get());
        m_codePanel = std::make_unique<conclave::ui::CodePanelController>(
            m_engine.worker(), m_chat.get(), m_store.get(), m_panelSessions.get(), &m_panelPreferences);
        engine->rootContext()->setContextProperty(QStringLiteral("codePanelController"), m_codePanel.get());
        using conclave::GpuKind;
        const QList<conclave::app::GpuDeviceInfo> gpus{
            {0, QStringLiteral("llvmpipe (test)"), GpuKind::software, 2ull << 30},
            {1, QStringLiteral("Test GPU 9000"), GpuKind::discrete, 16ull << 30}};
        m_appSettings =
            std::make_unique<AppSettings>(&m_preferences, m_dir.path(), QStringList{}, gpus);
        engine->rootContext()->setContextProperty(QStringLiteral("testAppSettings"),
                                                  m_appSettings.get());
        const QString tinyModel = m_dir.filePath(QStringLiteral("tiny-llama.gguf"));
        if (!QFileInfo::exists(tinyModel) &&
            !conclave::test::write_tiny_decoder({}, tinyModel.toStdString()))
            qWarning("could not write the tiny model");
        engine->rootContext()->setContextProperty(QStringLiteral("tinyModelUrl"),
                                                  QUrl::fromLocalFile(tinyModel));
    }

private:
    conclave::app::EngineThread m_engine;
    std::unique_ptr<InMemoryConversationStore> m_store;
    std::unique_ptr<ChatController> m_chat;
    std::unique_ptr<GpuSwitch> m_gpuSwitch;
    std::unique_ptr<ReasoningSwitch> m_reasoningSwitch;
    QTemporaryDir m_dir;
    InMemoryPreferenceStore m_preferences;
    std::unique_ptr<AppSettings> m_appSettings;
    InMemoryPreferenceStore m_panelPreferences;
    std::unique_ptr<conclave::ui::InMemoryCodePanelSessions> m_panelSessions;
    std::unique_ptr<conclave::ui::CodePanelController> m_codePanel;
};

QUICK_TEST_MAIN_WITH_SETUP(chat_qml, ChatQmlSetup)
#include "test_chat_qml.moc"
