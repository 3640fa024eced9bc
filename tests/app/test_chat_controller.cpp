// ChatController over a real EngineWorker (SmolLM2-135M) and the in-memory store: a sent
// message appears with a streaming answer that grows and finishes with its figures; Stop keeps
// the partial answer as "stopped"; switching to a new chat while an answer streams stops it
// and keeps it; regenerate adds a sibling answer (‹ 2/2 ›); a GPU lost while answering (on a
// Vulkan device) ends on the CPU with a notice; a corrupt model file shows the error banner. Both list models are watched by QAbstractItemModelTester throughout.

#include "chat_controller.h"
#include "conclave/gpu_devices.h"
#include "engine_thread.h"
#include "test_model_file.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using conclave::app::EngineThread;
using conclave::ui::ChatController;
using conclave::ui::ChatMessage;
using conclave::ui::InMemoryConversationStore;
using conclave::ui::MessageListModel;

class TestChatController : public QObject {
    Q_OBJECT

    std::unique_ptr<EngineThread> m_engine;
    InMemoryConversationStore m_store;
    std::unique_ptr<ChatController> m_chat;
    std::unique_ptr<QAbstractItemModelTester> m_messagesTester;
    std::unique_ptr<QAbstractItemModelTester> m_conversationsTester;
    QTemporaryDir m_dir;

    QString stateAt(int row) const {
        return m_chat->messages()->data(m_chat->messages()->index(row), MessageListModel::StateRole).toString();
    }
    bool waitForAnswer(QSignalSpy& finished, int count = 1) { return QTest::qWaitFor([&] { return finished.count() >= count; }, 60000); }

private slots:
    void initTestCase() {
        if (!conclave::test::haveDefaultModel()) QSKIP(conclave::test::missingModelReason());
        m_engine = std::make_unique<EngineThread>();
        m_chat = std::make_unique<ChatController>(m_engine->worker(), &m_store);
        m_messagesTester = std::make_unique<QAbstractItemModelTester>(m_chat->messages());
        m_conversationsTester = std::make_unique<QAbstractItemModelTester>(m_chat->conversations());
        m_chat->settings()->setTemperature(0.0);
        m_chat->settings()->setContextLength(2048);
        m_chat->settings()->setThreads(1); // the CI machine is shared; spinning workers fight over cores
        m_chat->settings()->setMaxTokens(48);

        QCOMPARE(m_chat->modelStatus(), ChatController::ModelStatus::NoModel);
        QVERIFY(!m_chat->sendMessage(QStringLiteral("nobody is listening")));
        m_chat->openModel(QUrl::fromLocalFile(conclave::test::defaultModelPath()));
        QCOMPARE(m_chat->modelStatus(), ChatController::ModelStatus::Loading);
        QTRY_COMPARE_WITH_TIMEOUT(m_chat->modelStatus(), ChatController::ModelStatus::Ready, 30000);
        QCOMPARE(m_chat->model().value(QStringLiteral("parameters")).toString(), QStringLiteral("135M"));
        QCOMPARE(m_chat->contextSize(), 2048);
    }

    void cleanupTestCase() {
        m_messagesTester.reset();
        m_conversationsTester.reset();
        m_chat.reset();
        m_engine.reset();
    }

