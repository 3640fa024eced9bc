// Integer dot kernels (quant_dot*.cpp) for every weight type that has one: the scalar
// reference against float math on the dequantized weights and activations, the AVX2 single
// and four-token kernels against the reference, and mul_mat's fast path against the generic
// dequantize path. Shapes span one to several blocks, including rows of 32-blocks that are
// not a multiple of 256; fills cover random, all-zero and largest/smallest codes with
// negative scales. Bounds are relative to M = sum_i (|scaled_i| + |minimum_i|) * |a_i|, the
// size of the terms the kernels add (see weight_blocks.h), so cancellation cannot hide error.

#include "backend/cpu/activation_format.h"
#include "backend/cpu/activation_quant.h"
#include "backend/cpu/cpu_backend.h"
#include "backend/cpu/cpu_ops.h"
#include "backend/cpu/quant_dot.h"
#include "backend/cpu/vec_dot.h"
#include "quant/dequantize.h"
#include "weight_blocks.h"

#include <QtTest>
#include <cmath>
#include <random>

using namespace conclave;
using quant::TensorType;
using test::Fill;

Q_DECLARE_METATYPE(conclave::quant::TensorType)
Q_DECLARE_METATYPE(conclave::test::Fill)

namespace {

using test::Act;
using test::act_name;
using test::activation_values;
using test::exact_bound;

// SIMD against the scalar reference: the same integers, summed in another order in float.
constexpr double simd_bound = 1e-5;
// Absolute floor for rows whose scales make every product (sub)normal-tiny (MXFP4 at 2^-127).
constexpr double tiny = 1e-30;

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

bool within(double got, double want, double bound) {
    return std::isfinite(got) && std::fabs(got - want) <= bound;
}

constexpr float sentinel = -12345.0f;

// Types expected to have AVX2 single and four-token kernels.
constexpr TensorType fast_types[] = {
    TensorType::Q4_0,   TensorType::Q4_1,   TensorType::Q5_0, TensorType::Q5_1, TensorType::Q8_0,
    TensorType::Q2_K,   TensorType::Q3_K,   TensorType::Q4_K, TensorType::Q5_K, TensorType::Q6_K,
    TensorType::IQ4_NL, TensorType::IQ4_XS, TensorType::MXFP4};

} // namespace

class TestQuantDots : public QObject {
    Q_OBJECT

private slots:
    // The registries answer a SIMD kernel (not the reference fallback) for every fast type,
    // so the comparisons below really test SIMD code on this machine.
    void avx2KernelsRegistered() {
        if (!cpu::find_quant_dot_avx2(TensorType::Q8_0))
            QSKIP("no AVX2/FMA/F16C on this processor");
        for (TensorType type : fast_types) {
            const char* name = quant::tensor_type_name(type).data();
            QVERIFY2(cpu::find_quant_dot_reference(type), name);
            QVERIFY2(cpu::find_quant_dot_avx2(type), name);
            QVERIFY2(cpu::find_quant_dot_avx2(type) != cpu::find_quant_dot_reference(type), name);
            QVERIFY2(cpu::find_quant_dot(type) == cpu::find_quant_dot_avx2(type), name);
            QVERIFY2(cpu::find_quant_dot_x4(type), name);
        }
    }

    void kernelsMatchExactAndEachOther_data() {
        QTest::addColumn<TensorType>("type");
        QTest::addColumn<int>("n");
        QTest::addColumn<Fill>("fill");
        QTest::addColumn<int>("act");
        for (const quant::TensorTypeInfo& info : quant::all_tensor_types()) {
            if (!cpu::find_quant_dot_reference(info.type) || !test::has_scale_layout(info.type))
                continue;
            const int bs = static_cast<int>(info.block_size);
            // 256-blocks: 1, 3, 9 super-blocks; 32-blocks: 1, 7, 37 blocks (224 and 1184 are not
            // multiples of 256).
            const int counts[3] = {1, bs == 256 ? 3 : 7, bs == 256 ? 9 : 37};
            for (int blocks : counts)
                for (Fill fill : {Fill::Random, Fill::Zero, Fill::Max, Fill::MaxNeg, Fill::Min})
                    for (Act act : {Act::Gaussian, Act::Zero, Act::Saturated, Act::Spike})
                        QTest::addRow("%s-n%d-%s-%s", info.name.data(), blocks * bs,
                                      test::fill_name(fill), act_name(act))
                            << info.type << blocks * bs << fill << static_cast<int>(act);
        }
    }

