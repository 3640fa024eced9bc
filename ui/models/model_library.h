#pragma once
// ModelLibrary: the seam between the model picker and where the app keeps what it knows
// about models — the models the user has loaded (recent models, with the facts shown in the
// picker) and starred (favourites), the folders the user added to the search, and the
// default model. The picker can star a model, take one out of the recent models and point a
// missing one at the place its file moved to; no call ever touches a model file. The app
// implements it over storage's ModelStore and SettingsStore (SqliteModelLibrary);
// InMemoryModelLibrary serves tests and a session whose database could not be opened.
//
// GUI thread only. Never throws: a store that fails keeps the picker working with what it
// has (an empty list, an id of 0) and the implementation logs the failure.

#include <QDateTime>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace conclave::ui {

struct RecentModel {
    qint64 id = 0; // the store's model id (> 0 once stored)
    QString path;
    QString name;
    QString architecture;
    qint64 parameters = 0;
    qint64 activeParameters = 0;
    QString quantMix;
    qint64 fileBytes = 0;
    int contextLength = 0; // trained
    QDateTime lastUsed;   // invalid for a favourite never loaded
    bool missing = false; // the file is not where it was; kept, never deleted
    bool favourite = false;
};

class ModelLibrary {
public:
    virtual ~ModelLibrary() = default;

    // The models loaded before and the favourites: favourites first, then most recently
    // used. Each file is looked for: one that is gone is marked missing (and kept), one that
    // is back is unmarked.
    virtual QList<RecentModel> recentModels() = 0;
    // Records a model that was just loaded (inserted, or refreshed by path) and marks it used
    // now. Returns its id; 0 when it could not be stored.
    virtual qint64 recordLoaded(const RecentModel& model) = 0;
    // Stars the model at model.path or takes its star away; a model never loaded is recorded
    // with the facts given (not as used). False when it could not be stored.
    virtual bool setFavourite(const RecentModel& model, bool favourite) = 0;
    // Takes the model out of the recent models and favourites. What is kept about it (its
    // settings) comes back when the file is loaded again. False when it could not be stored.
    virtual bool removeFromRecent(qint64 id) = 0;
    // The model's file is now at `path` (the user found where it moved): same model, same
    // settings and star, no longer missing. False when it could not be stored.
    virtual bool relocate(qint64 id, const QString& path) = 0;

    // Folders the user added to the search, in the order added.
    virtual QStringList modelFolders() = 0;
    virtual void setModelFolders(const QStringList& folders) = 0;

    // The app setting "default_model" (a path); empty when unset.
    virtual QString defaultModel() = 0;
};

// Keeps everything in memory for the session.
class InMemoryModelLibrary final : public ModelLibrary {
public:
    QList<RecentModel> recentModels() override;
    qint64 recordLoaded(const RecentModel& model) override;
    bool setFavourite(const RecentModel& model, bool favourite) override;
    bool removeFromRecent(qint64 id) override;
    bool relocate(qint64 id, const QString& path) override;
    QStringList modelFolders() override { return m_folders; }
    void setModelFolders(const QStringList& folders) override { m_folders = folders; }
    QString defaultModel() override { return m_defaultModel; }
    void setDefaultModel(const QString& path) { m_defaultModel = path; }

private:
    QList<RecentModel> m_models; // every model known, shown or not
    QSet<qint64> m_shown;        // ids of those loaded or starred and not removed since
    QStringList m_folders;
    QString m_defaultModel;
    qint64 m_nextId = 1;
};

} // namespace conclave::ui
