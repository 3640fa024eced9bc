#include "tokenizer/wordpiece.h"

#include "tokenizer/unicode.h"

namespace conclave::tokenizer {
namespace {

// BERT's longest word; longer ones are unknown.
constexpr std::size_t max_word_chars = 100;

// BERT's punctuation: all ASCII non-alphanumeric printable characters plus \p{P}.
bool is_bert_punctuation(char32_t c) {
    if ((c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) ||
        (c >= 123 && c <= 126)) {
        return true;
    }
    return unicode::is_punctuation(c);
}

// The CJK Unified Ideographs blocks BERT isolates as single-character words.
bool is_cjk_ideograph(char32_t c) {
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
           (c >= 0x20000 && c <= 0x2A6DF) || (c >= 0x2A700 && c <= 0x2B73F) ||
           (c >= 0x2B740 && c <= 0x2B81F) || (c >= 0x2B820 && c <= 0x2CEAF) ||
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x2F800 && c <= 0x2FA1F);
}

// Normalizes one input character into out (possibly nothing).
void normalize(char32_t c, std::u32string& decomposed, std::u32string& out) {
    decomposed.clear();
    unicode::append_nfd(c, decomposed);
    for (const char32_t d : decomposed) {
        if (unicode::category(d) != unicode::Category::Mn) {
            out.push_back(unicode::to_lower(d));
        }
    }
}

} // namespace

void WordPieceModel::encode(std::string_view text, std::vector<TokenId>& out) const {
    std::vector<unicode::DecodedChar> chars;
    unicode::decode_utf8(text, chars);
    std::u32string word;
    std::u32string normalized;
    std::u32string decomposed;
    const auto flush = [&] {
        if (!word.empty()) {
            encode_word(word, out);
            word.clear();
        }
    };
    for (const unicode::DecodedChar& ch : chars) {
        const char32_t c = ch.cp;
        if (unicode::is_whitespace(c)) {
            flush();
            continue;
        }
        if (c == 0 || c == unicode::replacement_char || unicode::is_control(c)) {
            continue; // BERT's clean_text drops these (invalid UTF-8 arrives as U+FFFD)
        }
        normalized.clear();
        normalize(c, decomposed, normalized);
        for (const char32_t n : normalized) {
            if (is_bert_punctuation(n) || is_cjk_ideograph(n)) {
                flush();
                word.push_back(n);
                flush();
            } else if (unicode::is_whitespace(n)) {
                flush();
            } else {
                word.push_back(n);
            }
        }
    }
    flush();
}

void WordPieceModel::encode_word(const std::u32string& word, std::vector<TokenId>& out) const {
    const std::size_t first_out = out.size();
    const auto fail = [&] {
        out.resize(first_out);
        if (m_vocab->unk != no_token) {
            out.push_back(m_vocab->unk);
        }
    };
    if (word.size() > max_word_chars) {
        fail();
        return;
    }
    // UTF-8 of the word with the byte offset of each character, so candidates are substrings.
    std::string utf8 = "\xE2\x96\x81"; // ▁ marks the start of a word
    std::vector<std::size_t> offsets;
    for (const char32_t c : word) {
        offsets.push_back(utf8.size());
        unicode::append_utf8(utf8, c);
    }
    offsets.push_back(utf8.size());
    std::size_t start = 0;
    while (start < word.size()) {
        std::size_t end = word.size();
        TokenId found = no_token;
        for (; end > start; --end) {
            const std::size_t from = start == 0 ? 0 : offsets[start];
            if (const auto id =
                    m_vocab->find(std::string_view(utf8).substr(from, offsets[end] - from))) {
                found = *id;
                break;
            }
        }
        if (found == no_token) {
            fail();
            return;
        }
        out.push_back(found);
        start = end;
    }
}

} // namespace conclave::tokenizer
