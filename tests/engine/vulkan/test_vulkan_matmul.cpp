// The Vulkan mul_mat / mul_mat_id kernels for every weight type the backend claims, against
// two references:
// - exact: a double-precision product of the dequantized weights (quant::dequantize_row, the
//   format's oracle) and the F32 activations. The kernels dequantize in float and accumulate
//   in float, so each output may differ by at most about n_in rounding errors of its terms:
//   |got - exact| <= 2 * n_in * 2^-24 * sum_i |w_i * x_i| (a worst case; measured values are
//   printed and far smaller). This bound catches a wrong bit of any format.
// - the CPU backend (what the model runs today): it rounds activations to 8-bit blocks for its
//   integer dot products, a relative error of up to 1/254 of each block's largest value per
//   activation, which for Gaussian activations gives an output NMSE of about
//   (amax / 127)^2 / 12 / sigma^2 ~ 1e-5..8e-5 (amax ~ 2..4 sigma over 32..256 values);
//   bound 2e-4.
// Every output starts as a marker value, so an output the kernel never wrote fails; outputs
// sit between sentinels, so a write outside them fails. Shapes: 67 output rows (odd, across
// two 64-row tiles), 1, 3, 8 tokens (matrix-vector kernel, 8 its widest) and 37 (tiled, odd).

#include "backend/cpu/cpu_backend.h"
#include "backend/vulkan/matmul_plan.h"
#include "backend/vulkan/vulkan_matmul.h"
#include "core/thread_pool.h"
#include "quant/dequantize.h"
#include "vulkan_test_device.h"
#include "weight_blocks.h"

#include <QtTest>
#include <cmath>
#include <random>

using namespace conclave;
using namespace conclave::vulkan;
using namespace conclave::vulkan::testing;
using quant::TensorType;

Q_DECLARE_METATYPE(conclave::quant::TensorType)

// QSKIP in a helper that returns a value: records the skip, then returns `value`.
#define QSKIP_RETURN(reason, value)                                                                \
    do {                                                                                           \
        QTest::qSkip(qPrintable(reason), __FILE__, __LINE__);                                      \
        return value;                                                                              \
    } while (false)

