#pragma once
// CodePanelSessions: where the code panel keeps its sessions — each session's document (the
// code, its language, the file it came from and that file's modification time) and the task
// of each answer (so the last one can be retried after a restart). A session is a
// conversation of its own kind in the ConversationStore (its tasks and answers are messages,
// stored through that store as the chat's are), so search finds it and it survives restarts.
//
// app/ plugs in the SQLite one (SqliteCodePanelSessions over storage's CodePanelStore); tests
// and a database that cannot be opened use the in-memory one. GUI thread only. A persistent
// store throws StoreError (conversation_store.h); every call is atomic.

#include "code_tasks.h"
#include "conversation_store.h"

#include <QString>
#include <map>
#include <optional>

namespace conclave::ui {

struct PanelDocument {
    QString content;
    QString language;          // fence word ("python"); empty: plain text
    QString filePath;          // empty: pasted, never saved
    qint64 fileModifiedMs = 0; // the file's modification time when last read or written

    bool operator==(const PanelDocument&) const = default;
};

// A task as the panel sent it: the request (its code is what the task ran on) and the range
// of the document it replaces on Apply ([0, length of the code) for the whole code).
struct PanelTask {
    code_panel::TaskRequest request;
    int selectionStart = 0;
    int selectionEnd = 0;
};

class CodePanelSessions {
public:
    virtual ~CodePanelSessions() = default;

    // A new session (a conversation of the code panel's kind) holding `document`; its id.
    virtual qint64 createSession(const QString& title, const PanelDocument& document) = 0;
    // The session's document; nullopt for an unknown session.
    virtual std::optional<PanelDocument> document(qint64 session) const = 0;
    virtual void saveDocument(qint64 session, const PanelDocument& document) = 0;
    // The `limit` most recently used sessions, newest first.
    virtual QList<ConversationHeader> sessions(int limit) const = 0;
    // Deletes the session with its document, messages and tasks.
    virtual void deleteSession(qint64 session) = 0;
    // The task that the answer `answer` (a message of a session) answers; nullopt when none
    // was stored (or it names a task or language this version does not know).
    virtual void saveTask(qint64 answer, const PanelTask& task) = 0;
    virtual std::optional<PanelTask> task(qint64 answer) const = 0;
};

// In memory for the life of the process. Sessions are conversations of `conversations`
// (which must outlive it), so their messages work as with the SQLite store; an in-memory
// conversation store has no kinds, so they also show among its chats. Never throws.
class InMemoryCodePanelSessions final : public CodePanelSessions {
public:
    explicit InMemoryCodePanelSessions(ConversationStore* conversations)
        : m_conversations(conversations) {}

    qint64 createSession(const QString& title, const PanelDocument& document) override;
    std::optional<PanelDocument> document(qint64 session) const override;
    void saveDocument(qint64 session, const PanelDocument& document) override;
    QList<ConversationHeader> sessions(int limit) const override;
    void deleteSession(qint64 session) override;
    void saveTask(qint64 answer, const PanelTask& task) override;
    std::optional<PanelTask> task(qint64 answer) const override;

private:
    ConversationStore* m_conversations;
    std::map<qint64, PanelDocument> m_documents;
    std::map<qint64, PanelTask> m_tasks; // by answer
};

} // namespace conclave::ui
