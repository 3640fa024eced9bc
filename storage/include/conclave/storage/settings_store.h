#pragma once
// SettingsStore: the app's remaining settings as key/value text (theme, language, window
// geometry, default model). Keys are the app's to choose; storage neither parses nor
// validates the values. Borrows a Database, used on its thread; throws DatabaseError.

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace conclave::storage {

class Database;

class SettingsStore {
public:
    explicit SettingsStore(Database& db) : m_db(db) {}

    std::optional<std::string> get(std::string_view key);
    std::string get_or(std::string_view key, std::string_view fallback);
    void set(std::string_view key, std::string_view value);
    void remove(std::string_view key);
    std::map<std::string, std::string> all();

private:
    Database& m_db;
};

} // namespace conclave::storage
