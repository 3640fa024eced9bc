#include "chat/filters.h"

#include "chat/call_args.h"
#include "chat/json.h"
#include "chat/objects.h"
#include "chat/template_error.h"
#include "chat/utf8.h"
#include "chat/value_format.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdlib>

namespace conclave::chat {

std::string soft_str(const Value& v) {
    return v.is_string() ? v.as_string() : py_str(v);
}

std::vector<Value> iterate_value(Interpreter& interp, const Value& v) {
    std::vector<Value> out;
    switch (v.kind()) {
    case Kind::undefined:
        return out;
    case Kind::list:
        out = v.as_list().items;
        break;
    case Kind::dict:
        for (const auto& entry : v.as_dict().entries()) out.push_back(entry.first);
        break;
    case Kind::string: {
        const std::string& s = v.as_string();
        std::size_t pos = 0;
        while (pos < s.size()) {
            const std::size_t start = pos;
            utf8::decode_next(s, pos);
            out.emplace_back(s.substr(start, pos - start));
        }
        break;
    }
    default:
        interp.fail("TypeError: '" + type_name(v) + "' object is not iterable");
    }
    interp.step(out.size());
    return out;
}

Value lookup_attribute(Interpreter& interp, const Value& v, const Value& attribute) {
    if (!attribute.is_string()) return interp.get_item(v, attribute);
    Value current = v;
    const std::string& path = attribute.as_string();
    std::size_t start = 0;
    while (true) {
        const std::size_t dot = path.find('.', start);
        const std::string part =
            path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
        const bool numeric =
            !part.empty() && part.find_first_not_of("0123456789") == std::string::npos;
        current = interp.get_item(
            current,
            numeric ? Value(static_cast<std::int64_t>(std::atoll(part.c_str()))) : Value(part));
        if (dot == std::string::npos) return current;
        start = dot + 1;
    }
}

namespace {

Value filter_default(Interpreter& interp, const Value& v, const Arguments& args) {
    ArgBinder a(interp, args, "default", {"default_value", "boolean"});
    const bool use_default = v.is_undefined() || (a.get_bool(1, false) && !is_truthy(v));
    return use_default ? a.get_or(0, Value("")) : v;
}

// Hugging Face's tojson: json.dumps(value, ensure_ascii, indent, separators, sort_keys).
Value filter_tojson(Interpreter& interp, const Value& v, const Arguments& args) {
    ArgBinder a(interp, args, "tojson", {"ensure_ascii", "indent", "separators", "sort_keys"});
    JsonFormat format;
    format.ensure_ascii = a.get_bool(0, false);
    if (a.has(1) && !a.get(1).is_none()) {
        const Value& indent = a.get(1);
        if (indent.is_string()) {
            format.indent = indent.as_string();
        } else {
            const std::int64_t n = a.get_int(1, 0);
            if (n > 1024) interp.fail("tojson indent is too large");
            format.indent =
                std::string(static_cast<std::size_t>(std::max<std::int64_t>(n, 0)), ' ');
        }
    }
    if (a.has(2) && !a.get(2).is_none()) {
        const Value& seps = a.get(2);
        if (!seps.is_list() || seps.as_list().items.size() != 2 ||
            !seps.as_list().items[0].is_string() || !seps.as_list().items[1].is_string())
            interp.fail("TypeError: tojson separators must be a pair of strings");
        format.item_separator = seps.as_list().items[0].as_string();
        format.key_separator = seps.as_list().items[1].as_string();
    }
    format.sort_keys = a.get_bool(3, false);
    std::string out = to_json(v, format);
    interp.check_string_size(out.size());
    return Value(std::move(out));
}

Value filter_string(Interpreter&, const Value& v, const Arguments&) {
    return Value(soft_str(v));
}

Value filter_safe(Interpreter&, const Value& v, const Arguments&) {
    return Value::markup(soft_str(v));
}

// Python's int() of a string in the given base, allowing surrounding whitespace and '_'.
bool parse_int(const std::string& text, int base, std::int64_t& out) {
    std::string s = utf8::strip(text, nullptr, true, true);
    s.erase(std::remove(s.begin(), s.end(), '_'), s.end());
    if (s.empty()) return false;
    errno = 0;
    char* end = nullptr;
    const long long v = std::strtoll(s.c_str(), &end, base);
    if (errno == ERANGE || !end || *end != '\0') return false;
    out = v;
    return true;
}

Value filter_int(Interpreter& interp, const Value& v, const Arguments& args) {
    ArgBinder a(interp, args, "int", {"default", "base"});
    const Value fallback = a.get_or(0, Value(0));
    const auto base = static_cast<int>(a.get_int(1, 10));
    if (v.is_int()) return v;
    if (v.is_bool()) return Value(v.to_int());
    if (v.is_float()) {
        if (!std::isfinite(v.as_float()) || std::fabs(v.as_float()) > 9.2e18) return fallback;
        return Value(static_cast<std::int64_t>(v.as_float()));
    }
    if (v.is_string()) {
        std::int64_t out = 0;
        if (parse_int(v.as_string(), base, out)) return Value(out);
        char* end = nullptr;
        const std::string s = utf8::strip(v.as_string(), nullptr, true, true);
        const double d = std::strtod(s.c_str(), &end);
        if (!s.empty() && end && *end == '\0' && std::isfinite(d) && std::fabs(d) < 9.2e18)
            return Value(static_cast<std::int64_t>(d));
    }
    return fallback;
}

Value filter_float(Interpreter& interp, const Value& v, const Arguments& args) {
    ArgBinder a(interp, args, "float", {"default"});
    if (v.is_number()) return Value(v.to_double());
    if (v.is_string()) {
        const std::string s = utf8::strip(v.as_string(), nullptr, true, true);
        char* end = nullptr;
        const double d = std::strtod(s.c_str(), &end);
        if (!s.empty() && end && *end == '\0') return Value(d);
    }
    return a.get_or(0, Value(0.0));
}

Value filter_abs(Interpreter& interp, const Value& v, const Arguments&) {
    if (v.is_float()) return Value(std::fabs(v.as_float()));
    if (v.is_int() || v.is_bool()) {
        if (v.to_int() == INT64_MIN) interp.fail("integer overflow");
        return Value(v.to_int() < 0 ? -v.to_int() : v.to_int());
    }
    interp.fail("TypeError: bad operand type for abs(): '" + type_name(v) + "'");
}

Value filter_round(Interpreter& interp, const Value& v, const Arguments& args) {
    ArgBinder a(interp, args, "round", {"precision", "method"});
    const std::int64_t precision = a.get_int(0, 0);
    const std::string method = a.get_string(1, "common");
    if (!v.is_number()) interp.fail("TypeError: round() needs a number, not " + type_name(v));
    const double x = v.to_double();
    if (method == "common") {
        if (precision < 0 || precision > 300) return Value(x);
        // printf rounds the exact binary value half-to-even, as Python's round() does.
        char buf[512];
        std::snprintf(buf, sizeof(buf), "%.*f", static_cast<int>(precision), x);
        return Value(std::strtod(buf, nullptr));
    }
    if (method != "ceil" && method != "floor")
        interp.fail("TypeError: method must be common, ceil or floor");
    const double scale = std::pow(10.0, static_cast<double>(precision));
    return Value((method == "ceil" ? std::ceil(x * scale) : std::floor(x * scale)) / scale);
}

Value filter_attr(Interpreter& interp, const Value& v, const Arguments& args) {
    // Python's getattr only: unlike `.name`, dict keys are not consulted.
    ArgBinder a(interp, args, "attr", {"name"});
    const std::string name = a.get_string(0, "");
    if (v.is_dict() && !has_method(v, name))
        return Value::undefined("'dict object' has no attribute '" + name + "'");
    return interp.get_attr(v, name);
}

Value filter_unsupported(Interpreter& interp, const Value&, const Arguments&) {
    interp.fail("this filter is not available in chat templates");
}

constexpr std::array core_filters = {
    FilterEntry{"abs", filter_abs},
    FilterEntry{"attr", filter_attr},
    FilterEntry{"d", filter_default},
    FilterEntry{"default", filter_default},
    FilterEntry{"float", filter_float},
    FilterEntry{"int", filter_int},
    FilterEntry{"random", filter_unsupported},
    FilterEntry{"round", filter_round},
    FilterEntry{"safe", filter_safe},
    FilterEntry{"string", filter_string},
    FilterEntry{"tojson", filter_tojson},
};

} // namespace

FilterFn find_filter(std::string_view name) {
    for (const FilterEntry& e : core_filters)
        if (e.name == name) return e.fn;
    if (FilterFn fn = find_text_filter(name)) return fn;
    return find_sequence_filter(name);
}

Value Interpreter::apply_filter(const std::string& name, const Value& value, Arguments args) {
    const FilterFn fn = find_filter(name);
    if (!fn) fail("No filter named '" + name + "'.");
    step();
    return fn(*this, value, args);
}

} // namespace conclave::chat
