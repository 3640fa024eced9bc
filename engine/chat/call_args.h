#pragma once
// ArgBinder: binds a builtin's Arguments to its Python-style signature (positional then
// keyword), so filters and methods read parameters by position with defaults and report
// unexpected or surplus arguments the way Python does.

#include "chat/interpreter.h"
#include "chat/value.h"

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace conclave::chat {

class ArgBinder {
public:
    ArgBinder(Interpreter& interp, const Arguments& args, std::string_view function,
              std::initializer_list<std::string_view> params);

    bool has(std::size_t i) const { return i < m_values.size() && m_present[i]; }
    const Value& get(std::size_t i) const { return m_values[i]; }
    Value get_or(std::size_t i, Value fallback) const { return has(i) ? m_values[i] : fallback; }
    bool get_bool(std::size_t i, bool fallback) const;
    std::int64_t get_int(std::size_t i, std::int64_t fallback) const;
    std::string get_string(std::size_t i, const std::string& fallback) const;

private:
    Interpreter& m_interp;
    std::string m_function;
    std::vector<Value> m_values;
    std::vector<bool> m_present;
};

} // namespace conclave::chat
