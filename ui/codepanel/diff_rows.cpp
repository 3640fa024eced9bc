#include "diff_rows.h"

#include <QVariantMap>

#include <algorithm>

namespace conclave::ui {
namespace {

// Rows of the diff view: at most this many, so a huge change cannot stall the GUI.
constexpr int maxDiffRows = 4000;

QString escaped(const QString& text) {
    QString html = text.toHtmlEscaped();
    html.replace(u'\t', QStringLiteral("    "));
    html.replace(u' ', QStringLiteral("&nbsp;"));
    return html;
}

// One line of the diff view as rich text, its changed words on a stronger background.
QString lineHtml(const code_panel::DiffLine& line) {
    const QString mark = line.kind == code_panel::DiffLine::Kind::added
                             ? QStringLiteral("#662ea043")
                             : QStringLiteral("#66f85149");
    QString html;
    int at = 0;
    for (const code_panel::DiffSpan& span : line.changed) {
        html += escaped(line.text.mid(at, span.start - at));
        html += QStringLiteral("<span style=\"background-color:%1\">").arg(mark) +
                escaped(line.text.mid(span.start, span.length)) + QStringLiteral("</span>");
        at = span.start + span.length;
    }
    return html + escaped(line.text.mid(at));
}

// The hunk's lines side by side: context on both sides, each change's removed and added lines
// paired in order, the longer side's rest alone.
void appendSideBySide(QVariantList& rows, const code_panel::DiffHunk& hunk) {
    using Kind = code_panel::DiffLine::Kind;
    rows.append(QVariantMap{{QStringLiteral("kind"), QStringLiteral("hunk")},
                            {QStringLiteral("oldHtml"), hunk.header().toHtmlEscaped()},
                            {QStringLiteral("newHtml"), QString()},
                            {QStringLiteral("oldNumber"), 0},
                            {QStringLiteral("newNumber"), 0}});
    const QList<code_panel::DiffLine>& lines = hunk.lines;
    for (qsizetype k = 0; k < lines.size();) {
        if (lines[k].kind == Kind::context) {
            rows.append(QVariantMap{{QStringLiteral("kind"), QStringLiteral("context")},
                                    {QStringLiteral("oldHtml"), lineHtml(lines[k])},
                                    {QStringLiteral("newHtml"), lineHtml(lines[k])},
                                    {QStringLiteral("oldNumber"), lines[k].oldNumber},
                                    {QStringLiteral("newNumber"), lines[k].newNumber}});
            ++k;
            continue;
        }
        qsizetype added = k;
        while (added < lines.size() && lines[added].kind == Kind::removed) ++added;
        qsizetype end = added;
        while (end < lines.size() && lines[end].kind == Kind::added) ++end;
        const qsizetype removedCount = added - k;
        const qsizetype addedCount = end - added;
        for (qsizetype i = 0; i < std::max(removedCount, addedCount); ++i) {
            const code_panel::DiffLine* left = i < removedCount ? &lines[k + i] : nullptr;
            const code_panel::DiffLine* right = i < addedCount ? &lines[added + i] : nullptr;
            const QString kind = left && right ? QStringLiteral("changed")
                                 : left        ? QStringLiteral("removed")
                                               : QStringLiteral("added");
            rows.append(
                QVariantMap{{QStringLiteral("kind"), kind},
                            {QStringLiteral("oldHtml"), left ? lineHtml(*left) : QString()},
                            {QStringLiteral("newHtml"), right ? lineHtml(*right) : QString()},
                            {QStringLiteral("oldNumber"), left ? left->oldNumber : 0},
                            {QStringLiteral("newNumber"), right ? right->newNumber : 0}});
        }
        k = end;
    }
}

} // namespace

DiffRows buildDiffRows(const code_panel::CodeDiff& diff) {
    DiffRows rows;
    for (const code_panel::DiffHunk& hunk : diff.hunks) {
        if (rows.unified.size() >= maxDiffRows) break;
        appendSideBySide(rows.sideBySide, hunk);
        rows.unified.append(QVariantMap{{QStringLiteral("kind"), QStringLiteral("hunk")},
                                        {QStringLiteral("html"), hunk.header().toHtmlEscaped()},
                                        {QStringLiteral("oldNumber"), 0},
                                        {QStringLiteral("newNumber"), 0}});
        for (const code_panel::DiffLine& line : hunk.lines) {
            if (rows.unified.size() >= maxDiffRows) break;
            const QString kind =
                line.kind == code_panel::DiffLine::Kind::added     ? QStringLiteral("added")
                : line.kind == code_panel::DiffLine::Kind::removed ? QStringLiteral("removed")
                                                                   : QStringLiteral("context");
            rows.unified.append(QVariantMap{{QStringLiteral("kind"), kind},
                                            {QStringLiteral("html"), lineHtml(line)},
                                            {QStringLiteral("oldNumber"), line.oldNumber},
                                            {QStringLiteral("newNumber"), line.newNumber}});
        }
    }
    return rows;
}

} // namespace conclave::ui
