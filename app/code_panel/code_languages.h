#pragma once
// CodeLanguage: the programming languages the code panel names, detects and asks the model
// about. A language's `id` is the word written after a Markdown fence ("python", "cpp") — a
// word the chat's CodeHighlighter resolves to a KDE Syntax Highlighting definition — and
// `name` is what the user and the model read ("Python", "C++").
//
// Detection looks at the file name first (extension, or names such as "Makefile"), then at
// the content (a "#!" interpreter line, `<?php`, `<?xml`, an HTML doctype, JSON). A file whose
// extension is not in the table keeps the extension as its id, so the highlighter may still
// know it. Nothing detected: the null language (plain text). Pure functions; thread-safe.

#include <QList>
#include <QString>
#include <QStringList>

namespace conclave::code_panel {

struct CodeLanguage {
    QString id;   // fence word, lower case; empty: plain text
    QString name; // for people and prompts; "Plain text" when id is empty

    bool isPlainText() const { return id.isEmpty(); }
    bool operator==(const CodeLanguage&) const = default;
};

// Every language the table knows, by name, for a language picker.
QList<CodeLanguage> knownLanguages();

// The language for a fence word, a name or an extension, in any case ("py", "Python",
// "c++", "golang"); the plain-text language for words that mean plain text ("text", "").
// An unknown word gives {word lower-cased, word} so a fence's language is never lost.
CodeLanguage languageFor(const QString& word);

// By file name alone ("main.rs", "/x/CMakeLists.txt", "Dockerfile"); plain text when unknown
// and the name has no extension.
CodeLanguage languageForFileName(const QString& fileName);

// The file name first, then the content; plain text when neither tells.
CodeLanguage detectLanguage(const QString& fileName, const QString& content);

// True when two fence words mean the same language ("py" and "python").
bool sameLanguage(const QString& a, const QString& b);

// The usual file extension for a language ("py" for python), for "Save as" names; empty
// when none is known.
QString extensionFor(const CodeLanguage& language);

} // namespace conclave::code_panel
