#pragma once
// SqliteConversationStore: the chat window's ConversationStore over storage/ — conversations
// and message trees in the SQLite database, streaming answers written by storage's
// StreamingMessageWriter (at most once a second while tokens arrive, and at the end).
//
// Ownership: borrows the Database (opened by the composition root with
// open_conclave_database), which must outlive it; owns the writers of the answers it is
// streaming. Threads: GUI thread only, like the interface; every call is one short SQLite
// transaction (ms-level, measured in docs/storage.md), so the GUI thread runs them itself.
// Errors: every storage::DatabaseError becomes a ui::StoreError; the database is unchanged
// by a failed call. A streaming writer keeps all text in memory when a write fails and tries
// again at the next save; a finishing write that failed is kept and retried by
// retryPendingWrites().

#include "conclave/storage/conversation_store.h"
#include "conversation_store.h"

#include <map>
#include <memory>

namespace conclave::storage {
class Database;
}

namespace conclave::app {

// A stored conversation as the views list it (also the code panel's session list).
ui::ConversationHeader toConversationHeader(const storage::Conversation& conversation);

class SqliteConversationStore final : public ui::ConversationStore {
public:
    explicit SqliteConversationStore(storage::Database& db,
                                     storage::StreamingOptions streaming = {});
    ~SqliteConversationStore() override;

    QList<ui::ConversationHeader> conversations() const override;
    ui::ConversationHeader createConversation(const QString& title) override;
    void renameConversation(qint64 conversation, const QString& title) override;
    void setPinned(qint64 conversation, bool pinned) override;
    void setArchived(qint64 conversation, bool archived) override;
    void deleteConversation(qint64 conversation) override;
    ui::ConversationOverrides overrides(qint64 conversation) const override;
    // Two writes (sampling, then the prompt), each atomic; after a failure the caller's retry
    // writes both again.
    void setOverrides(qint64 conversation, const ui::ConversationOverrides& overrides) override;
    // storage::ConversationExchange; "all" includes archived chats and code panel sessions.
    QByteArray exportJson(qint64 conversation) const override;
    QByteArray exportMarkdown(qint64 conversation) const override;
    ui::ImportCounts importJson(const QByteArray& json) override;
    QList<ui::ChatMessage> activeBranch(qint64 conversation) const override;
    QList<qint64> siblings(qint64 conversation, qint64 message) const override;
    ui::ChatMessage appendMessage(qint64 conversation, qint64 parent,
                                  ui::ChatMessage message) override;
    void selectBranch(qint64 conversation, qint64 message) override;
    void updateAnswer(qint64 conversation, const ui::ChatMessage& answer) override;
    void finishAnswer(qint64 conversation, const ui::ChatMessage& answer) override;
    bool retryPendingWrites() override;
    // storage::ConversationSearch (FTS5, bm25), archived conversations included.
    QList<ui::SearchResult> search(const QString& text, int limit) const override;

private:
    // One answer being written: its writer, what of the answer the writer has been given,
    // and, once it ended, the final message (kept until its closing write succeeds).
    struct Stream {
        std::unique_ptr<storage::StreamingMessageWriter> writer;
        QString sentText;
        QString sentReasoning;
        bool diverged = false; // the answer stopped extending what was given; rewritten at the end
        bool finishing = false;
        ui::ChatMessage finalAnswer;
    };
    static void give(Stream& stream, const ui::ChatMessage& answer);
    void close(Stream& stream);

    storage::Database& m_db;
    // The reads are logically const; the repository's methods are not.
    mutable storage::ConversationStore m_store;
    storage::StreamingOptions m_streaming;
    std::map<qint64, Stream> m_streams; // by message id
};

} // namespace conclave::app
