// CPU kernels against their references: dispatched vector kernels against the portable ones,
// and the backend's mul_mat for every tensor type against a double-precision product of
// dequantized weights and the activations as the kernel rounds them (the integer dot kernels
// themselves are checked in test_quant_dots.cpp), and gpt-oss's clamped SwiGLU and per-expert
// bias against their formulas. Outputs are guarded by sentinels to catch stray writes.

#include "weight_blocks.h"

#include "backend/cpu/activation_avx2.h"
#include "backend/cpu/activation_format.h"
#include "backend/cpu/activation_quant.h"
#include "backend/cpu/cpu_backend.h"
#include "backend/cpu/vec_dot.h"
#include "quant/dequantize.h"
#include "quant/half.h"
#include "quant/quantize.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <random>

using namespace conclave;
using quant::TensorType;

Q_DECLARE_METATYPE(conclave::quant::TensorType)

namespace {

using test::gaussian;
using test::sentinel;

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

    // The AVX2 SwiGLU row (its vector exp) against silu(g) * u in double, on Gaussian gates
    // scaled up to reach exp's clamps (|g| up to ~100), odd lengths for the scalar tail, and a

    // The activation quantizer every integer matmul uses (vector code on this CPU) against
    // the scalar reference, byte for byte: Gaussian rows with a zero block, blocks whose
    // largest magnitude occurs twice with opposite signs (Q8_K takes the first), values on
    // exact .5 rounding ties, and a sentinel past the row.
    void activationQuantizerMatchesReference_data() {
        QTest::addColumn<TensorType>("format");
        QTest::addColumn<int>("n");
        for (int n : {256, 512, 4096}) {
            QTest::addRow("Q8_0 n=%d", n) << TensorType::Q8_0 << n;
            QTest::addRow("Q8_1 n=%d", n) << TensorType::Q8_1 << n;
            QTest::addRow("Q8_K n=%d", n) << TensorType::Q8_K << n;
        }
        QTest::addRow("Q8_0 n=32") << TensorType::Q8_0 << 32;
        QTest::addRow("Q8_1 n=96") << TensorType::Q8_1 << 96;
    }

    void activationQuantizerMatchesReference() {
        QFETCH(TensorType, format);
        QFETCH(int, n);
        std::vector<float> x = gaussian(static_cast<std::size_t>(n), 7);
        std::fill(x.begin(), x.begin() + 32, 0.0f);                       // an all-zero block
        if (n >= 64) x[40] = 9.0f, x[41] = -9.0f;                          // tied magnitudes
        if (n >= 256) x[300 % n] = -12.7f, x[301 % n] = 6.35f, x[302 % n] = 0.05f; // exact halves
        const std::size_t bytes = test::packed_row_bytes(format, n);
        std::vector<unsigned char> fast(bytes + 1, 0xA5), ref(bytes + 1, 0x5A);
        cpu::quantize_activations(format, x.data(), n, fast.data(), bytes);
        cpu::quantize_activations_reference(format, x.data(), n, ref.data(), bytes);
        QCOMPARE(fast.back(), static_cast<unsigned char>(0xA5));
        fast.pop_back(), ref.pop_back();
        for (std::size_t i = 0; i < bytes; ++i)
            QVERIFY2(fast[i] == ref[i], qPrintable(QStringLiteral("byte %1: %2 vs %3").arg(i).arg(fast[i]).arg(ref[i])));
    }
    // sentinel past the row.
    void swigluRowMatchesDouble_data() {
        QTest::addColumn<int>("n");
        QTest::addColumn<float>("spread");
        for (int n : {1, 7, 9, 17, 1023})
            for (float spread : {1.0f, 8.0f, 30.0f}) QTest::addRow("n=%d spread=%g", n, double(spread)) << n << spread;
    }

    void swigluRowMatchesDouble() {
        QFETCH(int, n);
        QFETCH(float, spread);
        std::vector<float> g = gaussian(static_cast<std::size_t>(n), 3), u = gaussian(static_cast<std::size_t>(n), 4);
        for (float& x : g) x *= spread;
        std::vector<float> out(static_cast<std::size_t>(n) + 1, sentinel);
        if (!cpu::swiglu_row_avx2(g.data(), u.data(), out.data(), n)) QSKIP("no AVX2 on this processor");
        for (std::size_t i = 0; i < g.size(); ++i) {
            const double x = g[i], want = x / (1.0 + std::exp(-x)) * u[i];
            // A few ulp of the result, or of a value dwarfed by the float range (|g| > 87).
            QVERIFY2(std::isfinite(out[i]) && std::fabs(out[i] - want) <= 4e-7 * std::fabs(want) + 1e-30,
                     qPrintable(QStringLiteral("g %1 u %2: %3 vs %4").arg(x).arg(u[i]).arg(out[i]).arg(want)));
        }
        QCOMPARE(out.back(), sentinel);
    }

