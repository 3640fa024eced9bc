// Filters on sequences and mappings: length, list, first, last, join, items, dictsort,
// sort, reverse, unique, min, max, sum, map, select, reject, selectattr, rejectattr, batch.
// Like Jinja, map/select/reject/items/unique/reverse/batch return generators.

#include "chat/call_args.h"
#include "chat/filters.h"
#include "chat/operators.h"
#include "chat/utf8.h"

#include <algorithm>
#include <array>

namespace conclave::chat {

namespace {

Value ignore_case(const Value& v) {
    return v.is_string() ? Value(utf8::lower(v.as_string())) : v;
}

Value filter_length(Interpreter& interp, const Value& v, const Arguments&) {
    switch (v.kind()) {
    case Kind::undefined:
        return Value(0);
    case Kind::string:
        return Value(static_cast<std::int64_t>(utf8::length(v.as_string())));
    case Kind::list:
        if (v.is_generator()) break;
        return Value(static_cast<std::int64_t>(v.as_list().items.size()));
    case Kind::dict:
        return Value(static_cast<std::int64_t>(v.as_dict().size()));
    default:
        break;
    }
    interp.fail("TypeError: object of type '" + type_name(v) + "' has no len()");
}

Value filter_list(Interpreter& interp, const Value& v, const Arguments&) {
    return Value::list(iterate_value(interp, v));
}

Value filter_first(Interpreter& interp, const Value& v, const Arguments&) {
    const std::vector<Value> items = iterate_value(interp, v);
    if (items.empty()) return Value::undefined("No first item, sequence was empty.");
    return items.front();
}

Value filter_last(Interpreter& interp, const Value& v, const Arguments&) {
    if (v.is_generator()) interp.fail("TypeError: 'generator' object is not reversible");
    const std::vector<Value> items = iterate_value(interp, v);
    if (items.empty()) return Value::undefined("No last item, sequence was empty.");
    return items.back();
}

Value filter_join(Interpreter& interp, const Value& v, const Arguments& args) {
    ArgBinder a(interp, args, "join", {"d", "attribute"});
    const std::string sep = a.has(0) ? soft_str(a.get(0)) : std::string();
    std::string out;
    bool first = true;
    for (const Value& item : iterate_value(interp, v)) {
        if (!first) out += sep;
        first = false;
        out += soft_str(a.has(1) && !a.get(1).is_none() ? lookup_attribute(interp, item, a.get(1))
                                                        : item);
        interp.check_string_size(out.size());
    }
    return Value(std::move(out));
}

Value filter_items(Interpreter& interp, const Value& v, const Arguments&) {
    if (v.is_undefined()) return Value::generator({});
    if (!v.is_dict()) interp.fail("TypeError: Can only get item pairs from a mapping.");
    std::vector<Value> out;
    for (const auto& [k, item] : v.as_dict().entries()) out.push_back(Value::list({k, item}, true));
    interp.step(out.size());
    return Value::generator(std::move(out));
}

// Sorts by key with Python's ordering; the comparator throws on unorderable values.
void sort_values(Interpreter& interp, std::vector<Value>& items, std::vector<Value>& keys,
                 bool reverse) {
    std::vector<std::size_t> order(items.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    interp.step(items.size() * 4);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
        const int c = compare_order(interp, keys[x], keys[y]);
        return reverse ? c > 0 : c < 0;
    });
    std::vector<Value> sorted;
    sorted.reserve(items.size());
    for (std::size_t i : order) sorted.push_back(std::move(items[i]));
    items = std::move(sorted);
}

Value filter_dictsort(Interpreter& interp, const Value& v, const Arguments& args) {
    ArgBinder a(interp, args, "dictsort", {"case_sensitive", "by", "reverse"});
    if (v.is_undefined()) interp.fail_undefined(v);
    if (!v.is_dict()) interp.fail("TypeError: dictsort needs a mapping, not " + type_name(v));
    const bool case_sensitive = a.get_bool(0, false);
    const std::string by = a.get_string(1, "key");
    if (by != "key" && by != "value")
        interp.fail("You can only sort by either \"key\" or \"value\"");
    std::vector<Value> items;
    std::vector<Value> keys;
    for (const auto& [k, item] : v.as_dict().entries()) {
        items.push_back(Value::list({k, item}, true));
        const Value& key = by == "key" ? k : item;
        keys.push_back(case_sensitive ? key : ignore_case(key));
    }
    sort_values(interp, items, keys, a.get_bool(2, false));
    return Value::list(std::move(items));
}

Value sort_key(Interpreter& interp, const Value& item, const Value& attribute,
               bool case_sensitive) {
    if (attribute.is_none() || attribute.is_undefined())
        return case_sensitive ? item : ignore_case(item);
    if (attribute.is_string() && attribute.as_string().find(',') != std::string::npos) {
        std::vector<Value> parts;
        const std::string& spec = attribute.as_string();
        std::size_t start = 0;
        while (start <= spec.size()) {
            const std::size_t comma = std::min(spec.find(',', start), spec.size());
            const Value part =
                lookup_attribute(interp, item, Value(spec.substr(start, comma - start)));
            parts.push_back(case_sensitive ? part : ignore_case(part));
            start = comma + 1;
        }
        return Value::list(std::move(parts));
    }
    const Value v = lookup_attribute(interp, item, attribute);
    return case_sensitive ? v : ignore_case(v);
}

Value filter_sort(Interpreter& interp, const Value& v, const Arguments& args) {
    ArgBinder a(interp, args, "sort", {"reverse", "case_sensitive", "attribute"});
    std::vector<Value> items = iterate_value(interp, v);
    std::vector<Value> keys;
    for (const Value& item : items)
        keys.push_back(sort_key(interp, item, a.get_or(2, Value::none()), a.get_bool(1, false)));
    sort_values(interp, items, keys, a.get_bool(0, false));
    return Value::list(std::move(items));
}

Value filter_reverse(Interpreter& interp, const Value& v, const Arguments&) {
    if (v.is_string()) {
        std::vector<char32_t> cps = utf8::decode(v.as_string());
        std::reverse(cps.begin(), cps.end());
        return Value(utf8::encode(cps));
    }
    std::vector<Value> items = iterate_value(interp, v);
    std::reverse(items.begin(), items.end());
    return v.is_generator() ? Value::list(std::move(items)) : Value::generator(std::move(items));
}

Value filter_unique(Interpreter& interp, const Value& v, const Arguments& args) {
    ArgBinder a(interp, args, "unique", {"case_sensitive", "attribute"});
    std::vector<Value> out;
    std::vector<Value> seen;
    for (const Value& item : iterate_value(interp, v)) {
        const Value key = sort_key(interp, item, a.get_or(1, Value::none()), a.get_bool(0, false));
        interp.step(seen.size() / 8 + 1);
        if (std::any_of(seen.begin(), seen.end(),
                        [&](const Value& s) { return values_equal(s, key); }))
            continue;
        seen.push_back(key);
        out.push_back(item);
    }
    return Value::generator(std::move(out));
}

Value min_or_max(Interpreter& interp, const Value& v, const Arguments& args, bool want_max) {
    ArgBinder a(interp, args, want_max ? "max" : "min", {"case_sensitive", "attribute"});
    const std::vector<Value> items = iterate_value(interp, v);
    if (items.empty()) return Value::undefined("No aggregated item, sequence was empty.");
    std::size_t best = 0;
    Value best_key = sort_key(interp, items[0], a.get_or(1, Value::none()), a.get_bool(0, false));
    for (std::size_t i = 1; i < items.size(); ++i) {
        Value key = sort_key(interp, items[i], a.get_or(1, Value::none()), a.get_bool(0, false));
        const int c = compare_order(interp, key, best_key);
        if (want_max ? c > 0 : c < 0) {
            best = i;
            best_key = std::move(key);
        }
    }
    return items[best];
}

Value filter_min(Interpreter& i, const Value& v, const Arguments& a) {
    return min_or_max(i, v, a, false);
}
Value filter_max(Interpreter& i, const Value& v, const Arguments& a) {
    return min_or_max(i, v, a, true);
}

Value filter_sum(Interpreter& interp, const Value& v, const Arguments& args) {
    ArgBinder a(interp, args, "sum", {"attribute", "start"});
    Value total = a.get_or(1, Value(0));
    for (const Value& item : iterate_value(interp, v)) {
        const Value term =
            a.has(0) && !a.get(0).is_none() ? lookup_attribute(interp, item, a.get(0)) : item;
        total = binary_op(interp, BinaryOp::add, total, term);
    }
    return total;
}

Value filter_map(Interpreter& interp, const Value& v, const Arguments& args) {
    std::vector<Value> out;
    if (!is_truthy(v)) return Value::generator({}); // Jinja maps nothing over a falsy value
    const std::vector<Value> items = iterate_value(interp, v);
    if (args.positional.empty()) {
        Value attribute;
        Value fallback = Value::none();
        for (const auto& [name, value] : args.named) {
            if (name == "attribute")
                attribute = value;
            else if (name == "default")
                fallback = value;
            else
                interp.fail("Unexpected keyword argument '" + name + "'");
        }
        if (attribute.is_undefined()) interp.fail("map requires a filter argument");
        for (const Value& item : items) {
            Value mapped = lookup_attribute(interp, item, attribute);
            if (mapped.is_undefined() && !fallback.is_none()) mapped = fallback;
            out.push_back(std::move(mapped));
        }
        return Value::generator(std::move(out));
    }
    const std::string name = soft_str(args.positional[0]);
    Arguments forwarded;
    forwarded.positional.assign(args.positional.begin() + 1, args.positional.end());
    forwarded.named = args.named;
    for (const Value& item : items) out.push_back(interp.apply_filter(name, item, forwarded));
    return Value::generator(std::move(out));
}

// select/reject/selectattr/rejectattr: keep items whose (attribute's) test result is `keep`.
Value select_items(Interpreter& interp, const Value& v, const Arguments& args, bool keep,
                   bool by_attribute) {
    if (!is_truthy(v)) return Value::generator({}); // Jinja yields nothing for a falsy value (none)
    std::size_t next = 0;
    Value attribute;
    if (by_attribute) {
        if (args.positional.empty()) interp.fail("Missing parameter for attribute name");
        attribute = args.positional[next++];
    }
    std::string test;
    Arguments test_args;
    if (next < args.positional.size()) {
        test = soft_str(args.positional[next]);
        test_args.positional.assign(args.positional.begin() + static_cast<std::ptrdiff_t>(next) + 1,
                                    args.positional.end());
        test_args.named = args.named;
    }
    std::vector<Value> out;
    for (const Value& item : iterate_value(interp, v)) {
        const Value subject = by_attribute ? lookup_attribute(interp, item, attribute) : item;
        const bool passed =
            test.empty() ? is_truthy(subject) : interp.apply_test(test, subject, test_args);
        if (passed == keep) out.push_back(item);
    }
    return Value::generator(std::move(out));
}

Value filter_select(Interpreter& i, const Value& v, const Arguments& a) {
    return select_items(i, v, a, true, false);
}
Value filter_reject(Interpreter& i, const Value& v, const Arguments& a) {
    return select_items(i, v, a, false, false);
}
Value filter_selectattr(Interpreter& i, const Value& v, const Arguments& a) {
    return select_items(i, v, a, true, true);
}
Value filter_rejectattr(Interpreter& i, const Value& v, const Arguments& a) {
    return select_items(i, v, a, false, true);
}

Value filter_batch(Interpreter& interp, const Value& v, const Arguments& args) {
    ArgBinder a(interp, args, "batch", {"linecount", "fill_with"});
    const std::int64_t count = a.get_int(0, 0);
    if (count <= 0) interp.fail("ValueError: batch size must be positive");
    std::vector<Value> out;
    std::vector<Value> current;
    for (const Value& item : iterate_value(interp, v)) {
        current.push_back(item);
        if (static_cast<std::int64_t>(current.size()) == count) {
            out.push_back(Value::list(std::move(current)));
            current.clear();
        }
    }
    if (!current.empty()) {
        if (a.has(1) && !a.get(1).is_none())
            while (static_cast<std::int64_t>(current.size()) < count) current.push_back(a.get(1));
        out.push_back(Value::list(std::move(current)));
    }
    return Value::generator(std::move(out));
}

constexpr std::array sequence_filters = {
    FilterEntry{"batch", filter_batch},
    FilterEntry{"count", filter_length},
    FilterEntry{"dictsort", filter_dictsort},
    FilterEntry{"first", filter_first},
    FilterEntry{"items", filter_items},
    FilterEntry{"join", filter_join},
    FilterEntry{"last", filter_last},
    FilterEntry{"length", filter_length},
    FilterEntry{"list", filter_list},
    FilterEntry{"map", filter_map},
    FilterEntry{"max", filter_max},
    FilterEntry{"min", filter_min},
    FilterEntry{"reject", filter_reject},
    FilterEntry{"rejectattr", filter_rejectattr},
    FilterEntry{"reverse", filter_reverse},
    FilterEntry{"select", filter_select},
    FilterEntry{"selectattr", filter_selectattr},
    FilterEntry{"sort", filter_sort},
    FilterEntry{"sum", filter_sum},
    FilterEntry{"unique", filter_unique},
};

} // namespace

FilterFn find_sequence_filter(std::string_view name) {
    for (const FilterEntry& e : sequence_filters)
        if (e.name == name) return e.fn;
    return nullptr;
}

} // namespace conclave::chat
