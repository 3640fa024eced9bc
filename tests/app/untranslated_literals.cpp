#include "untranslated_literals.h"

#include <QRegularExpression>

namespace conclave::test {
namespace {

// Properties whose value a user reads on screen or hears from a screen reader. `label`,
// `hint`, `message` and `description` are our components' own (SettingsDrawer rows, the
// error banner, task buttons).
const QStringList kVisibleProperties = {
    QStringLiteral("text"),
    QStringLiteral("title"),
    QStringLiteral("placeholderText"),
    QStringLiteral("ToolTip\\.text"),
    QStringLiteral("Accessible\\.name"),
    QStringLiteral("Accessible\\.description"),
    QStringLiteral("label"),
    QStringLiteral("hint"),
    QStringLiteral("message"),
    QStringLiteral("description"),
    QStringLiteral("displayText"),
    QStringLiteral("subtitle"),
};

// Calls whose string arguments are never shown: the translation calls themselves, number and
// date formats, search keys.
const QStringList kSilentCalls = {
    QStringLiteral("qsTr"),
    QStringLiteral("qsTranslate"),
    QStringLiteral("qsTrId"),
    QStringLiteral("QT_TR_NOOP"),
    QStringLiteral("QT_TRANSLATE_NOOP"),
    QStringLiteral("toLocaleString"),
    QStringLiteral("toLocaleDateString"),
    QStringLiteral("toLocaleTimeString"),
    QStringLiteral("formatDate"),
    QStringLiteral("formatTime"),
    QStringLiteral("formatDateTime"),
    QStringLiteral("indexOf"),
    QStringLiteral("lastIndexOf"),
    QStringLiteral("startsWith"),
    QStringLiteral("endsWith"),
    QStringLiteral("includes"),
    QStringLiteral("localeCompare"),
    QStringLiteral("split"),
};

bool isQuote(QChar c) {
    return c == u'"' || c == u'\'' || c == u'`';
}

// Index of the quote that closes the literal opened at `open`, or the text's size.
qsizetype closingQuote(const QString& text, qsizetype open) {
    for (qsizetype i = open + 1; i < text.size(); ++i) {
        if (text[i] == u'\\')
            ++i;
        else if (text[i] == text[open])
            return i;
    }
    return text.size();
}

// The text with // and /* */ comments blanked (newlines kept, so line numbers hold).
QString withoutComments(const QString& text) {
    QString out = text;
    for (qsizetype i = 0; i < out.size(); ++i) {
        if (isQuote(out[i])) {
            i = closingQuote(out, i);
            continue;
        }
        if (out[i] != u'/' || i + 1 >= out.size()) continue;
        if (out[i + 1] == u'/') {
            while (i < out.size() && out[i] != u'\n') out[i++] = u' ';
        } else if (out[i + 1] == u'*') {
            const qsizetype end = out.indexOf(QStringLiteral("*/"), i + 2);
            const qsizetype stop = end < 0 ? out.size() : end + 2;
            for (; i < stop; ++i)
                if (out[i] != u'\n') out[i] = u' ';
            --i;
        }
    }
    return out;
}

// Whether an expression that reached a line break goes on: the line ends with an operator,
// or the next line starts with one (the ternary's "? a" and ": b" on their own lines).
bool continuesAfterLineBreak(const QString& text, qsizetype start, qsizetype lineBreak) {
    static const QRegularExpression trailingOperator(
        QStringLiteral("(\\?|:|\\+|-|\\(|&&|\\|\\||=)\\s*$"));
    static const QRegularExpression leadingOperator(
        QStringLiteral("^\\s*(\\?|:|\\+|-|\\.|&&|\\|\\|)"));
    const QString before = text.mid(start, lineBreak - start);
    if (before.trimmed().isEmpty() || trailingOperator.match(before).hasMatch()) return true;
    const qsizetype nextEnd = text.indexOf(u'\n', lineBreak + 1);
    const QString next = text.mid(lineBreak + 1, nextEnd < 0 ? -1 : nextEnd - lineBreak - 1);
    return leadingOperator.match(next).hasMatch();
}

// Where the binding's expression starting at `start` ends: a line break that does not
// continue it, or a ; , ) ] } at its own nesting level.
qsizetype expressionEnd(const QString& text, qsizetype start) {
    int depth = 0;
    for (qsizetype i = start; i < text.size(); ++i) {
        const QChar c = text[i];
        if (isQuote(c)) {
            i = closingQuote(text, i);
        } else if (c == u'(' || c == u'[' || c == u'{') {
            ++depth;
        } else if (c == u')' || c == u']' || c == u'}') {
            if (depth == 0) return i;
            --depth;
        } else if (depth == 0 && (c == u';' || c == u',')) {
            return i;
        } else if (depth == 0 && c == u'\n' && !continuesAfterLineBreak(text, start, i)) {
            return i;
        }
    }
    return text.size();
}

// The identifier a call's "(" at `paren` belongs to, its last segment ("arg" of "x.arg(").
QString calleeBefore(const QString& text, qsizetype paren) {
    qsizetype end = paren;
    while (end > 0 && text[end - 1].isSpace()) --end;
    qsizetype begin = end;
    while (begin > 0 && (text[begin - 1].isLetterOrNumber() || text[begin - 1] == u'_')) --begin;
    return text.mid(begin, end - begin);
}

// The literal's value: \uXXXX, \n, \t and escaped quotes decoded.
QString decoded(const QString& raw) {
    QString value;
    for (qsizetype i = 0; i < raw.size(); ++i) {
        if (raw[i] != u'\\' || i + 1 >= raw.size()) {
            value += raw[i];
            continue;
        }
        const QChar next = raw[++i];
        if (next == u'u' && i + 4 < raw.size()) {
            value += QChar(char16_t(raw.mid(i + 1, 4).toUShort(nullptr, 16)));
            i += 4;
        } else if (next == u'n') {
            value += u'\n';
        } else if (next == u't') {
            value += u'\t';
        } else {
            value += next;
        }
    }
    return value;
}

bool isComparison(const QString& text, qsizetype open, qsizetype close) {
    static const QRegularExpression before(QStringLiteral("[=!]=\\s*$"));
    static const QRegularExpression after(QStringLiteral("^\\s*[=!]="));
    return before.match(text.left(open)).hasMatch() ||
           after.match(text.mid(close + 1, 8)).hasMatch();
}

bool shownUntranslated(const QString& value) {
    static const QRegularExpression colour(
        QStringLiteral("^#[0-9A-Fa-f]{3,8}$")); // Theme's colours
    static const QRegularExpression entity(
        QStringLiteral("&(#\\d+|[A-Za-z]+);")); // rich text "&nbsp;"
    QString shown = value;
    shown.remove(entity);
    shown = shown.trimmed();
    return !shown.isEmpty() && !allowedSymbols().contains(shown) && !colour.match(shown).hasMatch();
}

// The literals of text[start, end) that are shown: not in a silent call, not compared.
void collectShownLiterals(const QString& text, qsizetype start, qsizetype end,
                          QList<UntranslatedLiteral>& found) {
    QStringList calls; // the innermost open call last; "" for brackets and plain parentheses
    for (qsizetype i = start; i < end; ++i) {
        const QChar c = text[i];
        if (c == u'(') {
            calls << calleeBefore(text, i);
        } else if (c == u'[' || c == u'{') {
            calls << QString();
        } else if ((c == u')' || c == u']' || c == u'}') && !calls.isEmpty()) {
            calls.removeLast();
        } else if (isQuote(c)) {
            const qsizetype close = closingQuote(text, i);
            const QString raw = text.mid(i + 1, close - i - 1);
            const bool silent = !calls.isEmpty() && kSilentCalls.contains(calls.last());
            if (!silent && !isComparison(text, i, close) && shownUntranslated(decoded(raw)))
                found.append({int(text.left(i).count(u'\n')) + 1, raw});
            i = close;
        }
    }
}

} // namespace

const QStringList& allowedSymbols() {
    // Each holds no letter of any script (the test checks): a word here would escape review.
    static const QStringList symbols = {
        QStringLiteral("\u2039"), // ‹ previous version
        QStringLiteral("\u203A"), // › next version
        QStringLiteral("\u2715"), // ✕ close
        QStringLiteral("\u24D8"), // ⓘ notice
        QStringLiteral("\u26A0"), // ⚠ error
        QStringLiteral("\u22EF"), // ⋯ more actions
        QStringLiteral("\u2191"), // ↑ send
        QStringLiteral("\u25A0"), // ■ stop
        QStringLiteral("\u25B8"), // ▸ collapsed
        QStringLiteral("\u25BE"), // ▾ expanded
        QStringLiteral("\u25CF"), // ● changed since saved
        QStringLiteral("\u2315"), // ⌕ search
        QStringLiteral("\u2630"), // ☰ list (the code panel's sessions)
        QStringLiteral("\u2699"), // ⚙ settings (a conversation's own)
        QStringLiteral("\u2605"), // ★ a favourite (the model picker)
        QStringLiteral("\u2606"), // ☆ not a favourite
        QStringLiteral("+"),      // added line (diff)
        QStringLiteral("\u2212"), // − removed line (diff)
        QStringLiteral("\u2014"), // — between a figure and its note
        QStringLiteral("\u00B7"), // · between facts
    };
    return symbols;
}

QList<UntranslatedLiteral> untranslatedQmlLiterals(const QString& qml) {
    static const QRegularExpression binding(
        QStringLiteral("(?:^|[{;,])[ \\t]*(?:%1)[ \\t]*:(?!:)").arg(kVisibleProperties.join(u'|')),
        QRegularExpression::MultilineOption);
    const QString text = withoutComments(qml);
    QList<UntranslatedLiteral> found;
    for (auto it = binding.globalMatch(text); it.hasNext();) {
        const qsizetype start = it.next().capturedEnd();
        collectShownLiterals(text, start, expressionEnd(text, start), found);
    }
    return found;
}

QList<UntranslatedLiteral> untranslatedWidgetLiterals(const QString& cpp) {
    static const QRegularExpression setter(QStringLiteral(
        "\\b(?:setText|setWindowTitle|setToolTip|setPlaceholderText|setStatusTip|setWhatsThis|"
        "setTitle|setLabelText|setInformativeText|setAccessibleName|setAccessibleDescription|"
        "addAction)"
        "\\s*\\(\\s*(?:QStringLiteral\\s*\\(|QLatin1String\\s*\\(|QString\\s*\\(|u8?)?\\s*\"((?:[^"
        "\"\\\\]|\\\\.)*)\""));
    const QString text = withoutComments(cpp);
    QList<UntranslatedLiteral> found;
    for (auto it = setter.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        if (shownUntranslated(decoded(match.captured(1))))
            found.append(
                {int(text.left(match.capturedStart()).count(u'\n')) + 1, match.captured(1)});
    }
    return found;
}

} // namespace conclave::test
