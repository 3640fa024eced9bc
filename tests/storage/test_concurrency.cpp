// Concurrency: while one thread streams answers and adds messages through its Database, a
// second thread with its own Database lists, searches and opens the conversation nonstop.
// The reader never gets an error (no SQLITE_BUSY reaches a caller) and never sees a
// half-written row or a branch that does not hold together.

#include "conclave/storage/conversation_store.h"
#include "conclave/storage/database_error.h"
#include "conclave/storage/search.h"
#include "crash_text.h"
#include "storage_test_support.h"

#include <QTemporaryDir>
#include <QtTest>
#include <atomic>
#include <thread>

using namespace conclave::storage;
using namespace conclave::storage::testing;

class TestConcurrency : public QObject {
    Q_OBJECT

private slots:
    void readerNeverBlocksOrSeesHalfAWrite() {
        QTemporaryDir dir;
        const std::string path = (dir.path() + QStringLiteral("/conclave.db")).toStdString();
        auto writer_db = migrated_database(path);
        ConversationStore writer_store(*writer_db);
        const Id conversation = writer_store.create_conversation("shared").id;

        std::atomic<bool> writing{true};
        std::atomic<int> reads{0};
        std::string reader_failure;
        std::thread reader([&] {
            try {
                Database db(path);
                ConversationStore store(db);
                ConversationSearch search(db);
                std::size_t last_count = 0;
                while (writing.load()) {
                    const std::size_t count = store.list_conversations().size();
                    if (count < last_count)
                        throw std::runtime_error("the conversation list shrank");
                    last_count = count;
                    search.search("tök");
                    const ConversationView view = store.open_conversation(conversation);
                    if (!view.branch.empty() &&
                        view.conversation.active_leaf_id != view.branch.back().message.id)
                        throw std::runtime_error("the active leaf is not the end of the branch");
                    for (const BranchMessage& entry : view.branch) {
                        const Message& m = entry.message;
                        if (m.role != Role::assistant) continue;
                        // Whole tokens only: a flush is all or nothing.
                        if (m.content != crash_text::prefix(m.content.size()) ||
                            (!m.content.empty() && m.content.back() != ' '))
                            throw std::runtime_error("a half-written answer: " + m.content);
                    }
                    ++reads;
                }
            } catch (const std::exception& error) {
                reader_failure = error.what();
            }
        });

        for (int round = 0; round < 12; ++round) {
            NewMessage question;
            question.conversation_id = conversation;
            question.content = "question " + std::to_string(round);
            writer_store.append_message(question);
            NewMessage reply;
            reply.conversation_id = conversation;
            reply.role = Role::assistant;
            StreamingOptions options;
            options.flush_interval = std::chrono::milliseconds(0); // every token is a commit
            StreamingMessageWriter writer = writer_store.begin_streaming(reply, options);
            for (int token = 0; token < 40; ++token) writer.append(crash_text::token(token));
            writer.finish({});
            writer_store.create_conversation("side " + std::to_string(round));
        }
        writing = false;
        reader.join();
        QVERIFY2(reader_failure.empty(), reader_failure.c_str());
        QVERIFY2(reads.load() > 10,
                 qPrintable(QStringLiteral("only %1 reads overlapped").arg(reads.load())));
    }
};

QTEST_GUILESS_MAIN(TestConcurrency)
#include "test_concurrency.moc"
