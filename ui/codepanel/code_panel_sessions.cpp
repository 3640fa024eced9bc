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

} // namespace conclave::ui
