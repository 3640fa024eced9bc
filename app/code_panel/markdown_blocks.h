#pragma once
// Splits a Markdown answer into prose and fenced code blocks, so the chat view can draw code
// in its own monospaced frame with a language label and a Copy button while the prose goes
// through Qt's Markdown renderer. Works on text that is still streaming: a fence that has
// not been closed yet is an open code block. Pure function; thread-safe.

#include <QList>
#include <QString>

namespace conclave::ui {

struct MarkdownBlock {
    enum class Kind { prose, code };
    Kind kind = Kind::prose;
    QString text;     // prose: Markdown; code: the code without its fences
    QString language; // code: the fence's info string ("cpp", "python"), may be empty
    bool open = false; // code: the closing fence has not arrived
};

QList<MarkdownBlock> splitMarkdownBlocks(const QString& markdown);

} // namespace conclave::ui
