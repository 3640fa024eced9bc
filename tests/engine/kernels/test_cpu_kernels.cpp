// CPU kernels against their references: dispatched vector kernels against the portable ones,
// SIMD integer dots against the scalar integer dots, and the backend's mul_mat for every
// tensor type against a double-precision product of dequantized weights and the activations
// as the kernel rounds them. Outputs are guarded by sentinels to catch stray writes.

#include "backend/cpu/activation_format.h"
#include "backend/cpu/activation_quant.h"
#include "backend/cpu/cpu_backend.h"
#include "backend/cpu/quant_dot.h"
#include "backend/cpu/vec_dot.h"
#include "quant/dequantize.h"
#include "quant/half.h"
#include "quant/quantize.h"

#include <QtTest>

#include <cmath>
#include <random>

using namespace conclave;
using quant::TensorType;

Q_DECLARE_METATYPE(conclave::quant::TensorType)

namespace {

std::vector<float> gaussian(std::size_t n, unsigned seed) {
    std::mt19937 rng(seed);
    std::normal_distribution<float> dist(0.0f, 1.0f);
    std::vector<float> v(n);
    for (float& x : v) x = dist(rng);
    return v;
}

std::uint64_t packed_row_bytes(TensorType type, std::int64_t n) {
    Tensor t;
    t.type = type;
    t.ne = {n, 1, 1, 1};
    return t.row_bytes();
}

// Random weights of `type`: quantized from Gaussian values where a quantizer exists,
// otherwise random bytes with every fp16 scale made finite by re-encoding (types whose
// blocks start with an fp16 scale).
std::vector<unsigned char> random_weights(TensorType type, std::int64_t n, std::int64_t rows, unsigned seed) {
    const std::uint64_t bytes = packed_row_bytes(type, n);
    std::vector<unsigned char> out(bytes * static_cast<std::uint64_t>(rows));
    const std::vector<float> values = gaussian(static_cast<std::size_t>(n * rows), seed);
    for (std::int64_t r = 0; r < rows; ++r)
        if (!quant::quantize_row(type, values.data() + r * n, n, out.data() + r * bytes, bytes).ok()) return {};
    return out;
}

constexpr float sentinel = -12345.0f;

} // namespace

class TestCpuKernels : public QObject {
    Q_OBJECT

private slots:
    void vectorKernelsMatchPortable_data() {
        QTest::addColumn<int>("n");
        for (int n : {1, 3, 17, 127, 1023, 4096}) QTest::addRow("n=%d", n) << n;
    }

    void vectorKernelsMatchPortable() {
        QFETCH(int, n);
        const cpu::VecKernels& fast = cpu::vec_kernels();
        const cpu::VecKernels& ref = cpu::vec_kernels_portable();
        const std::vector<float> a = gaussian(static_cast<std::size_t>(n), 1), b = gaussian(static_cast<std::size_t>(n), 2);
        std::vector<std::uint16_t> h(static_cast<std::size_t>(n));
        for (int i = 0; i < n; ++i) h[static_cast<std::size_t>(i)] = quant::fp32_to_fp16(a[static_cast<std::size_t>(i)]);
        const auto close = [&](float x, float y) { return std::fabs(x - y) <= 1e-5f * (1.0f + std::fabs(y)) * std::sqrt(float(n)); };
        QVERIFY(close(fast.dot(a.data(), b.data(), n), ref.dot(a.data(), b.data(), n)));
        QVERIFY(close(fast.dot_f16(h.data(), b.data(), n), ref.dot_f16(h.data(), b.data(), n)));
        std::vector<float> y1(static_cast<std::size_t>(n) + 1, 0.5f), y2 = y1;
        y1.back() = y2.back() = sentinel;
        fast.axpy(0.75f, a.data(), y1.data(), n);
        ref.axpy(0.75f, a.data(), y2.data(), n);
        fast.axpy_f16(-1.5f, h.data(), y1.data(), n);
        ref.axpy_f16(-1.5f, h.data(), y2.data(), n);
        for (int i = 0; i < n; ++i) QVERIFY(close(y1[static_cast<std::size_t>(i)], y2[static_cast<std::size_t>(i)]));
        QCOMPARE(y1.back(), sentinel);
    }

