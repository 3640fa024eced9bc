// The Vulkan KV store and attention over a ring of rows (KvLayer::ring: position p in row
// p % ring) and with extra keys per query token (AttentionParams::extra_keys, DeepSeek V4's
// compressed blocks), against the CPU backend, for every KV cache type (F32, F16, Q8_0).
// Stores: a history longer than the ring in one call (only its last `ring` rows stay) and a
// batch that wraps past the ring's end must leave exactly the CPU's bytes, and nothing
// after the ring. Attention: rings with grouped-query heads and V rows, latent heads
// (values in the keys, wide heads), windows, prompts that wrap, one token deep into the
// context; extra keys with and without a ring, with and without sinks, tokens with none,
// repeated rows, more extra keys than one tile of the kernel, and more tokens than one
// dispatch takes.

#include "op_check.h"
#include "vulkan_test_device.h"

#include "backend/cpu/cpu_backend.h"
#include "backend/vulkan/vulkan_ops.h"
#include "core/thread_pool.h"

#include <QtTest>

#include <cmath>
#include <random>

using namespace conclave;
using namespace conclave::vulkan;
using namespace conclave::vulkan::testing;
using quant::TensorType;

Q_DECLARE_METATYPE(conclave::quant::TensorType)

namespace {

std::uint64_t cache_row_bytes(TensorType type, std::int64_t width) {
    const quant::TensorTypeInfo& info = quant::tensor_type_info(type);
    return static_cast<std::uint64_t>(width) / info.block_size * info.block_bytes;
}

const char* type_name(TensorType type) { return quant::tensor_type_info(type).name.data(); }

constexpr std::uint64_t kTailBytes = 64; // sentinel bytes after a device cache

// A cache's bytes on the device followed by kTailBytes of 0xEE, which must stay.
DeviceBytes upload_with_tail(VulkanDevice& device, TensorType type, std::array<std::int64_t, 4> ne,
                             const std::vector<unsigned char>& bytes) {
    std::vector<unsigned char> padded = bytes;
    padded.insert(padded.end(), kTailBytes, 0xEE);
    DeviceBytes t = upload_bytes(device, type, ne, padded.data(), padded.size());
    t.tensor.slice = t.buffer.slice(0, bytes.size());
    return t;
}

std::vector<unsigned char> download_with_tail(VulkanDevice& device, const DeviceBytes& t, std::uint64_t bytes) {
    std::vector<unsigned char> out(bytes + kTailBytes);
    device.download(t.buffer.slice(0, out.size()), out.data(), out.size());
    return out;
}

std::vector<unsigned char> with_tail(std::vector<unsigned char> bytes) {
    bytes.insert(bytes.end(), kTailBytes, 0xEE);
    return bytes;
}

// Rows [first, first + count) of an F32 matrix of `width`.
std::vector<float> rows_of(const std::vector<float>& m, std::int64_t width, std::int64_t first, std::int64_t count) {
    return {m.begin() + first * width, m.begin() + (first + count) * width};
}

struct RingCase {
    TensorType type;
    int head_dim, head_dim_v, n_head, n_head_kv;
    bool values_in_keys;
    int ring, window, first_pos, n_tokens;
    int extra_rows = 0; // rows of extra keys; 0: none
    int sinks = 0;      // 0: none, 1: random N(0, 2), 2: -Inf, -1e30 and +60 by head
};

} // namespace

class TestVulkanAttentionRing : public QObject {
    Q_OBJECT

    VulkanDevice* m_device = nullptr;
    QString m_reason;
    ThreadPool m_pool{2};
    cpu::CpuBackend m_cpu{m_pool};

    // Fills the cache on both sides: positions [0, first_pos) in one store, then the batch's.
    // The device's bytes (and the tail after them) must equal the CPU's.
    void store_history(KvLayer& host, const DeviceBytes& dk, const DeviceBytes* dv, const std::vector<float>& k,
                       const std::vector<float>& v, std::int64_t k_width, std::int64_t v_width, int first_pos, int n_tokens) {
        for (auto [first, count] : {std::pair{0, first_pos}, std::pair{first_pos, n_tokens}}) {
            if (count == 0) continue;
            std::vector<float> kr = rows_of(k, k_width, first, count), vr = dv ? rows_of(v, v_width, first, count) : std::vector<float>{};
            const std::array<std::int64_t, 4> k_ne{k_width, count, 1, 1}, v_ne{v_width, count, 1, 1};
            m_cpu.kv_store(host, host_tensor(kr, k_ne), dv ? host_tensor(vr, v_ne) : Tensor{}, first);
            GuardedF32 sk = upload_guarded(*m_device, kr, k_ne);
            GuardedF32 sv = upload_guarded(*m_device, dv ? vr : std::vector<float>{0.0f}, dv ? v_ne : std::array<std::int64_t, 4>{1, 1, 1, 1});
            vulkan::kv_store(*m_device, dk.tensor, dv ? dv->tensor : DeviceTensor{}, sk.tensor, dv ? sv.tensor : DeviceTensor{},
                             first, host.ring);
        }
    }

