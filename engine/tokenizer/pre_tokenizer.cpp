#include "tokenizer/pre_tokenizer.h"

#include "tokenizer/pre_tokenizer_patterns.h"

#include <array>
#include <utility>

namespace conclave::tokenizer {
namespace {

using namespace patterns;

struct NamedPreTokenizer {
    std::string_view name;
    std::vector<SearchFn> steps;
};

// tokenizer.ggml.pre names (as written by the GGUF converters) and the split regexes of the
// models they stand for. Names sharing a regex sequence share a row's steps.
const std::vector<NamedPreTokenizer>& pre_tokenizer_table() {
    static const std::vector<NamedPreTokenizer> table = [] {
        const std::vector<SearchFn> gpt2_steps{gpt2};
        const std::vector<SearchFn> llama3_steps{llama3};
        const std::vector<SearchFn> qwen2_steps{qwen2};
        const std::vector<SearchFn> starcoder_steps{digit, gpt2};
        const std::vector<SearchFn> gpt4o_steps{gpt4o};
        std::vector<NamedPreTokenizer> t;
        for (std::string_view name : {"default", "llama3", "llama-v3", "llama-bpe", "falcon3",
                                      "pixtral", "dbrx", "smaug-bpe"}) {
            t.push_back({name, llama3_steps});
        }
        for (std::string_view name : {"qwen2", "deepseek-r1-qwen", "stablelm2"}) {
            t.push_back({name, qwen2_steps});
        }
        for (std::string_view name : {"gpt-2", "phi-2", "mpt", "olmo", "jais", "trillion",
                                      "jina-es", "jina-de", "gigachat", "roberta-bpe"}) {
            t.push_back({name, gpt2_steps});
        }
        for (std::string_view name :
             {"starcoder", "refact", "command-r", "smollm", "codeshell", "exaone", "minerva-7b"}) {
            t.push_back({name, starcoder_steps});
        }
        for (std::string_view name : {"gpt-4o", "llama4"}) {
            t.push_back({name, gpt4o_steps});
        }
        t.push_back({"tekken", {tekken}});
        t.push_back({"kimi-k2", {han, kimi_k2}});
        t.push_back({"falcon", {falcon_punctuation, gpt2, ascii_digits_3}});
        t.push_back({"deepseek-llm",
                     {newline, deepseek_llm_letters, deepseek_llm_punctuation, trailing_space,
                      deepseek_llm_cjk, digits}});
        t.push_back({"deepseek-coder",
                     {newline, space_letters, space_punctuation, deepseek_llm_cjk, digit}});
        t.push_back({"deepseek-v3", {digits_1_3, deepseek_v3_cjk, deepseek_v3}});
        return t;
    }();
    return table;
}

} // namespace

std::optional<PreTokenizer> PreTokenizer::for_name(std::string_view name) {
    for (const NamedPreTokenizer& entry : pre_tokenizer_table()) {
        if (entry.name == name) {
            return PreTokenizer(entry.steps);
        }
    }
    return std::nullopt;
}

void PreTokenizer::split(const char32_t* cps, std::size_t n, std::vector<CharRange>& out,
                         std::vector<CharRange>& scratch) const {
    out.clear();
    if (n == 0) {
        return;
    }
    out.push_back({0, static_cast<std::uint32_t>(n)});
    for (SearchFn step : m_steps) {
        scratch.clear();
        for (const CharRange piece : out) {
            const char32_t* base = cps + piece.begin;
            const std::size_t len = piece.end - piece.begin;
            std::size_t pos = 0;
            while (pos < len) {
                const CharRange m = step(base, len, pos);
                if (m.begin >= len || m.end <= m.begin) {
                    break; // no further match (an empty match would never advance)
                }
                if (m.begin > pos) {
                    scratch.push_back(
                        {piece.begin + static_cast<std::uint32_t>(pos), piece.begin + m.begin});
                }
                scratch.push_back({piece.begin + m.begin, piece.begin + m.end});
                pos = m.end;
            }
            if (pos < len) {
                scratch.push_back({piece.begin + static_cast<std::uint32_t>(pos), piece.end});
            }
        }
        std::swap(out, scratch);
    }
}

} // namespace conclave::tokenizer
