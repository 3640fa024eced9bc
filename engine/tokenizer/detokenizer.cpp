#include "tokenizer/detokenizer.h"

#include "tokenizer/unicode.h"

namespace conclave::tokenizer {
namespace {

constexpr std::string_view replacement = "\xEF\xBF\xBD";

// True when text[pos, end) is the start of a valid UTF-8 sequence that more bytes could finish.
bool is_partial_sequence(std::string_view text, std::size_t pos) {
    const auto b = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unicode::Utf8Lead lead = unicode::utf8_lead(b(pos));
    const std::size_t available = text.size() - pos;
    if (lead.length <= 1 || available >= lead.length) return false;
    if (available >= 2 && (b(pos + 1) < lead.second_min || b(pos + 1) > lead.second_max)) return false;
    for (std::size_t i = 2; i < available; ++i)
        if ((b(pos + i) & 0xC0) != 0x80) return false;
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
