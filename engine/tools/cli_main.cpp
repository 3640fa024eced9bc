// conclave-cli: Conclave's engine on the command line, for scripts, tests and benchmarks.

#include "cli_commands.h"
#include "cli_output.h"
#include "conclave/build_info.h"
#include "conclave/cpu_features.h"

#include <cstdio>
#include <string>

namespace {

constexpr const char* usage_text =
    "usage: conclave-cli [--version] [--help] COMMAND [ARGS]\n"
    "\n"
    "commands:\n"
    "  info FILE [--json]   what a GGUF model file holds: architecture, parameters,\n"
    "                       experts, context length, tensor types, metadata, tensors\n"
    "  tokenize FILE TEXT [--json] [--no-special] [--parse-special]\n"
    "                       token ids of a text (vocabulary-only GGUF files work)\n"
    "  detokenize FILE IDS  the text of token ids\n"
    "  template FILE CONV.json [--add-generation-prompt] [--var NAME=JSON]\n"
    "                       the prompt the model's chat template renders for a conversation\n"
    "  logits FILE --tokens IDS [--all] [--threads N] [GPU] [--json]\n"
    "                       logits of exactly these token ids (no BOS added)\n"
    "  generate FILE (--prompt TEXT | --tokens IDS) [--chat] [-n N] [--temp T] [--seed S]\n"
    "           [--top-k K] [--top-p P] [--min-p P] [--repeat-penalty R] [--threads N] [GPU] [--json]\n"
    "                       a completion (--chat applies the model's chat template)\n"
    "  chat FILE [--system TEXT] [--temp T] [--seed S] [-n N]\n"
    "                       an interactive multi-turn chat with the model's template\n"
    "  bench FILE [-p 512] [-n 128] [-t N] [-r 3] [GPU] [--json]\n"
    "                       prompt and generation tokens/s (median of r runs)\n"
    "  perplexity FILE TEXT_FILE [--ctx N] [--threads N] [--json]\n"
    "                       perplexity of the model on a text\n"
    "  devices [--json]     list the GPUs each compiled-in backend can use\n"
    "  GPU options: --backend cpu|vulkan [--gpu-budget SIZE] [--gpu-device N]; info FILE --placement\n"
    "           [--gpu-budget SIZE] shows which weights would live on the GPU\n";

void print_version() {
    std::printf("%s\n", conclave::version_line("conclave-cli").c_str());
    std::printf("cpu: %s\n",
                conclave::describe_cpu_features(conclave::detect_cpu_features()).c_str());
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fputs(usage_text, stderr);
        return 2;
    }
    const std::string command = argv[1];
    const conclave::cli::Args args(argv + 2, argv + argc);
    if (command == "--version" || command == "-V") {
        print_version();
        return 0;
    }
    if (command == "--help" || command == "-h") {
        std::fputs(usage_text, stdout);
        return 0;
    }
    if (command == "devices") return conclave::cli::run_devices(args);
    if (command == "info") return conclave::cli::run_info(args);
    if (command == "logits") return conclave::cli::run_logits(args);
    if (command == "generate") return conclave::cli::run_generate(args);
    if (command == "perplexity") return conclave::cli::run_perplexity(args);
    if (command == "tokenize") return conclave::cli::run_tokenize(args);
    if (command == "detokenize") return conclave::cli::run_detokenize(args);
    if (command == "template") return conclave::cli::run_template(args);
    if (command == "bench") return conclave::cli::run_bench(args);
    if (command == "chat") return conclave::cli::run_chat(args);
    conclave::cli::fail("unknown command '" + command + "'");
    std::fputs(usage_text, stderr);
    return 2;
}
