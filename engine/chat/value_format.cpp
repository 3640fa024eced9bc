#include "chat/value_format.h"

#include "chat/template_error.h"
#include "chat/utf8.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <system_error>

namespace conclave::chat {

namespace {

// Digits and decimal exponent of the shortest representation that round-trips.
void shortest_digits(double d, std::string& digits, int& exponent) {
    char buf[64];
    const auto res = std::to_chars(buf, buf + sizeof(buf), d, std::chars_format::scientific);
    const std::string_view text(buf, static_cast<std::size_t>(res.ptr - buf));
    const std::size_t e = text.find('e');
    digits.clear();
    for (char c : text.substr(0, e))
        if (c != '.') digits += c;
    exponent = std::atoi(std::string(text.substr(e + 1)).c_str());
}

void append_repr(std::string& out, const Value& v, int depth);

void append_list(std::string& out, const List& list, int depth) {
    if (list.is_generator) {
        out += "<generator object>";
        return;
    }
    out += list.is_tuple ? '(' : '[';
    for (std::size_t i = 0; i < list.items.size(); ++i) {
        if (i) out += ", ";
        append_repr(out, list.items[i], depth + 1);
    }
    if (list.is_tuple && list.items.size() == 1) out += ',';
    out += list.is_tuple ? ')' : ']';
}

void append_dict(std::string& out, const Dict& dict, int depth) {
    out += '{';
    bool first = true;
    for (const auto& [k, v] : dict.entries()) {
        if (!first) out += ", ";
        first = false;
        append_repr(out, k, depth + 1);
        out += ": ";
        append_repr(out, v, depth + 1);
    }
    out += '}';
}

void append_repr(std::string& out, const Value& v, int depth) {
    if (depth > max_value_depth) throw TemplateError("value nests too deeply to print");
    switch (v.kind()) {
    case Kind::string:
        out += repr_string(v.as_string());
        return;
    case Kind::list:
        append_list(out, v.as_list(), depth);
        return;
    case Kind::dict:
        append_dict(out, v.as_dict(), depth);
        return;
    case Kind::undefined:
        out += "Undefined";
        return;
    case Kind::object:
        out += v.as_object()->repr(depth + 1);
        return;
    default:
        out += py_str(v);
        return;
    }
}

} // namespace

std::string format_float(double d) {
    if (std::isnan(d)) return "nan";
    if (std::isinf(d)) return d < 0 ? "-inf" : "inf";
    if (d == 0.0) return std::signbit(d) ? "-0.0" : "0.0";
    std::string digits;
    int exponent = 0;
    shortest_digits(std::fabs(d), digits, exponent);
    std::string out = d < 0 ? "-" : "";
    const int decpt = exponent + 1; // position of the decimal point within digits
    if (decpt <= -4 || decpt > 16) {
        out += digits[0];
        if (digits.size() > 1) out += "." + digits.substr(1);
        char exp_buf[16];
        std::snprintf(exp_buf, sizeof(exp_buf), "e%c%02d", exponent < 0 ? '-' : '+',
                      std::abs(exponent));
        return out + exp_buf;
    }
    if (decpt <= 0) return out + "0." + std::string(static_cast<std::size_t>(-decpt), '0') + digits;
    const auto point = static_cast<std::size_t>(decpt);
    if (point >= digits.size())
        return out + digits + std::string(point - digits.size(), '0') + ".0";
    return out + digits.substr(0, point) + "." + digits.substr(point);
}

std::string repr_string(std::string_view s) {
    const bool has_single = s.find('\'') != std::string_view::npos;
    const bool has_double = s.find('"') != std::string_view::npos;
    const char quote = (has_single && !has_double) ? '"' : '\'';
    std::string out(1, quote);
    std::size_t pos = 0;
    while (pos < s.size()) {
        const char32_t cp = utf8::decode_next(s, pos);
        if (cp == static_cast<char32_t>(quote) || cp == '\\') {
            out += '\\';
            out += static_cast<char>(cp);
        } else if (cp == '\n') {
            out += "\\n";
        } else if (cp == '\r') {
            out += "\\r";
        } else if (cp == '\t') {
            out += "\\t";
        } else if (utf8::is_printable(cp)) {
            utf8::append(out, cp);
        } else {
            char buf[16];
            if (cp < 0x100)
                std::snprintf(buf, sizeof(buf), "\\x%02x", static_cast<unsigned>(cp));
            else if (cp < 0x10000)
                std::snprintf(buf, sizeof(buf), "\\u%04x", static_cast<unsigned>(cp));
            else
                std::snprintf(buf, sizeof(buf), "\\U%08x", static_cast<unsigned>(cp));
            out += buf;
        }
    }
    out += quote;
    return out;
}

std::string py_repr(const Value& v, int depth) {
    std::string out;
    append_repr(out, v, depth);
    return out;
}

std::string py_str(const Value& v) {
    switch (v.kind()) {
    case Kind::undefined:
        return "";
    case Kind::none:
        return "None";
    case Kind::boolean:
        return v.as_bool() ? "True" : "False";
    case Kind::integer:
        return std::to_string(v.as_int());
    case Kind::floating:
        return format_float(v.as_float());
    case Kind::string:
        return v.as_string();
    case Kind::list:
    case Kind::dict:
        return py_repr(v);
    case Kind::callable:
        return "<function " + v.as_callable()->name() + ">";
    case Kind::object:
        return v.as_object()->repr(0);
    }
    return "";
}

} // namespace conclave::chat
