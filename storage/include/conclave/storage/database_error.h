#pragma once
// DatabaseError: what storage throws when SQLite fails. Storage is the only code that speaks
// SQL; the app's worker catches DatabaseError at its boundary and turns it into a message for
// the user, so no exception crosses a thread or the Qt event loop.

#include <stdexcept>
#include <string>

namespace conclave::storage {

class DatabaseError : public std::runtime_error {
public:
    DatabaseError(int sqlite_code, const std::string& message)
        : std::runtime_error(message), m_sqlite_code(sqlite_code) {}

    // The primary SQLite result code (SQLITE_FULL, SQLITE_CORRUPT, SQLITE_READONLY, ...).
    int sqlite_code() const { return m_sqlite_code; }

private:
    int m_sqlite_code;
};

} // namespace conclave::storage
