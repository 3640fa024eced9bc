#include "conclave/storage/code_panel_store.h"

#include "conclave/storage/database.h"
#include "conclave/storage/database_error.h"
#include "conclave/storage/transaction.h"
#include "row_readers.h"

#include <utility>

namespace conclave::storage {

using detail::bind_optional;

namespace {

void write_document(Database& db, const CodePanelDocument& document, std::int64_t now) {
    Statement kind = db.prepare("SELECT kind FROM conversations WHERE id = :id");
    kind.bind(":id", document.conversation_id);
    if (!kind.step())
        throw DatabaseError(ErrorKind::not_found,
                            "no conversation with id " + std::to_string(document.conversation_id));
    if (conversation_kind_from_string(kind.text(0)) != ConversationKind::code_panel)
        throw DatabaseError(ErrorKind::invalid_input, "conversation " +
                                                          std::to_string(document.conversation_id) +
                                                          " is not a code panel session");
    Statement upsert = db.prepare(
        "INSERT INTO code_panel_documents(conversation_id, file_path, file_modified_at, language,"
        " content, updated_at) VALUES(:id, :path, :modified, :language, :content, :now)"
        " ON CONFLICT(conversation_id) DO UPDATE SET file_path = excluded.file_path,"
        " file_modified_at = excluded.file_modified_at, language = excluded.language,"
        " content = excluded.content, updated_at = excluded.updated_at");
    upsert.bind(":id", document.conversation_id)
        .bind(":language", document.language)
        .bind(":content", document.content)
        .bind(":now", now);
    bind_optional(upsert, ":path", document.file_path);
    bind_optional(upsert, ":modified", document.file_modified_at);
    upsert.run();
    db.prepare("UPDATE conversations SET updated_at = :now WHERE id = :id")
        .bind(":now", now)
        .bind(":id", document.conversation_id)
        .run();
}

// The answer must be an assistant message of a code_panel conversation.
void require_panel_answer(Database& db, Id answer_id) {
    Statement select = db.prepare("SELECT m.role, c.kind FROM messages m"
                                  " JOIN conversations c ON c.id = m.conversation_id"
                                  " WHERE m.id = :id");
    select.bind(":id", answer_id);
    if (!select.step())
        throw DatabaseError(ErrorKind::not_found,
                            "no message with id " + std::to_string(answer_id));
    if (role_from_string(select.text(0)) != Role::assistant ||
        conversation_kind_from_string(select.text(1)) != ConversationKind::code_panel)
        throw DatabaseError(ErrorKind::invalid_input,
                            "message " + std::to_string(answer_id) +
                                " is not an answer in a code panel session");
}

} // namespace

CodePanelStore::CodePanelStore(Database& db, Clock clock) : m_db(db), m_clock(std::move(clock)) {}

Conversation CodePanelStore::create_session(std::string_view title,
                                            const CodePanelDocument& document) {
    const std::int64_t now = m_clock();
    Transaction transaction(m_db);
    m_db.prepare("INSERT INTO conversations(title, created_at, updated_at, kind)"
                 " VALUES(:title, :now, :now, 'code_panel')")
        .bind(":title", title)
        .bind(":now", now)
        .run();
    CodePanelDocument written = document;
    written.conversation_id = m_db.last_insert_id();
    write_document(m_db, written, now);
    Statement select = m_db.prepare("SELECT " + std::string(detail::conversation_columns) +
                                    " FROM conversations c WHERE c.id = :id");
    select.bind(":id", written.conversation_id);
    select.step();
    Conversation conversation = detail::read_conversation(select);
    transaction.commit();
    return conversation;
}

std::optional<CodePanelDocument> CodePanelStore::document(Id conversation_id) {
    Statement select =
        m_db.prepare("SELECT file_path, file_modified_at, language, content, updated_at"
                     " FROM code_panel_documents WHERE conversation_id = :id");
    select.bind(":id", conversation_id);
    if (!select.step()) return std::nullopt;
    CodePanelDocument document;
    document.conversation_id = conversation_id;
    document.file_path = select.optional_text(0);
    document.file_modified_at = detail::optional_int64(select, 1);
    document.language = select.text(2);
    document.content = select.text(3);
    document.updated_at = select.int64(4);
    return document;
}

void CodePanelStore::save_document(const CodePanelDocument& document) {
    Transaction transaction(m_db);
    write_document(m_db, document, m_clock());
    transaction.commit();
}

void CodePanelStore::save_task(const CodePanelTask& task) {
    if (task.selection_start.has_value() != task.selection_end.has_value())
        throw DatabaseError(ErrorKind::invalid_input,
                            "a task's selection needs both its start and its end");
    Transaction transaction(m_db);
    require_panel_answer(m_db, task.answer_id);
    Statement upsert = m_db.prepare(
        "INSERT OR REPLACE INTO code_panel_tasks(answer_id, kind, detail, language,"
        " target_language, file_name, selection_start, selection_end, code)"
        " VALUES(:id, :kind, :detail, :language, :target, :file, :start, :end, :code)");
    upsert.bind(":id", task.answer_id)
        .bind(":kind", task.kind)
        .bind(":detail", task.detail)
        .bind(":language", task.language)
        .bind(":target", task.target_language)
        .bind(":file", task.file_name)
        .bind(":code", task.code);
    bind_optional(upsert, ":start", task.selection_start);
    bind_optional(upsert, ":end", task.selection_end);
    upsert.run();
    transaction.commit();
}

std::optional<CodePanelTask> CodePanelStore::task(Id answer_id) {
    Statement select =
        m_db.prepare("SELECT kind, detail, language, target_language, file_name, selection_start,"
                     " selection_end, code FROM code_panel_tasks WHERE answer_id = :id");
    select.bind(":id", answer_id);
    if (!select.step()) return std::nullopt;
    CodePanelTask task;
    task.answer_id = answer_id;
    task.kind = select.text(0);
    task.detail = select.text(1);
    task.language = select.text(2);
    task.target_language = select.text(3);
    task.file_name = select.text(4);
    task.selection_start = detail::optional_int64(select, 5);
    task.selection_end = detail::optional_int64(select, 6);
    task.code = select.text(7);
    return task;
}

} // namespace conclave::storage
