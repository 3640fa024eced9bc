// `conclave-cli bench FILE [-p 512] [-n 128] [-t N] [-r 3] [--backend cpu|vulkan]
// [--gpu-budget SIZE] [--gpu-device N] [--json]`: prompt processing and
// generation speed (median of r runs, each from an empty cache) and the memory bandwidth
// generation achieves (weight bytes read per token x tokens/s) against the machine's read
// bandwidth measured with the same thread count.

#include "cli_args.h"
#include "cli_backend.h"
#include "cli_commands.h"
#include "cli_output.h"
#include "conclave/session.h"
#include "json_writer.h"
#include "memory_bandwidth.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <thread>

namespace conclave::cli {
namespace {

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    return n % 2 ? values[n / 2] : 0.5 * (values[n / 2 - 1] + values[n / 2]);
}

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

} // namespace

int run_bench(const Args& args) {
    std::string path;
    long long n_prompt = 512, n_gen = 128, threads = 0, runs = 3;
    bool json = false;
    BackendArgs backend;
    std::string backend_used = "cpu";
    ArgCursor cursor(args);
    while (!cursor.done()) {
        const std::string arg = cursor.take();
        if (arg == "--json") { json = true; continue; }
        if (!arg.starts_with("-")) {
            if (!path.empty()) return fail("bench: more than one file given");
            path = arg;
            continue;
        }
        auto gpu_option = take_backend_option(arg, cursor, backend);
        if (!gpu_option) return fail(gpu_option.error().message);
        if (*gpu_option) continue;
        auto value = cursor.next_value(arg);
        if (!value) return fail(value.error().message);
        long long* target = arg == "-p" ? &n_prompt : arg == "-n" ? &n_gen : arg == "-t" ? &threads : arg == "-r" ? &runs : nullptr;
        if (!target) return fail("bench: unknown option '" + arg + "'");
        auto n = parse_integer(arg, *value, arg == "-t" ? 1 : arg == "-r" ? 1 : 0, 1 << 20);
        if (!n) return fail(n.error().message);
        *target = *n;
    }
    if (path.empty()) return fail("usage: conclave-cli bench FILE [-p 512] [-n 128] [-t N] [-r 3] [--json]");
    auto model = Model::load(path);
    if (!model) return fail(model.error().message);
    const ModelInfo& info = (*model)->info();
    const double bytes_per_token = weight_bytes_per_token((*model)->file(), info.n_expert, info.n_expert_used);

    std::mt19937 rng(42);
    std::uniform_int_distribution<std::int32_t> token(0, info.n_vocab - 1);
    std::vector<std::int32_t> prompt(static_cast<std::size_t>(std::max<long long>(n_prompt, 1)));
    for (auto& id : prompt) id = token(rng);
    std::vector<double> pp, tg;
    for (long long r = 0; r < runs; ++r) {
        SessionOptions prompt_options{.n_ctx = static_cast<int>(n_prompt + n_gen + 8), .n_threads = static_cast<int>(threads),
                                      .n_batch = 512};
        backend.apply(prompt_options);
        auto session = Session::create(**model, prompt_options);
        if (!session) return fail(session.error().message);
        if (r == 0) report_backend(**session, true);
        backend_used = std::string((*session)->backend_name());
        auto start = std::chrono::steady_clock::now();
        if (n_prompt > 0) {
            auto logits = (*session)->evaluate(prompt);
            if (!logits) return fail(logits.error().message);
            pp.push_back(static_cast<double>(n_prompt) / seconds_since(start));
        }
        if (n_gen > 0) {
            SessionOptions gen_options{.n_ctx = static_cast<int>(n_gen + 8), .n_threads = static_cast<int>(threads)};
            backend.apply(gen_options);
            auto fresh = Session::create(**model, gen_options);
            if (!fresh) return fail(fresh.error().message);
            std::vector<std::int32_t> history{prompt[0]};
            start = std::chrono::steady_clock::now();
            for (long long i = 0; i < n_gen; ++i) {
                auto logits = (*fresh)->evaluate(history);
                if (!logits) return fail(logits.error().message);
                history.push_back(static_cast<std::int32_t>(std::max_element(logits->begin(), logits->end()) - logits->begin()));
            }
            tg.push_back(static_cast<double>(n_gen) / seconds_since(start));
        }
    }
    const double pp_median = pp.empty() ? 0.0 : median(pp), tg_median = tg.empty() ? 0.0 : median(tg);
    const double bandwidth = bytes_per_token * tg_median / 1e9;
    const int bandwidth_threads = threads > 0 ? static_cast<int>(threads)
                                              : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    const double machine = n_gen > 0 ? measure_read_bandwidth(bandwidth_threads) / 1e9 : 0.0;
    const double ceiling = machine > 0 ? machine * 1e9 / bytes_per_token : 0.0; // tokens/s if bound by memory
    if (json) {
        JsonWriter out;
        out.begin_object().key("model").value(path).key("backend").value(backend_used).key("threads").value(static_cast<std::int64_t>(threads));
        out.key("n_prompt").value(static_cast<std::int64_t>(n_prompt)).key("n_gen").value(static_cast<std::int64_t>(n_gen));
        out.key("runs").value(static_cast<std::int64_t>(runs));
        out.key("prompt_tokens_per_s").value(pp_median).key("generation_tokens_per_s").value(tg_median);
        out.key("weight_bytes_per_token").value(bytes_per_token).key("generation_gb_per_s").value(bandwidth);
        out.key("machine_read_gb_per_s").value(machine).key("bandwidth_ceiling_tokens_per_s").value(ceiling);
        out.key("fraction_of_ceiling").value(ceiling > 0 ? tg_median / ceiling : 0.0).end_object();
        std::printf("%s\n", out.text().c_str());
        return 0;
    }
    std::printf("%s [%s]: prompt %lld tokens %.1f t/s, generation %lld tokens %.1f t/s (%.2f GB/s of weights), median of %lld\n",
                info.name.empty() ? path.c_str() : info.name.c_str(), backend_used.c_str(), n_prompt, pp_median, n_gen, tg_median, bandwidth, runs);
    if (ceiling > 0)
        std::printf("memory: %.1f MB read per token; this machine reads %.1f GB/s with %d threads, so generation is "
                    "bound at %.1f t/s; achieved %.0f%%\n",
                    bytes_per_token / 1e6, machine, bandwidth_threads, ceiling, 100.0 * tg_median / ceiling);
    return 0;
}

} // namespace conclave::cli
