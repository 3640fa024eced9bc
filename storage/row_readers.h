#pragma once
// Internal: the column lists and row readers shared by every query that returns
// conversations or messages, and binds for optional values. One place, so a new column is
// added once.

#include "conclave/storage/records.h"
#include "conclave/storage/statement.h"

#include <optional>
#include <string>
#include <string_view>

namespace conclave::storage::detail {

// Selected in this order by every conversation query; table alias `c`.
inline constexpr std::string_view conversation_columns =
    "c.id, c.uid, c.title, c.created_at, c.updated_at, c.pinned, c.archived, c.last_model_id,"
    " c.active_leaf_id, c.system_prompt, c.temperature, c.top_k, c.top_p, c.min_p,"
    " c.repetition_penalty, c.seed, c.kind, c.max_tokens, c.thinking, c.reasoning_effort";
inline constexpr int conversation_column_count = 20;
// conversation_columns as a database of an older schema can answer them: 'chat' for the kind
// before version 5, NULL for the answer choices before version 7.
std::string conversation_columns_for(int schema_version);

// Selected in this order by every message query; table alias `m`.
inline constexpr std::string_view message_columns =
    "m.id, m.uid, m.conversation_id, m.parent_id, m.role, m.content, m.reasoning, m.state, m.error,"
    " m.model_id, m.model_name, m.prompt_tokens, m.completion_tokens, m.time_to_first_token_ms,"
    " m.tokens_per_second, m.created_at, m.updated_at, m.stop_reason";
inline constexpr int message_column_count = 18;
// message_columns as a database of an older schema can answer them (recovery reads damaged
// files of any version): NULL for the stop reason before version 4.
std::string message_columns_for(int schema_version);

Conversation read_conversation(const Statement& row, int first = 0);
Message read_message(const Statement& row, int first = 0);

std::optional<std::int64_t> optional_int64(const Statement& row, int column);
std::optional<double> optional_real(const Statement& row, int column);

void bind_optional(Statement& statement, std::string_view name,
                   const std::optional<std::int64_t>& value);
void bind_optional(Statement& statement, std::string_view name, const std::optional<double>& value);
void bind_optional(Statement& statement, std::string_view name,
                   const std::optional<std::string>& value);
// Binds the stop reason's name, or NULL when unknown.
void bind_stop_reason(Statement& statement, std::string_view name,
                      const std::optional<StopReason>& reason);
// The stop reason in `column`: nullopt for NULL.
std::optional<StopReason> optional_stop_reason(const Statement& row, int column);

// Binds :max_tokens, :thinking (0/1) and :reasoning_effort.
void bind_answer(Statement& statement, const AnswerOverrides& answer);
// The answer choices in three columns from `first`, as bind_answer writes them.
AnswerOverrides read_answer(const Statement& row, int first);

// Binds :temperature, :top_k, :top_p, :min_p, :repetition_penalty and :seed.
void bind_sampling(Statement& statement, const SamplingOverrides& sampling);

} // namespace conclave::storage::detail
