// Micro-benchmark of the integer dot kernels against the generic path they replace, per
// weight type, on one thread: nanoseconds per weight row of 4096 elements for one token
// (generation: dequantize the row + one float dot, against one integer dot) and for four
// tokens (prompts: dequantize + four float dots, against the four-token kernel). 512 rows
// (about 1-2 MiB of weights) are cycled so the numbers measure compute, not DRAM. Times are
// the thread's CPU time, best of five, so a busy machine inflates them less than wall time
// would. Prints a table; asserts nothing (speed is shown, never tested).
//
// Usage: bench_quant_dot [--rows N] [TYPE...]   (default: 512 rows, every type with an integer
// kernel; 512 rows of most types exceed L2, 64 fit in it)

#include "backend/cpu/activation_format.h"
#include "backend/cpu/activation_quant.h"
#include "backend/cpu/quant_dot.h"
#include "backend/cpu/vec_dot.h"
#include "backend/tensor.h"
#include "quant/dequantize.h"

#include <ctime>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string_view>
#include <vector>

using namespace conclave;
using quant::TensorType;

namespace {

constexpr std::int64_t n = 4096;
std::int64_t rows = 512; // --rows N: fewer rows measure the kernel out of L2 rather than L3

std::uint64_t row_bytes(TensorType type) {
    Tensor t;
    t.type = type;
    t.ne = {n, 1, 1, 1};
    return t.row_bytes();
}

double thread_ns() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e9 + static_cast<double>(ts.tv_nsec);
}

// Best CPU time per call of `body` (which handles all rows once), in ns per row.
template <typename Body> double ns_per_row(Body&& body) {
    double best = 1e30;
    for (int rep = 0; rep < 5; ++rep) {
        int calls = 0;
        const double start = thread_ns();
        double spent = 0.0;
        do {
            body();
            ++calls;
            spent = thread_ns() - start;
        } while (spent < 5e7);
        best = std::min(best, spent / calls / rows);
    }
    return best;
}

volatile float sink;

void bench(TensorType type) {
    const cpu::QuantDotFn fast = cpu::find_quant_dot(type);
    const cpu::QuantDotFn ref = cpu::find_quant_dot_reference(type);
    const cpu::QuantDotX4Fn fast4 = cpu::find_quant_dot_x4(type);
    if (!fast) return;
    // Every byte in 0x30..0x3b, so any two adjacent bytes (whichever are fp16 scales) are a
    // normal half near 0.1-1 and an MXFP4 exponent is a normal 2^-80: no NaN or denormal
    // slows the float path. The kernels have no data-dependent branches.
    const std::uint64_t wb = row_bytes(type);
    std::vector<unsigned char> w(wb * rows);
    std::mt19937 rng(1);
    for (unsigned char& c : w) c = static_cast<unsigned char>(0x30 + rng() % 12);
    const TensorType format = cpu::activation_format(type);
    Tensor probe;
    probe.type = format;
    probe.ne = {n, 1, 1, 1};
    const std::uint64_t ab = probe.row_bytes();
    std::vector<float> x(4 * n), rounded(4 * n), buffer(n);
    std::normal_distribution<float> dist;
    for (float& v : x) v = dist(rng);
    std::vector<unsigned char> a(4 * ab);
    for (int t = 0; t < 4; ++t) {
        cpu::quantize_activations(format, x.data() + t * n, n, a.data() + t * ab, ab);
        (void)quant::dequantize_row(format, a.data() + t * ab, ab, rounded.data() + t * n, n);
    }
    const cpu::VecKernels& k = cpu::vec_kernels();
    float acc = 0.0f;
    const double generic1 = ns_per_row([&] {
        for (std::int64_t r = 0; r < rows; ++r) {
            (void)quant::dequantize_row(type, w.data() + r * wb, wb, buffer.data(), n);
            acc += k.dot(buffer.data(), rounded.data(), n);
        }
    });
    const double generic4 = ns_per_row([&] {
        for (std::int64_t r = 0; r < rows; ++r) {
            (void)quant::dequantize_row(type, w.data() + r * wb, wb, buffer.data(), n);
            for (int t = 0; t < 4; ++t) acc += k.dot(buffer.data(), rounded.data() + t * n, n);
        }
    });
    const double scalar1 = ns_per_row([&] {
        for (std::int64_t r = 0; r < rows; ++r) acc += ref(w.data() + r * wb, a.data(), n);
    });
    const double fast1 = ns_per_row([&] {
        for (std::int64_t r = 0; r < rows; ++r) acc += fast(w.data() + r * wb, a.data(), n);
    });
    double fast4_ns = 0.0;
    if (fast4)
        fast4_ns = ns_per_row([&] {
            float four[4];
            for (std::int64_t r = 0; r < rows; ++r) {
                fast4(w.data() + r * wb, a.data(), ab, n, four);
                acc += four[0] + four[1] + four[2] + four[3];
            }
        });
    sink = acc;
    std::printf("%-7s %9.0f %9.0f %9.0f %6.1fx %6.1fx | %9.0f %9.0f %6.1fx\n",
                quant::tensor_type_name(type).data(), generic1, scalar1, fast1, generic1 / scalar1,
                generic1 / fast1, generic4, fast4_ns, fast4 ? generic4 / fast4_ns : 0.0);
}

} // namespace

int main(int argc, char** argv) {
    std::printf("ns per row of %lld, one thread; speedup = generic / kernel\n",
                static_cast<long long>(n));
    std::printf("%-7s %9s %9s %9s %7s %7s | %9s %9s %7s\n", "type", "generic1", "scalar1", "fast1",
                "scalar", "fast", "generic4", "fast_x4", "x4");
    int first = 1;
    if (argc > 2 && std::string_view(argv[1]) == "--rows") {
        rows = std::max<std::int64_t>(1, std::atoll(argv[2]));
        first = 3;
    }
    if (argc > first) {
        for (int i = first; i < argc; ++i)
            if (const auto info = quant::find_tensor_type(std::string_view(argv[i])))
                bench(info->type);
            else
                std::fprintf(stderr, "unknown type %s\n", argv[i]);
        return 0;
    }
    for (const quant::TensorTypeInfo& info : quant::all_tensor_types()) bench(info.type);
    return 0;
}
