// Qt Quick Tests of the chat's components (tests/app/qml/tst_*.qml): the composer, the
// message delegate and the sidebar, driven by keys and clicks as a user would. The sidebar
// runs over a real ChatController with the in-memory store, seeded here, and the real engine
// thread (no model is loaded). The QML gets it as the context property `chatController`,
// with `testAppSettings` (over an in-memory store) and `tinyModelUrl`, a tiny random-weight model
// written here that a test may open. The controller's settings say no GPU is available, with
// the reason "no Vulkan driver (test)", so the drawer's GPU choice is disabled.

#include "app_settings.h"
#include "chat_controller.h"
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

using conclave::ui::AppSettings;
using conclave::ui::ChatController;
using conclave::ui::ChatMessage;
using conclave::ui::InMemoryConversationStore;
using conclave::ui::InMemoryPreferenceStore;

class ChatQmlSetup : public QObject {
    Q_OBJECT
public slots:
    void qmlEngineAvailable(QQmlEngine* engine) {
        engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
        // Each test file gets a fresh controller over a store with three conversations:
        // "Pinned plan" (pinned), "Rust lifetimes" and "Soup recipe".
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
        m_chat->settings()->setGpuAvailability(false, QStringLiteral("no Vulkan driver (test)"));
        engine->rootContext()->setContextProperty(QStringLiteral("chatController"), m_chat.get());
        m_appSettings = std::make_unique<AppSettings>(&m_preferences, m_dir.path(), QStringList{});
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
    QTemporaryDir m_dir;
    InMemoryPreferenceStore m_preferences;
    std::unique_ptr<AppSettings> m_appSettings;
};

QUICK_TEST_MAIN_WITH_SETUP(chat_qml, ChatQmlSetup)
#include "test_chat_qml.moc"
