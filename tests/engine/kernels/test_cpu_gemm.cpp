// The tiled GEMM (gemm.h) against the scalar reference dots: token records against
// quantize_activations byte for byte, and every micro-kernel through the driver on odd shapes
// (rows and tokens not multiples of the tile: 1, 3, 5, 17 tokens; 1, 3, 17, 33 rows), and on
// extreme codes, scales and activations, with sentinels around every output row; each output
// against the scalar reference dot and against the exact product in double. Row-group
// kernels (MXFP4, Q8_0) also at gpt-oss's width with partial groups, their biased panels, and
// their one-row tiles. Types without a GEMM kernel on this processor SKIP.

#include "backend/cpu/activation_format.h"
#include "backend/cpu/activation_quant.h"
#include "backend/cpu/gemm.h"
#include "backend/cpu/quant_dot.h"
#include "quant/blocks_k.h"
#include "quant/blocks_legacy.h"
#include "quant/dequantize.h"
#include "quant/half.h"
#include "quant/quantize.h"

#include "weight_blocks.h"

#include <QtTest>

#include <cmath>
#include <cstring>
#include <random>

using namespace conclave;
using quant::TensorType;

Q_DECLARE_METATYPE(conclave::quant::TensorType)

namespace {

using test::gaussian;
using test::sentinel;
constexpr std::int64_t guard = 8; // sentinels before and after every output row
// Absolute floor for rows whose scales make every product tiny (MXFP4 at 2^-127).
constexpr double tiny = 1e-30;

const TensorType gemm_types[] = {TensorType::Q4_0, TensorType::Q4_1, TensorType::Q5_0, TensorType::Q5_1,
                                 TensorType::Q8_0, TensorType::Q2_K, TensorType::Q3_K, TensorType::Q4_K,
                                 TensorType::Q5_K, TensorType::Q6_K, TensorType::IQ4_NL, TensorType::IQ4_XS,
                                 TensorType::MXFP4};

} // namespace

class TestCpuGemm : public QObject {
    Q_OBJECT

private slots:
    void recordsMatchQuantizeActivations_data() {
        QTest::addColumn<TensorType>("format");
        QTest::addColumn<int>("n");
        for (TensorType f : {TensorType::Q8_0, TensorType::Q8_1})
            for (int n : {32, 96, 576}) QTest::addRow("%s-n%d", quant::tensor_type_info(f).name.data(), n) << f << n;
        for (int n : {256, 768}) QTest::addRow("Q8_K-n%d", n) << TensorType::Q8_K << n;
    }

