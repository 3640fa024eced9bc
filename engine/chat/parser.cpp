#include "chat/parser.h"

#include "chat/template_error.h"

#include <algorithm>

namespace conclave::chat {

namespace {

// Restores the parser's loop depth when a macro body (which cannot break out of an outer
// loop) has been parsed.
struct LoopDepthReset {
    LoopDepthReset(int& depth) : m_depth(depth), m_saved(depth) { m_depth = 0; }
    ~LoopDepthReset() { m_depth = m_saved; }
    int& m_depth;
    int m_saved;
};

std::string describe(const Token& t) {
    switch (t.type) {
    case TokenType::data:
        return "template data";
    case TokenType::variable_begin:
        return "begin of print statement";
    case TokenType::variable_end:
        return "end of print statement";
    case TokenType::block_begin:
        return "begin of statement block";
    case TokenType::block_end:
        return "end of statement block";
    case TokenType::eof:
        return "end of template";
    default:
        return t.value;
    }
}

} // namespace

TemplateAst parse_template(std::string_view source) {
    return Parser(tokenize(source)).parse();
}

TemplateAst Parser::parse() {
    TemplateAst ast;
    ast.body = subparse({}, true);
    return ast;
}

const Token& Parser::advance() {
    const Token& t = m_tokens[m_pos];
    if (m_pos + 1 < m_tokens.size()) ++m_pos;
    return t;
}

bool Parser::is_op(std::string_view op) const {
    return current().type == TokenType::op && current().value == op;
}

bool Parser::is_name(std::string_view name) const {
    return current().type == TokenType::name && current().value == name;
}

bool Parser::skip_op(std::string_view op) {
    if (!is_op(op)) return false;
    advance();
    return true;
}

bool Parser::skip_name(std::string_view name) {
    if (!is_name(name)) return false;
    advance();
    return true;
}

void Parser::expect_op(std::string_view op) {
    if (!is_op(op)) {
        if (current().type == TokenType::eof)
            fail("unexpected end of template, expected '" + std::string(op) + "'");
        fail("expected token '" + std::string(op) + "', got '" + describe(current()) + "'");
    }
    advance();
}

const Token& Parser::expect(TokenType type, std::string_view what) {
    if (current().type != type) {
        if (current().type == TokenType::eof)
            fail("unexpected end of template, expected " + std::string(what));
        fail("expected " + std::string(what) + ", got '" + describe(current()) + "'");
    }
    return advance();
}

void Parser::fail(const std::string& msg) const {
    throw TemplateError(msg, current().line);
}

void Parser::fail_at(const std::string& msg, int line) const {
    throw TemplateError(msg, line);
}

void Parser::enter() {
    if (++m_depth > max_nesting) fail("template nests too deeply");
}

bool Parser::is_tuple_end(std::initializer_list<std::string_view> extra_end) const {
    const Token& t = current();
    if (t.type == TokenType::variable_end || t.type == TokenType::block_end || is_op(")"))
        return true;
    for (std::string_view name : extra_end)
        if (is_name(name)) return true;
    return false;
}

StmtList Parser::subparse(std::initializer_list<std::string_view> end_tags, bool top_level) {
    StmtList body;
    std::unique_ptr<Stmt> output;
    const auto flush = [&] {
        if (output) body.push_back(std::move(output));
    };
    while (current().type != TokenType::eof) {
        const Token& t = current();
        if (t.type == TokenType::data || t.type == TokenType::variable_begin) {
            if (!output) {
                output = std::make_unique<Stmt>();
                output->kind = StmtKind::output;
                output->line = t.line;
            }
            if (t.type == TokenType::data) {
                auto text = make(ExprKind::literal, t.line);
                text->value = Value(t.value);
                output->exprs.push_back(std::move(text));
                advance();
            } else {
                advance();
                output->exprs.push_back(parse_tuple());
                expect(TokenType::variable_end, "'}}'");
            }
            continue;
        }
        if (t.type != TokenType::block_begin) fail("unexpected '" + describe(t) + "'");
        flush();
        advance();
        for (std::string_view end : end_tags)
            if (is_name(end)) return body;
        body.push_back(parse_statement());
        expect(TokenType::block_end, "'%}'");
    }
    flush();
    if (!top_level) {
        std::string expected;
        for (std::string_view end : end_tags)
            expected += (expected.empty() ? "'" : " or '") + std::string(end) + "'";
        fail("unexpected end of template, expected " + expected);
    }
    return body;
}

StmtList Parser::parse_body(std::initializer_list<std::string_view> end_tags, bool drop_end) {
    skip_op(":");
    expect(TokenType::block_end, "'%}'");
    enter();
    StmtList body = subparse(end_tags, false);
    leave();
    if (drop_end) advance();
    return body;
}

std::unique_ptr<Stmt> Parser::parse_statement() {
    const Token& t = current();
    if (t.type != TokenType::name) fail("tag name expected");
    const std::string& tag = t.value;
    if (tag == "for") return parse_for();
    if (tag == "if") return parse_if();
    if (tag == "set") return parse_set();
    if (tag == "macro") return parse_macro();
    if (tag == "call") return parse_call_block();
    if (tag == "filter") return parse_filter_block();
    if (tag == "with") return parse_with();
    if (tag == "generation") return parse_scope_block("endgeneration");
    if (tag == "break") return parse_loop_control(StmtKind::break_loop);
    if (tag == "continue") return parse_loop_control(StmtKind::continue_loop);
    if (tag == "print") {
        auto stmt = std::make_unique<Stmt>();
        stmt->line = advance().line;
        while (current().type != TokenType::block_end) {
            if (!stmt->exprs.empty()) expect_op(",");
            stmt->exprs.push_back(parse_expression());
        }
        return stmt;
    }
    static constexpr std::string_view unsupported[] = {"extends", "include",    "import", "from",
                                                       "block",   "autoescape", "do"};
    if (std::find(std::begin(unsupported), std::end(unsupported), tag) != std::end(unsupported))
        fail("the '" + tag + "' tag is not supported in chat templates");
    fail("Encountered unknown tag '" + tag + "'.");
}

std::unique_ptr<Stmt> Parser::parse_loop_control(StmtKind kind) {
    auto stmt = std::make_unique<Stmt>();
    stmt->kind = kind;
    stmt->line = current().line;
    if (m_loop_depth == 0) fail("'" + current().value + "' outside of a loop");
    advance();
    return stmt;
}

std::unique_ptr<Stmt> Parser::parse_for() {
    auto stmt = std::make_unique<Stmt>();
    stmt->kind = StmtKind::for_loop;
    stmt->line = advance().line;
    stmt->target = parse_target(false, {"in"});
    if (!skip_name("in")) fail("expected 'in' in for loop");
    stmt->exprs.push_back(parse_tuple(false, false, {"recursive"}));
    stmt->exprs.push_back(skip_name("if") ? parse_expression() : nullptr);
    if (is_name("recursive")) fail("recursive for loops are not supported");
    ++m_loop_depth;
    stmt->bodies.push_back(parse_body({"endfor", "else"}, false));
    --m_loop_depth;
    if (advance().value == "else") stmt->bodies.push_back(parse_body({"endfor"}, true));
    return stmt;
}

std::unique_ptr<Stmt> Parser::parse_if() {
    auto stmt = std::make_unique<Stmt>();
    stmt->kind = StmtKind::if_chain;
    stmt->line = advance().line;
    while (true) {
        stmt->conditions.push_back(parse_tuple(false, false));
        stmt->bodies.push_back(parse_body({"elif", "else", "endif"}, false));
        const std::string tag = advance().value;
        if (tag == "elif") continue;
        if (tag == "else") stmt->bodies.push_back(parse_body({"endif"}, true));
        return stmt;
    }
}

std::unique_ptr<Stmt> Parser::parse_set() {
    auto stmt = std::make_unique<Stmt>();
    stmt->line = advance().line;
    stmt->target = parse_target(true, {});
    if (skip_op("=")) {
        stmt->kind = StmtKind::set;
        stmt->exprs.push_back(parse_tuple());
        return stmt;
    }
    stmt->kind = StmtKind::set_block;
    stmt->exprs.push_back(is_op("|") ? parse_filter_chain(nullptr, false) : nullptr);
    stmt->bodies.push_back(parse_body({"endset"}, true));
    return stmt;
}

std::vector<MacroParam> Parser::parse_signature() {
    std::vector<MacroParam> params;
    expect_op("(");
    while (!is_op(")")) {
        if (!params.empty()) expect_op(",");
        MacroParam param;
        param.name = expect(TokenType::name, "a parameter name").value;
        if (skip_op("="))
            param.default_value = parse_expression();
        else if (!params.empty() && params.back().default_value)
            fail("non-default argument follows default argument");
        params.push_back(std::move(param));
    }
    expect_op(")");
    return params;
}

std::unique_ptr<Stmt> Parser::parse_macro() {
    auto stmt = std::make_unique<Stmt>();
    stmt->kind = StmtKind::macro;
    stmt->line = advance().line;
    stmt->name = expect(TokenType::name, "a macro name").value;
    stmt->params = parse_signature();
    LoopDepthReset reset(m_loop_depth);
    stmt->bodies.push_back(parse_body({"endmacro"}, true));
    return stmt;
}

std::unique_ptr<Stmt> Parser::parse_call_block() {
    auto stmt = std::make_unique<Stmt>();
    stmt->kind = StmtKind::call_block;
    stmt->line = advance().line;
    if (is_op("(")) stmt->params = parse_signature();
    ExprPtr call = parse_expression();
    if (call->kind != ExprKind::call) fail_at("expected call", stmt->line);
    stmt->exprs.push_back(std::move(call));
    LoopDepthReset reset(m_loop_depth);
    stmt->bodies.push_back(parse_body({"endcall"}, true));
    return stmt;
}

std::unique_ptr<Stmt> Parser::parse_filter_block() {
    auto stmt = std::make_unique<Stmt>();
    stmt->kind = StmtKind::filter_block;
    stmt->line = advance().line;
    stmt->exprs.push_back(parse_filter_chain(nullptr, true));
    stmt->bodies.push_back(parse_body({"endfilter"}, true));
    return stmt;
}

std::unique_ptr<Stmt> Parser::parse_with() {
    auto stmt = std::make_unique<Stmt>();
    stmt->kind = StmtKind::scope;
    stmt->line = advance().line;
    while (current().type != TokenType::block_end) {
        if (!stmt->with_assignments.empty()) expect_op(",");
        Target target = parse_target(false, {});
        expect_op("=");
        stmt->with_assignments.emplace_back(std::move(target), parse_expression());
    }
    stmt->bodies.push_back(parse_body({"endwith"}, true));
    return stmt;
}

std::unique_ptr<Stmt> Parser::parse_scope_block(std::string_view end_tag) {
    auto stmt = std::make_unique<Stmt>();
    stmt->kind = StmtKind::scope;
    stmt->line = advance().line;
    stmt->name = "generation";
    stmt->bodies.push_back(parse_body({end_tag}, true));
    return stmt;
}

Target Parser::parse_target(bool with_namespace,
                            std::initializer_list<std::string_view> extra_end) {
    const int line = current().line;
    Target target;
    std::vector<Target> items;
    bool is_tuple = false;
    while (true) {
        if (!items.empty()) expect_op(",");
        if (is_tuple_end(extra_end) || is_op("=")) break;
        ExprPtr primary = parse_primary(with_namespace);
        items.push_back(expr_to_target(*primary));
        if (!is_op(",")) break;
        is_tuple = true;
    }
    if (items.empty()) fail_at("expected an assignment target", line);
    if (!is_tuple) return std::move(items.front());
    target.kind = Target::Kind::tuple;
    target.items = std::move(items);
    return target;
}

Target Parser::expr_to_target(const Expr& e) const {
    Target target;
    if (e.kind == ExprKind::name) {
        if (e.name == "true" || e.name == "false" || e.name == "none" || e.name == "True" ||
            e.name == "False" || e.name == "None")
            fail_at("can't assign to '" + e.name + "'", e.line);
        target.name = e.name;
        return target;
    }
    if (e.kind == ExprKind::getattr && e.items[0]->kind == ExprKind::name) {
        target.kind = Target::Kind::attribute;
        target.name = e.items[0]->name;
        target.attribute = e.name;
        return target;
    }
    if (e.kind == ExprKind::tuple) {
        target.kind = Target::Kind::tuple;
        for (const ExprPtr& item : e.items) target.items.push_back(expr_to_target(*item));
        return target;
    }
    fail_at("can't assign to this expression", e.line);
}

} // namespace conclave::chat
