#include "kate_highlighter.h"

#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>

namespace conclave::ui {

namespace {

// Fence words people use that are neither a definition name nor a file extension the tool
// knows. Plain-text words map to nothing, so those blocks stay uncoloured.
QString aliasFor(const QString& word) {
    static const QHash<QString, QString> aliases = {
        {QStringLiteral("shell"), QStringLiteral("Bash")},
        {QStringLiteral("console"), QStringLiteral("Bash")},
        {QStringLiteral("terminal"), QStringLiteral("Bash")},
        {QStringLiteral("shell-session"), QStringLiteral("Bash")},
        {QStringLiteral("golang"), QStringLiteral("Go")},
        {QStringLiteral("csharp"), QStringLiteral("C#")},
        {QStringLiteral("objc"), QStringLiteral("Objective-C")},
        {QStringLiteral("objective-c"), QStringLiteral("Objective-C")},
        {QStringLiteral("vue"), QStringLiteral("HTML")},
    };
    return aliases.value(word);
}

bool isPlainTextWord(const QString& word) {
    return word.isEmpty() || word == u"text" || word == u"plaintext" || word == u"plain" ||
           word == u"txt" || word == u"output" || word == u"none";
}

// The text a piece of the tool's HTML stands for: tags dropped, the entities it writes
// decoded. Used to prove the coloured version shows exactly the code.
QString textOfHtml(const QString& html) {
    QString text;
    text.reserve(html.size());
    for (qsizetype i = 0; i < html.size(); ++i) {
        const QChar c = html.at(i);
        if (c == u'<') {
            const qsizetype end = html.indexOf(u'>', i);
            if (end < 0) return {};
            i = end;
        } else if (c == u'&') {
            const qsizetype end = html.indexOf(u';', i);
            if (end < 0) return {};
            const QStringView entity = QStringView(html).mid(i + 1, end - i - 1);
            if (entity == u"lt")
                text += u'<';
            else if (entity == u"gt")
                text += u'>';
            else if (entity == u"amp")
                text += u'&';
            else if (entity == u"quot")
                text += u'"';
            else if (entity == u"apos")
                text += u'\'';
            else if (entity.startsWith(u'#')) {
                bool ok = false;
                const uint code = entity.startsWith(u"#x") ? entity.mid(2).toUInt(&ok, 16)
                                                           : entity.mid(1).toUInt(&ok, 10);
                if (!ok) return {};
                text += QString::fromUcs4(reinterpret_cast<const char32_t*>(&code), 1);
            } else {
                return {};
            }
            i = end;
        } else {
            text += c;
        }
    }
    return text;
}

} // namespace

KateHighlighter::KateHighlighter()
    : KateHighlighter(
          qEnvironmentVariableIsSet("CONCLAVE_KATE_HIGHLIGHTER")
              ? qEnvironmentVariable("CONCLAVE_KATE_HIGHLIGHTER")
              : QStandardPaths::findExecutable(QStringLiteral("kate-syntax-highlighter"))) {}

KateHighlighter::KateHighlighter(QString executable) : m_executable(std::move(executable)) {}

bool KateHighlighter::run(const QStringList& arguments, const QByteArray& input,
                          QByteArray* output) {
    if (!available()) return false;
    QProcess process;
    process.setProcessChannelMode(QProcess::SeparateChannels);
    process.start(m_executable, arguments);
    if (!process.waitForStarted(m_timeoutMs)) return false;
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(m_timeoutMs)) {
        process.kill();
        process.waitForFinished(1000);
        return false;
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) return false;
    *output = process.readAllStandardOutput();
    return true;
}

void KateHighlighter::listDefinitions() {
    if (m_listed) return;
    m_listed = true;
    QByteArray listing;
    if (!run({QStringLiteral("--list")}, {}, &listing)) return;
    const QStringList names = QString::fromUtf8(listing).split(u'\n', Qt::SkipEmptyParts);
    for (const QString& name : names)
        m_definitionsByLowerName.insert(name.trimmed().toLower(), name.trimmed());
}

QString KateHighlighter::resolveSyntax(const QString& fenceLanguage) {
    // "python title=x.py" or "{.python}": the first word, without Pandoc's braces and dot.
    QString word = fenceLanguage.trimmed().section(u' ', 0, 0).toLower();
    word.remove(u'{').remove(u'}');
    if (word.startsWith(u'.')) word.remove(0, 1);
    if (isPlainTextWord(word) || !available()) return {};
    if (const auto known = m_resolved.constFind(word); known != m_resolved.cend()) return *known;

    listDefinitions();
    QString syntax = m_definitionsByLowerName.value(word);
    if (syntax.isEmpty()) syntax = aliasFor(word);
    if (syntax.isEmpty()) {
        // The tool also takes a file extension ("py", "rs"); its page names the definition.
        QByteArray page;
        if (run({QStringLiteral("--stdin"), QStringLiteral("--syntax"), word}, "\n", &page)) {
            static const QRegularExpression definition(
                QStringLiteral("Definition \\((.*)\\) - Theme"));
            const QRegularExpressionMatch match = definition.match(QString::fromUtf8(page));
            if (match.hasMatch()) syntax = match.captured(1);
        }
    }
    m_resolved.insert(word, syntax);
    return syntax;
}

QString KateHighlighter::highlight(const QString& code, const QString& syntax,
                                   const QString& theme) {
    if (syntax.isEmpty() || code.isEmpty()) return {};
    QByteArray page;
    const QStringList arguments = {QStringLiteral("--stdin"),
                                   QStringLiteral("--syntax"),
                                   syntax,
                                   QStringLiteral("--theme"),
                                   theme,
                                   QStringLiteral("--output-format"),
                                   QStringLiteral("html")};
    if (!run(arguments, code.toUtf8(), &page)) return {};
    return richTextFromToolHtml(QString::fromUtf8(page), code);
}

QString KateHighlighter::richTextFromToolHtml(const QString& toolHtml, const QString& code) {
    const qsizetype open = toolHtml.indexOf(QStringLiteral("<pre>"));
    const qsizetype close = toolHtml.lastIndexOf(QStringLiteral("</pre>"));
    if (open < 0 || close < open) return {};
    QString body = toolHtml.mid(open + 5, close - open - 5);
    // The tool starts the block with a line break and ends every line with one, including a
    // last line that had none.
    if (body.startsWith(u'\n')) body.remove(0, 1);
    if (!code.endsWith(u'\n') && body.endsWith(u'\n')) body.chop(1);
    if (textOfHtml(body) != code) return {};
    // Qt's rich-text parser drops one line break at the end of a <pre>; give it one to drop.
    if (body.endsWith(u'\n')) body += u'\n';
    return QStringLiteral("<pre style=\"margin-top:0px;margin-bottom:0px\">") + body +
           QStringLiteral("</pre>");
}

} // namespace conclave::ui
