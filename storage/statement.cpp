#include "conclave/storage/statement.h"

#include "conclave/storage/database_error.h"

#include <sqlite3.h>
#include <utility>

namespace conclave::storage {

Statement::Statement(sqlite3* db, std::string_view sql) : m_db(db) {
    const int code =
        sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &m_stmt, nullptr);
    if (code != SQLITE_OK) throw_error(code, "prepare");
}

Statement::~Statement() {
    sqlite3_finalize(m_stmt);
}

Statement::Statement(Statement&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)), m_stmt(std::exchange(other.m_stmt, nullptr)) {}

Statement& Statement::operator=(Statement&& other) noexcept {
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_db = std::exchange(other.m_db, nullptr);
        m_stmt = std::exchange(other.m_stmt, nullptr);
    }
    return *this;
}

int Statement::index_of(std::string_view name) const {
    const std::string key(name);
    const int index = sqlite3_bind_parameter_index(m_stmt, key.c_str());
    if (index == 0)
        throw DatabaseError(SQLITE_RANGE,
                            "no parameter named '" + key + "' in: " + sqlite3_sql(m_stmt));
    return index;
}

void Statement::throw_error(int code, std::string_view what) const {
    std::string message(what);
    message += ": ";
    message += m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(code);
    throw DatabaseError(code & 0xff, message, m_db ? sqlite3_system_errno(m_db) : 0);
}

Statement& Statement::bind(std::string_view name, std::int64_t value) {
    const int code = sqlite3_bind_int64(m_stmt, index_of(name), value);
    if (code != SQLITE_OK) throw_error(code, "bind");
    return *this;
}

Statement& Statement::bind(std::string_view name, double value) {
    const int code = sqlite3_bind_double(m_stmt, index_of(name), value);
    if (code != SQLITE_OK) throw_error(code, "bind");
    return *this;
}

Statement& Statement::bind(std::string_view name, std::string_view text) {
    const int code = sqlite3_bind_text64(m_stmt, index_of(name), text.data(), text.size(),
                                         SQLITE_TRANSIENT, SQLITE_UTF8);
    if (code != SQLITE_OK) throw_error(code, "bind");
    return *this;
}

Statement& Statement::bind_null(std::string_view name) {
    const int code = sqlite3_bind_null(m_stmt, index_of(name));
    if (code != SQLITE_OK) throw_error(code, "bind");
    return *this;
}

bool Statement::step() {
    const int code = sqlite3_step(m_stmt);
    if (code == SQLITE_ROW) return true;
    if (code == SQLITE_DONE) return false;
    throw_error(code, "step");
}

void Statement::run() {
    while (step()) {
    }
}

void Statement::reset() {
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

bool Statement::is_null(int column) const {
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

std::int64_t Statement::int64(int column) const {
    return sqlite3_column_int64(m_stmt, column);
}

double Statement::real(int column) const {
    return sqlite3_column_double(m_stmt, column);
}

std::string Statement::text(int column) const {
    const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, column));
    const int size = sqlite3_column_bytes(m_stmt, column);
    return data ? std::string(data, static_cast<std::size_t>(size)) : std::string();
}

std::optional<std::string> Statement::optional_text(int column) const {
    if (is_null(column)) return std::nullopt;
    return text(column);
}

} // namespace conclave::storage
