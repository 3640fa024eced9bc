#pragma once
// SqliteModelLibrary: the model picker's ModelLibrary over storage/ — recent models in the
// `models` table (storage::ModelStore: recorded when a model is loaded, with its path, size,
// modification time, architecture, parameter counts, quant mix and context; a file that is
// gone is marked missing, never deleted; favourites are its starred rows; "Remove from recent"
// clears a row's last use and star and keeps the row with its settings; "Locate…" moves a row
// to the file's new path, ModelStore::relocate), the user's model folders and the default model in
// `app_settings` (storage::SettingsStore keys "model_folders", a JSON array of paths, and
// "default_model", a path).
//
// Borrows the Database, which must outlive it; GUI thread only, like the database. Every call
// is one short transaction. A storage::DatabaseError is caught and logged (conclave.models);
// the call then returns what it has (an empty list, id 0) so the picker keeps working.

#include "conclave/storage/model_store.h"
#include "conclave/storage/settings_store.h"
#include "model_library.h"

namespace conclave::app {

class SqliteModelLibrary final : public ui::ModelLibrary {
public:
    explicit SqliteModelLibrary(storage::Database& db);

    QList<ui::RecentModel> recentModels() override;
    qint64 recordLoaded(const ui::RecentModel& model) override;
    bool setFavourite(const ui::RecentModel& model, bool favourite) override;
    bool removeFromRecent(qint64 id) override;
    bool relocate(qint64 id, const QString& path) override;
    QStringList modelFolders() override;
    void setModelFolders(const QStringList& folders) override;
    QString defaultModel() override;

private:
    storage::ModelStore m_models;
    storage::SettingsStore m_settings;
};

} // namespace conclave::app
