#pragma once
// Small helpers shared by conclave-cli's subcommands for printing results and errors.

#include <string>
#include <string_view>

namespace conclave::cli {

// Escapes text for a JSON string literal (without the quotes).
std::string json_escape(std::string_view text);

// Prints "conclave-cli: <message>" to stderr and returns the exit code for failures.
int fail(std::string_view message);

} // namespace conclave::cli
