// Global functions of the template environment: range (capped like Jinja's sandbox),
// dict, namespace, cycler, joiner, and Hugging Face's raise_exception and strftime_now.
// Nothing here reaches files, the network, the environment or the real clock.

#include "chat/call_args.h"
#include "chat/objects.h"
#include "chat/value_format.h"

#include <cstdio>

namespace conclave::chat {

namespace {

// Jinja's sandbox refuses ranges longer than this (MAX_RANGE).
constexpr std::int64_t max_range = 100000;

std::int64_t int_arg(Interpreter& interp, const Value& v) {
    if (!v.is_int() && !v.is_bool())
        interp.fail("TypeError: '" + type_name(v) + "' object cannot be interpreted as an integer");
    return v.to_int();
}

Value range_fn(Interpreter& interp, Arguments& args) {
    if (!args.named.empty()) interp.fail("TypeError: range() takes no keyword arguments");
    const auto& p = args.positional;
    if (p.empty() || p.size() > 3) interp.fail("TypeError: range expected 1 to 3 arguments");
    std::int64_t start = 0;
    std::int64_t stop = 0;
    std::int64_t step = 1;
    if (p.size() == 1) {
        stop = int_arg(interp, p[0]);
    } else {
        start = int_arg(interp, p[0]);
        stop = int_arg(interp, p[1]);
        if (p.size() == 3) step = int_arg(interp, p[2]);
    }
    if (step == 0) interp.fail("ValueError: range() arg 3 must not be zero");
    const long double span = static_cast<long double>(stop) - static_cast<long double>(start);
    const long double count = step > 0 ? (span + step - 1) / step : (span + step + 1) / step;
    if (count > max_range)
        interp.fail(
            "OverflowError: Range too big. The sandbox blocks ranges larger than MAX_RANGE (" +
            std::to_string(max_range) + ").");
    std::vector<Value> out;
    for (std::int64_t i = start; step > 0 ? i < stop : i > stop; i += step) out.emplace_back(i);
    interp.step(out.size());
    return Value::list(std::move(out));
}

// dict(mapping or pairs, **kwargs) and namespace(...) take the same arguments.
Dict mapping_from_args(Interpreter& interp, const Arguments& args, const char* name) {
    Dict out;
    if (args.positional.size() > 1)
        interp.fail(std::string("TypeError: ") + name + " expected at most 1 argument");
    if (!args.positional.empty()) {
        const Value& source = args.positional[0];
        if (source.is_dict()) {
            for (const auto& [k, v] : source.as_dict().entries()) out.set(k, v);
        } else if (source.is_list()) {
            for (const Value& pair : source.as_list().items) {
                if (!pair.is_list() || pair.as_list().items.size() != 2)
                    interp.fail("ValueError: dictionary update sequence element has wrong length");
                out.set(pair.as_list().items[0], pair.as_list().items[1]);
            }
        } else if (!source.is_undefined()) {
            interp.fail("TypeError: '" + type_name(source) + "' object is not iterable");
        }
    }
    for (const auto& [k, v] : args.named) out.set(Value(k), v);
    interp.step(out.size());
    return out;
}

Value namespace_fn(Interpreter& interp, Arguments& args) {
    const Dict attrs = mapping_from_args(interp, args, "namespace");
    auto ns = std::make_shared<Namespace>();
    for (const auto& [k, v] : attrs.entries()) {
        if (!k.is_string()) interp.fail("TypeError: namespace keys must be strings");
        ns->set_attr(k.as_string(), v);
    }
    interp.track(ns);
    return Value(std::shared_ptr<Object>(ns));
}

// cycler(a, b): .next() returns the items in turn; .current the one next() returns next.
class Cycler final : public Object {
public:
    explicit Cycler(std::vector<Value> items) : m_items(std::move(items)) {}
    Value get_attr(const std::string& name) const override;
    std::string type_name() const override { return "Cycler"; }
    std::string repr(int) const override { return "<Cycler>"; }
    Value advance() {
        const Value v = m_items[m_pos];
        m_pos = (m_pos + 1) % m_items.size();
        return v;
    }
    void reset() { m_pos = 0; }

private:
    std::vector<Value> m_items;
    std::size_t m_pos = 0;
};

Value Cycler::get_attr(const std::string& name) const {
    auto* self = const_cast<Cycler*>(this);
    if (name == "current") return m_items[m_pos];
    if (name == "next")
        return Value(std::shared_ptr<Callable>(std::make_shared<NativeFunction>(
            "next", [self](Interpreter&, Arguments&) { return self->advance(); })));
    if (name == "reset")
        return Value(std::shared_ptr<Callable>(
            std::make_shared<NativeFunction>("reset", [self](Interpreter&, Arguments&) {
                self->reset();
                return Value::none();
            })));
    return Value::undefined("'Cycler object' has no attribute '" + name + "'");
}

Value cycler_fn(Interpreter& interp, Arguments& args) {
    if (args.positional.empty()) interp.fail("TypeError: at least one item has to be provided");
    auto cycler = std::make_shared<Cycler>(args.positional);
    interp.track(cycler);
    return Value(std::shared_ptr<Object>(cycler));
}

Value joiner_fn(Interpreter& interp, Arguments& args) {
    ArgBinder a(interp, args, "joiner", {"sep"});
    const std::string sep = a.get_string(0, ", ");
    auto used = std::make_shared<bool>(false);
    return Value(std::shared_ptr<Callable>(
        std::make_shared<NativeFunction>("joiner", [sep, used](Interpreter&, Arguments&) {
            if (!*used) {
                *used = true;
                return Value("");
            }
            return Value(sep);
        })));
}

void add_function(Scope& scope, const char* name, NativeFunction::Fn fn) {
    scope.set(name, Value(std::shared_ptr<Callable>(
                        std::make_shared<NativeFunction>(name, std::move(fn)))));
}

} // namespace

void install_globals(Scope& scope) {
    add_function(scope, "range", range_fn);
    add_function(scope, "dict", [](Interpreter& interp, Arguments& args) {
        return Value::dict(mapping_from_args(interp, args, "dict"));
    });
    add_function(scope, "namespace", namespace_fn);
    add_function(scope, "cycler", cycler_fn);
    add_function(scope, "joiner", joiner_fn);
    add_function(scope, "raise_exception", [](Interpreter& interp, Arguments& args) -> Value {
        ArgBinder a(interp, args, "raise_exception", {"message"});
        interp.fail(a.get_string(0, "raise_exception() was called"));
    });
    add_function(scope, "strftime_now", [](Interpreter& interp, Arguments& args) {
        ArgBinder a(interp, args, "strftime_now", {"format"});
        if (!a.has(0) || !a.get(0).is_string())
            interp.fail("TypeError: strftime_now() needs a format string");
        return Value(format_time(interp.now(), a.get(0).as_string()));
    });
}

namespace {

// Day of the week, 0 = Monday (Zeller-style computation on the proleptic Gregorian calendar).
int weekday(const CivilTime& t) {
    int y = t.year;
    int m = t.month;
    if (m < 3) {
        m += 12;
        --y;
    }
    const int h = (t.day + 13 * (m + 1) / 5 + y + y / 4 - y / 100 + y / 400) % 7; // 0 = Saturday
    return (h + 5) % 7;
}

int day_of_year(const CivilTime& t) {
    static constexpr int cumulative[] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
    const bool leap = (t.year % 4 == 0 && t.year % 100 != 0) || t.year % 400 == 0;
    const int m = t.month >= 1 && t.month <= 12 ? t.month : 1;
    return cumulative[m - 1] + t.day + (leap && m > 2 ? 1 : 0);
}

std::string two(int v) {
    char buf[16];
    std::snprintf(buf, sizeof(buf), "%02d", v);
    return buf;
}

} // namespace

std::string format_time(const CivilTime& t, const std::string& format) {
    static constexpr const char* months[] = {"January",   "February", "March",    "April",
                                             "May",       "June",     "July",     "August",
                                             "September", "October",  "November", "December"};
    static constexpr const char* days[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                           "Friday", "Saturday", "Sunday"};
    const std::string month = months[(t.month >= 1 && t.month <= 12 ? t.month : 1) - 1];
    const std::string day = days[weekday(t)];
    const int hour12 = t.hour % 12 == 0 ? 12 : t.hour % 12;
    std::string out;
    for (std::size_t i = 0; i < format.size(); ++i) {
        if (format[i] != '%' || i + 1 >= format.size()) {
            out += format[i];
            continue;
        }
        char c = format[++i];
        const bool no_pad = c == '-' && i + 1 < format.size();
        if (no_pad) c = format[++i];
        const auto num = [&](int v) { out += no_pad ? std::to_string(v) : two(v); };
        switch (c) {
        case 'Y':
            out += std::to_string(t.year);
            break;
        case 'y':
            num(t.year % 100);
            break;
        case 'm':
            num(t.month);
            break;
        case 'd':
            num(t.day);
            break;
        case 'e':
            out += (t.day < 10 ? " " : "") + std::to_string(t.day);
            break;
        case 'H':
            num(t.hour);
            break;
        case 'I':
            num(hour12);
            break;
        case 'M':
            num(t.minute);
            break;
        case 'S':
            num(t.second);
            break;
        case 'p':
            out += t.hour < 12 ? "AM" : "PM";
            break;
        case 'B':
            out += month;
            break;
        case 'b':
        case 'h':
            out += month.substr(0, 3);
            break;
        case 'A':
            out += day;
            break;
        case 'a':
            out += day.substr(0, 3);
            break;
        case 'j': {
            char buf[8];
            std::snprintf(buf, sizeof(buf), "%03d", day_of_year(t));
            out += no_pad ? std::to_string(day_of_year(t)) : buf;
            break;
        }
        case 'u':
            out += std::to_string(weekday(t) + 1);
            break;
        case 'w':
            out += std::to_string((weekday(t) + 1) % 7);
            break;
        case 'F':
            out += std::to_string(t.year) + "-" + two(t.month) + "-" + two(t.day);
            break;
        case 'T':
            out += two(t.hour) + ":" + two(t.minute) + ":" + two(t.second);
            break;
        case '%':
            out += '%';
            break;
        default:
            out += '%';
            if (no_pad) out += '-';
            out += c;
        }
    }
    return out;
}

} // namespace conclave::chat
