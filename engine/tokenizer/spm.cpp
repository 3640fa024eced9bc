#include "tokenizer/spm.h"

#include "tokenizer/unicode.h"

#include <algorithm>
#include <cstdio>
#include <queue>

namespace conclave::tokenizer {
namespace {

constexpr std::string_view space_marker = "\xE2\x96\x81"; // U+2581 "▁"

// True at byte pos where a "▁" run starts after some other character.
bool starts_marker_run(std::string_view text, std::size_t pos) {
    if (pos == 0 || text.compare(pos, space_marker.size(), space_marker) != 0) {
        return false;
    }
    return pos < space_marker.size() ||
           text.compare(pos - space_marker.size(), space_marker.size(), space_marker) != 0;
}

} // namespace

SpmModel::SpmModel(const Vocab& vocab) : m_vocab(&vocab) {
    m_words_are_independent = true;
    for (std::size_t id = 0; id < vocab.size() && m_words_are_independent; ++id) {
        const std::string& t = vocab.tokens[id];
        for (std::size_t pos = t.find(space_marker, 1); pos != std::string::npos;
             pos = t.find(space_marker, pos + 1)) {
            if (starts_marker_run(t, pos) && mergeable(t) != no_token) {
                m_words_are_independent = false;
                break;
            }
        }
    }
    m_byte_tokens.fill(no_token);
    char name[8];
    for (int b = 0; b < 256; ++b) {
        std::snprintf(name, sizeof name, "<0x%02X>", b);
        if (const auto id = vocab.find(name); id && vocab.type(*id) == TokenType::byte) {
            m_byte_tokens[b] = *id;
        }
    }
}

TokenId SpmModel::mergeable(std::string_view text) const {
    const auto id = m_vocab->find(text);
    if (!id) {
        return no_token;
    }
    const TokenType t = m_vocab->type(*id);
    return t == TokenType::normal || t == TokenType::undefined ? *id : no_token;
}

void SpmModel::emit_symbol(std::string_view text, std::vector<TokenId>& out) const {
    if (const auto id = m_vocab->find(text); id && m_vocab->type(*id) != TokenType::byte) {
        out.push_back(*id);
        return;
    }
    for (const char c : text) {
        const TokenId byte = m_byte_tokens[static_cast<std::uint8_t>(c)];
        if (byte != no_token) {
            out.push_back(byte);
        } else if (m_vocab->unk != no_token) {
            // One unknown token for the whole character, as SentencePiece does.
            out.push_back(m_vocab->unk);
            return;
        }
    }
}

void SpmModel::encode(std::string_view text, std::vector<TokenId>& out) const {
    if (!m_words_are_independent) {
        encode_segment(text, out);
        return;
    }
    std::size_t start = 0;
    for (std::size_t pos = 1; pos < text.size(); ++pos) {
        if (starts_marker_run(text, pos)) {
            encode_segment(text.substr(start, pos - start), out);
            start = pos;
        }
    }
    encode_segment(text.substr(start), out);
}

void SpmModel::encode_segment(std::string_view text, std::vector<TokenId>& out) const {
    struct Symbol {
        std::uint32_t offset;
        std::uint32_t length; // 0 once merged into its left neighbour
        int prev;
        int next;
    };
    struct Candidate {
        float score;
        int left;
        std::uint32_t length; // length of the merged text, to detect stale entries
        bool operator<(const Candidate& o) const {
            return score != o.score ? score < o.score : left > o.left;
        }
    };
    std::vector<Symbol> symbols;
    symbols.reserve(text.size());
    for (std::size_t pos = 0; pos < text.size();) {
        // Invalid UTF-8 bytes are single-byte symbols and end up as byte tokens.
        const std::size_t n = std::max<std::size_t>(1, unicode::valid_sequence_length(text, pos));
        const int index = static_cast<int>(symbols.size());
        symbols.push_back(
            {static_cast<std::uint32_t>(pos), static_cast<std::uint32_t>(n), index - 1, -1});
        if (index > 0) {
            symbols[index - 1].next = index;
        }
        pos += n;
    }
    std::priority_queue<Candidate> queue;
    const auto consider = [&](int left) {
        if (left < 0 || symbols[left].next < 0) {
            return;
        }
        const Symbol& a = symbols[left];
        const Symbol& b = symbols[a.next];
        const std::uint32_t length = a.length + b.length;
        const TokenId id = mergeable(text.substr(a.offset, length));
        if (id != no_token) {
            queue.push({m_vocab->score(id), left, length});
        }
    };
    for (int i = 0; i + 1 < static_cast<int>(symbols.size()); ++i) {
        consider(i);
    }
    while (!queue.empty()) {
        const Candidate c = queue.top();
        queue.pop();
        Symbol& a = symbols[c.left];
        if (a.length == 0 || a.next < 0 || a.length + symbols[a.next].length != c.length) {
            continue; // stale: one side changed since this pair was scored
        }
        Symbol& b = symbols[a.next];
        a.length += b.length;
        b.length = 0;
        a.next = b.next;
        if (a.next >= 0) {
            symbols[a.next].prev = c.left;
        }
        consider(a.prev);
        consider(c.left);
    }
    for (int i = symbols.empty() ? -1 : 0; i >= 0; i = symbols[i].next) {
        emit_symbol(text.substr(symbols[i].offset, symbols[i].length), out);
    }
}

} // namespace conclave::tokenizer
