// `conclave-cli generate FILE (--prompt TEXT | --tokens IDS) [--chat] [-n N] [--temp T]
// [--seed S] [--top-k K] [--top-p P] [--min-p P] [--repeat-penalty R] [--threads N]
// [--ctx N] [--kv f16|f32|q8_0] [--stop TEXT]... [--backend cpu|vulkan] [--gpu-budget SIZE]
// [--gpu-device N] [--json]`: one completion, streamed to stdout, or a JSON report with speeds.

#include "cli_args.h"
#include "cli_backend.h"
#include "cli_commands.h"
#include "cli_output.h"
#include "conclave/session.h"
#include "json_writer.h"
#include "runtime/chat_prompt.h"
#include "tokenizer/tokenizer.h"

#include <cstdio>

namespace conclave::cli {
namespace {

struct GenerateArgs {
    std::string path, prompt;
    std::vector<std::int32_t> tokens;
    std::vector<std::string> stop_strings;
    bool chat = false, json = false, has_prompt = false;
    int n_predict = 128, threads = 0, n_ctx = 4096;
    KvCacheType kv = KvCacheType::f16;
    BackendArgs backend;
    SamplingParams sampling;
};

Result<GenerateArgs> parse(const Args& args) {
    GenerateArgs g;
    ArgCursor cursor(args);
    while (!cursor.done()) {
        const std::string arg = cursor.take();
        if (arg == "--chat") { g.chat = true; continue; }
        if (arg == "--json") { g.json = true; continue; }
        if (!arg.starts_with("-")) {
            if (!g.path.empty()) return make_error(ErrorCode::invalid_argument, "generate: more than one file given");
            g.path = arg;
            continue;
        }
        auto gpu_option = take_backend_option(arg, cursor, g.backend);
        if (!gpu_option) return gpu_option.error();
        if (*gpu_option) continue;
        auto value = cursor.next_value(arg);
        if (!value) return value.error();
        const std::string& v = *value;
        Result<long long> integer = 0ll;
        Result<double> number = 0.0;
        if (arg == "--prompt") g.prompt = v, g.has_prompt = true;
        else if (arg == "--stop") g.stop_strings.push_back(v);
        else if (arg == "--kv") {
            if (v != "f16" && v != "f32" && v != "q8_0") return make_error(ErrorCode::invalid_argument, "--kv takes f16, f32 or q8_0");
            g.kv = v == "f32" ? KvCacheType::f32 : v == "q8_0" ? KvCacheType::q8_0 : KvCacheType::f16;
        }
        else if (arg == "--tokens") {
            auto ids = parse_token_ids(v);
            if (!ids) return ids.error();
            g.tokens = std::move(ids.value());
        } else if (arg == "-n" || arg == "--n-predict") g.n_predict = static_cast<int>(*(integer = parse_integer(arg, v, 0, 1 << 20)));
        else if (arg == "--threads" || arg == "-t") g.threads = static_cast<int>(*(integer = parse_integer(arg, v, 1, 1024)));
        else if (arg == "--ctx") g.n_ctx = static_cast<int>(*(integer = parse_integer(arg, v, 16, 1 << 24)));
        else if (arg == "--seed") g.sampling.seed = static_cast<std::uint64_t>(*(integer = parse_integer(arg, v, 0, 1ll << 62)));
        else if (arg == "--top-k") g.sampling.top_k = static_cast<int>(*(integer = parse_integer(arg, v, 0, 1 << 30)));
        else if (arg == "--temp") g.sampling.temperature = static_cast<float>(*(number = parse_number(arg, v)));
        else if (arg == "--top-p") g.sampling.top_p = static_cast<float>(*(number = parse_number(arg, v)));
        else if (arg == "--min-p") g.sampling.min_p = static_cast<float>(*(number = parse_number(arg, v)));
        else if (arg == "--repeat-penalty") g.sampling.repetition_penalty = static_cast<float>(*(number = parse_number(arg, v)));
        else if (arg == "--presence-penalty") g.sampling.presence_penalty = static_cast<float>(*(number = parse_number(arg, v)));
        else if (arg == "--frequency-penalty") g.sampling.frequency_penalty = static_cast<float>(*(number = parse_number(arg, v)));
        else return make_error(ErrorCode::invalid_argument, "generate: unknown option '" + arg + "'");
        if (!integer) return integer.error();
        if (!number) return number.error();
    }
    if (g.path.empty() || g.has_prompt == !g.tokens.empty())
        return make_error(ErrorCode::invalid_argument,
                          "usage: conclave-cli generate FILE (--prompt TEXT | --tokens IDS) [--chat] [-n N] [--temp T]");
    if (g.chat && !g.has_prompt) return make_error(ErrorCode::invalid_argument, "--chat needs --prompt");
    return g;
}

} // namespace

int run_generate(const Args& args) {
    auto parsed = parse(args);
    if (!parsed) return fail(parsed.error().message);
    GenerateArgs& g = *parsed;
    auto model = Model::load(g.path);
    if (!model) return fail(model.error().message);
    const tokenizer::Tokenizer* tok = (*model)->tokenizer();
    if (g.has_prompt) {
        if (!tok) return fail("the model file has no vocabulary; use --tokens");
        std::string text = g.prompt;
        if (g.chat) {
            runtime::ChatPrompt prompt = runtime::render_chat_prompt(**model, runtime::single_user_message(g.prompt));
            if (!prompt.warning.empty()) std::fprintf(stderr, "conclave-cli: %s\n", prompt.warning.c_str());
            text = std::move(prompt.text);
        }
        // A rendered chat prompt spells out its special tokens (and BOS) itself.
        g.tokens = tok->tokenize(text, {.add_special = !g.chat, .parse_special = g.chat});
    }
    SessionOptions session_options{.n_ctx = g.n_ctx, .n_threads = g.threads, .kv_type = g.kv};
    g.backend.apply(session_options);
    auto session = Session::create(**model, session_options);
    if (!session) return fail(session.error().message);
    report_backend(**session);
    GenerateOptions options;
    options.sampling = g.sampling;
    options.max_tokens = g.n_predict;
    if (tok) options.stop_tokens.assign(tok->eog_tokens().begin(), tok->eog_tokens().end());

    options.stop_strings = g.stop_strings;
    auto result = (*session)->generate(g.tokens, options, [&](const GeneratedPiece& piece) {
        if (!g.json) {
            std::fwrite(piece.text.data(), 1, piece.text.size(), stdout);
            std::fflush(stdout);
        }
        return true;
    });
    if (!result) return fail(result.error().message);
    const std::string& text = result->text;
    if (!g.json) {
        std::printf("\n");
        return 0;
    }
    const auto per_s = [](double n, double ms) { return ms > 0 ? n * 1000.0 / ms : 0.0; };
    JsonWriter json;
    json.begin_object().key("tokens").begin_array();
    for (const std::int32_t id : result->tokens) json.value(static_cast<std::int64_t>(id));
    json.end_array().key("text").value(text).key("stop_reason").value(stop_reason_name(result->stop_reason));
    if (!result->stop_string.empty()) json.key("stop_string").value(result->stop_string);
    if (result->stop_token >= 0) json.key("stop_token").value(static_cast<std::int64_t>(result->stop_token));
    json.key("backend").value(std::string((*session)->backend_name()));
    json.key("n_prompt").value(result->n_prompt).key("n_generated").value(static_cast<std::uint64_t>(result->tokens.size()));
    json.key("prompt_tokens_per_s").value(per_s(result->n_prompt_evaluated, result->prompt_ms));
    json.key("generation_tokens_per_s").value(per_s(static_cast<double>(result->tokens.size()) - 1.0, result->generate_ms));
    json.key("first_token_ms").value(result->first_token_ms).end_object();
    std::printf("%s\n", json.text().c_str());
    return 0;
}

} // namespace conclave::cli
