// DeepSeek V4's two small ops on the Vulkan device against the CPU backend: the row mixes of
// its hyper-connection streams (mix_rows: collapse 4 -> 1, mix 4 -> 4, expand 1 -> 4, and odd
// counts and widths) and the lightning indexer's scores (indexer_scores) for every key type
// (F32, F16, Q8_0), odd head counts, odd numbers of blocks and per-token visible counts,
// including 0. Outputs are guarded by sentinels; the indexer's elements past each token's
// visible blocks must keep the values they had.

#include "op_check.h"
#include "vulkan_test_device.h"

#include "backend/cpu/cpu_backend.h"
#include "backend/vulkan/vulkan_ops.h"
#include "core/thread_pool.h"
#include "quant/dequantize.h"

#include <QtTest>

#include <cmath>

using namespace conclave;
using namespace conclave::vulkan;
using namespace conclave::vulkan::testing;
using quant::TensorType;

Q_DECLARE_METATYPE(conclave::quant::TensorType)

namespace {

constexpr double kFloatEps = 1.0 / (1 << 23);

std::uint64_t cache_row_bytes(TensorType type, std::int64_t width) {
    const quant::TensorTypeInfo& info = quant::tensor_type_info(type);
    return static_cast<std::uint64_t>(width) / info.block_size * info.block_bytes;
}

} // namespace

class TestVulkanStreamOps : public QObject {
    Q_OBJECT

    VulkanDevice* m_device = nullptr;
    QString m_reason;
    ThreadPool m_pool{2};
    cpu::CpuBackend m_cpu{m_pool};

private slots:
    void init() {
        m_device = test_device(m_reason);
        if (!m_device) QSKIP(qPrintable("no Vulkan device: " + m_reason));
    }

    void mixRows_data() {
        QTest::addColumn<int>("n");
        QTest::addColumn<int>("n_in");
        QTest::addColumn<int>("n_out");
        QTest::addColumn<int>("groups");
        // DeepSeek V4 Flash: n_embd 4096, 4 streams: collapse, mix and expand, 3 tokens.
        QTest::addRow("collapse 4096 4->1 x3") << 4096 << 4 << 1 << 3;
        QTest::addRow("mix 4096 4->4 x3") << 4096 << 4 << 4 << 3;
        QTest::addRow("expand 4096 1->4 x3") << 4096 << 1 << 4 << 3;
        for (int n : {1, 17, 1023}) QTest::addRow("n=%d 3->2 x5", n) << n << 3 << 2 << 5;
        QTest::addRow("n=127 4->4 x1") << 127 << 4 << 4 << 1;
    }

    // Bound: inputs are added in the same order as on the CPU, but either side may fuse the
    // multiply-add: each of the n_in steps rounds once, so |error| <= (n_in + 1) eps
    // sum_i |w_i x_i|.
    void mixRows() {
        QFETCH(int, n);
        QFETCH(int, n_in);
        QFETCH(int, n_out);
        QFETCH(int, groups);
        const std::int64_t in_rows = std::int64_t{n_in} * groups, out_rows = std::int64_t{n_out} * groups;
        std::vector<float> x = random_floats(static_cast<std::size_t>(n * in_rows), 40);
        std::vector<float> weights = random_floats(static_cast<std::size_t>(n_in * out_rows), 41);
        GuardedF32 dx = upload_guarded(*m_device, x, {n, in_rows, 1, 1});
        GuardedF32 dout = upload_guarded(*m_device, std::vector<float>(static_cast<std::size_t>(n * out_rows), 0.0f),
                                         {n, out_rows, 1, 1});
        vulkan::mix_rows(*m_device, dx.tensor, weights, n_in, n_out, dout.tensor);

        std::vector<float> want(static_cast<std::size_t>(n * out_rows));
        Tensor tout = host_tensor(want, {n, out_rows, 1, 1});
        m_cpu.mix_rows(host_tensor(x, {n, in_rows, 1, 1}), weights, n_in, n_out, tout);

        bool intact = false;
        const std::vector<float> got = download_guarded(*m_device, dout, intact);
        QVERIFY2(intact, "a sentinel next to the output was overwritten");
        QCOMPARE(download_guarded(*m_device, dx, intact), x);
        QVERIFY(intact);
        std::vector<double> allowed(want.size(), 0.0);
        for (std::int64_t row = 0; row < out_rows; ++row)
            for (int c = 0; c < n; ++c) {
                double magnitude = 0.0;
                for (int i = 0; i < n_in; ++i) {
                    const std::int64_t src = i + n_in * (row / n_out);
                    magnitude += std::fabs(double(weights[static_cast<std::size_t>(i + n_in * row)]) *
                                           x[static_cast<std::size_t>(src * n + c)]);
                }
                allowed[static_cast<std::size_t>(row * n + c)] = (n_in + 1) * kFloatEps * magnitude;
            }
        const double ratio = worst_ratio(got, want, allowed);
        qInfo("max |error| %.3g, worst / bound %.3g", max_abs_error(got, want), ratio);
        QVERIFY2(ratio <= 1.0, qPrintable(QString("error %1 times the bound").arg(ratio)));
    }

    void indexerScores_data() {
        QTest::addColumn<TensorType>("type");
        QTest::addColumn<int>("head_dim");
        QTest::addColumn<int>("n_head");
        QTest::addColumn<int>("n_blocks");
        QTest::addColumn<int>("n_tokens");
        for (TensorType type : {TensorType::F32, TensorType::F16, TensorType::Q8_0}) {
            const char* t = quant::tensor_type_info(type).name.data();
            // DeepSeek V4 Flash's indexer: 64 heads of 128.
            QTest::addRow("%s 64 heads of 128, 37 blocks, 3 tokens", t) << type << 128 << 64 << 37 << 3;
            QTest::addRow("%s 5 heads of 64, 130 blocks, 1 token", t) << type << 64 << 5 << 130 << 1;
            QTest::addRow("%s 1 head of 32, 1 block, 2 tokens", t) << type << 32 << 1 << 1 << 2;
            if (type != TensorType::Q8_0) QTest::addRow("%s 3 heads of 18, 17 blocks, 4 tokens", t) << type << 18 << 3 << 17 << 4;
        }
    }

