// The Vulkan norms, element-wise ops (gpt-oss's clamped SwiGLU among them), RoPE, MoE combine,
// per-expert biases (add_id) and column copies (DeepSeek) against the CPU backend, on seeded random inputs of odd
// shapes, out of place and in place (out aliasing an input, as the model runs them), with
// sentinel guards around every device buffer. Each test states its error bound and why; add,
// mul, scale, add_id and copy_columns must match bit for bit (IEEE-rounded single operations
// or copies).

#include "op_check.h"
#include "vulkan_test_device.h"

#include "backend/cpu/cpu_backend.h"
#include "backend/vulkan/vulkan_ops.h"
#include "core/thread_pool.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <utility>

using namespace conclave;
using namespace conclave::vulkan;
using namespace conclave::vulkan::testing;

namespace {

constexpr double kFloatEps = 1.0 / (1 << 23);

// The guarded output of an op: a fresh zero buffer, or the input itself when in place.
struct Output {
    GuardedF32 own;
    GuardedF32* target = nullptr;
};

Output make_output(VulkanDevice& device, GuardedF32& input, bool in_place, std::array<std::int64_t, 4> ne) {
    Output o;
    if (in_place) {
        o.target = &input;
    } else {
        o.own = upload_guarded(device, std::vector<float>(static_cast<std::size_t>(ne[0] * ne[1] * ne[2] * ne[3]), 0.0f), ne);
        o.target = &o.own;
    }
    return o;
}

// Downloads a guarded tensor; fails the test when a sentinel changed.
#define DOWNLOAD(device, guarded, into)                                      \
    do {                                                                     \
        bool intact_ = false;                                                \
        into = download_guarded(device, guarded, intact_);                   \
        QVERIFY2(intact_, "a sentinel next to " #guarded " was overwritten"); \
    } while (false)

} // namespace

class TestVulkanOps : public QObject {
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

    void rmsNorm_data() {
        QTest::addColumn<int>("n");
        QTest::addColumn<int>("rows");
        QTest::addColumn<bool>("weighted");
        QTest::addColumn<bool>("in_place");
        for (int n : {1, 3, 17, 127, 1023, 4096})
            for (bool weighted : {false, true}) QTest::addRow("n=%d rows=3 weighted=%d", n, weighted) << n << 3 << weighted << false;
        // Per-head q/k norm: [head_dim, n_heads * n_tokens] with a weight of head_dim, in place.
        QTest::addRow("per-head 64x(8 heads*5 tokens) in place") << 64 << 40 << true << true;
        QTest::addRow("n=2048 rows=7 in place") << 2048 << 7 << true << true;
        // More rows than max_groups_x workgroups: the grid spills into y.
        QTest::addRow("n=3 rows=70001 (grid y)") << 3 << 70001 << true << false;
    }

