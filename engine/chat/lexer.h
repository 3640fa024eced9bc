#pragma once
// Lexer: turns template source into tokens the way Jinja's lexer does with Hugging Face's
// settings (trim_blocks and lstrip_blocks on): text runs, {{ }} and {% %} delimiters, and
// the names, literals and operators inside them. Comments vanish; {% raw %} bodies become
// text. Whitespace control (-, +) is applied here, so the parser sees final text.

#include <string>
#include <string_view>
#include <vector>

namespace conclave::chat {

enum class TokenType {
    data,
    variable_begin,
    variable_end,
    block_begin,
    block_end,
    name,
    string,
    integer,
    floating,
    op,
    eof,
};

struct Token {
    TokenType type = TokenType::eof;
    std::string value; // text, name, operator spelling or decoded string literal
    int line = 1;
};

// Throws TemplateError (with the line) on an unterminated tag, comment, string or raw block.
std::vector<Token> tokenize(std::string_view source);

} // namespace conclave::chat
