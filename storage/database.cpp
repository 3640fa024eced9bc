#include "conclave/storage/database.h"

#include "conclave/storage/database_error.h"
#include "search_rank.h"

#include <sqlite3.h>

namespace conclave::storage {
namespace {

// How long a connection waits for another connection's write lock before giving up. Long
// enough that a reader never sees SQLITE_BUSY while the streaming writer commits.
constexpr int busy_timeout_ms = 5000;

} // namespace

Database::Database(const std::string& path, Mode mode) : m_path(path) {
    const int flags = (mode == Mode::read_only ? SQLITE_OPEN_READONLY
                                               : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
                      SQLITE_OPEN_FULLMUTEX;
    const int code = sqlite3_open_v2(path.c_str(), &m_db, flags, nullptr);
    if (code != SQLITE_OK) {
        const std::string message = m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(code);
        const int system_errno = m_db ? sqlite3_system_errno(m_db) : 0;
        sqlite3_close(m_db);
        m_db = nullptr;
        throw DatabaseError(code & 0xff, "cannot open database '" + path + "': " + message,
                            system_errno);
    }
    sqlite3_extended_result_codes(m_db, 1);
    sqlite3_busy_timeout(m_db, busy_timeout_ms);
    try {
        // The first read of the file: a file that is not a database fails here, not later.
        // synchronous=FULL syncs the WAL at every commit: a committed message survives a power
        // cut, not only a crash. Commits are rare (a user action, a streaming flush a second).
        if (mode == Mode::read_only)
            exec("PRAGMA foreign_keys = ON; PRAGMA schema_version;");
        else
            exec("PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;");
        detail::register_search_functions(m_db);
    } catch (...) {
        sqlite3_close(m_db);
        m_db = nullptr;
        throw;
    }
}

Database::~Database() {
    if (sqlite3_close(m_db) != SQLITE_OK || !m_after_clean_close) return;
    try {
        m_after_clean_close();
    } catch (...) {
        // The marker is an optimisation: without it the next start simply checks the file.
    }
}

Statement Database::prepare(std::string_view sql) {
    return Statement(m_db, sql);
}

void Database::exec(std::string_view sql) {
    char* message = nullptr;
    const std::string text(sql);
    const int code = sqlite3_exec(m_db, text.c_str(), nullptr, nullptr, &message);
    if (code != SQLITE_OK) {
        const std::string reason = message ? message : sqlite3_errstr(code);
        sqlite3_free(message);
        throw DatabaseError(code & 0xff, "'" + m_path + "': " + reason, sqlite3_system_errno(m_db));
    }
}

void Database::throw_error(int code, const std::string& context) const {
    throw DatabaseError(code & 0xff, context + ": " + sqlite3_errmsg(m_db),
                        sqlite3_system_errno(m_db));
}

int Database::user_version() {
    Statement statement = prepare("PRAGMA user_version");
    return statement.step() ? static_cast<int>(statement.int64(0)) : 0;
}

void Database::set_user_version(int version) {
    // PRAGMA takes no bound parameters; the value is an int we format ourselves.
    exec("PRAGMA user_version = " + std::to_string(version));
}

namespace {

std::vector<std::string> check_problems(Database& db, std::string_view pragma) {
    std::vector<std::string> problems;
    Statement statement = db.prepare(pragma);
    while (statement.step()) {
        std::string line = statement.text(0);
        if (line != "ok") problems.push_back(std::move(line));
    }
    return problems;
}

} // namespace

std::vector<std::string> Database::integrity_problems() {
    return check_problems(*this, "PRAGMA integrity_check");
}

std::vector<std::string> Database::quick_check_problems() {
    return check_problems(*this, "PRAGMA quick_check");
}

bool Database::is_read_only() const {
    return sqlite3_db_readonly(m_db, "main") == 1;
}

std::int64_t Database::last_insert_id() const {
    return sqlite3_last_insert_rowid(m_db);
}

int Database::changes() const {
    return sqlite3_changes(m_db);
}

} // namespace conclave::storage
