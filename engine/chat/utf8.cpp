#include "chat/utf8.h"

namespace conclave::chat::utf8 {

namespace {

constexpr char32_t replacement = 0xFFFD;

bool is_continuation(unsigned char c) {
    return (c & 0xC0) == 0x80;
}

} // namespace

char32_t decode_next(std::string_view s, std::size_t& pos) {
    const auto c0 = static_cast<unsigned char>(s[pos]);
    if (c0 < 0x80) {
        ++pos;
        return c0;
    }
    int n = 0;
    char32_t cp = 0;
    if ((c0 & 0xE0) == 0xC0) {
        n = 1;
        cp = c0 & 0x1F;
    } else if ((c0 & 0xF0) == 0xE0) {
        n = 2;
        cp = c0 & 0x0F;
    } else if ((c0 & 0xF8) == 0xF0) {
        n = 3;
        cp = c0 & 0x07;
    } else {
        ++pos;
        return replacement;
    }
    for (int i = 1; i <= n; ++i) {
        if (pos + static_cast<std::size_t>(i) >= s.size() ||
            !is_continuation(static_cast<unsigned char>(s[pos + static_cast<std::size_t>(i)]))) {
            ++pos;
            return replacement;
        }
        cp = (cp << 6) | (static_cast<unsigned char>(s[pos + static_cast<std::size_t>(i)]) & 0x3F);
    }
    pos += static_cast<std::size_t>(n) + 1;
    return cp;
}

void append(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x110000) {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        append(out, replacement);
    }
}

std::vector<char32_t> decode(std::string_view s) {
    std::vector<char32_t> out;
    out.reserve(s.size());
    std::size_t pos = 0;
    while (pos < s.size()) out.push_back(decode_next(s, pos));
    return out;
}

std::string encode(const std::vector<char32_t>& cps) {
    std::string out;
    out.reserve(cps.size());
    for (char32_t cp : cps) append(out, cp);
    return out;
}

bool is_ascii(std::string_view s) {
    for (char c : s)
        if (static_cast<unsigned char>(c) >= 0x80) return false;
    return true;
}

std::size_t length(std::string_view s) {
    std::size_t n = 0;
    for (char c : s)
        if (!is_continuation(static_cast<unsigned char>(c))) ++n;
    return n;
}

bool is_space(char32_t cp) {
    if (cp <= 0x20) return cp == 0x20 || (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x1F);
    if (cp < 0x85) return false;
    return cp == 0x85 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
           cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

bool is_line_break(char32_t cp) {
    return cp == '\n' || cp == '\r' || cp == 0x0B || cp == 0x0C || cp == 0x1C || cp == 0x1D ||
           cp == 0x1E || cp == 0x85 || cp == 0x2028 || cp == 0x2029;
}

bool is_digit(char32_t cp) {
    return cp >= '0' && cp <= '9';
}

bool is_alpha(char32_t cp) {
    if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    // Beyond ASCII treat letters of the common scripts and CJK as alphabetic; punctuation
    // blocks and symbols are not.
    if (cp == 0xD7 || cp == 0xF7) return false;
    if (cp >= 0xC0 && cp <= 0x24F) return true;
    if (cp >= 0x370 && cp <= 0x52F) return cp != 0x37E && cp != 0x387;
    if (cp >= 0x5D0 && cp <= 0x6FF) return true;
    if (cp >= 0x3040 && cp <= 0x30FF) return true;
    if (cp >= 0x4E00 && cp <= 0x9FFF) return true;
    if (cp >= 0xAC00 && cp <= 0xD7A3) return true;
    return false;
}

bool is_word(char32_t cp) {
    return cp == '_' || is_digit(cp) || is_alpha(cp);
}

bool is_printable(char32_t cp) {
    if (cp < 0x20 || (cp >= 0x7F && cp <= 0xA0) || cp == 0xAD) return false;
    if (cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202F))
        return false;
    if ((cp >= 0x205F && cp <= 0x206F) || cp == 0x3000 || cp == 0xFEFF) return false;
    if ((cp >= 0xD800 && cp <= 0xF8FF) || (cp >= 0xFFF9 && cp <= 0xFFFB)) return false;
    if (cp >= 0xF0000) return false;
    return cp != 0x061C && cp != 0x180E;
}

namespace {

// Ranges where upper and lower case letters alternate (even = upper, odd = lower).
bool in_alternating_range(char32_t cp) {
    return (cp >= 0x100 && cp <= 0x137) || (cp >= 0x14A && cp <= 0x177) ||
           (cp >= 0x460 && cp <= 0x481) || (cp >= 0x48A && cp <= 0x4BF) ||
           (cp >= 0x4D0 && cp <= 0x52F) || (cp >= 0x1E00 && cp <= 0x1EFF);
}

bool in_odd_alternating_range(char32_t cp) {
    return (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E) ||
           (cp >= 0x4C1 && cp <= 0x4CE);
}

} // namespace