    void check(const RingCase& c) {
        const int dv = c.head_dim_v > 0 ? c.head_dim_v : c.head_dim;
        const int n_pos = c.first_pos + c.n_tokens;
        const std::int64_t rows = c.ring > 0 ? c.ring : n_pos;
        const std::int64_t k_width = std::int64_t{c.head_dim} * c.n_head_kv, v_width = std::int64_t{dv} * c.n_head_kv;
        const std::int64_t q_width = std::int64_t{c.head_dim} * c.n_head, out_width = std::int64_t{dv} * c.n_head;
        std::vector<float> k = random_floats(static_cast<std::size_t>(k_width * n_pos), 60);
        std::vector<float> v = random_floats(static_cast<std::size_t>(v_width * n_pos), 61);
        std::vector<float> q = random_floats(static_cast<std::size_t>(q_width * c.n_tokens), 62, 2.0f);

        // The ring on both sides, from random bytes for the stores' check, then compared.
        const std::array<std::int64_t, 4> cache_ne{k_width, rows, 1, 1}, v_ne{v_width, rows, 1, 1};
        std::vector<unsigned char> cache_k(cache_row_bytes(c.type, k_width) * static_cast<std::uint64_t>(rows), 0);
        std::vector<unsigned char> cache_v(c.values_in_keys ? 0 : cache_row_bytes(c.type, v_width) * static_cast<std::uint64_t>(rows), 0);
        DeviceBytes dk = upload_with_tail(*m_device, c.type, cache_ne, cache_k);
        DeviceBytes dvs;
        if (!c.values_in_keys) dvs = upload_with_tail(*m_device, c.type, v_ne, cache_v);
        KvLayer layer{host_bytes(cache_k, c.type, cache_ne), c.values_in_keys ? Tensor{} : host_bytes(cache_v, c.type, v_ne), {},
                      c.ring};
        store_history(layer, dk, c.values_in_keys ? nullptr : &dvs, k, v, k_width, v_width, c.first_pos, c.n_tokens);
        QCOMPARE(download_with_tail(*m_device, dk, cache_k.size()), with_tail(cache_k));
        if (!c.values_in_keys) QCOMPARE(download_with_tail(*m_device, dvs, cache_v.size()), with_tail(cache_v));

        AttentionParams p;
        p.n_head = c.n_head;
        p.n_head_kv = c.n_head_kv;
        p.head_dim = c.head_dim;
        p.head_dim_v = c.head_dim_v;
        p.scale = 1.0f / std::sqrt(static_cast<float>(c.head_dim));
        p.sliding_window = c.window;
        std::vector<float> sinks = random_floats(static_cast<std::size_t>(c.n_head), 63, 2.0f);
        if (c.sinks == 2)
            for (int h = 0; h < c.n_head; ++h) sinks[static_cast<std::size_t>(h)] = h % 3 == 0 ? -INFINITY : h % 3 == 1 ? -1e30f : 60.0f;
        if (c.sinks != 0) p.sinks = host_tensor(sinks, {c.n_head, 1, 1, 1});

        // Extra keys: token t reads (3 t + 1) mod (extra_rows + 2) rows (some none), or with more
        // rows than a tile extra_rows + 1 - t; drawn with repeats, in the cache's type.
        std::vector<float> extra_values = random_floats(static_cast<std::size_t>(c.head_dim) * std::max(1, c.extra_rows), 64);
        const std::array<std::int64_t, 4> extra_ne{c.head_dim, std::max(1, c.extra_rows), 1, 1};
        std::vector<unsigned char> extra(cache_row_bytes(c.type, c.head_dim) * static_cast<std::uint64_t>(extra_ne[1]));
        KvLayer extra_store{host_bytes(extra, c.type, extra_ne), Tensor{}};
        m_cpu.kv_store(extra_store, host_tensor(extra_values, extra_ne), Tensor{}, 0);
        std::vector<std::int32_t> extra_rows, extra_begin{0};
        std::mt19937 rng(65);
        for (int t = 0; t < c.n_tokens && c.extra_rows > 0; ++t) {
            const int count = c.extra_rows > 512 ? c.extra_rows + 1 - t : (3 * t + 1) % (c.extra_rows + 2);
            for (int i = 0; i < count; ++i) extra_rows.push_back(static_cast<std::int32_t>(rng() % static_cast<unsigned>(c.extra_rows)));
            extra_begin.push_back(static_cast<std::int32_t>(extra_rows.size()));
        }
        if (c.extra_rows > 0) {
            p.extra_keys = host_bytes(extra, c.type, extra_ne);
            p.extra_rows = extra_rows;
            p.extra_begin = extra_begin;
        }
        QVERIFY(attention_supported(p, c.type, c.values_in_keys ? std::nullopt : std::optional(c.type)));

        const std::array<std::int64_t, 4> q_ne{q_width, c.n_tokens, 1, 1}, out_ne{out_width, c.n_tokens, 1, 1};
        std::vector<float> want(static_cast<std::size_t>(out_width * c.n_tokens));
        Tensor tout = host_tensor(want, out_ne);
        m_cpu.attention(host_tensor(q, q_ne), layer, c.first_pos, p, tout);

        GuardedF32 dq = upload_guarded(*m_device, q, q_ne);
        GuardedF32 dout = upload_guarded(*m_device, std::vector<float>(want.size(), 0.0f), out_ne);
        GuardedF32 dsinks = upload_guarded(*m_device, sinks, {c.n_head, 1, 1, 1});
        DeviceBytes dextra = upload_with_tail(*m_device, c.type, extra_ne, extra);
        const AttentionTensors tensors{dq.tensor,
                                       dk.tensor,
                                       c.values_in_keys ? DeviceTensor{} : dvs.tensor,
                                       c.sinks != 0 ? dsinks.tensor : DeviceTensor{},
                                       dout.tensor,
                                       c.extra_rows > 0 ? dextra.tensor : DeviceTensor{},
                                       c.ring};
        vulkan::attention(*m_device, tensors, c.first_pos, p);

        bool intact = false;
        const std::vector<float> got = download_guarded(*m_device, dout, intact);
        QVERIFY2(intact, "a sentinel next to the output was overwritten");
        // Bound as test_vulkan_attention's: 2e-5 of the largest attended value (both sides
        // read the same cache bytes and differ in summation order only).
        float max_v = 0.0f;
        for (std::size_t i = 0; i < (c.values_in_keys ? k : v).size(); ++i) max_v = std::max(max_v, std::fabs((c.values_in_keys ? k : v)[i]));
        if (c.extra_rows > 0)
            for (const float x : extra_values) max_v = std::max(max_v, std::fabs(x));
        const std::vector<double> allowed(want.size(), 2e-5 * max_v);
        const double ratio = worst_ratio(got, want, allowed);
        qInfo("max |error| %.3g (max |v| %.3g), worst / bound %.3g", max_abs_error(got, want), double(max_v), ratio);
        QVERIFY2(ratio <= 1.0, qPrintable(QString("error %1 times the bound").arg(ratio)));
    }

private slots:
    void init() {
        m_device = test_device(m_reason);
        const bool needs_device = qstrcmp(QTest::currentTestFunction(), "extraKeysSupported") != 0;
        if (!m_device && needs_device) QSKIP(qPrintable("no Vulkan device: " + m_reason));
    }

