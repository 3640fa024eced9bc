#pragma once
// Filters ({{ x | trim }}), looked up by name at render time. Each group lives in its own
// file: filters_text.cpp (strings and numbers), filters_sequence.cpp (lists and dicts),
// filters.cpp (the registry, default, tojson, conversions). Semantics follow Jinja 3.1 and
// Hugging Face's tojson (no HTML escaping, non-ASCII kept).

#include "chat/interpreter.h"
#include "chat/value.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace conclave::chat {

using FilterFn = Value (*)(Interpreter&, const Value&, const Arguments&);

struct FilterEntry {
    std::string_view name;
    FilterFn fn;
};

FilterFn find_text_filter(std::string_view name);
FilterFn find_sequence_filter(std::string_view name);
FilterFn find_filter(std::string_view name);

// Jinja's soft_str: str() of a value, with undefined as "".
std::string soft_str(const Value& v);

// Python's str.replace (see filters_text.cpp); used by the filter and the string method.
std::string replace_occurrences(Interpreter& interp, const std::string& s, const std::string& old_text,
                                const std::string& new_text, std::int64_t count);
// Items a filter iterates: list items, dict keys, string characters; undefined is empty.
std::vector<Value> iterate_value(Interpreter& interp, const Value& v);
// Jinja's attribute getter for map/selectattr/sort: "a.b.0" walks items then attributes.
Value lookup_attribute(Interpreter& interp, const Value& v, const Value& attribute);

} // namespace conclave::chat
