#include "code_diff.h"

#include <QHash>
#include <algorithm>
#include <dtl/dtl.hpp>
#include <vector>

namespace conclave::code_panel {
namespace {

// Lines with their line ends; the last one has none when the text does not end with "\n".
QList<QString> splitLines(const QString& text) {
    QList<QString> lines;
    qsizetype start = 0;
    while (start < text.size()) {
        const qsizetype newline = text.indexOf(u'\n', start);
        const qsizetype end = newline < 0 ? text.size() : newline + 1;
        lines.append(text.mid(start, end - start));
        start = end;
    }
    return lines;
}

// Equal strings get equal ids, so dtl compares integers.
class Interner {
public:
    int id(const QString& text) {
        return *m_ids.insert(text, m_ids.value(text, int(m_ids.size())));
    }
    std::vector<int> ids(const QList<QString>& texts) {
        std::vector<int> result;
        result.reserve(texts.size());
        for (const QString& text : texts) result.push_back(id(text));
        return result;
    }

private:
    QHash<QString, int> m_ids;
};

enum class Op { common, removed, added };

// The edit script from dtl, each run of changes written removals first, then additions.
std::vector<Op> editScript(const std::vector<int>& a, const std::vector<int>& b) {
    dtl::Diff<int, std::vector<int>> diff(a, b);
    if (a.size() + b.size() > 100000) diff.onHuge();
    diff.compose();
    std::vector<Op> ops;
    std::vector<Op> added;
    for (const auto& element : diff.getSes().getSequence()) {
        switch (element.second.type) {
        case dtl::SES_COMMON:
            ops.insert(ops.end(), added.begin(), added.end());
            added.clear();
            ops.push_back(Op::common);
            break;
        case dtl::SES_DELETE:
            ops.push_back(Op::removed);
            break;
        default:
            added.push_back(Op::added);
            break;
        }
    }
    ops.insert(ops.end(), added.begin(), added.end());
    return ops;
}

// Words, runs of spaces and single other characters: the units a change is marked in.
QList<DiffSpan> wordSpans(const QString& line) {
    QList<DiffSpan> spans;
    const auto isWord = [](QChar c) { return c.isLetterOrNumber() || c == u'_' || c.isMark(); };
    for (int i = 0; i < line.size();) {
        int j = i + 1;
        if (isWord(line[i]))
            while (j < line.size() && isWord(line[j])) ++j;
        else if (line[i].isSpace())
            while (j < line.size() && line[j].isSpace()) ++j;
        else if (line[i].isHighSurrogate() && j < line.size() && line[j].isLowSurrogate())
            ++j; // a character outside the BMP stays whole
        spans.append({i, j - i});
        i = j;
    }
    return spans;
}

void appendMerged(QList<DiffSpan>& spans, DiffSpan span) {
    if (!spans.isEmpty() && spans.last().start + spans.last().length == span.start)
        spans.last().length += span.length;
    else
        spans.append(span);
}

// Marks the words of `removed` and `added` that the other line lacks.
void markWords(DiffLine& removed, DiffLine& added) {
    const QList<DiffSpan> oldWords = wordSpans(removed.text);
    const QList<DiffSpan> newWords = wordSpans(added.text);
    if (oldWords.size() > maxWordsPerMarkedLine || newWords.size() > maxWordsPerMarkedLine) {
        removed.changed = {{0, int(removed.text.size())}};
        added.changed = {{0, int(added.text.size())}};
        return;
    }
    Interner words;
    std::vector<int> a;
    std::vector<int> b;
    for (const DiffSpan& w : oldWords) a.push_back(words.id(removed.text.mid(w.start, w.length)));
    for (const DiffSpan& w : newWords) b.push_back(words.id(added.text.mid(w.start, w.length)));
    qsizetype i = 0;
    qsizetype j = 0;
    for (const Op op : editScript(a, b)) {
        if (op == Op::common) {
            ++i;
            ++j;
        } else if (op == Op::removed) {
            appendMerged(removed.changed, oldWords[i++]);
        } else {
            appendMerged(added.changed, newWords[j++]);
        }
    }
}

DiffLine makeLine(DiffLine::Kind kind, const QString& withEnd, int oldNumber, int newNumber) {
    DiffLine line;
    line.kind = kind;
    qsizetype endLength = 0;
    if (withEnd.endsWith(QStringLiteral("\r\n")))
        endLength = 2;
    else if (withEnd.endsWith(u'\n'))
        endLength = 1;
    line.text = withEnd.left(withEnd.size() - endLength);
    line.lineEnd = withEnd.right(endLength);
    line.oldNumber = oldNumber;
    line.newNumber = newNumber;
    return line;
}

// Pairs the removed and added lines of each change in order and marks their words.
void markChangedWords(QList<DiffLine>& lines) {
    for (qsizetype k = 0; k < lines.size();) {
        if (lines[k].kind != DiffLine::Kind::removed) {
            ++k;
            continue;
        }
        qsizetype firstAdded = k;
        while (firstAdded < lines.size() && lines[firstAdded].kind == DiffLine::Kind::removed)
            ++firstAdded;
        qsizetype end = firstAdded;
        while (end < lines.size() && lines[end].kind == DiffLine::Kind::added) ++end;
        const qsizetype pairs = std::min(firstAdded - k, end - firstAdded);
        for (qsizetype p = 0; p < pairs; ++p) markWords(lines[k + p], lines[firstAdded + p]);
        k = end;
    }
}

} // namespace

QString DiffHunk::header() const {
    const auto range = [](int start, int count) {
        return count == 1 ? QString::number(start) : QStringLiteral("%1,%2").arg(start).arg(count);
    };
    return QStringLiteral("@@ -%1 +%2 @@")
        .arg(range(oldStart, oldCount), range(newStart, newCount));
}

CodeDiff diffCode(const QString& before, const QString& after, int contextLines) {
    const QList<QString> oldLines = splitLines(before);
    const QList<QString> newLines = splitLines(after);
    Interner interner;
    const std::vector<int> a = interner.ids(oldLines);
    const std::vector<int> b = interner.ids(newLines);
    const std::vector<Op> ops = editScript(a, b);

    // Every op as a line, with the old and new positions before it.
    QList<DiffLine> all;
    all.reserve(qsizetype(ops.size()));
    int oldIndex = 0;
    int newIndex = 0;
    CodeDiff diff;
    for (const Op op : ops) {
        if (op == Op::common) {
            all.append(
                makeLine(DiffLine::Kind::context, oldLines[oldIndex], oldIndex + 1, newIndex + 1));
            ++oldIndex;
            ++newIndex;
        } else if (op == Op::removed) {
            all.append(makeLine(DiffLine::Kind::removed, oldLines[oldIndex], oldIndex + 1, 0));
            ++oldIndex;
            ++diff.removed;
        } else {
            all.append(makeLine(DiffLine::Kind::added, newLines[newIndex], 0, newIndex + 1));
            ++newIndex;
            ++diff.added;
        }
    }

    // Hunks: changes closer than 2 × context lines share one.
    const int context = std::max(0, contextLines);
    qsizetype k = 0;
    while (k < all.size()) {
        if (all[k].kind == DiffLine::Kind::context) {
            ++k;
            continue;
        }
        const qsizetype first = std::max<qsizetype>(0, k - context);
        qsizetype lastChange = k;
        for (qsizetype m = k + 1; m < all.size() && m - lastChange <= 2 * context + 1; ++m)
            if (all[m].kind != DiffLine::Kind::context) lastChange = m;
        const qsizetype last = std::min<qsizetype>(all.size() - 1, lastChange + context);
        DiffHunk hunk;
        hunk.lines = all.mid(first, last - first + 1);
        // Positions before the hunk: from its first line's numbers or the line before it.
        int oldBefore = 0;
        int newBefore = 0;
        for (qsizetype m = 0; m < first; ++m) {
            if (all[m].kind != DiffLine::Kind::added) ++oldBefore;
            if (all[m].kind != DiffLine::Kind::removed) ++newBefore;
        }
        for (const DiffLine& line : hunk.lines) {
            if (line.kind != DiffLine::Kind::added) ++hunk.oldCount;
            if (line.kind != DiffLine::Kind::removed) ++hunk.newCount;
        }
        hunk.oldStart = hunk.oldCount > 0 ? oldBefore + 1 : oldBefore;
        hunk.newStart = hunk.newCount > 0 ? newBefore + 1 : newBefore;
        markChangedWords(hunk.lines);
        diff.hunks.append(std::move(hunk));
        k = last + 1;
    }
    return diff;
}

QString unifiedDiff(const CodeDiff& diff, const QString& oldLabel, const QString& newLabel) {
    if (diff.identical()) return {};
    QString out = QStringLiteral("--- %1\n+++ %2\n").arg(oldLabel, newLabel);
    for (const DiffHunk& hunk : diff.hunks) {
        out += hunk.header() + u'\n';
        for (const DiffLine& line : hunk.lines) {
            out += line.kind == DiffLine::Kind::context   ? u' '
                   : line.kind == DiffLine::Kind::removed ? u'-'
                                                          : u'+';
            out += line.text + line.lineEnd;
            if (line.lineEnd.isEmpty()) out += QStringLiteral("\n\\ No newline at end of file\n");
        }
    }
    return out;
}

QString unifiedDiff(const QString& before, const QString& after, const QString& oldLabel,
                    const QString& newLabel, int contextLines) {
    return unifiedDiff(diffCode(before, after, contextLines), oldLabel, newLabel);
}

} // namespace conclave::code_panel
