// libFuzzer target for tokenizer input: any bytes (invalid UTF-8 included) must tokenize
// without crashing into ids inside the vocabulary, and decode to valid UTF-8. For byte-level
// BPE (gpt-2) and SentencePiece with byte fallback (llama-spm) the token pieces must also give
// back exactly the input bytes. The first input byte picks the vocabulary and the options.
// Vocabularies come from $CONCLAVE_SHARED_DIR/fixtures/tokenizer; without them a built-in
// byte-level vocabulary is used so the target still runs.

#include "gguf/gguf_file.h"
#include "tokenizer/byte_level.h"
#include "tokenizer/detokenizer.h"
#include "tokenizer/tokenizer.h"
#include "tokenizer/unicode.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

namespace {

using namespace conclave;
using namespace conclave::tokenizer;

struct FuzzVocab {
    std::unique_ptr<Tokenizer> tokenizer;
    bool lossless_bytes = false; // pieces concatenate back to the input (no added tokens)
    bool space_prefix = false;   // ... after a leading space the vocabulary adds
};

std::unique_ptr<Tokenizer> builtin_bpe() {
    Vocab v;
    v.model = VocabModel::bpe;
    v.pre = "llama3";
    for (int b = 0; b < 256; ++b) {
        std::string s;
        unicode::append_utf8(s, byte_level::byte_to_char(static_cast<std::uint8_t>(b)));
        v.tokens.push_back(s);
    }
    v.tokens.push_back("\xC4\xA0t");
    v.merges = {"\xC4\xA0 t"};
    v.index_tokens();
    auto t = Tokenizer::create(std::move(v));
    return t ? std::move(t.value()) : nullptr;
}

std::vector<FuzzVocab> load_vocabs() {
    std::vector<FuzzVocab> out;
    const char* shared = std::getenv("CONCLAVE_SHARED_DIR");
    const std::string dir =
        std::string(shared ? shared : "../shared") + "/fixtures/tokenizer/ggml-vocab-";
    const struct {
        const char* name;
        bool lossless;
        bool prefix;
    } files[] = {{"gpt-2", true, false},     {"llama-spm", true, true},
                 {"bert-bge", false, false}, {"deepseek-llm", false, false},
                 {"phi-3", false, false},    {"starcoder", false, false}};
    for (const auto& f : files) {
        auto file = gguf::GgufFile::open(dir + f.name + ".gguf", {true});
        if (!file) {
            continue;
        }
        if (auto t = Tokenizer::from_gguf(**file)) {
            out.push_back({std::move(t.value()), f.lossless, f.prefix});
        }
    }
    if (out.empty()) {
        out.push_back({builtin_bpe(), true, false});
    }
    return out;
}

bool is_valid_utf8(const std::string& s) {
    for (std::size_t pos = 0; pos < s.size();) {
        const std::size_t n = unicode::valid_sequence_length(s, pos);
        if (n == 0) {
            return false;
        }
        pos += n;
    }
    return true;
}

} // namespace

static const std::vector<FuzzVocab>& vocabs_once() {
    static const std::vector<FuzzVocab> vocabs = load_vocabs();
    return vocabs;
}

// Building six real vocabularies takes seconds under the sanitizers; done here it is not
// charged to the first input's time limit (a busy CI machine went past the 10 s limit).
extern "C" int LLVMFuzzerInitialize(int*, char***) {
    vocabs_once();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::vector<FuzzVocab>& vocabs = vocabs_once();
    if (size == 0) {
        return 0;
    }
    const FuzzVocab& fv = vocabs[data[0] % vocabs.size()];
    const bool parse_special = (data[0] & 0x80) != 0;
    const std::string text(reinterpret_cast<const char*>(data + 1), size - 1);
    const Tokenizer& tok = *fv.tokenizer;

    const auto ids = tok.tokenize(text, {true, parse_special});
    std::string bytes;
    for (const TokenId id : ids) {
        if (!tok.vocab().contains(id)) {
            __builtin_trap();
        }
    }
    const auto plain = tok.tokenize(text, {false, false});
    for (const TokenId id : plain) {
        bytes += tok.token_to_piece(id);
    }
    // "▁" in the input decodes as a space, so only inputs without it must come back verbatim.
    const bool has_marker = text.find("\xE2\x96\x81") != std::string::npos;
    if (fv.lossless_bytes && !has_marker &&
        bytes != (fv.space_prefix && !text.empty() ? " " + text : text)) {
        __builtin_trap();
    }
    Detokenizer stream(tok, {parse_special, true});
    std::string streamed;
    for (const TokenId id : ids) {
        streamed += stream.push(id);
    }
    streamed += stream.flush();
    if (!is_valid_utf8(streamed) || !is_valid_utf8(tok.detokenize(plain))) {
        __builtin_trap();
    }
    return 0;
}
