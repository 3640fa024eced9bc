#include "tokenizer/byte_level.h"

#include "tokenizer/unicode.h"

#include <array>
#include <vector>

namespace conclave::tokenizer::byte_level {
namespace {

bool maps_to_itself(int b) {
    return (b >= 0x21 && b <= 0x7E) || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
}

struct Tables {
    std::array<char32_t, 256> to_char{};
    std::array<std::string, 256> to_utf8{};
    std::array<std::int16_t, 512> from_char{}; // every alphabet code point is below U+0200
};

const Tables& tables() {
    static const Tables t = [] {
        Tables r;
        r.from_char.fill(-1);
        char32_t next = 256;
        for (int b = 0; b < 256; ++b) {
            r.to_char[b] = maps_to_itself(b) ? static_cast<char32_t>(b) : next++;
            unicode::append_utf8(r.to_utf8[b], r.to_char[b]);
            r.from_char[r.to_char[b]] = static_cast<std::int16_t>(b);
        }
        return r;
    }();
    return t;
}

} // namespace

char32_t byte_to_char(std::uint8_t byte) {
    return tables().to_char[byte];
}

int char_to_byte(char32_t cp) {
    return cp < 512 ? tables().from_char[cp] : -1;
}

void encode(std::string_view bytes, std::string& out) {
    const Tables& t = tables();
    for (const char c : bytes) {
        out += t.to_utf8[static_cast<std::uint8_t>(c)];
    }
}

void decode(std::string_view text, std::string& out) {
    std::vector<unicode::DecodedChar> chars;
    unicode::decode_utf8(text, chars);
    for (const unicode::DecodedChar& c : chars) {
        const int b = c.valid ? char_to_byte(c.cp) : -1;
        if (b >= 0) {
            out.push_back(static_cast<char>(b));
        } else {
            out.append(text.substr(c.offset, c.length));
        }
    }
}

} // namespace conclave::tokenizer::byte_level
