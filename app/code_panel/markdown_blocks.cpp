#include "markdown_blocks.h"

#include <QStringList>

namespace conclave::ui {
namespace {

// A fence line: up to three spaces, then at least three backticks or tildes (CommonMark).
struct Fence {
    QChar mark;
    qsizetype length = 0;
    QString info;
};

bool parseFence(const QString& line, Fence& fence) {
    qsizetype i = 0;
    while (i < line.size() && i < 3 && line[i] == u' ') ++i;
    if (i >= line.size() || (line[i] != u'`' && line[i] != u'~')) return false;
    const QChar mark = line[i];
    qsizetype n = 0;
    while (i + n < line.size() && line[i + n] == mark) ++n;
    if (n < 3) return false;
    const QString info = line.mid(i + n).trimmed();
    if (mark == u'`' && info.contains(u'`')) return false;
    fence = {mark, n, info.section(u' ', 0, 0)};
    return true;
}

bool closesFence(const QString& line, const Fence& open) {
    Fence fence;
    return parseFence(line, fence) && fence.mark == open.mark && fence.length >= open.length && fence.info.isEmpty();
}

} // namespace

QList<MarkdownBlock> splitMarkdownBlocks(const QString& markdown) {
    QList<MarkdownBlock> blocks;
    QStringList prose;
    QStringList code;
    Fence open;
    bool inCode = false;
    const auto flushProse = [&] {
        const QString text = prose.join(u'\n').trimmed();
        if (!text.isEmpty()) blocks.append({MarkdownBlock::Kind::prose, text, {}, false});
        prose.clear();
    };
    for (const QString& line : markdown.split(u'\n')) {
        if (!inCode) {
            if (parseFence(line, open)) {
                flushProse();
                inCode = true;
                code.clear();
            } else {
                prose.append(line);
            }
        } else if (closesFence(line, open)) {
            blocks.append({MarkdownBlock::Kind::code, code.join(u'\n'), open.info, false});
            inCode = false;
        } else {
            code.append(line);
        }
    }
    if (inCode) blocks.append({MarkdownBlock::Kind::code, code.join(u'\n'), open.info, true});
    else flushProse();
    return blocks;
}

} // namespace conclave::ui
