#include "tokenizer/tokenizer.h"

#include "tokenizer/byte_level.h"
#include "tokenizer/detokenizer.h"
#include "tokenizer/unicode.h"

#include <array>

namespace conclave::tokenizer {
namespace {

constexpr std::string_view space_marker = "\xE2\x96\x81"; // U+2581 "▁"

// Pre-tokenizers whose reference BPE emits a piece that is already a token without merging.
bool ignores_merges(std::string_view pre) {
    for (std::string_view name :
         {"llama3", "llama-v3", "llama-bpe", "falcon3", "pixtral", "tekken"}) {
        if (pre == name) {
            return true;
        }
    }
    return false;
}

// Texts of control tokens that end a turn in the chat formats of common models.
constexpr std::array<std::string_view, 13> eog_texts{
    "<|eot_id|>",
    "<|eom_id|>",
    "<|im_end|>",
    "<|end|>",
    "<end_of_turn>",
    "<|return|>",
    "<|call|>",
    "<|endoftext|>",
    "<|end_of_text|>",
    "<EOT>",
    "_<EOT>",
    "<|end▁of▁sentence|>",
    "<\xEF\xBD\x9C"
    "end\xE2\x96\x81of\xE2\x96\x81sentence\xEF\xBD\x9C>", // <｜end▁of▁sentence｜>
};

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

// The byte of a "<0xXX>" token text, or -1.
int parse_byte_token(std::string_view text) {
    if (text.size() != 6 || text.substr(0, 3) != "<0x" || text[5] != '>') {
        return -1;
    }
    const int hi = hex_digit(text[3]);
    const int lo = hex_digit(text[4]);
    return hi < 0 || lo < 0 ? -1 : hi * 16 + lo;
}

void replace_spaces(std::string_view text, std::string& out) {
    for (const char c : text) {
        if (c == ' ') {
            out += space_marker;
        } else {
            out.push_back(c);
        }
    }
}

} // namespace

Tokenizer::Tokenizer(Vocab vocab) : m_vocab(std::move(vocab)) {}

Result<std::unique_ptr<Tokenizer>> Tokenizer::create(Vocab vocab) {
    std::unique_ptr<Tokenizer> t(new Tokenizer(std::move(vocab)));
    if (auto r = t->init(); !r) {
        return r.error();
    }
    return t;
}

Result<std::unique_ptr<Tokenizer>> Tokenizer::from_gguf(const gguf::GgufFile& file) {
    auto vocab = load_vocab(file);
    if (!vocab) {
        return vocab.error();
    }
    return create(std::move(vocab.value()));
}

Result<void> Tokenizer::init() {
    if (m_vocab.token_ids.empty() && !m_vocab.tokens.empty()) {
        m_vocab.index_tokens();
    }
    switch (m_vocab.model) {
    case VocabModel::bpe:
        // Files without tokenizer.ggml.pre predate it and come from GPT-2 style BPE models
        // (GPT-NeoX, GPT-J), whose reference pre-tokenizer is the GPT-2 regex.
        m_pre = PreTokenizer::for_name(m_vocab.pre.empty() ? "gpt-2" : m_vocab.pre);
        if (!m_pre) {
            return make_error(ErrorCode::unsupported,
                              "pre-tokenizer \"" + m_vocab.pre +
                                  "\" (tokenizer.ggml.pre) is not supported");
        }
        m_bpe = std::make_unique<BpeModel>(m_vocab, ignores_merges(m_vocab.pre));
        break;
    case VocabModel::spm:
        m_spm = std::make_unique<SpmModel>(m_vocab);
        break;
    case VocabModel::wordpiece:
        m_wordpiece = std::make_unique<WordPieceModel>(m_vocab);
        break;
    }
    m_special = std::make_unique<SpecialTokenSplitter>(m_vocab);
    for (const TokenId id : {m_vocab.eos, m_vocab.eot, m_vocab.eom}) {
        if (id != no_token) {
            m_eog.insert(id);
        }
    }
    for (const std::string_view text : eog_texts) {
        if (const auto id = m_vocab.find(text); id && m_vocab.type(*id) == TokenType::control) {
            m_eog.insert(*id);
        }
    }
    return {};
}

std::vector<TokenId> Tokenizer::tokenize(std::string_view text,
                                         const TokenizeOptions& options) const {
    std::vector<TokenId> out;
    tokenize(text, options, out);
    return out;
}

void Tokenizer::tokenize(std::string_view text, const TokenizeOptions& options,
                         std::vector<TokenId>& out) const {
    out.clear();
    if (options.add_special && m_vocab.add_bos && m_vocab.bos != no_token) {
        out.push_back(m_vocab.bos);
    }
    std::vector<Fragment> fragments;
    m_special->split(text, options.parse_special, fragments);
    // SentencePiece prefixes a space to text at the start and after each special token.
    bool after_special = true;
    for (const Fragment& f : fragments) {
        if (f.token != no_token) {
            out.push_back(f.token);
            after_special = true;
        } else {
            encode_fragment(f.text, after_special, out);
            after_special = false;
        }
    }
    if (options.add_special && m_vocab.add_eos && m_vocab.eos != no_token) {
        out.push_back(m_vocab.eos);
    }
}

void Tokenizer::encode_fragment(std::string_view text, bool after_special,
                                std::vector<TokenId>& out) const {
    switch (m_vocab.model) {
    case VocabModel::bpe:
        encode_bpe(text, out);
        break;
    case VocabModel::spm: {
        std::string escaped;
        escaped.reserve(text.size() + 16);
        if (m_vocab.add_space_prefix && after_special) {
            escaped += space_marker;
        }
        replace_spaces(text, escaped);
        m_spm->encode(escaped, out);
        break;
    }
    case VocabModel::wordpiece:
        m_wordpiece->encode(text, out);
        break;
    }
}

void Tokenizer::encode_bpe(std::string_view text, std::vector<TokenId>& out) const {
    std::vector<unicode::DecodedChar> chars;
    unicode::decode_utf8(text, chars);
    std::vector<char32_t> cps(chars.size());
    for (std::size_t i = 0; i < chars.size(); ++i) {
        cps[i] = chars[i].cp;
    }
    std::vector<CharRange> pieces;
    std::vector<CharRange> scratch;
    m_pre->split(cps.data(), cps.size(), pieces, scratch);
    for (const CharRange& p : pieces) {
        const std::size_t begin = chars[p.begin].offset;
        const std::size_t end = p.end < chars.size() ? chars[p.end].offset : text.size();
        m_bpe->encode(text.substr(begin, end - begin), out);
    }
}

std::string Tokenizer::token_to_piece(TokenId id, bool render_special) const {
    if (!m_vocab.contains(id)) {
        return {};
    }
    const std::string& text = m_vocab.tokens[id];
    switch (m_vocab.types[id]) {
    case TokenType::control:
    case TokenType::unused:
        return render_special ? text : std::string();
    case TokenType::unknown:
        return render_special ? text : std::string("\xEF\xBF\xBD");
    case TokenType::user_defined:
        return text;
    case TokenType::byte:
        if (const int b = parse_byte_token(text); b >= 0) {
            return std::string(1, static_cast<char>(b));
        }
        return text;
    case TokenType::normal:
    case TokenType::undefined:
        break;
    }
    std::string out;
    switch (m_vocab.model) {
    case VocabModel::bpe:
        byte_level::decode(text, out);
        break;
    case VocabModel::spm:
        for (std::size_t pos = 0; pos < text.size();) {
            if (text.compare(pos, space_marker.size(), space_marker) == 0) {
                out.push_back(' ');
                pos += space_marker.size();
            } else {
                out.push_back(text[pos++]);
            }
        }
        break;
    case VocabModel::wordpiece:
        if (text.compare(0, space_marker.size(), space_marker) == 0) {
            out = " " + text.substr(space_marker.size());
        } else {
            out = text;
        }
        break;
    }
    return out;
}

std::string Tokenizer::detokenize(std::span<const TokenId> ids,
                                  const DetokenizeOptions& options) const {
    Detokenizer stream(*this, options);
    std::string out;
    for (const TokenId id : ids) {
        out += stream.push(id);
    }
    out += stream.flush();
    return out;
}

} // namespace conclave::tokenizer
