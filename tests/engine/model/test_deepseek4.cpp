// deepseek4 (DeepSeek V4 in miniature, tiny_deepseek4.h) run through the engine and through
// the independent scalar reference (reference_deepseek4.h), and against llama.cpp's logits
// for the same files: window-only and mixed files (ratio 0, 4 and 128 layers, the indexer
// choosing blocks) agree at every position. Also: prompts split into batches of any size,
// token-by-token decoding and prompt-prefix reuse (near the end, and far back where the
// compressor's state comes from its checkpoints) equal one pass; the cache the session
// allocates is what the memory estimate says; the published V4-Flash shape is counted right;
// bad files get clear errors.

#include "conclave/model.h"
#include "conclave/session.h"
#include "golden_logits.h"
#include "logit_agreement.h"
#include "reference_decoder.h"
#include "reference_deepseek4.h"
#include "tiny_deepseek4.h"

#include "gguf/gguf_file.h"
#include "gguf/gguf_writer.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace conclave;
using conclave::quant::TensorType;

namespace {

std::vector<float> row(const std::vector<float>& all, std::size_t index, int n_vocab) {
    return std::vector<float>(all.begin() + static_cast<long>(index) * n_vocab,
                              all.begin() + static_cast<long>(index + 1) * n_vocab);
}

std::vector<std::int32_t> ids(const std::vector<int>& tokens) { return {tokens.begin(), tokens.end()}; }

} // namespace

class TestDeepSeek4 : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    std::string write(const test::TinyDeepSeek4& spec, const QString& name) {
        const std::string path = (m_dir.path() + '/' + name + QStringLiteral(".gguf")).toStdString();
        return test::write_tiny_deepseek4(spec, path) ? path : std::string();
    }

    // Every position's logits of one pass over `tokens`.
    static std::vector<float> all_logits(const Model& model, const std::vector<int>& tokens, SessionOptions options) {
        auto session = Session::create(model, options);
        if (!session.ok()) return {};
        auto logits = (*session)->evaluate(ids(tokens), true);
        return logits.ok() ? *logits : std::vector<float>();
    }

