#include "text_attachment.h"

#include "code_fence.h"

#include <QFile>
#include <QFileInfo>
#include <QStringDecoder>

namespace conclave::ui {

namespace {

QVariantMap refusal(const QString& name, const QString& reason) {
    return {{QStringLiteral("ok"), false},
            {QStringLiteral("name"), name},
            {QStringLiteral("error"), reason}};
}

} // namespace

bool TextAttachment::isAttachable(const QUrl& file) {
    return file.isLocalFile() &&
           !file.toLocalFile().endsWith(QStringLiteral(".gguf"), Qt::CaseInsensitive);
}

QVariantMap TextAttachment::read(const QUrl& file) {
    return read(file, Purpose::attach);
}

QVariantMap TextAttachment::read(const QUrl& file, Purpose purpose) {
    const bool attach = purpose == Purpose::attach;
    const QString path = file.toLocalFile();
    const QString name = QFileInfo(path).fileName();
    if (!file.isLocalFile())
        return refusal(file.toString(), attach ? tr("Only files on this computer can be attached.")
                                               : tr("Only files on this computer can be opened."));
    const QFileInfo info(path);
    if (!info.isFile()) return refusal(name, tr("“%1” is not a file.").arg(name));
    if (info.size() > maxBytes)
        return refusal(name,
                       (attach ? tr("“%1” is too large to attach (%2 KiB; the limit is %3 KiB).")
                               : tr("“%1” is too large to open (%2 KiB; the limit is %3 KiB)."))
                           .arg(name)
                           .arg(info.size() / 1024)
                           .arg(maxBytes / 1024));
    QFile input(path);
    if (!input.open(QIODevice::ReadOnly))
        return refusal(name, tr("Could not read “%1”: %2").arg(name, input.errorString()));
    const QByteArray bytes = input.read(maxBytes + 1);
    if (bytes.size() > maxBytes)
        return refusal(
            name, (attach ? tr("“%1” is too large to attach.") : tr("“%1” is too large to open."))
                      .arg(name));
    // Stateless: a sequence cut off at the end of the file is an error, not pending input.
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder.decode(bytes);
    if (bytes.contains('\0') || decoder.hasError())
        return refusal(name,
                       (attach ? tr("“%1” is not a text file (only UTF-8 text can be attached).")
                               : tr("“%1” is not a text file (only UTF-8 text can be opened)."))
                           .arg(name));
    if (text.startsWith(QChar(0xFEFF))) text.remove(0, 1); // a byte-order mark is not content
    return {{QStringLiteral("ok"), true},
            {QStringLiteral("name"), name},
            {QStringLiteral("text"), text}};
}

QString TextAttachment::messageText(const QString& fileName, const QString& content) {
    const QString fence = code_panel::fenceFor(content);
    // The extension names the language ("py", "cpp"), which the code highlighter understands.
    const QString language = QFileInfo(fileName).suffix().toLower();
    QString body = content;
    if (!body.endsWith(u'\n')) body += u'\n';
    return fileName + QStringLiteral(":\n") + fence + language + u'\n' + body + fence + u'\n';
}

} // namespace conclave::ui
