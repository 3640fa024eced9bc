#include "code_tasks.h"

#include "code_fence.h"

#include <array>
#include <utility>

namespace conclave::code_panel {
namespace {

constexpr std::array<std::pair<CodeTask, const char*>, 7> taskNames{{
    {CodeTask::explain, "explain"},
    {CodeTask::review, "review"},
    {CodeTask::fix, "fix"},
    {CodeTask::write_tests, "write_tests"},
    {CodeTask::document, "document"},
    {CodeTask::convert, "convert"},
    {CodeTask::instruction, "instruction"},
}};

QString languageName(const CodeLanguage& language) {
    return language.isPlainText() ? QStringLiteral("plain text") : language.name;
}

// "the following Python code from parser.py" / "the following selection from a C++ file".
QString subject(const TaskRequest& request) {
    const QString language = languageName(request.language);
    const QString file = request.fileName.isEmpty()
                             ? QString()
                             : QStringLiteral(" (file `%1`)").arg(request.fileName);
    if (request.isSelection)
        return QStringLiteral("this part of a larger %1 file%2").arg(language, file);
    return QStringLiteral("this %1 code%2").arg(language, file);
}

// Appended to every task that changes code: the one block ProposedCode takes.
QString wholeResultRule(const CodeLanguage& language, bool isSelection) {
    const QString what = isSelection ? QStringLiteral("the complete changed part")
                                     : QStringLiteral("the complete changed code");
    const QString fence =
        language.isPlainText() ? QStringLiteral("```") : QStringLiteral("```") + language.id;
    return QStringLiteral("Answer with %1 in a single fenced code block (%2), not just the "
                          "changed lines, then a short list of what you changed.")
        .arg(what, fence);
}

QString instructionFor(const TaskRequest& request) {
    const QString code = subject(request);
    switch (request.task) {
    case CodeTask::explain:
        return QStringLiteral("Explain %1. Start with its purpose in one or two sentences, then "
                              "walk through how it works, and point out anything surprising.")
            .arg(code);
    case CodeTask::review:
        return QStringLiteral("Review %1. List bugs first, then risks (security, error handling, "
                              "edge cases, performance), then style and readability. For each "
                              "point give the line or construct, why it matters and a fix. Say so "
                              "if you find nothing serious.")
            .arg(code);
    case CodeTask::fix: {
        const QString problem = request.detail.trimmed();
        const QString what = problem.isEmpty()
                                 ? QStringLiteral("Find and fix the bugs in %1.").arg(code)
                                 : QStringLiteral("Fix %1. The problem: %2").arg(code, problem);
        return what + u' ' + wholeResultRule(request.language, request.isSelection);
    }
    case CodeTask::write_tests:
        return QStringLiteral("Write unit tests for %1, using the usual test framework for %2. "
                              "Cover normal cases, edge cases and errors. Put all the tests in a "
                              "single fenced code block.")
            .arg(code, languageName(request.language));
    case CodeTask::document:
        return QStringLiteral("Add documentation comments to %1 in the usual style for %2, and "
                              "comments where the code is not obvious. Do not change what the "
                              "code does. ")
                   .arg(code, languageName(request.language)) +
               wholeResultRule(request.language, request.isSelection);
    case CodeTask::convert:
        return QStringLiteral("Convert %1 to %2, keeping its behaviour and using idiomatic %2. ")
                   .arg(code, languageName(request.target)) +
               wholeResultRule(request.target, request.isSelection);
    case CodeTask::instruction:
        return request.detail.trimmed() +
               QStringLiteral("\n\nThis applies to %1. If you change "
                              "the code, ")
                   .arg(code) +
               wholeResultRule(request.language, request.isSelection).replace(0, 1, u'a');
    }
    return {};
}

} // namespace

QString taskName(CodeTask task) {
    for (const auto& [value, name] : taskNames)
        if (value == task) return QString::fromLatin1(name);
    return {};
}

bool taskFromName(const QString& name, CodeTask* task) {
    for (const auto& [value, text] : taskNames)
        if (name == QLatin1String(text)) {
            *task = value;
            return true;
        }
    return false;
}

bool changesCode(CodeTask task) {
    return task == CodeTask::fix || task == CodeTask::document || task == CodeTask::convert ||
           task == CodeTask::instruction;
}

QString requestProblem(const TaskRequest& request) {
    if (request.code.trimmed().isEmpty()) return QStringLiteral("There is no code.");
    if (request.task == CodeTask::instruction && request.detail.trimmed().isEmpty())
        return QStringLiteral("The instruction is empty.");
    if (request.task == CodeTask::convert) {
        if (request.target.isPlainText()) return QStringLiteral("No language to convert to.");
        if (request.target.id == request.language.id)
            return QStringLiteral("The code is already in that language.");
    }
    return {};
}

QString renderTaskPrompt(const TaskRequest& request) {
    return instructionFor(request) + QStringLiteral("\n\n") +
           fencedBlock(request.code, request.language.id);
}

CodeLanguage expectedAnswerLanguage(const TaskRequest& request) {
    return request.task == CodeTask::convert ? request.target : request.language;
}

} // namespace conclave::code_panel