    void recordsMatchQuantizeActivations() {
        QFETCH(TensorType, format);
        QFETCH(int, n);
        const TensorType weight = format == TensorType::Q8_K ? TensorType::Q4_K
                                  : format == TensorType::Q8_1 ? TensorType::Q4_1
                                                               : TensorType::Q4_0;
        if (!cpu::find_gemm_kernel(weight)) QSKIP("no GEMM kernel on this processor");
        std::vector<float> x = gaussian(static_cast<std::size_t>(n), 21);
        x[5] = 0.0f;
        if (n >= 64) std::fill(x.begin() + 32, x.begin() + 64, 0.0f); // an all-zero block
        std::vector<unsigned char> blocks(quant::row_bytes(format, static_cast<std::uint64_t>(n)).value());
        cpu::quantize_activations(format, x.data(), n, blocks.data(), blocks.size());
        const cpu::GemmPanelLayout l = cpu::gemm_panel_layout(format, n);
        std::vector<unsigned char> record(l.record_bytes + 64, 0xab);
        cpu::gemm_pack_row_avx2(l, format, x.data(), record.data());
        const auto* d = reinterpret_cast<const float*>(record.data() + l.d_offset);
        const auto* o = reinterpret_cast<const float*>(record.data() + l.o_offset);
        for (std::size_t i = l.record_bytes; i < record.size(); ++i) QCOMPARE(record[i], static_cast<unsigned char>(0xab));
        if (format == TensorType::Q8_K) {
            for (int b = 0; b < n / 256; ++b) {
                quant::BlockQ8_K k;
                std::memcpy(&k, blocks.data() + b * sizeof k, sizeof k);
                QCOMPARE(std::memcmp(record.data() + 256 * b, k.qs, 256), 0);
                QCOMPARE(d[b], k.d);
                for (int g = 0; g < 16; ++g) QCOMPARE(o[16 * b + g], k.d * static_cast<float>(k.bsums[g]));
                const auto* o32 = reinterpret_cast<const float*>(record.data() + l.o32_offset);
                for (int h = 0; h < 8; ++h)
                    QCOMPARE(o32[8 * b + h], k.d * static_cast<float>(k.bsums[2 * h] + k.bsums[2 * h + 1]));
            }
            return;
        }
        for (int b = 0; b < n / 32; ++b) {
            std::uint16_t dh, sh = 0;
            const std::size_t stride = format == TensorType::Q8_1 ? sizeof(quant::BlockQ8_1) : sizeof(quant::BlockQ8_0);
            const unsigned char* block = blocks.data() + b * stride;
            std::memcpy(&dh, block, 2);
            if (format == TensorType::Q8_1) std::memcpy(&sh, block + 2, 2);
            const unsigned char* qs = block + (format == TensorType::Q8_1 ? 4 : 2);
            QCOMPARE(std::memcmp(record.data() + 32 * b, qs, 32), 0);
            QCOMPARE(d[b], quant::fp16_to_fp32(dh));
            int sum = 0;
            for (int i = 0; i < 32; ++i) sum += static_cast<std::int8_t>(qs[i]);
            const float expect = format == TensorType::Q8_1 ? quant::fp16_to_fp32(sh) : quant::fp16_to_fp32(dh) * static_cast<float>(sum);
            QCOMPARE(o[b], expect);
        }
        for (std::int64_t g = n / 32; g < l.groups_padded; ++g) QCOMPARE(o[g], 0.0f);
    }

    // A row-group kernel's panel holds the codes biased by +128 (gemm.h), scales unchanged.
    void groupPanelsHoldBiasedCodes() {
        const cpu::GemmKernel* kernel = cpu::find_gemm_kernel(TensorType::MXFP4);
        if (!kernel || !kernel->group) QSKIP("no row-group kernel on this processor");
        const int n = 96, tokens = 3;
        const std::vector<float> x = gaussian(static_cast<std::size_t>(n * tokens), 23);
        ThreadPool pool(2);
        cpu::GemmWorkspace space;
        const cpu::GemmPanel panel = cpu::gemm_pack(pool, space, *kernel, x.data(), n, tokens);
        std::vector<unsigned char> a(quant::row_bytes(TensorType::Q8_0, n).value());
        for (int t = 0; t < tokens; ++t) {
            cpu::quantize_activations(TensorType::Q8_0, x.data() + t * n, n, a.data(), a.size());
            for (int i = 0; i < n; ++i)
                QCOMPARE(panel.record(t)[i], static_cast<unsigned char>(a[static_cast<std::size_t>(i / 32 * 34 + 2 + i % 32)] ^ 0x80));
        }
    }

