#pragma once
// ConversationExchange: conversations to and from files.
//
// JSON is lossless: every conversation field, every message of every branch, the active
// branch and each message's uid, so importing a file on another machine rebuilds the same
// trees. Numbers with fractions (sampling values, tokens/s) keep 15 significant digits.
// Import matches by uid and is idempotent: importing the same file again adds nothing,
// and importing a later export of a conversation adds only the messages not yet here. A
// conversation already here keeps its own title, settings and active branch. The whole
// import is one transaction: a bad file changes nothing.
//
// Markdown is for reading: the title and the active branch, with each message's role,
// model, thinking text and a note when it was stopped, failed or interrupted.
//
// File format ("format": "conclave-conversations", "version": 1), one object:
//   { "format", "version", "conversations": [ { "uid", "title", "created_at", "updated_at",
//     "pinned", "archived", "system_prompt", "sampling": { "temperature", "top_k", "top_p",
//     "min_p", "repetition_penalty", "seed" }, "answer": { "max_tokens", "thinking" (true,
//     false or null), "reasoning_effort" }, "active_leaf": message uid or null,
//     "messages": [ { "uid", "parent": uid or null, "role", "content", "reasoning", "state",
//     "error", "model_name", "prompt_tokens", "completion_tokens",
//     "time_to_first_token_ms", "tokens_per_second", "stop_reason", "created_at",
//     "updated_at" } ] } ] }
// "stop_reason" (finished, token_limit, stop_string, context_full, stopped, error, or null
// for unknown) was added later; files without it import with the reason unknown. "answer"
// (schema version 7) too: files without it import following the model's choices; a max tokens
// below 1 is invalid_input.
// Times are milliseconds since the Unix epoch. Model ids are local and not exported.
//
// Ownership and threads: borrows a Database, used on its thread. Throws DatabaseError;
// a file that is not such JSON gives DatabaseError(invalid_input) naming the problem.

#include "conclave/storage/records.h"

#include <optional>
#include <string>
#include <string_view>

namespace conclave::storage {

class Database;

struct ImportSummary {
    int conversations_added = 0;
    int conversations_merged = 0;
    int messages_added = 0;
    int messages_already_present = 0;
};

class ConversationExchange {
public:
    explicit ConversationExchange(Database& db) : m_db(db) {}

    // One conversation, or every conversation (archived included) for nullopt.
    std::string export_json(std::optional<Id> conversation_id = std::nullopt);
    ImportSummary import_json(std::string_view json);

    std::string export_markdown(Id conversation_id);
    // Every conversation's active branch, one after another.
    std::string export_markdown_all();

private:
    Database& m_db;
};

} // namespace conclave::storage
