// SqliteConversationStore on its own (no model): the tree through the ui interface, how a
// streaming answer reaches the file (whole UTF-8 characters only, rewritten whole when the
// text stops extending what was written), a failed finishing write kept and retried, and
// storage errors turned into StoreError with their kind.

#include "conclave/storage/conversation_store.h"
#include "conclave/storage/database.h"
#include "conclave/storage/open_database.h"
#include "sqlite_conversation_store.h"

#include <QTemporaryDir>
#include <QtTest>

using conclave::app::SqliteConversationStore;
using conclave::ui::ChatMessage;
using conclave::ui::StoreError;
namespace storage = conclave::storage;

class TestSqliteConversationStore : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_files = 0;

    std::unique_ptr<storage::Database> open() {
        return storage::open_conclave_database(
                   m_dir.filePath(QStringLiteral("db%1.db").arg(++m_files)).toStdString())
            .database;
    }
    static ChatMessage streamingAnswer() {
        ChatMessage answer;
        answer.role = ChatMessage::Role::assistant;
        answer.state = ChatMessage::State::streaming;
        answer.modelName = QStringLiteral("test model");
        return answer;
    }
    static storage::Message saved(storage::Database& db, qint64 id) {
        return storage::ConversationStore(db).message(id);
    }

private slots:
    void treeThroughTheInterface() {
        auto db = open();
        SqliteConversationStore store(*db);
        const qint64 c = store.createConversation(QStringLiteral("tree")).id;
        ChatMessage user;
        user.text = QStringLiteral("question");
        user = store.appendMessage(c, 0, user);
        QCOMPARE(user.siblingCount, 1);
        ChatMessage answer;
        answer.role = ChatMessage::Role::assistant;
        answer.text = QStringLiteral("one");
        const ChatMessage a1 = store.appendMessage(c, user.id, answer);
        answer.text = QStringLiteral("two");
        const ChatMessage a2 = store.appendMessage(c, user.id, answer);
        QCOMPARE(a2.siblingIndex, 1);
        QCOMPARE(a2.siblingCount, 2);
        QCOMPARE(store.siblings(c, a1.id), (QList<qint64>{a1.id, a2.id}));
        QCOMPARE(store.activeBranch(c).constLast().text, QStringLiteral("two"));
        store.selectBranch(c, a1.id);
        const QList<ChatMessage> branch = store.activeBranch(c);
        QCOMPARE(branch.size(), 2);
        QCOMPARE(branch.at(1).text, QStringLiteral("one"));
        QCOMPARE(branch.at(1).siblingIndex, 0);
        QCOMPARE(branch.at(1).siblingCount, 2);
        QCOMPARE(branch.at(1).parentId, user.id);

        store.setPinned(c, true);
        store.renameConversation(c, QStringLiteral("renamed"));
        QVERIFY(store.conversations().at(0).pinned);
        QCOMPARE(store.conversations().at(0).title, QStringLiteral("renamed"));
        store.deleteConversation(c);
        QVERIFY(store.conversations().isEmpty());
        try {
            store.activeBranch(c);
            QFAIL("a deleted conversation should not open");
        } catch (const StoreError& error) {
            QCOMPARE(error.kind, QStringLiteral("not_found"));
        }
    }

    void streamingTextReachesTheFileWhole() {
        auto db = open();
        storage::StreamingOptions options;
        options.flush_interval = std::chrono::milliseconds(0); // every update is a save
        SqliteConversationStore store(*db, options);
        const qint64 c = store.createConversation(QStringLiteral("stream")).id;
        ChatMessage answer = store.appendMessage(c, 0, streamingAnswer());
        answer.text = QStringLiteral("caf");
        store.updateAnswer(c, answer);
        QCOMPARE(saved(*db, answer.id).content, std::string("caf"));
        // Half a character so far: held back until it is whole.
        answer.text = QStringLiteral("caf") + QChar(QChar::ReplacementCharacter);
        store.updateAnswer(c, answer);
        QCOMPARE(saved(*db, answer.id).content, std::string("caf"));
        answer.text = QStringLiteral("café!");
        store.updateAnswer(c, answer);
        QCOMPARE(QString::fromStdString(saved(*db, answer.id).content), QStringLiteral("café!"));
        QCOMPARE(saved(*db, answer.id).state, storage::MessageState::streaming);

        answer.state = ChatMessage::State::complete;
        answer.generatedTokens = 5;
        answer.tokensPerSecond = 12.5;
        answer.firstTokenMs = 40.0;
        store.finishAnswer(c, answer);
        const storage::Message done = saved(*db, answer.id);
        QCOMPARE(done.state, storage::MessageState::complete);
        QCOMPARE(done.stats.completion_tokens, 5);
        QCOMPARE(done.stats.tokens_per_second.value_or(0), 12.5);
        QCOMPARE(done.stats.time_to_first_token_ms.value_or(0), 40.0);
        QCOMPARE(done.model_name, std::string("test model"));
    }

    void textThatStopsExtendingIsRewrittenAtTheEnd() {
        auto db = open();
        storage::StreamingOptions options;
        options.flush_interval = std::chrono::milliseconds(0);
        SqliteConversationStore store(*db, options);
        const qint64 c = store.createConversation(QStringLiteral("rewrite")).id;
        ChatMessage answer = store.appendMessage(c, 0, streamingAnswer());
        answer.text = QStringLiteral("<thi");
        store.updateAnswer(c, answer);
        answer.text = QString();
        answer.reasoning = QStringLiteral("pondering");
        store.updateAnswer(c, answer);
        answer.text = QStringLiteral("Answer.");
        answer.state = ChatMessage::State::stopped;
        store.finishAnswer(c, answer);
        const storage::Message done = saved(*db, answer.id);
        QCOMPARE(done.content, std::string("Answer."));
        QCOMPARE(done.reasoning, std::string("pondering"));
        QCOMPARE(done.state, storage::MessageState::stopped);
    }

    void aFailedFinishIsKeptAndRetried() {
        auto db = open();
        SqliteConversationStore store(*db);
        const qint64 c = store.createConversation(QStringLiteral("full")).id;
        ChatMessage answer = store.appendMessage(c, 0, streamingAnswer());
        storage::Statement pages = db->prepare("PRAGMA page_count");
        QVERIFY(pages.step());
        db->exec("PRAGMA max_page_count = " + std::to_string(pages.int64(0)));
        answer.text = QString(20000, u'x');
        answer.state = ChatMessage::State::complete;
        try {
            store.finishAnswer(c, answer);
            QFAIL("a full database should refuse the answer");
        } catch (const StoreError& error) {
            QCOMPARE(error.kind, QStringLiteral("disk_full"));
            QVERIFY(!error.message.isEmpty());
        }
        QVERIFY_THROWS_EXCEPTION(StoreError, store.retryPendingWrites());
        QCOMPARE(saved(*db, answer.id).state, storage::MessageState::streaming);
        db->exec("PRAGMA max_page_count = 1073741823");
        QVERIFY(store.retryPendingWrites());
        const storage::Message done = saved(*db, answer.id);
        QCOMPARE(done.state, storage::MessageState::complete);
        QCOMPARE(done.content.size(), std::size_t(20000));
    }
};

QTEST_MAIN(TestSqliteConversationStore)
#include "test_sqlite_conversation_store.moc"
