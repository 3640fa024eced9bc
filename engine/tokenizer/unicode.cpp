#include "tokenizer/unicode.h"

#include "tokenizer/unicode_data.h"

#include <algorithm>
#include <array>
#include <memory>

namespace conclave::tokenizer::unicode {
namespace {

constexpr char32_t max_cp = 0x110000;

// One byte per code point: the category in the low 5 bits plus property flags. 1.1 MB,
// built once, trades memory for the speed of a single load per character in the splitters.
constexpr std::uint8_t category_mask = 0x1F;
constexpr std::uint8_t flag_whitespace = 0x20;
constexpr std::uint8_t flag_han = 0x40;
constexpr std::uint8_t flag_deepseek_letter = 0x80;

// The White_Space property (PropList.txt): what \s matches in the reference regex engines.
constexpr std::array<std::pair<char32_t, char32_t>, 10> white_space_ranges{{
    {0x09, 0x0D},
    {0x20, 0x20},
    {0x85, 0x85},
    {0xA0, 0xA0},
    {0x1680, 0x1680},
    {0x2000, 0x200A},
    {0x2028, 0x2029},
    {0x202F, 0x202F},
    {0x205F, 0x205F},
    {0x3000, 0x3000},
}};

void mark_ranges(std::uint8_t* table, const unicode_data::CodepointRange* ranges, std::size_t n,
                 std::uint8_t flag) {
    for (std::size_t i = 0; i < n; ++i) {
        for (char32_t cp = ranges[i].first; cp <= ranges[i].last && cp < max_cp; ++cp) {
            table[cp] |= flag;
        }
    }
}

const std::uint8_t* property_table() {
    static const std::unique_ptr<std::uint8_t[]> table = [] {
        auto t = std::make_unique<std::uint8_t[]>(max_cp);
        const auto* runs = unicode_data::category_runs;
        const std::size_t n = unicode_data::category_runs_size;
        for (std::size_t i = 0; i < n; ++i) {
            const char32_t end = i + 1 < n ? runs[i + 1].first : max_cp;
            std::fill(t.get() + runs[i].first, t.get() + end, runs[i].category);
        }
        for (const auto& [first, last] : white_space_ranges) {
            for (char32_t cp = first; cp <= last; ++cp) {
                t[cp] |= flag_whitespace;
            }
        }
        mark_ranges(t.get(), unicode_data::han_ranges, unicode_data::han_ranges_size, flag_han);
        mark_ranges(t.get(), unicode_data::deepseek_llm_letter_ranges,
                    unicode_data::deepseek_llm_letter_ranges_size, flag_deepseek_letter);
        return t;
    }();
    return table.get();
}

std::uint8_t props(char32_t cp) {
    return cp < max_cp ? property_table()[cp] : 0;
}

bool category_between(char32_t cp, Category first, Category last) {
    const auto c = static_cast<std::uint8_t>(props(cp) & category_mask);
    return c >= static_cast<std::uint8_t>(first) && c <= static_cast<std::uint8_t>(last);
}

} // namespace

Category category(char32_t cp) {
    return static_cast<Category>(props(cp) & category_mask);
}

bool is_letter(char32_t cp) {
    return category_between(cp, Category::Lu, Category::Lo);
}
bool is_mark(char32_t cp) {
    return category_between(cp, Category::Mn, Category::Me);
}
bool is_number(char32_t cp) {
    return category_between(cp, Category::Nd, Category::No);
}
bool is_punctuation(char32_t cp) {
    return category_between(cp, Category::Pc, Category::Po);
}
bool is_symbol(char32_t cp) {
    return category_between(cp, Category::Sm, Category::So);
}
bool is_whitespace(char32_t cp) {
    return (props(cp) & flag_whitespace) != 0;
}
bool is_han(char32_t cp) {
    return (props(cp) & flag_han) != 0;
}
bool is_deepseek_llm_letter(char32_t cp) {
    return (props(cp) & flag_deepseek_letter) != 0;
}

bool is_control(char32_t cp) {
    const Category c = category(cp);
    return c == Category::Cn || c >= Category::Cc;
}

char32_t to_lower(char32_t cp) {
    if (cp < 0x80) {
        return cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
    }
    const auto* begin = unicode_data::lowercase_map;
    const auto* end = begin + unicode_data::lowercase_map_size;
    const auto* it =
        std::lower_bound(begin, end, cp, [](const auto& m, char32_t v) { return m.from < v; });
    return it != end && it->from == cp ? it->to : cp;
}

void append_nfd(char32_t cp, std::u32string& out) {
    // Hangul syllables decompose algorithmically (Unicode 3.12), so they are not in the table.
    constexpr char32_t s_base = 0xAC00, l_base = 0x1100, v_base = 0x1161, t_base = 0x11A7;
    constexpr char32_t n_v = 21, n_t = 28, n_s = 11172;
    if (cp >= s_base && cp < s_base + n_s) {
        const char32_t s = cp - s_base;
        out.push_back(l_base + s / (n_v * n_t));
        out.push_back(v_base + (s % (n_v * n_t)) / n_t);
        if (s % n_t != 0) {
            out.push_back(t_base + s % n_t);
        }
        return;
    }
    if (cp < 0xC0) {
        out.push_back(cp);
        return;
    }
    const auto* begin = unicode_data::nfd_map;
    const auto* end = begin + unicode_data::nfd_map_size;
    const auto* it =
        std::lower_bound(begin, end, cp, [](const auto& d, char32_t v) { return d.cp < v; });
    if (it == end || it->cp != cp) {
        out.push_back(cp);
        return;
    }
    out.append(unicode_data::nfd_data + it->offset, it->length);
}

Utf8Lead utf8_lead(unsigned char lead) {
    if (lead < 0x80) return {1};
    if (lead >= 0xC2 && lead <= 0xDF) return {2};
    if (lead >= 0xE0 && lead <= 0xEF)
        return {3, static_cast<unsigned char>(lead == 0xE0 ? 0xA0 : 0x80), static_cast<unsigned char>(lead == 0xED ? 0x9F : 0xBF)};
    if (lead >= 0xF0 && lead <= 0xF4)
        return {4, static_cast<unsigned char>(lead == 0xF0 ? 0x90 : 0x80), static_cast<unsigned char>(lead == 0xF4 ? 0x8F : 0xBF)};
    return {0};
}

std::size_t valid_sequence_length(std::string_view text, std::size_t pos) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const Utf8Lead lead = utf8_lead(byte(pos));
    if (lead.length <= 1) return lead.length;
    if (pos + lead.length > text.size() || byte(pos + 1) < lead.second_min || byte(pos + 1) > lead.second_max) return 0;
    for (std::size_t i = 2; i < lead.length; ++i)
        if ((byte(pos + i) & 0xC0) != 0x80) return 0;
    return lead.length;
}

