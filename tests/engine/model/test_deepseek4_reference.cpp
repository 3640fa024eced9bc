// The deepseek4 (DeepSeek V4) test infrastructure checked on its own, before any engine runs
// the architecture: the tiny files carry the tensors and keys of design/deepseek4.md, the
// scalar reference (reference_deepseek4.h) gives llama.cpp's logits for them at every
// position of a prompt long enough for compression and the indexer, the mixed model's prompt
// really makes the indexer choose, and a header-only V4-Flash is counted as published.

#include "gguf/gguf_file.h"
#include "gguf/gguf_summary.h"
#include "reference_decoder.h"
#include "reference_deepseek4.h"
#include "tiny_deepseek4.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>
#include <algorithm>
#include <cstdint>
#include <map>

using namespace conclave;

namespace {

// An I32 token-to-experts table: per token id, n_used distinct ids below n_expert.
bool valid_hash_table(const gguf::TensorInfo& table, std::size_t n_used, std::int32_t n_expert) {
    if (table.type != quant::TensorType::I32 || table.shape[0] != n_used) return false;
    const auto* ids = reinterpret_cast<const std::int32_t*>(table.data);
    for (std::uint64_t t = 0; t < table.shape[1]; ++t) {
        std::vector<std::int32_t> row(ids + t * n_used, ids + (t + 1) * n_used);
        std::sort(row.begin(), row.end());
        if (row.front() < 0 || row.back() >= n_expert) return false;
        if (std::adjacent_find(row.begin(), row.end()) != row.end()) return false;
    }
    return true;
}

} // namespace

class TestDeepSeek4Reference : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    std::string write(const test::TinyDeepSeek4& spec, const QString& name) {
        const std::string path =
            (m_dir.path() + '/' + name + QStringLiteral(".gguf")).toStdString();
        return test::write_tiny_deepseek4(spec, path) ? path : std::string();
    }

