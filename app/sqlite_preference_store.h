#pragma once
// SqlitePreferenceStore: the window's PreferenceStore over storage/ — a model's choices in
// its `model_settings` row (through ModelStore, keyed by the model's row, which is added
// for a file not yet known), app-wide values in `app_settings` (through SettingsStore).
//
// Ownership: borrows the Database opened by the composition root, which must outlive it.
// Threads: GUI thread only; each call is one short SQLite transaction. Errors: every
// storage::DatabaseError becomes a ui::StoreError; a failed call changes nothing.
// Fields of model_settings the window does not edit (backend, GPU memory budget, placement)
// are kept as they are.

#include "preference_store.h"

namespace conclave::storage {
class Database;
}

namespace conclave::app {

class SqlitePreferenceStore final : public ui::PreferenceStore {
public:
    explicit SqlitePreferenceStore(storage::Database& db) : m_db(db) {}

    ui::ModelOverrides modelOverrides(const QString& path) const override;
    void saveModelOverrides(const ui::ModelFacts& model,
                            const ui::ModelOverrides& overrides) override;
    std::optional<QString> value(const QString& key) const override;
    void setValue(const QString& key, const QString& value) override;

private:
    storage::Database& m_db;
};

} // namespace conclave::app
