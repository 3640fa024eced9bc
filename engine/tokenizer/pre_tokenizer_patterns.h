#pragma once
// The split regexes of the supported pre-tokenizers, one hand-written matcher each (a regex
// engine would be slow and std::regex cannot express \p{L}). Each comment quotes the regex the
// matcher reproduces, with leftmost-first alternation and greedy, backtracking quantifiers.
// Pure functions over code points; thread-safe.

#include "tokenizer/pre_tokenizer.h"

namespace conclave::tokenizer::patterns {

// 's|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+
CharRange gpt2(const char32_t* cps, std::size_t n, std::size_t pos);
// (?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*
//   |\s*[\r\n]+|\s+(?!\S)|\s+
CharRange llama3(const char32_t* cps, std::size_t n, std::size_t pos);
// As llama3 with \p{N} instead of \p{N}{1,3}.
CharRange qwen2(const char32_t* cps, std::size_t n, std::size_t pos);
// [^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|...)?
//   |[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|...)?
//   |\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n/]*|\s*[\r\n]+|\s+(?!\S)|\s+
CharRange gpt4o(const char32_t* cps, std::size_t n, std::size_t pos);
// As gpt4o without the contraction suffixes and with \p{N} single digits.
CharRange tekken(const char32_t* cps, std::size_t n, std::size_t pos);
// As gpt4o with Han excluded from both letter classes and [\r\n]* instead of [\r\n/]*.
CharRange kimi_k2(const char32_t* cps, std::size_t n, std::size_t pos);
// [!"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~][A-Za-z]+|[^\r\n\p{L}\p{P}\p{S}]?[\p{L}\p{M}]+
//   | ?[\p{P}\p{S}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+
CharRange deepseek_v3(const char32_t* cps, std::size_t n, std::size_t pos);

CharRange newline(const char32_t* cps, std::size_t n, std::size_t pos);           // [\r\n]
CharRange digit(const char32_t* cps, std::size_t n, std::size_t pos);             // \p{N}
CharRange digits(const char32_t* cps, std::size_t n, std::size_t pos);            // \p{N}+
CharRange digits_1_3(const char32_t* cps, std::size_t n, std::size_t pos);        // \p{N}{1,3}
CharRange ascii_digits_3(const char32_t* cps, std::size_t n, std::size_t pos);    // [0-9][0-9][0-9]
CharRange space_letters(const char32_t* cps, std::size_t n, std::size_t pos);     // \s?\p{L}+
CharRange space_punctuation(const char32_t* cps, std::size_t n, std::size_t pos); // \s?\p{P}+
CharRange trailing_space(const char32_t* cps, std::size_t n, std::size_t pos);    // \s+$
CharRange han(const char32_t* cps, std::size_t n, std::size_t pos);               // \p{Han}+
CharRange falcon_punctuation(const char32_t* cps, std::size_t n,
                             std::size_t pos); // [\p{P}\$\+<=>\^~\|`]+
// \s?[A-Za-zµÀ-ÖØ-öø-ƺ...]+ (deepseek-llm's cased-letter class, see gen_unicode_data.py)
CharRange deepseek_llm_letters(const char32_t* cps, std::size_t n, std::size_t pos);
// \s?[!-/:-~！-／：-～‘-‟　-。]+
CharRange deepseek_llm_punctuation(const char32_t* cps, std::size_t n, std::size_t pos);
// [一-龥ࠀ-一가-퟿]+
CharRange deepseek_llm_cjk(const char32_t* cps, std::size_t n, std::size_t pos);
// [一-龥぀-ゟ゠-ヿ]+
CharRange deepseek_v3_cjk(const char32_t* cps, std::size_t n, std::size_t pos);

} // namespace conclave::tokenizer::patterns
