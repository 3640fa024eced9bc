#include "conclave/storage/streaming_writer.h"

#include "conclave/storage/database.h"
#include "conclave/storage/transaction.h"
#include "row_readers.h"

#include <utility>

namespace conclave::storage {

StreamingMessageWriter::StreamingMessageWriter(Database& db, Id message_id,
                                               std::string initial_content,
                                               StreamingOptions options)
    : m_db(&db), m_message_id(message_id), m_content(std::move(initial_content)),
      m_options(std::move(options)), m_last_write(m_options.now()), m_open(true) {}

StreamingMessageWriter::StreamingMessageWriter(StreamingMessageWriter&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)), m_message_id(other.m_message_id),
      m_content(std::move(other.m_content)), m_reasoning(std::move(other.m_reasoning)),
      m_options(std::move(other.m_options)), m_last_write(other.m_last_write),
      m_unsaved(other.m_unsaved), m_open(std::exchange(other.m_open, false)) {}

StreamingMessageWriter::~StreamingMessageWriter() {
    if (!m_open) return;
    try {
        close(MessageState::interrupted, std::nullopt, GenerationStats{});
    } catch (...) {
        // Nothing to report to from a destructor; the next start marks the message
        // interrupted anyway, and the text up to the last successful write is on disk.
    }
}

void StreamingMessageWriter::append(std::string_view text) {
    if (text.empty()) return;
    m_content.append(text);
    m_unsaved = true;
    flush_if_due();
}

void StreamingMessageWriter::append_reasoning(std::string_view text) {
    if (text.empty()) return;
    m_reasoning.append(text);
    m_unsaved = true;
    flush_if_due();
}

void StreamingMessageWriter::flush_if_due() {
    if (m_unsaved && m_options.now() - m_last_write >= m_options.flush_interval) flush();
}

void StreamingMessageWriter::flush() {
    if (!m_open || !m_unsaved) return;
    // A failed write also restarts the interval, so a full disk is retried once per
    // interval rather than on every token.
    m_last_write = m_options.now();
    write_progress();
    m_unsaved = false;
}

void StreamingMessageWriter::write_progress() {
    // One statement is one commit: the row holds the old text or the new, never a mix.
    Statement update = m_db->prepare("UPDATE messages SET content = :content, reasoning = "
                                     ":reasoning, updated_at = :now WHERE id = :id");
    update.bind(":content", std::string_view(m_content))
        .bind(":reasoning", std::string_view(m_reasoning))
        .bind(":now", m_options.wall_clock())
        .bind(":id", m_message_id)
        .run();
}

void StreamingMessageWriter::close(MessageState state, const std::optional<std::string>& error,
                                   const GenerationStats& stats) {
    if (!m_open) return;
    const std::int64_t now = m_options.wall_clock();
    Transaction transaction(*m_db);
    Statement update = m_db->prepare(
        "UPDATE messages SET content = :content, reasoning = :reasoning, state = "
        ":state, error = :error,"
        " prompt_tokens = :prompt_tokens, completion_tokens = :completion_tokens,"
        " time_to_first_token_ms = :ttft, tokens_per_second = :tps, stop_reason = :stop_reason,"
        " updated_at = :now WHERE id = :id");
    update.bind(":content", std::string_view(m_content))
        .bind(":reasoning", std::string_view(m_reasoning))
        .bind(":state", to_string(state))
        .bind(":prompt_tokens", stats.prompt_tokens)
        .bind(":completion_tokens", stats.completion_tokens)
        .bind(":now", now)
        .bind(":id", m_message_id);
    detail::bind_optional(update, ":error", error);
    detail::bind_optional(update, ":ttft", stats.time_to_first_token_ms);
    detail::bind_optional(update, ":tps", stats.tokens_per_second);
    detail::bind_stop_reason(update, ":stop_reason", stats.stop_reason);
    update.run();
    // The conversation moves to the top of the list when its answer is done.
    m_db->prepare("UPDATE conversations SET updated_at = :now"
                  " WHERE id = (SELECT conversation_id FROM messages WHERE id = :id)")
        .bind(":now", now)
        .bind(":id", m_message_id)
        .run();
    transaction.commit();
    m_unsaved = false;
    m_open = false;
}

namespace {

// The stats with `reason` as the stop reason when the caller gave none.
GenerationStats with_reason(GenerationStats stats, StopReason reason) {
    if (!stats.stop_reason) stats.stop_reason = reason;
    return stats;
}

} // namespace

void StreamingMessageWriter::finish(const GenerationStats& stats) {
    close(MessageState::complete, std::nullopt, with_reason(stats, StopReason::finished));
}

void StreamingMessageWriter::stop(const GenerationStats& stats) {
    close(MessageState::stopped, std::nullopt, with_reason(stats, StopReason::stopped));
}

void StreamingMessageWriter::fail(std::string_view error, const GenerationStats& stats) {
    close(MessageState::failed, std::string(error), with_reason(stats, StopReason::error));
}

} // namespace conclave::storage
