#pragma once
// The parsed template: expression and statement nodes. Owned by ChatTemplate's parsed form
// and read-only while rendering, so one parsed template can render on several threads.
// Every node keeps the template line it came from for error messages.

#include "chat/value.h"

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace conclave::chat {

struct Expr;
struct Stmt;
using ExprPtr = std::unique_ptr<Expr>;
using StmtList = std::vector<std::unique_ptr<Stmt>>;

enum class ExprKind {
    literal, // value
    name,    // name
    list,    // items
    tuple,   // items
    dict,    // items: key, value, key, value...
    getattr, // items[0] . name
    getitem, // items[0] [ items[1] ]
    slice,   // items[0..2] (nullptr where omitted)
    call,    // items[0] ( args )
    filter,  // items[0] (may be null in filter blocks) | name ( args )
    test,    // items[0] is name ( args )
    negate,  // - items[0]
    plus,    // + items[0]
    logical_not,
    logical_and,
    logical_or,
    binary,    // items[0] op items[1]
    compare,   // items[0] ops[i] items[i + 1] ...
    concat,    // items joined with ~
    condition, // items[1] if items[0] else items[2] (may be null)
};

enum class BinaryOp { add, sub, mul, div, floordiv, mod, pow };
enum class CompareOp { eq, ne, lt, le, gt, ge, in, not_in };

struct CallArgs {
    std::vector<ExprPtr> positional;
    std::vector<std::pair<std::string, ExprPtr>> named;
    ExprPtr star_args;   // *args
    ExprPtr star_kwargs; // **kwargs
};

struct Expr {
    ExprKind kind = ExprKind::literal;
    int line = 1;
    Value value;
    std::string name;
    std::vector<ExprPtr> items;
    CallArgs args;
    BinaryOp op = BinaryOp::add;
    std::vector<CompareOp> compare_ops;
};

// Left side of set and for: a name, a tuple of targets, or namespace attribute (ns.x).
struct Target {
    enum class Kind { name, tuple, attribute };
    Kind kind = Kind::name;
    std::string name;
    std::string attribute;
    std::vector<Target> items;
};

struct MacroParam {
    std::string name;
    ExprPtr default_value; // null: required
};

enum class StmtKind {
    output,       // exprs: text literals and {{ }} expressions
    if_chain,     // conditions[i] guards bodies[i]; bodies.back() is else when longer
    for_loop,     // target in exprs[0] if exprs[1]: bodies[0] else bodies[1]
    set,          // target = exprs[0]
    set_block,    // target = body bodies[0], filtered by exprs[0] (may be null)
    macro,        // name(params): bodies[0]
    call_block,   // exprs[0] is the call; params for caller; bodies[0]
    filter_block, // exprs[0] filter chain with a null innermost operand; bodies[0]
    scope,        // generation and with bodies: bodies[0]
    break_loop,
    continue_loop,
};

struct Stmt {
    StmtKind kind = StmtKind::output;
    int line = 1;
    std::vector<ExprPtr> exprs;
    std::vector<ExprPtr> conditions;
    std::vector<StmtList> bodies;
    Target target;
    std::string name;
    std::vector<MacroParam> params;
    std::vector<std::pair<Target, ExprPtr>> with_assignments; // {% with a = 1 %}
};

struct TemplateAst {
    StmtList body;
};

} // namespace conclave::chat
