// `conclave-cli perplexity FILE TEXT_FILE [--ctx N] [--threads N] [--backend cpu|vulkan]
// [--gpu-budget SIZE] [--json]`: how well the
// model predicts a text. The text is tokenized as the vocabulary asks (BOS when add_bos), cut
// into windows of --ctx tokens, each evaluated from an empty cache, and every token but a
// window's first scored; perplexity = exp(mean negative log-likelihood).

#include "cli_args.h"
#include "cli_backend.h"
#include "cli_commands.h"
#include "cli_output.h"
#include "conclave/session.h"
#include "json_writer.h"
#include "tokenizer/tokenizer.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>

namespace conclave::cli {
namespace {

// -log softmax(row)[target], in double for a stable sum over thousands of tokens.
double negative_log_likelihood(const float* row, std::size_t n_vocab, std::int32_t target) {
    double top = row[0];
    for (std::size_t i = 1; i < n_vocab; ++i) top = std::max(top, static_cast<double>(row[i]));
    double sum = 0.0;
    for (std::size_t i = 0; i < n_vocab; ++i) sum += std::exp(static_cast<double>(row[i]) - top);
    return std::log(sum) + top - row[target];
}

} // namespace

int run_perplexity(const Args& args) {
    std::string path, text_path;
    int ctx = 512, threads = 0;
    bool json = false;
    BackendArgs backend;
    ArgCursor cursor(args);
    while (!cursor.done()) {
        const std::string arg = cursor.take();
        auto gpu_option = take_backend_option(arg, cursor, backend);
        if (!gpu_option) return fail(gpu_option.error().message);
        if (*gpu_option) continue;
        if (arg == "--json") json = true;
        else if (arg == "--ctx" || arg == "--threads") {
            auto value = cursor.next_value(arg);
            if (!value) return fail(value.error().message);
            auto n = parse_integer(arg, *value, arg == "--ctx" ? 2 : 1, arg == "--ctx" ? 1 << 20 : 1024);
            if (!n) return fail(n.error().message);
            (arg == "--ctx" ? ctx : threads) = static_cast<int>(*n);
        } else if (arg.starts_with("-")) return fail("perplexity: unknown option '" + arg + "'");
        else if (path.empty()) path = arg;
        else if (text_path.empty()) text_path = arg;
        else return fail("perplexity: too many arguments");
    }
    if (text_path.empty()) return fail("usage: conclave-cli perplexity FILE TEXT_FILE [--ctx N] [--json]");
    std::ifstream in(text_path, std::ios::binary);
    if (!in) return fail("cannot read '" + text_path + "'");
    std::stringstream buffer;
    buffer << in.rdbuf();

    auto model = Model::load(path);
    if (!model) return fail(model.error().message);
    const tokenizer::Tokenizer* tok = (*model)->tokenizer();
    if (!tok) return fail("the model file has no vocabulary");
    const std::vector<std::int32_t> tokens = tok->tokenize(buffer.str());
    SessionOptions options{.n_ctx = ctx, .n_threads = threads};
    backend.apply(options);
    auto session = Session::create(**model, options);
    if (!session) return fail(session.error().message);
    report_backend(**session);
    ctx = (*session)->n_ctx();

    const auto n_vocab = static_cast<std::size_t>((*model)->info().n_vocab);
    const auto start = std::chrono::steady_clock::now();
    double nll = 0.0;
    std::size_t scored = 0;
    for (std::size_t first = 0; first + 1 < tokens.size(); first += static_cast<std::size_t>(ctx)) {
        const std::size_t count = std::min<std::size_t>(static_cast<std::size_t>(ctx), tokens.size() - first);
        const std::span<const std::int32_t> window(tokens.data() + first, count);
        auto logits = (*session)->evaluate(window, true);
        if (!logits) return fail(logits.error().message);
        for (std::size_t i = 1; i < count; ++i, ++scored)
            nll += negative_log_likelihood(logits->data() + (i - 1) * n_vocab, n_vocab, window[i]);
    }
    if (scored == 0) return fail("the text is too short to score");
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const double perplexity = std::exp(nll / static_cast<double>(scored));
    if (!json) {
        std::printf("perplexity %.4f over %zu tokens (ctx %d, %.1f tokens/s)\n", perplexity, scored, ctx,
                    static_cast<double>(tokens.size()) / seconds);
        return 0;
    }
    JsonWriter out;
    out.begin_object().key("backend").value(std::string((*session)->backend_name())).key("perplexity").value(perplexity).key("n_tokens").value(static_cast<std::uint64_t>(tokens.size()));
    out.key("n_scored").value(static_cast<std::uint64_t>(scored)).key("ctx").value(ctx);
    out.key("tokens_per_s").value(static_cast<double>(tokens.size()) / seconds).end_object();
    std::printf("%s\n", out.text().c_str());
    return 0;
}

} // namespace conclave::cli