private slots:
    // Against the scalar reference, F32 weights (and Q8_0 weights with a looser bound where no
    // routing or indexer choice is close), F32 and F16 caches.
    void matchesScalarReference_data() {
        QTest::addColumn<QString>("variant");
        QTest::addColumn<TensorType>("type");
        QTest::addColumn<int>("kv_type");
        QTest::addColumn<double>("median_bound");
        QTest::addColumn<double>("worst_bound");
        for (const char* v : {"window", "mixed"}) {
            QTest::addRow("%s-f32", v) << v << TensorType::F32 << static_cast<int>(KvCacheType::f32) << 1e-6 << 1e-5;
            QTest::addRow("%s-f32-f16cache", v) << v << TensorType::F32 << static_cast<int>(KvCacheType::f16) << 1e-5 << 1e-3;
            QTest::addRow("%s-q8_0", v) << v << TensorType::Q8_0 << static_cast<int>(KvCacheType::f32) << 2e-3 << 2e-2;
        }
    }

    void matchesScalarReference() {
        QFETCH(QString, variant);
        QFETCH(TensorType, type);
        QFETCH(int, kv_type);
        QFETCH(double, median_bound);
        QFETCH(double, worst_bound);
        test::TinyDeepSeek4 spec = variant == QLatin1String("window") ? test::tiny_deepseek4_window() : test::tiny_deepseek4();
        spec.matrix_type = type;
        const std::string path = write(spec, QString::fromLatin1(QTest::currentDataTag()));
        QVERIFY(!path.empty());
        auto model = Model::load(path);
        QVERIFY2(model.ok(), model.ok() ? "" : model.error().message.c_str());
        const std::vector<int> prompt = test::deepseek4_golden_prompt(spec.n_vocab);
        const std::vector<float> logits =
            all_logits(**model, prompt, {.n_ctx = 512, .n_threads = 2, .n_batch = 512, .kv_type = static_cast<KvCacheType>(kv_type)});
        QCOMPARE(logits.size(), prompt.size() * static_cast<std::size_t>(spec.n_vocab));
        test::Deepseek4Margins margins;
        const auto expected = test::reference_deepseek4_logits(path, prompt, &margins);
        QCOMPARE(expected.size(), prompt.size());
        // A position where two experts or two indexer blocks were nearly tied may rightly
        // choose the other under rounding: F32 only at exact ties, a half-precision cache's
        // keys move indexer scores by about 1e-3, 8-bit weights and activations router scores
        // by about a percent.
        const bool f32_cache = static_cast<KvCacheType>(kv_type) == KvCacheType::f32;
        const double near = type != TensorType::F32 ? 0.02 : f32_cache ? 1e-4 : 1e-2;
        // A choice flipped at one position also changes the positions that read it (through the
        // window and the compressed keys), so with rounding a few positions may differ beyond
        // the bound; F32 must match everywhere.
        const bool exact = type == TensorType::F32 && f32_cache;
        std::vector<double> errors;
        std::size_t beyond = 0;
        for (std::size_t t = 0; t < prompt.size(); ++t) {
            if (margins.routing[t] < near || margins.indexer[t] < near) continue;
            const double e = test::nmse(expected[t], row(logits, t, spec.n_vocab));
            errors.push_back(e);
            if (e >= worst_bound) ++beyond;
            if (exact) QVERIFY2(e < worst_bound, qPrintable(QStringLiteral("position %1: NMSE %2").arg(t).arg(e)));
        }
        QVERIFY2(errors.size() >= prompt.size() / 5, qPrintable(QStringLiteral("only %1 positions compared").arg(errors.size())));
        QVERIFY2(beyond * 10 <= errors.size(), qPrintable(QStringLiteral("%1 of %2 positions beyond NMSE %3").arg(beyond).arg(errors.size()).arg(worst_bound)));
        std::sort(errors.begin(), errors.end());
        const double median = errors[errors.size() / 2];
        QVERIFY2(median < median_bound, qPrintable(QStringLiteral("median NMSE %1").arg(median)));
        qInfo("NMSE against the scalar reference over %zu positions: median %g, worst %g, %zu beyond %g", errors.size(), median,
              errors.back(), beyond, worst_bound);
    }

    // llama.cpp's logits (golden/deepseek4_tiny_llamacpp.json, make_deepseek4_golden.py) for
    // the same files at every position: an independent peer's reading of the format.
    void matchesLlamaCpp_data() {
        QTest::addColumn<QString>("variant");
        QTest::newRow("window") << "window";
        QTest::newRow("mixed") << "mixed";
    }

    void matchesLlamaCpp() {
        QFETCH(QString, variant);
        const test::TinyDeepSeek4 spec = test::tiny_deepseek4_golden_variant(variant.toStdString());
        const std::string path = write(spec, QStringLiteral("golden-") + variant);
        QVERIFY(!path.empty());
        const std::vector<int> prompt = test::deepseek4_golden_prompt(spec.n_vocab);
        const std::vector<std::vector<float>> expected =
            test::read_golden_logits(QStringLiteral("deepseek4_tiny_llamacpp.json"), variant, prompt);
        QCOMPARE(expected.size(), prompt.size());

        auto model = Model::load(path);
        QVERIFY2(model.ok(), model.ok() ? "" : model.error().message.c_str());
        const std::vector<float> logits = all_logits(**model, prompt, {.n_ctx = 512, .n_threads = 2, .kv_type = KvCacheType::f32});
        QCOMPARE(logits.size(), prompt.size() * static_cast<std::size_t>(spec.n_vocab));
        test::Deepseek4Margins margins;
        QCOMPARE(test::reference_deepseek4_logits(path, prompt, &margins).size(), prompt.size());
        double worst = 0.0;
        std::size_t compared = 0;
        for (std::size_t t = 0; t < prompt.size(); ++t) {
            // Near-ties in routing or the indexer's choice: llama.cpp breaks them its own way.
            if (margins.routing[t] < 1e-4 || margins.indexer[t] < 1e-4) continue;
            const double e = test::nmse(expected[t], row(logits, t, spec.n_vocab));
            worst = std::max(worst, e);
            ++compared;
            QVERIFY2(e < 1e-4, qPrintable(QStringLiteral("position %1: NMSE %2 against llama.cpp").arg(t).arg(e)));
        }
        QVERIFY(compared >= prompt.size() * 9 / 10);
        qInfo("worst NMSE against llama.cpp over %zu positions: %g", compared, worst);
    }

    // The golden files quantized as converted V4 files are (MXFP4 routed experts, Q8_0 every
    // other matrix; same golden file, CONCLAVE_KEEP_TINY_MODELS=DIR keeps them for
    // make_deepseek4_golden.py): the distributions at every position, top-10 overlap and
    // KL(p_llama || p_ours). Both engines round the activations of these products to 8 bits
    // in Q8_0 blocks and agree to float rounding (KL 1e-14) at first; later (from position 59
    // mixed, 207 window) float-level differences, invisible in F32, make an occasional 8-bit
    // rounding go the other way, and indexer choices that are nearly tied amplify it: window mean KL 2.5e-5, worst 3.6e-3; mixed mean 4.3e-4, worst 6.9e-3. The
    // bounds are about 5x (mean) and 3x (worst) that, yet fail an engine that skips the
    // activations' rounding (the scalar reference, mixed: mean KL 3.3e-3) or ignores the
    // weights' quantization (the F32 files: mean KL 7.5e-3 window, 2.3e-2 mixed; top-10
    // overlap 0.91 and 0.83).
    void quantizedAgreesWithLlamaCpp_data() {
        QTest::addColumn<QString>("variant");
        QTest::newRow("window-mxfp4") << "window-mxfp4";
        QTest::newRow("mixed-mxfp4") << "mixed-mxfp4";
    }

    void quantizedAgreesWithLlamaCpp() {
        QFETCH(QString, variant);
        const test::TinyDeepSeek4 spec = test::tiny_deepseek4_golden_variant(variant.toStdString());
        const QString file_name = QStringLiteral("deepseek4-%1-llamacpp.gguf").arg(variant);
        const std::string path = write(spec, file_name.chopped(5));
        QVERIFY(!path.empty());
        QVERIFY(test::keep_tiny_model(path, file_name));
        const std::vector<int> prompt = test::deepseek4_golden_prompt(spec.n_vocab);
        const std::vector<std::vector<float>> expected =
            test::read_golden_logits(QStringLiteral("deepseek4_tiny_llamacpp.json"), variant, prompt);
        QCOMPARE(expected.size(), prompt.size());

        auto model = Model::load(path);
        QVERIFY2(model.ok(), model.ok() ? "" : model.error().message.c_str());
        const std::vector<float> logits = all_logits(**model, prompt, {.n_ctx = 512, .n_threads = 2, .kv_type = KvCacheType::f32});
        QCOMPARE(logits.size(), prompt.size() * static_cast<std::size_t>(spec.n_vocab));
        test::LogitAgreement agreement;
        for (std::size_t t = 0; t < prompt.size(); ++t) agreement.add(t, expected[t], row(logits, t, spec.n_vocab));
        qInfo("against llama.cpp over %s", agreement.summary().c_str());
        const std::string failed =
            agreement.violation({.mean_overlap = 0.95, .min_overlap = 0.6, .mean_kl = 2e-3, .max_kl = 2e-2});
        QVERIFY2(failed.empty(), failed.c_str());
    }

    // The prompt in batches whose boundaries fall inside ratio-4 and ratio-128 blocks, and
    // token-by-token decoding, give the logits of one pass.
    void batchesAndDecodingEqualOnePass_data() {
        QTest::addColumn<int>("n_batch");
        QTest::newRow("batches of 7") << 7;
        QTest::newRow("batches of 50") << 50;
        QTest::newRow("batches of 130") << 130;
    }

    void batchesAndDecodingEqualOnePass() {
        QFETCH(int, n_batch);
        const test::TinyDeepSeek4 spec = test::tiny_deepseek4();
        const std::string path = write(spec, QStringLiteral("batches-%1").arg(n_batch));
        auto model = Model::load(path);
        QVERIFY(model.ok());
        const std::vector<int> prompt = test::deepseek4_golden_prompt(spec.n_vocab);
        const SessionOptions one_pass{.n_ctx = 512, .n_threads = 2, .n_batch = 512, .kv_type = KvCacheType::f32};
        const std::vector<float> want = all_logits(**model, prompt, one_pass);
        QVERIFY(!want.empty());
        SessionOptions batched = one_pass;
        batched.n_batch = n_batch;
        const std::vector<float> got = all_logits(**model, prompt, batched);
        QCOMPARE(got.size(), want.size());
        for (std::size_t t = 0; t < prompt.size(); ++t) {
            const double e = test::nmse(row(want, t, spec.n_vocab), row(got, t, spec.n_vocab));
            QVERIFY2(e < 1e-10, qPrintable(QStringLiteral("position %1: NMSE %2").arg(t).arg(e)));
        }
        if (n_batch != 50) return;
        // Decoding: the first 100 tokens as a prompt, then one token at a time.
        auto session = Session::create(**model, batched);
        QVERIFY(session.ok());
        for (std::size_t t = 99; t < prompt.size(); ++t) {
            auto step = (*session)->evaluate(std::vector<std::int32_t>(prompt.begin(), prompt.begin() + static_cast<long>(t) + 1));
            QVERIFY(step.ok());
            const double e = test::nmse(row(want, t, spec.n_vocab), *step);
            QVERIFY2(e < 1e-10, qPrintable(QStringLiteral("decoding step %1: NMSE %2").arg(t).arg(e)));
        }
    }

    // A session that held a longer conversation continues a prompt that shares a prefix with
    // it: near the end (the compressor's state still in its ring) from the shared prefix, far
    // back from the checkpoint before it (a multiple of 128); either way the logits are those
    // of a fresh session. The context (2048) is longer than the window's ring (8 - 1 + 512
    // rows), so the window rows come from the ring or from the checkpoint at 1024.
    void prefixReuseEqualsRecomputation_data() {
        QTest::addColumn<int>("shared");
        QTest::addColumn<int>("expected_resume");
        QTest::newRow("near the end") << 1790 << 1790;
        QTest::newRow("far back") << 30 << 0;
        QTest::newRow("far back after a checkpoint") << 1100 << 1024;
    }

    void prefixReuseEqualsRecomputation() {
        QFETCH(int, shared);
        QFETCH(int, expected_resume);
        const test::TinyDeepSeek4 spec = test::tiny_deepseek4();
        const std::string path = write(spec, QStringLiteral("reuse-%1").arg(shared));
        auto model = Model::load(path);
        QVERIFY(model.ok());
        // 1800 tokens: the window ring then holds positions 1281 to 1799, the compressor's
        // state ring 1544 to 1799.
        std::vector<int> first = test::deepseek4_golden_prompt(spec.n_vocab);
        for (int i = 0; i < 1500; ++i) first.push_back(3 + (i * 13 + 5) % (spec.n_vocab - 3));
        std::vector<int> second(first.begin(), first.begin() + shared);
        const int diverging = first[static_cast<std::size_t>(shared)];
        for (int i = 0; i < 40; ++i) second.push_back(3 + (diverging - 3 + 1 + i * 7) % (spec.n_vocab - 3));
        const SessionOptions options{.n_ctx = 2048, .n_threads = 2, .n_batch = 256, .kv_type = KvCacheType::f16};
        const std::vector<float> fresh = all_logits(**model, second, options);
        QVERIFY(!fresh.empty());

        auto session = Session::create(**model, options);
        QVERIFY(session.ok());
        QVERIFY((*session)->evaluate(ids(first)).ok());
        GenerateOptions generate;
        generate.max_tokens = 1;
        generate.sampling.temperature = 0.0f;
        auto answer = (*session)->generate(ids(second), generate);
        QVERIFY(answer.ok());
        QCOMPARE(answer->n_prompt_evaluated, static_cast<int>(second.size()) - expected_resume);
        auto logits = (*session)->evaluate(ids(second));
        QVERIFY(logits.ok());
        const double e = test::nmse(row(fresh, second.size() - 1, spec.n_vocab), *logits);
        QVERIFY2(e < 1e-10, qPrintable(QStringLiteral("NMSE %1 after reuse").arg(e)));
    }

    // A prompt longer than the window's ring (the context 2048, the ring 519 rows), in one
    // batch (taken in steps of 512) and in batches of 100, against the scalar reference at
    // every position.
    void longPromptInARingMatchesReference() {
        const test::TinyDeepSeek4 spec = test::tiny_deepseek4();
        const std::string path = write(spec, QStringLiteral("long"));
        auto model = Model::load(path);
        QVERIFY(model.ok());
        std::vector<int> prompt = test::deepseek4_golden_prompt(spec.n_vocab);
        for (int i = 0; i < 900; ++i) prompt.push_back(3 + (i * 31 + 11) % (spec.n_vocab - 3));
        const SessionOptions one_batch{.n_ctx = 2048, .n_threads = 2, .n_batch = 2048, .kv_type = KvCacheType::f32};
        const std::vector<float> logits = all_logits(**model, prompt, one_batch);
        QCOMPARE(logits.size(), prompt.size() * static_cast<std::size_t>(spec.n_vocab));
        SessionOptions batches = one_batch;
        batches.n_batch = 100;
        QCOMPARE(all_logits(**model, prompt, batches), logits);
        test::Deepseek4Margins margins;
        const auto expected = test::reference_deepseek4_logits(path, prompt, &margins);
        QCOMPARE(expected.size(), prompt.size());
        std::size_t compared = 0;
        double worst = 0.0;
        for (std::size_t t = 0; t < prompt.size(); ++t) {
            if (margins.routing[t] < 1e-4 || margins.indexer[t] < 1e-4) continue;
            ++compared;
            const double e = test::nmse(expected[t], row(logits, t, spec.n_vocab));
            worst = std::max(worst, e);
            QVERIFY2(e < 1e-5, qPrintable(QStringLiteral("position %1: NMSE %2").arg(t).arg(e)));
        }
        QVERIFY(compared >= prompt.size() * 9 / 10);
        qInfo("worst NMSE against the scalar reference over %zu of %zu positions: %g", compared, prompt.size(), worst);
    }

    // What the session allocates is what the estimate a user sees before loading says: the
    // window rows (all positions here: the context is shorter than the ring), a compressed key
    // per 4 or 128 positions, the indexer's keys, the compressor's F32 state and the window's
    // ring tags and checkpoint rows; the scratch estimate bounds what a pass uses.
    void cacheMatchesTheEstimate() {
        test::TinyDeepSeek4 spec = test::tiny_deepseek4();
        spec.matrix_type = TensorType::Q8_0;
        const std::string path = write(spec, QStringLiteral("memory"));
        auto inspected = Model::inspect(path);
        QVERIFY2(inspected.ok(), inspected.ok() ? "" : inspected.error().message.c_str());
        QCOMPARE(inspected->kv_values, spec.head_dim);
        const int stride128 = 2 * spec.head_dim + 1, stride4 = 2 * 2 * spec.head_dim + 2 * 2 * spec.indexer_head_dim + 1;
        const int checkpoint = 2 * spec.head_dim + 2 * spec.indexer_head_dim + 1;
        // Per token (the window's rows are a ring of fixed size): compressed keys (two ratio-4
        // layers, one ratio-128), indexer keys, ratio-4 checkpoint rows (4 of every 256
        // positions), the window's checkpoint rows (7 of every 1024 on all 4 layers).
        const int ring = spec.sliding_window - 1 + 512;
        const double per_token = 2.0 * (2 * spec.head_dim / 4.0 + spec.head_dim / 128.0) + 2.0 * 2 * spec.indexer_head_dim / 4.0 +
                                 2 * 4.0 * checkpoint / 64.0 + 4 * 2.0 * spec.head_dim * 7 / 1024.0;
        QCOMPARE(inspected->kv_bytes_per_token, static_cast<std::uint64_t>(per_token + 0.5));
        auto model = Model::load(path);
        QVERIFY(model.ok());
        for (const KvCacheType kv : {KvCacheType::f16, KvCacheType::q8_0}) {
            const SessionOptions options{.n_ctx = 320, .n_threads = 2, .n_batch = 64, .kv_type = kv};
            const MemoryEstimate estimate = estimate_memory(*inspected, options);
            if (kv == KvCacheType::f16) {
                const std::uint64_t window = 2ull * spec.head_dim * 320 * 4;
                const std::uint64_t compressed = 2ull * spec.head_dim * (2 * 80 + 3) + 2ull * spec.indexer_head_dim * 2 * 80;
                const std::uint64_t state = 4ull * 256 * (2 * stride4 + stride128) + 4ull * checkpoint * 2 * 5;
                const std::uint64_t window_extras = 4 * (4ull * ring + 2ull * spec.head_dim * 7);
                QCOMPARE(estimate.kv_cache, window + compressed + state + window_extras);
            }
            auto session = Session::create(**model, options);
            QVERIFY2(session.ok(), session.ok() ? "" : session.error().message.c_str());
            const std::vector<int> prompt = test::deepseek4_golden_prompt(spec.n_vocab);
            QVERIFY((*session)->evaluate(ids(prompt)).ok());
            const MemoryEstimate used = (*session)->memory_used();
            QCOMPARE(used.kv_cache, estimate.kv_cache);
            QVERIFY2(used.scratch <= estimate.scratch,
                     qPrintable(QStringLiteral("scratch used %1, estimated %2").arg(used.scratch).arg(estimate.scratch)));
        }
    }

    // A header-only copy of V4-Flash's published configuration: the parameters counted from
    // the shapes (284 B total, 13.8 B active with the embeddings) and a cache of 512 values per
    // window position plus the compressed keys.
    void flashConfigurationIsCounted() {
        const test::TinyDeepSeek4 spec = test::deepseek_v4_flash_config();
        const std::string path = write(spec, QStringLiteral("v4-flash"));
        QVERIFY(!path.empty());
        auto info = Model::inspect(path);
        QVERIFY2(info.ok(), info.ok() ? "" : info.error().message.c_str());
        const test::Deepseek4ParamCount count = test::deepseek4_param_count(spec);
        QCOMPARE(info->n_params, count.total);
        QCOMPARE(info->n_params_active, count.active);
        QCOMPARE(info->n_layer, 43);
        QCOMPARE(info->kv_values, 512);
        const MemoryEstimate m = estimate_memory(*info, {.n_ctx = 32768});
        // The compressed keys (21 ratio-4 layers: 8192 each; 20 ratio-128 layers: 256 each)
        // dominate; the window is a ring of 639 rows per layer with 127 checkpoint rows per
        // 1024 positions, far from a row per position (1.44 GB).
        const std::uint64_t compressed = 2ull * 512 * (21 * 8192 + 20 * 256), every_position = 2ull * 512 * 43 * 32768;
        QVERIFY2(m.kv_cache > compressed && m.kv_cache < every_position / 2,
                 qPrintable(QStringLiteral("cache %1, compressed keys %2").arg(m.kv_cache).arg(compressed)));
        qInfo("V4-Flash: %llu bytes of cache per position, %.0f MiB at 32K context",
              static_cast<unsigned long long>(info->kv_bytes_per_token), m.kv_cache / 1048576.0);
        QVERIFY(!Model::load(path).ok());
    }

    // Files the engine cannot run say why.
    void badFilesAreRefused_data() {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("expected");
        QTest::newRow("gating") << "deepseek4.expert_gating_func" << "gating function";
        QTest::newRow("ratio") << "deepseek4.attention.compress_ratios" << "ratio";
        QTest::newRow("kv heads") << "deepseek4.attention.head_count_kv" << "key/value head";
    }

    void badFilesAreRefused() {
        QFETCH(QString, key);
        QFETCH(QString, expected);
        const std::string good = write(test::tiny_deepseek4(), QStringLiteral("good-") + QString::fromLatin1(QTest::currentDataTag()));
        auto file = gguf::GgufFile::open(good);
        QVERIFY(file.ok());
        gguf::GgufWriter copy;
        for (const auto& [k, value] : (*file)->metadata()) copy.set(std::string(k), gguf::OwnedValue::copy_of(value));
        if (key.endsWith(QLatin1String("gating_func"))) copy.set(key.toStdString(), gguf::OwnedValue::u32(2));
        if (key.endsWith(QLatin1String("head_count_kv"))) copy.set(key.toStdString(), gguf::OwnedValue::u32(2));
        if (key.endsWith(QLatin1String("compress_ratios")))
            copy.set(key.toStdString(), gguf::OwnedValue::i32_array(std::vector<std::int32_t>{0, 8, 128, 4}));
        for (const auto& t : (*file)->tensors()) {
            std::vector<std::uint64_t> shape(t.shape.begin(), t.shape.begin() + t.n_dims);
            QVERIFY(copy.add_tensor(std::string(t.name), shape, t.type, std::vector<unsigned char>(t.data, t.data + t.n_bytes)).ok());
        }
        const std::string path = (m_dir.path() + QStringLiteral("/bad-") + QString::fromLatin1(QTest::currentDataTag()) +
                                  QStringLiteral(".gguf"))
                                     .toStdString();
        QVERIFY(copy.write(path).ok());
        auto model = Model::load(path);
        QVERIFY(!model.ok());
        QVERIFY2(QString::fromStdString(model.error().message).contains(expected), model.error().message.c_str());
    }
};

QTEST_GUILESS_MAIN(TestDeepSeek4)
#include "test_deepseek4.moc"