    // Bound: both sides score the same key values (expanded from the same bytes) and differ
    // in summation order only: per head the dot product's error is within head_dim eps
    // sum_i |q_i k_i|, the sum over heads adds n_head eps of sum_h |w_h dot_h|, so |error| <=
    // 2 (head_dim + n_head) eps sum_h |w_h| sum_i |q_hi k_i|.
    void indexerScores() {
        QFETCH(TensorType, type);
        QFETCH(int, head_dim);
        QFETCH(int, n_head);
        QFETCH(int, n_blocks);
        QFETCH(int, n_tokens);
        const std::int64_t q_width = std::int64_t{head_dim} * n_head;
        std::vector<float> q = random_floats(static_cast<std::size_t>(q_width * n_tokens), 50);
        std::vector<float> w = random_floats(static_cast<std::size_t>(n_head * n_tokens), 51);
        std::vector<float> key_values = random_floats(static_cast<std::size_t>(head_dim) * n_blocks, 52);
        // The keys in the cache type, as the CPU stores them.
        const std::array<std::int64_t, 4> keys_ne{head_dim, n_blocks, 1, 1};
        std::vector<unsigned char> keys(cache_row_bytes(type, head_dim) * static_cast<std::uint64_t>(n_blocks));
        KvLayer store{host_bytes(keys, type, keys_ne), Tensor{}};
        m_cpu.kv_store(store, host_tensor(key_values, keys_ne), Tensor{}, 0);
        std::vector<float> expanded(key_values.size());
        QVERIFY(quant::dequantize_row(type, keys.data(), keys.size(), expanded.data(),
                                      static_cast<std::int64_t>(expanded.size())).ok());
        // Visible blocks per token: all, none, and some in between.
        std::vector<std::int64_t> visible(static_cast<std::size_t>(n_tokens));
        for (int t = 0; t < n_tokens; ++t)
            visible[static_cast<std::size_t>(t)] = t == 0 ? n_blocks : t == 1 ? 0 : (n_blocks * t) / (n_tokens + 1);
        // Every element starts as the sentinel: those past a token's visible blocks must keep it.
        const std::array<std::int64_t, 4> out_ne{n_blocks, n_tokens, 1, 1};
        std::vector<float> want(static_cast<std::size_t>(n_blocks * n_tokens), kSentinel);
        Tensor tout = host_tensor(want, out_ne);
        m_cpu.indexer_scores(host_tensor(q, {q_width, n_tokens, 1, 1}), host_tensor(w, {n_head, n_tokens, 1, 1}),
                             host_bytes(keys, type, keys_ne), visible, tout);

        GuardedF32 dq = upload_guarded(*m_device, q, {q_width, n_tokens, 1, 1});
        GuardedF32 dw = upload_guarded(*m_device, w, {n_head, n_tokens, 1, 1});
        // F16 and Q8_0 keys 2 bytes into their buffer: rows and blocks start mid-word.
        const std::size_t offset = type == TensorType::F32 ? 0 : 2;
        std::vector<unsigned char> padded(offset, 0xEE);
        padded.insert(padded.end(), keys.begin(), keys.end());
        DeviceBytes dkeys = upload_bytes(*m_device, type, keys_ne, padded.data(), padded.size());
        dkeys.tensor.slice = dkeys.buffer.slice(offset, keys.size());
        GuardedF32 dout = upload_guarded(*m_device, std::vector<float>(want.size(), kSentinel), out_ne);
        vulkan::indexer_scores(*m_device, dq.tensor, dw.tensor, dkeys.tensor, visible, dout.tensor);

        bool intact = false;
        const std::vector<float> got = download_guarded(*m_device, dout, intact);
        QVERIFY2(intact, "a sentinel next to the scores was overwritten");
        std::vector<double> allowed(want.size(), 0.0);
        for (int t = 0; t < n_tokens; ++t)
            for (int b = 0; b < n_blocks; ++b) {
                double magnitude = 0.0;
                for (int h = 0; h < n_head; ++h) {
                    double dot = 0.0;
                    for (int i = 0; i < head_dim; ++i)
                        dot += std::fabs(double(q[static_cast<std::size_t>(t * q_width + h * head_dim + i)]) *
                                         expanded[static_cast<std::size_t>(b * head_dim + i)]);
                    magnitude += std::fabs(double(w[static_cast<std::size_t>(t * n_head + h)])) * dot;
                }
                allowed[static_cast<std::size_t>(t * n_blocks + b)] = 2.0 * (head_dim + n_head) * kFloatEps * magnitude;
            }
        const double ratio = worst_ratio(got, want, allowed);
        qInfo("max |error| %.3g, worst / bound %.3g", max_abs_error(got, want), ratio);
        QVERIFY2(ratio <= 1.0, qPrintable(QString("error %1 times the bound").arg(ratio)));
        for (int t = 0; t < n_tokens; ++t)
            for (std::int64_t b = visible[static_cast<std::size_t>(t)]; b < n_blocks; ++b)
                QCOMPARE(got[static_cast<std::size_t>(t * n_blocks + b)], kSentinel);
    }
};

QTEST_GUILESS_MAIN(TestVulkanStreamOps)
#include "test_vulkan_stream_ops.moc"