    // Bound: out = x * inv * w with inv = 1/sqrt(mean(x^2) + eps). The device sums squares in
    // float (a strided share of <= 16 per thread, then a 256-leaf tree): relative error of the
    // sum <= ~24 eps, against the CPU's double sum; sqrt and the division add a few ulp each.
    // 1e-5 relative (~80 eps) per element leaves headroom and still fails for any wrong eps,
    // weight or row (those move values by >= 1e-3).
    void rmsNorm() {
        QFETCH(int, n);
        QFETCH(int, rows);
        QFETCH(bool, weighted);
        QFETCH(bool, in_place);
        const std::array<std::int64_t, 4> ne{n, rows, 1, 1};
        std::vector<float> x = random_floats(static_cast<std::size_t>(n) * rows, 1, 3.0f);
        std::vector<float> w = random_floats(static_cast<std::size_t>(n), 2);
        const float eps = 1e-6f;
        GuardedF32 dx = upload_guarded(*m_device, x, ne);
        GuardedF32 dw = upload_guarded(*m_device, w, {n, 1, 1, 1});
        Output out = make_output(*m_device, dx, in_place, ne);
        vulkan::rms_norm(*m_device, dx.tensor, weighted ? dw.tensor : DeviceTensor{}, eps, out.target->tensor);

        std::vector<float> want(x.size());
        Tensor tw = host_tensor(w, {n, 1, 1, 1});
        Tensor tout = host_tensor(want, ne);
        m_cpu.rms_norm(host_tensor(x, ne), weighted ? tw : Tensor{}, eps, tout);

        std::vector<float> got, x_after, w_after;
        DOWNLOAD(*m_device, *out.target, got);
        DOWNLOAD(*m_device, dw, w_after);
        QCOMPARE(w_after, w);
        if (!in_place) {
            DOWNLOAD(*m_device, dx, x_after);
            QCOMPARE(x_after, x);
        }
        std::vector<double> allowed(want.size());
        for (std::size_t i = 0; i < want.size(); ++i) allowed[i] = 1e-5 * std::fabs(want[i]);
        const double ratio = worst_ratio(got, want, allowed);
        qInfo("rms_norm max |error| %.3g, worst / bound %.3g", max_abs_error(got, want), ratio);
        QVERIFY2(ratio <= 1.0, qPrintable(QString("error %1 times the bound").arg(ratio)));
    }

    void binaryOps_data() {
        QTest::addColumn<bool>("is_add");
        QTest::addColumn<int>("n");
        QTest::addColumn<int>("rows");
        QTest::addColumn<bool>("broadcast");
        QTest::addColumn<bool>("in_place");
        for (bool is_add : {true, false})
            for (int n : {1, 3, 17, 1023})
                for (bool broadcast : {false, true})
                    for (bool in_place : {false, true})
                        QTest::addRow("%s n=%d rows=5 broadcast=%d in_place=%d", is_add ? "add" : "mul", n, broadcast, in_place)
                            << is_add << n << 5 << broadcast << in_place;
    }

    // Bound: exact. One IEEE add or multiply per element is correctly rounded on Vulkan as on
    // the CPU, so any difference is a wrong element, row or broadcast.
    void binaryOps() {
        QFETCH(bool, is_add);
        QFETCH(int, n);
        QFETCH(int, rows);
        QFETCH(bool, broadcast);
        QFETCH(bool, in_place);
        const std::array<std::int64_t, 4> ne{n, rows, 1, 1};
        const std::array<std::int64_t, 4> ne_b{n, broadcast ? 1 : rows, 1, 1};
        std::vector<float> a = random_floats(static_cast<std::size_t>(n) * rows, 3);
        std::vector<float> b = random_floats(static_cast<std::size_t>(ne_b[0] * ne_b[1]), 4);
        GuardedF32 da = upload_guarded(*m_device, a, ne);
        GuardedF32 db = upload_guarded(*m_device, b, ne_b);
        Output out = make_output(*m_device, da, in_place, ne);
        (is_add ? vulkan::add : vulkan::mul)(*m_device, da.tensor, db.tensor, out.target->tensor);

        std::vector<float> want(a.size());
        Tensor tout = host_tensor(want, ne);
        if (is_add) m_cpu.add(host_tensor(a, ne), host_tensor(b, ne_b), tout);
        else m_cpu.mul(host_tensor(a, ne), host_tensor(b, ne_b), tout);

        std::vector<float> got, b_after;
        DOWNLOAD(*m_device, *out.target, got);
        DOWNLOAD(*m_device, db, b_after);
        QCOMPARE(b_after, b);
        QCOMPARE(got, want);
    }

    void scale_data() {
        QTest::addColumn<int>("n");
        for (int n : {1, 3, 17, 1023, 65537}) QTest::addRow("n=%d", n) << n;
        // 65535 * 256 + 1 elements: more workgroups than max_groups_x, the grid spills into y.
        QTest::addRow("n=16776961 (grid y)") << 65535 * 256 + 1;
    }

