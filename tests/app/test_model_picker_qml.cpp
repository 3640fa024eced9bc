// Qt Quick Test of the model picker's row actions (tests/app/qml_models/tst_*.qml): starring
// a model, removing one from the recent models and locating a missing one, driven by clicks,
// keys and the Locate dialog's answer (the QML function the dialog's onAccepted calls, given a
// chosen file as the dialog would). Everything is real: a ModelPicker over SqliteModelLibrary
// on a SQLite file in a temporary folder, and the ModelScanner searching a folder of tiny
// GGUF files written here by our GGUF writer.
//
// The QML gets `modelPicker` and `pickerFiles` (a map of the files' paths: alpha, beta — two
// recent models —, moved — the recent model "Moving", whose file now lives at movedTo, with
// its max tokens saved as 777 —, gamma — found on disk, never loaded —, and notModel, a text
// file), and `libraryProbe`, which reads the database behind the picker's back.

#include "conclave/storage/database.h"
#include "conclave/storage/model_store.h"
#include "conclave/storage/open_database.h"
#include "model_picker.h"
#include "model_scanner.h"
#include "sqlite_model_library.h"
#include "tiny_models.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QQmlContext>
#include <QQmlEngine>
#include <QTemporaryDir>
#include <QThread>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest>

#include <memory>

Q_IMPORT_QML_PLUGIN(Conclave_ChatPlugin)
Q_IMPORT_QML_PLUGIN(Conclave_ModelsPlugin)

namespace storage = conclave::storage;

// Reads the picker's database directly, so the QML checks what was stored, not what is shown.
class LibraryProbe : public QObject {
    Q_OBJECT
public:
    explicit LibraryProbe(storage::Database* db) : m_db(db) {}
    Q_INVOKABLE bool isFavourite(const QString& path) const {
        const auto m = storage::ModelStore(*m_db).find_by_path(path.toStdString());
        return m && m->favourite;
    }
    // Known at all (a row in `models`), whether listed or not.
    Q_INVOKABLE bool isKnown(const QString& path) const {
        return storage::ModelStore(*m_db).find_by_path(path.toStdString()).has_value();
    }
    Q_INVOKABLE bool isListed(const QString& path) const {
        const auto m = storage::ModelStore(*m_db).find_by_path(path.toStdString());
        return m && (m->last_used_at || m->favourite);
    }
    // The saved max tokens of the model at `path`; 0 when none.
    Q_INVOKABLE int maxTokens(const QString& path) const {
        storage::ModelStore models(*m_db);
        const auto m = models.find_by_path(path.toStdString());
        return m ? static_cast<int>(models.settings(m->id).max_tokens.value_or(0)) : 0;
    }
    Q_INVOKABLE bool fileExists(const QString& path) const { return QFileInfo::exists(path); }
    Q_INVOKABLE QUrl url(const QString& path) const { return QUrl::fromLocalFile(path); }

private:
    storage::Database* m_db;
};

class PickerQmlSetup : public QObject {
    Q_OBJECT
public slots:
    void qmlEngineAvailable(QQmlEngine* engine) {
        engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
        const QString models = m_dir.filePath(QStringLiteral("models"));
        const QString found = m_dir.filePath(QStringLiteral("found"));
        const QString elsewhere = m_dir.filePath(QStringLiteral("elsewhere"));
        for (const QString& folder : {models, found, elsewhere, m_dir.filePath(QStringLiteral("home"))})
            QDir().mkpath(folder);
        QVariantMap files;
        files[QStringLiteral("alpha")] = models + QStringLiteral("/alpha.gguf");
        files[QStringLiteral("beta")] = models + QStringLiteral("/beta.gguf");
        files[QStringLiteral("moved")] = models + QStringLiteral("/moving.gguf");
        files[QStringLiteral("movedTo")] = elsewhere + QStringLiteral("/moving.gguf");
        files[QStringLiteral("gamma")] = found + QStringLiteral("/gamma.gguf");
        files[QStringLiteral("notModel")] = elsewhere + QStringLiteral("/notes.gguf");
        for (const char* name : {"alpha", "beta", "moved", "gamma"})
            if (!conclave::test::write_tiny_decoder(
                    {}, files[QString::fromLatin1(name)].toString().toStdString()))
                qWarning("could not write a tiny model");
        QFile notes(files[QStringLiteral("notModel")].toString());
        if (notes.open(QIODevice::WriteOnly)) notes.write("Not a model, whatever its name says.\n");
        notes.close();

        m_opened = storage::open_conclave_database(
            m_dir.filePath(QStringLiteral("conclave.db")).toStdString());
        m_library = std::make_unique<conclave::app::SqliteModelLibrary>(*m_opened.database);
        for (const char* name : {"moved", "beta", "alpha"}) {
            conclave::ui::RecentModel model;
            model.path = files[QString::fromLatin1(name)].toString();
            model.name = QString::fromLatin1(name == QByteArrayView("moved") ? "Moving" : name);
            model.architecture = QStringLiteral("llama");
            const qint64 id = m_library->recordLoaded(model);
            if (name == QByteArrayView("moved")) {
                storage::ModelSettings settings;
                settings.max_tokens = 777;
                storage::ModelStore(*m_opened.database).save_settings(id, settings);
            }
            QThread::msleep(3); // distinct last uses: alpha is the most recent
        }
        QFile::rename(files[QStringLiteral("moved")].toString(),
                      files[QStringLiteral("movedTo")].toString());

        conclave::app::ModelLocations locations;
        locations.home = m_dir.filePath(QStringLiteral("home"));
        locations.xdgCacheHome = m_dir.filePath(QStringLiteral("home/.cache"));
        locations.modelsFolder = found;
        m_picker = std::make_unique<conclave::ui::ModelPicker>(
            &m_scanner, m_library.get(), locations, [] { return qint64(8) << 30; });
        m_probe = std::make_unique<LibraryProbe>(m_opened.database.get());
        engine->rootContext()->setContextProperty(QStringLiteral("modelPicker"), m_picker.get());
        engine->rootContext()->setContextProperty(QStringLiteral("pickerFiles"), files);
        engine->rootContext()->setContextProperty(QStringLiteral("libraryProbe"), m_probe.get());
    }

private:
    QTemporaryDir m_dir;
    conclave::app::ModelScanner m_scanner;
    storage::OpenedDatabase m_opened;
    std::unique_ptr<conclave::app::SqliteModelLibrary> m_library;
    std::unique_ptr<conclave::ui::ModelPicker> m_picker;
    std::unique_ptr<LibraryProbe> m_probe;
};

QUICK_TEST_MAIN_WITH_SETUP(model_picker_qml, PickerQmlSetup)
#include "test_model_picker_qml.moc"
