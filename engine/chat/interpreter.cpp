// Statement execution: output, if, for (with loop, else, filters, break/continue), set,
// macros, call/filter blocks and scopes. Scoping follows Jinja: each loop iteration and
// each macro call gets a fresh scope; assignments inside do not leak out.

#include "chat/interpreter.h"

#include "chat/objects.h"
#include "chat/template_error.h"
#include "chat/value_format.h"

#include <exception>

namespace conclave::chat {

const Value* Scope::find(const std::string& name) const {
    for (const Scope* s = this; s; s = s->m_parent.get()) {
        const auto it = s->m_vars.find(name);
        if (it != s->m_vars.end()) return &it->second;
    }
    return nullptr;
}

Interpreter::DepthGuard::DepthGuard(Interpreter& in, int line)
    : m_in(in), m_saved_line(in.m_line), m_exceptions(std::uncaught_exceptions()) {
    if (++m_in.m_depth > m_in.m_limits.max_depth) {
        --m_in.m_depth;
        throw TemplateError("recursion too deep (more than " +
                                std::to_string(m_in.m_limits.max_depth) + " nested evaluations)",
                            line);
    }
    m_in.m_line = line;
}

Interpreter::DepthGuard::~DepthGuard() {
    --m_in.m_depth;
    // While an error propagates keep the innermost line: it is the one reported.
    if (std::uncaught_exceptions() == m_exceptions) m_in.m_line = m_saved_line;
}

Interpreter::Interpreter(const RenderLimits& limits, const CivilTime& now)
    : m_limits(limits), m_now(now) {}

Interpreter::~Interpreter() {
    // Macros hold the scope that defines them and namespaces may hold themselves; clearing
    // both breaks the cycles so everything created by the render is freed.
    for (const auto& scope : m_macro_scopes) scope->clear();
    for (const auto& obj : m_objects)
        if (auto* ns = dynamic_cast<Namespace*>(obj.get())) ns->clear();
}

std::string Interpreter::render(const TemplateAst& ast, const Variables& variables) {
    auto globals = std::make_shared<Scope>(nullptr);
    install_globals(*globals);
    m_scope = std::make_shared<Scope>(globals);
    for (const auto& [name, value] : variables) m_scope->set(name, value);
    std::string out;
    m_out = &out;
    try {
        exec_body(ast.body);
    } catch (TemplateError& e) {
        if (e.line == 0) e.line = m_line;
        m_out = nullptr;
        throw;
    }
    m_out = nullptr;
    return out;
}

void Interpreter::step(std::size_t n) {
    m_steps += n;
    if (m_steps > m_limits.max_steps)
        fail("template exceeded the step limit (" + std::to_string(m_limits.max_steps) +
             " steps); it may loop forever");
}

void Interpreter::check_string_size(std::size_t bytes) {
    if (bytes > m_limits.max_output_bytes)
        fail("string of " + std::to_string(bytes) + " bytes exceeds the limit of " +
             std::to_string(m_limits.max_output_bytes) + " bytes");
    step(bytes / 64);
}

void Interpreter::fail(const std::string& message) const {
    throw TemplateError(message, m_line);
}

void Interpreter::fail_undefined(const Value& v) const {
    const UndefinedInfo& info = v.undefined_info();
    const std::string hint = info.hint ? *info.hint : std::string("value is undefined");
    fail((info.unsafe ? "SecurityError: " : "UndefinedError: ") + hint);
}

void Interpreter::write(std::string_view text) {
    if (m_out->size() + text.size() > m_limits.max_output_bytes)
        fail("output exceeds the limit of " + std::to_string(m_limits.max_output_bytes) + " bytes");
    m_out->append(text);
    step(text.size() / 64);
}

Interpreter::Flow Interpreter::exec_body(const StmtList& body) {
    for (const auto& stmt : body) {
        const Flow flow = exec(*stmt);
        if (flow != Flow::normal) return flow;
    }
    return Flow::normal;
}

Interpreter::Flow Interpreter::exec(const Stmt& s) {
    DepthGuard guard(*this, s.line);
    step();
    switch (s.kind) {
    case StmtKind::output:
        exec_output(s);
        return Flow::normal;
    case StmtKind::if_chain:
        return exec_if(s);
    case StmtKind::for_loop:
        return exec_for(s);
    case StmtKind::set:
        assign(s.target, eval(*s.exprs[0]));
        return Flow::normal;
    case StmtKind::set_block:
        exec_set_block(s);
        return Flow::normal;
    case StmtKind::macro:
        exec_macro(s);
        return Flow::normal;
    case StmtKind::call_block:
        exec_call_block(s);
        return Flow::normal;
    case StmtKind::filter_block:
        exec_filter_block(s);
        return Flow::normal;
    case StmtKind::scope:
        return exec_scope(s);
    case StmtKind::break_loop:
        return Flow::break_loop;
    case StmtKind::continue_loop:
        return Flow::continue_loop;
    }
    return Flow::normal;
}

void Interpreter::exec_output(const Stmt& s) {
    for (const auto& e : s.exprs) {
        if (e->kind == ExprKind::literal && e->value.is_string()) {
            write(e->value.as_string());
            continue;
        }
        const Value v = eval(*e);
        if (v.is_string())
            write(v.as_string());
        else
            write(py_str(v));
    }
}

Interpreter::Flow Interpreter::exec_if(const Stmt& s) {
    for (std::size_t i = 0; i < s.conditions.size(); ++i) {
        if (is_truthy(eval(*s.conditions[i]))) return exec_body(s.bodies[i]);
    }
    if (s.bodies.size() > s.conditions.size()) return exec_body(s.bodies.back());
    return Flow::normal;
}

std::vector<Value> Interpreter::iterate(const Value& v) {
    switch (v.kind()) {
    case Kind::undefined:
        return {};
    case Kind::list:
        return v.as_list().items;
    case Kind::dict: {
        std::vector<Value> keys;
        keys.reserve(v.as_dict().size());
        for (const auto& entry : v.as_dict().entries()) keys.push_back(entry.first);
        return keys;
    }
    case Kind::string: {
        std::vector<Value> chars;
        const std::string& s = v.as_string();
        std::size_t pos = 0;
        while (pos < s.size()) {
            const std::size_t start = pos;
            ++pos;
            while (pos < s.size() && (static_cast<unsigned char>(s[pos]) & 0xC0) == 0x80) ++pos;
            chars.emplace_back(s.substr(start, pos - start));
        }
        return chars;
    }
    default:
        fail("'" + type_name(v) + "' object is not iterable");
    }
}

std::vector<Value> Interpreter::filter_loop_items(const Stmt& s, std::vector<Value> items) {
    if (!s.exprs[1]) return items;
    std::vector<Value> kept;
    const auto outer = m_scope;
    for (Value& item : items) {
        m_scope = std::make_shared<Scope>(outer);
        assign(s.target, item);
        const bool keep = is_truthy(eval(*s.exprs[1]));
        m_scope = outer;
        if (keep) kept.push_back(std::move(item));
    }
    return kept;
}

Interpreter::Flow Interpreter::exec_for(const Stmt& s) {
    const Value iterable = eval(*s.exprs[0]);
    auto items =
        std::make_shared<const std::vector<Value>>(filter_loop_items(s, iterate(iterable)));
    step(items->size());
    if (items->empty()) {
        if (s.bodies.size() > 1) return exec_body(s.bodies[1]);
        return Flow::normal;
    }
    return run_loop_iterations(s, std::move(items));
}

Interpreter::Flow
Interpreter::run_loop_iterations(const Stmt& s, std::shared_ptr<const std::vector<Value>> items) {
    const auto outer = m_scope;
    const auto loop = std::make_shared<LoopObject>(items);
    const Value loop_value{std::shared_ptr<Object>(loop)};
    for (std::size_t i = 0; i < items->size(); ++i) {
        m_scope = std::make_shared<Scope>(outer);
        loop->set_index(i);
        m_scope->set("loop", loop_value);
        assign(s.target, (*items)[i]);
        const Flow flow = exec_body(s.bodies[0]);
        m_scope = outer;
        if (flow == Flow::break_loop) break;
    }
    return Flow::normal;
}

void Interpreter::assign(const Target& target, const Value& value) {
    switch (target.kind) {
    case Target::Kind::name:
        m_scope->set(target.name, value);
        return;
    case Target::Kind::attribute: {
        const Value* obj = m_scope->find(target.name);
        if (!obj || !obj->is_object() || !obj->as_object()->set_attr(target.attribute, value))
            fail("cannot assign attribute on non-namespace object");
        return;
    }
    case Target::Kind::tuple: {
        const std::vector<Value> parts = iterate(value);
        const std::size_t want = target.items.size();
        if (parts.size() > want)
            fail("too many values to unpack (expected " + std::to_string(want) + ")");
        if (parts.size() < want)
            fail("not enough values to unpack (expected " + std::to_string(want) + ", got " +
                 std::to_string(parts.size()) + ")");
        for (std::size_t i = 0; i < want; ++i) assign(target.items[i], parts[i]);
        return;
    }
    }
}

std::string Interpreter::capture(const StmtList& body) {
    std::string buffer;
    std::string* saved = m_out;
    m_out = &buffer;
    try {
        exec_body(body);
    } catch (...) {
        m_out = saved;
        throw;
    }
    m_out = saved;
    return buffer;
}

Value Interpreter::apply_filter_chain(const Expr& filter, const Value& operand) {
    const Value inner = filter.items[0] ? apply_filter_chain(*filter.items[0], operand) : operand;
    return eval_filter(filter, &inner);
}

void Interpreter::exec_set_block(const Stmt& s) {
    Value body{capture(s.bodies[0])};
    if (s.exprs[0]) body = apply_filter_chain(*s.exprs[0], body);
    assign(s.target, body);
}

void Interpreter::exec_macro(const Stmt& s) {
    m_scope->set(s.name,
                 Value(std::shared_ptr<Callable>(std::make_shared<MacroFunction>(s, m_scope))));
    m_macro_scopes.push_back(m_scope);
}

void Interpreter::exec_call_block(const Stmt& s) {
    const Expr& call = *s.exprs[0];
    const Value callee = eval(*call.items[0]);
    Arguments args = eval_args(call.args);
    args.named.emplace_back(
        "caller", Value(std::shared_ptr<Callable>(std::make_shared<MacroFunction>(s, m_scope))));
    m_macro_scopes.push_back(m_scope);
    m_line = s.line;
    const Value result = this->call(callee, std::move(args));
    write(py_str(result));
}

void Interpreter::exec_filter_block(const Stmt& s) {
    const Value body{capture(s.bodies[0])};
    write(py_str(apply_filter_chain(*s.exprs[0], body)));
}

Interpreter::Flow Interpreter::exec_scope(const Stmt& s) {
    const auto outer = m_scope;
    auto inner = std::make_shared<Scope>(outer);
    std::vector<Value> values;
    for (const auto& [target, expr] : s.with_assignments) values.push_back(eval(*expr));
    m_scope = inner;
    for (std::size_t i = 0; i < values.size(); ++i) assign(s.with_assignments[i].first, values[i]);
    Flow flow = Flow::normal;
    try {
        flow = exec_body(s.bodies[0]);
    } catch (...) {
        m_scope = outer;
        throw;
    }
    m_scope = outer;
    return flow;
}

Value Interpreter::call_macro(const Stmt& macro, const std::shared_ptr<Scope>& closure,
                              Arguments args) {
    DepthGuard guard(*this, m_line);
    auto scope = std::make_shared<Scope>(closure);
    std::vector<bool> bound(macro.params.size(), false);
    std::vector<Value> varargs;
    Dict kwargs;
    for (std::size_t i = 0; i < args.positional.size(); ++i) {
        if (i < macro.params.size()) {
            scope->set(macro.params[i].name, args.positional[i]);
            bound[i] = true;
        } else {
            varargs.push_back(args.positional[i]);
        }
    }
    for (auto& [name, value] : args.named) {
        std::size_t i = 0;
        while (i < macro.params.size() && macro.params[i].name != name) ++i;
        if (i < macro.params.size()) {
            if (bound[i])
                fail("macro '" + macro.name + "' got multiple values for argument '" + name + "'");
            scope->set(name, value);
            bound[i] = true;
        } else if (name == "caller") {
            scope->set("caller", value);
        } else {
            kwargs.set(Value(name), value);
        }
    }
    scope->set("varargs", Value::list(std::move(varargs), true));
    scope->set("kwargs", Value::dict(std::move(kwargs)));
    const auto saved_scope = m_scope;
    m_scope = scope;
    try {
        for (std::size_t i = 0; i < macro.params.size(); ++i) {
            if (bound[i]) continue;
            const MacroParam& p = macro.params[i];
            scope->set(p.name, p.default_value ? eval(*p.default_value)
                                               : Value::undefined("parameter '" + p.name +
                                                                  "' was not provided"));
        }
        std::string out = capture(macro.bodies[0]);
        m_scope = saved_scope;
        return Value(std::move(out));
    } catch (...) {
        m_scope = saved_scope;
        throw;
    }
}

} // namespace conclave::chat
