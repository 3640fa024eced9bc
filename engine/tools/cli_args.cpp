#include "cli_args.h"

#include <cerrno>
#include <cstdlib>

namespace conclave::cli {

Result<long long> parse_integer(const std::string& option, const std::string& text, long long min, long long max) {
    errno = 0;
    char* end = nullptr;
    const long long value = std::strtoll(text.c_str(), &end, 10);
    if (text.empty() || *end != '\0' || errno == ERANGE || value < min || value > max)
        return make_error(ErrorCode::invalid_argument, option + " needs a whole number from " + std::to_string(min) +
                                                           " to " + std::to_string(max) + ", got '" + text + "'");
    return value;
}

Result<double> parse_number(const std::string& option, const std::string& text) {
    errno = 0;
    char* end = nullptr;
    const double value = std::strtod(text.c_str(), &end);
    if (text.empty() || *end != '\0' || errno == ERANGE || value != value)
        return make_error(ErrorCode::invalid_argument, option + " needs a number, got '" + text + "'");
    return value;
}

Result<std::vector<std::int32_t>> parse_token_ids(const std::string& text) {
    std::vector<std::int32_t> ids;
    std::string current;
    const auto flush = [&]() -> Result<void> {
        if (current.empty()) return {};
        auto id = parse_integer("--tokens", current, 0, 0x7fffffff);
        if (!id) return id.error();
        ids.push_back(static_cast<std::int32_t>(*id));
        current.clear();
        return {};
    };
    for (const char c : text) {
        if (c == ',' || c == ' ') {
            if (auto r = flush(); !r) return r.error();
        } else {
            current += c;
        }
    }
    if (auto r = flush(); !r) return r.error();
    if (ids.empty()) return make_error(ErrorCode::invalid_argument, "--tokens needs at least one token id");
    return ids;
}

Result<std::string> ArgCursor::next_value(const std::string& option) {
    if (done()) return make_error(ErrorCode::invalid_argument, option + " needs a value");
    return take();
}

} // namespace conclave::cli