namespace {

constexpr std::int64_t kOut = 67;
constexpr float kUnwritten = 777.0f;
constexpr double kCpuNmseBound = 2e-4;

const TensorType kTypes[] = {
    TensorType::F32,  TensorType::F16,    TensorType::BF16,   TensorType::Q8_0, TensorType::Q4_0,
    TensorType::Q4_1, TensorType::Q5_0,   TensorType::Q5_1,   TensorType::Q4_K, TensorType::Q5_K,
    TensorType::Q6_K, TensorType::IQ4_NL, TensorType::IQ4_XS, TensorType::MXFP4};

// 256 values fill one super-block. 32-value types take 9 blocks, so rows are 153..306 bytes
// (MXFP4: odd) and rows start at every byte alignment. Plain types take 264, so the tiled
// kernel's 32-value steps end in a partial step.
std::int64_t n_in_for(TensorType type) {
    const std::int64_t block = quant::tensor_type_info(type).block_size;
    return block == 1 ? 264 : block == 32 ? 288 : 256;
}

std::vector<float> dequantized(TensorType type, const std::vector<unsigned char>& bytes,
                               std::int64_t n_in, std::int64_t rows) {
    const std::uint64_t row_bytes = test::packed_row_bytes(type, n_in);
    std::vector<float> out(static_cast<std::size_t>(n_in * rows));
    for (std::int64_t r = 0; r < rows; ++r)
        if (!quant::dequantize_row(type, bytes.data() + r * row_bytes, row_bytes,
                                   out.data() + r * n_in, n_in)
                 .ok())
            qFatal("dequantize_row failed");
    return out;
}

// Exact outputs and the error scale sum |w_i x_i| of one output.
struct Expected {
    std::vector<double> value, scale;
};
// Column c of out is weight row block `matrix_of(c)` times x column `x_col_of(c)`.
template <typename MatrixOf, typename XColOf>
Expected exact_product(const std::vector<float>& w, const std::vector<float>& x, std::int64_t n_in,
                       std::int64_t n_cols, MatrixOf matrix_of, XColOf x_col_of) {
    Expected e;
    for (std::int64_t c = 0; c < n_cols; ++c) {
        const float* xc = x.data() + x_col_of(c) * n_in;
        for (std::int64_t r = 0; r < kOut; ++r) {
            const float* wr = w.data() + (matrix_of(c) * kOut + r) * n_in;
            double sum = 0.0, scale = 0.0;
            for (std::int64_t i = 0; i < n_in; ++i) {
                sum += static_cast<double>(wr[i]) * xc[i];
                scale += std::fabs(static_cast<double>(wr[i]) * xc[i]);
            }
            e.value.push_back(sum);
            e.scale.push_back(scale);
        }
    }
    return e;
}

// Checks a device result against both references; empty when it passes, else the reason.
QString compare(const std::vector<float>& got, const std::vector<float>& cpu, const Expected& exact,
                std::int64_t n_in) {
    double worst_exact = 0.0, err = 0.0, norm = 0.0;
    for (std::size_t i = 0; i < got.size(); ++i) {
        if (!std::isfinite(got[i]) || got[i] == kUnwritten)
            return QStringLiteral("output %1 is %2 (not finite or never written)")
                .arg(i)
                .arg(got[i]);
        worst_exact = std::max(worst_exact, std::fabs(got[i] - exact.value[i]) /
                                                std::max(exact.scale[i], 1e-30));
        err += (static_cast<double>(got[i]) - cpu[i]) * (static_cast<double>(got[i]) - cpu[i]);
        norm += static_cast<double>(cpu[i]) * cpu[i];
    }
    const double exact_bound = 2.0 * static_cast<double>(n_in) * std::ldexp(1.0, -24);
    const double nmse = err / norm;
    qInfo("error vs exact %.3g of sum|w*x| (bound %.3g), NMSE vs CPU %.3g (bound %.3g)",
          worst_exact, exact_bound, nmse, kCpuNmseBound);
    if (worst_exact > exact_bound)
        return QStringLiteral("error vs exact %1 > %2").arg(worst_exact).arg(exact_bound);
    if (!(nmse < kCpuNmseBound))
        return QStringLiteral("NMSE vs CPU %1 > %2").arg(nmse).arg(kCpuNmseBound);
    return {};
}

// Runs `op` on device copies of the weights and x; returns out, and whether its guards held.
template <typename Op>
std::vector<float> run_on_device(VulkanDevice& device, TensorType type,
                                 std::array<std::int64_t, 4> w_ne,
                                 const std::vector<unsigned char>& w, const std::vector<float>& x,
                                 std::array<std::int64_t, 4> x_ne,
                                 std::array<std::int64_t, 4> out_ne, bool& guards_intact, Op op) {
    DeviceBytes wd = upload_bytes(device, type, w_ne, w.data(), w.size());
    GuardedF32 xd = upload_guarded(device, x, x_ne);
    GuardedF32 od = upload_guarded(
        device, std::vector<float>(static_cast<std::size_t>(out_ne[0] * out_ne[1]), kUnwritten),
        out_ne);
    op(wd.tensor, xd.tensor, od.tensor);
    return download_guarded(device, od, guards_intact);
}

// Token t's slot 0 always goes to expert 3 (so a prompt over 64 tokens gives that expert two
// column tiles), slot 1 to a random one of 1, 2, 4; expert 0 is never used.
std::vector<std::int32_t> routed_ids(std::int64_t n_tokens, unsigned seed) {
    std::mt19937 rng(seed);
    const std::int32_t others[] = {1, 2, 4};
    std::vector<std::int32_t> ids;
    for (std::int64_t t = 0; t < n_tokens; ++t) {
        ids.push_back(3);
        ids.push_back(others[rng() % 3]);
    }
    return ids;
}
constexpr std::int64_t kExperts = 5;
constexpr int kUsed = 2;

} // namespace

class TestVulkanMatmul : public QObject {
    Q_OBJECT

    // mul_mat on device (under `limits`, or the device's own when null) and on the CPU.
    void check_mul_mat(TensorType type, std::int64_t n_tokens, const MatmulLimits* limits) {
        QString reason;
        VulkanDevice* device = test_device(reason);
        if (!device) QSKIP(qPrintable(reason));
        const std::int64_t n_in = n_in_for(type);
        const std::vector<unsigned char> w = test::random_weights(type, n_in, kOut, 11);
        QVERIFY(!w.empty());
        const std::vector<float> x = test::gaussian(static_cast<std::size_t>(n_in * n_tokens), 12);

        bool guards = false;
        const std::vector<float> got = run_on_device(
            *device, type, {n_in, kOut, 1, 1}, w, x, {n_in, n_tokens, 1, 1}, {kOut, n_tokens, 1, 1},
            guards, [&](const DeviceTensor& wt, const DeviceTensor& xt, const DeviceTensor& out) {
                if (limits)
                    vulkan::mul_mat(*device, wt, xt, out, *limits);
                else
                    vulkan::mul_mat(*device, wt, xt, out);
            });
        QVERIFY2(!device->failed(), device->error().c_str());
        QVERIFY2(guards, "a write outside the output");

        ThreadPool pool(2);
        cpu::CpuBackend backend(pool);
        std::vector<float> cpu_out(static_cast<std::size_t>(kOut * n_tokens));
        std::vector<unsigned char> w_copy = w;
        std::vector<float> x_copy = x;
        Tensor wt{type, {n_in, kOut, 1, 1}, w_copy.data(), &backend};
        Tensor xt{TensorType::F32, {n_in, n_tokens, 1, 1}, x_copy.data(), &backend};
        Tensor yt{TensorType::F32, {kOut, n_tokens, 1, 1}, cpu_out.data(), &backend};
        backend.mul_mat(wt, xt, yt);

        const Expected exact = exact_product(
            dequantized(type, w, n_in, kOut), x, n_in, n_tokens, [](std::int64_t) { return 0; },
            [](std::int64_t c) { return c; });
        const QString failure = compare(got, cpu_out, exact, n_in);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
    }

