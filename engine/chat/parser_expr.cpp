// Expression grammar, lowest to highest precedence, as Jinja defines it:
// condexpr > or > and > not > compare > + - > ~ > * / // % > ** > unary - + > postfix
// (.attr [item] (call)) > filters and tests. ** is left-associative in Jinja.

#include "chat/parser.h"
#include "chat/template_error.h"

#include <cerrno>
#include <cstdlib>

namespace conclave::chat {

namespace {

// Balances Parser::enter/leave around a recursive descent step.
class NestingGuard {
public:
    NestingGuard(int& depth, int line) : m_depth(depth) {
        if (++m_depth > Parser::max_nesting)
            throw TemplateError("expression nests too deeply", line);
    }
    ~NestingGuard() { --m_depth; }
    NestingGuard(const NestingGuard&) = delete;
    NestingGuard& operator=(const NestingGuard&) = delete;

private:
    int& m_depth;
};

Value parse_integer(const std::string& text, int line) {
    int base = 10;
    std::string digits = text;
    if (text.size() > 2 && text[0] == '0') {
        const char p = static_cast<char>(text[1] | 0x20);
        base = p == 'x' ? 16 : (p == 'o' ? 8 : (p == 'b' ? 2 : 10));
        if (base != 10) digits = text.substr(2);
    }
    errno = 0;
    char* end = nullptr;
    const long long v = std::strtoll(digits.c_str(), &end, base);
    if (errno == ERANGE || !end || *end != '\0')
        throw TemplateError("integer literal out of range: " + text, line);
    return Value(static_cast<std::int64_t>(v));
}

} // namespace

ExprPtr Parser::make(ExprKind kind, int line) const {
    auto e = std::make_unique<Expr>();
    e->kind = kind;
    e->line = line;
    return e;
}

ExprPtr Parser::parse_expression(bool with_condexpr) {
    NestingGuard guard(m_depth, current().line);
    return with_condexpr ? parse_condexpr() : parse_or();
}

ExprPtr Parser::parse_condexpr() {
    int line = current().line;
    ExprPtr expr = parse_or();
    while (skip_name("if")) {
        auto cond = make(ExprKind::condition, line);
        cond->items.push_back(parse_or());
        cond->items.push_back(std::move(expr));
        cond->items.push_back(skip_name("else") ? parse_condexpr() : nullptr);
        expr = std::move(cond);
        line = current().line;
    }
    return expr;
}

ExprPtr Parser::parse_or() {
    ExprPtr left = parse_and();
    while (is_name("or")) {
        auto node = make(ExprKind::logical_or, advance().line);
        node->items.push_back(std::move(left));
        node->items.push_back(parse_and());
        left = std::move(node);
    }
    return left;
}

ExprPtr Parser::parse_and() {
    ExprPtr left = parse_not();
    while (is_name("and")) {
        auto node = make(ExprKind::logical_and, advance().line);
        node->items.push_back(std::move(left));
        node->items.push_back(parse_not());
        left = std::move(node);
    }
    return left;
}

ExprPtr Parser::parse_not() {
    if (!is_name("not")) return parse_compare();
    NestingGuard guard(m_depth, current().line);
    auto node = make(ExprKind::logical_not, advance().line);
    node->items.push_back(parse_not());
    return node;
}

ExprPtr Parser::parse_compare() {
    const int line = current().line;
    ExprPtr first = parse_math1();
    ExprPtr node;
    while (true) {
        CompareOp op;
        if (is_op("=="))
            op = CompareOp::eq;
        else if (is_op("!="))
            op = CompareOp::ne;
        else if (is_op("<"))
            op = CompareOp::lt;
        else if (is_op("<="))
            op = CompareOp::le;
        else if (is_op(">"))
            op = CompareOp::gt;
        else if (is_op(">="))
            op = CompareOp::ge;
        else if (is_name("in"))
            op = CompareOp::in;
        else if (is_name("not") && peek().type == TokenType::name && peek().value == "in") {
            advance();
            op = CompareOp::not_in;
        } else
            break;
        advance();
        if (!node) {
            node = make(ExprKind::compare, line);
            node->items.push_back(std::move(first));
        }
        node->compare_ops.push_back(op);
        node->items.push_back(parse_math1());
    }
    return node ? std::move(node) : std::move(first);
}

ExprPtr Parser::parse_math1() {
    ExprPtr left = parse_concat();
    while (is_op("+") || is_op("-")) {
        auto node = make(ExprKind::binary, current().line);
        node->op = current().value == "+" ? BinaryOp::add : BinaryOp::sub;
        advance();
        node->items.push_back(std::move(left));
        node->items.push_back(parse_concat());
        left = std::move(node);
    }
    return left;
}

ExprPtr Parser::parse_concat() {
    const int line = current().line;
    ExprPtr first = parse_math2();
    if (!is_op("~")) return first;
    auto node = make(ExprKind::concat, line);
    node->items.push_back(std::move(first));
    while (skip_op("~")) node->items.push_back(parse_math2());
    return node;
}

ExprPtr Parser::parse_math2() {
    ExprPtr left = parse_pow();
    while (is_op("*") || is_op("/") || is_op("//") || is_op("%")) {
        auto node = make(ExprKind::binary, current().line);
        const std::string& op = current().value;
        node->op = op == "*"    ? BinaryOp::mul
                   : op == "/"  ? BinaryOp::div
                   : op == "//" ? BinaryOp::floordiv
                                : BinaryOp::mod;
        advance();
        node->items.push_back(std::move(left));
        node->items.push_back(parse_pow());
        left = std::move(node);
    }
    return left;
}

ExprPtr Parser::parse_pow() {
    ExprPtr left = parse_unary(true);
    while (is_op("**")) {
        auto node = make(ExprKind::binary, advance().line);
        node->op = BinaryOp::pow;
        node->items.push_back(std::move(left));
        node->items.push_back(parse_unary(true));
        left = std::move(node);
    }
    return left;
}

ExprPtr Parser::parse_unary(bool with_filter) {
    NestingGuard guard(m_depth, current().line);
    ExprPtr node;
    if (is_op("-") || is_op("+")) {
        const ExprKind kind = is_op("-") ? ExprKind::negate : ExprKind::plus;
        node = make(kind, advance().line);
        node->items.push_back(parse_unary(false));
    } else {
        node = parse_primary();
    }
    node = parse_postfix(std::move(node));
    if (with_filter) node = parse_filter_expr(std::move(node));
    return node;
}

ExprPtr Parser::parse_primary(bool with_namespace) {
    const Token& t = current();
    const int line = t.line;
    if (t.type == TokenType::name) {
        const std::string name = advance().value;
        auto node = make(ExprKind::literal, line);
        if (name == "true" || name == "True")
            node->value = Value(true);
        else if (name == "false" || name == "False")
            node->value = Value(false);
        else if (name == "none" || name == "None")
            node->value = Value::none();
        else if (with_namespace && is_op(".")) {
            advance();
            node->kind = ExprKind::getattr;
            node->name = expect(TokenType::name, "an attribute name").value;
            auto base = make(ExprKind::name, line);
            base->name = name;
            node->items.push_back(std::move(base));
        } else {
            node->kind = ExprKind::name;
            node->name = name;
        }
        return node;
    }
    if (t.type == TokenType::string) {
        std::string text;
        while (current().type == TokenType::string) text += advance().value;
        auto node = make(ExprKind::literal, line);
        node->value = Value(std::move(text));
        return node;
    }
    if (t.type == TokenType::integer || t.type == TokenType::floating) {
        auto node = make(ExprKind::literal, line);
        const std::string text = advance().value;
        node->value = t.type == TokenType::integer ? parse_integer(text, line)
                                                   : Value(std::strtod(text.c_str(), nullptr));
        return node;
    }
    if (is_op("(")) {
        advance();
        ExprPtr node = parse_tuple(false, true, {}, true);
        expect_op(")");
        return node;
    }
    if (is_op("[")) return parse_list();
    if (is_op("{")) return parse_dict();
    if (t.type == TokenType::eof) fail("unexpected end of template");
    fail("unexpected '" + (t.value.empty() ? std::string("end of tag") : t.value) + "'");
}

ExprPtr Parser::parse_tuple(bool simplified, bool with_condexpr,
                            std::initializer_list<std::string_view> extra_end,
                            bool explicit_parens) {
    const int line = current().line;
    std::vector<ExprPtr> items;
    bool is_tuple = false;
    while (true) {
        if (!items.empty()) expect_op(",");
        if (is_tuple_end(extra_end)) break;
        items.push_back(simplified ? parse_primary() : parse_expression(with_condexpr));
        if (is_op(","))
            is_tuple = true;
        else
            break;
    }
    if (!is_tuple) {
        if (!items.empty()) return std::move(items.front());
        if (!explicit_parens) fail("Expected an expression, got '" + current().value + "'");
    }
    auto node = make(ExprKind::tuple, line);
    node->items = std::move(items);
    return node;
}

ExprPtr Parser::parse_list() {
    auto node = make(ExprKind::list, advance().line);
    while (!is_op("]")) {
        if (!node->items.empty()) expect_op(",");
        if (is_op("]")) break;
        node->items.push_back(parse_expression());
    }
    expect_op("]");
    return node;
}

ExprPtr Parser::parse_dict() {
    auto node = make(ExprKind::dict, advance().line);
    while (!is_op("}")) {
        if (!node->items.empty()) expect_op(",");
        if (is_op("}")) break;
        node->items.push_back(parse_expression());
        expect_op(":");
        node->items.push_back(parse_expression());
    }
    expect_op("}");
    return node;
}

ExprPtr Parser::parse_postfix(ExprPtr node) {
    while (true) {
        if (is_op(".") || is_op("["))
            node = parse_subscript(std::move(node));
        else if (is_op("("))
            node = parse_call(std::move(node));
        else
            return node;
    }
}

ExprPtr Parser::parse_filter_expr(ExprPtr node) {
    while (true) {
        if (is_op("|"))
            node = parse_filter_chain(std::move(node), false);
        else if (is_name("is"))
            node = parse_test(std::move(node));
        else if (is_op("("))
            node = parse_call(std::move(node));
        else
            return node;
    }
}

ExprPtr Parser::parse_subscript(ExprPtr node) {
    NestingGuard guard(m_depth, current().line);
    const Token& t = advance();
    const int line = t.line;
    if (t.value == ".") {
        const Token& attr = advance();
        if (attr.type == TokenType::name) {
            auto get = make(ExprKind::getattr, line);
            get->name = attr.value;
            get->items.push_back(std::move(node));
            return get;
        }
        if (attr.type != TokenType::integer) fail_at("expected name or number", attr.line);
        auto get = make(ExprKind::getitem, line);
        auto index = make(ExprKind::literal, attr.line);
        index->value = parse_integer(attr.value, attr.line);
        get->items.push_back(std::move(node));
        get->items.push_back(std::move(index));
        return get;
    }
    std::vector<ExprPtr> args;
    while (!is_op("]")) {
        if (!args.empty()) expect_op(",");
        args.push_back(parse_subscribed());
    }
    expect_op("]");
    auto get = make(ExprKind::getitem, line);
    get->items.push_back(std::move(node));
    if (args.size() == 1) {
        get->items.push_back(std::move(args.front()));
    } else {
        auto tuple = make(ExprKind::tuple, line);
        tuple->items = std::move(args);
        get->items.push_back(std::move(tuple));
    }
    return get;
}

ExprPtr Parser::parse_subscribed() {
    const int line = current().line;
    ExprPtr start;
    if (!is_op(":")) {
        start = parse_expression();
        if (!is_op(":")) return start;
    }
    advance();
    auto slice = make(ExprKind::slice, line);
    slice->items.push_back(std::move(start));
    slice->items.push_back(is_op(":") || is_op("]") || is_op(",") ? nullptr : parse_expression());
    if (skip_op(":"))
        slice->items.push_back(is_op("]") || is_op(",") ? nullptr : parse_expression());
    else
        slice->items.push_back(nullptr);
    return slice;
}

CallArgs Parser::parse_call_args() {
    const int line = current().line;
    expect_op("(");
    CallArgs args;
    bool need_comma = false;
    const auto ensure = [&](bool ok) {
        if (!ok) fail_at("invalid syntax for function call expression", line);
    };
    while (!is_op(")")) {
        if (need_comma) {
            expect_op(",");
            if (is_op(")")) break;
        }
        if (skip_op("*")) {
            ensure(!args.star_args && !args.star_kwargs);
            args.star_args = parse_expression();
        } else if (skip_op("**")) {
            ensure(!args.star_kwargs);
            args.star_kwargs = parse_expression();
        } else if (current().type == TokenType::name && peek().type == TokenType::op &&
                   peek().value == "=") {
            ensure(!args.star_kwargs);
            std::string key = advance().value;
            advance();
            args.named.emplace_back(std::move(key), parse_expression());
        } else {
            ensure(!args.star_args && !args.star_kwargs && args.named.empty());
            args.positional.push_back(parse_expression());
        }
        need_comma = true;
    }
    expect_op(")");
    return args;
}

ExprPtr Parser::parse_call(ExprPtr node) {
    auto call = make(ExprKind::call, current().line);
    call->args = parse_call_args();
    call->items.push_back(std::move(node));
    return call;
}

ExprPtr Parser::parse_filter_chain(ExprPtr operand, bool start_inline) {
    while (is_op("|") || start_inline) {
        if (!start_inline) advance();
        start_inline = false;
        const Token& name_token = expect(TokenType::name, "a filter name");
        auto filter = make(ExprKind::filter, name_token.line);
        filter->name = name_token.value;
        while (skip_op(".")) filter->name += "." + expect(TokenType::name, "a name").value;
        if (is_op("(")) filter->args = parse_call_args();
        filter->items.push_back(std::move(operand));
        operand = std::move(filter);
    }
    return operand;
}

ExprPtr Parser::parse_test(ExprPtr node) {
    const int line = advance().line;
    const bool negated = skip_name("not");
    auto test = make(ExprKind::test, line);
    test->name = expect(TokenType::name, "a test name").value;
    while (skip_op(".")) test->name += "." + expect(TokenType::name, "a name").value;
    const Token& t = current();
    if (is_op("(")) {
        test->args = parse_call_args();
    } else if ((t.type == TokenType::name || t.type == TokenType::string ||
                t.type == TokenType::integer || t.type == TokenType::floating || is_op("[") ||
                is_op("{")) &&
               !is_name("else") && !is_name("or") && !is_name("and")) {
        if (is_name("is")) fail("You cannot chain multiple tests with is");
        test->args.positional.push_back(parse_postfix(parse_primary()));
    }
    test->items.push_back(std::move(node));
    if (!negated) return test;
    auto negation = make(ExprKind::logical_not, line);
    negation->items.push_back(std::move(test));
    return negation;
}

} // namespace conclave::chat
