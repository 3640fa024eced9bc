#include "chat/objects.h"

#include "chat/call_args.h"
#include "chat/template_error.h"
#include "chat/value_format.h"

#include <algorithm>

namespace conclave::chat {

Value Namespace::get_attr(const std::string& name) const {
    if (const Value* v = m_attrs.find(name)) return *v;
    return Value::undefined("'Namespace object' has no attribute '" + name + "'");
}

bool Namespace::set_attr(const std::string& name, Value value) {
    const int depth = value.depth() + 1;
    if (depth > max_value_depth) throw TemplateError("values nest too deeply");
    m_depth = std::max(m_depth, depth);
    m_attrs.set(Value(name), std::move(value));
    return true;
}

std::string Namespace::repr(int depth) const {
    std::string out = "<Namespace {";
    bool first = true;
    for (const auto& [k, v] : m_attrs.entries()) {
        if (!first) out += ", ";
        first = false;
        out += py_repr(k, depth + 1) + ": " + py_repr(v, depth + 1);
    }
    return out + "}>";
}

namespace {

// loop.cycle(a, b, ...): the argument at loop.index0 modulo their count.
class LoopCycle final : public Callable {
public:
    explicit LoopCycle(std::size_t index0) : m_index0(index0) {}
    Value call(Interpreter& interp, Arguments args) override {
        if (args.positional.empty()) interp.fail("TypeError: no items for cycling given");
        return args.positional[m_index0 % args.positional.size()];
    }
    std::string name() const override { return "cycle"; }

private:
    std::size_t m_index0;
};

// loop.changed(value): true when the value differs from the previous call's.
class LoopChanged final : public Callable {
public:
    Value call(Interpreter&, Arguments args) override {
        Value current = Value::list(std::move(args.positional));
        const bool changed = !m_has_last || !values_equal(current, m_last);
        m_last = std::move(current);
        m_has_last = true;
        return Value(changed);
    }
    std::string name() const override { return "changed"; }

private:
    Value m_last;
    bool m_has_last = false;
};

} // namespace

Value LoopObject::get_attr(const std::string& name) const {
    const auto length = static_cast<std::int64_t>(m_items->size());
    const auto index0 = static_cast<std::int64_t>(m_index0);
    if (name == "index0") return Value(index0);
    if (name == "index") return Value(index0 + 1);
    if (name == "revindex") return Value(length - index0);
    if (name == "revindex0") return Value(length - index0 - 1);
    if (name == "first") return Value(index0 == 0);
    if (name == "last") return Value(index0 + 1 == length);
    if (name == "length") return Value(length);
    if (name == "depth") return Value(1);
    if (name == "depth0") return Value(0);
    if (name == "previtem") {
        if (index0 == 0) return Value::undefined("there is no previous item");
        return (*m_items)[m_index0 - 1];
    }
    if (name == "nextitem") {
        if (index0 + 1 >= length) return Value::undefined("there is no next item");
        return (*m_items)[m_index0 + 1];
    }
    if (name == "cycle")
        return Value(std::shared_ptr<Callable>(std::make_shared<LoopCycle>(m_index0)));
    if (name == "changed") {
        // One tracker per loop object, so successive iterations compare against each other.
        if (!m_changed) m_changed = std::make_shared<LoopChanged>();
        return Value(std::shared_ptr<Callable>(m_changed));
    }
    return Value::undefined("'LoopContext object' has no attribute '" + name + "'");
}

std::string LoopObject::repr(int) const {
    return "<LoopContext " + std::to_string(m_index0 + 1) + "/" + std::to_string(m_items->size()) +
           ">";
}

Value MacroFunction::call(Interpreter& interp, Arguments args) {
    return interp.call_macro(m_def, m_closure, std::move(args));
}

Value BoundMethod::call(Interpreter& interp, Arguments args) {
    return call_method(interp, m_receiver, m_method, args);
}

ArgBinder::ArgBinder(Interpreter& interp, const Arguments& args, std::string_view function,
                     std::initializer_list<std::string_view> params)
    : m_interp(interp), m_function(function), m_values(params.size()),
      m_present(params.size(), false) {
    if (args.positional.size() > params.size())
        interp.fail("TypeError: " + m_function + "() takes at most " +
                    std::to_string(params.size()) + " arguments (" +
                    std::to_string(args.positional.size()) + " given)");
    for (std::size_t i = 0; i < args.positional.size(); ++i) {
        m_values[i] = args.positional[i];
        m_present[i] = true;
    }
    for (const auto& [name, value] : args.named) {
        std::size_t i = 0;
        for (std::string_view p : params) {
            if (p == name) break;
            ++i;
        }
        if (i == params.size())
            interp.fail("TypeError: " + m_function + "() got an unexpected keyword argument '" +
                        name + "'");
        if (m_present[i])
            interp.fail("TypeError: " + m_function + "() got multiple values for argument '" +
                        name + "'");
        m_values[i] = value;
        m_present[i] = true;
    }
}

bool ArgBinder::get_bool(std::size_t i, bool fallback) const {
    return has(i) ? is_truthy(m_values[i]) : fallback;
}

std::int64_t ArgBinder::get_int(std::size_t i, std::int64_t fallback) const {
    if (!has(i) || m_values[i].is_none()) return fallback;
    const Value& v = m_values[i];
    if (v.is_int() || v.is_bool()) return v.to_int();
    if (v.is_float()) return static_cast<std::int64_t>(v.as_float());
    m_interp.fail("TypeError: " + m_function + "(): expected an integer, got " + type_name(v));
}

std::string ArgBinder::get_string(std::size_t i, const std::string& fallback) const {
    if (!has(i) || m_values[i].is_none()) return fallback;
    return py_str(m_values[i]);
}

} // namespace conclave::chat
