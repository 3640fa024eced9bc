#pragma once
// Records: the plain values storage reads and writes. They are copied freely between
// threads (the app's worker sends them to the GUI by queued signals); none holds a pointer
// into the database. Ids are the database's row ids: 0 means "none" where a field is not
// optional.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace conclave::storage {

using Id = std::int64_t;

// Milliseconds since the Unix epoch, UTC. Stores take the clock as a parameter so tests
// can set time; the default reads the system clock.
using Clock = std::function<std::int64_t()>;
std::int64_t system_clock_ms();

// Stored by name in the database and in export files: names are never renamed or reused.
enum class Role { system, user, assistant, tool };

// Stored by name in the database and in export files: names are never renamed or reused.
enum class MessageState {
    complete,    // finished normally
    streaming,   // being written now (only while a StreamingMessageWriter is open)
    stopped,     // the user stopped the generation; the text so far is kept
    failed,      // the generation failed; `error` says why; the text so far is kept
    interrupted, // the app ended (crash, power cut, quit) while it was streaming
};

// Why an answer ended. Stored by name in the database and in export files: names are never
// renamed or reused. Rows written before schema version 4 have none (unknown).
enum class StopReason {
    finished,     // the model ended its answer
    token_limit,  // the answer reached the most tokens allowed
    stop_string,  // a stop string ended it
    context_full, // the context window was full
    stopped,      // the user (or a switch, or quit) stopped it
    error,        // the generation failed
};

// What a conversation is. Stored by name in the database: names are never renamed or reused.
// Rows written before schema version 5 are chats.
enum class ConversationKind {
    chat,       // the chat window's conversation
    code_panel, // a session of the code-assistant panel (its document: CodePanelStore)
};

std::string_view to_string(Role role);
std::string_view to_string(MessageState state);
std::string_view to_string(StopReason reason);
std::string_view to_string(ConversationKind kind);
// Throw DatabaseError(invalid_input) for a name that is not one of the values above.
Role role_from_string(std::string_view name);
MessageState message_state_from_string(std::string_view name);
StopReason stop_reason_from_string(std::string_view name);
ConversationKind conversation_kind_from_string(std::string_view name);

// Sampling values a conversation or a model may override; nullopt means "not overridden".
struct SamplingOverrides {
    std::optional<double> temperature;
    std::optional<std::int64_t> top_k;
    std::optional<double> top_p;
    std::optional<double> min_p;
    std::optional<double> repetition_penalty;
    std::optional<std::int64_t> seed;

    bool operator==(const SamplingOverrides&) const = default;
};

// How a conversation's answers are generated beyond sampling; nullopt means "follow the
// model's settings" (ModelSettings holds the same three choices per model).
struct AnswerOverrides {
    std::optional<std::int64_t> max_tokens;      // the most tokens of one answer (> 0)
    std::optional<bool> thinking;                // reasoning on or off, where the template lets
    std::optional<std::string> reasoning_effort; // the template's word: "low", "medium", "high"

    bool operator==(const AnswerOverrides&) const = default;
};

struct Conversation {
    Id id = 0;
    std::string uid; // stable across export and import
    std::string title;
    std::int64_t created_at = 0;
    std::int64_t updated_at = 0;
    bool pinned = false;
    bool archived = false;
    std::optional<Id> last_model_id;
    std::optional<Id> active_leaf_id;         // the last message of the branch on screen
    std::optional<std::string> system_prompt; // overrides the model's when set
    SamplingOverrides sampling;
    ConversationKind kind = ConversationKind::chat;
    AnswerOverrides answer; // schema version 7; unset in rows written before
};

struct GenerationStats {
    std::int64_t prompt_tokens = 0;
    std::int64_t completion_tokens = 0;
    std::optional<double> time_to_first_token_ms;
    std::optional<double> tokens_per_second;
    std::optional<StopReason> stop_reason; // nullopt: unknown (older rows, user messages)

    bool operator==(const GenerationStats&) const = default;
};

struct Message {
    Id id = 0;
    std::string uid;
    Id conversation_id = 0;
    std::optional<Id> parent_id; // nullopt for the first message of a branch at the root
    Role role = Role::user;
    std::string content;
    std::string reasoning; // the model's thinking text, shown apart from the answer
    MessageState state = MessageState::complete;
    std::optional<std::string> error; // why it failed (state failed)
    std::optional<Id> model_id;
    std::string model_name;
    GenerationStats stats;
    std::int64_t created_at = 0;
    std::int64_t updated_at = 0;
};

// A message as shown in the active branch, with its place among its siblings so the view
// can show "2 / 3" and arrows to the other versions.
struct BranchMessage {
    Message message;
    int sibling_index = 0; // 0-based, in creation order
    int sibling_count = 1;
};

// What a new message needs; the store fills in ids and timestamps.
struct NewMessage {
    Id conversation_id = 0;
    // The message it answers or follows. nullopt appends after the conversation's active
    // leaf (the usual case); an explicit parent starts a branch beside the parent's children.
    std::optional<Id> parent_id;
    bool at_root = false; // true: a root message even when the conversation has messages
    Role role = Role::user;
    std::string content;
    std::string reasoning;
    MessageState state = MessageState::complete;
    std::optional<std::string> error;
    std::optional<Id> model_id;
    std::string model_name;
    GenerationStats stats;
};

} // namespace conclave::storage
