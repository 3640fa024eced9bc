#include "tokenizer/bpe.h"

#include "tokenizer/byte_level.h"
#include "tokenizer/unicode.h"

#include <algorithm>
#include <queue>
#include <string>

namespace conclave::tokenizer {

BpeModel::BpeModel(const Vocab& vocab, bool ignore_merges)
    : m_vocab(&vocab), m_ignore_merges(ignore_merges) {
    for (int b = 0; b < 256; ++b) {
        std::string text;
        unicode::append_utf8(text, byte_level::byte_to_char(static_cast<std::uint8_t>(b)));
        m_byte_tokens[b] = vocab.find(text).value_or(no_token);
    }
    std::size_t capacity = 16;
    while (capacity < vocab.merges.size() * 2) {
        capacity *= 2;
    }
    m_table.resize(capacity);
    std::string joined;
    for (std::size_t rank = 0; rank < vocab.merges.size(); ++rank) {
        const std::string& m = vocab.merges[rank];
        // Byte-level token texts never contain a raw space, so the first one separates the pair.
        const std::size_t space = m.find(' ', 1);
        if (space == std::string::npos) {
            continue;
        }
        const auto left = vocab.find(std::string_view(m).substr(0, space));
        const auto right = vocab.find(std::string_view(m).substr(space + 1));
        joined.assign(m, 0, space);
        joined.append(m, space + 1);
        const auto result = vocab.find(joined);
        // A merge whose parts or result are not tokens can never fire; skip it.
        if (!left || !right || !result) {
            continue;
        }
        MergeSlot& slot = m_table[slot_of(pair_key(*left, *right))];
        if (slot.key == empty_key) { // a repeated pair keeps its first (best) rank
            slot = {pair_key(*left, *right), static_cast<std::uint32_t>(rank), *result};
            ++m_merge_count;
        }
    }
}

std::size_t BpeModel::slot_of(std::uint64_t key) const {
    const std::size_t mask = m_table.size() - 1;
    std::size_t i = static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> 32) & mask;
    while (m_table[i].key != key && m_table[i].key != empty_key) {
        i = (i + 1) & mask;
    }
    return i;
}

const BpeModel::MergeSlot* BpeModel::find_merge(TokenId left, TokenId right) const {
    if (left < 0 || right < 0) {
        return nullptr;
    }
    const MergeSlot& slot = m_table[slot_of(pair_key(left, right))];
    return slot.key == empty_key ? nullptr : &slot;
}

void BpeModel::encode(std::string_view piece, std::vector<TokenId>& out) const {
    if (piece.empty()) {
        return;
    }
    if (m_ignore_merges) {
        std::string text;
        byte_level::encode(piece, text);
        if (const auto id = m_vocab->find(text)) {
            out.push_back(*id);
            return;
        }
    }
    TokenId initial[short_piece];
    std::vector<TokenId> long_initial;
    TokenId* ids = initial;
    const int n = static_cast<int>(piece.size());
    if (n > short_piece) {
        long_initial.resize(piece.size());
        ids = long_initial.data();
    }
    for (int i = 0; i < n; ++i) {
        ids[i] = m_byte_tokens[static_cast<std::uint8_t>(piece[i])];
    }
    if (n <= short_piece) {
        merge_short(ids, n, out);
    } else {
        merge_long(ids, n, out);
    }
}

// Most pieces are words of a few bytes: keep the rank of every adjacent pair in a small array
// and scan it for the best one. Quadratic, so only below short_piece symbols.
void BpeModel::merge_short(const TokenId* initial, int n, std::vector<TokenId>& out) const {
    constexpr std::uint32_t none = ~std::uint32_t{0};
    TokenId ids[short_piece];
    std::uint32_t rank[short_piece]; // rank[i]: merge of ids[i] and ids[i + 1]
    TokenId result[short_piece];
    const auto score = [&](int i) {
        const MergeSlot* m = find_merge(ids[i], ids[i + 1]);
        rank[i] = m ? m->rank : none;
        result[i] = m ? m->result : no_token;
    };
    std::copy(initial, initial + n, ids);
    for (int i = 0; i + 1 < n; ++i) {
        score(i);
    }
    while (n > 1) {
        int best = -1;
        for (int i = 0; i + 1 < n; ++i) {
            if (rank[i] != none && (best < 0 || rank[i] < rank[best])) {
                best = i; // strict '<' keeps the leftmost of equal ranks
            }
        }
        if (best < 0) {
            break;
        }
        ids[best] = result[best];
        for (int i = best + 1; i + 1 < n; ++i) {
            ids[i] = ids[i + 1];
            rank[i] = rank[i + 1];
            result[i] = result[i + 1];
        }
        --n;
        if (best > 0) {
            score(best - 1);
        }
        if (best + 1 < n) {
            score(best);
        }
    }
    append_ids(ids, n, out);
}

// Long pieces (runs of punctuation or spaces): a priority queue of candidate pairs over a
// linked list of symbols, so the cost stays n log n.
void BpeModel::merge_long(const TokenId* initial, int n, std::vector<TokenId>& out) const {
    struct Symbol {
        TokenId id;
        int prev;
        int next;
    };
    struct Candidate {
        std::uint32_t rank;
        int left;
        TokenId left_id;
        TokenId right_id;
        TokenId result;
        bool operator>(const Candidate& o) const {
            return rank != o.rank ? rank > o.rank : left > o.left;
        }
    };
    std::vector<Symbol> symbols(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        symbols[i] = {initial[i], i - 1, i + 1 < n ? i + 1 : -1};
    }
    std::priority_queue<Candidate, std::vector<Candidate>, std::greater<>> queue;
    const auto consider = [&](int left) {
        if (left < 0 || symbols[left].next < 0) {
            return;
        }
        const Symbol& a = symbols[left];
        const Symbol& b = symbols[a.next];
        if (const MergeSlot* m = find_merge(a.id, b.id)) {
            queue.push({m->rank, left, a.id, b.id, m->result});
        }
    };
    for (int i = 0; i + 1 < n; ++i) {
        consider(i);
    }
    while (!queue.empty()) {
        const Candidate c = queue.top();
        queue.pop();
        Symbol& a = symbols[c.left];
        // Stale candidates (a side already merged into something else) are skipped.
        if (a.id != c.left_id || a.next < 0 || symbols[a.next].id != c.right_id) {
            continue;
        }
        const int removed = a.next;
        a.id = c.result;
        a.next = symbols[removed].next;
        if (a.next >= 0) {
            symbols[a.next].prev = c.left;
        }
        symbols[removed].id = no_token;
        consider(a.prev);
        consider(c.left);
    }
    std::vector<TokenId> ids;
    for (int i = 0; i >= 0; i = symbols[i].next) {
        ids.push_back(symbols[i].id);
    }
    append_ids(ids.data(), static_cast<int>(ids.size()), out);
}

void BpeModel::append_ids(const TokenId* ids, int n, std::vector<TokenId>& out) const {
    for (int i = 0; i < n; ++i) {
        if (ids[i] != no_token) {
            out.push_back(ids[i]);
        } else if (m_vocab->unk != no_token) {
            out.push_back(m_vocab->unk); // a byte with no token in this vocabulary
        }
    }
}

} // namespace conclave::tokenizer
