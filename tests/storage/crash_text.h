#pragma once
// The text the crash-test child streams, shared with the test that checks it: token k of
// every answer, with a two-byte character so a cut inside a code point would show.

#include <string>

namespace crash_text {

inline std::string token(int k) {
    return "tök" + std::to_string(k) + " ";
}

// The first `bytes` bytes of an answer made of tokens 0, 1, 2, ...
inline std::string prefix(std::size_t bytes) {
    std::string text;
    for (int k = 0; text.size() < bytes; ++k) text += token(k);
    return text.substr(0, bytes);
}

// A whole answer: the child streams this many tokens before it finishes.
inline constexpr int answer_tokens = 60;

inline std::string answer() {
    std::string text;
    for (int k = 0; k < answer_tokens; ++k) text += token(k);
    return text;
}

} // namespace crash_text
