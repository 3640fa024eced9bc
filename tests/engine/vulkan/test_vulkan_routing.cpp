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
