#include "row_readers.h"

namespace conclave::storage::detail {

std::optional<std::int64_t> optional_int64(const Statement& row, int column) {
    if (row.is_null(column)) return std::nullopt;
    return row.int64(column);
}

std::optional<double> optional_real(const Statement& row, int column) {
    if (row.is_null(column)) return std::nullopt;
    return row.real(column);
}

Conversation read_conversation(const Statement& row, int first) {
    Conversation c;
    c.id = row.int64(first + 0);
    c.uid = row.text(first + 1);
    c.title = row.text(first + 2);
    c.created_at = row.int64(first + 3);
    c.updated_at = row.int64(first + 4);
    c.pinned = row.int64(first + 5) != 0;
    c.archived = row.int64(first + 6) != 0;
    c.last_model_id = optional_int64(row, first + 7);
    c.active_leaf_id = optional_int64(row, first + 8);
    c.system_prompt = row.optional_text(first + 9);
    c.sampling.temperature = optional_real(row, first + 10);
    c.sampling.top_k = optional_int64(row, first + 11);
    c.sampling.top_p = optional_real(row, first + 12);
    c.sampling.min_p = optional_real(row, first + 13);
    c.sampling.repetition_penalty = optional_real(row, first + 14);
    c.sampling.seed = optional_int64(row, first + 15);
    c.kind = conversation_kind_from_string(row.text(first + 16));
    c.answer = read_answer(row, first + 17);
    return c;
}

Message read_message(const Statement& row, int first) {
    Message m;
    m.id = row.int64(first + 0);
    m.uid = row.text(first + 1);
    m.conversation_id = row.int64(first + 2);
    m.parent_id = optional_int64(row, first + 3);
    m.role = role_from_string(row.text(first + 4));
    m.content = row.text(first + 5);
    m.reasoning = row.text(first + 6);
    m.state = message_state_from_string(row.text(first + 7));
    m.error = row.optional_text(first + 8);
    m.model_id = optional_int64(row, first + 9);
    m.model_name = row.text(first + 10);
    m.stats.prompt_tokens = row.int64(first + 11);
    m.stats.completion_tokens = row.int64(first + 12);
    m.stats.time_to_first_token_ms = optional_real(row, first + 13);
    m.stats.tokens_per_second = optional_real(row, first + 14);
    m.created_at = row.int64(first + 15);
    m.updated_at = row.int64(first + 16);
    m.stats.stop_reason = optional_stop_reason(row, first + 17);
    return m;
}

std::string conversation_columns_for(int schema_version) {
    std::string columns(conversation_columns);
    if (schema_version < 5) columns.replace(columns.rfind("c.kind"), 6, "'chat'");
    if (schema_version < 7) {
        const std::string_view answer = "c.max_tokens, c.thinking, c.reasoning_effort";
        columns.replace(columns.rfind(answer), answer.size(), "NULL, NULL, NULL");
    }
    return columns;
}

std::string message_columns_for(int schema_version) {
    std::string columns(message_columns);
    if (schema_version < 4) columns.replace(columns.rfind("m.stop_reason"), 13, "NULL");
    return columns;
}

std::optional<StopReason> optional_stop_reason(const Statement& row, int column) {
    if (row.is_null(column)) return std::nullopt;
    return stop_reason_from_string(row.text(column));
}

void bind_stop_reason(Statement& statement, std::string_view name,
                      const std::optional<StopReason>& reason) {
    if (reason)
        statement.bind(name, to_string(*reason));
    else
        statement.bind_null(name);
}

void bind_optional(Statement& statement, std::string_view name,
                   const std::optional<std::int64_t>& value) {
    if (value)
        statement.bind(name, *value);
    else
        statement.bind_null(name);
}

void bind_optional(Statement& statement, std::string_view name,
                   const std::optional<double>& value) {
    if (value)
        statement.bind(name, *value);
    else
        statement.bind_null(name);
}

void bind_optional(Statement& statement, std::string_view name,
                   const std::optional<std::string>& value) {
    if (value)
        statement.bind(name, std::string_view(*value));
    else
        statement.bind_null(name);
}

void bind_sampling(Statement& statement, const SamplingOverrides& sampling) {
    bind_optional(statement, ":temperature", sampling.temperature);
    bind_optional(statement, ":top_k", sampling.top_k);
    bind_optional(statement, ":top_p", sampling.top_p);
    bind_optional(statement, ":min_p", sampling.min_p);
    bind_optional(statement, ":repetition_penalty", sampling.repetition_penalty);
    bind_optional(statement, ":seed", sampling.seed);
}

void bind_answer(Statement& statement, const AnswerOverrides& answer) {
    bind_optional(statement, ":max_tokens", answer.max_tokens);
    std::optional<std::int64_t> thinking;
    if (answer.thinking) thinking = *answer.thinking ? 1 : 0;
    bind_optional(statement, ":thinking", thinking);
    bind_optional(statement, ":reasoning_effort", answer.reasoning_effort);
}

AnswerOverrides read_answer(const Statement& row, int first) {
    AnswerOverrides answer;
    answer.max_tokens = optional_int64(row, first);
    if (const auto thinking = optional_int64(row, first + 1)) answer.thinking = *thinking != 0;
    answer.reasoning_effort = row.optional_text(first + 2);
    return answer;
}

} // namespace conclave::storage::detail
