// The Vulkan KV store and attention against the CPU backend, for every KV cache type
// (F32, F16, Q8_0): stores at odd widths and positions must write exactly the bytes the CPU
// writes and nothing next to them; attention is checked with grouped-query heads, sliding
// windows, soft-capping, prompts starting past position 0, and one token over a cache of more
// than a thousand positions, for head sizes 64/80/96/128/256 and odd context lengths; with
// gpt-oss's sinks (one logit per query head, random or far out in either direction); and
// DeepSeek's latent attention (heads of 576 keys and 512 values, the values read from the key
// cache, 16 or 128 query heads on one KV head; keys-only stores).

#include "op_check.h"
#include "vulkan_test_device.h"

#include "backend/cpu/cpu_backend.h"
#include "backend/vulkan/vulkan_ops.h"
#include "core/thread_pool.h"
#include "quant/half.h"

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

std::vector<unsigned char> random_bytes(std::size_t n, std::uint32_t seed) {
    std::mt19937 rng(seed);
    std::vector<unsigned char> v(n);
    for (unsigned char& b : v) b = static_cast<unsigned char>(rng());
    return v;
}

// The first `n` bytes of a device buffer (allocations are padded to whole words).
std::vector<unsigned char> download_bytes(VulkanDevice& device, const DeviceBytes& t, std::uint64_t n) {
    std::vector<unsigned char> bytes(n);
    device.download(t.tensor.slice, bytes.data(), bytes.size());
    return bytes;
}

// A cache `offset` bytes into its buffer (F16 and Q8_0 rows then start mid-word).
DeviceBytes upload_cache_at(VulkanDevice& device, TensorType type, std::array<std::int64_t, 4> ne,
                            const std::vector<unsigned char>& bytes, std::uint64_t offset) {
    std::vector<unsigned char> padded(offset, 0xEE);
    padded.insert(padded.end(), bytes.begin(), bytes.end());
    DeviceBytes t = upload_bytes(device, type, ne, padded.data(), padded.size());
    t.tensor.slice = t.buffer.slice(offset, bytes.size());
    return t;
}

const char* type_name(TensorType type) { return quant::tensor_type_info(type).name.data(); }

// Sink logits per query head (AttentionParams::sinks), by the head's index modulo 3 so that
// reading another head's sink shows.
constexpr int kSinksNone = 0;
constexpr int kSinksRandom = 1;        // N(0, 2): the scale of the scores, so a sink takes a real share
constexpr int kSinksLargeNegative = 2; // -Inf, -1e30, -90: weigh (next to) nothing, must not give NaN
constexpr int kSinksLargePositive = 3; // +1e30 (output 0), +60 (output ~1e-26 of v), N(0, 2)

const char* sinks_name(int mode) {
    switch (mode) {
    case kSinksRandom: return "random sinks";
    case kSinksLargeNegative: return "large negative sinks";
    case kSinksLargePositive: return "large positive sinks";
    default: return "no sinks";
    }
}

std::vector<float> make_sinks(int mode, int n_head) {
    std::vector<float> sinks = random_floats(static_cast<std::size_t>(n_head), 33, 2.0f);
    for (int h = 0; h < n_head; ++h) {
        float& s = sinks[static_cast<std::size_t>(h)];
        if (mode == kSinksLargeNegative) s = h % 3 == 0 ? -INFINITY : h % 3 == 1 ? -1e30f : -90.0f;
        if (mode == kSinksLargePositive && h % 3 != 2) s = h % 3 == 0 ? 1e30f : 60.0f;
    }
    return sinks;
}

struct AttentionCase {
    TensorType type;
    int head_dim, n_head, n_head_kv, n_tokens, first_pos, window;
    float softcap;
    bool in_place;
    int cache_offset; // bytes into the cache's buffer
    int sinks = kSinksNone;
    int head_dim_v = 0;          // 0: head_dim
    bool values_in_keys = false; // no V rows: the values are the start of each key head
};

} // namespace

class TestVulkanAttention : public QObject {
    Q_OBJECT

    VulkanDevice* m_device = nullptr;
    QString m_reason;
    ThreadPool m_pool{2};
    cpu::CpuBackend m_cpu{m_pool};

