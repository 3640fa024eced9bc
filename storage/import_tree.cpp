#include "import_tree.h"

#include "conclave/storage/database.h"
#include "conclave/storage/database_error.h"
#include "row_readers.h"

#include <map>
#include <set>

namespace conclave::storage::detail {
namespace {

std::optional<Id> id_for_uid(Database& db, std::string_view table, const std::string& uid) {
    Statement select = db.prepare("SELECT id FROM " + std::string(table) + " WHERE uid = :uid");
    select.bind(":uid", uid);
    if (!select.step()) return std::nullopt;
    return select.int64(0);
}

Id insert_conversation(Database& db, const Conversation& c) {
    Statement insert =
        db.prepare("INSERT INTO conversations(uid, title, created_at, updated_at, pinned, "
                   "archived, system_prompt,"
                   " temperature, top_k, top_p, min_p, repetition_penalty, seed, kind,"
                   " max_tokens, thinking, reasoning_effort)"
                   " VALUES(:uid, :title, :created, :updated, :pinned, :archived, :system_prompt,"
                   " :temperature, :top_k, :top_p, :min_p, :repetition_penalty, :seed, :kind,"
                   " :max_tokens, :thinking, :reasoning_effort)");
    insert.bind(":uid", c.uid)
        .bind(":title", c.title)
        .bind(":created", c.created_at)
        .bind(":updated", c.updated_at)
        .bind(":pinned", c.pinned ? 1 : 0)
        .bind(":archived", c.archived ? 1 : 0)
        .bind(":kind", to_string(c.kind));
    bind_optional(insert, ":system_prompt", c.system_prompt);
    bind_sampling(insert, c.sampling);
    bind_answer(insert, c.answer);
    insert.run();
    return db.last_insert_id();
}

Id insert_message(Database& db, Id conversation_id, std::optional<Id> parent, const Message& m) {
    const MessageState state =
        m.state == MessageState::streaming ? MessageState::interrupted : m.state;
    Statement insert = db.prepare(
        "INSERT INTO messages(uid, conversation_id, parent_id, role, content, "
        "reasoning, state, error, model_name,"
        " prompt_tokens, completion_tokens, time_to_first_token_ms, tokens_per_second, "
        "stop_reason, created_at, updated_at)"
        " VALUES(:uid, :conversation, :parent, :role, :content, :reasoning, :state, "
        ":error, :model_name,"
        " :prompt_tokens, :completion_tokens, :ttft, :tps, :stop_reason, :created, :updated)");
    insert.bind(":uid", m.uid)
        .bind(":conversation", conversation_id)
        .bind(":role", to_string(m.role))
        .bind(":content", m.content)
        .bind(":reasoning", m.reasoning)
        .bind(":state", to_string(state))
        .bind(":model_name", m.model_name)
        .bind(":prompt_tokens", m.stats.prompt_tokens)
        .bind(":completion_tokens", m.stats.completion_tokens)
        .bind(":created", m.created_at)
        .bind(":updated", m.updated_at);
    bind_optional(insert, ":parent", parent);
    bind_optional(insert, ":error", m.error);
    bind_optional(insert, ":ttft", m.stats.time_to_first_token_ms);
    bind_optional(insert, ":tps", m.stats.tokens_per_second);
    bind_stop_reason(insert, ":stop_reason", m.stats.stop_reason);
    insert.run();
    return db.last_insert_id();
}

} // namespace

void add_conversation(Database& db, const IncomingConversation& incoming,
                      bool orphans_attach_to_previous, IncomingCounts& counts) {
    const Conversation& source = incoming.conversation;
    if (source.uid.empty())
        throw DatabaseError(ErrorKind::invalid_input, "a conversation has no uid");
    std::optional<Id> conversation_id = id_for_uid(db, "conversations", source.uid);
    const bool is_new = !conversation_id;
    if (is_new) {
        conversation_id = insert_conversation(db, source);
        ++counts.conversations_added;
    } else {
        ++counts.conversations_merged;
    }

    // Parents first: insert every message whose parent is known, again and again, until
    // none is left or no pass makes progress (a missing parent or a cycle).
    std::map<std::string, Id> local_ids;
    std::set<std::string> seen;
    std::vector<const IncomingMessage*> pending;
    for (const IncomingMessage& m : incoming.messages) {
        if (m.message.uid.empty())
            throw DatabaseError(ErrorKind::invalid_input, "a message has no uid");
        if (!seen.insert(m.message.uid).second) continue;
        if (const auto existing = id_for_uid(db, "messages", m.message.uid)) {
            local_ids[m.message.uid] = *existing;
            ++counts.messages_present;
        } else {
            pending.push_back(&m);
        }
    }
    std::optional<Id> previous;
    while (!pending.empty()) {
        std::vector<const IncomingMessage*> waiting;
        for (const IncomingMessage* m : pending) {
            std::optional<Id> parent;
            if (m->parent_uid) {
                const auto known = local_ids.find(*m->parent_uid);
                if (known != local_ids.end())
                    parent = known->second;
                else if (const auto here = id_for_uid(db, "messages", *m->parent_uid))
                    parent = here;
                else if (seen.count(*m->parent_uid)) {
                    waiting.push_back(m);
                    continue;
                } else if (orphans_attach_to_previous)
                    parent = previous;
                else
                    throw DatabaseError(ErrorKind::invalid_input,
                                        "message " + m->message.uid + " refers to parent " +
                                            *m->parent_uid + ", which is not in the file");
            }
            previous = local_ids[m->message.uid] =
                insert_message(db, *conversation_id, parent, m->message);
            ++counts.messages_added;
        }
        if (waiting.size() == pending.size())
            throw DatabaseError(ErrorKind::invalid_input, "the messages of conversation " +
                                                              source.uid +
                                                              " refer to each other in a cycle");
        pending = std::move(waiting);
    }

    // A new conversation shows the branch it was exported with; a merged one keeps the
    // branch its user is looking at here.
    if (!is_new) return;
    std::optional<Id> leaf;
    if (incoming.active_leaf_uid) {
        const auto known = local_ids.find(*incoming.active_leaf_uid);
        if (known != local_ids.end()) leaf = known->second;
    }
    if (!leaf && previous) leaf = previous;
    Statement update = db.prepare("UPDATE conversations SET active_leaf_id = :leaf WHERE id = :id");
    bind_optional(update, ":leaf", leaf);
    update.bind(":id", *conversation_id).run();
}

} // namespace conclave::storage::detail
