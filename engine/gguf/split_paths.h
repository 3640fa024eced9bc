#pragma once
// Names of the parts of a split GGUF model: "<prefix>-00001-of-00003.gguf" and so on.

#include <cstdint>
#include <optional>
#include <string>

namespace conclave::gguf {

struct SplitName {
    std::string prefix;      // path up to "-00001-of-00003"
    std::uint32_t number = 0; // 1-based part number in the name
    std::uint32_t count = 0;
};

// Recognises the split naming scheme in `path`; nullopt for an ordinary file name.
std::optional<SplitName> parse_split_name(const std::string& path);

// The path of part `number` (1-based) of `count`.
std::string split_part_path(const std::string& prefix, std::uint32_t number, std::uint32_t count);

} // namespace conclave::gguf