    void gemmMatchesReference_data() {
        QTest::addColumn<TensorType>("type");
        QTest::addColumn<int>("n");
        QTest::addColumn<int>("rows");
        QTest::addColumn<int>("tokens");
        QTest::addColumn<bool>("one_row");
        for (TensorType type : gemm_types) {
            const bool k = quant::tensor_type_info(type).block_size == 256;
            // SmolLM2-135M (576) and Gemma 3 270M (640, 2048) row lengths among them.
            const std::vector<int> lengths = k ? std::vector<int>{256, 768, 1024, 2048} : std::vector<int>{32, 288, 576, 640, 1536};
            for (int n : lengths)
                for (int rows : {1, 3, 17, 33})
                    for (int tokens : {1, 2, 3, 4, 5, 7, 8, 12, 17, 70})
                        QTest::addRow("%s-n%d-r%d-t%d", quant::tensor_type_info(type).name.data(), n, rows, tokens)
                            << type << n << rows << tokens << false;
        }
        // Row-group kernels: gpt-oss's expert width (90 blocks: four slices of the sweep) with
        // whole and partial groups, and the one-row tiles the group replaces.
        for (TensorType type : {TensorType::MXFP4, TensorType::Q8_0}) {
            const char* name = quant::tensor_type_info(type).name.data();
            for (int rows : {8, 16, 21})
                for (int tokens : {4, 16, 33, 64})
                    QTest::addRow("%s-n2880-r%d-t%d", name, rows, tokens) << type << 2880 << rows << tokens << false;
            for (int n : {32, 576, 2880})
                for (int tokens : {4, 7, 17})
                    QTest::addRow("%s-one-row-n%d-r17-t%d", name, n, tokens) << type << n << 17 << tokens << true;
        }
    }

    void gemmMatchesReference() {
        QFETCH(TensorType, type);
        QFETCH(int, n);
        QFETCH(int, rows);
        QFETCH(int, tokens);
        QFETCH(bool, one_row);
        const cpu::GemmKernel* found = cpu::find_gemm_kernel(type);
        if (!found) QSKIP("no GEMM kernel on this processor");
        if (one_row && !found->group) QSKIP("this type has no row-group kernel");
        cpu::GemmKernel one_row_kernel = *found;
        one_row_kernel.group = nullptr;
        const cpu::GemmKernel* kernel = one_row ? &one_row_kernel : found;
        const std::uint64_t wb = quant::row_bytes(type, static_cast<std::uint64_t>(n)).value();
        // Quantized from Gaussian values, or random bytes with finite scales for types
        // without a quantizer (Q2_K, Q3_K).
        const std::vector<unsigned char> w = test::random_weights(type, n, rows, 31 + static_cast<unsigned>(n));
        QCOMPARE(w.size(), wb * static_cast<std::uint64_t>(rows));
        std::vector<float> x = gaussian(static_cast<std::size_t>(n * tokens), 41 + static_cast<unsigned>(tokens));
        for (int i = 0; i < n; i += 7) x[static_cast<std::size_t>(i)] *= 30.0f; // outliers, as in real activations
        check_gemm(type, *kernel, w, x, n, rows, tokens);
    }

    // Extreme codes and scales (largest codes against saturated activations is where maddubs
    // could overflow int16) on one shape per type.
    void gemmExtremes_data() {
        QTest::addColumn<TensorType>("type");
        QTest::addColumn<int>("fill");
        QTest::addColumn<int>("act");
        for (TensorType type : gemm_types)
            for (test::Fill fill : {test::Fill::Max, test::Fill::MaxNeg, test::Fill::Min, test::Fill::Zero})
                for (test::Act act : {test::Act::Saturated, test::Act::Spike, test::Act::Zero})
                    QTest::addRow("%s-%s-%s", quant::tensor_type_info(type).name.data(), test::fill_name(fill),
                                  test::act_name(act))
                        << type << static_cast<int>(fill) << static_cast<int>(act);
    }

