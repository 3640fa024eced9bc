// The Vulkan backend (not only its kernels) with a ring KV cache (KvLayer::ring), as any
// architecture's sliding-window layer may keep one: a session's steps store into the ring
// (wrapping past its end) and attend over it on the GPU, agree with the CPU backend doing the
// same steps, and move only their inputs up and the attention's output down; the ring never
// crosses. Rows: grouped-query heads with V rows (gemma3 / gpt-oss style), and DeepSeek V4's
// latent head with sinks and compressed keys (extra keys in a cache the GPU writes).

#include "op_check.h"
#include "vulkan_test_device.h"

#include "backend/cpu/cpu_backend.h"
#include "backend/vulkan/vulkan_backend.h"
#include "core/thread_pool.h"

#include <QtTest>

#include <cmath>

using namespace conclave;
using namespace conclave::vulkan;
using namespace conclave::vulkan::testing;
using quant::TensorType;

class TestVulkanBackendRing : public QObject {
    Q_OBJECT

    QString m_reason;

private slots:
    void init() {
        if (!test_device(m_reason)) QSKIP(qPrintable("no Vulkan device: " + m_reason));
    }

    void ringStaysOnTheGpu_data() {
        QTest::addColumn<bool>("latent");
        QTest::newRow("GQA 4/2 with V rows, ring 7, window 4") << false;
        QTest::newRow("latent head, sinks, extra keys, ring 7, window 4") << true;
    }

