// The chat window over the real SQLite store (SqliteConversationStore on a database opened
// with open_conclave_database in a QTemporaryDir) and the real SmolLM2 model. A "restart"
// destroys the controller, the store and the database connection and opens them again on
// the same file. Proves: conversations, branches and figures survive a restart; regenerate
// makes ‹ 2/2 › and switching back shows the first answer; edit makes a branch; an answer is
// written while it streams and a stopped one keeps its partial text as "stopped"; rename,
// pin, delete with undo; a size-limited database shows the error, keeps the conversation on
// screen and saves it once there is room again. Skips when the model is absent.

#include "chat_controller.h"
#include "chat_storage.h"
#include "conclave/storage/conversation_store.h"
#include "conclave/storage/database.h"
#include "conclave/storage/open_database.h"
#include "engine_thread.h"
#include "sqlite_conversation_store.h"
#include "test_model_file.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

using conclave::app::EngineThread;
using conclave::app::SqliteConversationStore;
using conclave::ui::ChatController;
using conclave::ui::ChatMessage;
using conclave::ui::MessageListModel;
namespace storage = conclave::storage;

namespace {

// One run of the app's chat over one database file.
struct Session {
    std::unique_ptr<storage::Database> db;
    std::unique_ptr<SqliteConversationStore> store;
    std::unique_ptr<ChatController> chat;
    std::unique_ptr<QAbstractItemModelTester> messagesTester;
    std::unique_ptr<QAbstractItemModelTester> conversationsTester;
};

} // namespace

class TestChatPersistence : public QObject {
    Q_OBJECT

    std::unique_ptr<EngineThread> m_engine;
    QTemporaryDir m_dir;
    QString m_path;
    Session m_s;

    ChatController& chat() { return *m_s.chat; }
    const ChatMessage& at(int row) { return m_s.chat->messages()->at(row); }

