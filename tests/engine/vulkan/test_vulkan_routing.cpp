// Expert routing on Vulkan (shaders/route.comp) against the CPU backend's route op, which runs
// the host reference (backend/expert_routing.cpp): every gating (softmax, sigmoid,
// sqrt-softplus), with and without the selection-only bias, group-limited choice scored by the
// best or the best two experts, with and without normalization, scaled, and hash routing from
// a fixed table; expert counts 6 to 1024, 1 to 8 used, 1 to 300 tokens; random logits and
// logits drawn from a few values, so many experts tie. The chosen ids must be identical (same
// order, ties to the lower id) and the weights within 1e-6 (relative above 1); sentinels guard
// every output.

#include "op_check.h"
#include "vulkan_test_device.h"

#include "backend/cpu/cpu_backend.h"
#include "backend/vulkan/vulkan_backend.h"
#include "backend/vulkan/vulkan_ops.h"
#include "core/thread_pool.h"

#include <QtTest>

#include <cmath>
#include <cstring>

using namespace conclave;
using namespace conclave::vulkan;
using namespace conclave::vulkan::testing;

namespace {

// A row of the table: one model family's routing at one size.
struct Case {
    RoutingSpec spec;
    int n_tokens = 1;
    bool bias = false;
    bool fixed = false; // hash routing: the ids come from a table
    bool ties = false;  // logits (and bias) from a few values: many exact ties
};

std::vector<float> ties_of(std::vector<float> values, float step) {
    for (float& v : values) v = std::round(v / step) * step;
    return values;
}

// Floats of a guarded output read back as the int32 ids they hold.
std::vector<std::int32_t> as_ids(const std::vector<float>& bits) {
    std::vector<std::int32_t> ids(bits.size());
    std::memcpy(ids.data(), bits.data(), bits.size() * sizeof(float));
    return ids;
}

} // namespace

Q_DECLARE_METATYPE(Case)

class TestVulkanRouting : public QObject {
    Q_OBJECT

    VulkanDevice* m_device = nullptr;
    QString m_reason;
    ThreadPool m_pool{2};
    cpu::CpuBackend m_cpu{m_pool};

    static void add(const char* family, const Case& c) {
        QTest::addRow("%s %d experts, %d used, %d tokens%s", family, c.spec.n_expert, c.spec.n_used, c.n_tokens,
                      c.ties ? ", ties" : "")
            << c;
    }

private slots:
    void init() {
        m_device = test_device(m_reason);
        if (!m_device) QSKIP(qPrintable("no Vulkan device: " + m_reason));
    }