    void sentMessageGetsAStreamedAnswer() {
        QSignalSpy finished(m_chat.get(), &ChatController::answerFinished);
        QList<int> lengths;
        connect(m_chat->messages(), &MessageListModel::dataChanged, this, [&](const QModelIndex& index) {
            if (index.row() == 1) lengths.append(m_chat->messages()->at(1).text.size());
        });
        QVERIFY(m_chat->sendMessage(QStringLiteral("List three fruits.")));
        QCOMPARE(m_chat->messages()->rowCount(), 2);
        QCOMPARE(m_chat->messages()->at(0).text, QStringLiteral("List three fruits."));
        QCOMPARE(stateAt(1), QStringLiteral("streaming"));
        QVERIFY(m_chat->generating());
        QVERIFY(!m_chat->sendMessage(QStringLiteral("too early"))); // one answer at a time

        QVERIFY(waitForAnswer(finished));
        disconnect(m_chat->messages(), nullptr, this, nullptr);
        QVERIFY(!m_chat->generating());
        const ChatMessage& answer = m_chat->messages()->at(1);
        QCOMPARE(stateAt(1), QStringLiteral("complete"));
        QVERIFY(!answer.text.isEmpty());
        QVERIFY(lengths.size() >= 2); // streamed, then finished
        QVERIFY(std::is_sorted(lengths.begin(), lengths.end()) || lengths.constLast() == answer.text.size());
        QVERIFY(answer.generatedTokens > 0);
        QVERIFY(answer.firstTokenMs > 0);
        QVERIFY(MessageListModel::statsText(answer).contains(QStringLiteral("tokens")));
        QVERIFY(!answer.modelName.isEmpty());
        QVERIFY(m_chat->contextUsed() > 0);
        QCOMPARE(m_chat->conversations()->rowCount(), 1);
        QCOMPARE(m_chat->currentTitle(), QStringLiteral("List three fruits."));
        // The store holds what the view shows.
        const QList<ChatMessage> stored = m_store.activeBranch(m_chat->currentConversationId());
        QCOMPARE(stored.size(), 2);
        QCOMPARE(stored.at(1).text, answer.text);
        QCOMPARE(stored.at(1).state, ChatMessage::State::complete);
    }

    void regenerateAddsASiblingAnswer() {
        QVERIFY(m_chat->canRegenerate());
        const qint64 oldId = m_chat->messages()->at(1).id;
        QSignalSpy finished(m_chat.get(), &ChatController::answerFinished);
        m_chat->regenerate();
        QCOMPARE(m_chat->messages()->rowCount(), 2);
        QVERIFY(m_chat->messages()->at(1).id != oldId);
        QCOMPARE(m_chat->messages()->at(1).siblingCount, 2);
        QCOMPARE(m_chat->messages()->at(1).siblingIndex, 1);
        QVERIFY(waitForAnswer(finished));
        QCOMPARE(stateAt(1), QStringLiteral("complete"));
        QCOMPARE(m_store.activeBranch(m_chat->currentConversationId()).size(), 2);
        QCOMPARE(m_store.siblings(m_chat->currentConversationId(), oldId).size(), 2);
    }

    void stopKeepsThePartialAnswer() {
        m_chat->settings()->setMaxTokens(400);
        QSignalSpy finished(m_chat.get(), &ChatController::answerFinished);
        QVERIFY(m_chat->sendMessage(QStringLiteral("Write a long story about a lighthouse keeper.")));
        const int row = m_chat->messages()->rowCount() - 1;
        QVERIFY(QTest::qWaitFor([&] { return m_chat->messages()->at(row).text.size() > 10; }, 30000));
        m_chat->stop();
        QVERIFY(waitForAnswer(finished));
        QCOMPARE(stateAt(row), QStringLiteral("stopped"));
        QVERIFY(m_chat->messages()->at(row).text.size() > 10);
        QVERIFY(MessageListModel::statsText(m_chat->messages()->at(row)).contains(QStringLiteral("stopped")));
        QCOMPARE(m_store.activeBranch(m_chat->currentConversationId()).constLast().state, ChatMessage::State::stopped);
    }

    void newChatWhileStreamingStopsAndKeeps() {
        const qint64 conversation = m_chat->currentConversationId();
        QVERIFY(m_chat->sendMessage(QStringLiteral("Tell me about the sea.")));
        const int row = m_chat->messages()->rowCount() - 1;
        QVERIFY(QTest::qWaitFor([&] { return !m_chat->messages()->at(row).text.isEmpty(); }, 30000));
        m_chat->newConversation();
        QVERIFY(!m_chat->generating());
        QCOMPARE(m_chat->messages()->rowCount(), 0);
        QCOMPARE(m_chat->currentConversationId(), qint64(0));
        const ChatMessage kept = m_store.activeBranch(conversation).constLast();
        QCOMPARE(kept.state, ChatMessage::State::stopped);
        QVERIFY(!kept.text.isEmpty());
        // Late signals of the cancelled answer change nothing; a new chat works at once.
        m_chat->settings()->setMaxTokens(16);
        QSignalSpy finished(m_chat.get(), &ChatController::answerFinished);
        QVERIFY(m_chat->sendMessage(QStringLiteral("Hello!")));
        QVERIFY(waitForAnswer(finished));
        QCOMPARE(m_chat->conversations()->rowCount(), 2);
        QCOMPARE(m_store.activeBranch(conversation).constLast().text, kept.text);

        // Back to the first conversation: its messages, and the context is counted again.
        m_chat->selectConversation(conversation);
        QCOMPARE(m_chat->messages()->rowCount(), m_store.activeBranch(conversation).size());
        QTRY_VERIFY(m_chat->contextUsed() > 0);
    }

