#pragma once
// The code panel's tasks and the one place their prompts are written. A task turns the
// editor's code (all of it, or the selection) into the user message the model answers.
//
// Every prompt names the language, fences the code with that language's word and a fence no
// backtick run in the code can close (code_fence.h), says whether the code is a selection
// of a larger file, and — for the tasks that change code — asks for the complete result in
// one fenced block, which is where ProposedCode looks for it.
//
// The prompts are English on purpose: small local models follow English instructions best,
// whatever language the window is shown in. Pure functions; thread-safe.

#include "code_languages.h"

#include <QString>

namespace conclave::code_panel {

// Stored by name with each panel session: names are never renamed or reused.
enum class CodeTask {
    explain,
    review,
    fix, // needs a description of the problem (may be empty: "find and fix")
    write_tests,
    document,
    convert,     // needs the target language
    instruction, // the user's own instruction (must not be blank)
};

QString taskName(CodeTask task);                        // "explain", "write_tests", ...
bool taskFromName(const QString& name, CodeTask* task); // false for an unknown name
// True for the tasks whose answer is code that replaces the editor's (shown as a diff).
bool changesCode(CodeTask task);

struct TaskRequest {
    CodeTask task = CodeTask::explain;
    QString code;             // what the task works on: the whole text or the selection
    CodeLanguage language;    // the editor's language
    bool isSelection = false; // `code` is part of a larger file
    QString fileName;         // shown to the model when known ("parser.py"); may be empty
    QString detail;           // fix: the problem; instruction: the instruction
    CodeLanguage target;      // convert: the language to convert to
};

// Why a request cannot be sent (empty code, a blank instruction, no target language for
// Convert, converting to the same language); empty when it can. In English for tests; the
// panel shows its own translated messages for the same conditions.
QString requestProblem(const TaskRequest& request);

// The user message for the request. Call only when requestProblem() is empty.
QString renderTaskPrompt(const TaskRequest& request);

// The language the proposed code of an answer is expected in: the target for Convert,
// otherwise the editor's language.
CodeLanguage expectedAnswerLanguage(const TaskRequest& request);

} // namespace conclave::code_panel
