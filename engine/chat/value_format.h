#pragma once
// Text forms of values exactly as Python prints them: str() for {{ x }} and the string
// filter, repr() inside containers (['a', 1.0, None]), and float repr (shortest round trip,
// "1.0", "1e+16", "1e-05").

#include "chat/value.h"

#include <string>
#include <string_view>

namespace conclave::chat {

std::string format_float(double d);
std::string repr_string(std::string_view s);
std::string py_repr(const Value& v, int depth = 0);
// str(v); undefined prints as the empty string.
std::string py_str(const Value& v);

} // namespace conclave::chat
