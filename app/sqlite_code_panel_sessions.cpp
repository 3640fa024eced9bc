#include "sqlite_code_panel_sessions.h"

#include "conclave/storage/code_panel_store.h"
#include "conclave/storage/conversation_store.h"
#include "conclave/storage/database_error.h"
#include "sqlite_conversation_store.h"
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

storage::CodePanelTask toStored(qint64 answer, const ui::PanelTask& task) {
    const code_panel::TaskRequest& request = task.request;
    storage::CodePanelTask stored;
    stored.answer_id = answer;
    stored.kind = code_panel::taskName(request.task).toStdString();
    stored.detail = request.detail.toStdString();
    stored.language = request.language.id.toStdString();
    stored.target_language = request.target.id.toStdString();
    stored.file_name = request.fileName.toStdString();
    if (request.isSelection) {
        stored.selection_start = task.selectionStart;
        stored.selection_end = task.selectionEnd;
    }
    stored.code = request.code.toStdString();
    return stored;
}

std::optional<ui::PanelTask> fromStored(const storage::CodePanelTask& stored) {
    ui::PanelTask task;
    code_panel::TaskRequest& request = task.request;
    if (!code_panel::taskFromName(QString::fromStdString(stored.kind), &request.task))
        return std::nullopt;
    request.detail = QString::fromStdString(stored.detail);
    request.language = code_panel::languageFor(QString::fromStdString(stored.language));
    if (!stored.target_language.empty())
        request.target = code_panel::languageFor(QString::fromStdString(stored.target_language));
    request.fileName = QString::fromStdString(stored.file_name);
    request.code = QString::fromStdString(stored.code);
    request.isSelection = stored.selection_start.has_value();
    task.selectionStart = int(stored.selection_start.value_or(0));
    task.selectionEnd = int(stored.selection_end.value_or(request.code.size()));
    return task;
}

} // namespace

qint64 SqliteCodePanelSessions::createSession(const QString& title,
                                              const ui::PanelDocument& document) {
    return guarded([&] {
        return storage::CodePanelStore(m_db)
            .create_session(title.toStdString(), toStored(0, document))
            .id;
    });
}

std::optional<ui::PanelDocument> SqliteCodePanelSessions::document(qint64 session) const {
    return guarded([&]() -> std::optional<ui::PanelDocument> {
        const std::optional<storage::CodePanelDocument> stored =
            storage::CodePanelStore(m_db).document(session);
        if (!stored) return std::nullopt;
        ui::PanelDocument document;
        document.content = QString::fromStdString(stored->content);
        document.language = QString::fromStdString(stored->language);
        document.filePath = QString::fromStdString(stored->file_path.value_or(std::string()));
        document.fileModifiedMs = stored->file_modified_at.value_or(0);
        return document;
    });
}

void SqliteCodePanelSessions::saveDocument(qint64 session, const ui::PanelDocument& document) {
    guarded([&] { storage::CodePanelStore(m_db).save_document(toStored(session, document)); });
}

QList<ui::ConversationHeader> SqliteCodePanelSessions::sessions(int limit) const {
    return guarded([&] {
        QList<ui::ConversationHeader> list;
        for (const storage::Conversation& c : storage::ConversationStore(m_db).list_conversations(
                 {.limit = limit, .kind = storage::ConversationKind::code_panel}))
            list.append(toConversationHeader(c));
        return list;
    });
}

void SqliteCodePanelSessions::deleteSession(qint64 session) {
    guarded([&] {
        storage::ConversationStore conversations(m_db);
        if (conversations.conversation(session).kind != storage::ConversationKind::code_panel)
            throw storage::DatabaseError(storage::ErrorKind::invalid_input,
                                         "conversation " + std::to_string(session) +
                                             " is not a code panel session");
        conversations.delete_conversation(session);
    });
}

void SqliteCodePanelSessions::saveTask(qint64 answer, const ui::PanelTask& task) {
    guarded([&] { storage::CodePanelStore(m_db).save_task(toStored(answer, task)); });
}

std::optional<ui::PanelTask> SqliteCodePanelSessions::task(qint64 answer) const {
    return guarded([&]() -> std::optional<ui::PanelTask> {
        const std::optional<storage::CodePanelTask> stored =
            storage::CodePanelStore(m_db).task(answer);
        return stored ? fromStored(*stored) : std::nullopt;
    });
}

} // namespace conclave::app
