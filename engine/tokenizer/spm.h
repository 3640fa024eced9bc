#pragma once
// SpmModel: SentencePiece BPE (tokenizer.ggml.model "llama"). The text arrives with spaces
// already written as U+2581 "▁"; it starts as one symbol per UTF-8 character and the adjacent
// pair whose concatenation is the highest-scoring token is merged first (leftmost on ties)
// until no pair forms a token. Characters without a token fall back to <0xXX> byte tokens,
// or to the unknown token when the vocabulary has none. The Vocab must outlive the model;
// encode() is const and safe from several threads.

#include "tokenizer/vocab.h"

#include <array>
#include <string_view>
#include <vector>

namespace conclave::tokenizer {

class SpmModel {
public:
    explicit SpmModel(const Vocab& vocab);

    void encode(std::string_view text, std::vector<TokenId>& out) const;

private:
    void encode_segment(std::string_view text, std::vector<TokenId>& out) const;
    // The token for text if it may result from a merge (normal tokens only).
    TokenId mergeable(std::string_view text) const;
    void emit_symbol(std::string_view text, std::vector<TokenId>& out) const;

    const Vocab* m_vocab;
    std::array<TokenId, 256> m_byte_tokens{};
    // True when no token has "▁" right after another character, so no merge can cross the
    // start of a "▁" run and the text may be encoded one word at a time (much faster than one
    // symbol list for the whole text, with the same result).
    bool m_words_are_independent = false;
};

} // namespace conclave::tokenizer
