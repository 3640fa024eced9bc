#include "sqlite_model_library.h"

#include "conclave/storage/database_error.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcModels, "conclave.models", QtInfoMsg)

namespace conclave::app {
namespace {

constexpr char foldersKey[] = "model_folders";
constexpr char defaultModelKey[] = "default_model";

QString qt(const std::string& text) {
    return QString::fromStdString(text);
}

// Runs a storage call; a DatabaseError is logged and `fallback` returned.
template <typename Call, typename T> T guarded(const char* what, Call&& call, T fallback) {
    try {
        return call();
    } catch (const storage::DatabaseError& error) {
        qCWarning(lcModels) << what << "failed:" << error.what();
        return fallback;
    }
}

ui::RecentModel toRecent(const storage::ModelRecord& r) {
    ui::RecentModel m;
    m.id = r.id;
    m.path = qt(r.path);
    m.name = qt(r.display_name);
    m.architecture = qt(r.architecture);
    m.parameters = r.parameter_count;
    m.activeParameters = r.active_parameter_count;
    m.quantMix = qt(r.quant_mix);
    m.fileBytes = r.file_size;
    m.contextLength = static_cast<int>(r.context_length);
    if (r.last_used_at) m.lastUsed = QDateTime::fromMSecsSinceEpoch(*r.last_used_at);
    m.missing = r.missing;
    m.favourite = r.favourite;
    return m;
}

// The facts of `model` as the store keeps them; size and time from the file when it is there.
storage::ModelRecord toRecord(const ui::RecentModel& model) {
    const QFileInfo file(model.path);
    storage::ModelRecord record;
    record.path = model.path.toStdString();
    record.file_size = model.fileBytes > 0 ? model.fileBytes : file.size();
    record.file_modified_at = file.exists() ? file.lastModified().toMSecsSinceEpoch() : 0;
    record.display_name = model.name.toStdString();
    record.architecture = model.architecture.toStdString();
    record.parameter_count = model.parameters;
    record.active_parameter_count =
        model.activeParameters > 0 ? model.activeParameters : model.parameters;
    record.quant_mix = model.quantMix.toStdString();
    record.context_length = model.contextLength;
    return record;
}

} // namespace

SqliteModelLibrary::SqliteModelLibrary(storage::Database& db) : m_models(db), m_settings(db) {}

QList<ui::RecentModel> SqliteModelLibrary::recentModels() {
    return guarded(
        "listing recent models",
        [&] {
            QList<ui::RecentModel> list;
            for (storage::ModelRecord& record : m_models.list_models()) {
                // Known but never loaded (or taken out of the list), and not starred.
                if (!record.last_used_at && !record.favourite) continue;
                const bool missing = !QFileInfo::exists(qt(record.path));
                if (missing != record.missing) {
                    m_models.set_missing(record.id, missing);
                    record.missing = missing;
                }
                list.append(toRecent(record));
            }
            return list;
        },
        QList<ui::RecentModel>{});
}

qint64 SqliteModelLibrary::recordLoaded(const ui::RecentModel& model) {
    return guarded(
        "recording a loaded model",
        [&] {
            const storage::ModelRecord stored = m_models.remember_model(toRecord(model));
            m_models.mark_used(stored.id);
            return static_cast<qint64>(stored.id);
        },
        qint64{0});
}

bool SqliteModelLibrary::setFavourite(const ui::RecentModel& model, bool favourite) {
    return guarded(
        "starring a model",
        [&] {
            const auto known = m_models.find_by_path(model.path.toStdString());
            // A model never loaded is recorded with what the picker knows of it.
            const storage::Id id = known ? known->id : m_models.remember_model(toRecord(model)).id;
            m_models.set_favourite(id, favourite);
            return true;
        },
        false);
}

bool SqliteModelLibrary::removeFromRecent(qint64 id) {
    return guarded(
        "removing a model from the recent models",
        [&] {
            m_models.remove_from_recent(id);
            return true;
        },
        false);
}

bool SqliteModelLibrary::relocate(qint64 id, const QString& path) {
    return guarded(
        "pointing a model at its new place",
        [&] {
            const QFileInfo file(path);
            storage::ModelRecord moved;
            moved.path = path.toStdString();
            moved.file_size = file.size();
            moved.file_modified_at = file.lastModified().toMSecsSinceEpoch();
            m_models.relocate(id, moved);
            return true;
        },
        false);
}

QStringList SqliteModelLibrary::modelFolders() {
    const std::string text = guarded(
        "reading the model folders", [&] { return m_settings.get_or(foldersKey, "[]"); },
        std::string("[]"));
    QStringList folders;
    for (const QJsonValue& value : QJsonDocument::fromJson(QByteArray::fromStdString(text)).array())
        if (value.isString() && !value.toString().isEmpty()) folders.append(value.toString());
    return folders;
}

void SqliteModelLibrary::setModelFolders(const QStringList& folders) {
    const QByteArray json =
        QJsonDocument(QJsonArray::fromStringList(folders)).toJson(QJsonDocument::Compact);
    guarded(
        "saving the model folders",
        [&] {
            m_settings.set(foldersKey, json.toStdString());
            return true;
        },
        false);
}

QString SqliteModelLibrary::defaultModel() {
    return qt(guarded(
        "reading the default model", [&] { return m_settings.get_or(defaultModelKey, ""); },
        std::string()));
}

} // namespace conclave::app
