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

} // namespace conclave::storage
