// Filters on text: trim, upper, lower, title, capitalize, replace, indent, center,
// truncate, wordcount, escape, format.

#include "chat/call_args.h"
#include "chat/filters.h"
#include "chat/operators.h"
#include "chat/utf8.h"

#include <array>

namespace conclave::chat {

// Python's str.replace: the first `count` (all when negative) occurrences of old_text; an
// empty old_text inserts new_text before every code point and at the end. Shared by the
// `replace` filter and the string method.
std::string replace_occurrences(Interpreter& interp, const std::string& s, const std::string& old_text,
                                const std::string& new_text, std::int64_t count) {
    std::string out;
    if (old_text.empty()) {
        std::size_t pos = 0;
        while (pos < s.size()) {
            if (count-- != 0) out += new_text;
            const std::size_t start = pos;
            utf8::decode_next(s, pos);
            out.append(s, start, pos - start);
            interp.check_string_size(out.size());
        }
        if (count != 0) out += new_text;
        return out;
    }
    std::size_t start = 0;
    while (count != 0) {
        const std::size_t found = s.find(old_text, start);
        if (found == std::string::npos) break;
        out.append(s, start, found - start);
        out += new_text;
        interp.check_string_size(out.size());
        start = found + old_text.size();
        --count;
    }
    out.append(s, start, std::string::npos);
    interp.check_string_size(out.size());
    return out;
}


namespace {

Value filter_trim(Interpreter& interp, const Value& v, const Arguments& args) {
    ArgBinder a(interp, args, "trim", {"chars"});
    const std::string s = soft_str(v);
    if (!a.has(0) || a.get(0).is_none()) return Value(utf8::strip(s, nullptr, true, true));
    const std::string chars = soft_str(a.get(0));
    return Value(utf8::strip(s, &chars, true, true));
}

Value filter_upper(Interpreter&, const Value& v, const Arguments&) {
    return Value(utf8::upper(soft_str(v)));
}
Value filter_lower(Interpreter&, const Value& v, const Arguments&) {
    return Value(utf8::lower(soft_str(v)));
}

// Jinja's title: words start after whitespace or one of - ( { [ <.
Value filter_title(Interpreter&, const Value& v, const Arguments&) {
    const std::string s = soft_str(v);
    std::string out;
    bool word_start = true;
    std::size_t pos = 0;
    while (pos < s.size()) {
        const char32_t cp = utf8::decode_next(s, pos);
        const bool separator =
            utf8::is_space(cp) || cp == '-' || cp == '(' || cp == '{' || cp == '[' || cp == '<';
        utf8::append(out, separator ? cp : (word_start ? utf8::to_upper(cp) : utf8::to_lower(cp)));
        word_start = separator;
    }
    return Value(std::move(out));
}

Value filter_capitalize(Interpreter&, const Value& v, const Arguments&) {
    std::vector<char32_t> cps = utf8::decode(soft_str(v));
    for (std::size_t i = 0; i < cps.size(); ++i)
        cps[i] = i == 0 ? utf8::to_upper(cps[i]) : utf8::to_lower(cps[i]);
    return Value(utf8::encode(cps));
}

Value filter_replace(Interpreter& interp, const Value& v, const Arguments& args) {
    ArgBinder a(interp, args, "replace", {"old", "new", "count"});
    if (!a.has(1)) interp.fail("TypeError: replace() needs old and new");
    return Value(replace_occurrences(interp, soft_str(v), soft_str(a.get(0)), soft_str(a.get(1)), a.get_int(2, -1)));
}

// Jinja's indent: appends "\n" before splitting so a trailing newline keeps its line.
Value filter_indent(Interpreter& interp, const Value& v, const Arguments& args) {
    ArgBinder a(interp, args, "indent", {"width", "first", "blank"});
    std::string indention;
    if (a.has(0) && a.get(0).is_string()) {
        indention = a.get(0).as_string();
    } else {
        const std::int64_t width = a.get_int(0, 4);
        if (width > 4096) interp.fail("indent width is too large");
        indention.assign(static_cast<std::size_t>(std::max<std::int64_t>(width, 0)), ' ');
    }
    const bool first = a.get_bool(1, false);
    const bool blank = a.get_bool(2, false);
    const std::vector<std::string> lines = utf8::split_lines(soft_str(v) + "\n");
    interp.check_string_size(soft_str(v).size() + lines.size() * indention.size());
    std::string out;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (i > 0) {
            out += '\n';
            if (blank || !lines[i].empty()) out += indention;
        }
        out += lines[i];
    }
    if (first) out = indention + out;
    return Value(std::move(out));
}

Value filter_center(Interpreter& interp, const Value& v, const Arguments& args) {
    ArgBinder a(interp, args, "center", {"width"});
    const std::string s = soft_str(v);
    const std::int64_t width = a.get_int(0, 80);
    const auto len = static_cast<std::int64_t>(utf8::length(s));
    if (width <= len) return Value(s);
    interp.check_string_size(static_cast<std::size_t>(width));
    const auto pad = static_cast<std::size_t>(width - len);
    const std::size_t left = pad / 2 + (pad & static_cast<std::size_t>(width) & 1);
    return Value(std::string(left, ' ') + s + std::string(pad - left, ' '));
}

Value filter_truncate(Interpreter& interp, const Value& v, const Arguments& args) {
    ArgBinder a(interp, args, "truncate", {"length", "killwords", "end", "leeway"});
    const std::vector<char32_t> cps = utf8::decode(soft_str(v));
    const std::int64_t length = a.get_int(0, 255);
    const bool killwords = a.get_bool(1, false);
    const std::string end = a.get_string(2, "...");
    const std::int64_t leeway = a.get_int(3, 5);
    const auto n = static_cast<std::int64_t>(cps.size());
    if (n <= length + leeway) return Value(utf8::encode(cps));
    const std::int64_t keep =
        std::max<std::int64_t>(0, length - static_cast<std::int64_t>(utf8::length(end)));
    std::string head =
        utf8::encode(std::vector<char32_t>(cps.begin(), cps.begin() + std::min(keep, n)));
    if (!killwords) {
        const std::size_t space = head.rfind(' ');
        if (space != std::string::npos) head.resize(space);
    }
    return Value(head + end);
}

Value filter_wordcount(Interpreter&, const Value& v, const Arguments&) {
    std::int64_t count = 0;
    bool in_word = false;
    for (char32_t cp : utf8::decode(soft_str(v))) {
        const bool word = utf8::is_word(cp);
        if (word && !in_word) ++count;
        in_word = word;
    }
    return Value(count);
}

Value filter_escape(Interpreter& interp, const Value& v, const Arguments&) {
    if (v.is_markup()) return v;
    std::string out = html_escape(soft_str(v));
    interp.check_string_size(out.size());
    return Value::markup(std::move(out));
}

// "%s and %s" | format(a, b): Python's printf-style formatting.
Value filter_format(Interpreter& interp, const Value& v, const Arguments& args) {
    if (!args.positional.empty() && !args.named.empty())
        interp.fail("TypeError: can't handle positional and keyword arguments at the same time");
    if (!args.named.empty()) {
        Dict d;
        for (const auto& [k, value] : args.named) d.set(Value(k), value);
        return Value(percent_format(interp, soft_str(v), Value::dict(std::move(d))));
    }
    return Value(percent_format(interp, soft_str(v), Value::list(args.positional, true)));
}

constexpr std::array text_filters = {
    FilterEntry{"capitalize", filter_capitalize},
    FilterEntry{"center", filter_center},
    FilterEntry{"e", filter_escape},
    FilterEntry{"escape", filter_escape},
    FilterEntry{"forceescape", filter_escape},
    FilterEntry{"format", filter_format},
    FilterEntry{"indent", filter_indent},
    FilterEntry{"lower", filter_lower},
    FilterEntry{"replace", filter_replace},
    FilterEntry{"title", filter_title},
    FilterEntry{"trim", filter_trim},
    FilterEntry{"truncate", filter_truncate},
    FilterEntry{"upper", filter_upper},
    FilterEntry{"wordcount", filter_wordcount},
};

} // namespace

FilterFn find_text_filter(std::string_view name) {
    for (const FilterEntry& e : text_filters)
        if (e.name == name) return e.fn;
    return nullptr;
}

} // namespace conclave::chat
