#include "conversation_store.h"

#include <algorithm>

namespace conclave::ui {

QString roleName(ChatMessage::Role role) {
    switch (role) {
    case ChatMessage::Role::user: return QStringLiteral("user");
    case ChatMessage::Role::assistant: return QStringLiteral("assistant");
    case ChatMessage::Role::system: return QStringLiteral("system");
    }
    return QStringLiteral("user");
}

QList<ConversationHeader> InMemoryConversationStore::conversations() const {
    QList<ConversationHeader> list;
    for (const auto& [id, entry] : m_conversations) list.append(entry.header);
    std::stable_sort(list.begin(), list.end(), [](const ConversationHeader& a, const ConversationHeader& b) {
        return a.updated != b.updated ? a.updated > b.updated : a.id > b.id;
    });
    return list;
}

ConversationHeader InMemoryConversationStore::createConversation(const QString& title) {
    Entry entry;
    entry.header.id = m_nextConversation++;
    entry.header.title = title;
    entry.header.created = QDateTime::currentDateTime();
    entry.header.updated = entry.header.created;
    const ConversationHeader header = entry.header;
    m_conversations.emplace(header.id, std::move(entry));
    return header;
}

void InMemoryConversationStore::renameConversation(qint64 conversation, const QString& title) {
    if (auto it = m_conversations.find(conversation); it != m_conversations.end()) it->second.header.title = title;
}

void InMemoryConversationStore::deleteConversation(qint64 conversation) { m_conversations.erase(conversation); }

QList<ChatMessage> InMemoryConversationStore::messages(qint64 conversation) const {
    const auto it = m_conversations.find(conversation);
    return it == m_conversations.end() ? QList<ChatMessage>{} : it->second.messages;
}

ChatMessage InMemoryConversationStore::appendMessage(qint64 conversation, ChatMessage message) {
    const auto it = m_conversations.find(conversation);
    if (it == m_conversations.end()) return message;
    message.id = m_nextMessage++;
    if (!message.created.isValid()) message.created = QDateTime::currentDateTime();
    it->second.messages.append(message);
    touch(it->second);
    return message;
}

void InMemoryConversationStore::updateMessage(qint64 conversation, const ChatMessage& message) {
    const auto it = m_conversations.find(conversation);
    if (it == m_conversations.end()) return;
    for (ChatMessage& stored : it->second.messages) {
        if (stored.id == message.id) {
            stored = message;
            touch(it->second);
            return;
        }
    }
}

void InMemoryConversationStore::removeMessage(qint64 conversation, qint64 message) {
    const auto it = m_conversations.find(conversation);
    if (it == m_conversations.end()) return;
    it->second.messages.removeIf([message](const ChatMessage& m) { return m.id == message; });
    touch(it->second);
}

void InMemoryConversationStore::touch(Entry& entry) { entry.header.updated = QDateTime::currentDateTime(); }

} // namespace conclave::ui
