// StreamingMessageWriter: an answer reaches the database at most a flush interval after it
// arrives, ends in the state the user caused (complete, stopped, failed; interrupted when
// the writer is dropped), and survives a full disk: the text stays in memory, the error is
// typed, and saving resumes once there is space again.

#include "conclave/storage/conversation_store.h"
#include "conclave/storage/database_error.h"
#include "storage_test_support.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace conclave::storage;
using namespace conclave::storage::testing;
using namespace std::chrono_literals;

class TestStreamingWriter : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_next = 0;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<ConversationStore> m_store;
    std::shared_ptr<std::chrono::steady_clock::time_point> m_now;
    Id m_conversation = 0;
    Id m_question = 0;

    StreamingOptions options() const {
        StreamingOptions o;
        o.flush_interval = 1000ms;
        o.now = [now = m_now] { return *now; };
        return o;
    }

    StreamingMessageWriter begin() {
        NewMessage answer;
        answer.conversation_id = m_conversation;
        answer.role = Role::assistant;
        answer.model_name = "TinyModel";
        answer.parent_id = m_question; // every answer here answers the question: regenerations
        return m_store->begin_streaming(answer, options());
    }

    std::string saved(Id id) { return m_store->message(id).content; }

private slots:
    void init() {
        m_db = migrated_database(
            (m_dir.path() + QStringLiteral("/stream%1.db").arg(m_next++)).toStdString());
        m_store = std::make_unique<ConversationStore>(*m_db);
        m_now = std::make_shared<std::chrono::steady_clock::time_point>();
        m_conversation = m_store->create_conversation("streaming").id;
        NewMessage question;
        question.conversation_id = m_conversation;
        question.content = "Tell me a story";
        m_question = m_store->append_message(question).id;
    }

    void cleanup() {
        m_store.reset();
        m_db.reset();
    }

    void textIsSavedOncePerIntervalAndAtTheEnd() {
        StreamingMessageWriter writer = begin();
        const Message started = m_store->message(writer.message_id());
        QCOMPARE(started.state, MessageState::streaming);
        QCOMPARE(started.parent_id, std::optional<Id>(m_question));
        QCOMPARE(m_store->conversation(m_conversation).active_leaf_id,
                 std::optional<Id>(writer.message_id()));

        writer.append("Once");
        *m_now += 400ms;
        writer.append(" upon");
        QCOMPARE(q(saved(writer.message_id())), QString()); // not yet a second
        QVERIFY(writer.has_unsaved_text());
        *m_now += 600ms;
        writer.append(" a");
        QCOMPARE(q(saved(writer.message_id())), QStringLiteral("Once upon a"));
        QVERIFY(!writer.has_unsaved_text());
        writer.append_reasoning("thinking");
        writer.append(" time");
        QCOMPARE(q(saved(writer.message_id())), QStringLiteral("Once upon a"));
        *m_now += 1000ms;
        writer.flush_if_due(); // a pause in the tokens still saves after the interval
        QCOMPARE(q(saved(writer.message_id())), QStringLiteral("Once upon a time"));

        writer.append(".");
        writer.finish({20, 5, 120.0, 33.5, std::nullopt});
        QVERIFY(!writer.is_open());
        const Message done = m_store->message(writer.message_id());
        QCOMPARE(q(done.content), QStringLiteral("Once upon a time."));
        QCOMPARE(q(done.reasoning), QStringLiteral("thinking"));
        QCOMPARE(done.state, MessageState::complete);
        QCOMPARE(done.stats.completion_tokens, 5);
        QCOMPARE(done.stats.tokens_per_second, std::optional<double>(33.5));
        QCOMPARE(done.stats.stop_reason, std::optional<StopReason>(StopReason::finished));
        // The caller's reason wins over the default of its finishing call.
        StreamingMessageWriter limited = begin();
        limited.append("cut at the limit");
        GenerationStats stats;
        stats.stop_reason = StopReason::token_limit;
        limited.finish(stats);
        QCOMPARE(m_store->message(limited.message_id()).stats.stop_reason,
                 std::optional<StopReason>(StopReason::token_limit));
    }

    void stopFailAndDropSetTheirStates() {
        {
            StreamingMessageWriter writer = begin();
            writer.append("partial");
            writer.stop({});
            QCOMPARE(m_store->message(writer.message_id()).state, MessageState::stopped);
            QCOMPARE(m_store->message(writer.message_id()).stats.stop_reason,
                     std::optional<StopReason>(StopReason::stopped));
            QCOMPARE(q(saved(writer.message_id())), QStringLiteral("partial"));
        }
        {
            StreamingMessageWriter writer = begin();
            writer.append("before the error");
            writer.fail("out of memory on the GPU", {});
            const Message failed = m_store->message(writer.message_id());
            QCOMPARE(failed.state, MessageState::failed);
            QCOMPARE(q(failed.error.value_or("")), QStringLiteral("out of memory on the GPU"));
            QCOMPARE(q(failed.content), QStringLiteral("before the error"));
            QCOMPARE(failed.stats.stop_reason, std::optional<StopReason>(StopReason::error));
        }
        Id dropped = 0;
        {
            StreamingMessageWriter writer = begin();
            dropped = writer.message_id();
            writer.append("never finished");
        }
        const Message interrupted = m_store->message(dropped);
        QCOMPARE(interrupted.state, MessageState::interrupted);
        QCOMPARE(q(interrupted.content), QStringLiteral("never finished"));
        QVERIFY(!interrupted.stats.stop_reason); // nobody knows why it ended
        // Three answers to the same question: three branches.
        QCOMPARE(m_store->children(m_conversation, m_question).size(), std::size_t{3});
    }

    void aMovedWriterIsFinishedOnce() {
        StreamingMessageWriter first = begin();
        first.append("moved");
        StreamingMessageWriter second = std::move(first);
        QVERIFY(!first.is_open());
        second.finish({});
        QCOMPARE(m_store->message(second.message_id()).state, MessageState::complete);
    }

    void fullDiskKeepsTextAndResumes() {
        StreamingMessageWriter writer = begin();
        // A size limit stands in for a full disk: SQLite answers SQLITE_FULL exactly as it
        // does when the file system runs out (ENOSPC), and it works as any user.
        Statement pages = m_db->prepare("PRAGMA page_count");
        QVERIFY(pages.step());
        const auto limit = pages.int64(0) + 2;
        m_db->exec("PRAGMA max_page_count = " + std::to_string(limit));

        std::string expected;
        bool hit_full = false;
        for (int token = 0; token < 4000 && !hit_full; ++token) {
            const std::string piece = "word" + std::to_string(token) + " ";
            expected += piece;
            *m_now += 300ms;
            try {
                writer.append(piece);
            } catch (const DatabaseError& error) {
                QCOMPARE(error.kind(), ErrorKind::disk_full);
                hit_full = true;
            }
        }
        QVERIFY2(hit_full, "the size limit was never reached");
        QCOMPARE(writer.content(), expected); // nothing typed or generated is lost in memory
        QVERIFY(writer.has_unsaved_text());
        const std::string on_disk = saved(writer.message_id());
        QVERIFY(on_disk.size() < expected.size());
        QVERIFY(expected.starts_with(on_disk));

        // More tokens while the disk is full: still kept, errors only once per interval.
        for (int token = 0; token < 5; ++token) {
            const std::string piece = "more" + std::to_string(token) + " ";
            expected += piece;
            *m_now += 100ms;
            try {
                writer.append(piece);
            } catch (const DatabaseError& error) {
                QCOMPARE(error.kind(), ErrorKind::disk_full);
            }
        }
        QVERIFY_THROWS_EXCEPTION(DatabaseError, writer.finish({}));
        QVERIFY(writer.is_open());

        // Space is freed: the same call succeeds and everything is on disk.
        m_db->exec("PRAGMA max_page_count = 1073741823");
        writer.finish({0, 4005, std::nullopt, std::nullopt, std::nullopt});
        const Message done = m_store->message(writer.message_id());
        QCOMPARE(done.content, expected);
        QCOMPARE(done.state, MessageState::complete);
        QVERIFY(m_db->integrity_problems().empty());
    }

    void fullDiskLeavesOtherWritesUnchangedAndRetryable() {
        Statement pages = m_db->prepare("PRAGMA page_count");
        QVERIFY(pages.step());
        m_db->exec("PRAGMA max_page_count = " + std::to_string(pages.int64(0)));
        NewMessage big;
        big.conversation_id = m_conversation;
        big.content = std::string(64 * 1024, 'x');
        try {
            m_store->append_message(big);
            QFAIL("a write past the size limit succeeded");
        } catch (const DatabaseError& error) {
            QCOMPARE(error.kind(), ErrorKind::disk_full);
        }
        // Nothing half-written: the conversation is exactly as before.
        QCOMPARE(m_store->all_messages(m_conversation).size(), std::size_t{1});
        QCOMPARE(m_store->conversation(m_conversation).active_leaf_id,
                 std::optional<Id>(m_question));
        m_db->exec("PRAGMA max_page_count = 1073741823");
        const Message saved_now = m_store->append_message(big);
        QCOMPARE(saved_now.content.size(), big.content.size());
    }
};

QTEST_GUILESS_MAIN(TestStreamingWriter)
#include "test_streaming_writer.moc"