    // Bound: exact (one correctly rounded multiply per element).
    void scale() {
        QFETCH(int, n);
        std::vector<float> x = random_floats(static_cast<std::size_t>(n), 5);
        GuardedF32 dx = upload_guarded(*m_device, x, {n, 1, 1, 1});
        vulkan::scale(*m_device, dx.tensor, -0.3125f);
        Tensor tx = host_tensor(x, {n, 1, 1, 1});
        m_cpu.scale(tx, -0.3125f);
        std::vector<float> got;
        DOWNLOAD(*m_device, dx, got);
        QCOMPARE(got, x);
    }

    void copyColumns_data() {
        QTest::addColumn<int>("src_width");
        QTest::addColumn<int>("src_first");
        QTest::addColumn<int>("dst_width");
        QTest::addColumn<int>("dst_first");
        QTest::addColumn<int>("n");
        QTest::addColumn<int>("rows");
        // DeepSeek V3: the cache row [512 latent, 64 RoPE] split and joined; a query head of
        // 192 split into 128 + 64; the absorbed query joined into a latent row of 576.
        QTest::addRow("latent of a 576 row, 5 tokens") << 576 << 0 << 512 << 0 << 512 << 5;
        QTest::addRow("rope of a 576 row, 5 tokens") << 576 << 512 << 64 << 0 << 64 << 5;
        QTest::addRow("rope into a 576 row, 1 token") << 64 << 0 << 576 << 512 << 64 << 1;
        QTest::addRow("q_rope of 128 heads x 3 tokens") << 192 << 128 << 64 << 0 << 64 << 384;
        // Odd widths and offsets, a single column, whole rows.
        QTest::addRow("17 -> 9, 5 columns 3 -> 2, 7 rows") << 17 << 3 << 9 << 2 << 5 << 7;
        QTest::addRow("3 -> 1023, 1 column 2 -> 1022, 3 rows") << 3 << 2 << 1023 << 1022 << 1 << 3;
        QTest::addRow("127 -> 127 whole rows, 1 row") << 127 << 0 << 127 << 0 << 127 << 1;
        QTest::addRow("1023 -> 33, 31 columns 992 -> 1, 17 rows") << 1023 << 992 << 33 << 1 << 31 << 17;
        // 65 537 rows of 257: more workgroups than max_groups_x, the grid spills into y.
        QTest::addRow("300 -> 260, 257 columns, 65537 rows (grid y)") << 300 << 41 << 260 << 3 << 257 << 65537;
    }

    // Bound: exact (a copy). dst starts random: its columns outside the range must survive,
    // and src must be unchanged.
    void copyColumns() {
        QFETCH(int, src_width);
        QFETCH(int, src_first);
        QFETCH(int, dst_width);
        QFETCH(int, dst_first);
        QFETCH(int, n);
        QFETCH(int, rows);
        std::vector<float> src = random_floats(static_cast<std::size_t>(src_width) * rows, 40);
        std::vector<float> dst = random_floats(static_cast<std::size_t>(dst_width) * rows, 41);
        const std::array<std::int64_t, 4> src_ne{src_width, rows, 1, 1}, dst_ne{dst_width, rows, 1, 1};
        GuardedF32 dsrc = upload_guarded(*m_device, src, src_ne), ddst = upload_guarded(*m_device, dst, dst_ne);
        vulkan::copy_columns(*m_device, dsrc.tensor, src_first, ddst.tensor, dst_first, n);
        Tensor tdst = host_tensor(dst, dst_ne);
        m_cpu.copy_columns(host_tensor(src, src_ne), src_first, tdst, dst_first, n);
        std::vector<float> got, src_after;
        DOWNLOAD(*m_device, ddst, got);
        DOWNLOAD(*m_device, dsrc, src_after);
        QCOMPARE(src_after, src);
        QCOMPARE(got, dst);
    }