    // The kernel takes extra keys of the cache's type and the heads' width on one KV head
    // whose values are in the keys (as the CPU requires); the backend sends the rest to the CPU.
    void extraKeysSupported() {
        std::vector<unsigned char> bytes(4096);
        AttentionParams p;
        p.n_head = 4;
        p.n_head_kv = 1;
        p.head_dim = 64;
        p.extra_keys = host_bytes(bytes, TensorType::F16, {64, 8, 1, 1});
        QVERIFY(attention_supported(p, TensorType::F16, std::nullopt));
        QVERIFY(!attention_supported(p, TensorType::F16, TensorType::F16)); // V rows
        QVERIFY(!attention_supported(p, TensorType::F32, std::nullopt));     // another type
        p.extra_keys = host_bytes(bytes, TensorType::F16, {32, 16, 1, 1});
        QVERIFY(!attention_supported(p, TensorType::F16, std::nullopt)); // narrower than a head
        p.extra_keys = host_bytes(bytes, TensorType::F16, {64, 8, 1, 1});
        p.n_head_kv = 2;
        p.n_head = 4;
        QVERIFY(!attention_supported(p, TensorType::F16, std::nullopt)); // two KV heads
    }

    void ringAndExtraKeys_data() {
        QTest::addColumn<TensorType>("type");
        QTest::addColumn<int>("head_dim");
        QTest::addColumn<int>("head_dim_v");
        QTest::addColumn<int>("n_head");
        QTest::addColumn<int>("n_head_kv");
        QTest::addColumn<bool>("values_in_keys");
        QTest::addColumn<int>("ring");
        QTest::addColumn<int>("window");
        QTest::addColumn<int>("first_pos");
        QTest::addColumn<int>("n_tokens");
        QTest::addColumn<int>("extra_rows");
        QTest::addColumn<int>("sinks");
        for (TensorType type : {TensorType::F32, TensorType::F16, TensorType::Q8_0}) {
            const char* t = type_name(type);
            // Rings of a sliding-window layer (gemma3, gpt-oss style): GQA 4/2 with V rows. The
            // prompt wraps past the ring's end (rows 10, 11, 12, 0, 1); the history before it
            // is longer than the ring.
            QTest::addRow("%s ring 13 window 6 GQA prompt 5 from 23 (wraps)", t)
                << type << 64 << 0 << 4 << 2 << false << 13 << 6 << 23 << 5 << 0 << 0;
            QTest::addRow("%s ring 13 window 8 one token at 37, sinks", t)
                << type << 96 << 0 << 4 << 1 << false << 13 << 8 << 37 << 1 << 0 << 1;
            QTest::addRow("%s ring 9 window 9 prompt 1 from 8 (wraps at once)", t)
                << type << 32 << 0 << 3 << 3 << false << 9 << 9 << 8 << 1 << 0 << 0;
            // DeepSeek V4's layers: one latent KV head (values in the keys) on a ring, with
            // compressed keys beside the window; 512-wide heads take the wide kernel.
            QTest::addRow("%s latent ring 11 window 4 prompt 6 from 9, extra keys, sinks", t)
                << type << 64 << 64 << 8 << 1 << true << 11 << 4 << 9 << 6 << 5 << 1;
            QTest::addRow("%s latent ring 11 window 4 prompt 6 from 9, extra keys, no sinks", t)
                << type << 64 << 64 << 8 << 1 << true << 11 << 4 << 9 << 6 << 5 << 0;
            QTest::addRow("%s latent ring 11 window 4, extra keys, far sinks", t)
                << type << 64 << 64 << 6 << 1 << true << 11 << 4 << 20 << 3 << 7 << 2;
            QTest::addRow("%s latent 512 ring 19 window 8 prompt 4 from 30, extra keys, sinks", t)
                << type << 512 << 512 << 4 << 1 << true << 19 << 8 << 30 << 4 << 9 << 1;
            // Extra keys over a plain cache (no ring, no window), values narrower than keys.
            QTest::addRow("%s latent no ring prompt 5 from 3, extra keys", t)
                << type << 96 << 64 << 4 << 1 << true << 0 << 0 << 3 << 5 << 4 << 0;
        }
        // 65 537 tokens: two dispatches (65 535 tokens at most in y), the second reading its
        // tokens' extra keys from the offsets after the first's.
        QTest::addRow("F32 latent ring 16 window 4, 65537 tokens, extra keys") << TensorType::F32 << 32 << 32 << 1 << 1 << true << 16
                                                                               << 4 << 0 << 65537 << 3 << 0;
        // More extra keys than one tile (512) of the kernel: tokens read 601, 600 and 599.
        QTest::addRow("F16 latent ring 11 window 4, 600 extra rows") << TensorType::F16 << 64 << 64 << 2 << 1 << true << 11 << 4
                                                                     << 40 << 3 << 600 << 1;
    }

    // Bound: see check(); the stores are byte-exact (as test_vulkan_attention's kvStore).
    void ringAndExtraKeys() {
        QFETCH(TensorType, type);
        QFETCH(int, head_dim);
        QFETCH(int, head_dim_v);
        QFETCH(int, n_head);
        QFETCH(int, n_head_kv);
        QFETCH(bool, values_in_keys);
        QFETCH(int, ring);
        QFETCH(int, window);
        QFETCH(int, first_pos);
        QFETCH(int, n_tokens);
        QFETCH(int, extra_rows);
        QFETCH(int, sinks);
        check({type, head_dim, head_dim_v, n_head, n_head_kv, values_in_keys, ring, window, first_pos, n_tokens, extra_rows,
               sinks});
    }
};

QTEST_GUILESS_MAIN(TestVulkanAttentionRing)
#include "test_vulkan_attention_ring.moc"