    // gpt-oss's clamped SwiGLU against the formula in double, over values on both sides of
    // both clamps (gate > 7, |up| > 7), rows split over threads, in place as the model runs it.
    void swigluClampedMatchesDouble_data() {
        QTest::addColumn<int>("n");
        QTest::addColumn<int>("rows");
        QTest::addColumn<float>("alpha");
        QTest::addColumn<float>("limit");
        QTest::addColumn<float>("up_offset");
        QTest::addRow("1 x 1") << 1 << 1 << 1.702f << 7.0f << 1.0f;
        QTest::addRow("17 x 3") << 17 << 3 << 1.702f << 7.0f << 1.0f;
        QTest::addRow("gpt-oss expert width 2880 x 4") << 2880 << 4 << 1.702f << 7.0f << 1.0f;
        // DeepSeek V4: silu(min(g, L)) * clamp(u, -L, L), V4-Flash's expert width.
        QTest::addRow("deepseek4 2048 x 3") << 2048 << 3 << 1.0f << 10.0f << 0.0f;
        QTest::addRow("deepseek4 17 x 3, limit 1.5") << 17 << 3 << 1.0f << 1.5f << 0.0f;
    }

    void swigluClampedMatchesDouble() {
        QFETCH(int, n);
        QFETCH(int, rows);
        QFETCH(float, alpha);
        QFETCH(float, limit);
        QFETCH(float, up_offset);
        const auto count = static_cast<std::size_t>(n * rows);
        std::vector<float> g = gaussian(count, 11), u = gaussian(count, 12);
        for (float& x : g) x *= 6.0f;
        for (float& x : u) x *= 6.0f;
        std::vector<float> out = g;
        out.resize(count + 8, sentinel);
        ThreadPool pool(2);
        cpu::CpuBackend backend(pool);
        Tensor gt{TensorType::F32, {n, rows, 1, 1}, out.data(), &backend};
        Tensor ut{TensorType::F32, {n, rows, 1, 1}, u.data(), &backend};
        const SwigluClamp clamp{.alpha = alpha, .limit = limit, .up_offset = up_offset};
        backend.swiglu_clamped(gt, ut, clamp, gt);
        for (std::size_t i = 0; i < count; ++i) {
            const double gc = std::min<double>(g[i], limit), uc = std::clamp<double>(u[i], -limit, limit);
            const double expect = gc / (1.0 + std::exp(-double(alpha) * gc)) * (uc + up_offset);
            QVERIFY2(std::fabs(out[i] - expect) <= 1e-5 * (1.0 + std::fabs(expect)),
                     qPrintable(QStringLiteral("%1: %2 vs %3").arg(i).arg(out[i]).arg(expect)));
        }
        for (std::size_t i = count; i < out.size(); ++i) QCOMPARE(out[i], sentinel);
    }

    // DeepSeek V4's stream mixes: each group of n_in rows becomes n_out rows, each a weighted
    // sum of the group's rows; against the sum in double, with sentinels after the output.
    void mixRowsMatchesDouble_data() {
        QTest::addColumn<int>("n");
        QTest::addColumn<int>("n_in");
        QTest::addColumn<int>("n_out");
        QTest::addRow("collapse 4 -> 1") << 33 << 4 << 1;
        QTest::addRow("mix 4 -> 4") << 4096 << 4 << 4;
        QTest::addRow("broadcast 1 -> 4") << 19 << 1 << 4;
    }

