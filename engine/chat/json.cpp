#include "chat/json.h"

#include "chat/template_error.h"
#include "chat/utf8.h"
#include "chat/value_format.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace conclave::chat {

namespace {

// Recursive-descent reader; depth is bounded so a hostile file cannot exhaust the stack.
class JsonReader {
public:
    explicit JsonReader(std::string_view text) : m_text(text) {}

    Value document() {
        Value v = value(0);
        skip_space();
        if (m_pos != m_text.size()) fail("unexpected data after the JSON value");
        return v;
    }

private:
    [[noreturn]] void fail(const std::string& what) const {
        throw TemplateError("invalid JSON at byte " + std::to_string(m_pos) + ": " + what);
    }

    void skip_space() {
        while (m_pos < m_text.size() && (m_text[m_pos] == ' ' || m_text[m_pos] == '\t' ||
                                         m_text[m_pos] == '\n' || m_text[m_pos] == '\r'))
            ++m_pos;
    }

    bool consume(std::string_view word) {
        if (m_text.substr(m_pos, word.size()) != word) return false;
        m_pos += word.size();
        return true;
    }

    Value value(int depth) {
        if (depth > max_value_depth - 2) fail("nesting is too deep");
        skip_space();
        if (m_pos >= m_text.size()) fail("unexpected end of input");
        const char c = m_text[m_pos];
        if (c == '{') return object(depth);
        if (c == '[') return array(depth);
        if (c == '"') return Value(string());
        if (consume("true")) return Value(true);
        if (consume("false")) return Value(false);
        if (consume("null")) return Value::none();
        if (consume("NaN")) return Value(std::nan(""));
        if (consume("Infinity")) return Value(HUGE_VAL);
        if (consume("-Infinity")) return Value(-HUGE_VAL);
        if (c == '-' || (c >= '0' && c <= '9')) return number();
        fail(std::string("unexpected character '") + c + "'");
    }

    Value object(int depth) {
        ++m_pos;
        Dict dict;
        skip_space();
        if (m_pos < m_text.size() && m_text[m_pos] == '}') {
            ++m_pos;
            return Value::dict(std::move(dict));
        }
        while (true) {
            skip_space();
            if (m_pos >= m_text.size() || m_text[m_pos] != '"') fail("expected a string key");
            std::string key = string();
            skip_space();
            if (m_pos >= m_text.size() || m_text[m_pos] != ':') fail("expected ':'");
            ++m_pos;
            Value item = value(depth + 1);
            dict.set(Value(std::move(key)), std::move(item));
            skip_space();
            if (m_pos < m_text.size() && m_text[m_pos] == ',') {
                ++m_pos;
                continue;
            }
            if (m_pos < m_text.size() && m_text[m_pos] == '}') {
                ++m_pos;
                return Value::dict(std::move(dict));
            }
            fail("expected ',' or '}'");
        }
    }

    Value array(int depth) {
        ++m_pos;
        std::vector<Value> items;
        skip_space();
        if (m_pos < m_text.size() && m_text[m_pos] == ']') {
            ++m_pos;
            return Value::list(std::move(items));
        }
        while (true) {
            items.push_back(value(depth + 1));
            skip_space();
            if (m_pos < m_text.size() && m_text[m_pos] == ',') {
                ++m_pos;
                continue;
            }
            if (m_pos < m_text.size() && m_text[m_pos] == ']') {
                ++m_pos;
                return Value::list(std::move(items));
            }
            fail("expected ',' or ']'");
        }
    }

    unsigned hex4() {
        if (m_pos + 4 > m_text.size()) fail("truncated \\u escape");
        unsigned v = 0;
        for (int i = 0; i < 4; ++i) {
            const char h = m_text[m_pos++];
            v <<= 4;
            if (h >= '0' && h <= '9')
                v |= static_cast<unsigned>(h - '0');
            else if (h >= 'a' && h <= 'f')
                v |= static_cast<unsigned>(h - 'a' + 10);
            else if (h >= 'A' && h <= 'F')
                v |= static_cast<unsigned>(h - 'A' + 10);
            else
                fail("bad \\u escape");
        }
        return v;
    }

