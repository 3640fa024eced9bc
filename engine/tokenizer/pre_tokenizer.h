#pragma once
// PreTokenizer: splits text into the pieces a byte-level BPE model merges within, exactly as
// the model's reference tokenizer does with its split regexes (tokenizer.ggml.pre names the
// model family). Each regex is a hand-written matcher (pre_tokenizer_patterns.h); a
// pre-tokenizer is a sequence of them, each splitting every piece left by the previous one
// into its matches and the gaps between them (Hugging Face's "Isolated" split behaviour).
// Immutable after construction; split() is const and safe to call from several threads.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace conclave::tokenizer {

// Half-open range [begin, end) of code point indices.
struct CharRange {
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
};

// Leftmost match of one split regex in cps[pos, n): {begin, end} relative to cps, or
// {n, n} when there is none. Lookarounds and `$` see only cps[0, n), the current piece.
using SearchFn = CharRange (*)(const char32_t* cps, std::size_t n, std::size_t pos);

class PreTokenizer {
public:
    // The pre-tokenizer for a tokenizer.ggml.pre name; nullopt when the name is unknown.
    static std::optional<PreTokenizer> for_name(std::string_view name);
    explicit PreTokenizer(std::vector<SearchFn> steps) : m_steps(std::move(steps)) {}

    // Splits cps[0, n) and writes the pieces, in order and covering everything, to out.
    // scratch is reused storage so a caller tokenizing many fragments allocates once.
    void split(const char32_t* cps, std::size_t n, std::vector<CharRange>& out,
               std::vector<CharRange>& scratch) const;

private:
    std::vector<SearchFn> m_steps;
};

} // namespace conclave::tokenizer
