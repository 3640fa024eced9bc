#pragma once
// Database: one open SQLite connection with Conclave's settings (WAL, foreign keys, busy
// timeout). Owned by one thread at a time; open a second Database for a second thread (WAL
// lets readers run while one writer writes). Throws DatabaseError on failure.

#include "conclave/storage/statement.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;

namespace conclave::storage {

class Database {
public:
    // Opens (and creates when missing) the database file at `path`.
    explicit Database(const std::string& path);
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

    std::int64_t last_insert_id() const;
    int changes() const;
    const std::string& path() const { return m_path; }
    sqlite3* handle() const { return m_db; }

private:
    sqlite3* m_db = nullptr;
    std::string m_path;
};

} // namespace conclave::storage
