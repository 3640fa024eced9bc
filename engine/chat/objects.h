#pragma once
// Runtime objects a template can hold: namespace(), the loop variable, macros (and the
// caller of a call block), string/dict/list methods bound to their receiver, and native
// functions (range, dict, raise_exception, ...). All live only during one render.

#include "chat/interpreter.h"
#include "chat/value.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace conclave::chat {

// namespace(): the one mutable object; `{% set ns.x = 1 %}` writes its attributes.
class Namespace final : public Object {
public:
    Value get_attr(const std::string& name) const override;
    bool set_attr(const std::string& name, Value value) override;
    std::string type_name() const override { return "Namespace"; }
    std::string repr(int depth) const override;
    int depth() const override { return m_depth; }
    void clear() { m_attrs = Dict(); }

private:
    Dict m_attrs;
    int m_depth = 1;
};

// The `loop` variable of a for loop; updated in place as the loop advances.
class LoopObject final : public Object {
public:
    explicit LoopObject(std::shared_ptr<const std::vector<Value>> items)
        : m_items(std::move(items)) {}
    void set_index(std::size_t index0) { m_index0 = index0; }
    Value get_attr(const std::string& name) const override;
    std::string type_name() const override { return "LoopContext"; }
    std::string repr(int depth) const override;
    bool is_callable() const override { return true; }

private:
    std::shared_ptr<const std::vector<Value>> m_items;
    std::size_t m_index0 = 0;
    mutable std::shared_ptr<Callable> m_changed;
};

// A macro, or the body of a call block passed as `caller`; runs in a scope under the
// scope it was defined in.
class MacroFunction final : public Callable {
public:
    MacroFunction(const Stmt& def, std::shared_ptr<Scope> closure)
        : m_def(def), m_closure(std::move(closure)) {}
    Value call(Interpreter& interp, Arguments args) override;
    std::string name() const override { return m_def.name.empty() ? "caller" : m_def.name; }

private:
    const Stmt& m_def;
    std::shared_ptr<Scope> m_closure;
};

// `"a b".split` before it is called.
class BoundMethod final : public Callable {
public:
    BoundMethod(Value receiver, std::string method)
        : m_receiver(std::move(receiver)), m_method(std::move(method)) {}
    Value call(Interpreter& interp, Arguments args) override;
    std::string name() const override { return m_method; }

private:
    Value m_receiver;
    std::string m_method;
};

// A builtin implemented in C++.
class NativeFunction final : public Callable {
public:
    using Fn = std::function<Value(Interpreter&, Arguments&)>;
    NativeFunction(std::string name, Fn fn) : m_name(std::move(name)), m_fn(std::move(fn)) {}
    Value call(Interpreter& interp, Arguments args) override { return m_fn(interp, args); }
    std::string name() const override { return m_name; }

private:
    std::string m_name;
    Fn m_fn;
};

// Methods of str, dict and list values that templates call (methods.cpp).
bool has_method(const Value& receiver, const std::string& name);
// Whether `name` is a method the immutable sandbox refuses (list.append, dict.update, ...).
bool is_unsafe_method(const Value& receiver, const std::string& name);
Value call_method(Interpreter& interp, const Value& receiver, const std::string& name,
                  Arguments& args);

// Global functions: range, dict, namespace, raise_exception, strftime_now, cycler, joiner.
void install_globals(Scope& scope);

// strftime with the C locale's English names, for strftime_now().
std::string format_time(const CivilTime& t, const std::string& format);

} // namespace conclave::chat