    void mixRowsMatchesDouble() {
        QFETCH(int, n);
        QFETCH(int, n_in);
        QFETCH(int, n_out);
        const int groups = 5;
        const std::vector<float> x = gaussian(static_cast<std::size_t>(n * n_in * groups), 21);
        const std::vector<float> w = gaussian(static_cast<std::size_t>(n_in * n_out * groups), 22);
        std::vector<float> out(static_cast<std::size_t>(n * n_out * groups) + 8, sentinel);
        ThreadPool pool(2);
        cpu::CpuBackend backend(pool);
        const Tensor xt{TensorType::F32, {n, n_in * groups, 1, 1}, const_cast<float*>(x.data()), &backend};
        Tensor ot{TensorType::F32, {n, n_out * groups, 1, 1}, out.data(), &backend};
        backend.mix_rows(xt, w, n_in, n_out, ot);
        for (int g = 0; g < groups; ++g)
            for (int o = 0; o < n_out; ++o)
                for (int i = 0; i < n; ++i) {
                    double want = 0.0;
                    for (int k = 0; k < n_in; ++k)
                        want += double(w[static_cast<std::size_t>(k + n_in * (o + n_out * g))]) *
                                x[static_cast<std::size_t>((k + n_in * g) * n + i)];
                    const float got = out[static_cast<std::size_t>((o + n_out * g) * n + i)];
                    QVERIFY2(std::fabs(got - want) <= 1e-5 * (1.0 + std::fabs(want)),
                             qPrintable(QStringLiteral("group %1 row %2 column %3: %4 vs %5").arg(g).arg(o).arg(i).arg(got).arg(want)));
                }
        for (std::size_t i = static_cast<std::size_t>(n * n_out * groups); i < out.size(); ++i) QCOMPARE(out[i], sentinel);
    }

    // DeepSeek V4's lightning indexer scores against the formula in double: keys in each
    // cache type (compared with the keys as stored), each token seeing its own number of
    // blocks, entries past that untouched.
    void indexerScoresMatchDouble_data() {
        QTest::addColumn<TensorType>("type");
        QTest::newRow("f32 keys") << TensorType::F32;
        QTest::newRow("f16 keys") << TensorType::F16;
        QTest::newRow("q8_0 keys") << TensorType::Q8_0;
    }

    void indexerScoresMatchDouble() {
        QFETCH(TensorType, type);
        const std::int64_t head_dim = 128, n_head = 8, n_blocks = 70, n_tokens = 3;
        const std::vector<float> q = gaussian(static_cast<std::size_t>(head_dim * n_head * n_tokens), 31);
        const std::vector<float> w = gaussian(static_cast<std::size_t>(n_head * n_tokens), 32);
        const std::vector<float> k = gaussian(static_cast<std::size_t>(head_dim * n_blocks), 33);
        // The keys as the cache holds them, and back as floats for the expected values.
        const std::uint64_t row_bytes = Tensor{type, {head_dim, 1, 1, 1}, nullptr, nullptr}.row_bytes();
        std::vector<unsigned char> stored(row_bytes * n_blocks);
        std::vector<float> as_stored(k.size());
        for (std::int64_t b = 0; b < n_blocks; ++b) {
            unsigned char* row = stored.data() + b * row_bytes;
            QVERIFY(quant::quantize_row(type, k.data() + b * head_dim, head_dim, row, row_bytes).ok());
            QVERIFY(quant::dequantize_row(type, row, row_bytes, as_stored.data() + b * head_dim, head_dim).ok());
        }
        const std::vector<std::int64_t> visible{1, 33, 70};
        std::vector<float> out(static_cast<std::size_t>(n_blocks * n_tokens) + 8, sentinel);
        ThreadPool pool(2);
        cpu::CpuBackend backend(pool);
        const Tensor qt{TensorType::F32, {head_dim * n_head, n_tokens, 1, 1}, const_cast<float*>(q.data()), &backend};
        const Tensor wt{TensorType::F32, {n_head, n_tokens, 1, 1}, const_cast<float*>(w.data()), &backend};
        const Tensor kt{type, {head_dim, n_blocks, 1, 1}, stored.data(), &backend};
        Tensor ot{TensorType::F32, {n_blocks, n_tokens, 1, 1}, out.data(), &backend};
        backend.indexer_scores(qt, wt, kt, visible, ot);
        for (std::int64_t t = 0; t < n_tokens; ++t)
            for (std::int64_t b = 0; b < n_blocks; ++b) {
                const float got = out[static_cast<std::size_t>(t * n_blocks + b)];
                if (b >= visible[static_cast<std::size_t>(t)]) {
                    QCOMPARE(got, sentinel);
                    continue;
                }
                double want = 0.0, scale = 0.0;
                for (std::int64_t h = 0; h < n_head; ++h) {
                    double dot = 0.0;
                    for (std::int64_t i = 0; i < head_dim; ++i)
                        dot += double(q[static_cast<std::size_t>((t * n_head + h) * head_dim + i)]) *
                               as_stored[static_cast<std::size_t>(b * head_dim + i)];
                    want += w[static_cast<std::size_t>(t * n_head + h)] * std::max(0.0, dot);
                    scale += std::fabs(w[static_cast<std::size_t>(t * n_head + h)] * dot);
                }
                QVERIFY2(std::fabs(got - want) <= 1e-5 * (1.0 + scale),
                         qPrintable(QStringLiteral("token %1 block %2: %3 vs %4").arg(t).arg(b).arg(got).arg(want)));
            }
        for (std::size_t i = static_cast<std::size_t>(n_blocks * n_tokens); i < out.size(); ++i) QCOMPARE(out[i], sentinel);
    }

