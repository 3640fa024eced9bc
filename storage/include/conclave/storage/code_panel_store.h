#pragma once
// CodePanelStore: the document of each code-panel session (issue 8). A session is a
// conversation of kind ConversationKind::code_panel (its tasks and answers are its messages,
// written through ConversationStore); this store keeps beside it the code being worked on,
// the file it came from, the file's modification time when last read or written, and its
// language; and beside each answer the task it answers (schema version 6), so the last
// answer can be retried after a restart.
//
// Ownership and threads: borrows a Database (which must outlive it), used on its thread.
// Errors: throws DatabaseError; every write is one statement, atomic. A session whose
// conversation does not exist throws DatabaseError(not_found); a conversation of another
// kind throws DatabaseError(invalid_input). A task for a message that does not exist throws
// not_found; for a message that is not an answer of a panel session, or with half a
// selection, invalid_input; an unknown task kind fails the table's CHECK (DatabaseError).

#include "conclave/storage/records.h"

#include <optional>
#include <string>

namespace conclave::storage {

class Database;

struct CodePanelDocument {
    Id conversation_id = 0;
    std::optional<std::string> file_path;         // nullopt: pasted, never saved
    std::optional<std::int64_t> file_modified_at; // ms since the epoch, when last read/written
    std::string language;                         // fence word; empty: plain text
    std::string content;
    std::int64_t updated_at = 0; // set by the store

    bool operator==(const CodePanelDocument&) const = default;
};

// The task an answer answers: what the panel sent, so it can send it again.
struct CodePanelTask {
    Id answer_id = 0;            // the assistant message of a code_panel conversation
    std::string kind;            // the task's name: "explain", "fix", "write_tests", ...
    std::string detail;          // fix: the problem; instruction: the instruction
    std::string language;        // fence word of the code's language; empty: plain text
    std::string target_language; // convert: the fence word converted to
    std::string file_name;       // shown to the model; empty for pasted code
    // The selection it ran on (UTF-16 offsets in the document then); nullopt: the whole code.
    std::optional<std::int64_t> selection_start;
    std::optional<std::int64_t> selection_end;
    std::string code; // the code it ran on (the selection or the whole text)

    bool operator==(const CodePanelTask&) const = default;
};

class CodePanelStore {
public:
    explicit CodePanelStore(Database& db, Clock clock = system_clock_ms);

    // Creates a session (a code_panel conversation titled `title`) with its document, in one
    // transaction. The document's conversation_id is ignored.
    Conversation create_session(std::string_view title, const CodePanelDocument& document);
    // The session's document; nullopt when none was saved (or the id is not a session).
    std::optional<CodePanelDocument> document(Id conversation_id);
    // Writes the document (insert or replace) and makes the session the most recent.
    void save_document(const CodePanelDocument& document);

    // Stores the task of an answer (insert or replace). It goes with the answer.
    void save_task(const CodePanelTask& task);
    // The task of the answer; nullopt when none was stored (answers written before version 6).
    std::optional<CodePanelTask> task(Id answer_id);

private:
    Database& m_db;
    Clock m_clock;
};

} // namespace conclave::storage
