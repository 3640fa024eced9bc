// The placement policy on real GGUF files written by our writer: everything on the GPU
// when it fits; otherwise routed experts leave first, layer by layer from the first, then
// dense feed-forward matrices, then whole layers, then the output; the KV cache and the
// activations are reserved before any weight; deepseek2's per-head attention matrices
// (attn_k_b, attn_v_b: 3-D like experts) stay with the attention, its selection bias with the
// router and its shared experts with the dense feed-forward. Also the size syntax of
// --gpu-budget.

#include "gguf/gguf_file.h"
#include "runtime/placement.h"
#include "tiny_deepseek2.h"
#include "tiny_models.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace conclave;
using namespace conclave::runtime;

namespace {

std::uint64_t bytes_where(const Placement& p, Device where, std::string_view part = {}) {
    std::uint64_t total = 0;
    for (const PlacedTensor& t : p.tensors)
        if (t.where == where && (part.empty() || t.name.find(part) != std::string::npos)) total += t.bytes;
    return total;
}

std::uint64_t all_bytes(const gguf::GgufFile& f) {
    std::uint64_t total = 0;
    for (const gguf::TensorInfo& t : f.tensors()) total += t.n_bytes;
    return total;
}

} // namespace

class TestPlacement : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<gguf::GgufFile> m_moe, m_dense_tied;

