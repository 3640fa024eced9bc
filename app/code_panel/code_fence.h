#pragma once
// Markdown code fences for code the app puts into a prompt or a message: a fence of backticks
// one longer than the longest backtick run inside the code (and at least three), so nothing in
// the code can close it early. Pure functions; thread-safe.

#include <QString>

namespace conclave::code_panel {

// The backtick fence for `code`: "```", or longer when the code holds a run of three or more.
QString fenceFor(const QString& code);

// `code` as a fenced block: fence + info string, the code (ending with a newline), the fence.
// The result ends with a newline. `info` is the fence's language word ("python"); may be empty.
QString fencedBlock(const QString& code, const QString& info);

} // namespace conclave::code_panel