    void escape(std::string& out) {
        if (m_pos >= m_text.size()) fail("unterminated string");
        const char e = m_text[m_pos++];
        switch (e) {
        case '"':
            out += '"';
            return;
        case '\\':
            out += '\\';
            return;
        case '/':
            out += '/';
            return;
        case 'b':
            out += '\b';
            return;
        case 'f':
            out += '\f';
            return;
        case 'n':
            out += '\n';
            return;
        case 'r':
            out += '\r';
            return;
        case 't':
            out += '\t';
            return;
        case 'u':
            break;
        default:
            fail("bad escape");
        }
        char32_t cp = hex4();
        if (cp >= 0xD800 && cp <= 0xDBFF && m_text.substr(m_pos, 2) == "\\u") {
            const std::size_t save = m_pos;
            m_pos += 2;
            const unsigned low = hex4();
            if (low >= 0xDC00 && low <= 0xDFFF)
                cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            else
                m_pos = save;
        }
        utf8::append(out, cp);
    }

    std::string string() {
        ++m_pos;
        std::string out;
        while (true) {
            if (m_pos >= m_text.size()) fail("unterminated string");
            const char c = m_text[m_pos];
            if (c == '"') {
                ++m_pos;
                return out;
            }
            if (static_cast<unsigned char>(c) < 0x20) fail("control character in string");
            ++m_pos;
            if (c == '\\')
                escape(out);
            else
                out += c;
        }
    }

    Value number() {
        const std::size_t start = m_pos;
        if (m_text[m_pos] == '-') ++m_pos;
        bool integral = true;
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos];
            if (c == '.' || c == 'e' || c == 'E' || c == '+' || (c == '-' && m_pos > start))
                integral = false;
            else if (c < '0' || c > '9')
                break;
            ++m_pos;
        }
        const std::string text(m_text.substr(start, m_pos - start));
        if (text == "-") fail("bad number");
        char* end = nullptr;
        errno = 0;
        if (integral) {
            const long long v = std::strtoll(text.c_str(), &end, 10);
            // Python keeps huge integers exact; ours fall back to float rather than fail.
            if (errno != ERANGE && end && *end == '\0') return Value(static_cast<std::int64_t>(v));
            errno = 0;
        }
        const double d = std::strtod(text.c_str(), &end);
        if (!end || *end != '\0') fail("bad number");
        return Value(d);
    }

    std::string_view m_text;
    std::size_t m_pos = 0;
};

// Writer following json.dumps(ensure_ascii, indent, separators, sort_keys).
class JsonWriter {
public:
    explicit JsonWriter(const JsonFormat& format) : m_format(format) {
        m_item_separator =
            format.item_separator ? *format.item_separator : (format.indent ? "," : ", ");
    }

    void write(const Value& v, int depth) {
        if (depth > max_value_depth) throw TemplateError("value nests too deeply for tojson");
        switch (v.kind()) {
        case Kind::none:
            m_out += "null";
            return;
        case Kind::boolean:
            m_out += v.as_bool() ? "true" : "false";
            return;
        case Kind::integer:
            m_out += std::to_string(v.as_int());
            return;
        case Kind::floating:
            m_out += float_text(v.as_float());
            return;
        case Kind::string:
            string(v.as_string());
            return;
        case Kind::list:
            if (v.is_generator()) break;
            list(v.as_list(), depth);
            return;
        case Kind::dict:
            dict(v.as_dict(), depth);
            return;
        default:
            break;
        }
        throw TemplateError("TypeError: Object of type " + type_name(v) +
                            " is not JSON serializable");
    }

    std::string take() { return std::move(m_out); }

private:
    static std::string float_text(double d) {
        if (std::isnan(d)) return "NaN";
        if (std::isinf(d)) return d < 0 ? "-Infinity" : "Infinity";
        return format_float(d);
    }

