#include "code_languages.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QRegularExpression>

namespace conclave::code_panel {
namespace {

struct LanguageRow {
    const char* id;
    const char* name;
    // Lower-case extensions, the first the usual one; then other words that name it.
    QStringList extensions;
    QStringList aliases;
    QStringList interpreters; // programs named on a "#!" line
};

// One row per language. The ids are words the chat's highlighter resolves (a KDE definition
// name or an extension its definitions claim).
const QList<LanguageRow>& table() {
    static const QList<LanguageRow> rows = {
        {"bash",
         "Bash",
         {"sh", "bash", "zsh"},
         {"shell", "sh", "zsh", "console"},
         {"sh", "bash", "zsh", "dash", "ksh"}},
        {"c", "C", {"c", "h"}, {}, {}},
        {"cmake", "CMake", {"cmake"}, {}, {}},
        {"cpp", "C++", {"cpp", "cc", "cxx", "hpp", "hh", "hxx", "ipp"}, {"c++", "cxx"}, {}},
        {"csharp", "C#", {"cs"}, {"c#", "cs"}, {}},
        {"css", "CSS", {"css"}, {}, {}},
        {"dart", "Dart", {"dart"}, {}, {}},
        {"dockerfile", "Dockerfile", {"dockerfile"}, {"docker"}, {}},
        {"go", "Go", {"go"}, {"golang"}, {}},
        {"haskell", "Haskell", {"hs"}, {}, {"runhaskell"}},
        {"html", "HTML", {"html", "htm", "xhtml"}, {}, {}},
        {"java", "Java", {"java"}, {}, {}},
        {"javascript",
         "JavaScript",
         {"js", "mjs", "cjs", "jsx"},
         {"js", "node"},
         {"node", "nodejs"}},
        {"json", "JSON", {"json"}, {}, {}},
        {"kotlin", "Kotlin", {"kt", "kts"}, {}, {}},
        {"lua", "Lua", {"lua"}, {}, {"lua"}},
        {"makefile", "Makefile", {"mk", "mak"}, {"make"}, {"make"}},
        {"markdown", "Markdown", {"md", "markdown"}, {"md"}, {}},
        {"perl", "Perl", {"pl", "pm"}, {}, {"perl"}},
        {"php", "PHP", {"php"}, {}, {"php"}},
        {"python",
         "Python",
         {"py", "pyw", "pyi"},
         {"py", "python3"},
         {"python", "python3", "python2"}},
        {"qml", "QML", {"qml"}, {}, {}},
        {"r", "R", {"r"}, {}, {"rscript"}},
        {"ruby", "Ruby", {"rb"}, {"rb"}, {"ruby"}},
        {"rust", "Rust", {"rs"}, {"rs"}, {}},
        {"scala", "Scala", {"scala"}, {}, {}},
        {"sql", "SQL", {"sql"}, {}, {}},
        {"swift", "Swift", {"swift"}, {}, {}},
        {"toml", "TOML", {"toml"}, {}, {}},
        {"typescript", "TypeScript", {"ts", "tsx", "mts"}, {"ts"}, {"deno", "ts-node"}},
        {"xml", "XML", {"xml", "xsd", "xsl", "svg", "ui", "qrc"}, {}, {}},
        {"yaml", "YAML", {"yaml", "yml"}, {"yml"}, {}},
    };
    return rows;
}

CodeLanguage fromRow(const LanguageRow& row) {
    return {QString::fromLatin1(row.id), QString::fromLatin1(row.name)};
}

bool isPlainTextWord(const QString& word) {
    return word.isEmpty() || word == u"text" || word == u"plaintext" || word == u"plain" ||
           word == u"txt" || word == u"none" || word == u"output";
}

const LanguageRow* rowForWord(const QString& lower) {
    for (const LanguageRow& row : table())
        if (lower == QLatin1String(row.id) || lower == QString::fromLatin1(row.name).toLower() ||
            row.aliases.contains(lower))
            return &row;
    for (const LanguageRow& row : table())
        if (row.extensions.contains(lower)) return &row;
    return nullptr;
}

// Whole file names that say the language without an extension.
CodeLanguage languageForBaseName(const QString& name) {
    const QString lower = name.toLower();
    if (lower == u"cmakelists.txt") return languageFor(QStringLiteral("cmake"));
    if (lower == u"makefile" || lower == u"gnumakefile")
        return languageFor(QStringLiteral("makefile"));
    if (lower == u"dockerfile" || lower.startsWith(u"dockerfile."))
        return languageFor(QStringLiteral("dockerfile"));
    if (lower == u".bashrc" || lower == u".profile" || lower == u".bash_profile" ||
        lower == u".zshrc")
        return languageFor(QStringLiteral("bash"));
    return {};
}

CodeLanguage languageForInterpreterLine(const QString& firstLine) {
    // "#!/usr/bin/env -S python3 -u", "#!/bin/bash": the program is the env argument or the
    // path's last part, without a version suffix beyond those the table names.
    static const QRegularExpression shebang(
        QStringLiteral(R"(^#!\s*(\S+)(?:\s+(?:-\S+\s+)*(\S+))?)"));
    const QRegularExpressionMatch match = shebang.match(firstLine);
    if (!match.hasMatch()) return {};
    QString program = QFileInfo(match.captured(1)).fileName();
    if (program == u"env") program = QFileInfo(match.captured(2)).fileName();
    program = program.toLower();
    for (const LanguageRow& row : table())
        if (row.interpreters.contains(program)) return fromRow(row);
    static const QRegularExpression versioned(QStringLiteral(R"(^([a-z]+)[0-9.]+$)"));
    const QRegularExpressionMatch bare = versioned.match(program);
    if (bare.hasMatch())
        for (const LanguageRow& row : table())
            if (row.interpreters.contains(bare.captured(1))) return fromRow(row);
    return {};
}

CodeLanguage languageForContent(const QString& content) {
    QString head = content.left(4096);
    if (head.startsWith(QChar(0xFEFF))) head.remove(0, 1);
    const QString trimmed = head.trimmed();
    if (trimmed.startsWith(u"#!")) return languageForInterpreterLine(trimmed.section(u'\n', 0, 0));
    if (trimmed.startsWith(u"<?php")) return languageFor(QStringLiteral("php"));
    if (trimmed.startsWith(u"<?xml")) return languageFor(QStringLiteral("xml"));
    if (trimmed.startsWith(u"<!doctype html", Qt::CaseInsensitive) ||
        trimmed.startsWith(u"<html", Qt::CaseInsensitive))
        return languageFor(QStringLiteral("html"));
    if (trimmed.startsWith(u'{') || trimmed.startsWith(u'[')) {
        QJsonParseError error;
        QJsonDocument::fromJson(content.trimmed().toUtf8(), &error);
        if (error.error == QJsonParseError::NoError) return languageFor(QStringLiteral("json"));
    }
    return {};
}

} // namespace

QList<CodeLanguage> knownLanguages() {
    QList<CodeLanguage> languages;
    for (const LanguageRow& row : table()) languages.append(fromRow(row));
    return languages;
}

CodeLanguage languageFor(const QString& word) {
    const QString lower = word.trimmed().toLower();
    if (isPlainTextWord(lower)) return {};
    if (const LanguageRow* row = rowForWord(lower)) return fromRow(*row);
    return {lower, word.trimmed()};
}

CodeLanguage languageForFileName(const QString& fileName) {
    const QFileInfo info(fileName);
    if (const CodeLanguage byName = languageForBaseName(info.fileName()); !byName.isPlainText())
        return byName;
    const QString extension = info.suffix().toLower();
    if (extension.isEmpty() || isPlainTextWord(extension)) return {};
    for (const LanguageRow& row : table())
        if (row.extensions.contains(extension)) return fromRow(row);
    return {extension, extension.toUpper()};
}

CodeLanguage detectLanguage(const QString& fileName, const QString& content) {
    const CodeLanguage byName = languageForFileName(fileName);
    if (!byName.isPlainText()) return byName;
    return languageForContent(content);
}

bool sameLanguage(const QString& a, const QString& b) {
    return languageFor(a).id == languageFor(b).id;
}

QString extensionFor(const CodeLanguage& language) {
    for (const LanguageRow& row : table())
        if (language.id == QLatin1String(row.id))
            return row.extensions.isEmpty() ? QString() : row.extensions.first();
    return language.id.contains(u' ') ? QString() : language.id;
}

} // namespace conclave::code_panel
