#include "chat/template_variables.h"

#include "chat/interpreter.h"
#include "chat/objects.h"

#include <vector>

namespace conclave::chat {
namespace {

// Walks statements in order with a stack of scopes (the template, for bodies, macros, with
// blocks); a name read while no scope binds it is free.
class FreeNames {
public:
    std::set<std::string> found;

    void statements(const StmtList& list) {
        for (const auto& stmt : list) statement(*stmt);
    }

private:
    std::vector<std::set<std::string>> m_scopes{{}};
    Scope m_globals = [] {
        Scope globals(nullptr); // range, namespace, raise_exception, ...: the interpreter's own
        install_globals(globals);
        return globals;
    }();

    bool bound(const std::string& name) const {
        for (const auto& scope : m_scopes)
            if (scope.contains(name)) return true;
        return false;
    }
    void bind(const std::string& name) { m_scopes.back().insert(name); }
    void bind(const Target& target) {
        switch (target.kind) {
        case Target::Kind::name:
            bind(target.name);
            break;
        case Target::Kind::tuple:
            for (const Target& item : target.items) bind(item);
            break;
        case Target::Kind::attribute: // ns.x = ... reads ns
            read(target.name);
            break;
        }
    }
    void read(const std::string& name) {
        if (!bound(name) && !m_globals.find(name)) found.insert(name);
    }

    void expression(const Expr* e) {
        if (!e) return;
        // Only name expressions: filter, test and attribute names are not variables.
        if (e->kind == ExprKind::name) read(e->name);
        for (const auto& item : e->items) expression(item.get());
        for (const auto& arg : e->args.positional) expression(arg.get());
        for (const auto& [name, arg] : e->args.named) expression(arg.get());
        expression(e->args.star_args.get());
        expression(e->args.star_kwargs.get());
    }
    void expressions(const std::vector<ExprPtr>& list) {
        for (const auto& e : list) expression(e.get());
    }

    template <typename Body> void scoped(Body&& body) {
        m_scopes.emplace_back();
        body();
        m_scopes.pop_back();
    }

    void macro_body(const Stmt& s) {
        for (const MacroParam& p : s.params) expression(p.default_value.get());
        scoped([&] {
            for (const char* implicit : {"varargs", "kwargs", "caller"}) bind(implicit);
            for (const MacroParam& p : s.params) bind(p.name);
            statements(s.bodies.at(0));
        });
    }

    void statement(const Stmt& s) {
        switch (s.kind) {
        case StmtKind::output:
            expressions(s.exprs);
            break;
        case StmtKind::if_chain:
            expressions(s.conditions);
            for (const StmtList& body : s.bodies) statements(body);
            break;
        case StmtKind::for_loop:
            expression(s.exprs.at(0).get());
            scoped([&] {
                bind("loop");
                bind(s.target);
                if (s.exprs.size() > 1) expression(s.exprs[1].get());
                statements(s.bodies.at(0));
            });
            if (s.bodies.size() > 1) statements(s.bodies[1]);
            break;
        case StmtKind::set:
            expressions(s.exprs);
            bind(s.target);
            break;
        case StmtKind::set_block:
            scoped([&] { statements(s.bodies.at(0)); });
            expressions(s.exprs);
            bind(s.target);
            break;
        case StmtKind::macro:
            bind(s.name);
            macro_body(s);
            break;
        case StmtKind::call_block:
            expressions(s.exprs);
            macro_body(s);
            break;
        case StmtKind::filter_block:
            expressions(s.exprs);
            statements(s.bodies.at(0));
            break;
        case StmtKind::scope:
            scoped([&] {
                for (const auto& [target, value] : s.with_assignments) {
                    expression(value.get());
                    bind(target);
                }
                for (const StmtList& body : s.bodies) statements(body);
            });
            break;
        case StmtKind::break_loop:
        case StmtKind::continue_loop:
            break;
        }
    }
};

} // namespace

std::set<std::string> free_variables(const TemplateAst& ast) {
    FreeNames walk;
    walk.statements(ast.body);
    return std::move(walk.found);
}

} // namespace conclave::chat
