#pragma once
// KateHighlighter: colours code with KDE Syntax Highlighting by running its command-line tool,
// `kate-syntax-highlighter`, out of process. Debian 12 ships KDE Syntax Highlighting only as
// the KF5 (Qt 5) library, which cannot be linked into a Qt 6 program; its tool can be run
// from any program. Where KF6SyntaxHighlighting can be linked this class is the one to
// replace.
//
// Every call blocks until the tool answers (or the time limit kills it): call it from a worker
// thread, never the GUI thread (CodeHighlighter does that). One instance per thread.

#include <QHash>
#include <QString>
#include <QStringList>

namespace conclave::ui {

class KateHighlighter {
public:
    // Finds the tool: $CONCLAVE_KATE_HIGHLIGHTER, else `kate-syntax-highlighter` on PATH.
    KateHighlighter();
    explicit KateHighlighter(QString executable);

    bool available() const { return !m_executable.isEmpty(); }
    const QString& executable() const { return m_executable; }

    // The tool's syntax definition for a fenced block's info string ("python", "py", "C++",
    // "shell"), or an empty string when there is none. Definition names match without regard
    // to case; otherwise the word is tried as a file extension, as the tool does.
    QString resolveSyntax(const QString& fenceLanguage);

    // The code as Qt rich text (`<pre>` with coloured spans) in the named KDE theme
    // ("GitHub Light"), or an empty string when the tool is missing, fails, times out or
    // returns text that is not exactly the code.
    QString highlight(const QString& code, const QString& syntax, const QString& theme);

    // The tool's output (an HTML page) reduced to Qt rich text of just the code, or an empty
    // string when its text content is not exactly `code` (never show different code).
    static QString richTextFromToolHtml(const QString& toolHtml, const QString& code);

    // How long one run of the tool may take before it is killed (its answer is then empty).
    static constexpr int defaultTimeoutMs = 5000;
    void setTimeoutMs(int timeoutMs) { m_timeoutMs = timeoutMs; }

private:
    // Fills m_definitionsByLowerName from `--list`, once.
    void listDefinitions();
    bool run(const QStringList& arguments, const QByteArray& input, QByteArray* output);

    QString m_executable;
    int m_timeoutMs = defaultTimeoutMs;
    bool m_listed = false;
    QHash<QString, QString> m_definitionsByLowerName;
    QHash<QString, QString> m_resolved; // fence word (lower case) -> definition, "" if none
};

} // namespace conclave::ui
