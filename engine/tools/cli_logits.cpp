// `conclave-cli logits FILE --tokens ID,ID,... [--all] [--backend cpu|vulkan] [--gpu-budget SIZE]
// [--gpu-device N] [--threads N] [--kv f16|f32|q8_0] [--json]`:
// evaluates exactly the given ids (no BOS added) and prints the logits of the last position,
// or with --all one row per position. Used to compare Conclave with other implementations.

#include "cli_args.h"
#include "cli_backend.h"
#include "cli_commands.h"
#include "cli_output.h"
#include "conclave/session.h"
#include "json_writer.h"

#include <algorithm>
#include <cstdio>

namespace conclave::cli {

int run_logits(const Args& args) {
    std::string path;
    BackendArgs backend;
    std::vector<std::int32_t> tokens;
    bool all = false;
    int threads = 0;
    KvCacheType kv = KvCacheType::f16;
    ArgCursor cursor(args);
    while (!cursor.done()) {
        const std::string arg = cursor.take();
        auto gpu_option = take_backend_option(arg, cursor, backend);
        if (!gpu_option) return fail(gpu_option.error().message);
        if (*gpu_option) continue;
        if (arg == "--all") all = true;
        else if (arg == "--json") continue; // the output is always JSON
        else if (arg == "--tokens" || arg == "--threads" || arg == "--kv") {
            auto value = cursor.next_value(arg);
            if (!value) return fail(value.error().message);
            if (arg == "--kv") {
                if (*value != "f16" && *value != "f32" && *value != "q8_0") return fail("--kv takes f16, f32 or q8_0");
                kv = *value == "f32" ? KvCacheType::f32 : *value == "q8_0" ? KvCacheType::q8_0 : KvCacheType::f16;
            }
            else if (arg == "--threads") {
                auto n = parse_integer(arg, *value, 1, 1024);
                if (!n) return fail(n.error().message);
                threads = static_cast<int>(*n);
            } else {
                auto ids = parse_token_ids(*value);
                if (!ids) return fail(ids.error().message);
                tokens = std::move(ids.value());
            }
        } else if (arg.starts_with("-")) return fail("logits: unknown option '" + arg + "'");
        else if (path.empty()) path = arg;
        else return fail("logits: more than one file given");
    }
    if (path.empty() || tokens.empty()) return fail("usage: conclave-cli logits FILE --tokens ID,ID,... [--all] [--json]");

    auto model = Model::load(path);
    if (!model) return fail(model.error().message);
    const int n_ctx = static_cast<int>(std::max<std::size_t>(tokens.size(), 16));
    SessionOptions options{.n_ctx = n_ctx, .n_threads = threads, .kv_type = kv};
    backend.apply(options);
    auto session = Session::create(**model, options);
    if (!session) return fail(session.error().message);
    report_backend(**session);
    auto logits = (*session)->evaluate(tokens, all);
    if (!logits) return fail(logits.error().message);

    const auto n_vocab = static_cast<std::size_t>((*model)->info().n_vocab);
    JsonWriter json;
    json.begin_object().key("backend").value(std::string((*session)->backend_name())).key("n_vocab").value(static_cast<std::uint64_t>(n_vocab)).key("logits").begin_array();
    const std::size_t rows = logits->size() / n_vocab;
    for (std::size_t r = 0; r < rows; ++r) {
        if (all) json.begin_array();
        for (std::size_t i = 0; i < n_vocab; ++i) json.value(static_cast<double>((*logits)[r * n_vocab + i]));
        if (all) json.end_array();
    }
    json.end_array().end_object();
    std::printf("%s\n", json.text().c_str());
    return 0;
}

} // namespace conclave::cli
