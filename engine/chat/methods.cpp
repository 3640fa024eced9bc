// Methods of Python's str, dict and list that chat templates call ("x".strip(),
// message.get('content'), ...). Only non-mutating ones exist: the immutable sandbox
// refuses list.append, dict.update and friends with a SecurityError.

#include "chat/call_args.h"
#include "chat/filters.h"
#include "chat/objects.h"
#include "chat/operators.h"
#include "chat/utf8.h"
#include "chat/value_format.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>

namespace conclave::chat {

namespace {

using MethodFn = Value (*)(Interpreter&, const Value&, Arguments&);

std::string arg_string(Interpreter& interp, const Value& v, const char* method) {
    if (!v.is_string())
        interp.fail(std::string("TypeError: ") + method + "() argument must be str, not " +
                    type_name(v));
    return v.as_string();
}

Value str_strip_impl(Interpreter& interp, const Value& self, Arguments& args, const char* name,
                     bool left, bool right) {
    ArgBinder a(interp, args, name, {"chars"});
    if (!a.has(0) || a.get(0).is_none())
        return Value(utf8::strip(self.as_string(), nullptr, left, right));
    const std::string chars = arg_string(interp, a.get(0), name);
    return Value(utf8::strip(self.as_string(), &chars, left, right));
}

Value str_strip(Interpreter& i, const Value& s, Arguments& a) {
    return str_strip_impl(i, s, a, "strip", true, true);
}
Value str_lstrip(Interpreter& i, const Value& s, Arguments& a) {
    return str_strip_impl(i, s, a, "lstrip", true, false);
}
Value str_rstrip(Interpreter& i, const Value& s, Arguments& a) {
    return str_strip_impl(i, s, a, "rstrip", false, true);
}

// str.split() without a separator: runs of whitespace, no empty parts.
std::vector<Value> split_whitespace(std::string_view s, std::int64_t maxsplit) {
    std::vector<Value> parts;
    std::size_t pos = 0;
    while (pos < s.size()) {
        std::size_t next = pos;
        if (utf8::is_space(utf8::decode_next(s, next))) {
            pos = next;
            continue;
        }
        if (maxsplit >= 0 && static_cast<std::int64_t>(parts.size()) >= maxsplit) {
            parts.emplace_back(std::string(utf8::strip(s.substr(pos), nullptr, false, true)));
            return parts;
        }
        std::size_t end = pos;
        while (end < s.size()) {
            std::size_t probe = end;
            if (utf8::is_space(utf8::decode_next(s, probe))) break;
            end = probe;
        }
        parts.emplace_back(std::string(s.substr(pos, end - pos)));
        pos = end;
    }
    return parts;
}

Value str_split(Interpreter& interp, const Value& self, Arguments& args) {
    ArgBinder a(interp, args, "split", {"sep", "maxsplit"});
    const std::int64_t maxsplit = a.get_int(1, -1);
    const std::string& s = self.as_string();
    if (!a.has(0) || a.get(0).is_none()) return Value::list(split_whitespace(s, maxsplit));
    const std::string sep = arg_string(interp, a.get(0), "split");
    if (sep.empty()) interp.fail("ValueError: empty separator");
    std::vector<Value> parts;
    std::size_t start = 0;
    while (maxsplit < 0 || static_cast<std::int64_t>(parts.size()) < maxsplit) {
        const std::size_t found = s.find(sep, start);
        if (found == std::string::npos) break;
        parts.emplace_back(s.substr(start, found - start));
        start = found + sep.size();
    }
    parts.emplace_back(s.substr(start));
    interp.step(parts.size());
    return Value::list(std::move(parts));
}

Value str_rsplit(Interpreter& interp, const Value& self, Arguments& args) {
    ArgBinder a(interp, args, "rsplit", {"sep", "maxsplit"});
    const std::int64_t maxsplit = a.get_int(1, -1);
    const std::string& s = self.as_string();
    if (!a.has(0) || a.get(0).is_none() || maxsplit < 0) {
        Arguments forward = args;
        return str_split(interp, self, forward);
    }
    const std::string sep = arg_string(interp, a.get(0), "rsplit");
    if (sep.empty()) interp.fail("ValueError: empty separator");
    std::vector<Value> parts;
    std::size_t end = s.size();
    while (static_cast<std::int64_t>(parts.size()) < maxsplit && end >= sep.size()) {
        const std::size_t found = s.rfind(sep, end - sep.size());
        if (found == std::string::npos) break;
        parts.emplace_back(s.substr(found + sep.size(), end - found - sep.size()));
        end = found;
    }
    parts.emplace_back(s.substr(0, end));
    std::reverse(parts.begin(), parts.end());
    return Value::list(std::move(parts));
}

Value str_splitlines(Interpreter& interp, const Value& self, Arguments& args) {
    ArgBinder a(interp, args, "splitlines", {"keepends"});
    std::vector<Value> out;
    for (std::string& line : utf8::split_lines(self.as_string())) out.emplace_back(std::move(line));
    return Value::list(std::move(out));
}

// startswith/endswith accept a string or a tuple of strings.
Value str_affix(Interpreter& interp, const Value& self, Arguments& args, bool prefix) {
    const char* name = prefix ? "startswith" : "endswith";
    ArgBinder a(interp, args, name, {"prefix", "start", "end"});
    if (!a.has(0)) interp.fail(std::string("TypeError: ") + name + "() takes at least 1 argument");
    std::vector<Value> candidates;
    if (a.get(0).is_list())
        candidates = a.get(0).as_list().items;
    else
        candidates.push_back(a.get(0));
    const std::string& s = self.as_string();
    for (const Value& c : candidates) {
        const std::string affix = arg_string(interp, c, name);
        if (affix.size() > s.size()) continue;
        if (prefix ? s.compare(0, affix.size(), affix) == 0
                   : s.compare(s.size() - affix.size(), affix.size(), affix) == 0)
            return Value(true);
    }
    return Value(false);
}

Value str_startswith(Interpreter& i, const Value& s, Arguments& a) {
    return str_affix(i, s, a, true);
}
Value str_endswith(Interpreter& i, const Value& s, Arguments& a) {
    return str_affix(i, s, a, false);
}

Value str_upper(Interpreter& interp, const Value& self, Arguments& args) {
    ArgBinder a(interp, args, "upper", {});
    return Value(utf8::upper(self.as_string()));
}

Value str_lower(Interpreter& interp, const Value& self, Arguments& args) {
    ArgBinder a(interp, args, "lower", {});
    return Value(utf8::lower(self.as_string()));
}

// Python's str.title(): a letter after a non-letter starts a word.
Value str_title(Interpreter& interp, const Value& self, Arguments& args) {
    ArgBinder a(interp, args, "title", {});
    std::string out;
    bool previous_cased = false;
    const std::string& s = self.as_string();
    std::size_t pos = 0;
    while (pos < s.size()) {
        const char32_t cp = utf8::decode_next(s, pos);
        const bool cased = utf8::is_upper(cp) || utf8::is_lower(cp);
        utf8::append(out, previous_cased ? utf8::to_lower(cp) : utf8::to_upper(cp));
        previous_cased = cased;
    }
    return Value(std::move(out));
}

Value str_capitalize(Interpreter& interp, const Value& self, Arguments& args) {
    ArgBinder a(interp, args, "capitalize", {});
    std::vector<char32_t> cps = utf8::decode(self.as_string());
    for (std::size_t i = 0; i < cps.size(); ++i)
        cps[i] = i == 0 ? utf8::to_upper(cps[i]) : utf8::to_lower(cps[i]);
    return Value(utf8::encode(cps));
}

Value str_replace(Interpreter& interp, const Value& self, Arguments& args) {
    ArgBinder a(interp, args, "replace", {"old", "new", "count"});
    if (!a.has(1)) interp.fail("TypeError: replace() takes at least 2 arguments");
    const std::string old_text = arg_string(interp, a.get(0), "replace");
    const std::string new_text = arg_string(interp, a.get(1), "replace");
    return Value(replace_occurrences(interp, self.as_string(), old_text, new_text, a.get_int(2, -1)));
}

// Code-point index of a byte offset.
std::int64_t cp_index(const std::string& s, std::size_t byte_offset) {
    return static_cast<std::int64_t>(utf8::length(std::string_view(s).substr(0, byte_offset)));
}

Value str_find_impl(Interpreter& interp, const Value& self, Arguments& args, bool reverse,
                    bool raise) {
    ArgBinder a(interp, args, reverse ? "rfind" : "find", {"sub", "start", "end"});
    if (!a.has(0)) interp.fail("TypeError: find() takes at least 1 argument");
    const std::string sub = arg_string(interp, a.get(0), "find");
    const std::vector<char32_t> cps = utf8::decode(self.as_string());
    const auto n = static_cast<std::int64_t>(cps.size());
    const auto bound = [n](std::int64_t v) {
        return v < 0 ? std::max<std::int64_t>(0, v + n) : std::min(v, n);
    };
    const std::int64_t start = bound(a.get_int(1, 0));
    const std::int64_t end = bound(a.get_int(2, n));
    std::string window;
    for (std::int64_t i = start; i < end; ++i)
        utf8::append(window, cps[static_cast<std::size_t>(i)]);
    const std::size_t found = reverse ? window.rfind(sub) : window.find(sub);
    if (found == std::string::npos || end < start) {
        if (raise) interp.fail("ValueError: substring not found");
        return Value(-1);
    }
    return Value(start + cp_index(window, found));
}

Value str_find(Interpreter& i, const Value& s, Arguments& a) {
    return str_find_impl(i, s, a, false, false);
}
Value str_rfind(Interpreter& i, const Value& s, Arguments& a) {
    return str_find_impl(i, s, a, true, false);
}
Value str_index(Interpreter& i, const Value& s, Arguments& a) {
    return str_find_impl(i, s, a, false, true);
}

Value str_count(Interpreter& interp, const Value& self, Arguments& args) {
    ArgBinder a(interp, args, "count", {"sub"});
    if (!a.has(0)) interp.fail("TypeError: count() takes at least 1 argument");
    const std::string sub = arg_string(interp, a.get(0), "count");
    const std::string& s = self.as_string();
    if (sub.empty()) return Value(static_cast<std::int64_t>(utf8::length(s)) + 1);
    std::int64_t n = 0;
    for (std::size_t p = s.find(sub); p != std::string::npos; p = s.find(sub, p + sub.size())) ++n;
    return Value(n);
}

Value str_join(Interpreter& interp, const Value& self, Arguments& args) {
    ArgBinder a(interp, args, "join", {"iterable"});
    if (!a.has(0)) interp.fail("TypeError: join() takes exactly one argument");
    std::vector<Value> items;
    const Value& seq = a.get(0);
    if (seq.is_list())
        items = seq.as_list().items;
    else if (seq.is_string())
        items = {seq};
    else
        interp.fail("TypeError: can only join an iterable");
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (!items[i].is_string())
            interp.fail("TypeError: sequence item " + std::to_string(i) +
                        ": expected str instance, " + type_name(items[i]) + " found");
        if (i) out += self.as_string();
        out += items[i].as_string();
        interp.check_string_size(out.size());
    }
    return Value(std::move(out));
}

Value str_predicate(Interpreter& interp, const Value& self, Arguments& args, const char* name,
                    bool (*pred)(char32_t)) {
    ArgBinder a(interp, args, name, {});
    const std::vector<char32_t> cps = utf8::decode(self.as_string());
    if (cps.empty()) return Value(false);
    return Value(std::all_of(cps.begin(), cps.end(), pred));
}

Value str_isdigit(Interpreter& i, const Value& s, Arguments& a) {
    return str_predicate(i, s, a, "isdigit", utf8::is_digit);
}
Value str_isalpha(Interpreter& i, const Value& s, Arguments& a) {
    return str_predicate(i, s, a, "isalpha", utf8::is_alpha);
}
Value str_isspace(Interpreter& i, const Value& s, Arguments& a) {
    return str_predicate(i, s, a, "isspace", utf8::is_space);
}
Value str_isalnum(Interpreter& i, const Value& s, Arguments& a) {
    return str_predicate(i, s, a, "isalnum",
                         [](char32_t c) { return utf8::is_alpha(c) || utf8::is_digit(c); });
}

Value str_case_test(Interpreter& interp, const Value& self, Arguments& args, bool upper) {
    ArgBinder a(interp, args, upper ? "isupper" : "islower", {});
    bool any_cased = false;
    for (char32_t cp : utf8::decode(self.as_string())) {
        if (upper ? utf8::is_lower(cp) : utf8::is_upper(cp)) return Value(false);
        any_cased = any_cased || utf8::is_upper(cp) || utf8::is_lower(cp);
    }
    return Value(any_cased);
}

Value str_isupper(Interpreter& i, const Value& s, Arguments& a) {
    return str_case_test(i, s, a, true);
}
Value str_islower(Interpreter& i, const Value& s, Arguments& a) {
    return str_case_test(i, s, a, false);
}

Value str_remove_affix(Interpreter& interp, const Value& self, Arguments& args, bool prefix) {
    ArgBinder a(interp, args, prefix ? "removeprefix" : "removesuffix", {"affix"});
    if (!a.has(0)) interp.fail("TypeError: missing argument");
    const std::string affix = arg_string(interp, a.get(0), "removeprefix");
    const std::string& s = self.as_string();
    if (affix.size() > s.size()) return self;
    if (prefix && s.compare(0, affix.size(), affix) == 0) return Value(s.substr(affix.size()));
    if (!prefix && s.compare(s.size() - affix.size(), affix.size(), affix) == 0)
        return Value(s.substr(0, s.size() - affix.size()));
    return self;
}

Value str_removeprefix(Interpreter& i, const Value& s, Arguments& a) {
    return str_remove_affix(i, s, a, true);
}
Value str_removesuffix(Interpreter& i, const Value& s, Arguments& a) {
    return str_remove_affix(i, s, a, false);
}

Value str_pad(Interpreter& interp, const Value& self, Arguments& args, char align) {
    ArgBinder a(interp, args, "ljust", {"width", "fillchar"});
    const std::int64_t width = a.get_int(0, 0);
    const std::string fill = a.get_string(1, " ");
    const auto len = static_cast<std::int64_t>(utf8::length(self.as_string()));
    if (width <= len) return self;
    interp.check_string_size(static_cast<std::size_t>(width) * fill.size());
    const auto total = static_cast<std::size_t>(width - len);
    std::size_t left =
        align == '<'
            ? 0
            : (align == '>' ? total : total / 2 + (total & static_cast<std::size_t>(width) & 1));
    std::string out;
    for (std::size_t i = 0; i < left; ++i) out += fill;
    out += self.as_string();
    for (std::size_t i = left; i < total; ++i) out += fill;
    return Value(std::move(out));
}

Value str_ljust(Interpreter& i, const Value& s, Arguments& a) {
    return str_pad(i, s, a, '<');
}
Value str_rjust(Interpreter& i, const Value& s, Arguments& a) {
    return str_pad(i, s, a, '>');
}
Value str_center(Interpreter& i, const Value& s, Arguments& a) {
    return str_pad(i, s, a, '^');
}

Value str_partition(Interpreter& interp, const Value& self, Arguments& args) {
    ArgBinder a(interp, args, "partition", {"sep"});
    const std::string sep = a.has(0) ? arg_string(interp, a.get(0), "partition") : "";
    if (sep.empty()) interp.fail("ValueError: empty separator");
    const std::string& s = self.as_string();
    const std::size_t found = s.find(sep);
    if (found == std::string::npos) return Value::list({self, Value(""), Value("")}, true);
    return Value::list({Value(s.substr(0, found)), Value(sep), Value(s.substr(found + sep.size()))},
                       true);
}

Value str_format(Interpreter& interp, const Value& self, Arguments& args);

Value dict_items(Interpreter& interp, const Value& self, Arguments& args) {
    ArgBinder a(interp, args, "items", {});
    std::vector<Value> out;
    for (const auto& [k, v] : self.as_dict().entries()) out.push_back(Value::list({k, v}, true));
    interp.step(out.size());
    return Value::list(std::move(out));
}

Value dict_keys(Interpreter& interp, const Value& self, Arguments& args) {
    ArgBinder a(interp, args, "keys", {});
    std::vector<Value> out;
    for (const auto& entry : self.as_dict().entries()) out.push_back(entry.first);
    return Value::list(std::move(out));
}

Value dict_values(Interpreter& interp, const Value& self, Arguments& args) {
    ArgBinder a(interp, args, "values", {});
    std::vector<Value> out;
    for (const auto& entry : self.as_dict().entries()) out.push_back(entry.second);
    return Value::list(std::move(out));
}

Value dict_get(Interpreter& interp, const Value& self, Arguments& args) {
    ArgBinder a(interp, args, "get", {"key", "default"});
    if (!a.has(0)) interp.fail("TypeError: get expected at least 1 argument, got 0");
    if (const Value* v = self.as_dict().find(a.get(0))) return *v;
    return a.get_or(1, Value::none());
}

Value copy_self(Interpreter&, const Value& self, Arguments&) {
    return self;
}

Value list_index(Interpreter& interp, const Value& self, Arguments& args) {
    ArgBinder a(interp, args, "index", {"value"});
    const auto& items = self.as_list().items;
    for (std::size_t i = 0; i < items.size(); ++i)
        if (values_equal(items[i], a.get(0))) return Value(static_cast<std::int64_t>(i));
    interp.fail("ValueError: " + py_repr(a.get(0)) + " is not in list");
}

Value list_count(Interpreter& interp, const Value& self, Arguments& args) {
    ArgBinder a(interp, args, "count", {"value"});
    std::int64_t n = 0;
    for (const Value& item : self.as_list().items) n += values_equal(item, a.get(0)) ? 1 : 0;
    return Value(n);
}

struct MethodEntry {
    std::string_view name;
    MethodFn fn;
};

constexpr std::array string_methods = {
    MethodEntry{"capitalize", str_capitalize},
    MethodEntry{"center", str_center},
    MethodEntry{"count", str_count},
    MethodEntry{"endswith", str_endswith},
    MethodEntry{"find", str_find},
    MethodEntry{"format", str_format},
    MethodEntry{"index", str_index},
    MethodEntry{"isalnum", str_isalnum},
    MethodEntry{"isalpha", str_isalpha},
    MethodEntry{"isdigit", str_isdigit},
    MethodEntry{"islower", str_islower},
    MethodEntry{"isspace", str_isspace},
    MethodEntry{"isupper", str_isupper},
    MethodEntry{"join", str_join},
    MethodEntry{"ljust", str_ljust},
    MethodEntry{"lower", str_lower},
    MethodEntry{"lstrip", str_lstrip},
    MethodEntry{"partition", str_partition},
    MethodEntry{"removeprefix", str_removeprefix},
    MethodEntry{"removesuffix", str_removesuffix},
    MethodEntry{"replace", str_replace},
    MethodEntry{"rfind", str_rfind},
    MethodEntry{"rjust", str_rjust},
    MethodEntry{"rsplit", str_rsplit},
    MethodEntry{"rstrip", str_rstrip},
    MethodEntry{"split", str_split},
    MethodEntry{"splitlines", str_splitlines},
    MethodEntry{"startswith", str_startswith},
    MethodEntry{"strip", str_strip},
    MethodEntry{"title", str_title},
    MethodEntry{"upper", str_upper},
};

constexpr std::array dict_methods = {
    MethodEntry{"copy", copy_self},     MethodEntry{"get", dict_get},
    MethodEntry{"items", dict_items},   MethodEntry{"keys", dict_keys},
    MethodEntry{"values", dict_values},
};

constexpr std::array list_methods = {
    MethodEntry{"copy", copy_self},
    MethodEntry{"count", list_count},
    MethodEntry{"index", list_index},
};

template <std::size_t N>
MethodFn find_in(const std::array<MethodEntry, N>& table, std::string_view name) {
    for (const MethodEntry& e : table)
        if (e.name == name) return e.fn;
    return nullptr;
}

MethodFn find_method(const Value& receiver, std::string_view name) {
    if (receiver.is_string()) return find_in(string_methods, name);
    if (receiver.is_dict()) return find_in(dict_methods, name);
    if (receiver.is_list()) return find_in(list_methods, name);
    return nullptr;
}

// str.format: "{}", "{0}", "{name}", "{{", "}}", conversions !r/!s and a format spec with
// fill, alignment, width, precision and type (s d f e g %).
std::string apply_format_spec(Interpreter& interp, const Value& v, const std::string& spec) {
    if (spec.empty()) return py_str(v);
    std::size_t i = 0;
    std::string fill = " ";
    char align = '\0';
    const auto is_align = [](char c) { return c == '<' || c == '>' || c == '^' || c == '='; };
    if (spec.size() >= 2 && is_align(spec[1])) {
        fill = spec.substr(0, 1);
        align = spec[1];
        i = 2;
    } else if (is_align(spec[0])) {
        align = spec[0];
        i = 1;
    }
    std::string printf_flags;
    while (i < spec.size() &&
           (spec[i] == '+' || spec[i] == '-' || spec[i] == ' ' || spec[i] == '#'))
        printf_flags += spec[i++];
    if (i < spec.size() && spec[i] == '0') {
        if (!align) {
            fill = "0";
            align = '=';
        }
        ++i;
    }
    std::size_t width = 0;
    while (i < spec.size() && spec[i] >= '0' && spec[i] <= '9' && width < 100000)
        width = width * 10 + static_cast<std::size_t>(spec[i++] - '0');
    int precision = -1;
    if (i < spec.size() && spec[i] == '.') {
        precision = 0;
        ++i;
        while (i < spec.size() && spec[i] >= '0' && spec[i] <= '9' && precision < 100)
            precision = precision * 10 + (spec[i++] - '0');
    }
    const char type = i < spec.size() ? spec[i] : '\0';
    std::string body;
    char buf[256];
    if (type == 'f' || type == 'F' || type == 'e' || type == 'E' || type == 'g' || type == 'G' ||
        type == '%') {
        if (!v.is_number())
            interp.fail("ValueError: Unknown format code '" + std::string(1, type) +
                        "' for object of type '" + type_name(v) + "'");
        const double d = type == '%' ? v.to_double() * 100 : v.to_double();
        const std::string fmt = "%" + printf_flags + "." +
                                std::to_string(precision < 0 ? 6 : precision) +
                                (type == '%' ? 'f' : type);
        std::snprintf(buf, sizeof(buf), fmt.c_str(), d);
        body = buf;
        if (type == '%') body += '%';
    } else if (type == 'd') {
        if (!v.is_int() && !v.is_bool())
            interp.fail("ValueError: Unknown format code 'd' for object of type '" + type_name(v) +
                        "'");
        std::snprintf(buf, sizeof(buf), ("%" + printf_flags + "lld").c_str(),
                      static_cast<long long>(v.to_int()));
        body = buf;
    } else {
        body = py_str(v);
        if (precision >= 0) {
            std::vector<char32_t> cps = utf8::decode(body);
            if (cps.size() > static_cast<std::size_t>(precision))
                cps.resize(static_cast<std::size_t>(precision));
            body = utf8::encode(cps);
        }
    }
    const std::size_t len = utf8::length(body);
    if (len >= width) return body;
    if (!align) align = (v.is_number() && !v.is_bool()) ? '>' : '<';
    const std::size_t pad = width - len;
    std::size_t left = align == '<' ? 0 : (align == '^' ? pad / 2 : pad);
    std::string out;
    if (align == '=' && !body.empty() && (body[0] == '-' || body[0] == '+')) {
        out += body[0];
        body.erase(0, 1);
    }
    for (std::size_t k = 0; k < left; ++k) out += fill;
    out += body;
    for (std::size_t k = left; k < pad; ++k) out += fill;
    return out;
}

Value str_format(Interpreter& interp, const Value& self, Arguments& args) {
    const std::string& f = self.as_string();
    std::string out;
    std::size_t auto_index = 0;
    for (std::size_t i = 0; i < f.size(); ++i) {
        const char c = f[i];
        if (c == '}') {
            if (i + 1 < f.size() && f[i + 1] == '}')
                ++i;
            else
                interp.fail("ValueError: Single '}' encountered in format string");
            out += '}';
            continue;
        }
        if (c != '{') {
            out += c;
            continue;
        }
        if (i + 1 < f.size() && f[i + 1] == '{') {
            out += '{';
            ++i;
            continue;
        }
        const std::size_t close = f.find('}', i);
        if (close == std::string::npos)
            interp.fail("ValueError: Single '{' encountered in format string");
        std::string field = f.substr(i + 1, close - i - 1);
        i = close;
        std::string spec;
        if (const std::size_t colon = field.find(':'); colon != std::string::npos) {
            spec = field.substr(colon + 1);
            field.resize(colon);
        }
        char conversion = '\0';
        if (const std::size_t bang = field.find('!'); bang != std::string::npos) {
            conversion = bang + 1 < field.size() ? field[bang + 1] : 's';
            field.resize(bang);
        }
        const Value* v = nullptr;
        if (field.empty() ||
            std::all_of(field.begin(), field.end(), [](char d) { return d >= '0' && d <= '9'; })) {
            const std::size_t index =
                field.empty() ? auto_index++ : static_cast<std::size_t>(std::atoi(field.c_str()));
            if (index >= args.positional.size())
                interp.fail("IndexError: Replacement index " + std::to_string(index) +
                            " out of range for positional args tuple");
            v = &args.positional[index];
        } else {
            for (const auto& [name, value] : args.named)
                if (name == field) v = &value;
            if (!v) interp.fail("KeyError: '" + field + "'");
        }
        out += conversion == 'r' ? py_repr(*v) : apply_format_spec(interp, *v, spec);
        interp.check_string_size(out.size());
    }
    return Value(std::move(out));
}

} // namespace

bool has_method(const Value& receiver, const std::string& name) {
    return find_method(receiver, name) != nullptr;
}

bool is_unsafe_method(const Value& receiver, const std::string& name) {
    static constexpr std::string_view list_mutators[] = {"append", "extend",  "insert", "pop",
                                                         "remove", "reverse", "sort",   "clear"};
    static constexpr std::string_view dict_mutators[] = {"clear", "pop", "popitem", "setdefault",
                                                         "update"};
    if (receiver.is_list())
        return std::find(std::begin(list_mutators), std::end(list_mutators), name) !=
               std::end(list_mutators);
    if (receiver.is_dict())
        return std::find(std::begin(dict_mutators), std::end(dict_mutators), name) !=
               std::end(dict_mutators);
    return false;
}

Value call_method(Interpreter& interp, const Value& receiver, const std::string& name,
                  Arguments& args) {
    const MethodFn fn = find_method(receiver, name);
    if (!fn) interp.fail("'" + type_name(receiver) + "' object has no attribute '" + name + "'");
    interp.step();
    return fn(interp, receiver, args);
}

} // namespace conclave::chat
