// CPU kernel checks in plain C++ (no Qt), for builds where Qt Test does not exist: the ARM64
// cross build run under qemu-user (scripts/test-cross-arm64). For every SIMD integer dot kernel
// this processor can run (NEON plain and NEON dotprod on ARM64, AVX2 on x86-64) the single and
// four-token kernels are compared with the scalar reference, and the reference with exact math,
// on the shapes, fills and bounds of tests/engine/kernels/test_quant_dots.cpp (odd block
// counts, all-zero and extreme codes, negative scales, saturated and spiky activations,
// sentinels around the four outputs). Then mul_mat's fast path against the generic path, the
// float vector kernels against the portable ones, and tiny random-weight models end to end
// against the scalar reference decoder (check_tiny_models.cpp).
//
// Usage: check_cpu_kernels [--expect neon-dotprod|neon|avx2]
// --expect fails the run unless dispatch picked that instruction set, so a CPU model without
// the feature cannot silently test the other path. Exit status 0 when every check passed.

#include "backend/cpu/activation_format.h"
#include "backend/cpu/activation_quant.h"
#include "backend/cpu/cpu_backend.h"
#include "backend/cpu/cpu_ops.h"
#include "backend/cpu/quant_dot.h"
#include "backend/cpu/vec_dot.h"
#include "check_report.h"
#include "check_tiny_models.h"
#include "conclave/cpu_features.h"
#include "quant/dequantize.h"
#include "quant/half.h"
#include "weight_blocks.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <random>
#include <string>
#include <vector>

using namespace conclave;
using quant::TensorType;
using test::CheckReport;
using test::Fill;