    void gatedActivations_data() {
        QTest::addColumn<bool>("is_swiglu");
        QTest::addColumn<int>("n");
        QTest::addColumn<float>("spread");
        QTest::addColumn<int>("alias"); // 0: out of place, 1: out = gate, 2: out = up
        for (bool is_swiglu : {true, false})
            for (int n : {1, 17, 1023})
                for (float spread : {1.0f, 30.0f})
                    for (int alias : {0, 1, 2})
                        QTest::addRow("%s n=%d spread=%g alias=%d", is_swiglu ? "swiglu" : "geglu", n, double(spread), alias)
                            << is_swiglu << n << spread << alias;
    }

    // Bound: |error| <= 1e-5 |want| + 1e-6 |gate * up|. SiLU's exp is within 3 + 2|g| ulp on
    // Vulkan (<= 1e-5 relative for |g| < 80); GeGLU's 1 + tanh cancels for negative gates, so
    // tanh's absolute error (~1e-7) becomes an error relative to |gate * up|, not to the result.
    void gatedActivations() {
        QFETCH(bool, is_swiglu);
        QFETCH(int, n);
        QFETCH(float, spread);
        QFETCH(int, alias);
        const int rows = 3;
        const std::array<std::int64_t, 4> ne{n, rows, 1, 1};
        std::vector<float> gate = random_floats(static_cast<std::size_t>(n) * rows, 6, spread);
        std::vector<float> up = random_floats(static_cast<std::size_t>(n) * rows, 7);
        GuardedF32 dg = upload_guarded(*m_device, gate, ne);
        GuardedF32 du = upload_guarded(*m_device, up, ne);
        Output out = alias == 1 ? make_output(*m_device, dg, true, ne)
                   : alias == 2 ? make_output(*m_device, du, true, ne)
                                : make_output(*m_device, dg, false, ne);
        (is_swiglu ? vulkan::swiglu : vulkan::geglu)(*m_device, dg.tensor, du.tensor, out.target->tensor);

        std::vector<float> want(gate.size());
        Tensor tout = host_tensor(want, ne);
        if (is_swiglu) m_cpu.swiglu(host_tensor(gate, ne), host_tensor(up, ne), tout);
        else m_cpu.geglu(host_tensor(gate, ne), host_tensor(up, ne), tout);

        std::vector<float> got;
        DOWNLOAD(*m_device, *out.target, got);
        std::vector<double> allowed(want.size());
        for (std::size_t i = 0; i < want.size(); ++i)
            allowed[i] = 1e-5 * std::fabs(want[i]) + 1e-6 * std::fabs(double(gate[i]) * up[i]);
        const double ratio = worst_ratio(got, want, allowed);
        qInfo("max |error| %.3g, worst / bound %.3g", max_abs_error(got, want), ratio);
        QVERIFY2(ratio <= 1.0, qPrintable(QString("error %1 times the bound").arg(ratio)));
    }

    void swigluClamped_data() {
        QTest::addColumn<int>("n");
        QTest::addColumn<float>("spread");
        QTest::addColumn<float>("alpha");
        QTest::addColumn<float>("limit");
        QTest::addColumn<int>("alias"); // 0: out of place, 1: out = gate, 2: out = up
        QTest::addColumn<float>("up_offset");
        // gpt-oss: alpha 1.702, limit 7, up + 1, n_ff_exp 2880 (one row of it here); DeepSeek V4:
        // alpha 1, up + 0, its shared expert's limit 2.5. Two sets catch parameters swapped or
        // fixed in the shader.
        struct Variant {
            float alpha, limit, up_offset;
        };
        for (const Variant v : {Variant{1.702f, 7.0f, 1.0f}, Variant{1.0f, 2.5f, 0.0f}})
            for (int n : {1, 17, 1023, 2880})
                for (float spread : {1.0f, 30.0f})
                    for (int alias : {0, 1, 2})
                        QTest::addRow("alpha=%g limit=%g offset=%g n=%d spread=%g alias=%d", double(v.alpha), double(v.limit),
                                      double(v.up_offset), n, double(spread), alias)
                            << n << spread << v.alpha << v.limit << alias << v.up_offset;
    }