    // Bound: |error| <= 2e-5 * max |v| over the attended values (~170 float eps). Both sides
    // read the same cache values; they differ in summation order only: the dot products
    // (<= 576 products, error ~sqrt(576) eps relative to sum |q_i k_i|, < 1e-5 in a score of
    // these inputs) move each softmax weight by about the score's error, and the weighted sum
    // and the normalisation add a few eps of max |v|. Reading a wrong position, head or
    // future row moves outputs by ~0.1 or more (future rows hold values of 1e4).
    void check_attention(const AttentionCase& c) {
        const auto [type, head_dim, n_head, n_head_kv, n_tokens, first_pos, window, softcap, in_place, cache_offset, sinks,
                    head_dim_v, values_in_keys] = c;
        const int dv = head_dim_v > 0 ? head_dim_v : head_dim;
        const int n_ctx = first_pos + n_tokens + 2; // two rows past the last token: never read
        const std::int64_t kv_width = std::int64_t{head_dim} * n_head_kv, q_width = std::int64_t{head_dim} * n_head;
        const std::int64_t v_width = std::int64_t{dv} * n_head_kv, out_width = std::int64_t{dv} * n_head;
        std::vector<float> k = random_floats(static_cast<std::size_t>(kv_width * n_ctx), 30);
        std::vector<float> v = random_floats(static_cast<std::size_t>(v_width * n_ctx), 31);
        for (std::size_t i = static_cast<std::size_t>(kv_width * (n_ctx - 2)); i < k.size(); ++i) k[i] = 1e4f;
        for (std::size_t i = static_cast<std::size_t>(v_width * (n_ctx - 2)); i < v.size(); ++i) v[i] = 1e4f;
        std::vector<float> q = random_floats(static_cast<std::size_t>(q_width * n_tokens), 32, softcap > 0.0f ? 6.0f : 2.0f);

        // The cache as the CPU stores it; the device gets the same bytes, so this test does
        // not depend on the device's kv_store.
        const std::array<std::int64_t, 4> cache_ne{kv_width, n_ctx, 1, 1}, v_ne{v_width, n_ctx, 1, 1};
        std::vector<unsigned char> cache_k(cache_row_bytes(type, kv_width) * static_cast<std::uint64_t>(n_ctx));
        std::vector<unsigned char> cache_v(values_in_keys ? 0 : cache_row_bytes(type, v_width) * static_cast<std::uint64_t>(n_ctx));
        KvLayer layer{host_bytes(cache_k, type, cache_ne), values_in_keys ? Tensor{} : host_bytes(cache_v, type, v_ne)};
        m_cpu.kv_store(layer, host_tensor(k, cache_ne), host_tensor(v, v_ne), 0);

        AttentionParams p;
        p.n_head = n_head;
        p.n_head_kv = n_head_kv;
        p.head_dim = head_dim;
        p.scale = 1.0f / std::sqrt(static_cast<float>(head_dim));
        p.sliding_window = window;
        p.softcap = softcap;
        p.head_dim_v = head_dim_v;
        std::vector<float> sink_logits = make_sinks(sinks, n_head);
        if (sinks != kSinksNone) p.sinks = host_tensor(sink_logits, {n_head, 1, 1, 1});
        QVERIFY(attention_supported(p, type, values_in_keys ? std::nullopt : std::optional(type)));
        QVERIFY(!in_place || dv == head_dim);
        const std::array<std::int64_t, 4> q_ne{q_width, n_tokens, 1, 1}, out_ne{out_width, n_tokens, 1, 1};
        std::vector<float> want(static_cast<std::size_t>(out_width * n_tokens));
        Tensor tout = host_tensor(want, out_ne);
        m_cpu.attention(host_tensor(q, q_ne), layer, first_pos, p, tout);

        DeviceBytes dk = upload_cache_at(*m_device, type, cache_ne, cache_k, static_cast<std::uint64_t>(cache_offset));
        DeviceBytes dvs;
        if (!values_in_keys) dvs = upload_cache_at(*m_device, type, v_ne, cache_v, static_cast<std::uint64_t>(cache_offset));
        GuardedF32 dq = upload_guarded(*m_device, q, q_ne);
        GuardedF32 own_out;
        if (!in_place) own_out = upload_guarded(*m_device, std::vector<float>(want.size(), 0.0f), out_ne);
        GuardedF32& dout = in_place ? dq : own_out;
        GuardedF32 dsinks = upload_guarded(*m_device, sink_logits, {n_head, 1, 1, 1});
        const AttentionTensors tensors{dq.tensor,   dk.tensor, values_in_keys ? DeviceTensor{} : dvs.tensor,
                                       sinks != kSinksNone ? dsinks.tensor : DeviceTensor{}, dout.tensor,
                                       DeviceTensor{}, 0};
        vulkan::attention(*m_device, tensors, first_pos, p);

        bool intact = false;
        const std::vector<float> got = download_guarded(*m_device, dout, intact);
        QVERIFY2(intact, "a sentinel next to the output was overwritten");
        if (!in_place) {
            QCOMPARE(download_guarded(*m_device, dq, intact), q);
            QVERIFY(intact);
        }
        std::vector<float> sinks_after = download_guarded(*m_device, dsinks, intact);
        QVERIFY(intact);
        QCOMPARE(sinks_after, sink_logits);
        // The attended values: the first dv of each key head, or the V rows (never the 1e4 rows).
        float max_v = 0.0f;
        const std::vector<float>& values = values_in_keys ? k : v;
        const std::int64_t values_width = values_in_keys ? kv_width : v_width;
        for (std::int64_t i = 0; i < values_width * (n_ctx - 2); ++i)
            if (!values_in_keys || i % head_dim < dv) max_v = std::max(max_v, std::fabs(values[static_cast<std::size_t>(i)]));
        const std::vector<double> allowed(want.size(), 2e-5 * max_v);
        const double ratio = worst_ratio(got, want, allowed);
        qInfo("max |error| %.3g (max |v| %.3g), worst / bound %.3g", max_abs_error(got, want), double(max_v), ratio);
        QVERIFY2(ratio <= 1.0, qPrintable(QString("error %1 times the bound").arg(ratio)));
    }

private slots:
    void init() {
        m_device = test_device(m_reason);
        const bool needs_device = qstrcmp(QTest::currentTestFunction(), "attentionSupported") != 0;
        if (!m_device && needs_device) QSKIP(qPrintable("no Vulkan device: " + m_reason));
    }

