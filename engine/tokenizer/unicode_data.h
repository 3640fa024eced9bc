#pragma once
// Declarations of the generated Unicode tables in unicode_data.cpp (see gen_unicode_data.py).
// Read-only constant data; safe from any thread. Use the functions in unicode.h instead.

#include <cstddef>
#include <cstdint>

namespace conclave::tokenizer::unicode_data {

// A run of code points sharing one general category, starting at `first` and ending where the
// next run starts. `category` indexes the order of unicode::Category.
struct CategoryRun {
    char32_t first;
    std::uint8_t category;
};

struct CaseMapping {
    char32_t from;
    char32_t to;
};

// Full canonical decomposition of `cp`: nfd_data[offset, offset + length).
struct Decomposition {
    char32_t cp;
    std::uint16_t offset;
    std::uint8_t length;
};

struct CodepointRange {
    char32_t first;
    char32_t last; // inclusive
};

extern const CategoryRun category_runs[];
extern const std::size_t category_runs_size;
extern const CaseMapping lowercase_map[];
extern const std::size_t lowercase_map_size;
extern const Decomposition nfd_map[];
extern const std::size_t nfd_map_size;
extern const char32_t nfd_data[];
extern const CodepointRange han_ranges[];
extern const std::size_t han_ranges_size;
extern const CodepointRange deepseek_llm_letter_ranges[];
extern const std::size_t deepseek_llm_letter_ranges_size;

} // namespace conclave::tokenizer::unicode_data