    // Bound: |error| <= (16 + 2 |alpha g|) eps |want| + 1e-30. Both sides clamp exactly (min
    // and clamp are exact), then exp(-alpha g) is within 3 + 2 |alpha g| ulp on Vulkan, and
    // 1 + e, the division and two products add about one ulp each. The 1e-30 covers the one
    // place where relative error means nothing: alpha g near -88.7, where one side's exp may
    // overflow to Inf (result -0) and the other's not (result ~1e-37).
    // Gates of spread 30 and ups of spread 10 pass both clamps often, on both sides.
    void swigluClamped() {
        QFETCH(int, n);
        QFETCH(float, spread);
        QFETCH(float, alpha);
        QFETCH(float, limit);
        QFETCH(int, alias);
        QFETCH(float, up_offset);
        const int rows = 3;
        const std::array<std::int64_t, 4> ne{n, rows, 1, 1};
        std::vector<float> gate = random_floats(static_cast<std::size_t>(n) * rows, 12, spread);
        std::vector<float> up = random_floats(static_cast<std::size_t>(n) * rows, 13, 10.0f);
        GuardedF32 dg = upload_guarded(*m_device, gate, ne);
        GuardedF32 du = upload_guarded(*m_device, up, ne);
        Output out = alias == 1 ? make_output(*m_device, dg, true, ne)
                   : alias == 2 ? make_output(*m_device, du, true, ne)
                                : make_output(*m_device, dg, false, ne);
        const SwigluClamp clamp{alpha, limit, up_offset};
        vulkan::swiglu_clamped(*m_device, dg.tensor, du.tensor, clamp, out.target->tensor);

        std::vector<float> want(gate.size());
        Tensor tout = host_tensor(want, ne);
        m_cpu.swiglu_clamped(host_tensor(gate, ne), host_tensor(up, ne), clamp, tout);

        std::vector<float> got, gate_after, up_after;
        DOWNLOAD(*m_device, *out.target, got);
        if (alias != 1) {
            DOWNLOAD(*m_device, dg, gate_after);
            QCOMPARE(gate_after, gate);
        }
        if (alias != 2) {
            DOWNLOAD(*m_device, du, up_after);
            QCOMPARE(up_after, up);
        }
        std::vector<double> allowed(want.size());
        for (std::size_t i = 0; i < want.size(); ++i) {
            const double x = std::fabs(double(alpha) * std::min(gate[i], limit));
            allowed[i] = (16.0 + 2.0 * x) * kFloatEps * std::fabs(want[i]) + 1e-30;
        }
        const double ratio = worst_ratio(got, want, allowed);
        qInfo("max |error| %.3g, worst / bound %.3g", max_abs_error(got, want), ratio);
        QVERIFY2(ratio <= 1.0, qPrintable(QString("error %1 times the bound").arg(ratio)));
    }

    void addId_data() {
        QTest::addColumn<int>("n");
        QTest::addColumn<int>("n_expert");
        QTest::addColumn<int>("n_used");
        QTest::addColumn<int>("n_tokens");
        QTest::addColumn<bool>("in_place");
        QTest::addColumn<bool>("bad_ids"); // some slots name an expert outside [0, n_expert)
        // gpt-oss-20b: 32 experts, 4 used, expert rows of 2880 (gate/up) and n_embd 2880 (down).
        for (bool in_place : {false, true}) {
            QTest::addRow("gpt-oss 2880 x 32 experts, 4 used, 1 token, in_place=%d", in_place)
                << 2880 << 32 << 4 << 1 << in_place << false;
            QTest::addRow("gpt-oss 2880 x 32 experts, 4 used, 7 tokens, in_place=%d", in_place)
                << 2880 << 32 << 4 << 7 << in_place << false;
            for (int n : {1, 17, 1023})
                QTest::addRow("n=%d 5 experts, 3 used, 5 tokens, in_place=%d", n, in_place) << n << 5 << 3 << 5 << in_place << false;
            QTest::addRow("n=17 out-of-range ids, in_place=%d", in_place) << 17 << 5 << 3 << 4 << in_place << true;
        }
    }

