// ConversationExchange, JSON: SQLite's JSON functions write and parse the text, so escaping
// and unicode follow one well-tested implementation.

#include "conclave/storage/database.h"
#include "conclave/storage/database_error.h"
#include "conclave/storage/exchange.h"
#include "conclave/storage/transaction.h"
#include "import_tree.h"
#include "row_readers.h"

namespace conclave::storage {
namespace {

constexpr std::string_view format_name = "conclave-conversations";
constexpr int format_version = 1;

std::string messages_json(Database& db, Id conversation_id) {
    Statement select = db.prepare(
        "SELECT json_object('uid', m.uid, 'parent', p.uid, 'role', m.role, 'content', m.content,"
        " 'reasoning', m.reasoning, 'state', m.state, 'error', m.error, 'model_name', m.model_name,"
        " 'prompt_tokens', m.prompt_tokens, 'completion_tokens', m.completion_tokens,"
        " 'time_to_first_token_ms', m.time_to_first_token_ms, 'tokens_per_second', "
        "m.tokens_per_second, 'stop_reason', m.stop_reason,"
        " 'created_at', m.created_at, 'updated_at', m.updated_at)"
        " FROM messages m LEFT JOIN messages p ON p.id = m.parent_id"
        " WHERE m.conversation_id = :conversation ORDER BY m.id");
    select.bind(":conversation", conversation_id);
    std::string out = "[";
    for (bool first = true; select.step(); first = false)
        out += (first ? "\n  " : ",\n  ") + select.text(0);
    return out + "]";
}

// A conversation field that must be there and be text.
std::string required_text(Database& db, std::string_view object, std::string_view path) {
    Statement select = db.prepare("SELECT json_type(:o, :p), json_extract(:o, :p)");
    select.bind(":o", object).bind(":p", path);
    if (!select.step() || select.is_null(0) || select.text(0) != "text")
        throw DatabaseError(ErrorKind::invalid_input,
                            "the import file has no text at " + std::string(path) +
                                " in: " + std::string(object.substr(0, 120)));
    return select.text(1);
}

detail::IncomingConversation read_conversation(Database& db, std::string_view object) {
    detail::IncomingConversation in;
    Conversation& c = in.conversation;
    c.uid = required_text(db, object, "$.uid");
    Statement fields = db.prepare(
        "SELECT json_extract(:o, '$.title'), json_extract(:o, '$.created_at'), json_extract(:o, "
        "'$.updated_at'),"
        " json_extract(:o, '$.pinned'), json_extract(:o, '$.archived'), json_extract(:o, "
        "'$.system_prompt'),"
        " json_extract(:o, '$.sampling.temperature'), json_extract(:o, '$.sampling.top_k'),"
        " json_extract(:o, '$.sampling.top_p'), json_extract(:o, '$.sampling.min_p'),"
        " json_extract(:o, '$.sampling.repetition_penalty'), json_extract(:o, '$.sampling.seed'),"
        " json_extract(:o, '$.active_leaf'), json_extract(:o, '$.kind'),"
        " json_extract(:o, '$.answer.max_tokens'), json_extract(:o, '$.answer.thinking'),"
        " json_extract(:o, '$.answer.reasoning_effort')");
    fields.bind(":o", object);
    fields.step();
    c.title = fields.text(0);
    c.created_at = fields.int64(1);
    c.updated_at = fields.int64(2);
    c.pinned = fields.int64(3) != 0;
    c.archived = fields.int64(4) != 0;
    c.system_prompt = fields.optional_text(5);
    c.sampling.temperature = detail::optional_real(fields, 6);
    c.sampling.top_k = detail::optional_int64(fields, 7);
    c.sampling.top_p = detail::optional_real(fields, 8);
    c.sampling.min_p = detail::optional_real(fields, 9);
    c.sampling.repetition_penalty = detail::optional_real(fields, 10);
    c.sampling.seed = detail::optional_int64(fields, 11);
    in.active_leaf_uid = fields.optional_text(12);
    // Files written before the kind existed hold chats.
    if (const auto kind = fields.optional_text(13)) c.kind = conversation_kind_from_string(*kind);
    // Files written before the answer choices existed (schema 7) follow the model's.
    c.answer = detail::read_answer(fields, 14);
    if (c.answer.max_tokens && *c.answer.max_tokens < 1)
        throw DatabaseError(ErrorKind::invalid_input,
                            "conversation " + c.uid + " has a max tokens below 1");

    Statement messages = db.prepare(
        "SELECT json_type(value, '$.uid'), json_extract(value, '$.uid'), json_extract(value, "
        "'$.parent'),"
        " json_extract(value, '$.role'), json_type(value, '$.content'), json_extract(value, "
        "'$.content'),"
        " json_extract(value, '$.reasoning'), json_extract(value, '$.state'), json_extract(value, "
        "'$.error'),"
        " json_extract(value, '$.model_name'), json_extract(value, '$.prompt_tokens'),"
        " json_extract(value, '$.completion_tokens'), json_extract(value, "
        "'$.time_to_first_token_ms'),"
        " json_extract(value, '$.tokens_per_second'), json_extract(value, '$.created_at'),"
        " json_extract(value, '$.updated_at'), json_extract(value, '$.stop_reason')"
        " FROM json_each(:o, '$.messages')");
    messages.bind(":o", object);
    while (messages.step()) {
        if (messages.is_null(0) || messages.text(0) != "text" || messages.is_null(4) ||
            messages.text(4) != "text")
            throw DatabaseError(ErrorKind::invalid_input, "a message of conversation " + c.uid +
                                                              " has no uid or no text content");
        detail::IncomingMessage m;
        m.message.uid = messages.text(1);
        m.parent_uid = messages.optional_text(2);
        m.message.role = role_from_string(messages.text(3));
        m.message.content = messages.text(5);
        m.message.reasoning = messages.text(6);
        m.message.state = messages.is_null(7) ? MessageState::complete
                                              : message_state_from_string(messages.text(7));
        m.message.error = messages.optional_text(8);
        m.message.model_name = messages.text(9);
        m.message.stats.prompt_tokens = messages.int64(10);
        m.message.stats.completion_tokens = messages.int64(11);
        m.message.stats.time_to_first_token_ms = detail::optional_real(messages, 12);
        m.message.stats.tokens_per_second = detail::optional_real(messages, 13);
        m.message.created_at = messages.int64(14);
        m.message.updated_at = messages.int64(15);
        // Files written before stop reasons were kept have none: unknown.
        m.message.stats.stop_reason = detail::optional_stop_reason(messages, 16);
        in.messages.push_back(std::move(m));
    }
    return in;
}

} // namespace

std::string ConversationExchange::export_json(std::optional<Id> conversation_id) {
    // One snapshot, so a conversation and its messages are exported as of the same moment.
    ReadTransaction snapshot(m_db);
    Statement conversations = m_db.prepare(
        "SELECT c.id, json_object('uid', c.uid, 'title', c.title, 'created_at', c.created_at,"
        " 'updated_at', c.updated_at, 'pinned', json(CASE c.pinned WHEN 0 THEN 'false' ELSE 'true' "
        "END),"
        " 'archived', json(CASE c.archived WHEN 0 THEN 'false' ELSE 'true' END), 'system_prompt', "
        "c.system_prompt,"
        " 'sampling', json_object('temperature', c.temperature, 'top_k', c.top_k, 'top_p', c.top_p,"
        "   'min_p', c.min_p, 'repetition_penalty', c.repetition_penalty, 'seed', c.seed),"
        " 'active_leaf', (SELECT uid FROM messages WHERE id = c.active_leaf_id), 'kind', c.kind,"
        " 'answer', json_object('max_tokens', c.max_tokens, 'thinking', json(CASE c.thinking"
        "   WHEN 0 THEN 'false' WHEN 1 THEN 'true' ELSE 'null' END),"
        "   'reasoning_effort', c.reasoning_effort))"
        " FROM conversations c WHERE :id IS NULL OR c.id = :id ORDER BY c.id");
    detail::bind_optional(conversations, ":id", conversation_id);
    std::string out = "{\"format\":\"" + std::string(format_name) +
                      "\",\"version\":" + std::to_string(format_version) + ",\"conversations\":[";
    bool first = true;
    while (conversations.step()) {
        // json_object's text always ends with '}': the messages array goes in before it.
        std::string object = conversations.text(1);
        object.pop_back();
        out += first ? "\n" : ",\n";
        out += object + ",\"messages\":" + messages_json(m_db, conversations.int64(0)) + "}";
        first = false;
    }
    if (conversation_id && first)
        throw DatabaseError(ErrorKind::not_found,
                            "no conversation with id " + std::to_string(*conversation_id));
    return out + "\n]}\n";
}

ImportSummary ConversationExchange::import_json(std::string_view json) {
    // Validity first, alone: the other JSON functions raise an error on malformed text.
    Statement valid = m_db.prepare("SELECT json_valid(:doc)");
    valid.bind(":doc", json);
    if (!valid.step() || valid.int64(0) == 0)
        throw DatabaseError(ErrorKind::invalid_input, "the import file is not valid JSON");
    Statement header =
        m_db.prepare("SELECT json_extract(:doc, '$.format'), json_extract(:doc, '$.version'),"
                     " json_type(:doc, '$.conversations')");
    header.bind(":doc", json);
    header.step();
    if (header.text(0) != format_name || header.is_null(2) || header.text(2) != "array")
        throw DatabaseError(ErrorKind::invalid_input,
                            "the import file is not a Conclave conversation export");
    if (header.int64(1) > format_version)
        throw DatabaseError(ErrorKind::invalid_input,
                            "the import file was written by a newer Conclave (format version " +
                                std::to_string(header.int64(1)) +
                                "); update Conclave to import it");

    Transaction transaction(m_db);
    detail::IncomingCounts counts;
    Statement each = m_db.prepare("SELECT value FROM json_each(:doc, '$.conversations')");
    each.bind(":doc", json);
    try {
        while (each.step()) {
            const std::string object = each.text(0);
            detail::add_conversation(m_db, read_conversation(m_db, object), false, counts);
        }
    } catch (const DatabaseError& error) {
        // SQLite's JSON functions report a malformed part as a plain SQL error.
        if (error.kind() != ErrorKind::other) throw;
        throw DatabaseError(ErrorKind::invalid_input,
                            std::string("the import file is damaged: ") + error.what());
    }
    transaction.commit();
    return {counts.conversations_added, counts.conversations_merged, counts.messages_added,
            counts.messages_present};
}

} // namespace conclave::storage
