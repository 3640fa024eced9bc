// Expression evaluation: names, literals, attribute and item access (Jinja's getattr falls
// back to item access and vice versa), slicing, calls, filters, tests and operators.

#include "chat/interpreter.h"
#include "chat/objects.h"
#include "chat/operators.h"
#include "chat/template_error.h"
#include "chat/utf8.h"
#include "chat/value_format.h"

#include <algorithm>

namespace conclave::chat {

namespace {

std::string element_hint(const Value& obj, const Value& key) {
    if (key.is_string())
        return "'" + object_description(obj) + "' has no attribute '" + key.as_string() + "'";
    return "'" + object_description(obj) + "' has no element " + py_repr(key);
}

// Python's slice.indices() followed by the walk over the selected positions.
std::vector<std::size_t> slice_positions(std::int64_t n, const Value& start_v, const Value& stop_v,
                                         std::int64_t step) {
    const std::int64_t lower = step > 0 ? 0 : -1;
    const std::int64_t upper = step > 0 ? n : n - 1;
    const auto clamp = [&](const Value& v, std::int64_t fallback) {
        if (v.is_none()) return fallback;
        std::int64_t i = v.to_int();
        if (i < 0) {
            i += n;
            if (i < lower) i = lower;
        } else if (i > upper) {
            i = upper;
        }
        return i;
    };
    const std::int64_t start = clamp(start_v, step > 0 ? lower : upper);
    const std::int64_t stop = clamp(stop_v, step > 0 ? upper : lower);
    std::vector<std::size_t> positions;
    for (std::int64_t i = start; step > 0 ? i < stop : i > stop; i += step)
        positions.push_back(static_cast<std::size_t>(i));
    return positions;
}

} // namespace

Value Interpreter::eval(const Expr& e) {
    DepthGuard guard(*this, e.line);
    step();
    switch (e.kind) {
    case ExprKind::literal:
        return e.value;
    case ExprKind::name:
        return eval_name(e);
    case ExprKind::list:
    case ExprKind::tuple:
    case ExprKind::dict:
        return eval_container(e);
    case ExprKind::getattr: {
        const Value obj = eval(*e.items[0]);
        return get_attr(obj, e.name);
    }
    case ExprKind::getitem: {
        const Value obj = eval(*e.items[0]);
        if (e.items[1]->kind == ExprKind::slice) return eval_slice(obj, *e.items[1]);
        return get_item(obj, eval(*e.items[1]));
    }
    case ExprKind::slice:
        fail("slice outside of a subscript");
    case ExprKind::call:
        return eval_call(e);
    case ExprKind::filter:
        return eval_filter(e, nullptr);
    case ExprKind::test: {
        const Value v = eval(*e.items[0]);
        Arguments args = eval_args(e.args);
        m_line = e.line;
        return Value(apply_test(e.name, v, std::move(args)));
    }
    case ExprKind::negate:
        return negate(*this, eval(*e.items[0]));
    case ExprKind::plus: {
        const Value v = eval(*e.items[0]);
        if (!v.is_number()) fail("TypeError: bad operand type for unary +: '" + type_name(v) + "'");
        return v;
    }
    case ExprKind::logical_not:
        return Value(!is_truthy(eval(*e.items[0])));
    case ExprKind::logical_and: {
        Value left = eval(*e.items[0]);
        return is_truthy(left) ? eval(*e.items[1]) : left;
    }
    case ExprKind::logical_or: {
        Value left = eval(*e.items[0]);
        return is_truthy(left) ? left : eval(*e.items[1]);
    }
    case ExprKind::binary: {
        const Value left = eval(*e.items[0]);
        const Value right = eval(*e.items[1]);
        m_line = e.line;
        return binary_op(*this, e.op, left, right);
    }
    case ExprKind::compare:
        return eval_compare(e);
    case ExprKind::concat:
        return eval_concat(e);
    case ExprKind::condition:
        if (is_truthy(eval(*e.items[0]))) return eval(*e.items[1]);
        if (e.items[2]) return eval(*e.items[2]);
        return Value::undefined("the inline if-expression on line " + std::to_string(e.line) +
                                " evaluated to false and no else section was defined.");
    }
    return Value();
}

Value Interpreter::eval_name(const Expr& e) {
    if (const Value* v = m_scope->find(e.name)) return *v;
    return Value::undefined("'" + e.name + "' is undefined");
}

Value Interpreter::eval_container(const Expr& e) {
    step(e.items.size());
    if (e.kind == ExprKind::dict) {
        Dict dict;
        for (std::size_t i = 0; i + 1 < e.items.size(); i += 2) {
            Value key = eval(*e.items[i]);
            dict.set(std::move(key), eval(*e.items[i + 1]));
        }
        return Value::dict(std::move(dict));
    }
    std::vector<Value> items;
    items.reserve(e.items.size());
    for (const auto& item : e.items) items.push_back(eval(*item));
    return Value::list(std::move(items), e.kind == ExprKind::tuple);
}

Value Interpreter::eval_compare(const Expr& e) {
    Value left = eval(*e.items[0]);
    for (std::size_t i = 0; i < e.compare_ops.size(); ++i) {
        Value right = eval(*e.items[i + 1]);
        m_line = e.line;
        bool result = false;
        switch (e.compare_ops[i]) {
        case CompareOp::eq:
            result = values_equal(left, right);
            break;
        case CompareOp::ne:
            result = !values_equal(left, right);
            break;
        case CompareOp::lt:
            result = compare_order(*this, left, right) < 0;
            break;
        case CompareOp::le:
            result = compare_order(*this, left, right) <= 0;
            break;
        case CompareOp::gt:
            result = compare_order(*this, left, right) > 0;
            break;
        case CompareOp::ge:
            result = compare_order(*this, left, right) >= 0;
            break;
        case CompareOp::in:
            result = contains(*this, right, left);
            break;
        case CompareOp::not_in:
            result = !contains(*this, right, left);
            break;
        }
        if (!result) return Value(false);
        left = std::move(right);
    }
    return Value(true);
}

Value Interpreter::eval_concat(const Expr& e) {
    std::string out;
    for (const auto& item : e.items) {
        const Value v = eval(*item);
        if (v.is_string())
            out += v.as_string();
        else
            out += py_str(v);
        check_string_size(out.size());
    }
    return Value(std::move(out));
}

Value Interpreter::eval_slice(const Value& obj, const Expr& slice) {
    Value bounds[3];
    for (int i = 0; i < 3; ++i) {
        bounds[i] = slice.items[static_cast<std::size_t>(i)]
                        ? eval(*slice.items[static_cast<std::size_t>(i)])
                        : Value::none();
        if (!bounds[i].is_none() && !bounds[i].is_int() && !bounds[i].is_bool())
            fail("TypeError: slice indices must be integers or None or have an __index__ method");
    }
    if (obj.is_undefined()) fail_undefined(obj);
    const std::int64_t step_by = bounds[2].is_none() ? 1 : bounds[2].to_int();
    if (step_by == 0) fail("ValueError: slice step cannot be zero");
    if (obj.is_list()) {
        const auto& items = obj.as_list().items;
        std::vector<Value> out;
        for (std::size_t i : slice_positions(static_cast<std::int64_t>(items.size()), bounds[0],
                                             bounds[1], step_by))
            out.push_back(items[i]);
        step(out.size());
        return Value::list(std::move(out), obj.is_tuple());
    }
    if (obj.is_string()) {
        const std::string& s = obj.as_string();
        if (utf8::is_ascii(s) && step_by == 1) {
            const auto pos =
                slice_positions(static_cast<std::int64_t>(s.size()), bounds[0], bounds[1], 1);
            return pos.empty() ? Value("") : Value(s.substr(pos.front(), pos.size()));
        }
        const std::vector<char32_t> cps = utf8::decode(s);
        std::string out;
        for (std::size_t i :
             slice_positions(static_cast<std::int64_t>(cps.size()), bounds[0], bounds[1], step_by))
            utf8::append(out, cps[i]);
        step(cps.size() / 16);
        return Value(std::move(out));
    }
    return Value::undefined("'" + object_description(obj) + "' is not subscriptable");
}

Value Interpreter::get_attr(const Value& obj, const std::string& name) {
    switch (obj.kind()) {
    case Kind::undefined:
        fail_undefined(obj);
    case Kind::object:
        return obj.as_object()->get_attr(name);
    case Kind::string:
    case Kind::list:
    case Kind::dict:
        if (is_unsafe_method(obj, name))
            return Value::undefined("access to attribute '" + name + "' of '" + type_name(obj) +
                                        "' object is unsafe.",
                                    true);
        if (has_method(obj, name))
            return Value(std::shared_ptr<Callable>(std::make_shared<BoundMethod>(obj, name)));
        if (obj.is_dict()) {
            if (const Value* v = obj.as_dict().find(name)) return *v;
        }
        break;
    default:
        break;
    }
    return Value::undefined("'" + object_description(obj) + "' has no attribute '" + name + "'");
}

Value Interpreter::get_item(const Value& obj, const Value& key) {
    switch (obj.kind()) {
    case Kind::undefined:
        fail_undefined(obj);
    case Kind::dict:
        if (const Value* v = obj.as_dict().find(key)) return *v;
        break;
    case Kind::list:
        if (key.is_int() || key.is_bool()) {
            const auto& items = obj.as_list().items;
            std::int64_t i = key.to_int();
            if (i < 0) i += static_cast<std::int64_t>(items.size());
            if (i >= 0 && i < static_cast<std::int64_t>(items.size()))
                return items[static_cast<std::size_t>(i)];
        }
        break;
    case Kind::string:
        if (key.is_int() || key.is_bool()) {
            const std::vector<char32_t> cps = utf8::decode(obj.as_string());
            std::int64_t i = key.to_int();
            if (i < 0) i += static_cast<std::int64_t>(cps.size());
            if (i >= 0 && i < static_cast<std::int64_t>(cps.size())) {
                std::string out;
                utf8::append(out, cps[static_cast<std::size_t>(i)]);
                return Value(std::move(out));
            }
        }
        break;
    case Kind::object:
        if (key.is_string()) return obj.as_object()->get_attr(key.as_string());
        break;
    default:
        break;
    }
    // Jinja falls back to attribute lookup for string keys (d['items'] is the method).
    if (key.is_string() && (obj.is_string() || obj.is_list() || obj.is_dict()) &&
        has_method(obj, key.as_string()))
        return get_attr(obj, key.as_string());
    return Value::undefined(element_hint(obj, key));
}

Arguments Interpreter::eval_args(const CallArgs& args) {
    Arguments out;
    for (const auto& e : args.positional) out.positional.push_back(eval(*e));
    if (args.star_args) {
        for (Value& v : iterate(eval(*args.star_args))) out.positional.push_back(std::move(v));
    }
    for (const auto& [name, e] : args.named) out.named.emplace_back(name, eval(*e));
    if (args.star_kwargs) {
        const Value extra = eval(*args.star_kwargs);
        if (!extra.is_dict()) fail("TypeError: argument after ** must be a mapping");
        for (const auto& [k, v] : extra.as_dict().entries()) {
            if (!k.is_string()) fail("TypeError: keywords must be strings");
            out.named.emplace_back(k.as_string(), v);
        }
    }
    return out;
}

Value Interpreter::eval_call(const Expr& e) {
    const Expr& target = *e.items[0];
    Value callee;
    if (target.kind == ExprKind::getattr) {
        // Method calls skip building a bound method object.
        Value receiver = eval(*target.items[0]);
        if ((receiver.is_string() || receiver.is_list() || receiver.is_dict()) &&
            has_method(receiver, target.name)) {
            Arguments args = eval_args(e.args);
            m_line = e.line;
            return call_method(*this, receiver, target.name, args);
        }
        callee = get_attr(receiver, target.name);
    } else {
        callee = eval(target);
    }
    Arguments args = eval_args(e.args);
    m_line = e.line;
    return call(callee, std::move(args));
}

Value Interpreter::call(const Value& callee, Arguments args) {
    if (callee.is_callable()) return callee.as_callable()->call(*this, std::move(args));
    if (callee.is_undefined()) fail_undefined(callee);
    if (callee.is_object() && callee.as_object()->is_callable())
        fail("calling the loop variable (recursive loops) is not supported");
    fail("TypeError: '" + type_name(callee) + "' object is not callable");
}

Value Interpreter::eval_filter(const Expr& e, const Value* operand) {
    const Value value = operand ? *operand : eval(*e.items[0]);
    Arguments args = eval_args(e.args);
    m_line = e.line;
    return apply_filter(e.name, value, std::move(args));
}

} // namespace conclave::chat