    // For four activation rows: reference vs exact (bound exact_bound * M), AVX2 single vs
    // reference and x4 vs reference (simd_bound * M); x4 writes exactly out[0..3].
    void kernelsMatchExactAndEachOther() {
        QFETCH(TensorType, type);
        QFETCH(int, n);
        QFETCH(Fill, fill);
        QFETCH(int, act);
        const std::vector<unsigned char> w =
            test::patterned_weights(type, n, 1, fill, 100u + static_cast<unsigned>(n));
        QVERIFY(!w.empty());
        const TensorType format = cpu::activation_format(type);
        const std::uint64_t stride = test::packed_row_bytes(format, n);
        std::vector<unsigned char> a(stride * 4);
        for (int t = 0; t < 4; ++t) {
            const std::vector<float> x =
                activation_values(static_cast<Act>(act), n, 7u * static_cast<unsigned>(t) + 1u);
            cpu::quantize_activations(format, x.data(), n, a.data() + t * stride, stride);
        }
        const cpu::QuantDotFn ref = cpu::find_quant_dot_reference(type);
        const cpu::QuantDotFn simd = cpu::find_quant_dot_avx2(type);
        const cpu::QuantDotX4Fn simd4 = cpu::find_quant_dot_x4(type);
        float four[6] = {sentinel, sentinel, sentinel, sentinel, sentinel, sentinel};
        if (simd4) simd4(w.data(), a.data(), stride, n, four + 1);
        QCOMPARE(four[0], sentinel);
        QCOMPARE(four[5], sentinel);
        for (int t = 0; t < 4; ++t) {
            const unsigned char* at = a.data() + t * stride;
            const Expected e = expected_dot(type, w.data(), at, n);
            const double r = ref(w.data(), at, n);
            const auto say = [&](const char* what, double got, double want) {
                return qPrintable(QStringLiteral("token %1 %2: %3 vs %4 (M %5)")
                                      .arg(t)
                                      .arg(what)
                                      .arg(got, 0, 'g', 9)
                                      .arg(want, 0, 'g', 9)
                                      .arg(e.magnitude));
            };
            QVERIFY2(within(r, e.exact, exact_bound(type) * e.magnitude + tiny),
                     say("reference vs exact", r, e.exact));
            if (simd) {
                const double s = simd(w.data(), at, n);
                QVERIFY2(within(s, r, simd_bound * e.magnitude + tiny),
                         say("avx2 vs reference", s, r));
            }
            if (simd4)
                QVERIFY2(within(four[t + 1], r, simd_bound * e.magnitude + tiny),
                         say("x4 vs reference", four[t + 1], r));
        }
    }

    void mulMatFastEqualsGeneric_data() {
        QTest::addColumn<TensorType>("type");
        for (const quant::TensorTypeInfo& info : quant::all_tensor_types())
            if (cpu::find_quant_dot(info.type) && test::has_scale_layout(info.type))
                QTest::newRow(info.name.data()) << info.type;
    }

    // 11 tokens (two groups of four for the four-token kernels plus three single dots) by 17
    // output rows; n_in 768 (three super-blocks) or 224 (seven 32-blocks, not a multiple of
    // 256). The generic path is rebuilt from its parts: activations rounded through the
    // format, weights dequantized, float dot. Each output must agree within the kernel bounds.
    void mulMatFastEqualsGeneric() {
        QFETCH(TensorType, type);
        const std::int64_t n_in = quant::tensor_type_info(type).block_size == 256 ? 768 : 224;
        const std::int64_t n_out = 17, n_tokens = 11;
        std::vector<unsigned char> wbytes = test::random_weights(type, n_in, n_out, 21);
        QVERIFY(!wbytes.empty());
        std::vector<float> x = activation_values(Act::Gaussian, n_in * n_tokens, 22);
        const std::size_t guard = 8, n_y = static_cast<std::size_t>(n_out * n_tokens);
        std::vector<float> y(n_y + 2 * guard, sentinel);

        ThreadPool pool(2);
        cpu::CpuBackend backend(pool);
        Tensor w{type, {n_in, n_out, 1, 1}, wbytes.data(), &backend};
        Tensor xt{TensorType::F32, {n_in, n_tokens, 1, 1}, x.data(), &backend};
        Tensor yt{TensorType::F32, {n_out, n_tokens, 1, 1}, y.data() + guard, &backend};
        backend.mul_mat(w, xt, yt);
        for (std::size_t i = 0; i < guard; ++i) {
            QCOMPARE(y[i], sentinel);
            QCOMPARE(y[guard + n_y + i], sentinel);
        }

        const TensorType format = cpu::activation_format(type);
        const std::vector<float> rounded = cpu::round_activations(pool, xt, format);
        const cpu::VecKernels& k = cpu::vec_kernels();
        const std::uint64_t rb = w.row_bytes();
        std::vector<float> buffer(static_cast<std::size_t>(n_in));
        for (std::int64_t r = 0; r < n_out; ++r) {
            const float* row = cpu::row_as_f32(w, r, buffer.data());
            const test::SplitRow split = test::split_row(type, wbytes.data() + r * rb, n_in);
            for (std::int64_t t = 0; t < n_tokens; ++t) {
                const float* act = rounded.data() + t * n_in;
                double magnitude = 0.0;
                for (std::size_t i = 0; i < split.scaled.size(); ++i)
                    magnitude += (std::fabs(split.scaled[i]) + std::fabs(split.minimum[i])) *
                                 std::fabs(act[i]);
                const double generic = k.dot(row, act, n_in);
                const double fast = y[guard + static_cast<std::size_t>(t * n_out + r)];
                QVERIFY2(within(fast, generic, exact_bound(type) * magnitude + tiny),
                         qPrintable(QStringLiteral("row %1 token %2: fast %3 generic %4 (M %5)")
                                        .arg(r)
                                        .arg(t)
                                        .arg(fast)
                                        .arg(generic)
                                        .arg(magnitude)));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestQuantDots)
#include "test_quant_dots.moc"
