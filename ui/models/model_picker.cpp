#include "model_picker.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace conclave::ui {

ModelPicker::ModelPicker(app::ModelScanner* scanner, ModelLibrary* library,
                         const app::ModelLocations& locations,
                         app::AvailableMemorySource availableMemory, QObject* parent)
    : QObject(parent), m_scanner(scanner), m_library(library), m_locations(locations),
      m_card(std::move(availableMemory)) {
    m_folders = m_library->modelFolders();
    connect(m_scanner, &app::ModelScanner::scanFinished, this, &ModelPicker::onScanFinished);
    connect(m_scanner, &app::ModelScanner::inspected, &m_card, &ModelCard::setFacts);
}

QList<app::ModelFolder> ModelPicker::searchFolders() const {
    app::ModelLocations locations = m_locations;
    locations.userFolders = m_folders;
    return app::wellKnownModelFolders(locations);
}

void ModelPicker::refresh() {
    setNotice({});
    reloadRecent();
    m_scanning = true;
    emit scanningChanged();
    m_scanner->scan(searchFolders());
}

void ModelPicker::onScanFinished(const app::DiscoveryResult& result) {
    m_models.setDiscovered(result.models);
    m_scanning = false;
    m_truncated = result.truncated;
    emit scanningChanged();
}

void ModelPicker::choose(int row) {
    const ModelEntry entry = m_models.entryAt(row);
    if (entry.path.isEmpty()) return;
    m_card.expect(entry.path);
    m_scanner->inspect(entry.path);
}

void ModelPicker::chooseFile(const QUrl& file) {
    const QString path = file.isLocalFile() ? file.toLocalFile() : file.toString();
    if (path.isEmpty()) return;
    m_card.expect(path);
    m_scanner->inspect(path);
}

bool ModelPicker::load() {
    if (!m_card.canLoad()) return false;
    emit loadRequested(QUrl::fromLocalFile(m_card.path()));
    return true;
}

void ModelPicker::addFolder(const QUrl& folder) {
    const QString path =
        QDir::cleanPath(folder.isLocalFile() ? folder.toLocalFile() : folder.toString());
    if (path.isEmpty() || m_folders.contains(path)) return;
    storeFolders(m_folders + QStringList{path});
    refresh();
}

void ModelPicker::removeFolder(const QString& folder) {
    QStringList folders = m_folders;
    if (folders.removeAll(folder) == 0) return;
    storeFolders(folders);
    refresh();
}

void ModelPicker::reloadRecent() {
    m_models.setRecent(m_library->recentModels());
}

void ModelPicker::setNotice(const QString& notice) {
    if (notice == m_notice) return;
    m_notice = notice;
    emit noticeChanged();
}

bool ModelPicker::setFavourite(int row, bool favourite) {
    const ModelEntry entry = m_models.entryAt(row);
    if (entry.path.isEmpty()) return false;
    if (!m_library->setFavourite(entry.record, favourite)) {
        setNotice(tr("Could not save the favourite. The database refused the change."));
        return false;
    }
    setNotice({});
    reloadRecent();
    return true;
}

bool ModelPicker::removeFromRecent(int row) {
    const ModelEntry entry = m_models.entryAt(row);
    if (entry.libraryId <= 0) return false;
    if (!m_library->removeFromRecent(entry.libraryId)) {
        setNotice(tr("Could not remove the model from the list. The database refused the change."));
        return false;
    }
    setNotice({});
    reloadRecent();
    return true;
}

namespace {

// A GGUF file starts with the four bytes "GGUF" (the same check discovery makes).
bool startsLikeGguf(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) && file.read(4) == QByteArrayLiteral("GGUF");
}

} // namespace

bool ModelPicker::locate(int row, const QUrl& file) {
    const ModelEntry entry = m_models.entryAt(row);
    if (entry.libraryId <= 0) return false;
    const QString path = QDir::cleanPath(file.isLocalFile() ? file.toLocalFile() : file.toString());
    const QFileInfo info(path);
    if (path.isEmpty() || !info.isFile() || !startsLikeGguf(path)) {
        setNotice(tr("\u201C%1\u201D is not a GGUF model file; %2 still points at its old place.")
                      .arg(info.fileName(), entry.name));
        return false;
    }
    if (!m_library->relocate(entry.libraryId, info.absoluteFilePath())) {
        setNotice(tr("Could not save the new place of %1. The database refused the change.")
                      .arg(entry.name));
        return false;
    }
    setNotice({});
    reloadRecent();
    emit located(info.absoluteFilePath());
    return true;
}

void ModelPicker::storeFolders(const QStringList& folders) {
    m_folders = folders;
    m_library->setModelFolders(folders);
    emit foldersChanged();
}

} // namespace conclave::ui
