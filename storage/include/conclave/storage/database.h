#pragma once
// Database: one open SQLite connection with Conclave's settings (WAL, foreign keys, busy
// timeout, synchronous=FULL so a commit survives a power cut). Owned by one thread at a
// time; open a second Database for a second thread (WAL lets readers run while one writer
// writes). Throws DatabaseError on failure. Open the app's database with
// open_conclave_database() (open_database.h), which also checks, migrates and recovers it.

#include "conclave/storage/statement.h"

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

struct sqlite3;

namespace conclave::storage {

class Database {
public:
    enum class Mode {
        read_write, // creates the file when missing; WAL and the settings above
        read_only,  // never writes, never changes the journal mode (inspection, recovery)
    };

    // Opens (and in read_write mode creates when missing) the database file at `path`.
    explicit Database(const std::string& path, Mode mode = Mode::read_write);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    Statement prepare(std::string_view sql);
    // Runs one or more statements that take no parameters (schema, pragmas).
    void exec(std::string_view sql);

    int user_version();
    void set_user_version(int version);

    // "ok" problems are none: returns the list of problems SQLite's integrity check reports.
    std::vector<std::string> integrity_problems();
    // The same for PRAGMA quick_check: every page and record, but not index contents, so it
    // takes a fraction of the time on a large database. Used at every start.
    std::vector<std::string> quick_check_problems();

    // Throws DatabaseError for `code` with this connection's message and errno.
    [[noreturn]] void throw_error(int code, const std::string& context) const;

    // True when SQLite could only open the file for reading (a read-only file opened in
    // read_write mode silently falls back to that).
    bool is_read_only() const;

    // `action` runs in the destructor once the connection has closed without error (never
    // when the process dies first). open_conclave_database uses it to leave its clean-close
    // marker; an exception from `action` is swallowed, as a destructor must.
    void set_after_clean_close(std::function<void()> action) {
        m_after_clean_close = std::move(action);
    }

    std::int64_t last_insert_id() const;
    int changes() const;
    const std::string& path() const { return m_path; }
    sqlite3* handle() const { return m_db; }

private:
    sqlite3* m_db = nullptr;
    std::string m_path;
    std::function<void()> m_after_clean_close;
};

} // namespace conclave::storage
