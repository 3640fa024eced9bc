#pragma once
// Interpreter: renders a parsed template with a set of variables. One Interpreter per
// render (not thread-safe; cheap to create); the AST it reads may be shared between
// threads. Every failure is thrown as TemplateError and turned into an Error by
// ChatTemplate. Limits (steps, output bytes, call depth) make hostile templates stop
// quickly instead of hanging or exhausting memory.

#include "chat/ast.h"
#include "chat/value.h"

#include <cstddef>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace conclave::chat {

// Bounds on one render. Exceeding one is a template error, never a crash.
struct RenderLimits {
    std::size_t max_steps = 10'000'000;       // statements, expressions and builtin work
    std::size_t max_output_bytes = 32u << 20; // also the size cap of any one string
    int max_depth = 400;                      // nested evaluation frames (macro recursion)
};

// Wall-clock time for strftime_now(); the caller supplies it so renders are reproducible.
struct CivilTime {
    int year = 1970;
    int month = 1; // 1..12
    int day = 1;   // 1..31
    int hour = 0;
    int minute = 0;
    int second = 0;
};

// Variables visible to a template, in the order they are bound (later ones win).
using Variables = std::vector<std::pair<std::string, Value>>;

// One level of variable bindings; for-loop iterations, macro calls and with blocks open
// a child whose parent is the enclosing (defining) scope.
class Scope {
public:
    explicit Scope(std::shared_ptr<Scope> parent) : m_parent(std::move(parent)) {}
    const Value* find(const std::string& name) const;
    void set(const std::string& name, Value value) { m_vars[name] = std::move(value); }
    // Drops every binding; breaks reference cycles through macros after a render.
    void clear() { m_vars.clear(); }

private:
    std::shared_ptr<Scope> m_parent;
    std::unordered_map<std::string, Value> m_vars;
};

class Interpreter {
public:
    Interpreter(const RenderLimits& limits, const CivilTime& now);
    ~Interpreter();
    Interpreter(const Interpreter&) = delete;
    Interpreter& operator=(const Interpreter&) = delete;

    std::string render(const TemplateAst& ast, const Variables& variables);

    // Services for builtins (filters, tests, methods, globals).
    void step(std::size_t n = 1);
    // Throws when a string of `bytes` would exceed the output limit; charges steps for it.
    void check_string_size(std::size_t bytes);
    [[noreturn]] void fail(const std::string& message) const;
    // Raises the error an undefined value carries ("'x' is undefined").
    [[noreturn]] void fail_undefined(const Value& v) const;
    Value call(const Value& callee, Arguments args);
    Value apply_filter(const std::string& name, const Value& value, Arguments args);
    bool apply_test(const std::string& name, const Value& value, Arguments args);
    Value get_attr(const Value& obj, const std::string& name);
    Value get_item(const Value& obj, const Value& key);
    const CivilTime& now() const { return m_now; }
    const RenderLimits& limits() const { return m_limits; }
    // Namespaces may reference themselves; they are cleared after the render to free them.
    void track(std::shared_ptr<Object> obj) { m_objects.push_back(std::move(obj)); }

    // Runs a macro body in a fresh scope under `closure`; returns its output.
    Value call_macro(const Stmt& macro, const std::shared_ptr<Scope>& closure, Arguments args);

    // Expressions (evaluator.cpp).
    Value eval(const Expr& e);

private:
    enum class Flow { normal, break_loop, continue_loop };

    // Counts nested frames and restores the current line when a frame ends.
    class DepthGuard {
    public:
        DepthGuard(Interpreter& in, int line);
        ~DepthGuard();
        DepthGuard(const DepthGuard&) = delete;
        DepthGuard& operator=(const DepthGuard&) = delete;

    private:
        Interpreter& m_in;
        int m_saved_line;
        int m_exceptions;
    };

    // Statements (interpreter.cpp).
    Flow exec_body(const StmtList& body);
    Flow exec(const Stmt& s);
    void exec_output(const Stmt& s);
    Flow exec_if(const Stmt& s);
    Flow exec_for(const Stmt& s);
    Flow run_loop_iterations(const Stmt& s, std::shared_ptr<const std::vector<Value>> items);
    std::vector<Value> filter_loop_items(const Stmt& s, std::vector<Value> items);
    Value apply_filter_chain(const Expr& filter, const Value& operand);
    void exec_set_block(const Stmt& s);
    void exec_call_block(const Stmt& s);
    void exec_macro(const Stmt& s);
    void exec_filter_block(const Stmt& s);
    Flow exec_scope(const Stmt& s);
    std::string capture(const StmtList& body);
    void assign(const Target& target, const Value& value);
    void write(std::string_view text);
    std::vector<Value> iterate(const Value& v);

    // Expressions (evaluator.cpp).
    Value eval_name(const Expr& e);
    Value eval_call(const Expr& e);
    Value eval_filter(const Expr& e, const Value* operand);
    Value eval_compare(const Expr& e);
    Value eval_concat(const Expr& e);
    Value eval_slice(const Value& obj, const Expr& slice);
    Value eval_container(const Expr& e);
    Arguments eval_args(const CallArgs& args);

    friend class MacroFunction;

    RenderLimits m_limits;
    CivilTime m_now;
    std::size_t m_steps = 0;
    int m_depth = 0;
    int m_line = 0;
    std::shared_ptr<Scope> m_scope;
    std::string* m_out = nullptr;
    std::vector<std::shared_ptr<Object>> m_objects;
    std::vector<std::shared_ptr<Scope>> m_macro_scopes;
};

} // namespace conclave::chat
