#include "cli_output.h"

#include "tokenizer/unicode.h"

#include <cstdint>
#include <cstdio>

namespace conclave::cli {

// Strings from model files are not always valid UTF-8; invalid bytes become U+FFFD so the
// output is always valid JSON.
std::string json_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 2);
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t length = tokenizer::unicode::valid_sequence_length(text, i);
        if (length == 0) {
            out += "\\ufffd";
            ++i;
            continue;
        }
        if (length > 1) {
            out.append(text.substr(i, length));
            i += length;
            continue;
        }
        const char c = text[i++];
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char buffer[8];
                std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned char>(c));
                out += buffer;
            } else {
                out += c;
            }
        }
    }
    return out;
}

int fail(std::string_view message) {
    std::fprintf(stderr, "conclave-cli: %.*s\n", static_cast<int>(message.size()), message.data());
    return 1;
}

} // namespace conclave::cli
