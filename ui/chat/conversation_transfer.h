#pragma once
// ConversationTransfer: export and import of conversations as files, for the sidebar's menus —
// one conversation as Markdown (for reading) or JSON (lossless, every branch), every chat as
// JSON, and importing such a JSON file (merged by uid: importing twice adds nothing).
//
// Files are written with QSaveFile: the old file stays whole until the new one is complete,
// so a full disk or a folder that refuses the write never leaves half a file. An import reads
// the whole file first and the store adds it in one transaction: a file that cannot be read,
// is not a Conclave export or is damaged changes nothing. Every outcome is reported by a signal
// with text for the window's banner (failed; exported/imported on success).
//
// Ownership: borrows the store (which outlives it). GUI thread only; never throws.

#include "conversation_store.h"

#include <QObject>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

namespace conclave::ui {

class ConversationTransfer : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("created by the ChatController")
public:
    explicit ConversationTransfer(ConversationStore* store, QObject* parent = nullptr);

    // `format` is "markdown" or "json". False (and failed emitted) when nothing was written.
    Q_INVOKABLE bool exportConversation(qint64 conversation, const QUrl& file,
                                        const QString& format);
    Q_INVOKABLE bool exportAll(const QUrl& file);
    Q_INVOKABLE bool importFile(const QUrl& file);
    // A file name for the dialog: the title made safe for file systems, with the extension.
    Q_INVOKABLE static QString suggestedFileName(const QString& title, const QString& format);
    // Where the dialogs start: the user's documents folder (else home), and the file there.
    Q_INVOKABLE static QUrl startFolder();
    Q_INVOKABLE static QUrl suggestedFile(const QString& title, const QString& format);

    // Larger files are refused before reading: an export of years of chats is far smaller.
    static constexpr qint64 maxImportBytes = qint64(1) << 30;

signals:
    // title, what happened and what to do, for the banner.
    void failed(const QString& title, const QString& message, const QString& hint,
                const QString& details);
    void exported(const QString& path);
    void imported(const conclave::ui::ImportCounts& counts);

private:
    bool write(const QUrl& file, const QByteArray& data);

    ConversationStore* m_store;
};

} // namespace conclave::ui