    // The GPU lost while answering (the engine's fault injection, on a Vulkan device): the
    // answer finishes on the CPU, the bar's model says "cpu" and the banner shows the engine's
    // note as a notice, not an error.
    void lostGpuWhileAnsweringShowsANotice() {
        const conclave::GpuProbe probe = conclave::probe_vulkan_devices();
        if (probe.devices.empty())
            QSKIP(qPrintable(QStringLiteral("no Vulkan device: ") + QString::fromStdString(probe.note)));
        m_chat->settings()->setBackend(QStringLiteral("vulkan"));
        qputenv("CONCLAVE_VULKAN_FAIL_AFTER", "60"); // read when the device opens
        m_chat->reopenModel();
        const bool ready = QTest::qWaitFor(
            [&] { return m_chat->modelStatus() == ChatController::ModelStatus::Ready; }, 60000);
        qunsetenv("CONCLAVE_VULKAN_FAIL_AFTER");
        m_chat->settings()->setBackend(QStringLiteral("cpu"));
        QVERIFY(ready);
        QCOMPARE(m_chat->model().value(QStringLiteral("backendName")).toString(), QStringLiteral("vulkan"));
        QVERIFY(!m_chat->errorVisible());

        QSignalSpy finished(m_chat.get(), &ChatController::answerFinished);
        QVERIFY(m_chat->sendMessage(QStringLiteral("Name a colour.")));
        QVERIFY(waitForAnswer(finished));
        QCOMPARE(stateAt(finished.at(0).at(0).toInt()), QStringLiteral("complete"));
        QTRY_COMPARE(m_chat->model().value(QStringLiteral("backendName")).toString(), QStringLiteral("cpu"));
        QVERIFY(m_chat->errorVisible());
        QVERIFY(m_chat->bannerIsNotice());
        QVERIFY2(m_chat->errorTitle().contains(QStringLiteral("runs on the CPU")), qPrintable(m_chat->errorTitle()));
        QVERIFY2(m_chat->errorMessage().contains(QStringLiteral("lost")), qPrintable(m_chat->errorMessage()));
        m_chat->dismissError();
    }

    void corruptModelShowsTheErrorBanner() {
        const QString path = m_dir.filePath(QStringLiteral("broken.gguf"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        // The GGUF magic and version 3, then a tensor count far past what the file holds.
        file.write(QByteArray("GGUF\x03\x00\x00\x00\xff\xff\xff\xff\xff\xff\x00\x00", 16) + QByteArray(8, '\0'));
        file.close();
        QSignalSpy errors(m_chat.get(), &ChatController::errorChanged);
        m_chat->openModel(QUrl::fromLocalFile(path));
        QTRY_VERIFY_WITH_TIMEOUT(m_chat->errorVisible(), 10000);
        QVERIFY(m_chat->errorTitle().contains(QStringLiteral("broken.gguf")));
        QVERIFY(!m_chat->errorMessage().isEmpty());
        QVERIFY(!m_chat->errorHint().isEmpty());
        QVERIFY(m_chat->errorDetails().contains(QStringLiteral("invalid_format")));
        QVERIFY(!m_chat->bannerIsNotice());
        QCOMPARE(m_chat->modelStatus(), ChatController::ModelStatus::NoModel);
        m_chat->dismissError();
        QVERIFY(!m_chat->errorVisible());
    }
};

QTEST_MAIN(TestChatController)
#include "test_chat_controller.moc"
