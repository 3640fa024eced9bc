#pragma once
// TextAttachment: a text file dropped on the window becomes part of the message being
// written. `read(url)` checks and reads the file: a local file of at most maxBytes that is
// UTF-8 text (no NUL bytes, no invalid sequences) — anything else is refused with a reason
// the composer shows. `messageText` wraps the content in a Markdown fence named after the
// file, long enough that backticks inside the file cannot close it.
//
// Reads on the calling (GUI) thread: the size cap keeps that to a few milliseconds on a local
// disk. Stateless; a QML singleton.

#include <QObject>
#include <QString>
#include <QUrl>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

namespace conclave::ui {

class TextAttachment : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
public:
    // 1 MiB: about 250k tokens of English, beyond any context the app offers today.
    static constexpr qint64 maxBytes = 1024 * 1024;

    using QObject::QObject;

    // {ok: bool, name: file name, text: content (ok) | error: reason (not ok)}
    Q_INVOKABLE static QVariantMap read(const QUrl& file);
    // The same checks with the reasons worded for what the file is read for: attached to a
    // message, or opened in the code panel.
    enum class Purpose { attach, open };
    static QVariantMap read(const QUrl& file, Purpose purpose);
    Q_INVOKABLE static QString messageText(const QString& fileName, const QString& content);
    // True for a local file that is not a model (models open instead of attaching).
    Q_INVOKABLE static bool isAttachable(const QUrl& file);
};

} // namespace conclave::ui
