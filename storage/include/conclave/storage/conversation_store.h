#pragma once
// ConversationStore: the repository for conversations and their message trees.
//
// Messages form a tree: editing a message or regenerating an answer adds a sibling under the
// same parent, and the conversation remembers its active leaf (the branch on screen). The
// active branch is the path from the root to that leaf.
//
// Ownership and threads: borrows a Database (which must outlive it) and is used on that
// Database's thread. For a second thread (a search box, say) open a second Database and a
// second store on it; WAL lets it read while this one writes, and reads never see half a
// change because every write here is one transaction.
//
// Errors: every method throws DatabaseError and is atomic: after a throw (disk full, say)
// the database is unchanged, so the caller keeps its in-memory state and retries the same
// call later. Ids that do not exist throw DatabaseError(not_found). Methods do not nest
// inside a caller's Transaction.

#include "conclave/storage/records.h"
#include "conclave/storage/streaming_writer.h"

#include <optional>
#include <string_view>
#include <vector>

namespace conclave::storage {

class Database;

// Where a page of the conversation list ended: the next page starts after this position in
// the list's order (pinned first, then updated_at, then id, each descending). Keyset paging:
// a page costs the same however far the user has scrolled, and a conversation that moves to
// the top meanwhile shifts nothing, so no row repeats or goes missing on the next page.
struct ListCursor {
    bool pinned = false;
    std::int64_t updated_at = 0;
    Id id = 0;

    static ListCursor after(const Conversation& last_shown) {
        return {last_shown.pinned, last_shown.updated_at, last_shown.id};
    }
};

struct ListOptions {
    enum class Archived { exclude, include, only };
    Archived archived = Archived::exclude;
    int limit = -1;                       // -1: all
    int offset = 0;                       // rows to skip; prefer `after` for paging
    std::optional<ListCursor> after = {}; // only rows after this position (the next page)
    std::optional<ConversationKind> kind = {}; // nullopt: every kind
};

// One conversation as the chat view opens it, read from one snapshot.
struct ConversationView {
    Conversation conversation;
    std::vector<BranchMessage> branch; // root first, active leaf last
};

class ConversationStore {
public:
    explicit ConversationStore(Database& db, Clock clock = system_clock_ms);

    // --- conversations -------------------------------------------------------------------
    Conversation create_conversation(std::string_view title = {}, std::optional<Id> model_id = {},
                                     ConversationKind kind = ConversationKind::chat);
    Conversation conversation(Id id);
    // Pinned first, then most recently active (a new message makes a conversation active).
    // A sidebar pages with {.limit = 50}, then {.limit = 50, .after = ListCursor::after(last
    // row)}, each page a short walk of the conversations_by_recency index.
    std::vector<Conversation> list_conversations(const ListOptions& options = {});
    void rename(Id conversation_id, std::string_view title);
    void set_pinned(Id conversation_id, bool pinned);
    void set_archived(Id conversation_id, bool archived);
    void set_system_prompt(Id conversation_id, const std::optional<std::string>& prompt);
    void set_sampling(Id conversation_id, const SamplingOverrides& sampling);
    // The conversation's max tokens, thinking and effort (unset: the model's). A max tokens
    // below 1 is invalid_input.
    void set_answer_overrides(Id conversation_id, const AnswerOverrides& answer);
    void set_last_model(Id conversation_id, std::optional<Id> model_id);
    // Deletes the conversation and all its messages.
    void delete_conversation(Id conversation_id);

    // --- messages ------------------------------------------------------------------------
    // Adds a message and makes it the active leaf.
    Message append_message(const NewMessage& message);
    // Edits by adding a sibling of `message_id` (same parent and role) with the new text and
    // making it the active leaf; the original stays as the other branch.
    Message edit_message(Id message_id, std::string_view new_content);
    Message message(Id message_id);
    // Starts an assistant answer (state streaming) that the writer fills as tokens arrive.
    // The message becomes the active leaf at once. Regenerating is begin_streaming with the
    // same parent as the answer being replaced.
    StreamingMessageWriter begin_streaming(const NewMessage& message,
                                           StreamingOptions options = {});

    std::vector<BranchMessage> active_branch(Id conversation_id);
    // The conversation and its active branch from one consistent snapshot.
    ConversationView open_conversation(Id conversation_id);
    // Every message of the conversation, parents before children (the whole tree).
    std::vector<Message> all_messages(Id conversation_id);
    // Children of a message in creation order; the root messages for nullopt.
    std::vector<Message> children(Id conversation_id, std::optional<Id> parent_id);

    // Makes `message_id` the active leaf as it is (it need not be a leaf).
    void set_active_leaf(Id conversation_id, Id message_id);
    // Shows the branch through `message_id` (a sibling arrow in the view): the active leaf
    // becomes the newest leaf below it, following the newest child at every level.
    Id select_branch(Id message_id);
    // Deletes a message and everything below it. When the active leaf was inside, the
    // branch moves to the newest remaining leaf under the deleted message's parent.
    void delete_subtree(Id message_id);

    // Marks every message still in state streaming as interrupted; returns how many. Run
    // once at start (open_conclave_database does) when no writer of this app is open.
    int mark_interrupted_streams();

private:
    void touch(Id conversation_id);
    void require_conversation(Id conversation_id);
    Id newest_leaf_below(Id message_id);

    Database& m_db;
    Clock m_clock;
};

} // namespace conclave::storage
