// Sliding-window layers keep only a ring of their window's rows (model/window_cache.h):
// tiny Gemma 3 (five windowed layers of six) and gpt-oss (every other layer windowed) with a
// window of 5 positions, over a 1100-token prompt: several rings (516 rows), steps (512
// tokens) and checkpoint spans (40 positions) long. The logits with rings match the scalar
// reference at every position; decoding token by token past the ring and prefix reuse (a
// shared prefix, a divergence inside the last window, inside the ring, before a checkpoint,
// a chat's follow-up turn) give what recomputation from scratch gives; the cache a session
// holds is the estimate.

#include "conclave/model.h"
#include "conclave/session.h"
#include "logit_agreement.h"
#include "reference_decoder.h"
#include "tiny_models.h"

#include <QTemporaryDir>
#include <QtTest>

#include <random>

using namespace conclave;

namespace {

constexpr int kPromptLength = 1100;
constexpr int kWindow = 5;
constexpr int kRing = kWindow - 1 + 512; // the window and one step
constexpr int kSpan = 8 * kWindow;       // checkpoints before every multiple of it

// Pseudo-random token ids of the tiny vocabulary, the same in every run.
std::vector<std::int32_t> long_prompt() {
    std::mt19937 rng(1234);
    std::uniform_int_distribution<std::int32_t> id(0, test::TinyDecoder{}.n_vocab - 1);
    std::vector<std::int32_t> tokens(kPromptLength);
    for (std::int32_t& t : tokens) t = id(rng);
    return tokens;
}

test::TinyDecoder spec_for(const QString& arch) {
    test::TinyDecoder spec;
    if (arch == QLatin1String("gpt-oss")) {
        spec = test::tiny_gpt_oss(); // layers 0 and 2 windowed
    } else {
        spec.arch = "gemma3";
        spec.n_layer = 6; // five windowed layers and one global
    }
    spec.sliding_window = kWindow;
    spec.n_ctx = 2048;
    return spec;
}

// Generation that stops after sampling one token: its result tells how much of the prompt
// was computed (GenerationResult::n_prompt_evaluated).
GenerateOptions one_token() {
    GenerateOptions options;
    options.max_tokens = 1;
    return options;
}

std::vector<float> row(const std::vector<float>& all, std::size_t index, int n_vocab) {
    return std::vector<float>(all.begin() + static_cast<long>(index) * n_vocab, all.begin() + static_cast<long>(index + 1) * n_vocab);
}

} // namespace

class TestSlidingWindow : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    const std::vector<std::int32_t> m_prompt = long_prompt();

    std::string write(const test::TinyDecoder& spec, const QString& name) {
        const std::string path = (m_dir.path() + '/' + name + QStringLiteral(".gguf")).toStdString();
        return test::write_tiny_decoder(spec, path) ? path : std::string();
    }

    std::unique_ptr<Model> load(const QString& arch) {
        const std::string path = write(spec_for(arch), arch);
        if (path.empty()) return nullptr;
        auto model = Model::load(path);
        return model.ok() ? std::move(model.value()) : nullptr;
    }

    static void add_arch_rows() {
        QTest::addColumn<QString>("arch");
        QTest::newRow("gemma3") << QStringLiteral("gemma3");
        QTest::newRow("gpt-oss") << QStringLiteral("gpt-oss");
    }