    void check_mul_mat_id(TensorType type, std::int64_t n_tokens, bool x_per_slot,
                          const MatmulLimits* limits) {
        QString reason;
        VulkanDevice* device = test_device(reason);
        if (!device) QSKIP(qPrintable(reason));
        const std::int64_t n_in = n_in_for(type);
        const std::int64_t n_slots = kUsed * n_tokens;
        const std::int64_t n_x = x_per_slot ? n_slots : n_tokens;
        const std::vector<unsigned char> w = test::random_weights(type, n_in, kOut * kExperts, 21);
        QVERIFY(!w.empty());
        const std::vector<float> x = test::gaussian(static_cast<std::size_t>(n_in * n_x), 22);
        const std::vector<std::int32_t> ids = routed_ids(n_tokens, 23);

        bool guards = false;
        const std::vector<float> got = run_on_device(
            *device, type, {n_in, kOut, kExperts, 1}, w, x, {n_in, n_x, 1, 1},
            {kOut, n_slots, 1, 1}, guards,
            [&](const DeviceTensor& wt, const DeviceTensor& xt, const DeviceTensor& out) {
                if (limits)
                    vulkan::mul_mat_id(*device, wt, xt, ids, kUsed, out, *limits);
                else
                    vulkan::mul_mat_id(*device, wt, xt, ids, kUsed, out);
            });
        QVERIFY2(!device->failed(), device->error().c_str());
        QVERIFY2(guards, "a write outside the output");

        ThreadPool pool(2);
        cpu::CpuBackend backend(pool);
        std::vector<float> cpu_out(static_cast<std::size_t>(kOut * n_slots));
        std::vector<unsigned char> w_copy = w;
        std::vector<float> x_copy = x;
        Tensor wt{type, {n_in, kOut, kExperts, 1}, w_copy.data(), &backend};
        Tensor xt{TensorType::F32, {n_in, n_x, 1, 1}, x_copy.data(), &backend};
        Tensor yt{TensorType::F32, {kOut, n_slots, 1, 1}, cpu_out.data(), &backend};
        backend.mul_mat_id(wt, xt, ids, kUsed, yt);

        const Expected exact = exact_product(
            dequantized(type, w, n_in, kOut * kExperts), x, n_in, n_slots,
            [&](std::int64_t slot) {
                return static_cast<std::int64_t>(ids[static_cast<std::size_t>(slot)]);
            },
            [&](std::int64_t slot) { return x_per_slot ? slot : slot / kUsed; });
        const QString failure = compare(got, cpu_out, exact, n_in);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
    }

    // Limits small enough that the test's weights span several bindings of `rows` rows (10:
    // chunks split experts' matrices and most start at offsets that are not multiples of the
    // storage alignment) and row grids fold past max_groups_x.
    MatmulLimits small_limits(TensorType type, std::int64_t rows, std::uint32_t max_groups_x) {
        QString reason;
        VulkanDevice* device = test_device(reason);
        const std::uint64_t alignment =
            device ? std::max<std::uint64_t>(device->info().storage_alignment, 1) : 1;
        const std::uint64_t row_bytes = test::packed_row_bytes(type, n_in_for(type));
        return {static_cast<std::uint64_t>(rows) * row_bytes + alignment - 1 + 3, alignment,
                max_groups_x};
    }

