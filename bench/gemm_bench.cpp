// Micro-benchmark of the tiled GEMM (gemm.h) per weight type on one thread, on the shapes of
// the synthetic Qwen3-MoE's experts (bench/synthetic): n 1024 -> 512 rows (gate/up) and
// n 512 -> 1024 rows (down), 64 tokens per expert (512 prompt tokens, 8 of 64 experts each).
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

struct Shape {
    std::int64_t n, n_out, tokens;
};

double macs_per_ns(TensorType type, const cpu::GemmKernel& kernel, Shape s) {
    std::mt19937 rng(7);
    std::normal_distribution<float> dist;
    const std::uint64_t wb = quant::row_bytes(type, static_cast<std::uint64_t>(s.n)).value();
    std::vector<float> wv(static_cast<std::size_t>(s.n));
    std::vector<unsigned char> w(wb * static_cast<std::uint64_t>(s.n_out));
    for (std::int64_t r = 0; r < s.n_out; ++r) {
        for (float& v : wv) v = dist(rng);
        (void)quant::quantize_row(type, wv.data(), s.n, w.data() + r * wb, wb);
    }
    std::vector<float> x(static_cast<std::size_t>(s.n * s.tokens));
    for (float& v : x) v = dist(rng);
    ThreadPool pool(1);
    cpu::GemmWorkspace space;
    const cpu::GemmPanel panel = cpu::gemm_pack(pool, space, kernel, x.data(), s.n, s.tokens);
    std::vector<float> y(static_cast<std::size_t>(s.n_out * s.tokens));
    std::vector<const unsigned char*> act;
    std::vector<float*> out;
    for (std::int64_t t = 0; t < s.tokens; ++t) {
        act.push_back(panel.record(t));
        out.push_back(y.data() + t * s.n_out);
    }
    const cpu::GemmJob job{w.data(), act, out};
    double best = 1e30;
    for (int rep = 0; rep < 15; ++rep) {
        const double start = cpu_ns();
        for (int i = 0; i < 4; ++i) cpu::gemm_run(pool, kernel, panel.layout, s.n_out, wb, {&job, 1});
        best = std::min(best, (cpu_ns() - start) / 4);
    }
    return static_cast<double>(s.n * s.n_out * s.tokens) / best;
}

void bench(TensorType type) {
    const cpu::GemmKernel* kernel = cpu::find_gemm_kernel(type);
    if (!kernel) return;
    std::printf("%-7s", quant::tensor_type_name(type).data());
    for (Shape s : {Shape{1024, 512, 64}, Shape{512, 1024, 64}, Shape{1024, 512, 8}})
        std::printf(" %9.1f", macs_per_ns(type, *kernel, s));
    std::printf("\n");
}

} // namespace

int main(int argc, char** argv) {
    std::printf("MACs per ns, one thread, best of 15\n%-7s %9s %9s %9s\n", "type", "1024x512", "512x1024", "t8");
    if (argc > 1) {
        for (int i = 1; i < argc; ++i)
            if (const auto info = quant::find_tensor_type(std::string_view(argv[i]))) bench(info->type);
            else std::fprintf(stderr, "unknown type %s\n", argv[i]);
        return 0;
    }
    for (const quant::TensorTypeInfo& info : quant::all_tensor_types()) bench(info.type);
    return 0;
}