    void kvStore_data() {
        QTest::addColumn<TensorType>("type");
        QTest::addColumn<int>("width"); // head_dim * n_head_kv
        QTest::addColumn<int>("n_tokens");
        QTest::addColumn<int>("first_pos");
        QTest::addColumn<int>("cache_offset"); // bytes into the cache's buffer
        QTest::addColumn<bool>("keys_only");   // a cache without V rows (latent attention)
        for (TensorType type : {TensorType::F32, TensorType::F16, TensorType::Q8_0}) {
            // 96 = one head of 96: a Q8_0 row is 102 bytes, so every other row starts mid-word.
            for (int width : {64 * 2, 96})
                for (auto [n_tokens, first_pos] : {std::pair{5, 3}, std::pair{1, 0}, std::pair{1, 6}})
                    QTest::addRow("%s width=%d %d tokens at %d", type_name(type), width, n_tokens, first_pos)
                        << type << width << n_tokens << first_pos << 0 << false;
            // DeepSeek's latent row: 512 latent + 64 RoPE values, keys only (Q8_0: 18 blocks).
            QTest::addRow("%s width=576 keys only 4 tokens at 3", type_name(type)) << type << 576 << 4 << 3 << 0 << true;
            QTest::addRow("%s width=576 keys only 1 token at 6", type_name(type)) << type << 576 << 1 << 6 << 0 << true;
        }
        // Odd widths: F16 rows share words with their neighbours.
        for (TensorType type : {TensorType::F32, TensorType::F16})
            QTest::addRow("%s width=17 5 tokens at 4", type_name(type)) << type << 17 << 5 << 4 << 0 << false;
        // A cache starting 2 bytes into a word: every F16 row and Q8_0 block shifts by half a word.
        for (TensorType type : {TensorType::F16, TensorType::Q8_0})
            QTest::addRow("%s width=64 3 tokens at 2, cache at byte 2", type_name(type)) << type << 64 << 3 << 2 << 2 << false;
    }