    // The device's own limits with the vec kernels' reduction chosen; false (after QSKIP)
    // when there is no device or it lacks subgroup arithmetic.
    bool limits_with_reduction(bool subgroup, MatmulLimits& limits) {
        QString reason;
        VulkanDevice* device = test_device(reason);
        if (!device) QSKIP_RETURN(reason, false);
        limits = matmul_limits(device->info());
        if (subgroup && !limits.subgroup_reduce)
            QSKIP_RETURN(QStringLiteral("no subgroup arithmetic"), false);
        limits.subgroup_reduce = subgroup;
        return true;
    }
    // True when `limits` are what the public ops use, so the test goes through them.
    static bool uses_device_default(const MatmulLimits& limits) {
        QString reason;
        return limits.subgroup_reduce == matmul_limits(test_device(reason)->info()).subgroup_reduce;
    }

private slots:
    void splitRows() {
        const std::vector<RowChunk> chunks =
            split_rows(10, 100, 350, 16); // 332 usable bytes: 3 rows
        QCOMPARE(chunks.size(), std::size_t{4});
        QCOMPARE(chunks[0].first_row, std::int64_t{0});
        QCOMPARE(chunks[0].n_rows, std::int64_t{3});
        QCOMPARE(chunks[3].first_row, std::int64_t{9});
        QCOMPARE(chunks[3].n_rows, std::int64_t{1});
        QCOMPARE(split_rows(10, 100, 1u << 30, 16).size(), std::size_t{1});
        QCOMPARE(split_rows(10, 100, 0, 16).size(), std::size_t{1});
        // Beyond 32-bit byte addressing a chunk stops at 4 GiB whatever the binding allows.
        QCOMPARE(split_rows(3, std::uint64_t{3} << 30, std::uint64_t{1} << 40, 16).size(),
                 std::size_t{3});
    }

    void expertPlan() {
        // Slots 0..5; expert 1 gets slots 0, 2, 4 (two items of 2), expert 2 slot 3, slot 5's
        // id is out of range and slot 1's negative: both left out.
        const std::vector<std::int32_t> ids = {1, -1, 1, 2, 1, 7};
        const ExpertPlan plan = plan_expert_tiles(ids, 3, 2);
        QCOMPARE(plan.n_items, 3u);
        const std::vector<std::uint32_t> expect = {1, 9, 2, 1, 11, 1, 2, 12, 1, 0, 2, 4, 3};
        QCOMPARE(plan.words, expect);
    }

    // The matrix-vector kernels run with each reduction: the portable shared-memory tree and,
    // where the device has subgroup arithmetic, subgroupAdd.
    void mulMat_data() {
        QTest::addColumn<TensorType>("type");
        QTest::addColumn<qint64>("n_tokens");
        QTest::addColumn<bool>("subgroup");
        for (const TensorType type : kTypes)
            for (const qint64 n_tokens : {1, 3, 8, 37})
                for (const bool subgroup : {false, true})
                    if (n_tokens <= kMaxVecTokens || !subgroup)
                        QTest::addRow("%s/%lld%s", quant::tensor_type_name(type).data(), n_tokens,
                                      subgroup ? "/subgroup" : "")
                            << type << n_tokens << subgroup;
    }
    void mulMat() {
        QFETCH(TensorType, type);
        QFETCH(qint64, n_tokens);
        QFETCH(bool, subgroup);
        MatmulLimits limits;
        if (!limits_with_reduction(subgroup, limits)) return;
        check_mul_mat(type, n_tokens, uses_device_default(limits) ? nullptr : &limits);
    }

    // 1 token (matrix-vector kernel) and a 71-token prompt (tiled; expert 3 gets 71 slots,
    // two column tiles), x with a row per token or a row per slot. 5 experts of 67 rows, 2
    // used per token (small MoE layer shapes; real ones are larger but not different in kind).
    void mulMatId_data() {
        QTest::addColumn<TensorType>("type");
        QTest::addColumn<qint64>("n_tokens");
        QTest::addColumn<bool>("x_per_slot");
        QTest::addColumn<bool>("subgroup");
        for (const TensorType type : kTypes)
            for (const qint64 n_tokens : {1, 71})
                for (const bool per_slot : {false, true})
                    for (const bool subgroup : {false, true})
                        if (n_tokens <= kMaxVecTokens || !subgroup)
                            QTest::addRow("%s/%lld/%s%s", quant::tensor_type_name(type).data(),
                                          n_tokens, per_slot ? "x per slot" : "x per token",
                                          subgroup ? "/subgroup" : "")
                                << type << n_tokens << per_slot << subgroup;
    }
    void mulMatId() {
        QFETCH(TensorType, type);
        QFETCH(qint64, n_tokens);
        QFETCH(bool, x_per_slot);
        QFETCH(bool, subgroup);
        MatmulLimits limits;
        if (!limits_with_reduction(subgroup, limits)) return;
        check_mul_mat_id(type, n_tokens, x_per_slot,
                         uses_device_default(limits) ? nullptr : &limits);
    }

