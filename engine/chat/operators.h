#pragma once
// Python's operators on template values: arithmetic (int overflow is an error rather than
// a bigint), ordering, membership, and the printf-style `"%s" % x` formatting.

#include "chat/ast.h"
#include "chat/interpreter.h"
#include "chat/value.h"

#include <string>
#include <string_view>

namespace conclave::chat {

Value binary_op(Interpreter& interp, BinaryOp op, const Value& a, const Value& b);
// -1, 0 or 1 as Python's < and == order a and b; fails for unorderable types.
int compare_order(Interpreter& interp, const Value& a, const Value& b);
bool contains(Interpreter& interp, const Value& container, const Value& item);
Value negate(Interpreter& interp, const Value& v);
// "fmt % args" for a str left operand.
std::string percent_format(Interpreter& interp, const std::string& fmt, const Value& args);
// markupsafe's escape: & < > " ' as HTML entities.
std::string html_escape(std::string_view s);
// "'dict object'", "'None'": how Jinja names an object in undefined-attribute messages.
std::string object_description(const Value& v);

} // namespace conclave::chat
