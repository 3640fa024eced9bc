#pragma once
// Unicode facts for the tokenizers: general categories, White_Space, Han, simple lowercase,
// canonical decomposition (NFD) and UTF-8 decoding that never fails. Backed by the generated
// tables in unicode_data.cpp; the lookup table is built once on first use (thread-safe) and
// read-only afterwards, so every function here is safe to call from any thread.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace conclave::tokenizer::unicode {

// Unicode general categories, in the order gen_unicode_data.py writes them.
enum class Category : std::uint8_t {
    Cn,
    Lu,
    Ll,
    Lt,
    Lm,
    Lo,
    Mn,
    Mc,
    Me,
    Nd,
    Nl,
    No,
    Pc,
    Pd,
    Ps,
    Pe,
    Pi,
    Pf,
    Po,
    Sm,
    Sc,
    Sk,
    So,
    Zs,
    Zl,
    Zp,
    Cc,
    Cf,
    Cs,
    Co,
};

// Stands in for bytes that are not valid UTF-8 when a code point is needed.
inline constexpr char32_t replacement_char = 0xFFFD;

Category category(char32_t cp);
bool is_letter(char32_t cp);      // \p{L}
bool is_number(char32_t cp);      // \p{N}
bool is_punctuation(char32_t cp); // \p{P}
bool is_symbol(char32_t cp);      // \p{S}
bool is_mark(char32_t cp);        // \p{M}
bool is_whitespace(char32_t cp);  // \s: the White_Space property, as regex engines use it
bool is_han(char32_t cp);         // \p{Han}
bool is_deepseek_llm_letter(char32_t cp);
bool is_control(char32_t cp); // Cc, Cf, Cn, Co, Cs

// Simple lowercase mapping (U+0130 maps to 'i'; callers needing "i̇" handle it themselves).
char32_t to_lower(char32_t cp);
// Appends the full canonical decomposition of cp (cp itself when it has none).
void append_nfd(char32_t cp, std::u32string& out);

// One decoded character of a UTF-8 text: a valid code point, or a single byte that is not
// valid UTF-8 (cp == replacement_char, valid == false) so that no input is ever rejected.
struct DecodedChar {
    char32_t cp = 0;
    std::uint32_t offset = 0; // byte offset in the text
    std::uint8_t length = 1;  // bytes
    bool valid = true;
};

void decode_utf8(std::string_view text, std::vector<DecodedChar>& out);
// What a UTF-8 lead byte announces: the sequence length (0: not a lead byte) and the range
// the second byte must fall in (RFC 3629; excludes overlongs, surrogates, > U+10FFFF).
struct Utf8Lead {
    std::size_t length = 0;
    unsigned char second_min = 0x80, second_max = 0xBF;
};
Utf8Lead utf8_lead(unsigned char lead);

// Length of the valid UTF-8 sequence starting at text[pos]; 0 when the bytes there are not
// valid UTF-8 (bad lead byte, bad continuation, overlong, surrogate, above U+10FFFF or cut off).
std::size_t valid_sequence_length(std::string_view text, std::size_t pos);
void append_utf8(std::string& out, char32_t cp);

} // namespace conclave::tokenizer::unicode
