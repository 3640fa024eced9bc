#include "code_panel_sessions.h"

namespace conclave::ui {

qint64 InMemoryCodePanelSessions::createSession(const QString& title,
                                                const PanelDocument& document) {
    const qint64 id = m_conversations->createConversation(title).id;
    m_documents[id] = document;
    return id;
}

std::optional<PanelDocument> InMemoryCodePanelSessions::document(qint64 session) const {
    const auto found = m_documents.find(session);
    if (found == m_documents.end()) return std::nullopt;
    return found->second;
}

void InMemoryCodePanelSessions::saveDocument(qint64 session, const PanelDocument& document) {
    m_documents[session] = document;
}

QList<ConversationHeader> InMemoryCodePanelSessions::sessions(int limit) const {
    QList<ConversationHeader> list;
    for (const ConversationHeader& header : m_conversations->conversations())
        if (m_documents.contains(header.id) && list.size() < limit) list.append(header);
    return list;
}

void InMemoryCodePanelSessions::deleteSession(qint64 session) {
    for (const ChatMessage& message : m_conversations->activeBranch(session))
        m_tasks.erase(message.id);
    m_documents.erase(session);
    m_conversations->deleteConversation(session);
}

void InMemoryCodePanelSessions::saveTask(qint64 answer, const PanelTask& task) {
    m_tasks[answer] = task;
}

std::optional<PanelTask> InMemoryCodePanelSessions::task(qint64 answer) const {
    const auto found = m_tasks.find(answer);
    if (found == m_tasks.end()) return std::nullopt;
    return found->second;
}

} // namespace conclave::ui
