#include "tokenizer/detokenizer.h"

#include "tokenizer/unicode.h"

namespace conclave::tokenizer {
namespace {

constexpr std::string_view replacement = "\xEF\xBF\xBD";

// True when text[pos, end) is the start of a valid UTF-8 sequence that more bytes could finish.
bool is_partial_sequence(std::string_view text, std::size_t pos) {
    const auto b = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = b(pos);
    std::size_t n = 0;
    unsigned char lo = 0x80, hi = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        n = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        n = 3;
        lo = lead == 0xE0 ? 0xA0 : 0x80;
        hi = lead == 0xED ? 0x9F : 0xBF;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        n = 4;
        lo = lead == 0xF0 ? 0x90 : 0x80;
        hi = lead == 0xF4 ? 0x8F : 0xBF;
    } else {
        return false;
    }
    const std::size_t available = text.size() - pos;
    if (available >= n) {
        return false;
    }
    if (available >= 2 && (b(pos + 1) < lo || b(pos + 1) > hi)) {
        return false;
    }
    for (std::size_t i = 2; i < available; ++i) {
        if ((b(pos + i) & 0xC0) != 0x80) {
            return false;
        }
    }
    return true;
}

} // namespace

Detokenizer::Detokenizer(const Tokenizer& tokenizer, const DetokenizeOptions& options)
    : m_tokenizer(&tokenizer), m_options(options) {}

std::string Detokenizer::push(TokenId id) {
    m_pending += m_tokenizer->token_to_piece(id, m_options.render_special);
    return release(false);
}

std::string Detokenizer::flush() {
    return release(true);
}

std::string Detokenizer::release(bool at_end) {
    std::string out;
    std::size_t pos = 0;
    while (pos < m_pending.size()) {
        const std::size_t n = unicode::valid_sequence_length(m_pending, pos);
        if (n > 0) {
            out.append(m_pending, pos, n);
            pos += n;
        } else if (!at_end && is_partial_sequence(m_pending, pos)) {
            break; // wait for the bytes that finish this character
        } else {
            out += replacement;
            ++pos;
        }
    }
    m_pending.erase(0, pos);
    if (!m_started && !out.empty()) {
        m_started = true;
        // Only vocabularies that mark word starts with a space put one before the first word.
        const Vocab& vocab = m_tokenizer->vocab();
        const bool marks_words = vocab.add_space_prefix || vocab.model == VocabModel::wordpiece;
        const bool strip = m_options.strip_leading_space && marks_words;
        if (strip && out.front() == ' ') {
            out.erase(0, 1);
        }
    }
    return out;
}

} // namespace conclave::tokenizer