    // Bound: byte-exact for every type: F32 is a copy, F16 rounds to nearest even on both
    // sides, and Q8_0's two divisions are corrected to the CPU's rounding on the device
    // (exact_math.glsl), so scale and quants match, ties included. Every cache byte outside
    // the stored rows must keep its (random) value. Keys only: the V pointers are invalid on
    // both sides and only the K cache changes.
    void kvStore() {
        QFETCH(TensorType, type);
        QFETCH(int, width);
        QFETCH(int, n_tokens);
        QFETCH(int, first_pos);
        QFETCH(int, cache_offset);
        QFETCH(bool, keys_only);
        const int n_ctx = first_pos + n_tokens + 3;
        const std::uint64_t cache_bytes = cache_row_bytes(type, width) * static_cast<std::uint64_t>(n_ctx);
        std::vector<float> k = random_floats(static_cast<std::size_t>(width) * n_tokens, 20, 2.0f);
        std::vector<float> v = random_floats(static_cast<std::size_t>(width) * n_tokens, 21, 0.5f);
        // Values that land exactly on rounding ties: with 127 the block's largest, the Q8_0
        // scale is 1 and +-n.5 must round away from zero; 1 + 2^-11 and 1 + 3 * 2^-11 sit halfway
        // between two halves and must round to the even one. A zero and a subnormal half too.
        const float ties[] = {0.0f, 127.0f, 2.5f, -3.5f, 0.5f, 1.0f + 0x1p-11f, 1.0f + 0x3p-11f, 3e-7f};
        std::copy(std::begin(ties), std::end(ties), k.begin());
        std::vector<unsigned char> cpu_k = random_bytes(cache_bytes, 22), cpu_v = random_bytes(cache_bytes, 23);
        const std::array<std::int64_t, 4> cache_ne{width, n_ctx, 1, 1}, src_ne{width, n_tokens, 1, 1};
        DeviceBytes dk = upload_cache_at(*m_device, type, cache_ne, cpu_k, static_cast<std::uint64_t>(cache_offset));
        DeviceBytes dv = upload_cache_at(*m_device, type, cache_ne, cpu_v, static_cast<std::uint64_t>(cache_offset));
        GuardedF32 sk = upload_guarded(*m_device, k, src_ne), sv = upload_guarded(*m_device, v, src_ne);
        vulkan::kv_store(*m_device, dk.tensor, keys_only ? DeviceTensor{} : dv.tensor, sk.tensor,
                         keys_only ? DeviceTensor{} : sv.tensor, first_pos);

        KvLayer layer{host_bytes(cpu_k, type, cache_ne), keys_only ? Tensor{} : host_bytes(cpu_v, type, cache_ne)};
        m_cpu.kv_store(layer, host_tensor(k, src_ne), keys_only ? Tensor{} : host_tensor(v, src_ne), first_pos);

        // The whole cache, so bytes next to the stored rows are checked too.
        QCOMPARE(download_bytes(*m_device, dk, cache_bytes), cpu_k);
        QCOMPARE(download_bytes(*m_device, dv, cache_bytes), cpu_v);
        bool intact = false;
        QCOMPARE(download_guarded(*m_device, sk, intact), k);
        QVERIFY(intact);
    }

    // The kernel's limits, which the backend asks before sending attention to the device.
    void attentionSupported() {
        AttentionParams p;
        p.n_head = p.n_head_kv = 1;
        for (int head_dim : {64, 80, 96, 128, 256}) {
            p.head_dim = head_dim;
            QVERIFY(attention_supported(p, TensorType::F16, TensorType::F16));
            QVERIFY(attention_supported(p, TensorType::F32, TensorType::F32));
            QCOMPARE(attention_supported(p, TensorType::Q8_0, TensorType::Q8_0), head_dim % 32 == 0);
            QVERIFY(!attention_supported(p, TensorType::F16, TensorType::F32));
            QVERIFY(!attention_supported(p, TensorType::BF16, TensorType::BF16));
        }
        // The wide variant: up to kMaxAttentionHeadDim (1024), even.
        for (int head_dim : {512, 576, 1024}) {
            p.head_dim = head_dim;
            QVERIFY(attention_supported(p, TensorType::F16, TensorType::F16));
            QVERIFY(attention_supported(p, TensorType::Q8_0, TensorType::Q8_0));
        }
        for (int head_dim : {1026, 2048, 65}) {
            p.head_dim = head_dim;
            QVERIFY(!attention_supported(p, TensorType::F16, TensorType::F16));
        }
        // Latent attention: 576 keys, 512 values, in the keys (no V type) or in V rows of 512.
        p.head_dim = 576;
        p.head_dim_v = 512;
        for (TensorType type : {TensorType::F32, TensorType::F16, TensorType::Q8_0}) {
            QVERIFY(attention_supported(p, type, std::nullopt));
            QVERIFY(attention_supported(p, type, type));
        }
        p.head_dim_v = 1024; // values cannot be wider than the keys they sit in
        QVERIFY(!attention_supported(p, TensorType::F16, std::nullopt));
        QVERIFY(attention_supported(p, TensorType::F16, TensorType::F16));
        p.head_dim_v = 80; // Q8_0 V rows of 80 would split blocks between heads
        QVERIFY(attention_supported(p, TensorType::F16, TensorType::F16));
        QVERIFY(!attention_supported(p, TensorType::Q8_0, TensorType::Q8_0));
        QVERIFY(attention_supported(p, TensorType::Q8_0, std::nullopt));
        p.head_dim_v = 31;
        QVERIFY(!attention_supported(p, TensorType::F32, std::nullopt));
        p.head_dim_v = 0;
        // Sinks (gpt-oss) have a kernel: such attention no longer falls back to the CPU.
        std::vector<float> sink{0.5f};
        p.head_dim = 64;
        p.sinks = host_tensor(sink, {1, 1, 1, 1});
        QVERIFY(attention_supported(p, TensorType::F16, TensorType::F16));
        QVERIFY(attention_supported(p, TensorType::Q8_0, TensorType::Q8_0));
    }