    // Bound: exact. One IEEE add per element on both sides; any difference is a wrong row,
    // expert or column. Slots with an out-of-range id keep what out held (the kernel's
    // contract; the CPU backend does not check ids, so those rows are not asked of it).
    void addId() {
        QFETCH(int, n);
        QFETCH(int, n_expert);
        QFETCH(int, n_used);
        QFETCH(int, n_tokens);
        QFETCH(bool, in_place);
        QFETCH(bool, bad_ids);
        const int n_rows = n_used * n_tokens;
        const std::array<std::int64_t, 4> ne{n, n_rows, 1, 1};
        std::vector<float> x = random_floats(static_cast<std::size_t>(n) * n_rows, 14);
        std::vector<float> bias = random_floats(static_cast<std::size_t>(n) * n_expert, 15);
        // Every expert at most once per token, as top-k routes; the last one is never chosen
        // unless n_used == n_expert.
        std::vector<std::int32_t> ids(static_cast<std::size_t>(n_rows));
        for (int t = 0; t < n_tokens; ++t)
            for (int s = 0; s < n_used; ++s) ids[static_cast<std::size_t>(s + n_used * t)] = (t * 7 + s * 3) % n_expert;
        std::vector<std::int32_t> valid_ids = ids;
        if (bad_ids) {
            ids[1] = -1;
            ids[static_cast<std::size_t>(n_rows - 1)] = n_expert;
        }
        GuardedF32 dx = upload_guarded(*m_device, x, ne);
        GuardedF32 dbias = upload_guarded(*m_device, bias, {n, n_expert, 1, 1});
        Output out = make_output(*m_device, dx, in_place, ne);
        vulkan::add_id(*m_device, dx.tensor, dbias.tensor, ids, out.target->tensor);

        std::vector<float> want(x.size());
        Tensor tout = host_tensor(want, ne);
        m_cpu.add_id(host_tensor(x, ne), host_tensor(bias, {n, n_expert, 1, 1}), valid_ids, tout);
        for (std::size_t r = 0; r < ids.size(); ++r) {
            if (ids[r] >= 0 && ids[r] < n_expert) continue;
            for (int i = 0; i < n; ++i) {
                const std::size_t at = r * static_cast<std::size_t>(n) + static_cast<std::size_t>(i);
                want[at] = in_place ? x[at] : 0.0f; // unwritten
            }
        }

        std::vector<float> got, x_after, bias_after;
        DOWNLOAD(*m_device, *out.target, got);
        DOWNLOAD(*m_device, dbias, bias_after);
        QCOMPARE(bias_after, bias);
        if (!in_place) {
            DOWNLOAD(*m_device, dx, x_after);
            QCOMPARE(x_after, x);
        }
        QCOMPARE(got, want);
    }

    void moeCombine_data() {
        QTest::addColumn<int>("n");
        QTest::addColumn<int>("n_used");
        QTest::addColumn<int>("n_tokens");
        // OLMoE: n_embd 2048, 8 of 64 experts; Qwen3-30B-A3B: 2048, 8 of 128; Mixtral: 4096, 2 of 8.
        QTest::addRow("olmoe 2048 x 8 used, 3 tokens") << 2048 << 8 << 3;
        QTest::addRow("mixtral 4096 x 2 used, 1 token") << 4096 << 2 << 1;
        for (int n : {1, 17, 1023}) QTest::addRow("n=%d 3 used 5 tokens", n) << n << 3 << 5;
        QTest::addRow("n=17 1 used 2 tokens") << 17 << 1 << 2;
    }