bool is_upper(char32_t cp) {
    if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
    if (cp >= 0xC0 && cp <= 0xDE) return cp != 0xD7;
    if (in_alternating_range(cp)) return cp % 2 == 0;
    if (in_odd_alternating_range(cp)) return cp % 2 == 1;
    if (cp >= 0x391 && cp <= 0x3AB) return cp != 0x3A2;
    if (cp >= 0x400 && cp <= 0x42F) return true;
    return false;
}

bool is_lower(char32_t cp) {
    if (cp < 0x80) return cp >= 'a' && cp <= 'z';
    if (cp >= 0xDF && cp <= 0xFF) return cp != 0xF7;
    if (in_alternating_range(cp)) return cp % 2 == 1;
    if (in_odd_alternating_range(cp)) return cp % 2 == 0;
    if (cp >= 0x3AC && cp <= 0x3CE) return true;
    if (cp >= 0x430 && cp <= 0x45F) return true;
    return false;
}

char32_t to_upper(char32_t cp) {
    if (cp < 0x80) return (cp >= 'a' && cp <= 'z') ? cp - 32 : cp;
    if (!is_lower(cp)) return cp;
    if (cp == 0xFF) return 0x178;
    if (cp == 0xDF) return cp; // 'ß' becomes "SS" in Python; kept as is here
    if (cp >= 0xE0 && cp <= 0xFE) return cp - 32;
    if (in_alternating_range(cp) || in_odd_alternating_range(cp)) return cp - 1;
    if (cp == 0x3C2) return 0x3A3;
    if (cp >= 0x3B1 && cp <= 0x3CB) return cp - 32;
    if (cp == 0x3AC) return 0x386;
    if (cp >= 0x3AD && cp <= 0x3AF) return cp - 37;
    if (cp == 0x3CC) return 0x38C;
    if (cp == 0x3CD || cp == 0x3CE) return cp - 63;
    if (cp >= 0x430 && cp <= 0x44F) return cp - 32;
    if (cp >= 0x450 && cp <= 0x45F) return cp - 80;
    return cp;
}

char32_t to_lower(char32_t cp) {
    if (cp < 0x80) return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
    if (cp == 0x178) return 0xFF;
    if (!is_upper(cp)) return cp;
    if (cp >= 0xC0 && cp <= 0xDE) return cp + 32;
    if (in_alternating_range(cp) || in_odd_alternating_range(cp)) return cp + 1;
    if (cp >= 0x391 && cp <= 0x3AB) return cp + 32;
    if (cp >= 0x400 && cp <= 0x40F) return cp + 80;
    if (cp >= 0x410 && cp <= 0x42F) return cp + 32;
    return cp;
}

std::string upper(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    std::size_t pos = 0;
    while (pos < s.size()) append(out, to_upper(decode_next(s, pos)));
    return out;
}

std::string lower(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    std::size_t pos = 0;
    while (pos < s.size()) append(out, to_lower(decode_next(s, pos)));
    return out;
}

std::string strip(std::string_view s, const std::string* chars, bool left, bool right) {
    std::vector<char32_t> strip_set;
    if (chars) strip_set = decode(*chars);
    const auto strips = [&](char32_t cp) {
        if (!chars) return is_space(cp);
        for (char32_t c : strip_set)
            if (c == cp) return true;
        return false;
    };
    std::size_t begin = 0;
    std::size_t end = s.size();
    if (left) {
        while (begin < end) {
            std::size_t next = begin;
            if (!strips(decode_next(s, next))) break;
            begin = next;
        }
    }
    if (right) {
        while (end > begin) {
            std::size_t start = end - 1;
            while (start > begin && is_continuation(static_cast<unsigned char>(s[start]))) --start;
            std::size_t probe = start;
            if (!strips(decode_next(s, probe))) break;
            end = start;
        }
    }
    return std::string(s.substr(begin, end - begin));
}

std::vector<std::string> split_lines(std::string_view s) {
    std::vector<std::string> lines;
    std::size_t line_start = 0;
    std::size_t pos = 0;
    while (pos < s.size()) {
        const std::size_t cp_start = pos;
        const char32_t cp = decode_next(s, pos);
        if (!is_line_break(cp)) continue;
        lines.emplace_back(s.substr(line_start, cp_start - line_start));
        if (cp == '\r' && pos < s.size() && s[pos] == '\n') ++pos;
        line_start = pos;
    }
    if (line_start < s.size()) lines.emplace_back(s.substr(line_start));
    return lines;
}

} // namespace conclave::chat::utf8