private slots:
    void initTestCase() {
        test::TinyDecoder moe;
        moe.arch = "qwen3moe";
        moe.n_layer = 4;
        moe.n_expert = 8;
        moe.n_expert_used = 2;
        const std::string moe_path = (m_dir.path() + "/moe.gguf").toStdString();
        QVERIFY(test::write_tiny_decoder(moe, moe_path));
        m_moe = std::move(gguf::GgufFile::open(moe_path).value());
        test::TinyDecoder dense;
        dense.n_layer = 3;
        dense.tied_output = true;
        const std::string dense_path = (m_dir.path() + "/dense.gguf").toStdString();
        QVERIFY(test::write_tiny_decoder(dense, dense_path));
        m_dense_tied = std::move(gguf::GgufFile::open(dense_path).value());
    }

    void everythingFitsOnTheGpu() {
        const Placement p = plan_placement(*m_moe, {1ull << 30, 1000, 2000});
        QVERIFY(p.gpu_used && p.kv_on_gpu);
        QCOMPARE(p.cpu_weight_bytes, std::uint64_t{0});
        QCOMPARE(p.expert_layers_on_cpu, 0);
        // The untied token embedding is only looked up, on the CPU.
        QVERIFY(!p.on_gpu("token_embd.weight"));
        QCOMPARE(p.gpu_weight_bytes + p.lookup_bytes, all_bytes(*m_moe));
        QVERIFY(p.describe().size() >= 3);
        QVERIFY(p.describe()[2] == "Everything is on the GPU.");
    }

    // Just short of everything: only the first layer's experts move.
    void expertsLeaveFirstLayerByLayer() {
        const Placement all = plan_placement(*m_moe, {1ull << 30, 1000, 2000});
        const std::uint64_t budget = all.gpu_total() - 1;
        const Placement p = plan_placement(*m_moe, {budget, 1000, 2000});
        QCOMPARE(p.expert_layers_on_cpu, 1);
        QCOMPARE(p.layers_on_cpu, 0);
        QVERIFY(p.gpu_total() <= budget);
        for (const PlacedTensor& t : p.tensors) {
            const bool moved = t.name.starts_with("blk.0.") && t.name.find("_exps") != std::string::npos;
            if (t.name != "token_embd.weight") QCOMPARE(t.where == Device::cpu, moved);
        }
        const auto lines = p.describe();
        QVERIFY(std::any_of(lines.begin(), lines.end(), [](const std::string& l) { return l.find("Routed experts of layer 0 on the CPU") == 0; }));
    }

    // Room for the attention weights only: every layer's experts on the CPU, attention,
    // norms and router all on the GPU.
    void allExpertsOnTheCpuKeepAttentionOnTheGpu() {
        const Placement all = plan_placement(*m_moe, {1ull << 30, 1000, 2000});
        const std::uint64_t experts = bytes_where(all, Device::gpu, "_exps");
        const Placement p = plan_placement(*m_moe, {all.gpu_total() - experts, 1000, 2000});
        QCOMPARE(p.expert_layers_on_cpu, 4);
        QCOMPARE(p.layers_on_cpu, 0);
        QCOMPARE(bytes_where(p, Device::gpu, "_exps"), std::uint64_t{0});
        QVERIFY(p.on_gpu("blk.3.attn_q.weight") && p.on_gpu("blk.0.ffn_gate_inp.weight") && p.on_gpu("output.weight"));
    }

    void thenWholeLayersThenTheOutput() {
        const Placement all = plan_placement(*m_moe, {1ull << 30, 1000, 2000});
        const std::uint64_t experts = bytes_where(all, Device::gpu, "_exps");
        const Placement some = plan_placement(*m_moe, {all.gpu_total() - experts - 1, 1000, 2000});
        QCOMPARE(some.layers_on_cpu, 1);
        QVERIFY(!some.on_gpu("blk.0.attn_q.weight") && some.on_gpu("blk.1.attn_q.weight"));
        const Placement none = plan_placement(*m_moe, {3000 + 100, 1000, 2000});
        QCOMPARE(none.layers_on_cpu, 4);
        QVERIFY(none.output_on_cpu);
        QVERIFY(none.gpu_used && none.kv_on_gpu);
        QVERIFY(none.gpu_total() <= 3100);
    }

    void kvAndActivationsAreReservedFirst() {
        const Placement no_kv = plan_placement(*m_moe, {2500, 1000, 2000});
        QVERIFY(no_kv.gpu_used);
        QVERIFY(!no_kv.kv_on_gpu);
        const auto lines = no_kv.describe();
        QVERIFY(std::any_of(lines.begin(), lines.end(), [](const std::string& l) { return l.find("attention runs on the CPU") != std::string::npos; }));
        const Placement nothing = plan_placement(*m_moe, {1999, 1000, 2000});
        QVERIFY(!nothing.gpu_used);
        QCOMPARE(nothing.gpu_weight_bytes, std::uint64_t{0});
    }

    // Tied embeddings are the output matrix too: they go to the GPU.
    void tiedEmbeddingsAreTheOutput() {
        const Placement p = plan_placement(*m_dense_tied, {1ull << 30, 1000, 2000});
        QVERIFY(p.on_gpu("token_embd.weight"));
        QCOMPARE(p.lookup_bytes, std::uint64_t{0});
        const Placement all = plan_placement(*m_dense_tied, {1ull << 30, 1000, 2000});
        const Placement dense = plan_placement(*m_dense_tied, {all.gpu_total() - 1, 1000, 2000});
        QCOMPARE(dense.ffn_layers_on_cpu, 1);
        QCOMPARE(dense.layers_on_cpu, 0);
        QVERIFY(!dense.on_gpu("blk.0.ffn_up.weight") && dense.on_gpu("blk.0.attn_q.weight"));
    }

    // DeepSeek V3 in miniature: routed experts leave first; the per-head attn_k_b / attn_v_b,
    // the router with its selection bias and the shared experts stay. Then the dense
    // feed-forward (layer 0's dense FFN and the shared experts) before any attention weight.
    void deepseek2TensorsLeaveInTheirStage() {
        const std::string path = (m_dir.path() + "/deepseek3.gguf").toStdString();
        QVERIFY(test::write_tiny_deepseek2(test::tiny_deepseek3(), path));
        const auto file = std::move(gguf::GgufFile::open(path).value());
        const Placement all = plan_placement(*file, {1ull << 30, 1000, 2000});
        const std::uint64_t experts = bytes_where(all, Device::gpu, "_exps");
        QVERIFY(experts > 0);
        const Placement p = plan_placement(*file, {all.gpu_total() - experts, 1000, 2000});
        QCOMPARE(bytes_where(p, Device::gpu, "_exps"), std::uint64_t{0});
        QCOMPARE(p.layers_on_cpu, 0);
        QCOMPARE(p.ffn_layers_on_cpu, 0);
        // Layer 0 is dense: the explanation names the layers that have routed experts.
        QCOMPARE(p.first_expert_layer, 1);
        const auto lines = p.describe();
        QVERIFY2(std::any_of(lines.begin(), lines.end(), [&](const std::string& l) {
                     return l.starts_with("Routed experts of layers 1-" + std::to_string(p.n_layer - 1) + " on the CPU");
                 }),
                 lines.size() > 3 ? lines[3].c_str() : "");
        for (const char* name : {"blk.2.attn_k_b.weight", "blk.2.attn_v_b.weight", "blk.2.attn_kv_a_mqa.weight",
                                 "blk.2.exp_probs_b.bias", "blk.2.ffn_gate_inp.weight", "blk.2.ffn_gate_shexp.weight",
                                 "blk.2.ffn_down_shexp.weight", "blk.0.ffn_up.weight"})
            QVERIFY2(p.on_gpu(name), name);
        // Layers 0 and 1's dense stage: layer 0's dense FFN, layer 1's shared experts.
        std::uint64_t dense = 0;
        for (const char* name : {"blk.0.ffn_gate.weight", "blk.0.ffn_up.weight", "blk.0.ffn_down.weight",
                                 "blk.1.ffn_gate_shexp.weight", "blk.1.ffn_up_shexp.weight", "blk.1.ffn_down_shexp.weight"}) {
            QVERIFY2(file->find_tensor(name), name);
            dense += file->find_tensor(name)->n_bytes;
        }
        const Placement q = plan_placement(*file, {all.gpu_total() - experts - dense, 1000, 2000});
        QCOMPARE(q.layers_on_cpu, 0);
        QCOMPARE(q.ffn_layers_on_cpu, 2);
        QVERIFY(!q.on_gpu("blk.0.ffn_up.weight") && !q.on_gpu("blk.1.ffn_gate_shexp.weight"));
        for (const char* name : {"blk.0.attn_k_b.weight", "blk.1.attn_v_b.weight", "blk.1.exp_probs_b.bias", "blk.1.ffn_gate_inp.weight",
                                 "blk.2.ffn_up_shexp.weight"})
            QVERIFY2(q.on_gpu(name), name);
    }

    void byteSizes() {
        QCOMPARE(parse_byte_size("4GiB").value_or(0), 4ull << 30);
        QCOMPARE(parse_byte_size("512MiB").value_or(0), 512ull << 20);
        QCOMPARE(parse_byte_size("1.5G").value_or(0), 3ull << 29);
        QCOMPARE(parse_byte_size("800m").value_or(0), 800ull << 20);
        QCOMPARE(parse_byte_size("123456").value_or(0), 123456ull);
        QVERIFY(!parse_byte_size("").has_value());
        QVERIFY(!parse_byte_size("GiB").has_value());
        QVERIFY(!parse_byte_size("4 parsecs").has_value());
        QVERIFY(!parse_byte_size("-1G").has_value());
        QCOMPARE(format_bytes(3ull << 29), std::string("1.50 GiB"));
    }
};

QTEST_GUILESS_MAIN(TestPlacement)
#include "test_placement.moc"
