#pragma once
// BpeModel: byte-level BPE (tokenizer.ggml.model "gpt2"). Encodes one pre-tokenized piece
// at a time: its bytes are written in the byte-level alphabet and adjacent symbols are merged
// by merge rank (lowest first, leftmost on ties) until no listed merge applies. Built once
// from a Vocab, which must outlive it; encode() is const and safe from several threads.

#include "tokenizer/vocab.h"

#include <array>
#include <string_view>
#include <vector>

namespace conclave::tokenizer {

class BpeModel {
public:
    // ignore_merges: a piece that is itself a token is emitted whole (Llama 3 style vocabularies).
    BpeModel(const Vocab& vocab, bool ignore_merges);

    void encode(std::string_view piece, std::vector<TokenId>& out) const;
    std::size_t merge_count() const { return m_merge_count; }

private:
    // One slot of the merge table: the pair (left << 32 | right), its rank and the merged token.
    // An open-addressing table, because merge lookups are most of the time spent encoding.
    struct MergeSlot {
        std::uint64_t key = empty_key;
        std::uint32_t rank = 0;
        TokenId result = no_token;
    };
    static constexpr std::uint64_t empty_key = ~std::uint64_t{0}; // ids are below 2^31
    static std::uint64_t pair_key(TokenId left, TokenId right) {
        return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(left)) << 32) |
               static_cast<std::uint32_t>(right);
    }
    std::size_t slot_of(std::uint64_t key) const;
    void merge_short(const TokenId* initial, int n, std::vector<TokenId>& out) const;
    void merge_long(const TokenId* initial, int n, std::vector<TokenId>& out) const;
    void append_ids(const TokenId* ids, int n, std::vector<TokenId>& out) const;

    static constexpr int short_piece = 48; // longer pieces use the priority queue
    const MergeSlot* find_merge(TokenId left, TokenId right) const;

    const Vocab* m_vocab;
    bool m_ignore_merges;
    std::array<TokenId, 256> m_byte_tokens{};
    std::vector<MergeSlot> m_table; // size is a power of two, at most half full
    std::size_t m_merge_count = 0;
};

} // namespace conclave::tokenizer