    void attention_data() {
        QTest::addColumn<TensorType>("type");
        QTest::addColumn<int>("head_dim");
        QTest::addColumn<int>("n_head");
        QTest::addColumn<int>("n_head_kv");
        QTest::addColumn<int>("n_tokens");
        QTest::addColumn<int>("first_pos");
        QTest::addColumn<int>("window");
        QTest::addColumn<float>("softcap");
        QTest::addColumn<bool>("in_place");
        QTest::addColumn<int>("cache_offset"); // bytes into the cache's buffer
        for (TensorType type : {TensorType::F32, TensorType::F16, TensorType::Q8_0}) {
            const char* t = type_name(type);
            for (int head_dim : {64, 80, 96, 128, 256}) {
                if (type == TensorType::Q8_0 && head_dim % 32 != 0) continue;
                // A prompt of 5 tokens after 6 cached positions (11, odd), 2 query heads per KV head.
                QTest::addRow("%s d=%d GQA 4/2 prompt 5 from 6", t, head_dim)
                    << type << head_dim << 4 << 2 << 5 << 6 << 0 << 0.0f << false << 0;
            }
            // One token over 1201 positions (three tiles of 512 keys, the last partial), 4 query
            // heads on 1 KV head.
            QTest::addRow("%s d=128 GQA 4/1 one token at 1200", t) << type << 128 << 4 << 1 << 1 << 1200 << 0 << 0.0f << false << 0;
            // A prompt whose tokens end in the second tile.
            QTest::addRow("%s d=64 prompt 3 from 700", t) << type << 64 << 2 << 1 << 3 << 700 << 0 << 0.0f << false << 0;
            // Sliding window shorter than the context, long and short (Gemma 3 local layers);
            // the 600-key window starts mid-tile and spans two.
            QTest::addRow("%s d=64 window 100 one token at 1000", t) << type << 64 << 2 << 2 << 1 << 1000 << 100 << 0.0f << false << 0;
            QTest::addRow("%s d=128 window 600 one token at 1500", t) << type << 128 << 2 << 1 << 1 << 1500 << 600 << 0.0f << false << 0;
            QTest::addRow("%s d=96 window 7 prompt 6 from 4", t) << type << 96 << 3 << 1 << 6 << 4 << 7 << 0.0f << false << 0;
            // Soft-capping that bites (scores of several units against a cap of 3).
            QTest::addRow("%s d=64 softcap 3 prompt 3 from 200", t) << type << 64 << 2 << 1 << 3 << 200 << 0 << 3.0f << false << 0;
            // out aliasing q, a prompt from position 0.
            QTest::addRow("%s d=128 in place prompt 7 from 0", t) << type << 128 << 4 << 4 << 7 << 0 << 0 << 0.0f << true << 0;
            // Rows starting 2 bytes into a word: the F16 kernel's unaligned paths.
            if (type != TensorType::F32)
                QTest::addRow("%s d=64 cache at byte 2, prompt 5 from 6", t) << type << 64 << 2 << 1 << 5 << 6 << 0 << 0.0f << false << 2;
        }
    }