private slots:
    void ringedLogitsMatchTheReference_data() { add_arch_rows(); }

    // One evaluate() of the whole prompt (three steps of at most 512 tokens, every windowed
    // layer's ring wrapping around twice) against the scalar reference, which keeps every
    // position and applies the window by masking.
    void ringedLogitsMatchTheReference() {
        QFETCH(QString, arch);
        const test::TinyDecoder spec = spec_for(arch);
        const std::string path = write(spec, arch + QStringLiteral("-reference"));
        auto model = Model::load(path);
        QVERIFY2(model.ok(), model.ok() ? "" : model.error().message.c_str());
        auto session = Session::create(**model, {.n_ctx = 2048, .n_threads = 2, .n_batch = 2048, .kv_type = KvCacheType::f32});
        QVERIFY(session.ok());
        auto logits = (*session)->evaluate(m_prompt, true);
        QVERIFY2(logits.ok(), logits.ok() ? "" : logits.error().message.c_str());
        const auto expected = test::reference_decoder_logits(path, std::vector<int>(m_prompt.begin(), m_prompt.end()));
        QCOMPARE(expected.size(), m_prompt.size());
        for (std::size_t t = 0; t < m_prompt.size(); ++t) {
            const double e = test::nmse(expected[t], row(*logits, t, spec.n_vocab));
            QVERIFY2(e < 1e-5, qPrintable(QStringLiteral("position %1: NMSE %2").arg(t).arg(e)));
        }
    }

    void decodingPastTheRingEqualsOnePass_data() {
        QTest::addColumn<QString>("arch");
        QTest::addColumn<int>("kv_type");
        for (const char* arch : {"gemma3", "gpt-oss"})
            for (const KvCacheType kv : {KvCacheType::f32, KvCacheType::f16})
                QTest::addRow("%s-%s", arch, kv == KvCacheType::f32 ? "f32" : "f16") << QString::fromLatin1(arch) << static_cast<int>(kv);
        QTest::newRow("gpt-oss-q8_0") << QStringLiteral("gpt-oss") << static_cast<int>(KvCacheType::q8_0);
    }

    // 600 tokens in batches of 64, then one token at a time to 700: every step resumes from
    // the ring (only the session's fixed tail of the prompt is recomputed) and its logits are
    // those of one pass over the prompt.
    void decodingPastTheRingEqualsOnePass() {
        QFETCH(QString, arch);
        QFETCH(int, kv_type);
        const auto kv = static_cast<KvCacheType>(kv_type);
        auto model = load(arch);
        QVERIFY(model);
        const int n_vocab = model->info().n_vocab;
        auto fresh = Session::create(*model, {.n_ctx = 2048, .n_threads = 2, .n_batch = 2048, .kv_type = kv});
        QVERIFY(fresh.ok());
        const std::vector<std::int32_t> first(m_prompt.begin(), m_prompt.begin() + 700);
        auto want = (*fresh)->evaluate(first, true);
        QVERIFY(want.ok());

        auto decoding = Session::create(*model, {.n_ctx = 2048, .n_threads = 2, .n_batch = 64, .kv_type = kv});
        QVERIFY(decoding.ok());
        QVERIFY((*decoding)->evaluate(std::span(first).first(600)).ok());
        for (std::size_t t = 600; t < first.size(); ++t) {
            auto step = (*decoding)->generate(std::span(first).first(t + 1), one_token());
            QVERIFY(step.ok());
            QCOMPARE(step->n_prompt_evaluated, static_cast<int>(Session::prompt_tail));
            auto logits = (*decoding)->evaluate(std::span(first).first(t + 1)); // the same tokens: its logits again
            QVERIFY(logits.ok());
            const double e = test::nmse(row(*want, t, n_vocab), *logits);
            QVERIFY2(e < 1e-10, qPrintable(QStringLiteral("decoding step %1: NMSE %2").arg(t).arg(e)));
        }
    }

    void prefixReuseEqualsRecomputation_data() {
        QTest::addColumn<QString>("arch");
        QTest::addColumn<int>("held");      // tokens the first call leaves in the cache
        QTest::addColumn<int>("diverge");   // first position the second call changes (-1: none)
        QTest::addColumn<int>("evaluated"); // positions the second call computes
        for (const char* arch : {"gemma3", "gpt-oss"}) {
            const QString a = QString::fromLatin1(arch);
            // A follow-up turn: the whole first call is a prefix of the second.
            QTest::addRow("%s-shared-prefix", arch) << a << 1000 << -1 << kPromptLength - 1000;
            // An edit inside the last window: the ring still has the window before it (the
            // session recomputes its fixed prompt tail, more than the 3 changed positions).
            QTest::addRow("%s-diverge-in-last-window", arch) << a << kPromptLength << kPromptLength - 3
                                                             << static_cast<int>(Session::prompt_tail);
            // Inside the ring's 516 latest positions but long before its end.
            QTest::addRow("%s-diverge-in-ring", arch) << a << kPromptLength << 900 << kPromptLength - 900;
            // Before the ring: resumed from the checkpoint below (280), not from 0.
            QTest::addRow("%s-diverge-before-checkpoint", arch) << a << kPromptLength << 301 << kPromptLength - 301 / kSpan * kSpan;
        }
    }

    void prefixReuseEqualsRecomputation() {
        QFETCH(QString, arch);
        QFETCH(int, held);
        QFETCH(int, diverge);
        QFETCH(int, evaluated);
        auto model = load(arch);
        QVERIFY(model);
        std::vector<std::int32_t> second = m_prompt;
        if (diverge >= 0) {
            std::int32_t& changed = second[static_cast<std::size_t>(diverge)];
            changed = (changed + 1) % model->info().n_vocab;
        }

        const SessionOptions options{.n_ctx = 2048, .n_threads = 2, .n_batch = 256, .kv_type = KvCacheType::f16};
        auto reused = Session::create(*model, options);
        QVERIFY(reused.ok());
        QVERIFY((*reused)->evaluate(std::span(m_prompt).first(static_cast<std::size_t>(held))).ok());
        auto resumed = (*reused)->generate(second, one_token());
        QVERIFY(resumed.ok());
        QCOMPARE(resumed->n_prompt_evaluated, evaluated);
        auto got = (*reused)->evaluate(second);

        auto fresh = Session::create(*model, options);
        QVERIFY(fresh.ok());
        auto want = (*fresh)->evaluate(second);
        QVERIFY(got.ok() && want.ok());
        const double e = test::nmse(*want, *got);
        QVERIFY2(e < 1e-10, qPrintable(QStringLiteral("reused against recomputed: NMSE %1").arg(e)));
    }

    void chatFollowUpResumesFromTheRing_data() { add_arch_rows(); }

    // A chat's next turn: the previous prompt, the answer (its last token was sampled but
    // never evaluated) and new text. Only the last answer token and the new text are computed,
    // and the logits are those of a fresh session.
    void chatFollowUpResumesFromTheRing() {
        QFETCH(QString, arch);
        auto model = load(arch);
        QVERIFY(model);
        const SessionOptions options{.n_ctx = 2048, .n_threads = 2, .n_batch = 256, .kv_type = KvCacheType::f16};
        auto session = Session::create(*model, options);
        QVERIFY(session.ok());
        GenerateOptions greedy;
        greedy.sampling.temperature = 0.0f;
        greedy.max_tokens = 40;
        const std::vector<std::int32_t> first(m_prompt.begin(), m_prompt.begin() + 900);
        auto answer = (*session)->generate(first, greedy);
        QVERIFY(answer.ok());
        QCOMPARE(answer->tokens.size(), std::size_t{40});
        std::vector<std::int32_t> second = first;
        second.insert(second.end(), answer->tokens.begin(), answer->tokens.end());
        second.insert(second.end(), m_prompt.begin() + 900, m_prompt.begin() + 960); // the user's next message
        auto next = (*session)->generate(second, one_token());
        QVERIFY(next.ok());
        QCOMPARE(next->n_prompt_evaluated, 1 + 60);
        auto got = (*session)->evaluate(second);
        auto fresh = Session::create(*model, options);
        QVERIFY(fresh.ok());
        auto want = (*fresh)->evaluate(second);
        QVERIFY(got.ok() && want.ok());
        const double e = test::nmse(*want, *got);
        QVERIFY2(e < 1e-10, qPrintable(QStringLiteral("follow-up against recomputed: NMSE %1").arg(e)));
    }

    void vulkanMatchesTheCpu_data() { add_arch_rows(); }

    // On a Vulkan device (skipped without one) the windowed layers' rings live on the host and
    // their K/V stores and attention run on the CPU, the rest on the GPU: the same logits,
    // also after prefix reuse from a checkpoint (restore_window through the backend).
    void vulkanMatchesTheCpu() {
        QFETCH(QString, arch);
        auto model = load(arch);
        QVERIFY(model);
        SessionOptions options{.n_ctx = 2048, .n_threads = 2, .n_batch = 256, .kv_type = KvCacheType::f32};
        auto cpu = Session::create(*model, options);
        options.backend = ComputeBackend::vulkan;
        auto gpu = Session::create(*model, options);
        QVERIFY(cpu.ok() && gpu.ok());
        if ((*gpu)->backend_name() != "vulkan") QSKIP("no Vulkan device");
        std::vector<std::int32_t> edited = m_prompt;
        edited[301] = (edited[301] + 1) % model->info().n_vocab;
        for (const std::vector<std::int32_t>& tokens : {m_prompt, edited}) {
            auto want = (*cpu)->evaluate(tokens);
            auto got = (*gpu)->evaluate(tokens);
            QVERIFY2(got.ok(), got.ok() ? "" : got.error().message.c_str());
            QVERIFY(want.ok());
            const double e = test::nmse(*want, *got);
            QVERIFY2(e < 1e-5, qPrintable(QStringLiteral("GPU against CPU: NMSE %1").arg(e)));
        }
        QVERIFY2((*gpu)->backend_note().empty(), (*gpu)->backend_note().c_str());
    }

    void cacheIsTheEstimate_data() {
        QTest::addColumn<QString>("arch");
        QTest::addColumn<int>("n_ctx");
        for (const char* arch : {"gemma3", "gpt-oss"})
            for (const int n_ctx : {48, 2048}) QTest::addRow("%s-%d", arch, n_ctx) << QString::fromLatin1(arch) << n_ctx;
    }

    // The bytes a session holds are the estimate, and the estimate is the layout: windowed
    // layers keep min(ring, n_ctx) K and V rows, a tag per ring row and the window - 1
    // checkpoint rows before every multiple of the span inside the context; the others n_ctx.
    void cacheIsTheEstimate() {
        QFETCH(QString, arch);
        QFETCH(int, n_ctx);
        auto model = load(arch);
        QVERIFY(model);
        const SessionOptions options{.n_ctx = n_ctx, .n_threads = 2, .kv_type = KvCacheType::f16};
        auto session = Session::create(*model, options);
        QVERIFY(session.ok());
        QVERIFY((*session)->evaluate(std::span(m_prompt).first(40)).ok());
        const ModelInfo& info = model->info();
        QCOMPARE((*session)->memory_used().kv_cache, estimate_memory(info, options).kv_cache);

        const test::TinyDecoder spec = spec_for(arch);
        const int windowed = arch == QLatin1String("gpt-oss") ? spec.n_layer / 2 : spec.n_layer - spec.n_layer / 6;
        const int global = spec.n_layer - windowed;
        const std::uint64_t row = 2ull * static_cast<std::uint64_t>(info.kv_values); // F16 K and V of one position
        const std::uint64_t checkpoints = static_cast<std::uint64_t>((n_ctx - 1) / kSpan * (kWindow - 1));
        const std::uint64_t expected = global * row * static_cast<std::uint64_t>(n_ctx) +
                                       windowed * (row * std::min<std::uint64_t>(kRing, static_cast<std::uint64_t>(n_ctx)) +
                                                   4ull * kRing + row * checkpoints);
        QCOMPARE(estimate_memory(info, options).kv_cache, expected);
        // Per position: the global layers' rows and the windowed layers' checkpoints.
        QCOMPARE(info.kv_bytes_per_token,
                 static_cast<std::uint64_t>(global * row + windowed * row * (kWindow - 1) / static_cast<double>(kSpan) + 0.5));
        int rings = 0;
        for (const int ring : info.kv_rings) rings += ring == kRing;
        QCOMPARE(rings, windowed);
    }
};

QTEST_GUILESS_MAIN(TestSlidingWindow)
#include "test_sliding_window.moc"