    void integerDotsMatchReference_data() {
        QTest::addColumn<TensorType>("type");
        QTest::addColumn<int>("n");
        for (const quant::TensorTypeInfo& info : quant::all_tensor_types()) {
            if (!cpu::find_quant_dot_reference(info.type)) continue;
            for (int blocks : {1, 3, 36})
                QTest::addRow("%s-n%d", info.name.data(), blocks * static_cast<int>(info.block_size))
                    << info.type << blocks * static_cast<int>(info.block_size);
        }
    }

    void integerDotsMatchReference() {
        QFETCH(TensorType, type);
        QFETCH(int, n);
        const std::vector<unsigned char> w = random_weights(type, n, 1, 3);
        QVERIFY(!w.empty());
        const TensorType format = cpu::activation_format(type);
        std::vector<unsigned char> a(packed_row_bytes(format, n));
        const std::vector<float> x = gaussian(static_cast<std::size_t>(n), 4);
        cpu::quantize_activations(format, x.data(), n, a.data(), a.size());
        const float fast = cpu::find_quant_dot(type)(w.data(), a.data(), n);
        const float ref = cpu::find_quant_dot_reference(type)(w.data(), a.data(), n);
        // The dequantized product in double: what both must approximate.
        std::vector<float> wf(static_cast<std::size_t>(n)), af(static_cast<std::size_t>(n));
        QVERIFY(quant::dequantize_row(type, w.data(), w.size(), wf.data(), n).ok());
        QVERIFY(quant::dequantize_row(format, a.data(), a.size(), af.data(), n).ok());
        double exact = 0.0, magnitude = 0.0;
        for (int i = 0; i < n; ++i) {
            exact += static_cast<double>(wf[static_cast<std::size_t>(i)]) * af[static_cast<std::size_t>(i)];
            magnitude += std::fabs(static_cast<double>(wf[static_cast<std::size_t>(i)]) * af[static_cast<std::size_t>(i)]);
        }
        const double tolerance = 1e-5 * magnitude + 1e-6;
        // Q8_1 stores each block's sum d*Σq as fp16, and the kernels use it for the weight
        // minimum's term (that is the format's point), so they differ from the exact product by
        // that rounding: up to 2^-11 of |min * sum| per block.
        const double format_tolerance = format == TensorType::Q8_1 ? 2e-3 * magnitude + 1e-6 : tolerance;
        QVERIFY2(std::fabs(fast - ref) <= tolerance, qPrintable(QStringLiteral("fast %1 ref %2").arg(fast).arg(ref)));
        QVERIFY2(std::fabs(ref - exact) <= format_tolerance, qPrintable(QStringLiteral("ref %1 exact %2").arg(ref).arg(exact)));
    }

    void fourTokenKernelsMatchSingleDots_data() {
        QTest::addColumn<TensorType>("type");
        for (const quant::TensorTypeInfo& info : quant::all_tensor_types())
            if (cpu::find_quant_dot_x4(info.type)) QTest::newRow(info.name.data()) << info.type;
    }

    void fourTokenKernelsMatchSingleDots() {
        QFETCH(TensorType, type);
        const std::int64_t n = 8 * static_cast<std::int64_t>(quant::tensor_type_info(type).block_size);
        const std::vector<unsigned char> w = random_weights(type, n, 1, 11);
        const TensorType format = cpu::activation_format(type);
        const std::uint64_t stride = packed_row_bytes(format, n);
        std::vector<unsigned char> a(stride * 4);
        const std::vector<float> x = gaussian(static_cast<std::size_t>(4 * n), 12);
        for (int t = 0; t < 4; ++t) cpu::quantize_activations(format, x.data() + t * n, n, a.data() + t * stride, stride);
        float four[4];
        cpu::find_quant_dot_x4(type)(w.data(), a.data(), stride, n, four);
        for (int t = 0; t < 4; ++t) {
            const float single = cpu::find_quant_dot(type)(w.data(), a.data() + t * stride, n);
            QVERIFY2(std::fabs(four[t] - single) <= 1e-5f * (1.0f + std::fabs(single)),
                     qPrintable(QStringLiteral("token %1: %2 vs %3").arg(t).arg(four[t]).arg(single)));
        }
    }

