#pragma once
// Tokenizer: text to token ids and back for one model, built from its GGUF vocabulary.
// Splits out special tokens, then runs the model's algorithm (byte-level BPE with the
// pre-tokenizer named by tokenizer.ggml.pre, SentencePiece, or WordPiece) on the text between
// them, and adds BOS/EOS as the vocabulary asks. Owns its Vocab; its models point into it, so
// a Tokenizer is neither copied nor moved and lives behind the unique_ptr create() returns.
// Immutable after create(): every const method is safe to call from several threads at once.
// Never fails on input text: bytes that are not valid UTF-8 are encoded as byte tokens (or
// the unknown token).

#include "conclave/result.h"
#include "tokenizer/bpe.h"
#include "tokenizer/pre_tokenizer.h"
#include "tokenizer/special_tokens.h"
#include "tokenizer/spm.h"
#include "tokenizer/vocab.h"
#include "tokenizer/wordpiece.h"

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace conclave::gguf {
class GgufFile;
}

namespace conclave::tokenizer {

struct TokenizeOptions {
    bool add_special = true;    // add BOS/EOS when the vocabulary asks for them
    bool parse_special = false; // match control tokens ("<|im_end|>") written in the text
};

struct DetokenizeOptions {
    bool render_special = false;      // write the text of control tokens instead of nothing
    bool strip_leading_space = false; // drop the space SentencePiece-style vocabularies prefix
};

class Tokenizer {
public:
    // Errors: ErrorCode::unsupported for a pre-tokenizer this build does not know.
    static Result<std::unique_ptr<Tokenizer>> create(Vocab vocab);
    static Result<std::unique_ptr<Tokenizer>> from_gguf(const gguf::GgufFile& file);

    Tokenizer(const Tokenizer&) = delete;
    Tokenizer& operator=(const Tokenizer&) = delete;

    const Vocab& vocab() const { return m_vocab; }

    std::vector<TokenId> tokenize(std::string_view text, const TokenizeOptions& options = {}) const;
    void tokenize(std::string_view text, const TokenizeOptions& options,
                  std::vector<TokenId>& out) const;

    // The bytes a token stands for (byte tokens are single bytes; may be part of a UTF-8
    // character). Control tokens give "" unless render_special; unknown ids give "".
    std::string token_to_piece(TokenId id, bool render_special = false) const;
    // Complete text of a token sequence; invalid UTF-8 in it comes out as U+FFFD.
    std::string detokenize(std::span<const TokenId> ids,
                           const DetokenizeOptions& options = {}) const;

    // End of generation: EOS, EOT, EOM and control tokens such as <|im_end|> or <end_of_turn>.
    bool is_eog(TokenId id) const { return m_eog.count(id) != 0; }
    const std::unordered_set<TokenId>& eog_tokens() const { return m_eog; }

private:
    explicit Tokenizer(Vocab vocab);
    Result<void> init();
    void encode_fragment(std::string_view text, bool at_start, std::vector<TokenId>& out) const;
    void encode_bpe(std::string_view text, std::vector<TokenId>& out) const;

    Vocab m_vocab;
    std::optional<PreTokenizer> m_pre;
    std::unique_ptr<BpeModel> m_bpe;
    std::unique_ptr<SpmModel> m_spm;
    std::unique_ptr<WordPieceModel> m_wordpiece;
    std::unique_ptr<SpecialTokenSplitter> m_special;
    std::unordered_set<TokenId> m_eog;
};

} // namespace conclave::tokenizer