private slots:
    // The mixed file against design/deepseek4.md sections 2 and 3: the keys a loader requires,
    // the per-layer tensor sets (compressor only where the ratio is 4 or 128, indexer only at
    // 4, the token table only in hash-routed layers, the bias elsewhere) with their shapes, and
    // a token table of distinct valid expert ids.
    void filesHaveTheDocumentedTensors() {
        const test::TinyDeepSeek4 s = test::tiny_deepseek4();
        const std::string path = write(s, QStringLiteral("layout"));
        QVERIFY(!path.empty());
        auto opened = gguf::GgufFile::open(path);
        QVERIFY(opened.ok());
        const gguf::GgufFile& f = **opened;
        for (const char* key : {"context_length",
                                "embedding_length",
                                "block_count",
                                "attention.compress_rope_freq_base",
                                "attention.layer_norm_rms_epsilon",
                                "attention.q_lora_rank",
                                "attention.sliding_window",
                                "attention.compress_ratios",
                                "attention.output_group_count",
                                "attention.output_lora_rank",
                                "attention.indexer.head_count",
                                "attention.indexer.key_length",
                                "attention.indexer.top_k",
                                "hyper_connection.count",
                                "hyper_connection.sinkhorn_iterations",
                                "hyper_connection.epsilon",
                                "hash_layer_count",
                                "expert_feed_forward_length",
                                "expert_shared_count",
                                "expert_weights_scale",
                                "expert_weights_norm",
                                "expert_gating_func",
                                "swiglu_clamp_exp",
                                "swiglu_clamp_shexp"})
            QVERIFY2(f.find(std::string("deepseek4.") + key), key);
        QCOMPARE(f.get_uint("deepseek4.expert_gating_func").value_or(0), std::uint64_t{4});
        QCOMPARE(f.find("deepseek4.swiglu_clamp_shexp")->size(), std::uint64_t{4});

        const auto shape = [&](const std::string& name) {
            const gguf::TensorInfo* t = f.find_tensor(name);
            std::vector<std::uint64_t> ne;
            if (t) ne.assign(t->shape.begin(), t->shape.begin() + t->n_dims);
            return ne;
        };
        using Ne = std::vector<std::uint64_t>;
        const std::uint64_t e = 64, hd = 64, V = 97, E = 16;
        QCOMPARE(shape("output_hc_fn.weight"), (Ne{4 * e, 4}));
        QCOMPARE(shape("output_hc_scale.weight"), (Ne{1}));
        QCOMPARE(shape("output.weight"), (Ne{e, V}));
        std::size_t expected_tensors = 6;
        for (int l = 0; l < s.n_layer(); ++l) {
            const std::string p = "blk." + std::to_string(l) + ".";
            const int ratio = s.compress_ratios[static_cast<std::size_t>(l)];
            QCOMPARE(shape(p + "hc_attn_fn.weight"), (Ne{4 * e, 24}));
            QCOMPARE(shape(p + "hc_ffn_scale.weight"), (Ne{3}));
            QCOMPARE(shape(p + "attn_q_b.weight"), (Ne{64, 4 * hd}));
            QCOMPARE(shape(p + "attn_kv.weight"), (Ne{e, hd}));
            QCOMPARE(shape(p + "attn_sinks.weight"), (Ne{4}));
            QCOMPARE(shape(p + "attn_output_a.weight"), (Ne{4 * hd / 2, 2 * 16}));
            QCOMPARE(shape(p + "attn_output_b.weight"), (Ne{2 * 16, e}));
            QCOMPARE(shape(p + "ffn_down_exps.weight"), (Ne{32, e, E}));
            QCOMPARE(shape(p + "ffn_gate_shexp.weight"), (Ne{e, 32}));
            const std::uint64_t c = ratio == 4 ? 2 : 1;
            QCOMPARE(shape(p + "attn_compressor_ape.weight"),
                     ratio == 0 ? Ne{} : (Ne{c * hd, static_cast<std::uint64_t>(ratio)}));
            QCOMPARE(shape(p + "attn_compressor_kv.weight"), ratio == 0 ? Ne{} : (Ne{e, c * hd}));
            QCOMPARE(shape(p + "indexer.attn_q_b.weight"), ratio == 4 ? (Ne{64, 8 * 64}) : Ne{});
            QCOMPARE(shape(p + "indexer_compressor_ape.weight"), ratio == 4 ? (Ne{128, 4}) : Ne{});
            QCOMPARE(shape(p + "indexer_compressor_norm.weight"), ratio == 4 ? (Ne{64}) : Ne{});
            const bool hashed = l < s.hash_layer_count;
            QCOMPARE(shape(p + "ffn_gate_tid2eid.weight"), hashed ? (Ne{4, V}) : Ne{});
            QCOMPARE(shape(p + "exp_probs_b.bias"), hashed ? Ne{} : (Ne{E}));
            expected_tensors += 24 + (ratio != 0 ? 4 : 0) + (ratio == 4 ? 6 : 0);
            if (hashed)
                QVERIFY(valid_hash_table(*f.find_tensor(p + "ffn_gate_tid2eid.weight"), 4, 16));
        }
        QCOMPARE(f.tensors().size(), expected_tensors);
    }

    // Files as quantized releases carry them (Q8_0 matrices, MXFP4 routed experts): the types
    // follow llama-quantize's rule (every >= 2-D weight but norms, router and token tables),
    // and the reference reads them to logits near the F32 file's: 4-bit experts and the
    // indexer choices they flip leave a mean NMSE near 0.06 (Q8_0 experts: 8e-3), a misread
    // block type about 1 or more.
    void quantizedFilesKeepTheirTypes() {
        test::TinyDeepSeek4 spec = test::tiny_deepseek4();
        const std::string exact = write(spec, QStringLiteral("f32"));
        spec.matrix_type = quant::TensorType::Q8_0;
        spec.expert_type = quant::TensorType::MXFP4;
        const std::string path = write(spec, QStringLiteral("q8_0-mxfp4"));
        QVERIFY(!exact.empty() && !path.empty());
        auto opened = gguf::GgufFile::open(path);
        QVERIFY(opened.ok());
        const auto type = [&](const char* name) { return (*opened)->find_tensor(name)->type; };
        QCOMPARE(type("token_embd.weight"), quant::TensorType::Q8_0);
        QCOMPARE(type("output_hc_fn.weight"), quant::TensorType::Q8_0);
        QCOMPARE(type("blk.1.hc_attn_fn.weight"), quant::TensorType::Q8_0);
        QCOMPARE(type("blk.1.attn_compressor_ape.weight"), quant::TensorType::Q8_0);
        QCOMPARE(type("blk.1.indexer.proj.weight"), quant::TensorType::Q8_0);
        QCOMPARE(type("blk.1.attn_kv_a_norm.weight"), quant::TensorType::F32);
        QCOMPARE(type("blk.1.hc_attn_base.weight"), quant::TensorType::F32);
        QCOMPARE(type("blk.1.ffn_gate_inp.weight"), quant::TensorType::F32);
        QCOMPARE(type("blk.0.ffn_gate_tid2eid.weight"), quant::TensorType::I32);
        QCOMPARE(type("blk.3.ffn_up_exps.weight"), quant::TensorType::MXFP4);
        const std::vector<int> prompt = test::deepseek4_golden_prompt(spec.n_vocab);
        const auto want = test::reference_deepseek4_logits(exact, prompt);
        const auto got = test::reference_deepseek4_logits(path, prompt);
        QCOMPARE(got.size(), prompt.size());
        double sum = 0;
        for (std::size_t t = 0; t < prompt.size(); ++t) {
            for (const float v : got[t]) QVERIFY(std::isfinite(v));
            sum += test::nmse(want[t], got[t]);
        }
        const double mean = sum / static_cast<double>(prompt.size());
        QVERIFY2(mean < 0.2,
                 qPrintable(QStringLiteral("mean NMSE %1 against the F32 file").arg(mean)));
        qInfo("Q8_0 + MXFP4 against F32: mean NMSE %g", mean);
    }

    // Header-only DeepSeek V4-Flash (Q8_0 matrices, MXFP4 routed experts): our GGUF summary
    // counts what the shapes of the doc give, 284.3 B in all (published: 284 B) and 13.8 B per
    // token (published: 13 B, which leaves out the two 0.53 B embedding tables). The count
    // includes the three hash layers' I32 token tables (2.3 M integers).
    void flashParametersAreCounted() {
        const test::TinyDeepSeek4 spec = test::deepseek_v4_flash_config();
        const std::string path = write(spec, QStringLiteral("flash-header"));
        QVERIFY(!path.empty());
        auto opened = gguf::GgufFile::open(path, {.allow_missing_data = true});
        QVERIFY2(opened.ok(), opened.ok() ? "" : opened.error().message.c_str());
        const gguf::GgufSummary summary = gguf::summarize(**opened);
        const test::Deepseek4ParamCount expected = test::deepseek4_param_count(spec);
        QCOMPARE(expected.total, std::uint64_t{284334567511});
        QCOMPARE(expected.active, std::uint64_t{13801959511});
        QCOMPARE(expected.hash_tables, std::uint64_t{3} * 6 * 129280);
        QCOMPARE(summary.n_params, expected.total);
        QCOMPARE(summary.n_params_active, expected.active);
        QCOMPARE(summary.n_layer, std::uint64_t{43});
        QCOMPARE(summary.n_expert, std::uint64_t{256});
        QCOMPARE(summary.n_expert_shared, std::uint64_t{1});
        // Tiny files with an MTP layer are counted the same way.
        test::TinyDeepSeek4 tiny = test::tiny_deepseek4();
        tiny.n_mtp = 1;
        auto mtp = gguf::GgufFile::open(write(tiny, QStringLiteral("tiny-mtp")));
        QVERIFY(mtp.ok());
        const gguf::GgufSummary tiny_summary = gguf::summarize(**mtp);
        QCOMPARE(tiny_summary.n_params, test::deepseek4_param_count(tiny).total);
        QCOMPARE(tiny_summary.n_params_active, test::deepseek4_param_count(tiny).active);
    }

    // The mixed model's prompt makes the indexer matter: queries see more ratio-4 blocks than
    // top_k, and what it keeps is often not simply the most recent blocks.
    void promptExercisesTheIndexer() {
        const test::TinyDeepSeek4 spec = test::tiny_deepseek4();
        const std::string path = write(spec, QStringLiteral("indexer"));
        const std::vector<int> prompt = test::deepseek4_golden_prompt(spec.n_vocab);
        test::Deepseek4Margins margins;
        const auto logits = test::reference_deepseek4_logits(path, prompt, &margins);
        QCOMPARE(logits.size(), prompt.size());
        QVERIFY(!margins.indexer_choices.empty());
        std::size_t not_recent = 0;
        std::map<int, std::size_t> per_layer;
        for (const auto& choice : margins.indexer_choices) {
            QCOMPARE(choice.blocks.size(), static_cast<std::size_t>(spec.indexer_top_k));
            QVERIFY(choice.n_visible > spec.indexer_top_k);
            ++per_layer[choice.layer];
            if (choice.blocks.front() != choice.n_visible - spec.indexer_top_k) ++not_recent;
        }
        QCOMPARE(per_layer.size(), std::size_t{2}); // layers 1 and 3
        qInfo("%zu indexer choices, %zu of them not the most recent blocks",
              margins.indexer_choices.size(), not_recent);
        QVERIFY2(not_recent * 2 > margins.indexer_choices.size(),
                 qPrintable(QStringLiteral("%1 of %2 choices are not the most recent blocks")
                                .arg(not_recent)
                                .arg(margins.indexer_choices.size())));
        for (const std::vector<float>& row : logits)
            for (const float v : row) QVERIFY(std::isfinite(v));
    }

    // llama.cpp's logits for the same files (our writer, F32, with a vocabulary; recorded by
    // make_deepseek4_golden.py into golden/deepseek4_tiny_llamacpp.json) at every position.
    // A position where a choice was nearly a tie (experts within 1e-4 relative, indexer scores
    // within 1e-4 of the query's largest) may rightly go the other way under float rounding
    // and is not compared; at least 90% of the positions must be.
    // CONCLAVE_KEEP_TINY_MODELS=DIR keeps the files there for the script.
    void matchesLlamaCpp_data() {
        QTest::addColumn<QString>("variant");
        QTest::newRow("window") << "window";
        QTest::newRow("mixed") << "mixed";
    }

    void matchesLlamaCpp() {
        QFETCH(QString, variant);
        const test::TinyDeepSeek4 spec = test::tiny_deepseek4_golden_variant(variant.toStdString());
        const QString file_name = QStringLiteral("deepseek4-%1-llamacpp.gguf").arg(variant);
        const std::string path = write(spec, file_name.chopped(5));
        QVERIFY(!path.empty());
        if (const QString keep = qEnvironmentVariable("CONCLAVE_KEEP_TINY_MODELS");
            !keep.isEmpty()) {
            QFile::remove(keep + '/' + file_name);
            QVERIFY(QFile::copy(QString::fromStdString(path), keep + '/' + file_name));
        }
        const std::vector<int> prompt = test::deepseek4_golden_prompt(spec.n_vocab);
        QFile file(QString::fromUtf8(CONCLAVE_MODEL_GOLDEN_DIR) +
                   QStringLiteral("/deepseek4_tiny_llamacpp.json"));
        QVERIFY2(file.open(QIODevice::ReadOnly), "golden/deepseek4_tiny_llamacpp.json is missing");
        const QJsonObject golden =
            QJsonDocument::fromJson(file.readAll()).object()[variant].toObject();
        const QJsonArray tokens = golden[QStringLiteral("tokens")].toArray();
        QCOMPARE(tokens.size(), static_cast<qsizetype>(prompt.size()));
        for (qsizetype i = 0; i < tokens.size(); ++i)
            QCOMPARE(tokens[i].toInt(), prompt[static_cast<std::size_t>(i)]);

        test::Deepseek4Margins margins;
        const auto reference = test::reference_deepseek4_logits(path, prompt, &margins);
        QCOMPARE(reference.size(), prompt.size());
        const QJsonArray rows = golden[QStringLiteral("logits")].toArray();
        QCOMPARE(rows.size(), static_cast<qsizetype>(prompt.size()));
        double worst = 0.0;
        std::size_t compared = 0;
        for (std::size_t t = 0; t < prompt.size(); ++t) {
            std::vector<float> expected;
            for (const QJsonValue v : rows[static_cast<qsizetype>(t)].toArray())
                expected.push_back(static_cast<float>(v.toDouble()));
            QCOMPARE(expected.size(), static_cast<std::size_t>(spec.n_vocab));
            const double e = test::nmse(expected, reference[t]);
            if (qEnvironmentVariableIsSet("CONCLAVE_PRINT_NMSE"))
                qInfo("position %zu: NMSE %g, routing margin %g, indexer margin %g", t, e,
                      margins.routing[t], margins.indexer[t]);
            if (margins.routing[t] < 1e-4 || margins.indexer[t] < 1e-4) continue;
            ++compared;
            worst = std::max(worst, e);
            QVERIFY2(
                e < 1e-4,
                qPrintable(QStringLiteral("position %1: NMSE %2 against llama.cpp").arg(t).arg(e)));
        }
        QVERIFY2(compared * 10 >= prompt.size() * 9,
                 qPrintable(QStringLiteral("only %1 positions compared").arg(compared)));
        qInfo("worst NMSE against llama.cpp over %zu of %zu positions: %g", compared, prompt.size(),
              worst);
    }
};

QTEST_GUILESS_MAIN(TestDeepSeek4Reference)
#include "test_deepseek4_reference.moc"
