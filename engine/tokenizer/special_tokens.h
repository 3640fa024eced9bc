#pragma once
// SpecialTokenSplitter: finds the texts of special tokens inside input text before the
// model's algorithm sees it, so "<|im_end|>" becomes its one token instead of pieces.
// User-defined tokens are always split out (the reference tokenizers treat them as added
// tokens); control and unknown tokens only when the caller asks to parse specials, so text
// typed by a user cannot smuggle in control tokens. Matching is leftmost, then longest.
// Built once from a Vocab (which must outlive it); split() is const and thread-safe.

#include "tokenizer/vocab.h"

#include <array>
#include <string_view>
#include <utility>
#include <vector>

namespace conclave::tokenizer {

// A piece of input: a special token, or raw text for the model's algorithm.
struct Fragment {
    TokenId token = no_token; // no_token for raw text
    std::string_view text;
};

class SpecialTokenSplitter {
public:
    explicit SpecialTokenSplitter(const Vocab& vocab);

    void split(std::string_view text, bool parse_special, std::vector<Fragment>& out) const;
    bool empty() const { return m_nodes.size() <= 1; }

private:
    // A byte trie of the special texts: a position costs one step per matching byte, however
    // many tokens there are (vocabularies hold thousands of "<unused42>"-style controls).
    struct Node {
        std::vector<std::pair<unsigned char, std::uint32_t>> next; // byte -> child node
        TokenId any = no_token;          // the special token spelled by the path to here
        TokenId user_defined = no_token; // ... when it is user-defined (always matched)
    };
    std::uint32_t child(std::uint32_t node, unsigned char byte) const;
    // Longest special token starting at pos: {id, length}, or {no_token, 0}.
    std::pair<TokenId, std::size_t> match_at(std::string_view text, std::size_t pos,
                                             bool parse_special) const;

    std::vector<Node> m_nodes;                    // m_nodes[0] is the root
    std::array<std::uint32_t, 256> m_root_next{}; // 0: no child
};

} // namespace conclave::tokenizer
