#include "gguf/split_paths.h"

#include <cstdio>

namespace conclave::gguf {
namespace {

bool five_digits(const std::string& text, std::size_t at, std::uint32_t& value) {
    if (at + 5 > text.size()) return false;
    value = 0;
    for (std::size_t i = at; i < at + 5; ++i) {
        if (text[i] < '0' || text[i] > '9') return false;
        value = value * 10 + static_cast<std::uint32_t>(text[i] - '0');
    }
    return true;
}

} // namespace

std::optional<SplitName> parse_split_name(const std::string& path) {
    // "-NNNNN-of-NNNNN.gguf" is 20 characters.
    constexpr std::size_t tail = 20;
    if (path.size() < tail || path.compare(path.size() - 5, 5, ".gguf") != 0) return std::nullopt;
    const std::size_t at = path.size() - tail;
    SplitName name;
    if (path[at] != '-' || path.compare(at + 6, 4, "-of-") != 0) return std::nullopt;
    if (!five_digits(path, at + 1, name.number) || !five_digits(path, at + 10, name.count)) return std::nullopt;
    if (name.number == 0 || name.count == 0 || name.number > name.count) return std::nullopt;
    name.prefix = path.substr(0, at);
    return name;
}

std::string split_part_path(const std::string& prefix, std::uint32_t number, std::uint32_t count) {
    char suffix[32];
    std::snprintf(suffix, sizeof suffix, "-%05u-of-%05u.gguf", number, count);
    return prefix + suffix;
}

} // namespace conclave::gguf
