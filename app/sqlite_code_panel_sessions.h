#pragma once
// SqliteCodePanelSessions: the code panel's sessions in the conversation database — each a
// conversation of kind code_panel with its document and its answers' tasks (storage's
// CodePanelStore). The session's messages are written through the SqliteConversationStore on
// the same database.
//
// Ownership: borrows the Database opened by the composition root, which must outlive it.
// GUI thread only; each call is one short transaction. Every storage::DatabaseError becomes
// a ui::StoreError; a failed call changes nothing. A stored task whose kind this version does
// not know reads as no task.

#include "code_panel_sessions.h"

namespace conclave::storage {
class Database;
}

namespace conclave::app {

class SqliteCodePanelSessions final : public ui::CodePanelSessions {
public:
    explicit SqliteCodePanelSessions(storage::Database& db) : m_db(db) {}

    qint64 createSession(const QString& title, const ui::PanelDocument& document) override;
    std::optional<ui::PanelDocument> document(qint64 session) const override;
    void saveDocument(qint64 session, const ui::PanelDocument& document) override;
    QList<ui::ConversationHeader> sessions(int limit) const override;
    void deleteSession(qint64 session) override;
    void saveTask(qint64 answer, const ui::PanelTask& task) override;
    std::optional<ui::PanelTask> task(qint64 answer) const override;

private:
    storage::Database& m_db;
};

} // namespace conclave::app
