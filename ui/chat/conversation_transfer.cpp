#include "conversation_transfer.h"

#include "atomic_file_write.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>

namespace conclave::ui {
namespace {

QString localPath(const QUrl& file) {
    return file.isLocalFile() ? file.toLocalFile() : file.toString();
}

} // namespace

ConversationTransfer::ConversationTransfer(ConversationStore* store, QObject* parent)
    : QObject(parent), m_store(store) {}

QString ConversationTransfer::suggestedFileName(const QString& title, const QString& format) {
    // Characters that one file system or another refuses, and control characters.
    static const QRegularExpression unsafe(QStringLiteral("[\\\\/:*?\"<>|\\x00-\\x1f]+"));
    QString name =
        title.simplified().replace(unsafe, QStringLiteral(" ")).simplified().left(80).trimmed();
    if (name.isEmpty() || name.startsWith(u'.')) name.prepend(QStringLiteral("conversation"));
    return name +
           (format == QLatin1String("markdown") ? QStringLiteral(".md") : QStringLiteral(".json"));
}

QUrl ConversationTransfer::startFolder() {
    QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (folder.isEmpty() || !QFileInfo(folder).isDir()) folder = QDir::homePath();
    return QUrl::fromLocalFile(folder);
}

QUrl ConversationTransfer::suggestedFile(const QString& title, const QString& format) {
    return QUrl::fromLocalFile(
        QDir(startFolder().toLocalFile()).filePath(suggestedFileName(title, format)));
}

bool ConversationTransfer::exportConversation(qint64 conversation, const QUrl& file,
                                              const QString& format) {
    if (conversation <= 0) return false;
    QByteArray data;
    try {
        data = format == QLatin1String("markdown") ? m_store->exportMarkdown(conversation)
                                                   : m_store->exportJson(conversation);
    } catch (const StoreError& error) {
        emit failed(tr("Could not export the conversation"), error.message, {},
                    tr("Storage error: %1").arg(error.kind));
        return false;
    }
    return write(file, data);
}

bool ConversationTransfer::exportAll(const QUrl& file) {
    QByteArray data;
    try {
        data = m_store->exportJson(0);
    } catch (const StoreError& error) {
        emit failed(tr("Could not export the conversations"), error.message, {},
                    tr("Storage error: %1").arg(error.kind));
        return false;
    }
    return write(file, data);
}

bool ConversationTransfer::write(const QUrl& file, const QByteArray& data) {
    const QString path = localPath(file);
    QString error;
    const bool written = write_file_atomically(path, data, error);
    if (!written) {
        emit failed(
            tr("Could not write %1").arg(QFileInfo(path).fileName()), error,
            tr("Check that the folder exists, that you may write there and that the disk has room. "
               "Nothing was changed."),
            path);
        return false;
    }
    emit exported(path);
    return true;
}

bool ConversationTransfer::importFile(const QUrl& file) {
    const QString path = localPath(file);
    const QString title = tr("Could not import %1").arg(QFileInfo(path).fileName());
    QFile in(path);
    if (QFileInfo(path).size() > maxImportBytes) {
        emit failed(title, tr("The file is larger than any Conclave export."),
                    tr("Choose a file exported by Conclave (JSON)."), path);
        return false;
    }
    if (!in.open(QIODevice::ReadOnly)) {
        emit failed(title, in.errorString(),
                    tr("Check that the file exists and that you can read it."), path);
        return false;
    }
    const QByteArray json = in.readAll();
    if (in.error() != QFileDevice::NoError) {
        emit failed(title, in.errorString(),
                    tr("Check that the file exists and that you can read it."), path);
        return false;
    }
    try {
        emit imported(m_store->importJson(json));
        return true;
    } catch (const StoreError& error) {
        const bool badFile = error.kind == QLatin1String("invalid_input");
        emit failed(title, error.message,
                    badFile ? tr("Choose a file exported by Conclave (JSON). Nothing was imported.")
                            : tr("Nothing was imported; your conversations are unchanged."),
                    tr("Storage error: %1").arg(error.kind));
        return false;
    }
}

} // namespace conclave::ui