    void mulMatEveryType_data() {
        QTest::addColumn<TensorType>("type");
        for (const quant::TensorTypeInfo& info : quant::all_tensor_types())
            if (info.weight_format && quant::can_dequantize(info.type) && quant::can_quantize(info.type))
                QTest::newRow(info.name.data()) << info.type;
    }

    // Shapes: 7 tokens (one group of four for the multi-token kernels plus three single ones)
    // by 17 output rows (odd, not a multiple of any SIMD width or thread count).
    void mulMatEveryType() {
        QFETCH(TensorType, type);
        const std::int64_t n_in = quant::tensor_type_info(type).block_size == 256 ? 512 : 96;
        const std::int64_t n_out = 17, n_tokens = 7;
        std::vector<unsigned char> wbytes = random_weights(type, n_in, n_out, 5);
        QVERIFY(!wbytes.empty());
        std::vector<float> x = gaussian(static_cast<std::size_t>(n_in * n_tokens), 6);
        std::vector<float> y(static_cast<std::size_t>(n_out * n_tokens) + 8, sentinel);

        ThreadPool pool(2);
        cpu::CpuBackend backend(pool);
        Tensor w{type, {n_in, n_out, 1, 1}, wbytes.data(), &backend};
        Tensor xt{TensorType::F32, {n_in, n_tokens, 1, 1}, x.data(), &backend};
        Tensor yt{TensorType::F32, {n_out, n_tokens, 1, 1}, y.data(), &backend};
        backend.mul_mat(w, xt, yt);

        const TensorType format = cpu::activation_format(type);
        double err = 0.0, ref_norm = 0.0;
        for (std::int64_t t = 0; t < n_tokens; ++t) {
            std::vector<float> act(static_cast<std::size_t>(n_in));
            if (format == TensorType::F32) {
                std::copy(x.begin() + t * n_in, x.begin() + (t + 1) * n_in, act.begin());
            } else {
                std::vector<unsigned char> packed(packed_row_bytes(format, n_in));
                cpu::quantize_activations(format, x.data() + t * n_in, n_in, packed.data(), packed.size());
                QVERIFY(quant::dequantize_row(format, packed.data(), packed.size(), act.data(), n_in).ok());
            }
            for (std::int64_t r = 0; r < n_out; ++r) {
                std::vector<float> wf(static_cast<std::size_t>(n_in));
                const std::uint64_t rb = packed_row_bytes(type, n_in);
                QVERIFY(quant::dequantize_row(type, wbytes.data() + r * rb, rb, wf.data(), n_in).ok());
                double expect = 0.0;
                for (std::int64_t i = 0; i < n_in; ++i) expect += static_cast<double>(wf[static_cast<std::size_t>(i)]) * act[static_cast<std::size_t>(i)];
                const double got = y[static_cast<std::size_t>(t * n_out + r)];
                QVERIFY(std::isfinite(got));
                err += (got - expect) * (got - expect);
                ref_norm += expect * expect;
            }
        }
        const double bound = format == TensorType::Q8_1 ? 1e-6 : 1e-10; // see integerDotsMatchReference
        QVERIFY2(err / ref_norm < bound, qPrintable(QStringLiteral("NMSE %1").arg(err / ref_norm)));
        for (std::size_t i = static_cast<std::size_t>(n_out * n_tokens); i < y.size(); ++i) QCOMPARE(y[i], sentinel);
    }
};

QTEST_GUILESS_MAIN(TestCpuKernels)
#include "test_cpu_kernels.moc"