    // Each slot row gets its own expert's bias row: gpt-oss-20b's expert count (32), 4 n_slots
    // per token, 3 tokens, a row width that is no SIMD multiple.
    void addIdAddsEachSlotsExpertBias() {
        const std::int64_t n = 19, n_expert = 32, n_used = 4, n_tokens = 3, n_slots = n_used * n_tokens;
        std::vector<float> x = gaussian(static_cast<std::size_t>(n * n_slots), 13);
        const std::vector<float> bias = gaussian(static_cast<std::size_t>(n * n_expert), 14);
        const std::vector<std::int32_t> ids{31, 0, 7, 8, 1, 2, 3, 31, 30, 29, 0, 16};
        std::vector<float> out(x.size() + 8, sentinel);
        ThreadPool pool(1);
        cpu::CpuBackend backend(pool);
        Tensor xt{TensorType::F32, {n, n_slots, 1, 1}, x.data(), &backend};
        Tensor bt{TensorType::F32, {n, n_expert, 1, 1}, const_cast<float*>(bias.data()), &backend};
        Tensor ot{TensorType::F32, {n, n_slots, 1, 1}, out.data(), &backend};
        backend.add_id(xt, bt, ids, ot);
        for (std::int64_t s = 0; s < n_slots; ++s)
            for (std::int64_t i = 0; i < n; ++i)
                QCOMPARE(out[static_cast<std::size_t>(s * n + i)],
                         x[static_cast<std::size_t>(s * n + i)] + bias[static_cast<std::size_t>(ids[static_cast<std::size_t>(s)] * n + i)]);
        for (std::size_t i = x.size(); i < out.size(); ++i) QCOMPARE(out[i], sentinel);
    }

    void mulMatEveryType_data() {
        QTest::addColumn<TensorType>("type");
        for (const quant::TensorTypeInfo& info : quant::all_tensor_types())
            if (info.weight_format && quant::can_dequantize(info.type) &&
                (quant::can_quantize(info.type) || test::has_scale_layout(info.type)))
                QTest::newRow(info.name.data()) << info.type;
    }

    // Shapes: 7 tokens (one group of four for the multi-token kernels plus three single ones)
    // by 17 output rows (odd, not a multiple of any SIMD width or thread count).
    void mulMatEveryType() {
        QFETCH(TensorType, type);
        const std::int64_t n_in = quant::tensor_type_info(type).block_size == 256 ? 512 : 96;
        const std::int64_t n_out = 17, n_tokens = 7;
        std::vector<unsigned char> wbytes = test::random_weights(type, n_in, n_out, 5);
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
                std::vector<unsigned char> packed(test::packed_row_bytes(format, n_in));
                cpu::quantize_activations(format, x.data() + t * n_in, n_in, packed.data(), packed.size());
                QVERIFY(quant::dequantize_row(format, packed.data(), packed.size(), act.data(), n_in).ok());
            }
            for (std::int64_t r = 0; r < n_out; ++r) {
                std::vector<float> wf(static_cast<std::size_t>(n_in));
                const std::uint64_t rb = test::packed_row_bytes(type, n_in);
                QVERIFY(quant::dequantize_row(type, wbytes.data() + r * rb, rb, wf.data(), n_in).ok());
                double expect = 0.0;
                for (std::int64_t i = 0; i < n_in; ++i) expect += static_cast<double>(wf[static_cast<std::size_t>(i)]) * act[static_cast<std::size_t>(i)];
                const double got = y[static_cast<std::size_t>(t * n_out + r)];
                QVERIFY(std::isfinite(got));
                err += (got - expect) * (got - expect);
                ref_norm += expect * expect;
            }
        }
        const double bound = format == TensorType::Q8_1 ? 1e-6 : 1e-10; // Q8_1's fp16 block sums, see test_quant_dots.cpp
        QVERIFY2(err / ref_norm < bound, qPrintable(QStringLiteral("NMSE %1").arg(err / ref_norm)));
        for (std::size_t i = static_cast<std::size_t>(n_out * n_tokens); i < y.size(); ++i) QCOMPARE(y[i], sentinel);
    }
};

QTEST_GUILESS_MAIN(TestCpuKernels)
#include "test_cpu_kernels.moc"