    // Bound: see check_attention().
    void attention() {
        QFETCH(TensorType, type);
        QFETCH(int, head_dim);
        QFETCH(int, n_head);
        QFETCH(int, n_head_kv);
        QFETCH(int, n_tokens);
        QFETCH(int, first_pos);
        QFETCH(int, window);
        QFETCH(float, softcap);
        QFETCH(bool, in_place);
        QFETCH(int, cache_offset);
        check_attention({type, head_dim, n_head, n_head_kv, n_tokens, first_pos, window, softcap, in_place, cache_offset});
    }

    void attentionWithSinks_data() {
        QTest::addColumn<TensorType>("type");
        QTest::addColumn<int>("head_dim");
        QTest::addColumn<int>("n_head");
        QTest::addColumn<int>("n_head_kv");
        QTest::addColumn<int>("n_tokens");
        QTest::addColumn<int>("first_pos");
        QTest::addColumn<int>("window");
        QTest::addColumn<bool>("in_place");
        QTest::addColumn<int>("sinks");
        // gpt-oss: 64 query heads on 8 KV heads of 64, a 128-position window on every other
        // layer; here fewer heads, the same structure.
        for (TensorType type : {TensorType::F32, TensorType::F16, TensorType::Q8_0}) {
            const char* t = type_name(type);
            for (int sinks : {kSinksRandom, kSinksLargeNegative, kSinksLargePositive}) {
                const char* s = sinks_name(sinks);
                // Short contexts, where a sink of a few units takes a large share.
                QTest::addRow("%s %s d=64 GQA 8/2 prompt 5 from 0", t, s) << type << 64 << 8 << 2 << 5 << 0 << 0 << false << sinks;
                QTest::addRow("%s %s d=64 GQA 4/1 one token at 6", t, s) << type << 64 << 4 << 1 << 1 << 6 << 0 << false << sinks;
                // Three tiles of keys, the last partial.
                QTest::addRow("%s %s d=64 GQA 4/2 one token at 1200", t, s)
                    << type << 64 << 4 << 2 << 1 << 1200 << 0 << false << sinks;
                // Sliding windows: short (within one tile) over a prompt, long (two tiles) at decode.
                QTest::addRow("%s %s d=64 window 7 prompt 6 from 4", t, s) << type << 64 << 4 << 2 << 6 << 4 << 7 << false << sinks;
                QTest::addRow("%s %s d=64 window 600 one token at 1500", t, s)
                    << type << 64 << 4 << 1 << 1 << 1500 << 600 << false << sinks;
            }
            QTest::addRow("%s random sinks d=128 in place prompt 7 from 3", t)
                << type << 128 << 6 << 3 << 7 << 3 << 0 << true << kSinksRandom;
        }
        // The tiny gpt-oss of test_vulkan_backend: heads of 32 (no Q8_0 cache there).
        QTest::addRow("f16 random sinks d=32 window 5 prompt 17 from 0")
            << TensorType::F16 << 32 << 4 << 2 << 17 << 0 << 5 << false << kSinksRandom;
    }

    // Bound: see check_attention(); a sink only adds one term to the softmax's maximum and
    // denominator, computed the same way on both sides.
    void attentionWithSinks() {
        QFETCH(TensorType, type);
        QFETCH(int, head_dim);
        QFETCH(int, n_head);
        QFETCH(int, n_head_kv);
        QFETCH(int, n_tokens);
        QFETCH(int, first_pos);
        QFETCH(int, window);
        QFETCH(bool, in_place);
        QFETCH(int, sinks);
        check_attention({type, head_dim, n_head, n_head_kv, n_tokens, first_pos, window, 0.0f, in_place, 0, sinks});
    }