    // Opens the database (as the app does) and a controller with the model loaded.
    bool start(const QString& path, int maxTokens) {
        m_s = {};
        m_s.db = storage::open_conclave_database(path.toStdString()).database;
        m_s.store = std::make_unique<SqliteConversationStore>(*m_s.db);
        m_s.chat = std::make_unique<ChatController>(m_engine->worker(), m_s.store.get());
        m_s.messagesTester = std::make_unique<QAbstractItemModelTester>(m_s.chat->messages());
        m_s.conversationsTester =
            std::make_unique<QAbstractItemModelTester>(m_s.chat->conversations());
        m_s.chat->settings()->setTemperature(0.0);
        m_s.chat->settings()->setContextLength(1024);
        m_s.chat->settings()->setThreads(1);
        m_s.chat->settings()->setMaxTokens(maxTokens);
        m_s.chat->openModel(QUrl::fromLocalFile(conclave::test::defaultModelPath()));
        return QTest::qWaitFor(
            [&] { return m_s.chat->modelStatus() == ChatController::ModelStatus::Ready; }, 30000);
    }
    void quit() {
        if (m_s.chat) m_s.chat->prepareToQuit();
        m_s.messagesTester.reset();
        m_s.conversationsTester.reset();
        m_s.chat.reset();
        m_s.store.reset();
        m_s.db.reset();
    }
    bool answer(const std::function<void()>& action) {
        QSignalSpy finished(m_s.chat.get(), &ChatController::answerFinished);
        action();
        return QTest::qWaitFor([&] { return finished.count() >= 1; }, 60000);
    }
    // What another connection (a second window, the next start) reads from the file now.
    static storage::ConversationView onDisk(const QString& path, qint64 conversation) {
        storage::Database db(path.toStdString(), storage::Database::Mode::read_only);
        return storage::ConversationStore(db).open_conversation(conversation);
    }

private slots:
    void initTestCase() {
        if (!conclave::test::haveDefaultModel()) QSKIP(conclave::test::missingModelReason());
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("conclave.db"));
        m_engine = std::make_unique<EngineThread>();
    }

    void cleanupTestCase() {
        quit();
        m_engine.reset();
    }

    void branchesAndFiguresSurviveARestart() {
        QVERIFY(start(m_path, 12));
        QVERIFY(answer([&] { QVERIFY(chat().sendMessage(QStringLiteral("Name a colour."))); }));
        const qint64 conversation = chat().currentConversationId();
        QVERIFY(conversation > 0);
        const ChatMessage first = at(1);
        QVERIFY(first.id > 0 && !first.text.isEmpty() && first.generatedTokens > 0);

        // Regenerate: a sibling answer, ‹ 2/2 ›; switching back shows the first answer.
        chat().settings()->setTemperature(1.5);
        chat().settings()->setSeed(7);
        QVERIFY(answer([&] { chat().regenerate(); }));
        QCOMPARE(chat().messages()->rowCount(), 2);
        QCOMPARE(at(1).siblingIndex, 1);
        QCOMPARE(at(1).siblingCount, 2);
        QVERIFY(at(1).id != first.id);
        const ChatMessage second = at(1);
        chat().showSibling(1, -1);
        QCOMPARE(at(1).id, first.id);
        QCOMPARE(at(1).text, first.text);
        QCOMPARE(at(1).siblingIndex, 0);
        QCOMPARE(at(1).siblingCount, 2);
        chat().showSibling(1, +1);
        QCOMPARE(at(1).id, second.id);

        // Edit the question: a sibling question with its own answer.
        QVERIFY(answer([&] { QVERIFY(chat().editMessage(0, QStringLiteral("Name a fruit."))); }));
        QCOMPARE(chat().messages()->rowCount(), 2);
        QCOMPARE(at(0).text, QStringLiteral("Name a fruit."));
        QCOMPARE(at(0).siblingIndex, 1);
        QCOMPARE(at(0).siblingCount, 2);
        QCOMPARE(at(1).siblingCount, 1);
        const ChatMessage edited = at(1);

        chat().renameConversation(conversation, QStringLiteral("  Colours   and fruit "));
        chat().setPinned(conversation, true);
        QCOMPARE(chat().currentTitle(), QStringLiteral("Colours and fruit"));

        // Restart: everything is there, on the branch that was on screen.
        quit();
        QVERIFY(start(m_path, 12));
        QCOMPARE(chat().conversations()->rowCount(), 1);
        auto* list = chat().conversations();
        QCOMPARE(
            list->data(list->index(0), conclave::ui::ConversationListModel::TitleRole).toString(),
            QStringLiteral("Colours and fruit"));
        QVERIFY(
            list->data(list->index(0), conclave::ui::ConversationListModel::PinnedRole).toBool());
        chat().selectConversation(conversation);
        QCOMPARE(chat().messages()->rowCount(), 2);
        QCOMPARE(at(0).text, QStringLiteral("Name a fruit."));
        QCOMPARE(at(0).siblingCount, 2);
        QCOMPARE(at(1).text, edited.text);
        QCOMPARE(at(1).state, ChatMessage::State::complete);
        QCOMPARE(at(1).modelName, edited.modelName);
        QCOMPARE(at(1).generatedTokens, edited.generatedTokens);
        QCOMPARE(at(1).firstTokenMs, edited.firstTokenMs);
        QCOMPARE(at(1).tokensPerSecond, edited.tokensPerSecond);
        QVERIFY(MessageListModel::statsText(at(1)).contains(QStringLiteral("tok/s")));

        // The original question still has both answers; the newest is shown first.
        chat().showSibling(0, -1);
        QCOMPARE(at(0).text, QStringLiteral("Name a colour."));
        QCOMPARE(at(1).id, second.id);
        chat().showSibling(1, -1);
        QCOMPARE(at(1).text, first.text);
        QVERIFY(chat().canRegenerate());
    }

    void aStoppedAnswerIsOnDiskWithItsPartialText() {
        chat().settings()->setMaxTokens(400);
        chat().settings()->setTemperature(0.0);
        chat().newConversation();
        QSignalSpy finished(&chat(), &ChatController::answerFinished);
        // A GUI timer measures the longest stall of the event loop while the answer streams
        // and is saved once a second.
        QElapsedTimer clock;
        qint64 last = 0, longest = 0;
        QTimer ticker;
        ticker.setInterval(5);
        connect(&ticker, &QTimer::timeout, this, [&] {
            longest = std::max(longest, clock.elapsed() - last);
            last = clock.elapsed();
        });
        QVERIFY(
            chat().sendMessage(QStringLiteral("Write a long story about a lighthouse keeper.")));
        clock.start();
        ticker.start();
        const qint64 conversation = chat().currentConversationId();
        const qint64 answerId = at(1).id;
        QVERIFY(answerId > 0);
        // Written while it streams: after ~1.5 s another connection reads text, still streaming.
        QTest::qWait(1500);
        QVERIFY2(finished.isEmpty(), "the answer ended too soon to test streaming saves");
        const storage::ConversationView during = onDisk(m_path, conversation);
        QCOMPARE(during.branch.back().message.id, answerId);
        QCOMPARE(during.branch.back().message.state, storage::MessageState::streaming);
        QVERIFY(!during.branch.back().message.content.empty());
        chat().stop();
        QVERIFY(QTest::qWaitFor([&] { return finished.count() >= 1; }, 30000));
        ticker.stop();
        qInfo("longest GUI stall while streaming with saves: %lld ms", longest);
        QVERIFY2(longest < 250, qPrintable(QStringLiteral("GUI stalled %1 ms").arg(longest)));

        QCOMPARE(at(1).state, ChatMessage::State::stopped);
        const storage::Message saved = onDisk(m_path, conversation).branch.back().message;
        QCOMPARE(saved.state, storage::MessageState::stopped);
        QCOMPARE(QString::fromStdString(saved.content), at(1).text);
        QVERIFY(saved.content.size() > during.branch.back().message.content.size() / 2);
        QVERIFY(saved.stats.completion_tokens > 0);

        // After a restart it reads "stopped" with its text.
        quit();
        QVERIFY(start(m_path, 12));
        chat().selectConversation(conversation);
        QCOMPARE(at(1).state, ChatMessage::State::stopped);
        QCOMPARE(QString::fromStdString(saved.content), at(1).text);
        QVERIFY(MessageListModel::statsText(at(1)).contains(QStringLiteral("stopped")));
    }

    void deleteWaitsForUndo() {
        QCOMPARE(chat().conversations()->rowCount(), 2);
        const qint64 doomed = chat().currentConversationId();
        chat().deleteConversation(doomed);
        QVERIFY(chat().undoVisible());
        QCOMPARE(chat().undoTitle(),
                 QStringLiteral("Write a long story about a lighthouse keeper."));
        QCOMPARE(chat().conversations()->rowCount(), 1);
        QCOMPARE(chat().currentConversationId(), qint64(0));
        QCOMPARE(chat().messages()->rowCount(), 0);
        chat().undoDelete();
        QVERIFY(!chat().undoVisible());
        QCOMPARE(chat().conversations()->rowCount(), 2);
        chat().selectConversation(doomed);
        QCOMPARE(chat().messages()->rowCount(), 2);

        chat().deleteConversation(doomed);
        quit(); // quitting makes the pending delete final
        QVERIFY(start(m_path, 12));
        QCOMPARE(chat().conversations()->rowCount(), 1);
        QCOMPARE(chat().conversations()->rowOf(doomed), -1);
    }

    void aFullDatabaseKeepsTheConversationAndSavesLater() {
        chat().newConversation();
        QVERIFY(answer([&] { QVERIFY(chat().sendMessage(QStringLiteral("Say hello."))); }));
        const qint64 conversation = chat().currentConversationId();
        QVERIFY(!chat().errorVisible());

        // No page beyond those the file has now.
        storage::Statement pages = m_s.db->prepare("PRAGMA page_count");
        QVERIFY(pages.step());
        const qint64 pageCount = pages.int64(0);
        m_s.db->exec("PRAGMA max_page_count = " + std::to_string(pageCount));
        const QString big = QStringLiteral("Reply with one word. ") + QString(6000, u'=');
        QVERIFY(answer([&] { QVERIFY(chat().sendMessage(big)); }));
        QVERIFY(chat().errorVisible());
        QVERIFY(chat().errorDetails().contains(QStringLiteral("disk_full")));
        QVERIFY(!chat().errorHint().isEmpty());
        QCOMPARE(chat().messages()->rowCount(), 4); // kept on screen
        QCOMPARE(at(2).text, big.trimmed());
        QVERIFY(at(2).id < 0 && at(3).id < 0); // not saved yet
        QVERIFY(!at(3).text.isEmpty());
        QVERIFY(!chat().retrySaving()); // still full
        QCOMPARE(onDisk(m_path, conversation).branch.size(), std::size_t(2));

        // Room again: the retry saves both and the banner goes.
        m_s.db->exec("PRAGMA max_page_count = 1073741823");
        QVERIFY(chat().retrySaving());
        QVERIFY(!chat().errorVisible());
        QVERIFY(at(2).id > 0 && at(3).id > 0);
        const storage::ConversationView saved = onDisk(m_path, conversation);
        QCOMPARE(saved.branch.size(), std::size_t(4));
        QCOMPARE(QString::fromStdString(saved.branch.at(2).message.content), big.trimmed());
        QCOMPARE(QString::fromStdString(saved.branch.at(3).message.content), at(3).text);
    }

    // The composition root's opening: a database from a newer Conclave is refused untouched
    // and the window keeps working in memory, with the reason in the banner; a damaged one is
    // moved aside and the banner says where.
    void openingNewsGoesToTheBanner() {
        const QString path = m_dir.filePath(QStringLiteral("newer.db"));
        {
            storage::Database db(path.toStdString());
            db.exec("CREATE TABLE t(x); PRAGMA user_version = 999;");
        }
        conclave::app::ChatStorage opened = conclave::app::openChatStorage(path);
        QVERIFY(!opened.database);
        QVERIFY(opened.store);
        QVERIFY(!opened.noticeTitle.isEmpty());
        QVERIFY(opened.noticeHint.contains(QStringLiteral("newer")));
        QVERIFY(opened.store->createConversation(QStringLiteral("in memory")).id > 0);

        conclave::app::ChatStorage fresh =
            conclave::app::openChatStorage(m_dir.filePath(QStringLiteral("fresh.db")));
        QVERIFY(fresh.database);
        QVERIFY(fresh.noticeTitle.isEmpty());

        // A file that is not a database is moved aside; the notice says where.
        const QString junk = m_dir.filePath(QStringLiteral("junk.db"));
        QFile file(junk);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(8192, 'x'));
        file.close();
        conclave::app::ChatStorage recovered = conclave::app::openChatStorage(junk);
        QVERIFY(recovered.database);
        QVERIFY(recovered.noticeTitle.contains(QStringLiteral("damaged")));
        QVERIFY(recovered.noticeMessage.contains(QStringLiteral("junk.db.corrupt-")));
    }
};

QTEST_MAIN(TestChatPersistence)
#include "test_chat_persistence.moc"