    // Bound: 2e-5 of the largest value, as the attention kernels' tests (same F16 cache bytes
    // on both sides, summation order only).
    void ringStaysOnTheGpu() {
        QFETCH(bool, latent);
        const int head_dim = 32, n_head = 4, n_head_kv = latent ? 1 : 2, ring = 7, window = 4, n_extra = 5;
        const std::int64_t kv_width = std::int64_t{head_dim} * n_head_kv, q_width = std::int64_t{head_dim} * n_head;
        auto device = VulkanDevice::open(test_device(m_reason)->info().device.index);
        QVERIFY(device.ok());
        ThreadPool pool(2);
        auto created = VulkanBackend::create(std::move(device.value()), pool, {}, true, 1 << 20);
        QVERIFY(created.ok());
        VulkanBackend& gpu = **created;
        cpu::CpuBackend cpu(pool);

        std::vector<float> sinks = random_floats(static_cast<std::size_t>(n_head), 70, 2.0f);
        AttentionParams p;
        p.n_head = n_head;
        p.n_head_kv = n_head_kv;
        p.head_dim = head_dim;
        p.scale = 1.0f / std::sqrt(static_cast<float>(head_dim));
        p.sliding_window = window;
        if (latent) p.sinks = host_tensor(sinks, {n_head, 1, 1, 1});
        // Both backends' caches: the ring (and V rows), and for the latent head extra keys.
        const auto make_cache = [&](Backend& b) {
            KvLayer layer{b.allocate(TensorType::F16, {kv_width, ring, 1, 1}),
                          latent ? Tensor{} : b.allocate(TensorType::F16, {kv_width, ring, 1, 1}), {}, ring};
            if (latent) layer.extra.push_back(b.allocate(TensorType::F16, {head_dim, n_extra, 1, 1}));
            return layer;
        };
        KvLayer gpu_cache = make_cache(gpu), cpu_cache = make_cache(cpu);
        const std::vector<float> keys = random_floats(static_cast<std::size_t>(head_dim * n_extra), 71);
        float max_v = 0.0f; // of the values attended to: V rows, or the keys with extra keys
        if (latent) {
            for (const float x : keys) max_v = std::max(max_v, std::fabs(x));
            for (Backend* b : {static_cast<Backend*>(&gpu), static_cast<Backend*>(&cpu)}) {
                KvLayer& c = b == &gpu ? gpu_cache : cpu_cache;
                Tensor t = b->scratch(TensorType::F32, {head_dim, n_extra, 1, 1});
                b->upload(t, keys.data(), keys.size() * sizeof(float));
                KvLayer target{c.extra[0], Tensor{}, {}, 0};
                b->kv_store(target, t, Tensor{}, 0);
                b->reset_scratch();
            }
        }
        // Steps of at most window rows' room: the second wraps (rows 4, 5, 6, 0).
        for (auto [first, n] : {std::pair{0, 4}, std::pair{4, 4}, std::pair{8, 1}, std::pair{9, 3}, std::pair{12, 1}}) {
            std::vector<float> q = random_floats(static_cast<std::size_t>(q_width * n), 72 + first);
            std::vector<float> k = random_floats(static_cast<std::size_t>(kv_width * n), 73 + first);
            std::vector<float> v = random_floats(static_cast<std::size_t>(kv_width * n), 74 + first);
            for (const float x : latent ? k : v) max_v = std::max(max_v, std::fabs(x));
            std::vector<std::int32_t> extra_rows, extra_begin{0};
            for (int t = 0; t < n; ++t) {
                for (int r = 0; r < (first + t) % (n_extra + 1); ++r) extra_rows.push_back((r * 3 + t) % n_extra);
                extra_begin.push_back(static_cast<std::int32_t>(extra_rows.size()));
            }
            std::vector<std::vector<float>> outs;
            gpu.reset_traffic();
            for (Backend* b : {static_cast<Backend*>(&gpu), static_cast<Backend*>(&cpu)}) {
                KvLayer& c = b == &gpu ? gpu_cache : cpu_cache;
                Tensor tq = b->scratch(TensorType::F32, {q_width, n, 1, 1});
                Tensor tk = b->scratch(TensorType::F32, {kv_width, n, 1, 1});
                Tensor tv = b->scratch(TensorType::F32, {kv_width, n, 1, 1});
                Tensor out = b->scratch(TensorType::F32, {q_width, n, 1, 1});
                b->upload(tq, q.data(), q.size() * sizeof(float));
                b->upload(tk, k.data(), k.size() * sizeof(float));
                b->upload(tv, v.data(), v.size() * sizeof(float));
                b->kv_store(c, tk, latent ? Tensor{} : tv, first);
                AttentionParams step = p;
                if (latent) {
                    step.extra_keys = c.extra[0];
                    step.extra_rows = extra_rows;
                    step.extra_begin = extra_begin;
                }
                b->attention(tq, c, first, step, out);
                outs.emplace_back(static_cast<std::size_t>(q_width * n));
                b->download(out, outs.back().data(), outs.back().size() * sizeof(float));
                b->reset_scratch();
            }
            QVERIFY(gpu.status().ok());
            const VulkanBackend::Traffic& t = gpu.traffic();
            qInfo("step at %d, %d token(s): %llu GPU ops, %llu CPU ops, %llu uploads, %llu downloads", first, n,
                  (unsigned long long)t.gpu_ops, (unsigned long long)t.cpu_ops, (unsigned long long)t.uploads,
                  (unsigned long long)t.downloads);
            QCOMPARE(t.gpu_ops, std::uint64_t{2});                         // kv_store, attention
            QCOMPARE(t.cpu_ops, std::uint64_t{0});
            QCOMPARE(t.uploads, std::uint64_t{latent ? 2u : 3u});          // q, k (and v)
            QCOMPARE(t.downloads, std::uint64_t{1});                       // the output
            const std::vector<double> allowed(outs[1].size(), 2e-5 * max_v);
            const double ratio = worst_ratio(outs[0], outs[1], allowed);
            qInfo("max |error| %.3g, worst / bound %.3g", max_abs_error(outs[0], outs[1]), ratio);
            QVERIFY2(ratio <= 1.0, qPrintable(QString("error %1 times the bound").arg(ratio)));
        }
    }
};

QTEST_GUILESS_MAIN(TestVulkanBackendRing)
#include "test_vulkan_backend_ring.moc"
