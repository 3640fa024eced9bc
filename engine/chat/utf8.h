#pragma once
// UTF-8 helpers that give template strings Python's code-point semantics (len, slicing,
// strip, split, case changes) while the interpreter keeps every string as UTF-8 bytes.
// Invalid bytes decode as U+FFFD so hostile input never throws or reads out of bounds.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace conclave::chat::utf8 {

// Decodes one code point starting at s[pos] and advances pos past it.
char32_t decode_next(std::string_view s, std::size_t& pos);
void append(std::string& out, char32_t cp);

std::vector<char32_t> decode(std::string_view s);
std::string encode(const std::vector<char32_t>& cps);

bool is_ascii(std::string_view s);
std::size_t length(std::string_view s); // in code points

// Python's str.isspace() for one code point (what \s and str.split() treat as whitespace).
bool is_space(char32_t cp);
// Python's str.splitlines() boundaries.
bool is_line_break(char32_t cp);
// \w in Python's re for str patterns, close enough for wordcount: letters, digits, '_'.
bool is_word(char32_t cp);
bool is_alpha(char32_t cp);
bool is_digit(char32_t cp);
// Whether repr() prints the code point as is; false for controls, separators, formats.
bool is_printable(char32_t cp);

// Simple case mappings (ASCII, Latin-1, Latin Extended-A, Greek, Cyrillic); others unchanged.
char32_t to_upper(char32_t cp);
char32_t to_lower(char32_t cp);
bool is_upper(char32_t cp);
bool is_lower(char32_t cp);

std::string upper(std::string_view s);
std::string lower(std::string_view s);

// Python str.strip/lstrip/rstrip: chars == nullptr means whitespace.
std::string strip(std::string_view s, const std::string* chars, bool left, bool right);
std::vector<std::string> split_lines(std::string_view s);

} // namespace conclave::chat::utf8
