#pragma once
// WordPieceModel: BERT's tokenizer (tokenizer.ggml.model "bert"). Normalizes like BERT's
// uncased tokenizer (drops control characters, decomposes to NFD and drops non-spacing marks,
// lowercases), splits on whitespace, isolates punctuation and CJK ideographs, then matches
// each word greedily longest-first. GGUF vocabularies mark word starts with U+2581 "▁" instead
// of marking continuations with "##". A word that cannot be matched becomes the unknown token.
// The Vocab must outlive the model; encode() is const and safe from several threads.

#include "tokenizer/vocab.h"

#include <string>
#include <string_view>
#include <vector>

namespace conclave::tokenizer {

class WordPieceModel {
public:
    explicit WordPieceModel(const Vocab& vocab) : m_vocab(&vocab) {}

    void encode(std::string_view text, std::vector<TokenId>& out) const;

private:
    void encode_word(const std::u32string& word, std::vector<TokenId>& out) const;

    const Vocab* m_vocab;
};

} // namespace conclave::tokenizer
