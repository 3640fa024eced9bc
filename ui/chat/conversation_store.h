#pragma once
// ConversationStore: where the chat window keeps conversations and their messages. The chat
// controller talks only to this interface, so the SQLite store of storage/ can replace the
// in-memory one without touching the view models. Streaming answers are written with
// updateMessage as they grow (a persistent store decides how often it writes).
// GUI thread only. Unknown ids are ignored (reads give empty results).

#include "chat_message.h"

#include <QList>

#include <map>

namespace conclave::ui {

class ConversationStore {
public:
    virtual ~ConversationStore() = default;

    // Most recently updated first.
    virtual QList<ConversationHeader> conversations() const = 0;
    virtual ConversationHeader createConversation(const QString& title) = 0;
    virtual void renameConversation(qint64 conversation, const QString& title) = 0;
    virtual void deleteConversation(qint64 conversation) = 0;

    // Oldest first.
    virtual QList<ChatMessage> messages(qint64 conversation) const = 0;
    // Stores a new message and returns it with its id set.
    virtual ChatMessage appendMessage(qint64 conversation, ChatMessage message) = 0;
    virtual void updateMessage(qint64 conversation, const ChatMessage& message) = 0;
    virtual void removeMessage(qint64 conversation, qint64 message) = 0;
};

// Keeps everything in memory for the life of the process (until storage/ is plugged in).
class InMemoryConversationStore final : public ConversationStore {
public:
    QList<ConversationHeader> conversations() const override;
    ConversationHeader createConversation(const QString& title) override;
    void renameConversation(qint64 conversation, const QString& title) override;
    void deleteConversation(qint64 conversation) override;
    QList<ChatMessage> messages(qint64 conversation) const override;
    ChatMessage appendMessage(qint64 conversation, ChatMessage message) override;
    void updateMessage(qint64 conversation, const ChatMessage& message) override;
    void removeMessage(qint64 conversation, qint64 message) override;

private:
    struct Entry {
        ConversationHeader header;
        QList<ChatMessage> messages;
    };
    void touch(Entry& entry);

    std::map<qint64, Entry> m_conversations;
    qint64 m_nextConversation = 1;
    qint64 m_nextMessage = 1;
};

} // namespace conclave::ui
