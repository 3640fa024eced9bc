#include "tokenizer/special_tokens.h"

namespace conclave::tokenizer {

SpecialTokenSplitter::SpecialTokenSplitter(const Vocab& vocab) : m_nodes(1) {
    for (std::size_t i = 0; i < vocab.size(); ++i) {
        const TokenType t = vocab.types[i];
        const std::string& text = vocab.tokens[i];
        const bool special =
            t == TokenType::control || t == TokenType::user_defined || t == TokenType::unknown;
        if (!special || text.empty()) {
            continue;
        }
        std::uint32_t node = 0;
        for (const char c : text) {
            const auto byte = static_cast<unsigned char>(c);
            std::uint32_t next = child(node, byte);
            if (next == 0) {
                next = static_cast<std::uint32_t>(m_nodes.size());
                m_nodes.emplace_back();
                if (node == 0) {
                    m_root_next[byte] = next;
                } else {
                    m_nodes[node].next.emplace_back(byte, next);
                }
            }
            node = next;
        }
        const auto id = static_cast<TokenId>(i);
        Node& end = m_nodes[node];
        // Two specials with one text: the first wins, except that a user-defined one is
        // preferred because it is matched in both modes.
        if (t == TokenType::user_defined && end.user_defined == no_token) {
            end.user_defined = id;
            end.any = id;
        } else if (end.any == no_token) {
            end.any = id;
        }
    }
}

std::uint32_t SpecialTokenSplitter::child(std::uint32_t node, unsigned char byte) const {
    if (node == 0) {
        return m_root_next[byte];
    }
    for (const auto& [b, next] : m_nodes[node].next) {
        if (b == byte) {
            return next;
        }
    }
    return 0;
}

std::pair<TokenId, std::size_t>
SpecialTokenSplitter::match_at(std::string_view text, std::size_t pos, bool parse_special) const {
    std::pair<TokenId, std::size_t> best{no_token, 0};
    std::uint32_t node = 0;
    for (std::size_t i = pos; i < text.size(); ++i) {
        node = child(node, static_cast<unsigned char>(text[i]));
        if (node == 0) {
            break;
        }
        const TokenId id = parse_special ? m_nodes[node].any : m_nodes[node].user_defined;
        if (id != no_token) {
            best = {id, i + 1 - pos};
        }
    }
    return best;
}

void SpecialTokenSplitter::split(std::string_view text, bool parse_special,
                                 std::vector<Fragment>& out) const {
    out.clear();
    std::size_t raw_start = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const auto [id, length] = match_at(text, pos, parse_special);
        if (id == no_token) {
            ++pos;
            continue;
        }
        if (pos > raw_start) {
            out.push_back({no_token, text.substr(raw_start, pos - raw_start)});
        }
        out.push_back({id, text.substr(pos, length)});
        pos += length;
        raw_start = pos;
    }
    if (raw_start < text.size()) {
        out.push_back({no_token, text.substr(raw_start)});
    }
}

} // namespace conclave::tokenizer
