// Tiny random-weight Llama, Qwen2, Qwen3, Gemma 3, MoE and gpt-oss models run through the
// engine and through an independent scalar implementation; logits must agree at every
// position. Also: prompt prefix reuse, batch boundaries, token-by-token decoding and thread
// counts change nothing; errors are clear.

#include "conclave/model.h"
#include "conclave/session.h"
#include "gguf/gguf_writer.h"
#include "golden_logits.h"
#include "logit_agreement.h"
#include "reference_decoder.h"
#include "tiny_models.h"

#include <QTemporaryDir>
#include <cstring>
#include <QtTest>

using namespace conclave;
using conclave::quant::TensorType;

Q_DECLARE_METATYPE(conclave::quant::TensorType)

namespace {

constexpr double quantized_bound = 2e-3;
const std::vector<int> prompt{1, 5, 9, 42, 17, 3, 88, 60, 7, 7, 23, 51, 2, 96, 0, 33, 71};

std::vector<float> row(const std::vector<float>& all, std::size_t index, int n_vocab) {
    return std::vector<float>(all.begin() + static_cast<long>(index) * n_vocab,
                              all.begin() + static_cast<long>(index + 1) * n_vocab);
}

} // namespace

class TestDecoderModels : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    std::string write(const test::TinyDecoder& spec, const QString& name) {
        const std::string path = (m_dir.path() + '/' + name + QStringLiteral(".gguf")).toStdString();
        return test::write_tiny_decoder(spec, path) ? path : std::string();
    }

    // test::tiny_gpt_oss() with a vocabulary, F32 ("f32") or with MXFP4 experts and Q8_0
    // elsewhere ("mxfp4"), as llama.cpp loaded it, also copied into CONCLAVE_KEEP_TINY_MODELS
    // when set (for make_gpt_oss_golden.py); its logits at every position of the prompt
    // through our engine, empty on failure.
    std::vector<float> gpt_oss_logits(const QString& variant) {
        test::TinyDecoder spec = test::tiny_gpt_oss();
        spec.with_vocab = true;
        if (variant == QLatin1String("mxfp4")) {
            spec.matrix_type = TensorType::Q8_0;
            spec.expert_type = TensorType::MXFP4;
        }
        const QString file_name = variant == QLatin1String("f32") ? QStringLiteral("gpt-oss-llamacpp.gguf")
                                                                  : QStringLiteral("gpt-oss-%1-llamacpp.gguf").arg(variant);
        const std::string path = write(spec, file_name.chopped(5));
        if (path.empty()) return {};
        if (!test::keep_tiny_model(path, file_name)) return {};
        auto model = Model::load(path);
        if (!model.ok()) return {};
        auto session = Session::create(**model, {.n_ctx = 64, .n_threads = 2, .kv_type = KvCacheType::f32});
        if (!session.ok()) return {};
        auto logits = (*session)->evaluate(std::vector<std::int32_t>(prompt.begin(), prompt.end()), true);
        return logits.ok() ? *logits : std::vector<float>();
    }

