#include "chat/lexer.h"

#include "chat/template_error.h"
#include "chat/utf8.h"

#include <algorithm>
#include <cctype>

namespace conclave::chat {

namespace {

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

bool is_name_start(std::string_view s, std::size_t pos) {
    const char c = s[pos];
    if (c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
    if (static_cast<unsigned char>(c) < 0x80) return false;
    std::size_t p = pos;
    return utf8::is_alpha(utf8::decode_next(s, p));
}

// Jinja normalizes \r\n and \r to \n and drops one trailing newline (keep_trailing_newline
// is off).
std::string normalize_newlines(std::string_view source) {
    std::string out;
    out.reserve(source.size());
    for (std::size_t i = 0; i < source.size(); ++i) {
        if (source[i] == '\r') {
            out += '\n';
            if (i + 1 < source.size() && source[i + 1] == '\n') ++i;
        } else {
            out += source[i];
        }
    }
    if (!out.empty() && out.back() == '\n') out.pop_back();
    return out;
}

int count_newlines(std::string_view s) {
    return static_cast<int>(std::count(s.begin(), s.end(), '\n'));
}

// Length of the run of Python whitespace starting at pos.
std::size_t whitespace_run(std::string_view s, std::size_t pos) {
    std::size_t p = pos;
    while (p < s.size()) {
        std::size_t next = p;
        if (!utf8::is_space(utf8::decode_next(s, next))) break;
        p = next;
    }
    return p - pos;
}

bool all_whitespace(std::string_view s) {
    return !s.empty() && whitespace_run(s, 0) == s.size();
}

class Lexer {
public:
    explicit Lexer(std::string_view source) : m_src(normalize_newlines(source)) {}

    std::vector<Token> run() {
        while (m_pos < m_src.size()) root();
        m_tokens.push_back(Token{TokenType::eof, "", m_line});
        return std::move(m_tokens);
    }

private:
    enum class TagKind { block, variable, comment, raw };

    [[noreturn]] void fail(const std::string& msg) const { throw TemplateError(msg, m_line); }

    void emit(TokenType type, std::string value, int line) {
        m_tokens.push_back(Token{type, std::move(value), line});
    }

    // Finds the next tag start at or after m_pos; returns npos when only text remains.
    std::size_t next_tag(TagKind& kind) const {
        std::size_t p = m_pos;
        while ((p = m_src.find('{', p)) != std::string::npos && p + 1 < m_src.size()) {
            const char c = m_src[p + 1];
            if (c == '%') {
                kind = is_raw_begin(p) ? TagKind::raw : TagKind::block;
                return p;
            }
            if (c == '{') {
                kind = TagKind::variable;
                return p;
            }
            if (c == '#') {
                kind = TagKind::comment;
                return p;
            }
            ++p;
        }
        return std::string::npos;
    }

    // `{% raw %}` with optional - or + signs; on success m_raw_end is where the body starts.
    bool is_raw_begin(std::size_t p) const {
        std::size_t q = p + 2;
        if (q < m_src.size() && (m_src[q] == '-' || m_src[q] == '+')) ++q;
        q += whitespace_run(m_src, q);
        if (m_src.compare(q, 3, "raw") != 0) return false;
        q += 3;
        q += whitespace_run(m_src, q);
        return m_src.compare(q, 2, "%}") == 0 || m_src.compare(q, 3, "-%}") == 0;
    }

    // Applies '-' (strip all whitespace before) or lstrip_blocks to the text before a tag.
    std::string_view strip_before(std::string_view text, char sign, bool lstrip_applies) const {
        if (sign == '-') return utf8_rstrip(text);
        if (sign == '+' || !lstrip_applies) return text;
        const std::size_t nl = text.rfind('\n');
        const std::size_t line_pos = nl == std::string_view::npos ? 0 : nl + 1;
        if ((line_pos > 0 || m_line_starting) && all_whitespace(text.substr(line_pos)))
            return text.substr(0, line_pos);
        return text;
    }

    static std::string_view utf8_rstrip(std::string_view text) {
        std::size_t end = text.size();
        while (end > 0) {
            std::size_t start = end - 1;
            while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
            std::size_t probe = start;
            if (!utf8::is_space(utf8::decode_next(text, probe))) break;
            end = start;
        }
        return text.substr(0, end);
    }

    void root() {
        TagKind kind = TagKind::block;
        const std::size_t tag = next_tag(kind);
        if (tag == std::string::npos) {
            emit(TokenType::data, m_src.substr(m_pos), m_line);
            m_pos = m_src.size();
            return;
        }
        const std::string_view text = std::string_view(m_src).substr(m_pos, tag - m_pos);
        const char sign = tag + 2 < m_src.size() ? m_src[tag + 2] : '\0';
        const std::string_view kept = strip_before(text, sign, kind != TagKind::variable);
        if (!kept.empty()) emit(TokenType::data, std::string(kept), m_line);
        m_line += count_newlines(text);
        m_pos = tag + 2 + ((sign == '-' || sign == '+') ? 1 : 0);
        m_line_starting = false;
        switch (kind) {
        case TagKind::variable:
            tag_body(TokenType::variable_begin);
            break;
        case TagKind::block:
            tag_body(TokenType::block_begin);
            break;
        case TagKind::comment:
            comment();
            break;
        case TagKind::raw:
            raw();
            break;
        }
    }

    // Matches a tag end at m_pos: "+%}", "-%}" plus all whitespace, or "%}" plus one newline
    // (trim_blocks; not for "}}").
    bool tag_end(std::string_view close, bool trim_newline) {
        const std::size_t start = m_pos;
        if (m_src.compare(m_pos, 1, "+") == 0 && close != "}}" &&
            m_src.compare(m_pos + 1, close.size(), close) == 0) {
            m_pos += 1 + close.size();
        } else if (m_src.compare(m_pos, 1, "-") == 0 &&
                   m_src.compare(m_pos + 1, close.size(), close) == 0) {
            m_pos += 1 + close.size();
            m_pos += whitespace_run(m_src, m_pos);
        } else if (m_src.compare(m_pos, close.size(), close) == 0) {
            m_pos += close.size();
            if (trim_newline && m_pos < m_src.size() && m_src[m_pos] == '\n') ++m_pos;
        } else {
            return false;
        }
        const std::string_view matched = std::string_view(m_src).substr(start, m_pos - start);
        m_line += count_newlines(matched);
        m_line_starting = !matched.empty() && matched.back() == '\n';
        return true;
    }

    void tag_body(TokenType begin) {
        const bool is_block = begin == TokenType::block_begin;
        emit(begin, "", m_line);
        const int begin_line = m_line;
        std::vector<char> brackets;
        while (true) {
            const std::size_t ws = whitespace_run(m_src, m_pos);
            m_line += count_newlines(std::string_view(m_src).substr(m_pos, ws));
            m_pos += ws;
            if (m_pos >= m_src.size())
                throw TemplateError(is_block ? "unexpected end of template, expected '%}'"
                                             : "unexpected end of template, expected '}}'",
                                    begin_line);
            if (brackets.empty() && tag_end(is_block ? "%}" : "}}", is_block)) {
                emit(is_block ? TokenType::block_end : TokenType::variable_end, "", m_line);
                return;
            }
            inner_token(brackets);
        }
    }

    void inner_token(std::vector<char>& brackets) {
        const char c = m_src[m_pos];
        if (is_digit(c)) return number();
        if (is_name_start(m_src, m_pos)) return name();
        if (c == '\'' || c == '"') return string_literal();
        operator_token(brackets);
    }

    void number() {
        const std::size_t start = m_pos;
        const auto digits = [&] {
            while (m_pos < m_src.size() && (is_digit(m_src[m_pos]) || m_src[m_pos] == '_')) ++m_pos;
        };
        if (m_src[m_pos] == '0' && m_pos + 1 < m_src.size() &&
            std::string_view("xXoObB").find(m_src[m_pos + 1]) != std::string_view::npos) {
            m_pos += 2;
            while (m_pos < m_src.size() &&
                   (std::isxdigit(static_cast<unsigned char>(m_src[m_pos])) || m_src[m_pos] == '_'))
                ++m_pos;
            emit(TokenType::integer, m_src.substr(start, m_pos - start), m_line);
            return;
        }
        digits();
        bool is_float = false;
        // Jinja reads "x.0.1" as two item lookups, not "x" and the float 0.1.
        const bool after_dot = start > 0 && m_src[start - 1] == '.';
        if (!after_dot && m_pos + 1 < m_src.size() && m_src[m_pos] == '.' &&
            is_digit(m_src[m_pos + 1])) {
            ++m_pos;
            digits();
            is_float = true;
        }
        if (m_pos < m_src.size() && (m_src[m_pos] == 'e' || m_src[m_pos] == 'E')) {
            std::size_t q = m_pos + 1;
            if (q < m_src.size() && (m_src[q] == '+' || m_src[q] == '-')) ++q;
            if (q < m_src.size() && is_digit(m_src[q])) {
                m_pos = q;
                digits();
                is_float = true;
            }
        }
        std::string text = m_src.substr(start, m_pos - start);
        text.erase(std::remove(text.begin(), text.end(), '_'), text.end());
        emit(is_float ? TokenType::floating : TokenType::integer, std::move(text), m_line);
    }

    void name() {
        const std::size_t start = m_pos;
        while (m_pos < m_src.size()) {
            const char c = m_src[m_pos];
            if (c == '_' || is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                ++m_pos;
                continue;
            }
            if (static_cast<unsigned char>(c) < 0x80) break;
            std::size_t next = m_pos;
            const char32_t cp = utf8::decode_next(m_src, next);
            if (!utf8::is_alpha(cp)) break;
            m_pos = next;
        }
        emit(TokenType::name, m_src.substr(start, m_pos - start), m_line);
    }

    void string_literal();
    void operator_token(std::vector<char>& brackets);
    void comment();
    void raw();

    std::string m_src;
    std::size_t m_pos = 0;
    int m_line = 1;
    bool m_line_starting = true;
    std::vector<Token> m_tokens;
};

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Decodes Python's escapes (unicode-escape codec) in the body of a string literal.
std::string unescape(std::string_view body, int line) {
    std::string out;
    std::size_t i = 0;
    while (i < body.size()) {
        const char c = body[i++];
        if (c != '\\' || i >= body.size()) {
            out += c;
            continue;
        }
        const char e = body[i++];
        switch (e) {
        case '\n':
            break;
        case '\\':
            out += '\\';
            break;
        case '\'':
            out += '\'';
            break;
        case '"':
            out += '"';
            break;
        case 'a':
            out += '\a';
            break;
        case 'b':
            out += '\b';
            break;
        case 'f':
            out += '\f';
            break;
        case 'n':
            out += '\n';
            break;
        case 'r':
            out += '\r';
            break;
        case 't':
            out += '\t';
            break;
        case 'v':
            out += '\v';
            break;
        case 'x':
        case 'u':
        case 'U': {
            const std::size_t n = e == 'x' ? 2 : (e == 'u' ? 4 : 8);
            char32_t cp = 0;
            for (std::size_t k = 0; k < n; ++k) {
                const int h = i + k < body.size() ? hex_value(body[i + k]) : -1;
                if (h < 0)
                    throw TemplateError("truncated \\" + std::string(1, e) + " escape", line);
                cp = cp * 16 + static_cast<char32_t>(h);
            }
            i += n;
            utf8::append(out, cp);
            break;
        }
        default:
            if (e >= '0' && e <= '7') {
                char32_t cp = static_cast<char32_t>(e - '0');
                for (int k = 0; k < 2 && i < body.size() && body[i] >= '0' && body[i] <= '7'; ++k)
                    cp = cp * 8 + static_cast<char32_t>(body[i++] - '0');
                utf8::append(out, cp);
            } else {
                out += '\\';
                out += e;
            }
        }
    }
    return out;
}

void Lexer::string_literal() {
    const char quote = m_src[m_pos];
    const int line = m_line;
    std::size_t p = m_pos + 1;
    while (p < m_src.size() && m_src[p] != quote) p += (m_src[p] == '\\') ? 2 : 1;
    if (p >= m_src.size()) throw TemplateError("unterminated string literal", line);
    const std::string_view body = std::string_view(m_src).substr(m_pos + 1, p - m_pos - 1);
    m_line += count_newlines(body);
    m_pos = p + 1;
    emit(TokenType::string, unescape(body, line), line);
}

void Lexer::operator_token(std::vector<char>& brackets) {
    static constexpr std::string_view two_char[] = {"//", "**", "==", "!=", ">=", "<="};
    for (std::string_view op : two_char) {
        if (m_src.compare(m_pos, 2, op) == 0) {
            emit(TokenType::op, std::string(op), m_line);
            m_pos += 2;
            return;
        }
    }
    const char c = m_src[m_pos];
    if (std::string_view("+-/*%~[](){}><=.:|,;").find(c) == std::string_view::npos) {
        std::size_t p = m_pos;
        std::string shown;
        utf8::append(shown, utf8::decode_next(m_src, p));
        fail("unexpected char '" + shown + "'");
    }
    if (c == '(' || c == '[' || c == '{') {
        brackets.push_back(c == '(' ? ')' : (c == '[' ? ']' : '}'));
    } else if (c == ')' || c == ']' || c == '}') {
        if (brackets.empty()) fail(std::string("unexpected '") + c + "'");
        if (brackets.back() != c)
            fail(std::string("unexpected '") + c + "', expected '" + brackets.back() + "'");
        brackets.pop_back();
    }
    emit(TokenType::op, std::string(1, c), m_line);
    ++m_pos;
}

void Lexer::comment() {
    const int begin_line = m_line;
    std::size_t p = m_pos;
    while (true) {
        p = m_src.find("#}", p);
        if (p == std::string::npos) throw TemplateError("Missing end of comment tag", begin_line);
        // "-#}" or "+#}" start one character earlier.
        std::size_t end_start = p;
        if (p > m_pos && (m_src[p - 1] == '-' || m_src[p - 1] == '+')) end_start = p - 1;
        m_line += count_newlines(std::string_view(m_src).substr(m_pos, end_start - m_pos));
        m_pos = end_start;
        if (tag_end("#}", true)) return;
        p += 2;
    }
}

void Lexer::raw() {
    // Skip "{% raw %}" itself: its end takes "-%}" whitespace stripping but no trim_blocks.
    m_pos += whitespace_run(m_src, m_pos);
    m_pos += 3;
    m_pos += whitespace_run(m_src, m_pos);
    tag_end("%}", false);
    const int begin_line = m_line;
    std::size_t p = m_pos;
    while (true) {
        p = m_src.find("{%", p);
        if (p == std::string::npos) throw TemplateError("Missing end of raw directive", begin_line);
        std::size_t q = p + 2;
        const char sign =
            q < m_src.size() && (m_src[q] == '-' || m_src[q] == '+') ? m_src[q] : '\0';
        if (sign) ++q;
        q += whitespace_run(m_src, q);
        if (m_src.compare(q, 6, "endraw") != 0) {
            p += 2;
            continue;
        }
        q += 6;
        q += whitespace_run(m_src, q);
        const std::string_view body = std::string_view(m_src).substr(m_pos, p - m_pos);
        // lstrip_blocks looks at where the raw body started, so decide before tag_end moves on.
        const std::string kept(strip_before(body, sign, true));
        const std::size_t save_pos = m_pos;
        const int save_line = m_line;
        const bool save_starting = m_line_starting;
        m_pos = q;
        if (!tag_end("%}", true)) {
            m_pos = save_pos;
            m_line = save_line;
            m_line_starting = save_starting;
            p += 2;
            continue;
        }
        if (!kept.empty()) emit(TokenType::data, kept, save_line);
        m_line += count_newlines(body) + count_newlines(std::string_view(m_src).substr(p, q - p));
        return;
    }
}

} // namespace

std::vector<Token> tokenize(std::string_view source) {
    return Lexer(source).run();
}

} // namespace conclave::chat
