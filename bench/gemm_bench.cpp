// Micro-benchmark of the tiled GEMM (gemm.h) per weight type on one thread, on the shapes of
// the synthetic Qwen3-MoE's experts (bench/synthetic): n 1024 -> 512 rows (gate/up) and
// n 512 -> 1024 rows (down), 64 tokens per expert (512 prompt tokens, 8 of 64 experts each),
// and a wide square matrix (gpt-oss's 2880, or V2-Lite's 2048 for 256-blocks) at 64 and 16 tokens.
// Prints the best of several runs (thread CPU time) as multiply-accumulates per nanosecond; asserts nothing.
//
// Usage: bench_gemm [TYPE...]   (default: every type with a GEMM kernel)

#include "backend/cpu/gemm.h"
#include "core/thread_pool.h"
#include "quant/quantize.h"

#include <algorithm>
#include <cstdio>
#include <random>
#include <ctime>
#include <string_view>
#include <vector>

using namespace conclave;
using quant::TensorType;

namespace {

// Thread CPU time: time this thread spends descheduled on a shared machine does not count.
double cpu_ns() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e9 + static_cast<double>(ts.tv_nsec);
}

double wall_ns() {
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<double>(ts.tv_sec) * 1e9 + static_cast<double>(ts.tv_nsec);
}

struct Shape {
    std::int64_t n, n_out, tokens;
    std::int64_t experts = 1; // weight matrices, one job each over its own `tokens` rows
    int threads = 1;
};

double macs_per_ns(TensorType type, const cpu::GemmKernel& kernel, Shape s) {
    std::mt19937 rng(7);
    std::normal_distribution<float> dist;
    const std::uint64_t wb = quant::row_bytes(type, static_cast<std::uint64_t>(s.n)).value();
    std::vector<float> wv(static_cast<std::size_t>(s.n));
    const std::uint64_t matrix_bytes = wb * static_cast<std::uint64_t>(s.n_out);
    std::vector<unsigned char> w(matrix_bytes * static_cast<std::uint64_t>(s.experts));
    for (std::int64_t r = 0; r < s.n_out; ++r) {
        for (float& v : wv) v = dist(rng);
        (void)quant::quantize_row(type, wv.data(), s.n, w.data() + r * wb, wb);
    }
    for (std::int64_t e = 1; e < s.experts; ++e) // copies: quantizing is slow, the kernels do not care
        std::copy(w.begin(), w.begin() + static_cast<std::ptrdiff_t>(matrix_bytes), w.begin() + static_cast<std::ptrdiff_t>(e * matrix_bytes));
    std::vector<float> x(static_cast<std::size_t>(s.n * s.tokens));
    for (float& v : x) v = dist(rng);
    ThreadPool pool(s.threads);
    cpu::GemmWorkspace space;
    const cpu::GemmPanel panel = cpu::gemm_pack(pool, space, kernel, x.data(), s.n, s.tokens);
    std::vector<float> y(static_cast<std::size_t>(s.n_out * s.tokens));
    std::vector<const unsigned char*> act;
    std::vector<float*> out;
    for (std::int64_t t = 0; t < s.tokens; ++t) {
        act.push_back(panel.record(t));
        out.push_back(y.data() + t * s.n_out);
    }
    std::vector<cpu::GemmJob> jobs;
    for (std::int64_t e = 0; e < s.experts; ++e) jobs.push_back(cpu::GemmJob{w.data() + e * matrix_bytes, act, out});
    // One thread: its CPU time; more: wall time (CPU time would hide waiting on the others).
    const auto now = [&] { return s.threads == 1 ? cpu_ns() : wall_ns(); };
    double best = 1e30;
    for (int rep = 0; rep < 15; ++rep) {
        const double start = now();
        for (int i = 0; i < 4; ++i) cpu::gemm_run(pool, kernel, panel.layout, s.n_out, wb, jobs);
        best = std::min(best, (now() - start) / 4);
    }
    return static_cast<double>(s.n * s.n_out * s.tokens * s.experts) / best;
}

void bench_kernel(TensorType type, const cpu::GemmKernel& kernel, const char* suffix) {
    std::printf("%-7s%-5s", quant::tensor_type_name(type).data(), suffix);
    const std::int64_t wide = quant::tensor_type_info(type).block_size == 256 ? 2048 : 2880;
    for (Shape s : {Shape{1024, 512, 64}, Shape{512, 1024, 64}, Shape{1024, 512, 8}, Shape{1024, 512, 64, 192, 1},
                    Shape{1024, 512, 64, 192, 2}, Shape{wide, wide, 64}, Shape{wide, wide, 16}})
        std::printf(" %9.1f", macs_per_ns(type, kernel, s));
    std::printf("\n");
}

// Types with a row-group kernel are also measured with their one-row tiles ("/1").
void bench(TensorType type) {
    const cpu::GemmKernel* kernel = cpu::find_gemm_kernel(type);
    if (!kernel) return;
    bench_kernel(type, *kernel, kernel->group ? "/8" : "");
    if (kernel->group) {
        cpu::GemmKernel one_row = *kernel;
        one_row.group = nullptr;
        bench_kernel(type, one_row, "/1");
    }
}

} // namespace

int main(int argc, char** argv) {
    std::printf("MACs per ns, best of 15; moe: 192 experts of 1024x512 (%s, past L3), 64 tokens each, 1 and 2 threads;\n"
                "wide: 2880 x 2880 (gpt-oss's width; 2048 x 2048, DeepSeek V2-Lite's, for 256-blocks), 64 and 16 tokens\n"
                "%-12s %9s %9s %9s %9s %9s %9s %9s\n", "54-108 MiB", "type", "1024x512", "512x1024", "t8", "moe-t1", "moe-t2",
                "wide-t64", "wide-t16");
    if (argc > 1) {
        for (int i = 1; i < argc; ++i)
            if (const auto info = quant::find_tensor_type(std::string_view(argv[i]))) bench(info->type);
            else std::fprintf(stderr, "unknown type %s\n", argv[i]);
        return 0;
    }
    for (const quant::TensorTypeInfo& info : quant::all_tensor_types()) bench(info.type);
    return 0;
}
