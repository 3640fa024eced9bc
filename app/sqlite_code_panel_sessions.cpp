#include "sqlite_code_panel_sessions.h"

#include "conclave/storage/code_panel_store.h"
#include "conclave/storage/database_error.h"
#include "storage_errors.h"

namespace conclave::app {
namespace {

storage::CodePanelDocument toStored(qint64 session, const ui::PanelDocument& document) {
    storage::CodePanelDocument stored;
    stored.conversation_id = session;
    stored.content = document.content.toStdString();
    stored.language = document.language.toStdString();
    if (!document.filePath.isEmpty()) stored.file_path = document.filePath.toStdString();
    if (document.fileModifiedMs != 0) stored.file_modified_at = document.fileModifiedMs;
    return stored;
}

} // namespace

qint64 SqliteCodePanelSessions::createSession(const QString& title,
                                              const ui::PanelDocument& document) {
    try {
        return storage::CodePanelStore(m_db)
            .create_session(title.toStdString(), toStored(0, document))
            .id;
    } catch (const storage::DatabaseError& error) {
        throw toStoreError(error);
    }
}

std::optional<ui::PanelDocument> SqliteCodePanelSessions::document(qint64 session) const {
    try {
        const std::optional<storage::CodePanelDocument> stored =
            storage::CodePanelStore(m_db).document(session);
        if (!stored) return std::nullopt;
        ui::PanelDocument document;
        document.content = QString::fromStdString(stored->content);
        document.language = QString::fromStdString(stored->language);
        document.filePath = QString::fromStdString(stored->file_path.value_or(std::string()));
        document.fileModifiedMs = stored->file_modified_at.value_or(0);
        return document;
    } catch (const storage::DatabaseError& error) {
        throw toStoreError(error);
    }
}

void SqliteCodePanelSessions::saveDocument(qint64 session, const ui::PanelDocument& document) {
    try {
        storage::CodePanelStore(m_db).save_document(toStored(session, document));
    } catch (const storage::DatabaseError& error) {
        throw toStoreError(error);
    }
}

} // namespace conclave::app
