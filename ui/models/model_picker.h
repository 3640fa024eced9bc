#pragma once
// ModelPicker: the model picker's state and actions for QML — the list of models (recent
// ones from the ModelLibrary and GGUF files found on disk by the ModelScanner), the model
// card of the chosen one, the folders the user added to the search, Load, and the list's
// row actions: star a model (favourites are listed first), remove one from the recent models
// (its file is never touched) and "Locate…" a missing one (a file the user chose becomes the
// model's path, its settings kept). Load emits
// loadRequested with the file; the window passes it to the ChatController's existing load
// path (progress and cancel in the model bar).
//
// Ownership: the composition root owns the scanner and the library and passes them in; the
// picker owns its list model and card. GUI thread only; the scanner's results arrive
// queued, so refresh() and choose() return at once and never block on the disk. A scan
// started while one runs replaces it. Never throws.

#include "model_card.h"
#include "model_library.h"
#include "model_list_model.h"
#include "model_scanner.h"

#include <QObject>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

namespace conclave::ui {

class ModelPicker : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("ModelPicker is created by the application")
    Q_PROPERTY(conclave::ui::ModelListModel* models READ models CONSTANT)
    Q_PROPERTY(conclave::ui::ModelCard* card READ card CONSTANT)
    Q_PROPERTY(bool scanning READ scanning NOTIFY scanningChanged)
    Q_PROPERTY(bool scanTruncated READ scanTruncated NOTIFY scanningChanged)
    Q_PROPERTY(QStringList folders READ folders NOTIFY foldersChanged)
    // Why the last row action failed (a located file that is not a model, a refused write);
    // empty after one that worked.
    Q_PROPERTY(QString notice READ notice NOTIFY noticeChanged)
public:
    // `locations` are the well-known places (their userFolders are replaced by the library's).
    ModelPicker(app::ModelScanner* scanner, ModelLibrary* library,
                const app::ModelLocations& locations, app::AvailableMemorySource availableMemory,
                QObject* parent = nullptr);

    ModelListModel* models() { return &m_models; }
    ModelCard* card() { return &m_card; }
    bool scanning() const { return m_scanning; }
    bool scanTruncated() const { return m_truncated; }
    QStringList folders() const { return m_folders; }
    QString notice() const { return m_notice; }
    // Every folder searched, the well-known ones first.
    QList<app::ModelFolder> searchFolders() const;

    // Reloads the recent models and searches the folders again (in the background).
    Q_INVOKABLE void refresh();
    // Shows the card of the model at `row` of `models` (read in the background).
    Q_INVOKABLE void choose(int row);
    // Shows the card of a file picked in a file dialog (or dropped).
    Q_INVOKABLE void chooseFile(const QUrl& file);
    // Emits loadRequested for the card's model when the card allows it; false otherwise.
    Q_INVOKABLE bool load();
    Q_INVOKABLE void addFolder(const QUrl& folder);
    Q_INVOKABLE void removeFolder(const QString& folder);

    // Stars the model at `row` (any row, also a file only found on disk) or takes its star
    // away. False (with a notice) when the library could not store it.
    Q_INVOKABLE bool setFavourite(int row, bool favourite);
    // Takes the recent model at `row` out of the list; false for a row that is not one.
    Q_INVOKABLE bool removeFromRecent(int row);
    // The file chosen for the missing model at `row` (the Locate dialog's answer) becomes
    // its path. Refused with a notice unless it is a readable GGUF file (checked by its first
    // bytes) and the row is a remembered model. Emits located(path) when done.
    Q_INVOKABLE bool locate(int row, const QUrl& file);

signals:
    void scanningChanged();
    void foldersChanged();
    void noticeChanged();
    void loadRequested(const QUrl& file);
    void located(const QString& path);

private:
    void onScanFinished(const app::DiscoveryResult& result);
    void storeFolders(const QStringList& folders);
    void reloadRecent();
    void setNotice(const QString& notice);

    app::ModelScanner* m_scanner;
    ModelLibrary* m_library;
    app::ModelLocations m_locations;
    ModelListModel m_models;
    ModelCard m_card;
    QStringList m_folders;
    bool m_scanning = false;
    bool m_truncated = false;
    QString m_notice;
};

} // namespace conclave::ui
