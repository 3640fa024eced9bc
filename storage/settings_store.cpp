#include "conclave/storage/settings_store.h"

#include "conclave/storage/database.h"

namespace conclave::storage {

std::optional<std::string> SettingsStore::get(std::string_view key) {
    Statement select = m_db.prepare("SELECT value FROM app_settings WHERE key = :key");
    select.bind(":key", key);
    if (!select.step()) return std::nullopt;
    return select.text(0);
}

std::string SettingsStore::get_or(std::string_view key, std::string_view fallback) {
    return get(key).value_or(std::string(fallback));
}

void SettingsStore::set(std::string_view key, std::string_view value) {
    m_db.prepare("INSERT INTO app_settings(key, value) VALUES(:key, :value)"
                 " ON CONFLICT(key) DO UPDATE SET value = excluded.value")
        .bind(":key", key)
        .bind(":value", value)
        .run();
}

void SettingsStore::remove(std::string_view key) {
    m_db.prepare("DELETE FROM app_settings WHERE key = :key").bind(":key", key).run();
}

std::map<std::string, std::string> SettingsStore::all() {
    Statement select = m_db.prepare("SELECT key, value FROM app_settings");
    std::map<std::string, std::string> values;
    while (select.step()) values.emplace(select.text(0), select.text(1));
    return values;
}

} // namespace conclave::storage
