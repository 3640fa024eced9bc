// `conclave-cli chat FILE [--system TEXT] [--temp T] [--seed S] [-n N] [--threads N] [--ctx N]`:
// an interactive multi-turn chat in the terminal using the model's chat template. Each turn
// re-renders the whole conversation; the session's prefix reuse means only the new tokens
// are computed. Commands: /reset starts over, /quit (or end of input) leaves.

#include "chat/value.h"
#include "cli_args.h"
#include "cli_commands.h"
#include "cli_output.h"
#include "conclave/session.h"
#include "runtime/chat_prompt.h"
#include "tokenizer/detokenizer.h"
#include "tokenizer/tokenizer.h"

#include <cstdio>
#include <iostream>

namespace conclave::cli {
namespace {

chat::Value message(const char* role, const std::string& content) {
    chat::Dict d;
    d.set(chat::Value("role"), chat::Value(role));
    d.set(chat::Value("content"), chat::Value(content));
    return chat::Value::dict(std::move(d));
}

} // namespace

int run_chat(const Args& args) {
    std::string path, system;
    GenerateOptions options;
    options.max_tokens = 1024;
    int threads = 0, n_ctx = 4096;
    ArgCursor cursor(args);
    while (!cursor.done()) {
        const std::string arg = cursor.take();
        if (!arg.starts_with("-")) {
            path = arg;
            continue;
        }
        auto value = cursor.next_value(arg);
        if (!value) return fail(value.error().message);
        if (arg == "--system") { system = *value; continue; }
        Result<long long> integer = 0ll;
        Result<double> number = 0.0;
        if (arg == "--temp") options.sampling.temperature = static_cast<float>(*(number = parse_number(arg, *value)));
        else if (arg == "--seed") options.sampling.seed = static_cast<std::uint64_t>(*(integer = parse_integer(arg, *value, 0, 1ll << 62)));
        else if (arg == "-n") options.max_tokens = static_cast<int>(*(integer = parse_integer(arg, *value, 1, 1 << 20)));
        else if (arg == "--threads") threads = static_cast<int>(*(integer = parse_integer(arg, *value, 1, 1024)));
        else if (arg == "--ctx") n_ctx = static_cast<int>(*(integer = parse_integer(arg, *value, 64, 1 << 24)));
        else return fail("chat: unknown option '" + arg + "'");
        if (!integer) return fail(integer.error().message);
        if (!number) return fail(number.error().message);
    }
    if (path.empty()) return fail("usage: conclave-cli chat FILE [--system TEXT] [--temp T] [--seed S] [-n N]");
    auto model = Model::load(path);
    if (!model) return fail(model.error().message);
    const tokenizer::Tokenizer* tok = (*model)->tokenizer();
    if (!tok) return fail("the model file has no vocabulary");
    auto session = Session::create(**model, {.n_ctx = n_ctx, .n_threads = threads});
    if (!session) return fail(session.error().message);
    options.stop_tokens.assign(tok->eog_tokens().begin(), tok->eog_tokens().end());

    std::vector<chat::Value> history;
    const auto restart = [&] {
        history.clear();
        if (!system.empty()) history.push_back(message("system", system));
    };
    restart();
    std::fprintf(stderr, "%s — type a message; /reset starts over, /quit leaves.\n", (*model)->info().name.c_str());
    std::string line;
    bool warned = false;
    while (std::fprintf(stderr, "> "), std::getline(std::cin, line)) {
        if (line == "/quit") break;
        if (line == "/reset") {
            restart();
            continue;
        }
        if (line.empty()) continue;
        history.push_back(message("user", line));
        chat::ChatRenderInput input;
        input.messages = chat::Value::list(history);
        input.add_generation_prompt = true;
        runtime::ChatPrompt prompt = runtime::render_chat_prompt(**model, std::move(input));
        if (!prompt.warning.empty() && !warned) std::fprintf(stderr, "%s\n", prompt.warning.c_str()), warned = true;
        const std::vector<std::int32_t> tokens = tok->tokenize(prompt.text, {.add_special = false, .parse_special = true});
        auto result = (*session)->generate(tokens, options, [&](const GeneratedPiece& piece) {
            std::fwrite(piece.text.data(), 1, piece.text.size(), stdout);
            std::fflush(stdout);
            return true;
        });
        std::printf("\n");
        if (!result) return fail(result.error().message);
        const std::string& answer = result->text;
        if (result->stop_reason == StopReason::context_full)
            std::fprintf(stderr, "(the context is full; /reset to start over)\n");
        history.push_back(message("assistant", answer));
    }
    return 0;
}

} // namespace conclave::cli
