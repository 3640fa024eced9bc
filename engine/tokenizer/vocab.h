#pragma once
// Vocab: a model's tokenizer vocabulary as read from the `tokenizer.ggml.*` GGUF metadata:
// token texts, scores, types, BPE merges, special token ids and the encoding flags. A plain
// value that owns copies of everything (the GgufFile may be closed after load_vocab). Immutable
// once built; safe to share between threads for reading.

#include "conclave/result.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace conclave::gguf {
class GgufFile;
}

namespace conclave::tokenizer {

using TokenId = std::int32_t;
inline constexpr TokenId no_token = -1;

// Values of tokenizer.ggml.token_type, as written by the GGUF converters; never renumber.
enum class TokenType : std::int32_t {
    undefined = 0,
    normal = 1,
    unknown = 2,
    control = 3,
    user_defined = 4,
    unused = 5,
    byte = 6,
};

// tokenizer.ggml.model: which algorithm turns text into tokens.
enum class VocabModel {
    bpe,       // "gpt2": byte-level BPE with merges and a pre-tokenizer
    spm,       // "llama": SentencePiece, score-ordered merges with byte fallback
    wordpiece, // "bert": lowercasing, accent stripping, greedy longest match
};

// Hash for heterogeneous lookup, so token texts are found by string_view without a copy.
struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using TokenIndex = std::unordered_map<std::string, TokenId, TextHash, std::equal_to<>>;

struct Vocab {
    VocabModel model = VocabModel::bpe;
    std::string pre; // tokenizer.ggml.pre (empty when absent)

    std::vector<std::string> tokens;
    std::vector<float> scores;       // empty when the file has none
    std::vector<TokenType> types;    // same size as tokens
    std::vector<std::string> merges; // "left right", in priority order (BPE only)
    TokenIndex token_ids;            // text -> first id with that text

    TokenId bos = no_token;
    TokenId eos = no_token;
    TokenId eot = no_token;
    TokenId eom = no_token;
    TokenId unk = no_token;
    TokenId pad = no_token;
    bool add_bos = false;
    bool add_eos = false;
    bool add_space_prefix = false;

    std::size_t size() const { return tokens.size(); }
    bool contains(TokenId id) const {
        return id >= 0 && static_cast<std::size_t>(id) < tokens.size();
    }
    std::optional<TokenId> find(std::string_view text) const;
    TokenType type(TokenId id) const { return contains(id) ? types[id] : TokenType::undefined; }
    float score(TokenId id) const { return contains(id) && !scores.empty() ? scores[id] : 0.0f; }

    // Rebuilds token_ids from tokens; call after filling tokens by hand (tests).
    void index_tokens();
};

// Reads the tokenizer.ggml.* keys. Errors name the missing or malformed key; an unknown
// tokenizer.ggml.model is ErrorCode::unsupported.
Result<Vocab> load_vocab(const gguf::GgufFile& file);

} // namespace conclave::tokenizer