namespace {

// A family of SIMD kernels that can be checked on this processor.
struct Variant {
    const char* name;
    cpu::QuantDotFn (*single)(TensorType);
    cpu::QuantDotX4Fn (*four)(TensorType);
    std::vector<TensorType> types; // the types it must cover
};

const std::vector<TensorType> neon_types = {
    TensorType::Q4_0,   TensorType::Q4_1,   TensorType::Q5_0, TensorType::Q5_1, TensorType::Q8_0,
    TensorType::Q2_K,   TensorType::Q3_K,   TensorType::Q4_K, TensorType::Q5_K, TensorType::Q6_K,
    TensorType::IQ4_NL, TensorType::IQ4_XS, TensorType::MXFP4};
const std::vector<TensorType> avx2_types = {
    TensorType::Q4_0,   TensorType::Q4_1,   TensorType::Q5_0, TensorType::Q5_1, TensorType::Q8_0,
    TensorType::Q2_K,   TensorType::Q3_K,   TensorType::Q4_K, TensorType::Q5_K, TensorType::Q6_K,
    TensorType::IQ4_NL, TensorType::IQ4_XS, TensorType::MXFP4};

// The variants this processor runs (a variant whose Q8_0 kernel is null is absent).
std::vector<Variant> available_variants() {
    const Variant all[] = {
        {"neon", [](TensorType t) { return cpu::find_quant_dot_neon(t, false); },
         [](TensorType t) { return cpu::find_quant_dot_x4_neon(t, false); }, neon_types},
        {"neon-dotprod", [](TensorType t) { return cpu::find_quant_dot_neon(t, true); },
         [](TensorType t) { return cpu::find_quant_dot_x4_neon(t, true); }, neon_types},
        {"avx2", cpu::find_quant_dot_avx2,
         [](TensorType t) {
             return cpu::find_quant_dot_avx2(t) ? cpu::find_quant_dot_x4(t) : nullptr;
         },
         avx2_types},
    };
    std::vector<Variant> out;
    for (const Variant& v : all)
        if (v.single(TensorType::Q8_0)) out.push_back(v);
    return out;
}

const char* type_name(TensorType type) {
    return quant::tensor_type_name(type).data();
}

using test::Act;
using test::act_name;
using test::activation_values;
using test::exact_bound;

// Bounds relative to M = sum_i (|scaled_i| + |minimum_i|) * |a_i| (see test_quant_dots.cpp):
// the reference against exact math (Q8_1's fp16 block sums cost up to 2^-11 of the minimum
// term), SIMD against the reference (the same integers, summed in another order in float),
// and an absolute floor for rows whose products are all (sub)normal-tiny.
constexpr double simd_bound = 1e-5;
constexpr double tiny = 1e-30;
using test::sentinel;

bool within(double got, double want, double bound) {
    return std::isfinite(got) && std::fabs(got - want) <= bound;
}

struct Expected {
    double exact = 0.0;     // sum of dequantized w * dequantized a, in double
    double magnitude = 0.0; // M
};

Expected expected_dot(TensorType type, const unsigned char* w, const unsigned char* a,
                      std::int64_t n) {
    const TensorType format = cpu::activation_format(type);
    std::vector<float> af(static_cast<std::size_t>(n));
    (void)quant::dequantize_row(format, a, test::packed_row_bytes(format, n), af.data(), n);
    const test::SplitRow split = test::split_row(type, w, n);
    Expected e;
    for (std::size_t i = 0; i < af.size(); ++i) {
        e.exact += (split.scaled[i] + split.minimum[i]) * af[i];
        e.magnitude +=
            (std::fabs(split.scaled[i]) + std::fabs(split.minimum[i])) * std::fabs(af[i]);
    }
    return e;
}

// Every registry answer of the variant is a real SIMD kernel for each type it must cover.
void check_registered(CheckReport& report, const Variant& v) {
    for (TensorType type : v.types) {
        const cpu::QuantDotFn single = v.single(type);
        report.check(single && single != cpu::find_quant_dot_reference(type),
                     "%s %s: no single-row kernel", v.name, type_name(type));
        report.check(v.four(type) != nullptr, "%s %s: no four-token kernel", v.name,
                     type_name(type));
    }
}

// One shape, fill and activation kind: four activation rows against one weight row.
void check_case(CheckReport& report, const Variant& v, TensorType type, std::int64_t n, Fill fill,
                Act act) {
    const std::vector<unsigned char> w =
        test::patterned_weights(type, n, 1, fill, 100u + static_cast<unsigned>(n));
    const TensorType format = cpu::activation_format(type);
    const std::uint64_t stride = test::packed_row_bytes(format, n);
    std::vector<unsigned char> a(stride * 4);
    for (int t = 0; t < 4; ++t) {
        const std::vector<float> x = activation_values(act, n, 7u * static_cast<unsigned>(t) + 1u);
        cpu::quantize_activations(format, x.data(), n, a.data() + t * stride, stride);
    }
    const cpu::QuantDotFn ref = cpu::find_quant_dot_reference(type);
    const cpu::QuantDotFn single = v.single(type);
    const cpu::QuantDotX4Fn four = v.four(type);
    float out[6] = {sentinel, sentinel, sentinel, sentinel, sentinel, sentinel};
    if (four) four(w.data(), a.data(), stride, n, out + 1);
    const std::string tag = std::string(v.name) + " " + type_name(type) + " n" + std::to_string(n) +
                            " " + test::fill_name(fill) + " " + act_name(act);
    report.check(out[0] == sentinel && out[5] == sentinel, "%s: x4 wrote outside out[0..3]",
                 tag.c_str());
    for (int t = 0; t < 4; ++t) {
        const unsigned char* at = a.data() + t * stride;
        const Expected e = expected_dot(type, w.data(), at, n);
        const double r = ref(w.data(), at, n);
        report.check(within(r, e.exact, exact_bound(type) * e.magnitude + tiny),
                     "%s token %d: reference %.9g vs exact %.9g (M %g)", tag.c_str(), t, r, e.exact,
                     e.magnitude);
        if (single) {
            const double s = single(w.data(), at, n);
            report.check(within(s, r, simd_bound * e.magnitude + tiny),
                         "%s token %d: single %.9g vs reference %.9g (M %g)", tag.c_str(), t, s, r,
                         e.magnitude);
        }
        if (four)
            report.check(within(out[t + 1], r, simd_bound * e.magnitude + tiny),
                         "%s token %d: x4 %.9g vs reference %.9g (M %g)", tag.c_str(), t,
                         static_cast<double>(out[t + 1]), r, e.magnitude);
    }
}

void check_variant(CheckReport& report, const Variant& v) {
    check_registered(report, v);
    for (TensorType type : v.types) {
        const int bs = static_cast<int>(quant::tensor_type_info(type).block_size);
        // 256-blocks: 1, 3, 9 super-blocks; 32-blocks: 1, 7, 37 blocks (224 and 1184 are not
        // multiples of 256).
        const int counts[3] = {1, bs == 256 ? 3 : 7, bs == 256 ? 9 : 37};
        for (int blocks : counts)
            for (Fill fill : {Fill::Random, Fill::Zero, Fill::Max, Fill::MaxNeg, Fill::Min})
                for (Act act : {Act::Gaussian, Act::Zero, Act::Saturated, Act::Spike})
                    check_case(report, v, type, std::int64_t{blocks} * bs, fill, act);
    }
}

// Dispatch picked the instruction set the caller expects (and the CPU reports).
void check_dispatch(CheckReport& report, const std::string& expect) {
    const CpuFeatures f = detect_cpu_features();
    const char* vec = cpu::vec_kernels().name;
    if (expect == "neon-dotprod" || expect == "neon") {
        const bool dotprod = expect == "neon-dotprod";
        report.check(f.arm64 && f.neon, "expected an ARM64 processor with NEON");
        report.check(f.arm_dotprod == dotprod, "expected dotprod %s, the processor reports %s",
                     dotprod ? "on" : "off", f.arm_dotprod ? "on" : "off");
        report.check(std::strcmp(vec, "neon") == 0, "vector kernels are '%s', expected neon", vec);
        for (TensorType type : neon_types) {
            const cpu::QuantDotFn want = cpu::find_quant_dot_neon(type, dotprod);
            report.check(want && cpu::find_quant_dot(type) == want,
                         "%s: dispatch did not pick the %s kernel", type_name(type),
                         expect.c_str());
            report.check(cpu::find_quant_dot_x4(type) == cpu::find_quant_dot_x4_neon(type, dotprod),
                         "%s: four-token dispatch did not pick the %s kernel", type_name(type),
                         expect.c_str());
        }
        if (!dotprod)
            report.check(!cpu::find_quant_dot_neon(TensorType::Q8_0, true),
                         "dotprod kernels offered without dotprod");
    } else if (expect == "avx2") {
        report.check(f.avx2 && f.fma && f.f16c, "expected AVX2, FMA and F16C");
        report.check(std::strcmp(vec, "avx2") == 0, "vector kernels are '%s', expected avx2", vec);
        for (TensorType type : avx2_types)
            report.check(cpu::find_quant_dot(type) == cpu::find_quant_dot_avx2(type),
                         "%s: dispatch did not pick the AVX2 kernel", type_name(type));
    } else {
        report.check(false, "unknown --expect '%s' (neon-dotprod, neon or avx2)", expect.c_str());
    }
}

// The dispatched float kernels against the portable ones, odd lengths, sentinel after y.
void check_vector_kernels(CheckReport& report) {
    const cpu::VecKernels& fast = cpu::vec_kernels();
    const cpu::VecKernels& ref = cpu::vec_kernels_portable();
    std::mt19937 rng(3);
    std::normal_distribution<float> dist(0.0f, 1.0f);
    for (int n : {1, 3, 17, 127, 1023, 4096}) {
        const std::size_t un = static_cast<std::size_t>(n);
        std::vector<float> a(un), b(un);
        std::vector<std::uint16_t> h(un);
        for (std::size_t i = 0; i < un; ++i)
            a[i] = dist(rng), b[i] = dist(rng), h[i] = quant::fp32_to_fp16(a[i]);
        const auto close = [&](double x, double y) {
            return std::fabs(x - y) <=
                   1e-5 * (1.0 + std::fabs(y)) * std::sqrt(static_cast<double>(n));
        };
        const double d = fast.dot(a.data(), b.data(), n), dr = ref.dot(a.data(), b.data(), n);
        report.check(close(d, dr), "%s dot n=%d: %.9g vs portable %.9g", fast.name, n, d, dr);
        const double dh = fast.dot_f16(h.data(), b.data(), n),
                     dhr = ref.dot_f16(h.data(), b.data(), n);
        report.check(close(dh, dhr), "%s dot_f16 n=%d: %.9g vs portable %.9g", fast.name, n, dh,
                     dhr);
        std::vector<float> y1(un + 1, 0.5f), y2 = y1, y3 = y1, y4 = y1;
        y1[un] = y2[un] = y3[un] = y4[un] = sentinel;
        fast.axpy(0.75f, a.data(), y1.data(), n);
        ref.axpy(0.75f, a.data(), y2.data(), n);
        fast.axpy_f16(-1.25f, h.data(), y3.data(), n);
        ref.axpy_f16(-1.25f, h.data(), y4.data(), n);
        bool axpy_ok = y1[un] == sentinel && y3[un] == sentinel;
        for (std::size_t i = 0; i < un; ++i)
            axpy_ok = axpy_ok && close(y1[i], y2[i]) && close(y3[i], y4[i]);
        report.check(axpy_ok, "%s axpy/axpy_f16 n=%d differ from portable or wrote past y",
                     fast.name, n);
    }
}

// mul_mat through the dispatched fast path (four-token groups plus single tails, two
// threads) against the generic path rebuilt from its parts, as in test_quant_dots.cpp.
void check_mul_mat(CheckReport& report, TensorType type) {
    const std::int64_t n_in = quant::tensor_type_info(type).block_size == 256 ? 768 : 224;
    const std::int64_t n_out = 17, n_tokens = 11;
    std::vector<unsigned char> wbytes = test::random_weights(type, n_in, n_out, 21);
    std::vector<float> x = activation_values(Act::Gaussian, n_in * n_tokens, 22);
    const std::size_t guard = 8, n_y = static_cast<std::size_t>(n_out * n_tokens);
    std::vector<float> y(n_y + 2 * guard, sentinel);
    ThreadPool pool(2);
    cpu::CpuBackend backend(pool);
    Tensor w{type, {n_in, n_out, 1, 1}, wbytes.data(), &backend};
    Tensor xt{TensorType::F32, {n_in, n_tokens, 1, 1}, x.data(), &backend};
    Tensor yt{TensorType::F32, {n_out, n_tokens, 1, 1}, y.data() + guard, &backend};
    backend.mul_mat(w, xt, yt);
    bool guards = true;
    for (std::size_t i = 0; i < guard; ++i)
        guards = guards && y[i] == sentinel && y[guard + n_y + i] == sentinel;
    report.check(guards, "mul_mat %s wrote outside its output", type_name(type));

    const std::vector<float> rounded =
        cpu::round_activations(pool, xt, cpu::activation_format(type));
    const cpu::VecKernels& k = cpu::vec_kernels();
    std::vector<float> buffer(static_cast<std::size_t>(n_in));
    for (std::int64_t r = 0; r < n_out; ++r) {
        const float* row = cpu::row_as_f32(w, r, buffer.data());
        const test::SplitRow split = test::split_row(type, wbytes.data() + r * w.row_bytes(), n_in);
        for (std::int64_t t = 0; t < n_tokens; ++t) {
            const float* act = rounded.data() + t * n_in;
            double magnitude = 0.0;
            for (std::size_t i = 0; i < split.scaled.size(); ++i)
                magnitude +=
                    (std::fabs(split.scaled[i]) + std::fabs(split.minimum[i])) * std::fabs(act[i]);
            const double generic = k.dot(row, act, n_in);
            const double fast = y[guard + static_cast<std::size_t>(t * n_out + r)];
            report.check(within(fast, generic, exact_bound(type) * magnitude + tiny),
                         "mul_mat %s row %lld token %lld: fast %.9g generic %.9g (M %g)",
                         type_name(type), static_cast<long long>(r), static_cast<long long>(t),
                         fast, generic, magnitude);
        }
    }
}

// Runs one section and prints its outcome and time.
template <typename Section>
void run_section(CheckReport& report, const char* name, Section section) {
    const long failures = report.failures(), checks = report.checks();
    const auto start = std::chrono::steady_clock::now();
    section();
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("%-32s %6ld checks  %s  (%.1f s)\n", name, report.checks() - checks,
                report.failures() == failures ? "ok" : "FAILED", seconds);
}

} // namespace

