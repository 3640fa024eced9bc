#pragma once
// The variables a parsed template reads from the caller (Jinja2's "undeclared variables"):
// every name used before the template itself binds it with set, for, macro, with or a macro
// parameter, other than the interpreter's own globals (range, namespace, raise_exception...). Callers ask it which optional variables a chat template understands
// (enable_thinking, reasoning_effort, ...). A pure walk of the immutable AST; thread-safe.
// Conservative where Jinja's own rules depend on the data (a name set in one branch of an if
// counts as bound afterwards), so a name listed is one the template really reads.

#include "chat/ast.h"

#include <set>
#include <string>

namespace conclave::chat {

std::set<std::string> free_variables(const TemplateAst& ast);

} // namespace conclave::chat
