#pragma once
// Internal: writes a conversation that comes from elsewhere (an export file, a damaged
// database) into this database, matching conversations and messages by uid so that
// bringing the same thing in twice changes nothing the second time.

#include "conclave/storage/records.h"

#include <optional>
#include <string>
#include <vector>

namespace conclave::storage {
class Database;
}

namespace conclave::storage::detail {

struct IncomingMessage {
    Message message; // id, conversation_id and parent_id are ignored; uid is the identity
    std::optional<std::string> parent_uid;
};

struct IncomingConversation {
    Conversation conversation; // id, active_leaf_id and last_model_id are ignored
    std::optional<std::string> active_leaf_uid;
    std::vector<IncomingMessage> messages;
};

struct IncomingCounts {
    int conversations_added = 0;
    int conversations_merged = 0; // already here: only missing messages were added
    int messages_added = 0;
    int messages_present = 0;
};

// Adds the conversation (or its missing messages, when its uid is already here) inside the
// caller's transaction. Messages may come in any order; a message whose parent is neither
// here nor in the list is attached where `orphans_attach_to_previous` says: under the
// message before it in the list (recovery keeps a readable thread), or else refused with
// DatabaseError(invalid_input) (an import file must be whole). A message streaming when it
// was saved arrives as interrupted.
void add_conversation(Database& db, const IncomingConversation& incoming,
                      bool orphans_attach_to_previous, IncomingCounts& counts);

} // namespace conclave::storage::detail