    void gemmExtremes() {
        QFETCH(TensorType, type);
        QFETCH(int, fill);
        QFETCH(int, act);
        const cpu::GemmKernel* kernel = cpu::find_gemm_kernel(type);
        if (!kernel) QSKIP("no GEMM kernel on this processor");
        if (!test::has_scale_layout(type)) QSKIP("no known scale layout for patterned weights");
        const int n = quant::tensor_type_info(type).block_size == 256 ? 512 : 96, rows = 5, tokens = 9;
        const std::vector<unsigned char> w = test::patterned_weights(type, n, rows, static_cast<test::Fill>(fill), 5);
        std::vector<float> x;
        for (int t = 0; t < tokens; ++t) {
            const std::vector<float> row = test::activation_values(static_cast<test::Act>(act), n, 60 + static_cast<unsigned>(t));
            x.insert(x.end(), row.begin(), row.end());
        }
        check_gemm(type, *kernel, w, x, n, rows, tokens);
    }

private:
    // Runs the GEMM of `w` ([n, rows]) with x ([n, tokens]) through the driver and compares
    // every output with the scalar reference dot of the same quantized activations.
    static void check_gemm(TensorType type, const cpu::GemmKernel& kernel, const std::vector<unsigned char>& w,
                           const std::vector<float>& x, int n, int rows, int tokens) {
        const std::uint64_t wb = quant::row_bytes(type, static_cast<std::uint64_t>(n)).value();
        const cpu::GemmKernel* k = &kernel;

        ThreadPool pool(2);
        cpu::GemmWorkspace space;
        const cpu::GemmPanel panel = cpu::gemm_pack(pool, space, *k, x.data(), n, tokens);
        // Output rows of `rows` floats, each between guards, in reverse token order so the
        // driver's row pointers are really used.
        const std::int64_t stride = rows + 2 * guard;
        std::vector<float> y(static_cast<std::size_t>(stride * tokens), sentinel);
        std::vector<const unsigned char*> act(static_cast<std::size_t>(tokens));
        std::vector<float*> out(static_cast<std::size_t>(tokens));
        for (int t = 0; t < tokens; ++t) {
            act[static_cast<std::size_t>(t)] = panel.record(t);
            out[static_cast<std::size_t>(t)] = y.data() + (tokens - 1 - t) * stride + guard;
        }
        const cpu::GemmJob job{w.data(), act, out};
        cpu::gemm_run(pool, *k, panel.layout, rows, wb, {&job, 1});

        const TensorType format = cpu::activation_format(type);
        const cpu::QuantDotFn reference = cpu::find_quant_dot_reference(type);
        std::vector<unsigned char> a(quant::row_bytes(format, static_cast<std::uint64_t>(n)).value());
        std::vector<float> af(static_cast<std::size_t>(n));
        for (int t = 0; t < tokens; ++t) {
            cpu::quantize_activations(format, x.data() + t * n, n, a.data(), a.size());
            QVERIFY(quant::dequantize_row(format, a.data(), a.size(), af.data(), n).ok());
            const float* row = out[static_cast<std::size_t>(t)];
            for (std::int64_t g = 1; g <= guard; ++g) {
                QCOMPARE(row[-g], sentinel);
                QCOMPARE(row[rows - 1 + g], sentinel);
            }
            for (int r = 0; r < rows; ++r) {
                // Bounds against M = Σ (|scale term| + |minimum term|) |a|, so rows whose two
                // terms cancel are not held to a tighter bound than their arithmetic allows.
                const test::SplitRow split = test::split_row(type, w.data() + r * wb, n);
                double exact = 0.0, magnitude = 0.0;
                for (std::size_t i = 0; i < af.size(); ++i) {
                    exact += (split.scaled[i] + split.minimum[i]) * af[i];
                    magnitude += (std::fabs(split.scaled[i]) + std::fabs(split.minimum[i])) * std::fabs(af[i]);
                }
                const float expect = reference(w.data() + r * wb, a.data(), n);
                const float got = row[r];
                QVERIFY(std::isfinite(got));
                QVERIFY2(std::fabs(got - expect) <= 2e-6 * magnitude + tiny,
                         qPrintable(QStringLiteral("token %1 row %2: %3 vs reference %4").arg(t).arg(r).arg(got).arg(expect)));
                QVERIFY2(std::fabs(got - exact) <= test::exact_bound(type) * magnitude + tiny,
                         qPrintable(QStringLiteral("token %1 row %2: %3 vs exact %4").arg(t).arg(r).arg(got).arg(exact)));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestCpuGemm)
#include "test_cpu_gemm.moc"
