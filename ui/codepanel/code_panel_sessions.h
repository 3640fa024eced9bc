#pragma once
// CodePanelSessions: where the code panel keeps its sessions' documents — the code, its
// language, the file it came from and that file's modification time. A session is a
// conversation of its own kind in the ConversationStore (its tasks and answers are messages,
// stored through that store as the chat's are), so search finds it and it survives restarts.
//
// app/ plugs in the SQLite one (SqliteCodePanelSessions over storage's CodePanelStore); tests
// and a database that cannot be opened use the in-memory one. GUI thread only. A persistent
// store throws StoreError (conversation_store.h); every call is atomic.

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

class CodePanelSessions {
public:
    virtual ~CodePanelSessions() = default;

    // A new session (a conversation of the code panel's kind) holding `document`; its id.
    virtual qint64 createSession(const QString& title, const PanelDocument& document) = 0;
    // The session's document; nullopt for an unknown session.
    virtual std::optional<PanelDocument> document(qint64 session) const = 0;
    virtual void saveDocument(qint64 session, const PanelDocument& document) = 0;
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

private:
    ConversationStore* m_conversations;
    std::map<qint64, PanelDocument> m_documents;
};

} // namespace conclave::ui