    void routeMatchesTheCpu_data() {
        QTest::addColumn<Case>("c");
        for (const bool ties : {false, true}) {
            for (const int n_expert : {6, 32, 64, 128, 256}) {
                for (const int n_used : {1, 2, 4, 6, 8}) {
                    if (n_used > n_expert) continue;
                    const int n_tokens = n_expert == 256 ? 33 : 7;
                    const int n_group = n_expert % 8 == 0 ? 8 : 2;
                    // Mixtral, Qwen-MoE (softmax, top-k renormalized) and OLMoE / Qwen2-MoE (not).
                    add("softmax", {{n_expert, n_used, ExpertGating::softmax, true, 1.0f}, n_tokens, false, false, ties});
                    add("softmax raw", {{n_expert, n_used, ExpertGating::softmax, false, 1.0f}, n_tokens, false, false, ties});
                    // DeepSeek V2: softmax, the best groups by their best expert, scaled.
                    if (n_used <= n_expert / n_group * (n_group / 2))
                        add("deepseek2 groups",
                            {{n_expert, n_used, ExpertGating::softmax, false, 16.0f, n_group, n_group / 2, GroupScore::best},
                             n_tokens, false, false, ties});
                    // DeepSeek V3: sigmoid, selection bias, groups by their best two, normalized and scaled.
                    if (n_used <= n_expert / n_group * (n_group / 2))
                        add("deepseek3 groups",
                            {{n_expert, n_used, ExpertGating::sigmoid, true, 2.5f, n_group, n_group / 2,
                              GroupScore::best_two},
                             n_tokens, true, false, ties});
                    add("sigmoid bias", {{n_expert, n_used, ExpertGating::sigmoid, true, 1.0f}, n_tokens, true, false, ties});
                    // DeepSeek V4: sqrt(softplus), selection bias, normalized and scaled; its first
                    // layers hash-route.
                    add("deepseek4", {{n_expert, n_used, ExpertGating::sqrt_softplus, true, 1.5f}, n_tokens, true, false, ties});
                    add("deepseek4 hash", {{n_expert, n_used, ExpertGating::sqrt_softplus, true, 1.5f}, n_tokens, false, true, ties});
                    add("softmax hash", {{n_expert, n_used, ExpertGating::softmax, false, 1.0f}, n_tokens, false, true, ties});
                }
            }
        }
        // Many tokens (a prompt), DeepSeek V3's full shape, and the widest the kernel takes.
        add("deepseek3 groups",
            {{256, 8, ExpertGating::sigmoid, true, 2.5f, 8, 4, GroupScore::best_two}, 300, true, false, false});
        add("softmax", {{128, 8, ExpertGating::softmax, true, 1.0f}, 300, false, false, true});
        add("softmax", {{1024, 8, ExpertGating::softmax, true, 1.0f}, 5, false, false, false});
        add("deepseek4", {{1024, 8, ExpertGating::sqrt_softplus, true, 1.5f}, 5, true, false, true});
    }

    // Bound: ids exact; weights within 1e-6 absolute, relative above 1 (DeepSeek V2 scales by
    // 16, where one ulp is 9.5e-7). The kernel forms every score with correctly rounded
    // division and sqrt and an exp/log1p within about an ulp of the CPU's, and adds in the
    // host's order, so the weights differ by an ulp or two (measured on lavapipe: 1.9e-7
    // relative); a wrong gating, bias, group rule, normalization or tie rule moves them by far
    // more or changes an id.
    void routeMatchesTheCpu() {
        QFETCH(Case, c);
        const RoutingSpec& spec = c.spec;
        const int n_slots = spec.n_used * c.n_tokens;
        const auto seed = static_cast<std::uint32_t>(spec.n_expert * 131 + spec.n_used * 7 + c.n_tokens);
        std::vector<float> logits = random_floats(static_cast<std::size_t>(spec.n_expert) * c.n_tokens, seed, 3.0f);
        std::vector<float> bias = random_floats(static_cast<std::size_t>(spec.n_expert), seed + 1, 0.3f);
        if (c.ties) {
            logits = ties_of(logits, 0.5f);
            bias = ties_of(bias, 0.25f);
        }
        std::vector<std::int32_t> fixed;
        if (c.fixed)
            for (int i = 0; i < n_slots; ++i) fixed.push_back(static_cast<std::int32_t>((i * 37 + seed) % spec.n_expert));

        const std::array<std::int64_t, 4> logits_ne{spec.n_expert, c.n_tokens, 1, 1}, out_ne{spec.n_used, c.n_tokens, 1, 1};
        GuardedF32 dlogits = upload_guarded(*m_device, logits, logits_ne);
        GuardedF32 dbias = upload_guarded(*m_device, bias, {spec.n_expert, 1, 1, 1});
        GuardedF32 dids = upload_guarded(*m_device, std::vector<float>(static_cast<std::size_t>(n_slots), 0.0f), out_ne);
        GuardedF32 dweights = upload_guarded(*m_device, std::vector<float>(static_cast<std::size_t>(n_slots), 0.0f), out_ne);
        dids.tensor.type = quant::TensorType::I32;
        QVERIFY(route_supported(spec));
        vulkan::route(*m_device, {dlogits.tensor, c.bias ? dbias.tensor : DeviceTensor{}, dids.tensor, dweights.tensor},
                      fixed, spec);

        std::vector<unsigned char> want_id_bytes(static_cast<std::size_t>(n_slots) * 4);
        std::vector<float> want_weights(static_cast<std::size_t>(n_slots));
        Tensor want_ids = host_bytes(want_id_bytes, quant::TensorType::I32, out_ne);
        Tensor want_w = host_tensor(want_weights, out_ne);
        m_cpu.route(host_tensor(logits, logits_ne), c.bias ? host_tensor(bias, {spec.n_expert, 1, 1, 1}) : Tensor{}, fixed,
                    spec, want_ids, want_w);

        bool intact = false;
        const std::vector<std::int32_t> got_ids = as_ids(download_guarded(*m_device, dids, intact));
        QVERIFY2(intact, "a sentinel next to the ids was overwritten");
        const std::vector<float> got_weights = download_guarded(*m_device, dweights, intact);
        QVERIFY2(intact, "a sentinel next to the weights was overwritten");
        QCOMPARE(download_guarded(*m_device, dlogits, intact), logits);
        std::vector<std::int32_t> expected_ids(static_cast<std::size_t>(n_slots));
        std::memcpy(expected_ids.data(), want_id_bytes.data(), want_id_bytes.size());
        QCOMPARE(got_ids, expected_ids);
        double worst_relative = 0.0;
        for (std::size_t i = 0; i < want_weights.size(); ++i)
            if (want_weights[i] != 0.0f)
                worst_relative = std::max(worst_relative, std::fabs(double(got_weights[i]) - want_weights[i]) /
                                                              std::fabs(double(want_weights[i])));
        const double max_error = max_abs_error(got_weights, want_weights);
        std::vector<double> allowed(want_weights.size());
        for (std::size_t i = 0; i < allowed.size(); ++i) allowed[i] = 1e-6 * std::max(1.0, std::fabs(double(want_weights[i])));
        const double ratio = worst_ratio(got_weights, want_weights, allowed);
        qInfo("weights: max |error| %.3g, max relative %.3g, worst / bound %.3g", max_error, worst_relative, ratio);
        QVERIFY2(ratio <= 1.0, qPrintable(QString("weight error %1 times the bound").arg(ratio)));
    }

