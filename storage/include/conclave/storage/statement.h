#pragma once
// Statement: one prepared SQLite statement with named binds (":name"). Owned by the caller,
// used on the thread that owns its Database. Throws DatabaseError on failure, including an
// unknown bind name, so a typo in a query cannot silently bind nothing.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace conclave::storage {

class Statement {
public:
    Statement(sqlite3* db, std::string_view sql);
    ~Statement();
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bind(std::string_view name, std::int64_t value);
    Statement& bind(std::string_view name, int value) { return bind(name, std::int64_t{value}); }
    Statement& bind(std::string_view name, double value);
    Statement& bind(std::string_view name, std::string_view text);
    Statement& bind(std::string_view name, const char* text) {
        return bind(name, std::string_view(text));
    }
    Statement& bind(std::string_view name, const std::string& text) {
        return bind(name, std::string_view(text));
    }
    Statement& bind_null(std::string_view name);

    // Advances to the next row; false when the statement is done.
    bool step();
    // Runs a statement that returns no rows.
    void run();
    // Clears bindings and rewinds, so the statement can run again.
    void reset();

    bool is_null(int column) const;
    std::int64_t int64(int column) const;
    double real(int column) const;
    std::string text(int column) const;
    std::optional<std::string> optional_text(int column) const;

private:
    int index_of(std::string_view name) const;
    [[noreturn]] void throw_error(int code, std::string_view what) const;

    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_stmt = nullptr;
};

} // namespace conclave::storage
