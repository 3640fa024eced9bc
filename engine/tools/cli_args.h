#pragma once
// Argument parsing shared by conclave-cli's subcommands: option values with range checks and
// token id lists, each failing with a message that names the option.

#include "conclave/result.h"

#include <cstdint>
#include <string>
#include <vector>

namespace conclave::cli {

Result<long long> parse_integer(const std::string& option, const std::string& text, long long min, long long max);
Result<double> parse_number(const std::string& option, const std::string& text);
// "1,2,3" or "1 2 3"
Result<std::vector<std::int32_t>> parse_token_ids(const std::string& text);

// Walks argv-style arguments: `next_value` returns the value after an option or an error
// naming the option when it is missing.
class ArgCursor {
public:
    explicit ArgCursor(const std::vector<std::string>& args) : m_args(args) {}
    bool done() const { return m_index >= m_args.size(); }
    const std::string& take() { return m_args[m_index++]; }
    Result<std::string> next_value(const std::string& option);

private:
    const std::vector<std::string>& m_args;
    std::size_t m_index = 0;
};

} // namespace conclave::cli