private slots:
    void matchesScalarReference_data() {
        QTest::addColumn<QString>("arch");
        QTest::addColumn<TensorType>("type");
        QTest::addColumn<bool>("tied");
        QTest::addColumn<bool>("freq_factors");
        QTest::addColumn<double>("bound");
        for (const char* arch : {"llama", "qwen2", "qwen3"}) {
            QTest::addRow("%s-f32", arch) << arch << TensorType::F32 << false << false << 1e-5;
            QTest::addRow("%s-q8_0-tied", arch) << arch << TensorType::Q8_0 << true << false << quantized_bound;
        }
        QTest::addRow("llama-f16-rope-freqs") << "llama" << TensorType::F16 << false << true << 1e-5;
        QTest::addRow("llama-q4_1") << "llama" << TensorType::Q4_1 << false << false << quantized_bound;
        QTest::addRow("qwen3-q4_0") << "qwen3" << TensorType::Q4_0 << false << false << quantized_bound;
        QTest::addRow("qwen2-q5_0") << "qwen2" << TensorType::Q5_0 << false << false << quantized_bound;
        QTest::addRow("qwen3-q5_1") << "qwen3" << TensorType::Q5_1 << false << false << quantized_bound;
        // Mixture of experts: 8 experts, 2 used per token (Qwen3-MoE, Qwen2-MoE with its shared
        // expert, and Mixtral layouts).
        QTest::addRow("qwen3moe-f32") << "qwen3moe" << TensorType::F32 << false << false << 1e-5;
        QTest::addRow("qwen3moe-q8_0") << "qwen3moe" << TensorType::Q8_0 << false << false << quantized_bound;
        QTest::addRow("gemma3-f32-tied") << "gemma3" << TensorType::F32 << true << false << 1e-5;
        QTest::addRow("gemma3-q8_0") << "gemma3" << TensorType::Q8_0 << true << false << quantized_bound;
        QTest::addRow("qwen2moe-f32") << "qwen2moe" << TensorType::F32 << false << false << 1e-5;
        QTest::addRow("qwen2moe-q8_0") << "qwen2moe" << TensorType::Q8_0 << false << false << quantized_bound;
        QTest::addRow("mixtral-f32") << "mixtral" << TensorType::F32 << true << false << 1e-5;
        QTest::addRow("mixtral-q4_0") << "mixtral" << TensorType::Q4_0 << false << false << quantized_bound;
        QTest::addRow("olmoe-f32") << "olmoe" << TensorType::F32 << false << false << 1e-5;
        QTest::addRow("olmoe-q8_0") << "olmoe" << TensorType::Q8_0 << false << false << quantized_bound;
        // A file-level expert weight scale (as DeepSeek-style files carry) multiplies every
        // routed expert's weight.
        // YaRN over an original context of 8 positions (17 are evaluated), so interpolated,
        // blended and untouched frequencies all occur.
        QTest::addRow("qwen3-yarn-f32") << "qwen3-yarn" << TensorType::F32 << false << false << 1e-5;
        QTest::addRow("llama-yarn-q8_0") << "llama-yarn" << TensorType::Q8_0 << false << false << quantized_bound;
        QTest::addRow("qwen3moe-scaled-f32") << "qwen3moe-scaled" << TensorType::F32 << false << false << 1e-5;
        // gpt-oss (test::tiny_gpt_oss): sinks, alternating windows, biases everywhere, the clamped
        // SwiGLU; quantized as all-Q8_0, and as real files ship (experts MXFP4, the rest Q8_0).
        QTest::addRow("gpt-oss-f32") << "gpt-oss" << TensorType::F32 << false << false << 1e-5;
        QTest::addRow("gpt-oss-q8_0") << "gpt-oss" << TensorType::Q8_0 << false << false << quantized_bound;
        QTest::addRow("gpt-oss-mxfp4-experts") << "gpt-oss-mxfp4" << TensorType::Q8_0 << false << false << quantized_bound;
    }

    // Both sides use the same (dequantized) weights. F32/F16 files differ only by float-vs-
    // double arithmetic (and F16 activation rounding); quantized weights meet activations
    // rounded to 8 bits per block (Q8_0/Q8_1), which costs about 2e-4 NMSE on these models.
    void matchesScalarReference() {
        QFETCH(QString, arch);
        QFETCH(TensorType, type);
        QFETCH(bool, tied);
        QFETCH(bool, freq_factors);
        QFETCH(double, bound);
        test::TinyDecoder spec;
        spec.arch = arch.toStdString();
        if (spec.arch.starts_with("gpt-oss")) {
            const bool mxfp4_experts = spec.arch.ends_with("-mxfp4");
            spec = test::tiny_gpt_oss();
            if (mxfp4_experts) spec.expert_type = TensorType::MXFP4;
        }
        if (spec.arch == "gemma3") {
            spec.n_layer = 6;        // five sliding-window layers and one global
            spec.sliding_window = 5; // shorter than the 17-token prompt, so the window bites
        }
        if (spec.arch.ends_with("-yarn")) {
            spec.arch = spec.arch.substr(0, spec.arch.size() - 5);
            spec.yarn_factor = 4.0f;
            spec.yarn_original_ctx = 8;
        }
        if (spec.arch == "qwen3moe-scaled") {
            spec.arch = "qwen3moe";
            spec.expert_weights_scale = 2.5f;
        }
        if (spec.arch.ends_with("moe") || spec.arch == "mixtral") {
            spec.arch = spec.arch == "mixtral" ? "llama" : spec.arch;
            spec.n_expert = 8;
            spec.n_expert_used = 2;
        }
        spec.matrix_type = type;
        spec.tied_output = tied;
        spec.rope_freq_factors = freq_factors;
        const std::string path = write(spec, QString::fromLatin1(QTest::currentDataTag()));
        QVERIFY(!path.empty());
        auto model = Model::load(path);
        QVERIFY2(model.ok(), model.ok() ? "" : model.error().message.c_str());
        auto session = Session::create(**model, {.n_ctx = 64, .n_threads = 2, .kv_type = KvCacheType::f32});
        QVERIFY(session.ok());
        auto logits = (*session)->evaluate(std::vector<std::int32_t>(prompt.begin(), prompt.end()), true);
        QVERIFY(logits.ok());
        const auto expected = test::reference_decoder_logits(path, prompt);
        QCOMPARE(expected.size(), prompt.size());
        for (std::size_t t = 0; t < prompt.size(); ++t) {
            const double e = test::nmse(expected[t], row(*logits, t, spec.n_vocab));
            if (qEnvironmentVariableIsSet("CONCLAVE_PRINT_NMSE")) qInfo("position %zu: NMSE %g", t, e);
            QVERIFY2(e < bound, qPrintable(QStringLiteral("position %1: NMSE %2").arg(t).arg(e)));
        }
    }

    // The estimate a user sees before loading is what a session then holds: the KV cache
    // exactly, the scratch peak (arena and the prompt GEMM's panel) within 20%, never above —
    // on models this small the alignment slack is a visible share.
    void memoryEstimateMatchesASession_data() {
        QTest::addColumn<QString>("arch");
        for (const char* arch : {"llama", "qwen2moe", "gemma3", "olmoe", "gpt-oss"}) QTest::newRow(arch) << arch;
    }

    void memoryEstimateMatchesASession() {
        QFETCH(QString, arch);
        test::TinyDecoder spec;
        spec.arch = arch.toStdString();
        if (spec.arch.ends_with("moe")) spec.n_expert = 8, spec.n_expert_used = 2;
        if (spec.arch == "gpt-oss") spec = test::tiny_gpt_oss();
        spec.matrix_type = TensorType::Q4_0; // batches of 8 take the prompt GEMM
        const std::string path = write(spec, QStringLiteral("memory-") + arch);
        auto inspected = Model::inspect(path);
        QVERIFY2(inspected.ok(), inspected.ok() ? "" : inspected.error().message.c_str());
        auto model = Model::load(path);
        QVERIFY(model.ok());
        QCOMPARE(inspected->n_params, (*model)->info().n_params);
        QCOMPARE(inspected->scratch_bytes_per_token, (*model)->info().scratch_bytes_per_token);
        QVERIFY(inspected->weight_bytes > 0 && inspected->weight_bytes < inspected->file_bytes);

        const SessionOptions options{.n_ctx = 48, .n_threads = 2, .n_batch = 8, .kv_type = KvCacheType::f16};
        const MemoryEstimate estimate = estimate_memory(*inspected, options);
        auto session = Session::create(**model, options);
        QVERIFY(session.ok());
        QVERIFY((*session)->evaluate(std::vector<std::int32_t>(prompt.begin(), prompt.end())).ok());
        const MemoryEstimate used = (*session)->memory_used();
        QCOMPARE(used.kv_cache, estimate.kv_cache);
        QCOMPARE(used.weights, estimate.weights);
        QVERIFY2(used.scratch <= estimate.scratch && used.scratch * 10 >= estimate.scratch * 8,
                 qPrintable(QStringLiteral("scratch used %1, estimated %2").arg(used.scratch).arg(estimate.scratch)));
    }

    // Loading reports progress from 0 to 1 in order, and a cancel from the progress callback
    // ends the load with a cancelled error and no model.
    void loadReportsProgressAndCanBeCancelled() {
        test::TinyDecoder spec;
        spec.n_layer = 4;
        const std::string path = write(spec, QStringLiteral("progress"));
        std::vector<float> seen;
        auto model = Model::load(path, {.progress = [&](float f) { return seen.push_back(f), true; }});
        QVERIFY(model.ok());
        QVERIFY(seen.size() > 10); // one report per tensor at least
        QVERIFY(std::is_sorted(seen.begin(), seen.end()));
        QCOMPARE(seen.back(), 1.0f);
        QVERIFY(seen.front() < 0.5f);

        int calls = 0;
        auto cancelled = Model::load(path, {.progress = [&](float) { return ++calls < 3; }});
        QVERIFY(!cancelled.ok());
        QCOMPARE(cancelled.error().code, ErrorCode::cancelled);
        QCOMPARE(calls, 3);

        auto lazy = Model::load(path, {.progress = [&](float) { return false; }, .prefetch = false});
        QCOMPARE(lazy.error().code, ErrorCode::cancelled);
    }

    void prefixReuseBatchesAndThreadsChangeNothing() {
        test::TinyDecoder spec;
        spec.arch = "qwen2";
        const std::string path = write(spec, QStringLiteral("reuse"));
        auto model = Model::load(path);
        QVERIFY(model.ok());
        const std::vector<std::int32_t> all(prompt.begin(), prompt.end());
        const std::vector<std::int32_t> head(all.begin(), all.begin() + 9);

        auto fresh = Session::create(**model, {.n_ctx = 64, .n_threads = 1, .n_batch = 256, .kv_type = KvCacheType::f32});
        QVERIFY(fresh.ok());
        auto want = (*fresh)->evaluate(all);
        QVERIFY(want.ok());

        auto reused = Session::create(**model, {.n_ctx = 64, .n_threads = 2, .n_batch = 4, .kv_type = KvCacheType::f32});
        QVERIFY(reused.ok());
        QVERIFY((*reused)->evaluate(head).ok());
        auto got = (*reused)->evaluate(all); // only the 8 new tokens are computed
        QVERIFY(got.ok());
        QVERIFY2(test::nmse(*want, *got) < 1e-10, "prefix reuse changed the logits");
        QCOMPARE((*reused)->cached_tokens().size(), all.size());

        // A diverging edit drops the cache from the first differing token on.
        std::vector<std::int32_t> edited = all;
        edited[5] = 11;
        auto from_scratch = (*fresh)->evaluate(edited);
        auto after_edit = (*reused)->evaluate(edited);
        QVERIFY(from_scratch.ok() && after_edit.ok());
        QVERIFY2(test::nmse(*from_scratch, *after_edit) < 1e-10, "reuse after an edit changed the logits");
    }

    // gpt-oss with its window of 5 over a 17-token prompt: a prompt continued after 9 tokens
    // in batches of 4, and token-by-token decoding (each step reusing the cache) give the
    // logits of one pass over the whole prompt, for F32 and F16 caches.
    void gptOssReuseAndDecodingEqualRecomputation_data() {
        QTest::addColumn<int>("kv_type");
        QTest::newRow("f32 cache") << static_cast<int>(KvCacheType::f32);
        QTest::newRow("f16 cache") << static_cast<int>(KvCacheType::f16);
    }

    void gptOssReuseAndDecodingEqualRecomputation() {
        QFETCH(int, kv_type);
        const auto kv = static_cast<KvCacheType>(kv_type);
        const std::string path = write(test::tiny_gpt_oss(), QStringLiteral("gpt-oss-reuse-%1").arg(kv_type));
        auto model = Model::load(path);
        QVERIFY2(model.ok(), model.ok() ? "" : model.error().message.c_str());
        const std::vector<std::int32_t> all(prompt.begin(), prompt.end());
        const int n_vocab = test::TinyDecoder{}.n_vocab;

        auto fresh = Session::create(**model, {.n_ctx = 64, .n_threads = 2, .n_batch = 256, .kv_type = kv});
        QVERIFY(fresh.ok());
        auto want = (*fresh)->evaluate(all, true);
        QVERIFY(want.ok());

        auto reused = Session::create(**model, {.n_ctx = 64, .n_threads = 2, .n_batch = 4, .kv_type = kv});
        QVERIFY(reused.ok());
        QVERIFY((*reused)->evaluate(std::vector<std::int32_t>(all.begin(), all.begin() + 9)).ok());
        auto got = (*reused)->evaluate(all);
        QVERIFY(got.ok());
        const double reuse_error = test::nmse(row(*want, all.size() - 1, n_vocab), *got);
        QVERIFY2(reuse_error < 1e-10, qPrintable(QStringLiteral("prefix reuse: NMSE %1").arg(reuse_error)));

        auto decoding = Session::create(**model, {.n_ctx = 64, .n_threads = 2, .kv_type = kv});
        QVERIFY(decoding.ok());
        for (std::size_t t = 0; t < all.size(); ++t) {
            auto step = (*decoding)->evaluate(std::vector<std::int32_t>(all.begin(), all.begin() + static_cast<long>(t) + 1));
            QVERIFY(step.ok());
            const double e = test::nmse(row(*want, t, n_vocab), *step);
            QVERIFY2(e < 1e-10, qPrintable(QStringLiteral("decoding step %1: NMSE %2").arg(t).arg(e)));
        }
        QCOMPARE((*decoding)->cached_tokens().size(), all.size());
    }

    // llama.cpp's logits for the same tiny gpt-oss file (our writer, F32; recorded by
    // make_gpt_oss_golden.py into golden/gpt_oss_tiny_llamacpp.json) at every position of the
    // prompt: an independent peer's reading of sinks, windows, YaRN, routing and the clamped
    // SwiGLU. CONCLAVE_KEEP_TINY_MODELS=DIR keeps the file there for the script.
    void gptOssMatchesLlamaCpp() {
        const std::vector<float> logits = gpt_oss_logits(QStringLiteral("f32"));
        const std::vector<std::vector<float>> expected =
            test::read_golden_logits(QStringLiteral("gpt_oss_tiny_llamacpp.json"), QStringLiteral("f32"), prompt);
        QCOMPARE(expected.size(), prompt.size());
        const int n_vocab = static_cast<int>(expected[0].size());
        QCOMPARE(logits.size(), prompt.size() * expected[0].size());
        double worst = 0.0;
        for (std::size_t t = 0; t < prompt.size(); ++t) {
            const double e = test::nmse(expected[t], row(logits, t, n_vocab));
            worst = std::max(worst, e);
            QVERIFY2(e < 1e-4, qPrintable(QStringLiteral("position %1: NMSE %2 against llama.cpp").arg(t).arg(e)));
        }
        qInfo("worst NMSE against llama.cpp over %zu positions: %g", prompt.size(), worst);
    }

    // The same gpt-oss quantized as users download it (MXFP4 routed experts, Q8_0 elsewhere;
    // same golden file): the distributions at every position, top-10 overlap and
    // KL(p_llama || p_ours). Both engines round the activations of these products to 8 bits
    // in Q8_0 blocks; llama.cpp with F32 caches matches us to float rounding (KL 3e-14). The
    // bounds leave room for a few roundings going the other way under another summation
    // order, yet fail an engine that skips the activations' rounding (the scalar reference:
    // mean KL 4.5e-5) or ignores the weights' quantization (the F32 file: mean KL 7.5e-3,
    // top-10 overlap 0.91).
    void gptOssQuantizedAgreesWithLlamaCpp() {
        const std::vector<float> logits = gpt_oss_logits(QStringLiteral("mxfp4"));
        const std::vector<std::vector<float>> expected =
            test::read_golden_logits(QStringLiteral("gpt_oss_tiny_llamacpp.json"), QStringLiteral("mxfp4"), prompt);
        QCOMPARE(expected.size(), prompt.size());
        const int n_vocab = static_cast<int>(expected[0].size());
        QCOMPARE(logits.size(), prompt.size() * expected[0].size());
        test::LogitAgreement agreement;
        for (std::size_t t = 0; t < prompt.size(); ++t) agreement.add(t, expected[t], row(logits, t, n_vocab));
        qInfo("against llama.cpp over %s", agreement.summary().c_str());
        const std::string failed =
            agreement.violation({.mean_overlap = 0.95, .min_overlap = 0.8, .mean_kl = 1e-5, .max_kl = 1e-3});
        QVERIFY2(failed.empty(), failed.c_str());
    }

    void f16CacheStaysClose() {
        test::TinyDecoder spec;
        const std::string path = write(spec, QStringLiteral("f16cache"));
        auto model = Model::load(path);
        QVERIFY(model.ok());
        auto exact = Session::create(**model, {.n_ctx = 64, .kv_type = KvCacheType::f32});
        auto half = Session::create(**model, {.n_ctx = 64, .kv_type = KvCacheType::f16});
        const std::vector<std::int32_t> tokens(prompt.begin(), prompt.end());
        auto a = (*exact)->evaluate(tokens);
        auto b = (*half)->evaluate(tokens);
        QVERIFY(a.ok() && b.ok());
        QVERIFY(test::nmse(*a, *b) < 1e-5);
    }

    // A Q8_0 cache (half of F16's memory) stays close to an exact one over a prompt and
    // generation; a head size it cannot hold is refused with a clear error.
    void q8CacheStaysClose() {
        test::TinyDecoder spec;
        spec.n_embd = 128; // head size 32
        const std::string path = write(spec, QStringLiteral("q8cache"));
        auto model = Model::load(path);
        QVERIFY(model.ok());
        const SessionOptions exact_options{.n_ctx = 64, .kv_type = KvCacheType::f32};
        const SessionOptions q8_options{.n_ctx = 64, .kv_type = KvCacheType::q8_0};
        auto exact = Session::create(**model, exact_options);
        auto q8 = Session::create(**model, q8_options);
        QVERIFY2(q8.ok(), q8.ok() ? "" : q8.error().message.c_str());
        const std::vector<std::int32_t> tokens(prompt.begin(), prompt.end());
        auto a = (*exact)->evaluate(tokens, true);
        auto b = (*q8)->evaluate(tokens, true);
        QVERIFY(a.ok() && b.ok());
        // Q8_0 keeps about 0.4% of each value; over 17 positions of this random model that is
        // 3e-4 NMSE. (On SmolLM2 with a 40-token prompt: 1.7e-3 against an F32 cache, where
        // F16 gives 1.2e-3 — the 8-bit activation rounding downstream dominates both.)
        const double e = test::nmse(*a, *b);
        QVERIFY2(e < 1e-3 && e > 0.0, qPrintable(QString::number(e)));
        QCOMPARE((*q8)->memory_used().kv_cache, estimate_memory((*model)->info(), q8_options).kv_cache);
        QCOMPARE((*q8)->memory_used().kv_cache * 64 / 34, estimate_memory((*model)->info(), {.n_ctx = 64}).kv_cache);

        test::TinyDecoder narrow; // head size 16
        auto narrow_model = Model::load(write(narrow, QStringLiteral("q8narrow")));
        QVERIFY(narrow_model.ok());
        auto refused = Session::create(**narrow_model, q8_options);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::unsupported);
    }

    void greedyGenerationIsReproducibleAcrossTurns() {
        test::TinyDecoder spec;
        spec.arch = "qwen3";
        const std::string path = write(spec, QStringLiteral("turns"));
        auto model = Model::load(path);
        QVERIFY(model.ok());
        GenerateOptions options;
        options.sampling.temperature = 0.0f;
        options.max_tokens = 12;
        const std::vector<std::int32_t> turn1(prompt.begin(), prompt.begin() + 6);

        auto chat = Session::create(**model, {.n_ctx = 128});
        auto first = (*chat)->generate(turn1, options);
        QVERIFY(first.ok());
        QCOMPARE(first->tokens.size(), std::size_t(12));
        std::vector<std::int32_t> turn2 = turn1;
        turn2.insert(turn2.end(), first->tokens.begin(), first->tokens.end());
        turn2.insert(turn2.end(), {4, 8, 15});
        auto second = (*chat)->generate(turn2, options);
        QVERIFY(second.ok());
        QVERIFY2(second->n_prompt_evaluated <= static_cast<int>(Session::prompt_tail),
                 "the follow-up turn recomputed the shared prefix");

        auto scratch = Session::create(**model, {.n_ctx = 128});
        auto again = (*scratch)->generate(turn2, options);
        QVERIFY(again.ok());
        QCOMPARE(second->tokens, again->tokens);
    }

    void contextFullAndCancelAreReported() {
        test::TinyDecoder spec;
        const std::string path = write(spec, QStringLiteral("limits"));
        auto model = Model::load(path);
        auto session = Session::create(**model, {.n_ctx = 24});
        GenerateOptions options;
        options.sampling.temperature = 0.0f;
        options.max_tokens = 100;
        auto full = (*session)->generate(std::vector<std::int32_t>(prompt.begin(), prompt.end()), options);
        QVERIFY(full.ok());
        QCOMPARE(full->stop_reason, StopReason::context_full);
        QVERIFY(full->tokens.size() <= 24 - prompt.size());

        int seen = 0;
        auto stopped = (*session)->generate(std::vector<std::int32_t>{1, 2, 3}, options, [&](const GeneratedPiece&) {
            if (++seen == 3) (*session)->request_cancel();
            return true;
        });
        QVERIFY(stopped.ok());
        QCOMPARE(stopped->stop_reason, StopReason::cancelled);
        QCOMPARE(stopped->tokens.size(), std::size_t(3));
    }

    void seededSamplingIsDeterministic() {
        test::TinyDecoder spec;
        const std::string path = write(spec, QStringLiteral("seed"));
        auto model = Model::load(path);
        GenerateOptions options;
        options.sampling.temperature = 1.0f;
        options.sampling.seed = 1234;
        options.max_tokens = 16;
        auto s1 = Session::create(**model, {.n_ctx = 64});
        auto s2 = Session::create(**model, {.n_ctx = 64});
        auto a = (*s1)->generate(std::vector<std::int32_t>{3, 1, 4}, options);
        auto b = (*s2)->generate(std::vector<std::int32_t>{3, 1, 4}, options);
        QVERIFY(a.ok() && b.ok());
        QCOMPARE(a->tokens, b->tokens);
        options.sampling.seed = 99;
        auto c = (*s2)->generate(std::vector<std::int32_t>{3, 1, 4}, options);
        QVERIFY(c.ok());
        QVERIFY2(a->tokens != c->tokens, "a different seed gave the same 16 tokens");
    }

    // A user who fixes the seed and regenerates gets the first answer again. Regenerating
    // reuses the cached prompt and recomputes only its last token, whereas the first answer
    // ran the prompt cold; with Q8_0 weights a batch (GEMM tiles) and one token (row
    // kernels) round differently, so the session must give the same logits either way: bit
    // for bit, at prompt lengths that end in one-row kernels, four-token kernels and GEMM
    // tiles.
    void aFixedSeedRegeneratesTheSameAnswer() {
        test::TinyDecoder spec;
        spec.matrix_type = quant::TensorType::Q8_0;
        spec.n_embd = 256; // rows of 8 blocks: the one-token kernel folds four blocks at a time
        spec.n_ff = 384;
        const std::string path = write(spec, QStringLiteral("regenerate"));
        auto model = Model::load(path);
        QVERIFY(model.ok());
        for (const std::size_t length : {2u, 5u, 8u, 23u, 40u}) {
            std::vector<std::int32_t> prompt;
            for (std::size_t i = 0; i < length; ++i) prompt.push_back(static_cast<std::int32_t>(3 + (i * 37) % 90));
            auto cold = Session::create(**model, {.n_ctx = 96, .n_threads = 2, .n_batch = 32});
            auto warm = Session::create(**model, {.n_ctx = 96, .n_threads = 2, .n_batch = 32});
            QVERIFY(cold.ok() && warm.ok());
            std::vector<std::int32_t> answered = prompt; // the prompt and a first answer
            answered.insert(answered.end(), {11, 12, 13});
            QVERIFY((*warm)->evaluate_prompt(prompt).ok());
            QVERIFY((*warm)->evaluate(answered).ok());
            auto first = (*cold)->evaluate_prompt(prompt);
            auto again = (*warm)->evaluate_prompt(prompt); // the cache keeps all but the tail
            QVERIFY(first.ok() && again.ok());
            QCOMPARE(first->size(), again->size());
            QVERIFY2(std::memcmp(first->data(), again->data(), first->size() * sizeof(float)) == 0,
                     qPrintable(QStringLiteral("prompt of %1: the logits depend on what the cache held").arg(length)));
        }

        GenerateOptions options;
        options.sampling.temperature = 1.5f;
        options.sampling.seed = 77;
        options.max_tokens = 24;
        const std::vector<std::int32_t> prompt{5, 9, 14, 2, 33, 61, 7, 40, 18};
        auto session = Session::create(**model, {.n_ctx = 96, .n_threads = 2});
        QVERIFY(session.ok());
        auto answer = (*session)->generate(prompt, options);
        auto regenerated = (*session)->generate(prompt, options);
        QVERIFY(answer.ok() && regenerated.ok());
        QCOMPARE(regenerated->n_prompt_evaluated, static_cast<int>(Session::prompt_tail));
        QCOMPARE(regenerated->tokens, answer->tokens);
    }

    void badModelsGiveClearErrors() {
        gguf::GgufWriter w;
        w.set("general.architecture", gguf::OwnedValue::string("mamba9"));
        const std::string unknown = (m_dir.path() + QStringLiteral("/unknown.gguf")).toStdString();
        QVERIFY(w.write(unknown).ok());
        auto a = Model::load(unknown);
        QVERIFY(!a.ok());
        QCOMPARE(a.error().code, ErrorCode::unsupported);
        QVERIFY2(a.error().message.find("unsupported architecture 'mamba9'") != std::string::npos, a.error().message.c_str());

        test::TinyDecoder spec;
        const std::string path = write(spec, QStringLiteral("complete"));
        auto file = gguf::GgufFile::open(path);
        QVERIFY(file.ok());
        gguf::GgufWriter copy;
        for (const auto& [key, value] : (*file)->metadata()) copy.set(std::string(key), gguf::OwnedValue::copy_of(value));
        for (const auto& t : (*file)->tensors()) {
            if (t.name == "blk.1.ffn_up.weight") continue;
            std::vector<std::uint64_t> shape(t.shape.begin(), t.shape.begin() + t.n_dims);
            QVERIFY(copy.add_tensor(std::string(t.name), shape, t.type,
                                    std::vector<unsigned char>(t.data, t.data + t.n_bytes)).ok());
        }
        const std::string missing = (m_dir.path() + QStringLiteral("/missing.gguf")).toStdString();
        QVERIFY(copy.write(missing).ok());
        auto b = Model::load(missing);
        QVERIFY(!b.ok());
        QVERIFY2(b.error().message.find("lacks the tensor 'blk.1.ffn_up.weight'") != std::string::npos, b.error().message.c_str());

        auto model = Model::load(path);
        auto session = Session::create(**model, {.n_ctx = 16});
        auto out_of_vocab = (*session)->evaluate(std::vector<std::int32_t>{1, 500});
        QVERIFY(!out_of_vocab.ok());
        QVERIFY(out_of_vocab.error().message.find("outside the vocabulary") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestDecoderModels)
#include "test_decoder_models.moc"