    // Slots whose expert id is out of range (-1, n_expert) are left unwritten by both
    // kernels; every other slot is still right.
    void invalidExpertLeftUnwritten_data() {
        QTest::addColumn<qint64>("n_tokens");
        QTest::newRow("1 token") << qint64{1};
        QTest::newRow("71 tokens") << qint64{71};
    }
    void invalidExpertLeftUnwritten() {
        QFETCH(qint64, n_tokens);
        QString reason;
        VulkanDevice* device = test_device(reason);
        if (!device) QSKIP(qPrintable(reason));
        const TensorType type = TensorType::Q4_0;
        const std::int64_t n_in = n_in_for(type), n_slots = kUsed * n_tokens;
        const std::vector<unsigned char> w = test::random_weights(type, n_in, kOut * kExperts, 31);
        const std::vector<float> x = test::gaussian(static_cast<std::size_t>(n_in * n_tokens), 32);
        std::vector<std::int32_t> ids = routed_ids(n_tokens, 33);
        ids[1] = -1;
        ids.back() = static_cast<std::int32_t>(kExperts);

        bool guards = false;
        const std::vector<float> got = run_on_device(
            *device, type, {n_in, kOut, kExperts, 1}, w, x, {n_in, n_tokens, 1, 1},
            {kOut, n_slots, 1, 1}, guards,
            [&](const DeviceTensor& wt, const DeviceTensor& xt, const DeviceTensor& out) {
                vulkan::mul_mat_id(*device, wt, xt, ids, kUsed, out);
            });
        QVERIFY2(!device->failed(), device->error().c_str());
        QVERIFY(guards);
        const auto valid = [&](std::int64_t slot) {
            const std::int32_t e = ids[static_cast<std::size_t>(slot)];
            return e >= 0 && e < kExperts;
        };
        const Expected exact = exact_product(
            dequantized(type, w, n_in, kOut * kExperts), x, n_in, n_slots,
            [&](std::int64_t slot) {
                return valid(slot) ? ids[static_cast<std::size_t>(slot)] : 0;
            },
            [&](std::int64_t slot) { return slot / kUsed; });
        const double bound = 2.0 * static_cast<double>(n_in) * std::ldexp(1.0, -24);
        for (std::int64_t slot = 0; slot < n_slots; ++slot)
            for (std::int64_t r = 0; r < kOut; ++r) {
                const auto i = static_cast<std::size_t>(slot * kOut + r);
                if (!valid(slot))
                    QCOMPARE(got[i], kUnwritten);
                else
                    QVERIFY(std::fabs(got[i] - exact.value[i]) <= bound * exact.scale[i]);
            }
    }

    // Weights split across bindings, and grids folded past the x limit. Q8_0 (34-byte
    // blocks) and MXFP4 (17): rows whose byte size leaves chunk offsets unaligned.
    // "10 rows, x<=4": 7 chunks (ID: 34, some inside an expert), vec grids fold into y.
    // "200 rows, x<=1": 1..2 chunks of up to 4 row tiles, tiled grids fold into z.
    void splitAcrossBindings_data() {
        QTest::addColumn<TensorType>("type");
        QTest::addColumn<qint64>("n_tokens");
        QTest::addColumn<qint64>("chunk_rows");
        QTest::addColumn<uint>("max_groups_x");
        for (const TensorType type :
             {TensorType::Q8_0, TensorType::MXFP4, TensorType::Q5_K, TensorType::F16})
            for (const qint64 n_tokens : {3, 71}) {
                QTest::addRow("%s/%lld/10 rows, x<=4", quant::tensor_type_name(type).data(),
                              n_tokens)
                    << type << n_tokens << qint64{10} << 4u;
                QTest::addRow("%s/%lld/200 rows, x<=1", quant::tensor_type_name(type).data(),
                              n_tokens)
                    << type << n_tokens << qint64{200} << 1u;
            }
    }
    void splitAcrossBindings() {
        QFETCH(TensorType, type);
        QFETCH(qint64, n_tokens);
        QFETCH(qint64, chunk_rows);
        QFETCH(uint, max_groups_x);
        const MatmulLimits limits = small_limits(type, chunk_rows, max_groups_x);
        check_mul_mat(type, n_tokens, &limits);
        if (QTest::currentTestFailed()) return;
        check_mul_mat_id(type, n_tokens, true, &limits);
        if (QTest::currentTestFailed()) return;
        check_mul_mat_id(type, n_tokens, false, &limits);
    }
};

QTEST_GUILESS_MAIN(TestVulkanMatmul)
#include "test_vulkan_matmul.moc"
