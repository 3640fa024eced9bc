// ConversationStore, the conversation rows: create, read, list, change, delete.
// The message tree is in conversation_tree.cpp.

#include "conclave/storage/conversation_store.h"

#include "conclave/storage/database.h"
#include "conclave/storage/database_error.h"
#include "conclave/storage/transaction.h"
#include "row_readers.h"

#include <string>
#include <utility>

namespace conclave::storage {

using detail::bind_optional;

ConversationStore::ConversationStore(Database& db, Clock clock)
    : m_db(db), m_clock(std::move(clock)) {}

Conversation ConversationStore::create_conversation(std::string_view title,
                                                    std::optional<Id> model_id,
                                                    ConversationKind kind) {
    const std::int64_t now = m_clock();
    Statement insert = m_db.prepare(
        "INSERT INTO conversations(title, created_at, updated_at, last_model_id, kind)"
        " VALUES(:title, :now, :now, :model, :kind)");
    insert.bind(":title", title).bind(":now", now).bind(":kind", to_string(kind));
    bind_optional(insert, ":model", model_id);
    insert.run();
    return conversation(m_db.last_insert_id());
}

Conversation ConversationStore::conversation(Id id) {
    Statement select = m_db.prepare("SELECT " + std::string(detail::conversation_columns) +
                                    " FROM conversations c WHERE c.id = :id");
    select.bind(":id", id);
    if (!select.step())
        throw DatabaseError(ErrorKind::not_found, "no conversation with id " + std::to_string(id));
    return detail::read_conversation(select);
}

std::vector<Conversation> ConversationStore::list_conversations(const ListOptions& options) {
    // The WHERE clauses match the conversations_by_recency index (archived, pinned, updated_at).
    std::string sql =
        "SELECT " + std::string(detail::conversation_columns) + " FROM conversations c";
    sql += " WHERE 1";
    if (options.archived == ListOptions::Archived::exclude) sql += " AND c.archived = 0";
    if (options.archived == ListOptions::Archived::only) sql += " AND c.archived = 1";
    if (options.kind) sql += " AND c.kind = :kind";
    // Every key descends, so "after" in the list is "less than" as a row value.
    if (options.after) sql += " AND (c.pinned, c.updated_at, c.id) < (:pinned, :updated_at, :id)";
    sql += " ORDER BY c.pinned DESC, c.updated_at DESC, c.id DESC LIMIT :limit OFFSET :offset";
    Statement select = m_db.prepare(sql);
    select.bind(":limit", options.limit).bind(":offset", options.offset);
    if (options.kind) select.bind(":kind", to_string(*options.kind));
    if (options.after)
        select.bind(":pinned", options.after->pinned ? 1 : 0)
            .bind(":updated_at", options.after->updated_at)
            .bind(":id", options.after->id);
    std::vector<Conversation> result;
    while (select.step()) result.push_back(detail::read_conversation(select));
    return result;
}

void ConversationStore::require_conversation(Id conversation_id) {
    if (m_db.changes() == 0)
        throw DatabaseError(ErrorKind::not_found,
                            "no conversation with id " + std::to_string(conversation_id));
}

void ConversationStore::rename(Id conversation_id, std::string_view title) {
    m_db.prepare("UPDATE conversations SET title = :title WHERE id = :id")
        .bind(":title", title)
        .bind(":id", conversation_id)
        .run();
    require_conversation(conversation_id);
}

void ConversationStore::set_pinned(Id conversation_id, bool pinned) {
    m_db.prepare("UPDATE conversations SET pinned = :pinned WHERE id = :id")
        .bind(":pinned", pinned ? 1 : 0)
        .bind(":id", conversation_id)
        .run();
    require_conversation(conversation_id);
}

void ConversationStore::set_archived(Id conversation_id, bool archived) {
    m_db.prepare("UPDATE conversations SET archived = :archived WHERE id = :id")
        .bind(":archived", archived ? 1 : 0)
        .bind(":id", conversation_id)
        .run();
    require_conversation(conversation_id);
}

void ConversationStore::set_system_prompt(Id conversation_id,
                                          const std::optional<std::string>& prompt) {
    Statement update =
        m_db.prepare("UPDATE conversations SET system_prompt = :prompt WHERE id = :id");
    bind_optional(update, ":prompt", prompt);
    update.bind(":id", conversation_id).run();
    require_conversation(conversation_id);
}

void ConversationStore::set_sampling(Id conversation_id, const SamplingOverrides& sampling) {
    Statement update =
        m_db.prepare("UPDATE conversations SET temperature = :temperature, top_k = :top_k, top_p = "
                     ":top_p, min_p = :min_p,"
                     " repetition_penalty = :repetition_penalty, seed = :seed WHERE id = :id");
    detail::bind_sampling(update, sampling);
    update.bind(":id", conversation_id).run();
    require_conversation(conversation_id);
}

void ConversationStore::set_answer_overrides(Id conversation_id, const AnswerOverrides& answer) {
    if (answer.max_tokens && *answer.max_tokens < 1)
        throw DatabaseError(ErrorKind::invalid_input,
                            "an answer's max tokens must be at least 1, not " +
                                std::to_string(*answer.max_tokens));
    Statement update = m_db.prepare(
        "UPDATE conversations SET max_tokens = :max_tokens, thinking = :thinking,"
        " reasoning_effort = :reasoning_effort WHERE id = :id");
    detail::bind_answer(update, answer);
    update.bind(":id", conversation_id).run();
    require_conversation(conversation_id);
}

void ConversationStore::set_last_model(Id conversation_id, std::optional<Id> model_id) {
    Statement update =
        m_db.prepare("UPDATE conversations SET last_model_id = :model WHERE id = :id");
    bind_optional(update, ":model", model_id);
    update.bind(":id", conversation_id).run();
    require_conversation(conversation_id);
}

void ConversationStore::delete_conversation(Id conversation_id) {
    // Messages go with it (ON DELETE CASCADE), and their search index rows by trigger.
    m_db.prepare("DELETE FROM conversations WHERE id = :id").bind(":id", conversation_id).run();
    require_conversation(conversation_id);
}

void ConversationStore::touch(Id conversation_id) {
    m_db.prepare("UPDATE conversations SET updated_at = :now WHERE id = :id")
        .bind(":now", m_clock())
        .bind(":id", conversation_id)
        .run();
}

int ConversationStore::mark_interrupted_streams() {
    m_db.prepare("UPDATE messages SET state = 'interrupted' WHERE state = 'streaming'").run();
    return m_db.changes();
}

} // namespace conclave::storage
