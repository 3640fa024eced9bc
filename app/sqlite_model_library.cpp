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
    return m;
}

} // namespace

SqliteModelLibrary::SqliteModelLibrary(storage::Database& db) : m_models(db), m_settings(db) {}

QList<ui::RecentModel> SqliteModelLibrary::recentModels() {
    return guarded(
        "listing recent models",
        [&] {
            QList<ui::RecentModel> list;
            for (storage::ModelRecord& record : m_models.list_models()) {
                if (!record.last_used_at) continue; // known but never loaded
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
            const QFileInfo file(model.path);
            storage::ModelRecord record;
            record.path = model.path.toStdString();
            record.file_size = model.fileBytes > 0 ? model.fileBytes : file.size();
            record.file_modified_at = file.lastModified().toMSecsSinceEpoch();
            record.display_name = model.name.toStdString();
            record.architecture = model.architecture.toStdString();
            record.parameter_count = model.parameters;
            record.active_parameter_count =
                model.activeParameters > 0 ? model.activeParameters : model.parameters;
            record.quant_mix = model.quantMix.toStdString();
            record.context_length = model.contextLength;
            const storage::ModelRecord stored = m_models.remember_model(record);
            m_models.mark_used(stored.id);
            return static_cast<qint64>(stored.id);
        },
        qint64{0});
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
