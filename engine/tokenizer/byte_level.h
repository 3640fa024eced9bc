#pragma once
// The byte-level alphabet of GPT-2 style BPE vocabularies: every byte is written as one
// printable code point (printable ASCII and Latin-1 bytes as themselves, the rest shifted to
// U+0100 and up), so token texts never contain raw control bytes or spaces (' ' is 'Ġ').
// Constant tables; thread-safe.

#include <cstdint>
#include <string>
#include <string_view>

namespace conclave::tokenizer::byte_level {

char32_t byte_to_char(std::uint8_t byte);
// The byte a code point of the alphabet stands for; -1 when cp is not in the alphabet.
int char_to_byte(char32_t cp);
// Writes bytes in the alphabet, as UTF-8.
void encode(std::string_view bytes, std::string& out);
// Reverses encode(); code points outside the alphabet are copied as UTF-8 unchanged.
void decode(std::string_view text, std::string& out);

} // namespace conclave::tokenizer::byte_level
