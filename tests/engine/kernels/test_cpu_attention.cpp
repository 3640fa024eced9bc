// The AVX2 grouped attention kernel (attention_avx2.h) against attention computed in double
// from the same F16 cache: groups of 1 to 8 query heads per KV head, head sizes of SmolLM2
// (64) and Gemma 3 (256), windows that start past position 0, soft-capping, gpt-oss
// attention sinks (large enough to take a visible share of each head's weight), DeepSeek's
// latent attention (values are the start of each key row: 576-value keys, 512-value values),
// and sentinels around the outputs. SKIP where the processor has no kernel.

#include "backend/cpu/attention_avx2.h"
#include "quant/half.h"

#include <QtTest>

#include <cmath>
#include <random>

using namespace conclave;

namespace {

constexpr float sentinel = -12345.0f;

} // namespace

class TestCpuAttention : public QObject {
    Q_OBJECT

private slots:
    void groupMatchesDouble_data() {
        QTest::addColumn<int>("group");
        QTest::addColumn<int>("head_dim");
        QTest::addColumn<int>("lo");
        QTest::addColumn<int>("hi");
        QTest::addColumn<float>("softcap");
        QTest::addColumn<bool>("sinks");
        QTest::addColumn<int>("latent_values"); // > 0: values are the first this many of each key head
        QTest::addColumn<int>("ring");          // > 0: the cache is a ring of this many rows (KvLayer::ring)
        QTest::addRow("one position") << 1 << 64 << 0 << 0 << 0.0f << false << 0 << 0;
        QTest::addRow("smollm2 group 3") << 3 << 64 << 0 << 16 << 0.0f << false << 0 << 0;
        QTest::addRow("gemma3 group 4, window") << 4 << 256 << 5 << 41 << 0.0f << false << 0 << 0;
        QTest::addRow("softcap") << 3 << 64 << 0 << 129 << 30.0f << false << 0 << 0;
        QTest::addRow("group 8, dim 16") << 8 << 16 << 2 << 10 << 0.0f << false << 0 << 0;
        QTest::addRow("group 2, dim 8") << 2 << 8 << 0 << 4 << 0.0f << false << 0 << 0;
        QTest::addRow("group 4, dim 24") << 4 << 24 << 0 << 37 << 0.0f << false << 0 << 0; // a last slice of 8 after one of 16
        // gpt-oss-20b: 64 query heads over 8 KV heads of 64, a window of 128 positions.
        QTest::addRow("gpt-oss group 8, sinks, window") << 8 << 64 << 3 << 130 << 0.0f << true << 0 << 0;
        QTest::addRow("sinks, one position") << 1 << 64 << 0 << 0 << 0.0f << true << 0 << 0;
        // DeepSeek V3's latent attention: keys of 512 + 64, values the first 512 of them.
        QTest::addRow("deepseek latent, group 8") << 8 << 576 << 0 << 20 << 0.0f << false << 512 << 0;
        QTest::addRow("latent, group 3, dim 24 of 40") << 3 << 40 << 1 << 9 << 0.0f << false << 24 << 0;
        // A sliding window's ring (window - 1 + step rows): the positions wrap around its end,
        // or sit inside it at an offset.
        QTest::addRow("ring, window wraps") << 4 << 64 << 15 << 30 << 0.0f << true << 0 << 20;
        QTest::addRow("ring, window inside") << 2 << 256 << 41 << 60 << 0.0f << false << 0 << 40;
    }

    void groupMatchesDouble() {
        QFETCH(int, group);
        QFETCH(int, head_dim);
        QFETCH(int, lo);
        QFETCH(int, hi);
        QFETCH(float, softcap);
        QFETCH(bool, sinks);
        QFETCH(int, latent_values);
        QFETCH(int, ring);
        const auto row_of = [&](int pos) { return ring > 0 ? pos % ring : pos; };
        const int n_kv = 2, kv_head = 1; // the second KV head, so row offsets and strides matter
        const int dim_v = latent_values > 0 ? latent_values : head_dim;
        const std::int64_t width = std::int64_t{head_dim} * n_kv;
        std::mt19937 rng(7);
        std::normal_distribution<float> dist(0.0f, 1.0f);
        std::vector<std::uint16_t> k(static_cast<std::size_t>(width * (ring > 0 ? ring : hi + 1))), v(k.size());
        for (auto& x : k) x = quant::fp32_to_fp16(dist(rng));
        for (auto& x : v) x = quant::fp32_to_fp16(dist(rng));
        std::vector<float> q(static_cast<std::size_t>(group * head_dim));
        for (float& x : q) x = 2.0f * dist(rng);
        // Latent values: v is the key cache itself; else its own rows as wide as the keys'.
        const std::vector<std::uint16_t>& values = latent_values > 0 ? k : v;
        const std::size_t n_out = static_cast<std::size_t>(group * dim_v);
        std::vector<float> out(n_out + 16, sentinel);
        std::vector<float> scores(static_cast<std::size_t>(group * (hi - lo + 1)));
        const float scale = 1.0f / std::sqrt(static_cast<float>(head_dim));
        std::vector<float> sink(static_cast<std::size_t>(group));
        for (float& x : sink) x = 3.0f * dist(rng);
        const cpu::AttendGroup a{q.data(), k.data() + kv_head * head_dim, values.data() + kv_head * head_dim, width, width,
                                 lo, hi, ring, group, head_dim, dim_v, scale, softcap, sinks ? sink.data() : nullptr,
                                 out.data() + 8, scores.data()};
        if (!cpu::attend_group_f16_avx2(a)) QSKIP("no AVX2 attention kernel on this processor");
        for (int i = 0; i < 8; ++i) {
            QCOMPARE(out[static_cast<std::size_t>(i)], sentinel);
            QCOMPARE(out[n_out + 8 + static_cast<std::size_t>(i)], sentinel);
        }
        for (int h = 0; h < group; ++h) {
            std::vector<double> s(static_cast<std::size_t>(hi - lo + 1));
            const double sink_logit = sinks ? sink[static_cast<std::size_t>(h)] : -INFINITY;
            double top = sink_logit;
            for (int j = lo; j <= hi; ++j) {
                double dot = 0.0;
                for (int d = 0; d < head_dim; ++d)
                    dot += static_cast<double>(q[static_cast<std::size_t>(h * head_dim + d)]) *
                           quant::fp16_to_fp32(k[static_cast<std::size_t>(row_of(j) * width + kv_head * head_dim + d)]);
                dot *= scale;
                if (softcap > 0.0f) dot = softcap * std::tanh(dot / softcap);
                s[static_cast<std::size_t>(j - lo)] = dot;
                top = std::max(top, dot);
            }
            double sum = sinks ? std::exp(sink_logit - top) : 0.0;
            for (double& x : s) sum += (x = std::exp(x - top));
            for (int d = 0; d < dim_v; ++d) {
                double expect = 0.0;
                for (int j = lo; j <= hi; ++j)
                    expect += s[static_cast<std::size_t>(j - lo)] / sum *
                              quant::fp16_to_fp32(values[static_cast<std::size_t>(row_of(j) * width + kv_head * head_dim + d)]);
                const float got = out[8 + static_cast<std::size_t>(h * dim_v + d)];
                QVERIFY2(std::fabs(got - expect) <= 1e-5 * (1.0 + std::fabs(expect)),
                         qPrintable(QStringLiteral("head %1 dim %2: %3 vs %4").arg(h).arg(d).arg(got).arg(expect)));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestCpuAttention)
#include "test_cpu_attention.moc"
