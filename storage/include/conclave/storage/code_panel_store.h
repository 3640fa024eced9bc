#pragma once
// CodePanelStore: the document of each code-panel session (issue 8). A session is a
// conversation of kind ConversationKind::code_panel (its tasks and answers are its messages,
// written through ConversationStore); this store keeps beside it the code being worked on,
// the file it came from, the file's modification time when last read or written, and its
// language.
//
// Ownership and threads: borrows a Database (which must outlive it), used on its thread.
// Errors: throws DatabaseError; every write is one statement, atomic. A session whose
// conversation does not exist throws DatabaseError(not_found); a conversation of another
// kind throws DatabaseError(invalid_input).

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

private:
    Database& m_db;
    Clock m_clock;
};

} // namespace conclave::storage