    // Bound: slots are added in the same order as on the CPU, but either side may fuse the
    // multiply-add: each of the n_used steps rounds once (<= eps of the partial sum), so
    // |error| <= (n_used + 1) eps sum_s |w_s x_s|.
    void moeCombine() {
        QFETCH(int, n);
        QFETCH(int, n_used);
        QFETCH(int, n_tokens);
        const int n_rows = n_used * n_tokens;
        std::vector<float> x = random_floats(static_cast<std::size_t>(n) * n_rows, 8);
        std::vector<float> weights = random_floats(static_cast<std::size_t>(n_rows), 9);
        for (float& w : weights) w = std::fabs(w);
        GuardedF32 dx = upload_guarded(*m_device, x, {n, n_rows, 1, 1});
        GuardedF32 dout = upload_guarded(*m_device, std::vector<float>(static_cast<std::size_t>(n) * n_tokens, 0.0f),
                                         {n, n_tokens, 1, 1});
        vulkan::moe_combine(*m_device, dx.tensor, weights, n_used, dout.tensor);

        std::vector<float> want(static_cast<std::size_t>(n) * n_tokens);
        Tensor tout = host_tensor(want, {n, n_tokens, 1, 1});
        m_cpu.moe_combine(host_tensor(x, {n, n_rows, 1, 1}), weights, n_used, tout);

        std::vector<float> got;
        DOWNLOAD(*m_device, dout, got);
        std::vector<double> allowed(want.size(), 0.0);
        for (int t = 0; t < n_tokens; ++t)
            for (int i = 0; i < n; ++i) {
                double magnitude = 0.0;
                for (int s = 0; s < n_used; ++s) {
                    const std::size_t row = static_cast<std::size_t>(s + n_used * t);
                    magnitude += std::fabs(double(weights[row]) * x[row * static_cast<std::size_t>(n) + static_cast<std::size_t>(i)]);
                }
                allowed[static_cast<std::size_t>(t * n + i)] = (n_used + 1) * kFloatEps * magnitude;
            }
        const double ratio = worst_ratio(got, want, allowed);
        qInfo("max |error| %.3g, worst / bound %.3g", max_abs_error(got, want), ratio);
        QVERIFY2(ratio <= 1.0, qPrintable(QString("error %1 times the bound").arg(ratio)));
    }

    void rope_data() {
        QTest::addColumn<bool>("neox");
        QTest::addColumn<int>("head_dim");
        QTest::addColumn<int>("n_dims");
        QTest::addColumn<int>("n_heads");
        QTest::addColumn<int>("n_tokens");
        QTest::addColumn<int>("first_pos");
        QTest::addColumn<bool>("yarn");
        QTest::addColumn<bool>("factors");
        for (bool neox : {false, true})
            for (bool yarn : {false, true})
                for (bool factors : {false, true}) {
                    const char* style = neox ? "neox" : "normal";
                    QTest::addRow("%s 128/128 x3 heads, 5 tokens from 0, yarn=%d factors=%d", style, yarn, factors)
                        << neox << 128 << 128 << 3 << 5 << 0 << yarn << factors;
                    QTest::addRow("%s 80/80 x2 heads, 3 tokens from 29999, yarn=%d factors=%d", style, yarn, factors)
                        << neox << 80 << 80 << 2 << 3 << 29999 << yarn << factors;
                }
        // Partial rotation (the rest of each head passes through), odd head count.
        QTest::addRow("neox 64/32 x5 heads, 7 tokens from 1000") << true << 64 << 32 << 5 << 7 << 1000 << false << false;
        QTest::addRow("normal 96/16 x1 head, 2 tokens from 131000") << false << 96 << 16 << 1 << 2 << 131000 << true << false;
    }