    // DeepSeek's multi-head latent attention: one KV head of 576 (512 latent values + 64 RoPE)
    // shared by 16 (V2-Lite) or 128 (V3) query heads, 512 values read from the keys; the tiny
    // deepseek2 models' 48/32 heads (the narrow kernel); V rows narrower than the keys.
    void latentAttention_data() {
        QTest::addColumn<TensorType>("type");
        QTest::addColumn<int>("head_dim");
        QTest::addColumn<int>("head_dim_v");
        QTest::addColumn<bool>("values_in_keys");
        QTest::addColumn<int>("n_head");
        QTest::addColumn<int>("n_tokens");
        QTest::addColumn<int>("first_pos");
        QTest::addColumn<int>("cache_offset");
        QTest::addColumn<int>("sinks");
        QTest::addColumn<int>("n_head_kv");
        for (TensorType type : {TensorType::F32, TensorType::F16, TensorType::Q8_0}) {
            const char* t = type_name(type);
            // Two KV heads: each KV head's values start head_dim (in the keys) or head_dim_v (V
            // rows) values after the previous one's.
            QTest::addRow("%s d=576/512 in keys, 8 heads on 2, prompt 3 from 4", t)
                << type << 576 << 512 << true << 8 << 3 << 4 << 0 << kSinksNone << 2;
            QTest::addRow("%s d=576/512 V rows, 8 heads on 2, one token at 30", t)
                << type << 576 << 512 << false << 8 << 1 << 30 << 0 << kSinksNone << 2;
            QTest::addRow("%s d=192/128 V rows, 8 heads on 2, prompt 5 from 6", t)
                << type << 192 << 128 << false << 8 << 5 << 6 << 0 << kSinksNone << 2;
            QTest::addRow("%s d=192/128 in keys, 8 heads on 2, prompt 5 from 6", t)
                << type << 192 << 128 << true << 8 << 5 << 6 << 0 << kSinksNone << 2;
            QTest::addRow("%s d=576/512 in keys, 16 heads, prompt 7 from 5", t)
                << type << 576 << 512 << true << 16 << 7 << 5 << 0 << kSinksNone << 1;
            QTest::addRow("%s d=576/512 in keys, 128 heads, prompt 3 from 0", t)
                << type << 576 << 512 << true << 128 << 3 << 0 << 0 << kSinksNone << 1;
            // Decode over 601 positions: two tiles of keys, the second partial.
            QTest::addRow("%s d=576/512 in keys, 16 heads, one token at 600", t)
                << type << 576 << 512 << true << 16 << 1 << 600 << 0 << kSinksNone << 1;
            QTest::addRow("%s d=576/512 in keys, 128 heads, one token at 40", t)
                << type << 576 << 512 << true << 128 << 1 << 40 << 0 << kSinksNone << 1;
            // Separate V rows of 512 under keys of 576.
            QTest::addRow("%s d=576/512 V rows, 16 heads, prompt 4 from 9", t)
                << type << 576 << 512 << false << 16 << 4 << 9 << 0 << kSinksNone << 1;
            QTest::addRow("%s d=576/512 in keys, 16 heads, random sinks, prompt 5 from 2", t)
                << type << 576 << 512 << true << 16 << 5 << 2 << 0 << kSinksRandom << 1;
            if (type != TensorType::F32)
                QTest::addRow("%s d=576/512 in keys, 16 heads, cache at byte 2, prompt 3 from 4", t)
                    << type << 576 << 512 << true << 16 << 3 << 4 << 2 << kSinksNone << 1;
            // The narrow kernel with values in the keys or narrower V rows.
            QTest::addRow("%s d=192/128 V rows, 16 heads, prompt 5 from 6", t)
                << type << 192 << 128 << false << 16 << 5 << 6 << 0 << kSinksNone << 1;
            QTest::addRow("%s d=192/128 in keys, 16 heads, one token at 700", t)
                << type << 192 << 128 << true << 16 << 1 << 700 << 0 << kSinksNone << 1;
            if (type != TensorType::Q8_0) // the tiny deepseek2 models: 32 latent + 16 RoPE, 4 heads
                QTest::addRow("%s d=48/32 in keys, 4 heads, prompt 17 from 0", t)
                    << type << 48 << 32 << true << 4 << 17 << 0 << 0 << kSinksNone << 1;
        }
    }

    // Bound: see check_attention(); the values read are the first head_dim_v of each key head.
    void latentAttention() {
        QFETCH(TensorType, type);
        QFETCH(int, head_dim);
        QFETCH(int, head_dim_v);
        QFETCH(bool, values_in_keys);
        QFETCH(int, n_head);
        QFETCH(int, n_tokens);
        QFETCH(int, first_pos);
        QFETCH(int, cache_offset);
        QFETCH(int, sinks);
        QFETCH(int, n_head_kv);
        check_attention({type, head_dim, n_head, n_head_kv, n_tokens, first_pos, 0, 0.0f, false, cache_offset, sinks,
                         head_dim_v, values_in_keys});
    }
};

QTEST_GUILESS_MAIN(TestVulkanAttention)
#include "test_vulkan_attention.moc"
