#pragma once
// Parser: tokens to the AST, following Jinja's grammar and operator precedence. Statements
// it knows: if/elif/else, for (with else, inline if filter, unpacking), set (also ns.x and
// block form), macro, call, filter, with, print, generation, break, continue. Nesting is
// limited (max_nesting) so a hostile template cannot overflow the stack while parsing.

#include "chat/ast.h"
#include "chat/lexer.h"

#include <cstddef>
#include <initializer_list>
#include <string_view>
#include <vector>

namespace conclave::chat {

// Throws TemplateError with the line of the offending token.
TemplateAst parse_template(std::string_view source);

class Parser {
public:
    static constexpr int max_nesting = 96;

    explicit Parser(std::vector<Token> tokens) : m_tokens(std::move(tokens)) {}
    TemplateAst parse();

    // Expressions (parser_expr.cpp).
    ExprPtr parse_tuple(bool simplified = false, bool with_condexpr = true,
                        std::initializer_list<std::string_view> extra_end = {},
                        bool explicit_parens = false);
    ExprPtr parse_expression(bool with_condexpr = true);
    ExprPtr parse_filter_chain(ExprPtr operand, bool start_inline);
    CallArgs parse_call_args();

private:
    // Token helpers.
    const Token& current() const { return m_tokens[m_pos]; }
    const Token& peek() const { return m_tokens[m_pos + 1 < m_tokens.size() ? m_pos + 1 : m_pos]; }
    const Token& advance();
    bool is_op(std::string_view op) const;
    bool is_name(std::string_view name) const;
    bool skip_op(std::string_view op);
    bool skip_name(std::string_view name);
    void expect_op(std::string_view op);
    const Token& expect(TokenType type, std::string_view what);
    [[noreturn]] void fail(const std::string& msg) const;
    [[noreturn]] void fail_at(const std::string& msg, int line) const;
    bool is_tuple_end(std::initializer_list<std::string_view> extra_end) const;
    void enter();
    void leave() { --m_depth; }

    // Statements (parser.cpp).
    StmtList subparse(std::initializer_list<std::string_view> end_tags, bool top_level);
    StmtList parse_body(std::initializer_list<std::string_view> end_tags, bool drop_end);
    std::unique_ptr<Stmt> parse_statement();
    std::unique_ptr<Stmt> parse_for();
    std::unique_ptr<Stmt> parse_if();
    std::unique_ptr<Stmt> parse_set();
    std::unique_ptr<Stmt> parse_macro();
    std::unique_ptr<Stmt> parse_call_block();
    std::unique_ptr<Stmt> parse_filter_block();
    std::unique_ptr<Stmt> parse_with();
    std::unique_ptr<Stmt> parse_scope_block(std::string_view end_tag);
    std::unique_ptr<Stmt> parse_loop_control(StmtKind kind);
    std::vector<MacroParam> parse_signature();
    Target parse_target(bool with_namespace, std::initializer_list<std::string_view> extra_end);
    Target expr_to_target(const Expr& e) const;

    // Expression levels (parser_expr.cpp).
    ExprPtr parse_condexpr();
    ExprPtr parse_or();
    ExprPtr parse_and();
    ExprPtr parse_not();
    ExprPtr parse_compare();
    ExprPtr parse_math1();
    ExprPtr parse_concat();
    ExprPtr parse_math2();
    ExprPtr parse_pow();
    ExprPtr parse_unary(bool with_filter);
    ExprPtr parse_primary(bool with_namespace = false);
    ExprPtr parse_list();
    ExprPtr parse_dict();
    ExprPtr parse_postfix(ExprPtr node);
    ExprPtr parse_filter_expr(ExprPtr node);
    ExprPtr parse_subscript(ExprPtr node);
    ExprPtr parse_subscribed();
    ExprPtr parse_call(ExprPtr node);
    ExprPtr parse_test(ExprPtr node);
    ExprPtr make(ExprKind kind, int line) const;

    std::vector<Token> m_tokens;
    std::size_t m_pos = 0;
    int m_depth = 0;
    int m_loop_depth = 0;
};

} // namespace conclave::chat
