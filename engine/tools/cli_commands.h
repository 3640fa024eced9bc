#pragma once
// The subcommands of conclave-cli. Each takes the arguments after its name and returns the
// process exit code; errors go to stderr, results to stdout.

#include <string>
#include <vector>

namespace conclave::cli {

using Args = std::vector<std::string>;

int run_devices(const Args& args);
int run_info(const Args& args);
int run_logits(const Args& args);
int run_generate(const Args& args);
int run_perplexity(const Args& args);
int run_tokenize(const Args& args);
int run_detokenize(const Args& args);
int run_template(const Args& args);
int run_bench(const Args& args);
int run_chat(const Args& args);

} // namespace conclave::cli
