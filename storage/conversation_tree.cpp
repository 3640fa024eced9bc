// ConversationStore, the message tree: appending, editing as a sibling, the active branch,
// switching and deleting branches, and starting a streamed answer.

#include "conclave/storage/conversation_store.h"
#include "conclave/storage/database.h"
#include "conclave/storage/database_error.h"
#include "conclave/storage/transaction.h"
#include "row_readers.h"

#include <string>

namespace conclave::storage {
namespace {

using detail::bind_optional;
using detail::bind_stop_reason;

// The subtree of :root (itself included), as a CTE usable inside another statement.
constexpr std::string_view subtree_ids =
    "WITH RECURSIVE subtree(id) AS (SELECT :root UNION ALL"
    " SELECT m.id FROM messages m JOIN subtree s ON m.parent_id = s.id) SELECT id FROM subtree";

std::optional<Id> active_leaf_of(Database& db, Id conversation_id) {
    Statement select = db.prepare("SELECT active_leaf_id FROM conversations WHERE id = :id");
    select.bind(":id", conversation_id);
    if (!select.step())
        throw DatabaseError(ErrorKind::not_found,
                            "no conversation with id " + std::to_string(conversation_id));
    return detail::optional_int64(select, 0);
}

Id conversation_of_message(Database& db, Id message_id) {
    Statement select = db.prepare("SELECT conversation_id FROM messages WHERE id = :id");
    select.bind(":id", message_id);
    if (!select.step())
        throw DatabaseError(ErrorKind::not_found,
                            "no message with id " + std::to_string(message_id));
    return select.int64(0);
}

// The parent a new message hangs under: the one asked for (checked to be in the same
// conversation), none at the root, or else the conversation's active leaf.
std::optional<Id> parent_for(Database& db, const NewMessage& message) {
    const std::optional<Id> active_leaf = active_leaf_of(db, message.conversation_id);
    if (message.at_root) return std::nullopt;
    if (!message.parent_id) return active_leaf;
    if (conversation_of_message(db, *message.parent_id) != message.conversation_id)
        throw DatabaseError(ErrorKind::invalid_input, "message " +
                                                          std::to_string(*message.parent_id) +
                                                          " is not in conversation " +
                                                          std::to_string(message.conversation_id));
    return message.parent_id;
}

Id insert_message(Database& db, const NewMessage& message, std::optional<Id> parent,
                  std::int64_t now) {
    Statement insert = db.prepare(
        "INSERT INTO messages(conversation_id, parent_id, role, content, reasoning, state, error, "
        "model_id,"
        " model_name, prompt_tokens, completion_tokens, time_to_first_token_ms, tokens_per_second,"
        " stop_reason, created_at, updated_at)"
        " VALUES(:conversation, :parent, :role, :content, :reasoning, :state, :error, :model_id, "
        ":model_name,"
        " :prompt_tokens, :completion_tokens, :ttft, :tps, :stop_reason, :now, :now)");
    insert.bind(":conversation", message.conversation_id)
        .bind(":role", to_string(message.role))
        .bind(":content", std::string_view(message.content))
        .bind(":reasoning", std::string_view(message.reasoning))
        .bind(":state", to_string(message.state))
        .bind(":model_name", std::string_view(message.model_name))
        .bind(":prompt_tokens", message.stats.prompt_tokens)
        .bind(":completion_tokens", message.stats.completion_tokens)
        .bind(":now", now);
    bind_optional(insert, ":parent", parent);
    bind_optional(insert, ":error", message.error);
    bind_optional(insert, ":model_id", message.model_id);
    bind_optional(insert, ":ttft", message.stats.time_to_first_token_ms);
    bind_optional(insert, ":tps", message.stats.tokens_per_second);
    bind_stop_reason(insert, ":stop_reason", message.stats.stop_reason);
    insert.run();
    return db.last_insert_id();
}

void set_leaf(Database& db, Id conversation_id, std::optional<Id> leaf) {
    Statement update = db.prepare("UPDATE conversations SET active_leaf_id = :leaf WHERE id = :id");
    bind_optional(update, ":leaf", leaf);
    update.bind(":id", conversation_id).run();
}

} // namespace

Message ConversationStore::append_message(const NewMessage& message) {
    Transaction transaction(m_db);
    const Id id = insert_message(m_db, message, parent_for(m_db, message), m_clock());
    set_leaf(m_db, message.conversation_id, id);
    touch(message.conversation_id);
    transaction.commit();
    return this->message(id);
}

Message ConversationStore::edit_message(Id message_id, std::string_view new_content) {
    const Message original = message(message_id);
    NewMessage edited;
    edited.conversation_id = original.conversation_id;
    edited.parent_id = original.parent_id;
    edited.at_root = !original.parent_id;
    edited.role = original.role;
    edited.content = std::string(new_content);
    edited.model_id = original.model_id;
    edited.model_name = original.model_name;
    return append_message(edited);
}

StreamingMessageWriter ConversationStore::begin_streaming(const NewMessage& message,
                                                          StreamingOptions options) {
    NewMessage streaming = message;
    streaming.state = MessageState::streaming;
    const Id id = append_message(streaming).id;
    return StreamingMessageWriter(m_db, id, message.content, std::move(options));
}

Message ConversationStore::message(Id message_id) {
    Statement select = m_db.prepare("SELECT " + std::string(detail::message_columns) +
                                    " FROM messages m WHERE m.id = :id");
    select.bind(":id", message_id);
    if (!select.step())
        throw DatabaseError(ErrorKind::not_found,
                            "no message with id " + std::to_string(message_id));
    return detail::read_message(select);
}

std::vector<BranchMessage> ConversationStore::active_branch(Id conversation_id) {
    // Walks up from the active leaf by primary key; the sibling counts use messages_by_parent.
    // The depth bound stops a cycle (only a damaged file could hold one) from looping.
    Statement select = m_db.prepare(
        "WITH RECURSIVE branch(id, depth) AS ("
        " SELECT active_leaf_id, 0 FROM conversations WHERE id = :conversation AND active_leaf_id "
        "IS NOT NULL"
        " UNION ALL SELECT m.parent_id, b.depth + 1 FROM messages m JOIN branch b ON m.id = b.id"
        " WHERE m.parent_id IS NOT NULL AND b.depth < 1000000)"
        " SELECT " +
        std::string(detail::message_columns) +
        ","
        " (SELECT count(*) FROM messages s WHERE s.conversation_id = m.conversation_id"
        "   AND s.parent_id IS m.parent_id AND s.id < m.id),"
        " (SELECT count(*) FROM messages s WHERE s.conversation_id = m.conversation_id"
        "   AND s.parent_id IS m.parent_id)"
        " FROM branch b JOIN messages m ON m.id = b.id ORDER BY b.depth DESC");
    select.bind(":conversation", conversation_id);
    std::vector<BranchMessage> branch;
    while (select.step()) {
        BranchMessage entry;
        entry.message = detail::read_message(select);
        entry.sibling_index = static_cast<int>(select.int64(detail::message_column_count));
        entry.sibling_count = static_cast<int>(select.int64(detail::message_column_count + 1));
        branch.push_back(std::move(entry));
    }
    return branch;
}

ConversationView ConversationStore::open_conversation(Id conversation_id) {
    ReadTransaction snapshot(m_db);
    ConversationView view;
    view.conversation = conversation(conversation_id);
    view.branch = active_branch(conversation_id);
    return view;
}

std::vector<Message> ConversationStore::all_messages(Id conversation_id) {
    // A parent is always inserted before its children, so id order lists parents first.
    Statement select =
        m_db.prepare("SELECT " + std::string(detail::message_columns) +
                     " FROM messages m WHERE m.conversation_id = :conversation ORDER BY m.id");
    select.bind(":conversation", conversation_id);
    std::vector<Message> messages;
    while (select.step()) messages.push_back(detail::read_message(select));
    return messages;
}

std::vector<Message> ConversationStore::children(Id conversation_id, std::optional<Id> parent_id) {
    Statement select = m_db.prepare("SELECT " + std::string(detail::message_columns) +
                                    " FROM messages m WHERE m.conversation_id = :conversation"
                                    " AND m.parent_id IS :parent ORDER BY m.id");
    select.bind(":conversation", conversation_id);
    bind_optional(select, ":parent", parent_id);
    std::vector<Message> messages;
    while (select.step()) messages.push_back(detail::read_message(select));
    return messages;
}

void ConversationStore::set_active_leaf(Id conversation_id, Id message_id) {
    Transaction transaction(m_db);
    if (conversation_of_message(m_db, message_id) != conversation_id)
        throw DatabaseError(ErrorKind::invalid_input, "message " + std::to_string(message_id) +
                                                          " is not in conversation " +
                                                          std::to_string(conversation_id));
    set_leaf(m_db, conversation_id, message_id);
    transaction.commit();
}

Id ConversationStore::newest_leaf_below(Id message_id) {
    Statement newest_child = m_db.prepare("SELECT max(id) FROM messages WHERE parent_id = :parent");
    Id leaf = message_id;
    for (;;) {
        newest_child.reset();
        newest_child.bind(":parent", leaf);
        if (!newest_child.step() || newest_child.is_null(0)) return leaf;
        leaf = newest_child.int64(0);
    }
}

Id ConversationStore::select_branch(Id message_id) {
    Transaction transaction(m_db);
    const Id conversation_id = conversation_of_message(m_db, message_id);
    const Id leaf = newest_leaf_below(message_id);
    set_leaf(m_db, conversation_id, leaf);
    transaction.commit();
    return leaf;
}

void ConversationStore::delete_subtree(Id message_id) {
    Transaction transaction(m_db);
    const Message doomed = message(message_id);
    Statement leaf_inside = m_db.prepare(
        "SELECT 1 FROM conversations WHERE id = :conversation AND active_leaf_id IN (" +
        std::string(subtree_ids) + ")");
    leaf_inside.bind(":conversation", doomed.conversation_id).bind(":root", message_id);
    const bool moves_branch = leaf_inside.step();
    // One statement removes the whole subtree, so the parent_id references are checked once
    // it is all gone, and no cascade recurses once per level.
    m_db.prepare("DELETE FROM messages WHERE id IN (" + std::string(subtree_ids) + ")")
        .bind(":root", message_id)
        .run();
    if (moves_branch) {
        std::optional<Id> leaf;
        if (doomed.parent_id) {
            leaf = newest_leaf_below(*doomed.parent_id);
        } else {
            Statement newest_root =
                m_db.prepare("SELECT max(id) FROM messages WHERE conversation_id = :conversation "
                             "AND parent_id IS NULL");
            newest_root.bind(":conversation", doomed.conversation_id);
            if (newest_root.step() && !newest_root.is_null(0))
                leaf = newest_leaf_below(newest_root.int64(0));
        }
        set_leaf(m_db, doomed.conversation_id, leaf);
    }
    transaction.commit();
}

} // namespace conclave::storage
