#include "tokenizer/pre_tokenizer_patterns.h"

#include "tokenizer/unicode.h"

namespace conclave::tokenizer::patterns {
namespace {

using unicode::is_letter;
using unicode::is_mark;
using unicode::is_number;
using unicode::is_whitespace;
using Category = unicode::Category;
using ClassFn = bool (*)(char32_t);

constexpr std::size_t no_match = static_cast<std::size_t>(-1);

// A matcher answers the length of the match starting exactly at pos (0: none); search()
// turns it into the leftmost match at or after pos, as a regex engine scans.
using MatchAtFn = std::size_t (*)(const char32_t* cps, std::size_t n, std::size_t pos);

template <MatchAtFn match_at>
CharRange search(const char32_t* cps, std::size_t n, std::size_t pos) {
    for (; pos < n; ++pos) {
        if (const std::size_t len = match_at(cps, n, pos)) {
            return {static_cast<std::uint32_t>(pos), static_cast<std::uint32_t>(pos + len)};
        }
    }
    return {static_cast<std::uint32_t>(n), static_cast<std::uint32_t>(n)};
}

std::size_t run_end(const char32_t* cps, std::size_t n, std::size_t pos, ClassFn cls) {
    while (pos < n && cls(cps[pos])) {
        ++pos;
    }
    return pos;
}

bool is_newline(char32_t c) {
    return c == '\r' || c == '\n';
}
bool is_newline_or_slash(char32_t c) {
    return c == '\r' || c == '\n' || c == '/';
}
bool is_other(char32_t c) {
    return !is_whitespace(c) && !is_letter(c) && !is_number(c);
}
bool is_punct_or_symbol(char32_t c) {
    return unicode::is_punctuation(c) || unicode::is_symbol(c);
}
bool is_letter_or_mark(char32_t c) {
    return is_letter(c) || is_mark(c);
}
bool is_ascii_alpha(char32_t c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_ascii_punct(char32_t c) {
    return (c >= 0x21 && c <= 0x2F) || (c >= 0x3A && c <= 0x40) || (c >= 0x5B && c <= 0x60) ||
           (c >= 0x7B && c <= 0x7E);
}

char32_t ascii_fold(char32_t c, bool fold) {
    return fold && c >= 'A' && c <= 'Z' ? c + 32 : c;
}

// 's|'t|'re|'ve|'m|'ll|'d, optionally case-insensitive.
std::size_t contraction(const char32_t* cps, std::size_t n, std::size_t pos, bool ignore_case) {
    if (pos + 1 >= n || cps[pos] != '\'') {
        return 0;
    }
    const char32_t a = ascii_fold(cps[pos + 1], ignore_case);
    if (a == 's' || a == 't' || a == 'm' || a == 'd') {
        return 2;
    }
    if (pos + 2 >= n) {
        return 0;
    }
    const char32_t b = ascii_fold(cps[pos + 2], ignore_case);
    return (a == 'r' && b == 'e') || (a == 'v' && b == 'e') || (a == 'l' && b == 'l') ? 3 : 0;
}

// The common tail of the modern regexes: [\s*[\r\n]+|] \s+(?!\S)|\s+
std::size_t whitespace_tail(const char32_t* cps, std::size_t n, std::size_t pos, bool newline_run) {
    if (!is_whitespace(cps[pos])) {
        return 0;
    }
    const std::size_t end = run_end(cps, n, pos, is_whitespace);
    if (newline_run) {
        // \s* backtracks to the last line break of the run; [\r\n]+ then ends right after it.
        for (std::size_t k = end; k > pos; --k) {
            if (is_newline(cps[k - 1])) {
                return k - pos;
            }
        }
    }
    if (end == n) {
        return end - pos;
    }
    // (?!\S) gives back the last space, which then starts the next piece (" word"); a lone
    // space before a non-space falls through to \s+.
    return end - pos > 1 ? end - pos - 1 : 1;
}

// ` ?` + run of cls + optional run of tail (tail == nullptr: none).
std::size_t space_run(const char32_t* cps, std::size_t n, std::size_t pos, ClassFn cls,
                      ClassFn tail) {
    std::size_t start = pos;
    if (cps[pos] == ' ' && pos + 1 < n && cls(cps[pos + 1])) {
        start = pos + 1;
    }
    if (!cls(cps[start])) {
        return 0;
    }
    std::size_t end = run_end(cps, n, start, cls);
    if (tail) {
        end = run_end(cps, n, end, tail);
    }
    return end - pos;
}

std::size_t number_run(const char32_t* cps, std::size_t n, std::size_t pos, std::size_t max_len) {
    std::size_t end = pos;
    while (end < n && end - pos < max_len && is_number(cps[end])) {
        ++end;
    }
    return end - pos;
}

std::size_t match_gpt2(const char32_t* cps, std::size_t n, std::size_t pos) {
    if (const std::size_t len = contraction(cps, n, pos, false)) {
        return len;
    }
    for (ClassFn cls : {is_letter, is_number, is_other}) {
        if (const std::size_t len = space_run(cps, n, pos, cls, nullptr)) {
            return len;
        }
    }
    return whitespace_tail(cps, n, pos, false);
}

template <std::size_t max_digits>
std::size_t match_llama3(const char32_t* cps, std::size_t n, std::size_t pos) {
    if (const std::size_t len = contraction(cps, n, pos, true)) {
        return len;
    }
    const char32_t c = cps[pos];
    if (!is_newline(c) && !is_letter(c) && !is_number(c) && pos + 1 < n &&
        is_letter(cps[pos + 1])) {
        return run_end(cps, n, pos + 1, is_letter) - pos;
    }
    if (is_letter(c)) {
        return run_end(cps, n, pos, is_letter) - pos;
    }
    if (is_number(c)) {
        return number_run(cps, n, pos, max_digits);
    }
    if (const std::size_t len = space_run(cps, n, pos, is_other, is_newline)) {
        return len;
    }
    return whitespace_tail(cps, n, pos, true);
}

// Letter classes of the gpt-4o family: "upper" U = [\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}] and
// "lower" W = [\p{Ll}\p{Lm}\p{Lo}\p{M}], optionally without Han (kimi-k2).
template <bool exclude_han> bool is_upper_class(char32_t c) {
    const Category k = unicode::category(c);
    const bool in = k == Category::Lu || k == Category::Lt || k == Category::Lm ||
                    k == Category::Lo || is_mark(c);
    return in && !(exclude_han && unicode::is_han(c));
}

template <bool exclude_han> bool is_lower_class(char32_t c) {
    const Category k = unicode::category(c);
    const bool in = k == Category::Ll || k == Category::Lm || k == Category::Lo || is_mark(c);
    return in && !(exclude_han && unicode::is_han(c));
}

// U*W+ from s: end of the match or no_match. When the greedy U* leaves no W after it, it
// backtracks to the last W inside the U run.
template <bool exclude_han>
std::size_t upper_then_lower(const char32_t* cps, std::size_t n, std::size_t s) {
    const std::size_t k = run_end(cps, n, s, is_upper_class<exclude_han>);
    if (k < n && is_lower_class<exclude_han>(cps[k])) {
        return run_end(cps, n, k, is_lower_class<exclude_han>);
    }
    for (std::size_t j = k; j > s; --j) {
        if (is_lower_class<exclude_han>(cps[j - 1])) {
            return j;
        }
    }
    return no_match;
}

// U+W* from s: end of the match or no_match.
template <bool exclude_han>
std::size_t upper_run(const char32_t* cps, std::size_t n, std::size_t s) {
    if (s >= n || !is_upper_class<exclude_han>(cps[s])) {
        return no_match;
    }
    const std::size_t k = run_end(cps, n, s, is_upper_class<exclude_han>);
    return run_end(cps, n, k, is_lower_class<exclude_han>);
}

struct Gpt4oOptions {
    bool contractions;
    bool exclude_han;
    std::size_t max_digits;
    ClassFn punctuation_tail;
};

template <bool exclude_han>
std::size_t gpt4o_word(const char32_t* cps, std::size_t n, std::size_t pos) {
    const char32_t c = cps[pos];
    const bool prefix = !is_newline(c) && !is_letter(c) && !is_number(c) && pos + 1 < n;
    for (auto alternative : {upper_then_lower<exclude_han>, upper_run<exclude_han>}) {
        if (prefix) {
            if (const std::size_t end = alternative(cps, n, pos + 1); end != no_match) {
                return end;
            }
        }
        if (const std::size_t end = alternative(cps, n, pos); end != no_match) {
            return end;
        }
    }
    return no_match;
}

std::size_t match_gpt4o_family(const char32_t* cps, std::size_t n, std::size_t pos,
                               const Gpt4oOptions& o) {
    const std::size_t end =
        o.exclude_han ? gpt4o_word<true>(cps, n, pos) : gpt4o_word<false>(cps, n, pos);
    if (end != no_match) {
        return end - pos + (o.contractions ? contraction(cps, n, end, true) : 0);
    }
    if (is_number(cps[pos])) {
        return number_run(cps, n, pos, o.max_digits);
    }
    if (const std::size_t len = space_run(cps, n, pos, is_other, o.punctuation_tail)) {
        return len;
    }
    return whitespace_tail(cps, n, pos, true);
}

std::size_t match_gpt4o(const char32_t* cps, std::size_t n, std::size_t pos) {
    return match_gpt4o_family(cps, n, pos, {true, false, 3, is_newline_or_slash});
}
std::size_t match_tekken(const char32_t* cps, std::size_t n, std::size_t pos) {
    return match_gpt4o_family(cps, n, pos, {false, false, 1, is_newline_or_slash});
}
std::size_t match_kimi_k2(const char32_t* cps, std::size_t n, std::size_t pos) {
    return match_gpt4o_family(cps, n, pos, {true, true, 3, is_newline});
}

std::size_t match_deepseek_v3(const char32_t* cps, std::size_t n, std::size_t pos) {
    const char32_t c = cps[pos];
    if (is_ascii_punct(c) && pos + 1 < n && is_ascii_alpha(cps[pos + 1])) {
        return run_end(cps, n, pos + 1, is_ascii_alpha) - pos;
    }
    const bool prefix = !is_newline(c) && !is_letter(c) && !is_punct_or_symbol(c);
    if (prefix && pos + 1 < n && is_letter_or_mark(cps[pos + 1])) {
        return run_end(cps, n, pos + 1, is_letter_or_mark) - pos;
    }
    if (is_letter_or_mark(c)) {
        return run_end(cps, n, pos, is_letter_or_mark) - pos;
    }
    if (const std::size_t len = space_run(cps, n, pos, is_punct_or_symbol, is_newline)) {
        return len;
    }
    return whitespace_tail(cps, n, pos, true);
}

// \s?X+ (ws_prefix) or X{min_len,max_len} (max_len 0: unbounded).
template <ClassFn cls, bool ws_prefix, std::size_t min_len, std::size_t max_len>
std::size_t match_class_run(const char32_t* cps, std::size_t n, std::size_t pos) {
    std::size_t start = pos;
    if (ws_prefix && is_whitespace(cps[pos]) && pos + 1 < n && cls(cps[pos + 1])) {
        start = pos + 1;
    }
    std::size_t end = start;
    while (end < n && cls(cps[end]) && (max_len == 0 || end - start < max_len)) {
        ++end;
    }
    return end - start >= min_len ? end - pos : 0;
}

bool is_ascii_digit(char32_t c) {
    return c >= '0' && c <= '9';
}
bool is_falcon_punct(char32_t c) {
    return unicode::is_punctuation(c) || c == '$' || c == '+' || c == '<' || c == '=' || c == '>' ||
           c == '^' || c == '~' || c == '|' || c == '`';
}
bool is_deepseek_llm_punct(char32_t c) {
    return (c >= 0x21 && c <= 0x2F) || (c >= 0x3A && c <= 0x7E) || (c >= 0xFF01 && c <= 0xFF0F) ||
           (c >= 0xFF1A && c <= 0xFF5E) || (c >= 0x2018 && c <= 0x201F) ||
           (c >= 0x3000 && c <= 0x3002);
}
bool is_deepseek_llm_cjk(char32_t c) {
    return (c >= 0x4E00 && c <= 0x9FA5) || (c >= 0x0800 && c <= 0x4E00) ||
           (c >= 0xAC00 && c <= 0xD7FF);
}
bool is_deepseek_v3_cjk(char32_t c) {
    return (c >= 0x4E00 && c <= 0x9FA5) || (c >= 0x3040 && c <= 0x309F) ||
           (c >= 0x30A0 && c <= 0x30FF);
}

} // namespace

CharRange gpt2(const char32_t* c, std::size_t n, std::size_t p) {
    return search<match_gpt2>(c, n, p);
}
CharRange llama3(const char32_t* c, std::size_t n, std::size_t p) {
    return search<match_llama3<3>>(c, n, p);
}
CharRange qwen2(const char32_t* c, std::size_t n, std::size_t p) {
    return search<match_llama3<1>>(c, n, p);
}
CharRange gpt4o(const char32_t* c, std::size_t n, std::size_t p) {
    return search<match_gpt4o>(c, n, p);
}
CharRange tekken(const char32_t* c, std::size_t n, std::size_t p) {
    return search<match_tekken>(c, n, p);
}
CharRange kimi_k2(const char32_t* c, std::size_t n, std::size_t p) {
    return search<match_kimi_k2>(c, n, p);
}
CharRange deepseek_v3(const char32_t* c, std::size_t n, std::size_t p) {
    return search<match_deepseek_v3>(c, n, p);
}

CharRange newline(const char32_t* c, std::size_t n, std::size_t p) {
    return search<match_class_run<is_newline, false, 1, 1>>(c, n, p);
}
CharRange digit(const char32_t* c, std::size_t n, std::size_t p) {
    return search<match_class_run<is_number, false, 1, 1>>(c, n, p);
}
CharRange digits(const char32_t* c, std::size_t n, std::size_t p) {
    return search<match_class_run<is_number, false, 1, 0>>(c, n, p);
}
CharRange digits_1_3(const char32_t* c, std::size_t n, std::size_t p) {
    return search<match_class_run<is_number, false, 1, 3>>(c, n, p);
}
CharRange ascii_digits_3(const char32_t* c, std::size_t n, std::size_t p) {
    return search<match_class_run<is_ascii_digit, false, 3, 3>>(c, n, p);
}
CharRange space_letters(const char32_t* c, std::size_t n, std::size_t p) {
    return search<match_class_run<is_letter, true, 1, 0>>(c, n, p);
}
CharRange space_punctuation(const char32_t* c, std::size_t n, std::size_t p) {
    return search<match_class_run<unicode::is_punctuation, true, 1, 0>>(c, n, p);
}
CharRange han(const char32_t* c, std::size_t n, std::size_t p) {
    return search<match_class_run<unicode::is_han, false, 1, 0>>(c, n, p);
}
CharRange falcon_punctuation(const char32_t* c, std::size_t n, std::size_t p) {
    return search<match_class_run<is_falcon_punct, false, 1, 0>>(c, n, p);
}
CharRange deepseek_llm_letters(const char32_t* c, std::size_t n, std::size_t p) {
    return search<match_class_run<unicode::is_deepseek_llm_letter, true, 1, 0>>(c, n, p);
}
CharRange deepseek_llm_punctuation(const char32_t* c, std::size_t n, std::size_t p) {
    return search<match_class_run<is_deepseek_llm_punct, true, 1, 0>>(c, n, p);
}
CharRange deepseek_llm_cjk(const char32_t* c, std::size_t n, std::size_t p) {
    return search<match_class_run<is_deepseek_llm_cjk, false, 1, 0>>(c, n, p);
}
CharRange deepseek_v3_cjk(const char32_t* c, std::size_t n, std::size_t p) {
    return search<match_class_run<is_deepseek_v3_cjk, false, 1, 0>>(c, n, p);
}

CharRange trailing_space(const char32_t* cps, std::size_t n, std::size_t pos) {
    // Only the whitespace run that ends the piece can match, so find it directly instead of
    // rescanning every run (which would be quadratic on long runs of spaces).
    std::size_t start = n;
    while (start > pos && is_whitespace(cps[start - 1])) {
        --start;
    }
    return {static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(n)};
}

} // namespace conclave::tokenizer::patterns