    // The backend's op: routing runs on the GPU where the logits are (the bias a weight in host
    // memory, copied up on first use), and the expert ops read its outputs there; a routing the
    // kernel does not take (2048 experts) runs on the CPU. Both give the CPU backend's choice.
    void backendRoutesWhereTheLogitsAre_data() {
        QTest::addColumn<int>("n_expert");
        QTest::addColumn<bool>("on_gpu");
        QTest::addRow("256 experts: the kernel") << 256 << true;
        QTest::addRow("2048 experts: the CPU") << 2048 << false;
    }
    void backendRoutesWhereTheLogitsAre() {
        QFETCH(int, n_expert);
        QFETCH(bool, on_gpu);
        // The router: an identity matrix on the device, so its output (the logits, exactly)
        // is valid there only, as a real router's is.
        std::vector<float> identity(static_cast<std::size_t>(n_expert) * n_expert, 0.0f);
        for (int e = 0; e < n_expert; ++e) identity[static_cast<std::size_t>(e) * n_expert + e] = 1.0f;
        const HostWeight router{reinterpret_cast<const unsigned char*>(identity.data()), identity.size() * sizeof(float)};
        auto device = VulkanDevice::open(m_device->info().device.index);
        QVERIFY(device.ok());
        auto backend = VulkanBackend::create(std::move(device.value()), m_pool, std::span(&router, 1), true, 1 << 20);
        QVERIFY(backend.ok());
        VulkanBackend& b = **backend;
        const RoutingSpec spec{n_expert, 8, ExpertGating::sigmoid, true, 2.5f, 8, 4, GroupScore::best_two};
        const int n_tokens = 5;
        std::vector<float> logits = random_floats(static_cast<std::size_t>(n_expert) * n_tokens, 91, 3.0f);
        std::vector<float> bias = random_floats(static_cast<std::size_t>(n_expert), 92, 0.3f);
        const Tensor bias_weight = host_tensor(bias, {n_expert, 1, 1, 1}); // host memory, as a mapped weight
        Tensor x = b.scratch(quant::TensorType::F32, {n_expert, n_tokens, 1, 1});
        b.upload(x, logits.data(), logits.size() * sizeof(float));
        Tensor device_logits = b.scratch(quant::TensorType::F32, {n_expert, n_tokens, 1, 1});
        b.mul_mat(host_tensor(identity, {n_expert, n_expert, 1, 1}), x, device_logits);
        Tensor ids = b.scratch(quant::TensorType::I32, {8, n_tokens, 1, 1});
        Tensor weights = b.scratch(quant::TensorType::F32, {8, n_tokens, 1, 1});
        b.reset_traffic();
        b.route(device_logits, bias_weight, {}, spec, ids, weights);
        QCOMPARE(b.traffic().gpu_routes, on_gpu ? std::uint64_t{1} : std::uint64_t{0});
        QCOMPARE(b.traffic().downloads, on_gpu ? std::uint64_t{0} : std::uint64_t{1}); // the logits, for the CPU
        // The weights combine rows on the device: moe_combine with one-float rows returns them.
        std::vector<float> ones(static_cast<std::size_t>(8 * n_tokens), 1.0f);
        Tensor unit = b.scratch(quant::TensorType::F32, {1, 8 * n_tokens, 1, 1});
        b.upload(unit, ones.data(), ones.size() * sizeof(float));
        Tensor sums = b.scratch(quant::TensorType::F32, {1, n_tokens, 1, 1});
        b.moe_combine(unit, weights, 8, sums);
        QVERIFY(b.status().ok());

        std::vector<unsigned char> want_id_bytes(static_cast<std::size_t>(8 * n_tokens) * 4);
        std::vector<float> want_weights(static_cast<std::size_t>(8 * n_tokens));
        Tensor want_ids = host_bytes(want_id_bytes, quant::TensorType::I32, {8, n_tokens, 1, 1});
        Tensor want_w = host_tensor(want_weights, {8, n_tokens, 1, 1});
        m_cpu.route(host_tensor(logits, {n_expert, n_tokens, 1, 1}), bias_weight, {}, spec, want_ids, want_w);
        std::vector<std::int32_t> got_ids(want_id_bytes.size() / 4), expected_ids(got_ids.size());
        std::vector<float> got_weights(want_weights.size()), got_sums(static_cast<std::size_t>(n_tokens));
        b.download(ids, got_ids.data(), got_ids.size() * 4);
        b.download(weights, got_weights.data(), got_weights.size() * 4);
        b.download(sums, got_sums.data(), got_sums.size() * 4);
        std::memcpy(expected_ids.data(), want_id_bytes.data(), want_id_bytes.size());
        QCOMPARE(got_ids, expected_ids);
        QVERIFY(max_abs_error(got_weights, want_weights) <= 2.5e-6); // scale 2.5: an ulp or two
        for (int t = 0; t < n_tokens; ++t) // normalized then scaled: each token's weights add up to 2.5
            QVERIFY(std::fabs(got_sums[static_cast<std::size_t>(t)] - 2.5f) < 1e-5f);
    }

    // Without a kernel for a layer's routing (more experts or slots than shared memory holds),
    // the backend routes on the host.
    void oversizedRoutingIsNotSupported() {
        QVERIFY(!route_supported({2048, 8, ExpertGating::softmax, true, 1.0f}));
        QVERIFY(!route_supported({256, 65, ExpertGating::softmax, true, 1.0f}));
        QVERIFY(!route_supported({256, 8, ExpertGating::softmax, true, 1.0f, 128, 4, GroupScore::best}));
        QVERIFY(route_supported({256, 8, ExpertGating::sigmoid, true, 2.5f, 8, 4, GroupScore::best_two}));
    }
};

QTEST_GUILESS_MAIN(TestVulkanRouting)
#include "test_vulkan_routing.moc"