    void newline(int depth) {
        if (!m_format.indent) return;
        m_out += '\n';
        for (int i = 0; i < depth; ++i) m_out += *m_format.indent;
    }

    void string(std::string_view s) {
        m_out += '"';
        std::size_t pos = 0;
        while (pos < s.size()) {
            const char32_t cp = utf8::decode_next(s, pos);
            switch (cp) {
            case '"':
                m_out += "\\\"";
                continue;
            case '\\':
                m_out += "\\\\";
                continue;
            case '\n':
                m_out += "\\n";
                continue;
            case '\r':
                m_out += "\\r";
                continue;
            case '\t':
                m_out += "\\t";
                continue;
            case '\b':
                m_out += "\\b";
                continue;
            case '\f':
                m_out += "\\f";
                continue;
            default:
                break;
            }
            if (cp < 0x20 || (m_format.ensure_ascii && cp > 0x7F)) {
                unicode_escape(cp);
            } else {
                utf8::append(m_out, cp);
            }
        }
        m_out += '"';
    }

    void unicode_escape(char32_t cp) {
        char buf[16];
        if (cp >= 0x10000) {
            const char32_t v = cp - 0x10000;
            std::snprintf(buf, sizeof(buf), "\\u%04x\\u%04x",
                          static_cast<unsigned>(0xD800 + (v >> 10)),
                          static_cast<unsigned>(0xDC00 + (v & 0x3FF)));
        } else {
            std::snprintf(buf, sizeof(buf), "\\u%04x", static_cast<unsigned>(cp));
        }
        m_out += buf;
    }

    void list(const List& list, int depth) {
        if (list.items.empty()) {
            m_out += "[]";
            return;
        }
        m_out += '[';
        for (std::size_t i = 0; i < list.items.size(); ++i) {
            if (i) m_out += m_item_separator;
            newline(depth + 1);
            write(list.items[i], depth + 1);
        }
        newline(depth);
        m_out += ']';
    }

    std::string key_text(const Value& key) {
        switch (key.kind()) {
        case Kind::string:
            return key.as_string();
        case Kind::none:
            return "null";
        case Kind::boolean:
            return key.as_bool() ? "true" : "false";
        case Kind::integer:
            return std::to_string(key.as_int());
        case Kind::floating:
            return float_text(key.as_float());
        default:
            throw TemplateError("keys must be str, int, float, bool or None, not " +
                                type_name(key));
        }
    }

    void dict(const Dict& dict, int depth) {
        if (dict.empty()) {
            m_out += "{}";
            return;
        }
        std::vector<std::pair<std::string, const Value*>> items;
        items.reserve(dict.size());
        for (const auto& [k, v] : dict.entries()) items.emplace_back(key_text(k), &v);
        if (m_format.sort_keys)
            std::stable_sort(items.begin(), items.end(),
                             [](const auto& a, const auto& b) { return a.first < b.first; });
        m_out += '{';
        for (std::size_t i = 0; i < items.size(); ++i) {
            if (i) m_out += m_item_separator;
            newline(depth + 1);
            string(items[i].first);
            m_out += m_format.key_separator;
            write(*items[i].second, depth + 1);
        }
        newline(depth);
        m_out += '}';
    }

    const JsonFormat& m_format;
    std::string m_item_separator;
    std::string m_out;
};

} // namespace

conclave::Result<Value> parse_json(std::string_view text) {
    try {
        return JsonReader(text).document();
    } catch (const TemplateError& e) {
        return conclave::make_error(conclave::ErrorCode::invalid_format, e.message);
    } catch (const std::bad_alloc&) {
        return conclave::make_error(conclave::ErrorCode::out_of_memory, "JSON document too large");
    }
}

std::string to_json(const Value& v, const JsonFormat& format) {
    JsonWriter writer(format);
    writer.write(v, 0);
    return writer.take();
}

} // namespace conclave::chat
