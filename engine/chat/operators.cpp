#include "chat/operators.h"

#include "chat/utf8.h"
#include "chat/value_format.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>

namespace conclave::chat {

namespace {

const char* op_symbol(BinaryOp op) {
    switch (op) {
    case BinaryOp::add:
        return "+";
    case BinaryOp::sub:
        return "-";
    case BinaryOp::mul:
        return "*";
    case BinaryOp::div:
        return "/";
    case BinaryOp::floordiv:
        return "//";
    case BinaryOp::mod:
        return "%";
    case BinaryOp::pow:
        return "** or pow()";
    }
    return "?";
}

[[noreturn]] void unsupported(Interpreter& interp, BinaryOp op, const Value& a, const Value& b) {
    interp.fail(std::string("TypeError: unsupported operand type(s) for ") + op_symbol(op) + ": '" +
                type_name(a) + "' and '" + type_name(b) + "'");
}

// Applies a __builtin_*_overflow operation, failing instead of wrapping around.
template <typename Op> Value checked(Interpreter& interp, std::int64_t x, std::int64_t y, Op op) {
    std::int64_t r = 0;
    if (op(x, y, &r)) interp.fail("integer overflow");
    return Value(r);
}

Value repeat(Interpreter& interp, const Value& seq, std::int64_t n) {
    if (n <= 0) return seq.is_string() ? Value("") : Value::list({}, seq.is_tuple());
    if (seq.is_string()) {
        const std::string& s = seq.as_string();
        if (!s.empty() &&
            static_cast<std::uint64_t>(n) > interp.limits().max_output_bytes / s.size())
            interp.fail("string repetition exceeds the size limit");
        interp.check_string_size(s.size() * static_cast<std::size_t>(n));
        std::string out;
        out.reserve(s.size() * static_cast<std::size_t>(n));
        for (std::int64_t i = 0; i < n; ++i) out += s;
        return Value(std::move(out));
    }
    const auto& items = seq.as_list().items;
    if (!items.empty() &&
        static_cast<std::uint64_t>(n) > interp.limits().max_output_bytes / 16 / items.size())
        interp.fail("list repetition exceeds the size limit");
    interp.step(items.size() * static_cast<std::size_t>(n));
    std::vector<Value> out;
    for (std::int64_t i = 0; i < n; ++i) out.insert(out.end(), items.begin(), items.end());
    return Value::list(std::move(out), seq.is_tuple());
}

Value add(Interpreter& interp, const Value& a, const Value& b) {
    if (a.is_number() && b.is_number()) {
        if (a.is_float() || b.is_float()) return Value(a.to_double() + b.to_double());
        return checked(interp, a.to_int(), b.to_int(),
                       [](std::int64_t x, std::int64_t y, std::int64_t* r) {
                           return __builtin_add_overflow(x, y, r);
                       });
    }
    if (a.is_string() && b.is_string()) {
        if (a.is_markup() != b.is_markup()) {
            // Markup + str escapes the plain side and stays Markup.
            const std::string left = a.is_markup() ? a.as_string() : html_escape(a.as_string());
            const std::string right = b.is_markup() ? b.as_string() : html_escape(b.as_string());
            interp.check_string_size(left.size() + right.size());
            return Value::markup(left + right);
        }
        interp.check_string_size(a.as_string().size() + b.as_string().size());
        Value sum(a.as_string() + b.as_string());
        return a.is_markup() ? Value::markup(sum.as_string()) : sum;
    }
    if (a.is_list() && b.is_list() && a.is_tuple() == b.is_tuple() && !a.is_generator() &&
        !b.is_generator()) {
        std::vector<Value> items = a.as_list().items;
        interp.step(items.size() + b.as_list().items.size());
        items.insert(items.end(), b.as_list().items.begin(), b.as_list().items.end());
        return Value::list(std::move(items), a.is_tuple());
    }
    if (a.is_string())
        interp.fail("TypeError: can only concatenate str (not \"" + type_name(b) + "\") to str");
    if (a.is_list() && !a.is_tuple())
        interp.fail("TypeError: can only concatenate list (not \"" + type_name(b) + "\") to list");
    unsupported(interp, BinaryOp::add, a, b);
}

double python_fmod(double a, double b) {
    double m = std::fmod(a, b);
    if (m != 0.0 && ((m < 0) != (b < 0))) m += b;
    return m;
}

Value arithmetic(Interpreter& interp, BinaryOp op, const Value& a, const Value& b) {
    const bool use_float = a.is_float() || b.is_float();
    if (op == BinaryOp::div) {
        if (b.to_double() == 0.0) interp.fail("ZeroDivisionError: division by zero");
        return Value(a.to_double() / b.to_double());
    }
    if (use_float) {
        const double x = a.to_double();
        const double y = b.to_double();
        switch (op) {
        case BinaryOp::sub:
            return Value(x - y);
        case BinaryOp::mul:
            return Value(x * y);
        case BinaryOp::floordiv:
            if (y == 0.0) interp.fail("ZeroDivisionError: float floor division by zero");
            {
                // Python computes x // y from divmod so that it agrees with x % y.
                const double div = (x - python_fmod(x, y)) / y;
                double floored = std::floor(div);
                if (div - floored > 0.5) floored += 1.0;
                return Value(floored);
            }
        case BinaryOp::mod:
            if (y == 0.0) interp.fail("ZeroDivisionError: float modulo");
            return Value(python_fmod(x, y));
        case BinaryOp::pow:
            return Value(std::pow(x, y));
        default:
            break;
        }
        unsupported(interp, op, a, b);
    }
    const std::int64_t x = a.to_int();
    const std::int64_t y = b.to_int();
    switch (op) {
    case BinaryOp::sub:
        return checked(interp, x, y, [](std::int64_t p, std::int64_t q, std::int64_t* r) {
            return __builtin_sub_overflow(p, q, r);
        });
    case BinaryOp::mul:
        return checked(interp, x, y, [](std::int64_t p, std::int64_t q, std::int64_t* r) {
            return __builtin_mul_overflow(p, q, r);
        });
    case BinaryOp::floordiv:
    case BinaryOp::mod: {
        if (y == 0) interp.fail("ZeroDivisionError: integer division or modulo by zero");
        if (x == std::numeric_limits<std::int64_t>::min() && y == -1)
            interp.fail("integer overflow");
        std::int64_t q = x / y;
        std::int64_t m = x % y;
        if (m != 0 && ((m < 0) != (y < 0))) {
            --q;
            m += y;
        }
        return Value(op == BinaryOp::mod ? m : q);
    }
    case BinaryOp::pow: {
        if (y < 0) {
            if (x == 0) interp.fail("ZeroDivisionError: 0.0 cannot be raised to a negative power");
            return Value(std::pow(static_cast<double>(x), static_cast<double>(y)));
        }
        // |x| >= 2 overflows within 63 multiplications, so the loop is short.
        if (x == 0) return Value(static_cast<std::int64_t>(y == 0 ? 1 : 0));
        if (x == 1) return Value(static_cast<std::int64_t>(1));
        if (x == -1) return Value(static_cast<std::int64_t>(y % 2 ? -1 : 1));
        std::int64_t result = 1;
        for (std::int64_t i = 0; i < y; ++i)
            if (__builtin_mul_overflow(result, x, &result)) interp.fail("integer overflow");
        return Value(result);
    }
    default:
        break;
    }
    unsupported(interp, op, a, b);
}

} // namespace

std::string html_escape(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&#34;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

std::string object_description(const Value& v) {
    if (v.is_none()) return "None";
    if (v.is_object()) return v.as_object()->type_name() + " object";
    return type_name(v) + " object";
}

Value binary_op(Interpreter& interp, BinaryOp op, const Value& a, const Value& b) {
    if (a.is_undefined()) interp.fail_undefined(a);
    if (b.is_undefined()) interp.fail_undefined(b);
    if (op == BinaryOp::add) return add(interp, a, b);
    if (op == BinaryOp::mul) {
        if ((a.is_string() || a.is_list()) && (b.is_int() || b.is_bool()))
            return repeat(interp, a, b.to_int());
        if ((b.is_string() || b.is_list()) && (a.is_int() || a.is_bool()))
            return repeat(interp, b, a.to_int());
    }
    if (op == BinaryOp::mod && a.is_string())
        return Value(percent_format(interp, a.as_string(), b));
    if (!a.is_number() || !b.is_number()) unsupported(interp, op, a, b);
    return arithmetic(interp, op, a, b);
}

Value negate(Interpreter& interp, const Value& v) {
    if (v.is_undefined()) interp.fail_undefined(v);
    if (v.is_float()) return Value(-v.as_float());
    if (v.is_int() || v.is_bool()) {
        if (v.to_int() == std::numeric_limits<std::int64_t>::min()) interp.fail("integer overflow");
        return Value(-v.to_int());
    }
    interp.fail("TypeError: bad operand type for unary -: '" + type_name(v) + "'");
}

int compare_order(Interpreter& interp, const Value& a, const Value& b) {
    if (a.is_undefined()) interp.fail_undefined(a);
    if (b.is_undefined()) interp.fail_undefined(b);
    if (a.is_number() && b.is_number()) {
        if (a.is_float() || b.is_float()) {
            const double x = a.to_double();
            const double y = b.to_double();
            return x < y ? -1 : (x > y ? 1 : 0);
        }
        return a.to_int() < b.to_int() ? -1 : (a.to_int() > b.to_int() ? 1 : 0);
    }
    if (a.is_string() && b.is_string()) {
        const int c = a.as_string().compare(b.as_string());
        return c < 0 ? -1 : (c > 0 ? 1 : 0);
    }
    if (a.is_list() && b.is_list() && a.is_tuple() == b.is_tuple()) {
        const auto& x = a.as_list().items;
        const auto& y = b.as_list().items;
        for (std::size_t i = 0; i < x.size() && i < y.size(); ++i) {
            if (values_equal(x[i], y[i])) continue;
            return compare_order(interp, x[i], y[i]);
        }
        return x.size() < y.size() ? -1 : (x.size() > y.size() ? 1 : 0);
    }
    interp.fail("TypeError: '<' not supported between instances of '" + type_name(a) + "' and '" +
                type_name(b) + "'");
}

bool contains(Interpreter& interp, const Value& container, const Value& item) {
    switch (container.kind()) {
    case Kind::undefined:
        return false;
    case Kind::string:
        if (!item.is_string())
            interp.fail("TypeError: 'in <string>' requires string as left operand, not " +
                        type_name(item));
        return container.as_string().find(item.as_string()) != std::string::npos;
    case Kind::list:
        interp.step(container.as_list().items.size());
        for (const Value& v : container.as_list().items)
            if (values_equal(v, item)) return true;
        return false;
    case Kind::dict:
        return container.as_dict().find(item) != nullptr;
    default:
        interp.fail("TypeError: argument of type '" + type_name(container) + "' is not iterable");
    }
}

namespace {

// One conversion of printf-style formatting: flags, width, precision and the type char.
std::string format_one(Interpreter& interp, const std::string& spec, char type, const Value& v) {
    char buf[512];
    std::string cspec = "%" + spec;
    switch (type) {
    case 's': {
        std::string text = py_str(v);
        const std::size_t dot = spec.find('.');
        if (dot != std::string::npos) {
            const auto keep = static_cast<std::size_t>(std::atoi(spec.c_str() + dot + 1));
            std::vector<char32_t> cps = utf8::decode(text);
            if (cps.size() > keep) cps.resize(keep);
            text = utf8::encode(cps);
        }
        std::size_t digits = 0;
        while (digits < spec.size() && !(spec[digits] >= '1' && spec[digits] <= '9')) ++digits;
        const auto width = static_cast<std::size_t>(std::atoi(spec.c_str() + digits));
        const std::size_t len = utf8::length(text);
        if (dot < digits || len >= width) return text;
        const std::string pad(width - len, ' ');
        return spec.find('-') != std::string::npos ? text + pad : pad + text;
    }
    case 'r':
        return py_repr(v);
    case 'd':
    case 'i':
    case 'x':
    case 'X':
    case 'o':
        if (!v.is_number())
            interp.fail("TypeError: %" + std::string(1, type) +
                        " format: a real number is required");
        cspec += "ll";
        cspec += type == 'i' ? 'd' : type;
        std::snprintf(buf, sizeof(buf), cspec.c_str(),
                      static_cast<long long>(v.is_float() ? static_cast<std::int64_t>(v.as_float())
                                                          : v.to_int()));
        return buf;
    case 'f':
    case 'F':
    case 'e':
    case 'E':
    case 'g':
    case 'G':
        if (!v.is_number()) interp.fail("TypeError: must be real number, not " + type_name(v));
        cspec += type;
        std::snprintf(buf, sizeof(buf), cspec.c_str(), v.to_double());
        return buf;
    case 'c':
        if (v.is_string()) return v.as_string();
        return std::string(1, static_cast<char>(v.to_int()));
    default:
        interp.fail(std::string("ValueError: unsupported format character '") + type + "'");
    }
}

} // namespace

std::string percent_format(Interpreter& interp, const std::string& fmt, const Value& args) {
    std::vector<Value> values;
    if (args.is_tuple())
        values = args.as_list().items;
    else
        values.push_back(args);
    std::size_t next = 0;
    std::string out;
    for (std::size_t i = 0; i < fmt.size(); ++i) {
        if (fmt[i] != '%') {
            out += fmt[i];
            continue;
        }
        if (++i >= fmt.size()) interp.fail("ValueError: incomplete format");
        if (fmt[i] == '%') {
            out += '%';
            continue;
        }
        const Value* v = nullptr;
        if (fmt[i] == '(') {
            const std::size_t close = fmt.find(')', i);
            if (close == std::string::npos || !args.is_dict())
                interp.fail("TypeError: format requires a mapping");
            v = args.as_dict().find(fmt.substr(i + 1, close - i - 1));
            if (!v) interp.fail("KeyError: " + fmt.substr(i + 1, close - i - 1));
            i = close + 1;
        }
        std::string spec;
        while (i < fmt.size() &&
               std::string_view("-+ #0123456789.").find(fmt[i]) != std::string_view::npos &&
               spec.size() < 8)
            spec += fmt[i++];
        if (i >= fmt.size()) interp.fail("ValueError: incomplete format");
        if (!v) {
            if (next >= values.size())
                interp.fail("TypeError: not enough arguments for format string");
            v = &values[next++];
        }
        out += format_one(interp, spec, fmt[i], *v);
        interp.check_string_size(out.size());
    }
    if (!args.is_dict() && next < values.size())
        interp.fail("TypeError: not all arguments converted during string formatting");
    return out;
}

} // namespace conclave::chat