int main(int argc, char** argv) {
    std::string expect;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--expect" && i + 1 < argc)
            expect = argv[++i];
        else {
            std::fprintf(stderr, "usage: %s [--expect neon-dotprod|neon|avx2]\n", argv[0]);
            return 2;
        }
    }
    CheckReport report;
    const std::vector<Variant> variants = available_variants();
    std::string names;
    for (const Variant& v : variants) names += std::string(names.empty() ? "" : ", ") + v.name;
    std::printf("processor: %s; SIMD kernels: %s; vector kernels: %s\n",
                describe_cpu_features(detect_cpu_features()).c_str(),
                names.empty() ? "none" : names.c_str(), cpu::vec_kernels().name);

    if (!expect.empty())
        run_section(report, ("dispatch " + expect).c_str(),
                    [&] { check_dispatch(report, expect); });
    for (const Variant& v : variants)
        run_section(report, (std::string("integer dots ") + v.name).c_str(),
                    [&] { check_variant(report, v); });
    run_section(report, "vector kernels", [&] { check_vector_kernels(report); });
    run_section(report, "mul_mat fast vs generic", [&] {
        for (const quant::TensorTypeInfo& info : quant::all_tensor_types())
            if (cpu::find_quant_dot(info.type) && test::has_scale_layout(info.type))
                check_mul_mat(report, info.type);
    });
    run_section(report, "tiny models end to end", [&] { test::check_tiny_models(report); });

    std::printf("%s: %ld checks, %ld failed\n", report.failures() ? "FAILED" : "PASSED",
                report.checks(), report.failures());
    return report.failures() ? 1 : 0;
}
