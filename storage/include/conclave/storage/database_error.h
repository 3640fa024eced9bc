#pragma once
// DatabaseError: the one exception storage throws. Storage is the only code that speaks SQL;
// the app's worker catches DatabaseError at its boundary and turns it into a message for the
// user, so no exception crosses a thread or the Qt event loop.
//
// Every storage operation is atomic: when it throws, the database is as it was before the
// call, so the caller can keep its in-memory state and simply retry the same call later
// (after the user frees disk space, for example). kind() says which situation the user is in.

#include <stdexcept>
#include <string>

namespace conclave::storage {

enum class ErrorKind {
    disk_full,     // no space (or a size limit) for the write; retry after space is freed
    write_failed,  // the system refused a write (file-size limit, quota, I/O error); retry later
    read_only,     // the file or its folder cannot be written
    cannot_open,   // the file or folder does not exist or cannot be opened
    corrupt,       // the file is damaged or is not a database
    newer_schema,  // written by a newer Conclave; left untouched
    busy,          // another process held the database past the busy timeout
    not_found,     // the conversation, message or model asked for does not exist
    invalid_input, // an import file or argument that storage refuses
    other,
};

// The kind for a primary or extended SQLite result code; `system_errno` (from
// sqlite3_system_errno) tells I/O errors caused by a full disk from others.
ErrorKind error_kind_for(int sqlite_code, int system_errno = 0);

class DatabaseError : public std::runtime_error {
public:
    DatabaseError(int sqlite_code, const std::string& message, int system_errno = 0)
        : std::runtime_error(message), m_sqlite_code(sqlite_code),
          m_kind(error_kind_for(sqlite_code, system_errno)) {}
    DatabaseError(ErrorKind kind, const std::string& message)
        : std::runtime_error(message), m_sqlite_code(0), m_kind(kind) {}

    // The primary SQLite result code (SQLITE_FULL, SQLITE_CORRUPT, SQLITE_READONLY, ...), or 0
    // when the error did not come from SQLite.
    int sqlite_code() const { return m_sqlite_code; }
    ErrorKind kind() const { return m_kind; }

private:
    int m_sqlite_code;
    ErrorKind m_kind;
};

} // namespace conclave::storage
