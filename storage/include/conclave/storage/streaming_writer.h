#pragma once
// StreamingMessageWriter: saves an answer while the model writes it, so a crash or power cut
// loses at most `flush_interval` of text (about a second) and the message reads as
// interrupted afterwards, never as complete.
//
// append() adds text to memory and writes it to the database when the last write is at
// least flush_interval old; finish()/stop()/fail() write everything and set the final
// state. Every write stores the whole text so far in one UPDATE (one commit): a reader or a
// crash sees the previous write or this one, never a half-written row.
//
// Ownership and threads: created by ConversationStore::begin_streaming, borrows that
// store's Database (which must outlive it) and is used on its thread. Movable, not copyable.
//
// Errors: a write that fails (disk full, read-only) throws DatabaseError from append(),
// flush() or the finishing call, and the writer keeps all the text in memory: content() is
// never missing a token. The next append() after the interval, or any flush(), tries again,
// and a finishing call that threw may be called again. Destroying a writer that was not
// finished saves what it can and marks the message interrupted, without throwing.

#include "conclave/storage/records.h"

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace conclave::storage {

class Database;

struct StreamingOptions {
    std::chrono::milliseconds flush_interval{1000};
    // Where time comes from; tests replace it.
    std::function<std::chrono::steady_clock::time_point()> now = [] {
        return std::chrono::steady_clock::now();
    };
    Clock wall_clock = system_clock_ms;
};

class StreamingMessageWriter {
public:
    StreamingMessageWriter(Database& db, Id message_id, std::string initial_content,
                           StreamingOptions options);
    ~StreamingMessageWriter();
    StreamingMessageWriter(StreamingMessageWriter&& other) noexcept;
    StreamingMessageWriter& operator=(StreamingMessageWriter&&) = delete;
    StreamingMessageWriter(const StreamingMessageWriter&) = delete;
    StreamingMessageWriter& operator=(const StreamingMessageWriter&) = delete;

    Id message_id() const { return m_message_id; }

    void append(std::string_view text);
    void append_reasoning(std::string_view text);
    // Writes now if anything is unsaved and the interval has passed; for a caller's timer
    // when tokens pause (a long tool call, say).
    void flush_if_due();
    // Writes now whatever is unsaved.
    void flush();

    // Final state complete / stopped (by the user) / failed with `error`. Each writes all the
    // text and the stats in one commit; afterwards the writer is closed. The stop reason is
    // stats.stop_reason, or else finished / stopped / error.
    void finish(const GenerationStats& stats);
    void stop(const GenerationStats& stats);
    void fail(std::string_view error, const GenerationStats& stats);

    // Everything received so far, saved or not.
    const std::string& content() const { return m_content; }
    const std::string& reasoning() const { return m_reasoning; }
    bool has_unsaved_text() const { return m_unsaved; }
    bool is_open() const { return m_open; }

private:
    void write_progress();
    void close(MessageState state, const std::optional<std::string>& error,
               const GenerationStats& stats);

    Database* m_db = nullptr;
    Id m_message_id = 0;
    std::string m_content;
    std::string m_reasoning;
    StreamingOptions m_options;
    std::chrono::steady_clock::time_point m_last_write;
    bool m_unsaved = false;
    bool m_open = false;
};

} // namespace conclave::storage