    // Bound: per element, 1e-5 * magnitude * (|x0| + |x1|) of its pair, and exact for the
    // dimensions past n_dims. The device rotates by the CPU's angle: the per-pair tables come
    // from the same host code, the product and the YaRN blend are `precise` (no fused
    // multiply-add), and the freq_factors division is corrected to the rounded quotient; the
    // angle is reduced exactly to [-pi, pi]. What remains is sin/cos there (~1e-7 on lavapipe
    // and desktop drivers; Vulkan itself only promises 2^-11, which a driver at that limit
    // would fail here — such a device should not run RoPE).
    void rope() {
        QFETCH(bool, neox);
        QFETCH(int, head_dim);
        QFETCH(int, n_dims);
        QFETCH(int, n_heads);
        QFETCH(int, n_tokens);
        QFETCH(int, first_pos);
        QFETCH(bool, yarn);
        QFETCH(bool, factors);
        const std::array<std::int64_t, 4> ne{std::int64_t{head_dim} * n_heads, n_tokens, 1, 1};
        std::vector<float> x = random_floats(static_cast<std::size_t>(ne[0] * ne[1]), 10);
        // Positions out of order, as a batch of several sequences may hold them.
        std::vector<std::int32_t> positions(static_cast<std::size_t>(n_tokens));
        for (int t = 0; t < n_tokens; ++t) positions[static_cast<std::size_t>(t)] = first_pos + (t * 3) % n_tokens;
        std::vector<float> freq_factors = random_floats(static_cast<std::size_t>(n_dims / 2), 11);
        for (float& f : freq_factors) f = 1.0f + 7.0f * std::fabs(std::tanh(f)); // Llama 3 style: 1..8

        RopeParams p;
        p.style = neox ? RopeStyle::neox : RopeStyle::normal;
        p.n_dims = n_dims;
        p.freq_base = neox ? 1000000.0f : 10000.0f;
        if (yarn) {
            p.freq_scale = 0.25f;
            p.ext_factor = 1.0f;
            p.attn_factor = 1.0f;
            p.n_ctx_orig = 4096;
        }
        GuardedF32 dx = upload_guarded(*m_device, x, ne);
        GuardedF32 dfactors = upload_guarded(*m_device, freq_factors, {n_dims / 2, 1, 1, 1});
        vulkan::rope(*m_device, dx.tensor, head_dim, positions, p, factors ? dfactors.tensor : DeviceTensor{});

        std::vector<float> want = x;
        if (factors) p.freq_factors = host_tensor(freq_factors, {n_dims / 2, 1, 1, 1});
        Tensor tx = host_tensor(want, ne);
        m_cpu.rope(tx, head_dim, positions, p);

        std::vector<float> got;
        DOWNLOAD(*m_device, dx, got);
        const double magnitude = yarn ? 1.0 + 0.1 * std::log(1.0 / p.freq_scale) : 1.0;
        std::vector<double> allowed(x.size(), 0.0);
        for (std::int64_t row = 0; row < ne[1] * n_heads; ++row)
            for (int i = 0; i < n_dims / 2; ++i) {
                const std::size_t at = static_cast<std::size_t>(row * head_dim);
                const std::size_t a = at + static_cast<std::size_t>(neox ? i : 2 * i);
                const std::size_t b = at + static_cast<std::size_t>(neox ? i + n_dims / 2 : 2 * i + 1);
                allowed[a] = allowed[b] = 1e-5 * magnitude * (std::fabs(x[a]) + std::fabs(x[b]));
            }
        const double ratio = worst_ratio(got, want, allowed);
        qInfo("max |error| %.3g, worst / bound %.3g", max_abs_error(got, want), ratio);
        QVERIFY2(ratio <= 1.0, qPrintable(QString("error %1 times the bound").arg(ratio)));
    }
};

QTEST_GUILESS_MAIN(TestVulkanOps)
#include "test_vulkan_ops.moc"