void decode_utf8(std::string_view text, std::vector<DecodedChar>& out) {
    out.clear();
    out.reserve(text.size());
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t n = valid_sequence_length(text, pos);
        DecodedChar c;
        c.offset = static_cast<std::uint32_t>(pos);
        if (n == 0) {
            c.cp = replacement_char;
            c.valid = false;
            out.push_back(c);
            ++pos;
            continue;
        }
        const auto b = [&](std::size_t i) {
            return static_cast<char32_t>(static_cast<unsigned char>(text[pos + i]));
        };
        switch (n) {
        case 1:
            c.cp = b(0);
            break;
        case 2:
            c.cp = ((b(0) & 0x1F) << 6) | (b(1) & 0x3F);
            break;
        case 3:
            c.cp = ((b(0) & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F);
            break;
        default:
            c.cp = ((b(0) & 0x07) << 18) | ((b(1) & 0x3F) << 12) | ((b(2) & 0x3F) << 6) |
                   (b(3) & 0x3F);
            break;
        }
        c.length = static_cast<std::uint8_t>(n);
        out.push_back(c);
        pos += n;
    }
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp >= max_cp || (cp >= 0xD800 && cp <= 0xDFFF)) {
        cp = replacement_char;
    }
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

} // namespace conclave::tokenizer::unicode
