#include "conclave/storage/records.h"

#include "conclave/storage/database_error.h"

#include <array>
#include <chrono>
#include <utility>

namespace conclave::storage {
namespace {

// Indexed by the enum's value; the names are what the database and export files hold.
constexpr std::array<std::string_view, 4> role_names{"system", "user", "assistant", "tool"};
constexpr std::array<std::string_view, 5> state_names{"complete", "streaming", "stopped", "failed",
                                                      "interrupted"};
constexpr std::array<std::string_view, 6> stop_reason_names{
    "finished", "token_limit", "stop_string", "context_full", "stopped", "error"};
constexpr std::array<std::string_view, 2> kind_names{"chat", "code_panel"};

template <typename Enum, std::size_t N>
Enum from_name(const std::array<std::string_view, N>& names, std::string_view name,
               std::string_view what) {
    for (std::size_t i = 0; i < N; ++i)
        if (names[i] == name) return static_cast<Enum>(i);
    throw DatabaseError(ErrorKind::invalid_input,
                        "unknown " + std::string(what) + " '" + std::string(name) + "'");
}

} // namespace

std::int64_t system_clock_ms() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

std::string_view to_string(Role role) {
    return role_names.at(static_cast<std::size_t>(role));
}

std::string_view to_string(MessageState state) {
    return state_names.at(static_cast<std::size_t>(state));
}

std::string_view to_string(StopReason reason) {
    return stop_reason_names.at(static_cast<std::size_t>(reason));
}

std::string_view to_string(ConversationKind kind) {
    return kind_names.at(static_cast<std::size_t>(kind));
}

ConversationKind conversation_kind_from_string(std::string_view name) {
    return from_name<ConversationKind>(kind_names, name, "conversation kind");
}

Role role_from_string(std::string_view name) {
    return from_name<Role>(role_names, name, "message role");
}

MessageState message_state_from_string(std::string_view name) {
    return from_name<MessageState>(state_names, name, "message state");
}

StopReason stop_reason_from_string(std::string_view name) {
    return from_name<StopReason>(stop_reason_names, name, "stop reason");
}

} // namespace conclave::storage
