#pragma once
// Finds string literals that reach the user without passing through qsTr/tr: in QML, a
// property a user reads or hears (text, title, placeholderText, ToolTip.text,
// Accessible.name, ...) whose binding holds a literal outside qsTr/qsTranslate; in C++, a
// widget setter (setText, setWindowTitle, setToolTip, ...) given a literal. Used by
// test_translations over ui/ and app/; pure functions over source text, no I/O.
//
// What counts as not a word: literals that are empty or blank, colours ("#1d1f23"), rich
// text entities ("&nbsp;"), the symbols in `allowedSymbols()` with spaces around them, literals
// compared with ==/!= (values, not text), arguments of formatting and searching calls
// (toLocaleString's format, indexOf). The symbols hold no letter of any script.
// Known limits: a literal reaching the screen through a custom `property string` default, a
// JavaScript function's return value or a C++ view model's role is not seen.

#include <QString>
#include <QStringList>

namespace conclave::test {

// One finding: the line (1-based) and the literal as written between its quotes.
struct UntranslatedLiteral {
    int line = 0;
    QString literal;
};

// The symbols a visible property may show untranslated: arrows, crosses, signs.
const QStringList& allowedSymbols();

// Literals in visible QML properties outside qsTr, in `qml` (one file's text).
QList<UntranslatedLiteral> untranslatedQmlLiterals(const QString& qml);

// Literals given to a widget's text setters in `cpp` (one file's text).
QList<UntranslatedLiteral> untranslatedWidgetLiterals(const QString& cpp);

} // namespace conclave::test
