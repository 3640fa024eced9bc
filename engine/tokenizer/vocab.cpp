#include "tokenizer/vocab.h"

#include "gguf/gguf_file.h"

namespace conclave::tokenizer {
namespace {

Error key_error(std::string_view key, std::string_view what) {
    return make_error(ErrorCode::invalid_format,
                      "tokenizer metadata: " + std::string(key) + " " + std::string(what));
}

Result<void> read_strings(const gguf::GgufFile& file, std::string_view key, bool required,
                          std::vector<std::string>& out) {
    const gguf::MetadataValue* v = file.find(key);
    if (!v) {
        return required ? Result<void>(key_error(key, "is missing")) : Result<void>();
    }
    if (!v->is_array() || v->element_type() != gguf::ValueType::string) {
        return key_error(key, "is not an array of strings");
    }
    out.reserve(v->size());
    for (std::uint64_t i = 0; i < v->size(); ++i) {
        const auto s = v->string_at(i);
        if (!s) {
            return key_error(key, "has an unreadable element " + std::to_string(i));
        }
        out.emplace_back(*s);
    }
    return {};
}

// Reads an optional token id; ids outside the vocabulary are treated as absent, since some
// converters write placeholder ids and a bad id must not reach the tokenizer.
void read_token_id(const gguf::GgufFile& file, std::string_view key, std::size_t n_tokens,
                   TokenId& out) {
    const auto v = file.get_uint(key);
    if (v && *v < n_tokens) {
        out = static_cast<TokenId>(*v);
    }
}

void read_flag(const gguf::GgufFile& file, std::string_view key, bool& out) {
    if (const auto v = file.get_bool(key)) {
        out = *v;
    }
}

Result<void> read_scores_and_types(const gguf::GgufFile& file, Vocab& vocab) {
    const std::size_t n = vocab.tokens.size();
    if (const gguf::MetadataValue* scores = file.find("tokenizer.ggml.scores")) {
        if (!scores->is_array() || scores->size() != n) {
            return key_error("tokenizer.ggml.scores", "does not have one number per token");
        }
        vocab.scores.resize(n);
        for (std::size_t i = 0; i < n; ++i) {
            const auto s = scores->float_at(i);
            if (!s) {
                return key_error("tokenizer.ggml.scores", "is not an array of numbers");
            }
            vocab.scores[i] = static_cast<float>(*s);
        }
    }
    vocab.types.assign(n, TokenType::normal);
    if (const gguf::MetadataValue* types = file.find("tokenizer.ggml.token_type")) {
        if (!types->is_array() || types->size() != n) {
            return key_error("tokenizer.ggml.token_type", "does not have one type per token");
        }
        for (std::size_t i = 0; i < n; ++i) {
            const auto t = types->int_at(i);
            if (!t) {
                return key_error("tokenizer.ggml.token_type", "is not an array of integers");
            }
            // Unknown type numbers behave as normal tokens rather than failing the load.
            vocab.types[i] = *t >= 0 && *t <= 6 ? static_cast<TokenType>(*t) : TokenType::normal;
        }
    }
    return {};
}

Result<VocabModel> parse_model(std::string_view name) {
    if (name == "gpt2") return VocabModel::bpe;
    if (name == "llama") return VocabModel::spm;
    if (name == "bert") return VocabModel::wordpiece;
    return make_error(ErrorCode::unsupported,
                      "tokenizer model \"" + std::string(name) + "\" is not supported");
}

void apply_model_defaults(const gguf::GgufFile& file, Vocab& vocab) {
    const std::size_t n = vocab.tokens.size();
    switch (vocab.model) {
    case VocabModel::spm:
        // SentencePiece conventions when the file does not say otherwise.
        vocab.add_bos = true;
        vocab.add_space_prefix = true;
        vocab.unk = n > 0 ? 0 : no_token;
        vocab.bos = n > 1 ? 1 : no_token;
        vocab.eos = n > 2 ? 2 : no_token;
        break;
    case VocabModel::wordpiece:
        // BERT frames every input as [CLS] ... [SEP].
        vocab.add_bos = true;
        vocab.add_eos = true;
        read_token_id(file, "tokenizer.ggml.cls_token_id", n, vocab.bos);
        read_token_id(file, "tokenizer.ggml.seperator_token_id", n, vocab.eos);
        break;
    case VocabModel::bpe:
        break;
    }
}

} // namespace

std::optional<TokenId> Vocab::find(std::string_view text) const {
    const auto it = token_ids.find(text);
    if (it == token_ids.end()) {
        return std::nullopt;
    }
    return it->second;
}

void Vocab::index_tokens() {
    token_ids.clear();
    token_ids.reserve(tokens.size());
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        token_ids.emplace(tokens[i], static_cast<TokenId>(i));
    }
    if (types.size() != tokens.size()) {
        types.resize(tokens.size(), TokenType::normal);
    }
}

Result<Vocab> load_vocab(const gguf::GgufFile& file) {
    Vocab vocab;
    const auto model_name = file.get_string("tokenizer.ggml.model");
    if (!model_name) {
        return key_error("tokenizer.ggml.model", "is missing: the file has no tokenizer");
    }
    auto model = parse_model(*model_name);
    if (!model) {
        return model.error();
    }
    vocab.model = *model;
    vocab.pre = std::string(file.get_string("tokenizer.ggml.pre").value_or(""));

    if (auto r = read_strings(file, "tokenizer.ggml.tokens", true, vocab.tokens); !r) {
        return r.error();
    }
    if (vocab.tokens.empty() || vocab.tokens.size() > 0x7FFFFFFF) {
        return key_error("tokenizer.ggml.tokens", "has an impossible number of tokens");
    }
    if (auto r = read_scores_and_types(file, vocab); !r) {
        return r.error();
    }
    if (auto r = read_strings(file, "tokenizer.ggml.merges", vocab.model == VocabModel::bpe,
                              vocab.merges);
        !r) {
        return r.error();
    }

    apply_model_defaults(file, vocab);
    const std::size_t n = vocab.tokens.size();
    read_token_id(file, "tokenizer.ggml.bos_token_id", n, vocab.bos);
    read_token_id(file, "tokenizer.ggml.eos_token_id", n, vocab.eos);
    read_token_id(file, "tokenizer.ggml.eot_token_id", n, vocab.eot);
    read_token_id(file, "tokenizer.ggml.eom_token_id", n, vocab.eom);
    read_token_id(file, "tokenizer.ggml.unknown_token_id", n, vocab.unk);
    read_token_id(file, "tokenizer.ggml.padding_token_id", n, vocab.pad);
    read_flag(file, "tokenizer.ggml.add_bos_token", vocab.add_bos);
    read_flag(file, "tokenizer.ggml.add_eos_token", vocab.add_eos);
    read_flag(file, "tokenizer.ggml.add_space_prefix", vocab.add_space_prefix);

    vocab.index_tokens();
    return vocab;
}

} // namespace conclave::tokenizer
