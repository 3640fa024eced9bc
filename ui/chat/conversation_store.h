#pragma once
// ConversationStore: where the chat window keeps conversations and their message trees. The
// chat controller talks only to this interface; app/ plugs in the SQLite store of storage/
// (SqliteConversationStore), tests and a database that cannot be opened use the in-memory one.
//
// Messages form a tree: regenerating an answer or editing a user message adds a sibling under
// the same parent, and each conversation remembers its active leaf — the branch on screen,
// read root first with activeBranch(). A streaming answer is stored with appendMessage (state
// streaming), grown with updateAnswer (the store decides how often it writes) and closed with
// finishAnswer (state complete, stopped or failed, with its figures).
//
// GUI thread only. Errors: a persistent store throws StoreError when it cannot read or write
// (disk full, read-only file); every call is atomic, so the caller keeps its in-memory state
// and may call again later. A finishAnswer that threw is kept by the store and retried by
// retryPendingWrites(). The in-memory store ignores unknown ids (reads give empty results);
// the SQLite store reports them as StoreError("not_found").
//
// Each conversation keeps its own overrides of the model's settings (system prompt, sampling)
// and whether it is archived. Export and import use storage's file formats (exchange.h): JSON
// (lossless, every branch; import merges by uid and adds nothing twice) and Markdown (for
// reading: the branch on screen). The in-memory store cannot export or import: it throws
// StoreError("unsupported").

#include "chat_message.h"

#include <QByteArray>
#include <QList>

#include <map>

namespace conclave::ui {

// What a persistent store reports when the database refused a read or write.
struct StoreError {
    QString message; // what the database said, for the banner
    QString kind;    // "disk_full", "read_only", ... for the banner's details
};

// One search hit: a message (messageId > 0) or a title (messageId 0). The snippet marks
// matched words with U+0002 … U+0003 (storage's highlight_begin/highlight_end).
struct SearchResult {
    qint64 conversationId = 0;
    QString conversationTitle;
    qint64 messageId = 0;
    QString snippet;
    QDateTime date; // the message's (or, for a title, the conversation's) creation time
    bool codePanel = false; // a session of the code panel, not a chat (opens in the panel)
};

// What an import added.
struct ImportCounts {
    int conversationsAdded = 0;
    int conversationsMerged = 0; // already here: only their new messages were added
    int messagesAdded = 0;
};

inline constexpr QChar searchHighlightBegin{0x02};
inline constexpr QChar searchHighlightEnd{0x03};

class ConversationStore {
public:
    virtual ~ConversationStore() = default;

    // Pinned first, then most recently updated; archived ones included (flagged).
    virtual QList<ConversationHeader> conversations() const = 0;
    virtual ConversationHeader createConversation(const QString& title) = 0;
    virtual void renameConversation(qint64 conversation, const QString& title) = 0;
    virtual void setPinned(qint64 conversation, bool pinned) = 0;
    virtual void setArchived(qint64 conversation, bool archived) = 0;
    virtual void deleteConversation(qint64 conversation) = 0;
    virtual ConversationOverrides overrides(qint64 conversation) const = 0;
    virtual void setOverrides(qint64 conversation, const ConversationOverrides& overrides) = 0;

    // One conversation (`conversation` > 0) or every chat (0), UTF-8.
    virtual QByteArray exportJson(qint64 conversation) const;
    virtual QByteArray exportMarkdown(qint64 conversation) const;
    // A file written by exportJson; a file that is not one throws StoreError("invalid_input")
    // and changes nothing.
    virtual ImportCounts importJson(const QByteArray& json);

    // The branch on screen, root first, each message with its place among its siblings.
    virtual QList<ChatMessage> activeBranch(qint64 conversation) const = 0;
    // Ids of the versions of `message` (itself and its siblings) in creation order.
    virtual QList<qint64> siblings(qint64 conversation, qint64 message) const = 0;
    // Stores `message` under `parent` (0: at the root) as the new active leaf and returns it
    // with its id, parent and place among its siblings set.
    virtual ChatMessage appendMessage(qint64 conversation, qint64 parent, ChatMessage message) = 0;
    // Shows the branch through `message`: the active leaf becomes the newest leaf below it.
    virtual void selectBranch(qint64 conversation, qint64 message) = 0;

    // The streaming answer `answer.id` has grown (text and reasoning are the whole answer so
    // far).
    virtual void updateAnswer(qint64 conversation, const ChatMessage& answer) = 0;
    // The answer ended in answer.state with its figures.
    virtual void finishAnswer(qint64 conversation, const ChatMessage& answer) = 0;
    // Tries again what failed before; true when nothing is left unsaved. Throws StoreError.
    virtual bool retryPendingWrites() { return true; }

    // Messages and titles matching what the user typed (any text is safe), best first.
    virtual QList<SearchResult> search(const QString& text, int limit) const = 0;
};

// Keeps everything in memory for the life of the process: for tests, and the fallback when
// the database cannot be opened. Never throws.
class InMemoryConversationStore final : public ConversationStore {
public:
    QList<ConversationHeader> conversations() const override;
    ConversationHeader createConversation(const QString& title) override;
    void renameConversation(qint64 conversation, const QString& title) override;
    void setPinned(qint64 conversation, bool pinned) override;
    void setArchived(qint64 conversation, bool archived) override;
    void deleteConversation(qint64 conversation) override;
    ConversationOverrides overrides(qint64 conversation) const override;
    void setOverrides(qint64 conversation, const ConversationOverrides& overrides) override;
    QList<ChatMessage> activeBranch(qint64 conversation) const override;
    QList<qint64> siblings(qint64 conversation, qint64 message) const override;
    ChatMessage appendMessage(qint64 conversation, qint64 parent, ChatMessage message) override;
    void selectBranch(qint64 conversation, qint64 message) override;
    void updateAnswer(qint64 conversation, const ChatMessage& answer) override;
    void finishAnswer(qint64 conversation, const ChatMessage& answer) override;
    // Case-insensitive substring of the whole text; most occurrences first, then newest.
    QList<SearchResult> search(const QString& text, int limit) const override;

private:
    struct Entry {
        ConversationHeader header;
        ConversationOverrides overrides;
        std::map<qint64, ChatMessage> messages; // by id: creation order
        qint64 activeLeaf = 0;
    };
    void touch(Entry& entry);
    void store(qint64 conversation, const ChatMessage& message);
    static QList<qint64> childrenOf(const Entry& entry, qint64 parent);

    std::map<qint64, Entry> m_conversations;
    qint64 m_nextConversation = 1;
    qint64 m_nextMessage = 1;
};

} // namespace conclave::ui
