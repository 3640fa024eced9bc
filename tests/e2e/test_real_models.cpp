// Real models from PyPI, run through conclave-cli as a user would: SmolLM2-135M-Instruct Q4_1
// (the default model) and Gemma 3 270M Q4_K_M. Checked against llama.cpp on the same files
// (golden/*.json, made by make_llamacpp_golden.py): greedy continuations agree until a step
// where llama.cpp itself had a near tie, and perplexity on a fixed text is within a stated
// fraction. Skips with the reason when a model file is absent.

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

namespace {

QString smollm2_path() {
    const QString data = qEnvironmentVariable("XDG_DATA_HOME", QDir::homePath() + QStringLiteral("/.local/share"));
    return data + QStringLiteral("/conclave/models/SmolLM2-135M-Instruct.Q4_1.gguf");
}

QString gemma3_path() {
    const QString cache = qEnvironmentVariable("XDG_CACHE_HOME", QDir::homePath() + QStringLiteral("/.cache"));
    return cache + QStringLiteral("/conclave/test-models/gemma-3-270m-q4_k_m.gguf");
}

QJsonObject cli_json(const QStringList& args, int timeout_ms = 600000) {
    QProcess process;
    process.start(QStringLiteral(CONCLAVE_CLI_PATH), args);
    if (!process.waitForFinished(timeout_ms) || process.exitCode() != 0) {
        qWarning() << "conclave-cli failed:" << process.readAllStandardError();
        return {};
    }
    return QJsonDocument::fromJson(process.readAllStandardOutput()).object();
}

QJsonObject golden(const QString& name) {
    QFile file(QStringLiteral(CONCLAVE_GOLDEN_DIR "/") + name);
    if (!file.open(QIODevice::ReadOnly)) return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

QString ids_text(const QJsonArray& ids) {
    QStringList parts;
    for (const QJsonValue& v : ids) parts << QString::number(v.toInt());
    return parts.join(',');
}

// A logit gap below this between llama.cpp's two best tokens is a near tie: the 8-bit
// activation rounding of two correct implementations can order them either way. Measured on
// SmolLM2 Q4_1 (2026-11-29): our quantized logits differ from llama.cpp's by NMSE 1e-4..1e-2
// and up to 0.9 on single logits across prompts of 4..38 tokens (with weights dequantized to
// F32 they agree to 1e-6), and the chat prompt's first-token gap ('L' over 'The') is 0.35 in
// llama.cpp, +0.13 and -0.16 in two of our builds whose kernels each match the exact product.
constexpr double near_tie = 0.5;

} // namespace

class TestRealModels : public QObject {
    Q_OBJECT

    void greedyAgreesWithLlamaCpp(const QString& model, const QString& golden_name) {
        if (!QFileInfo::exists(model)) QSKIP(qPrintable("model absent: " + model + " (scripts/fetch-test-models)"));
        const QJsonObject g = golden(golden_name);
        QVERIFY(!g.isEmpty());
        for (const QJsonValue& c : g[QStringLiteral("cases")].toArray()) {
            const QJsonObject item = c.toObject();
            const QJsonArray ref = item[QStringLiteral("greedy_ids")].toArray();
            const QJsonObject out = cli_json({QStringLiteral("generate"), model, QStringLiteral("--tokens"),
                                              ids_text(item[QStringLiteral("prompt_ids")].toArray()), QStringLiteral("--temp"),
                                              QStringLiteral("0"), QStringLiteral("-n"), QString::number(ref.size()),
                                              QStringLiteral("--json")});
            QJsonArray ours = out[QStringLiteral("tokens")].toArray();
            // An end-of-generation token ends our run without being listed; it is our choice
            // at that step all the same (and may be one llama.cpp had tied for best).
            if (out.contains(QStringLiteral("stop_token"))) ours.append(out[QStringLiteral("stop_token")]);
            QVERIFY2(!ours.isEmpty(), "no tokens generated");
            qsizetype i = 0;
            while (i < ref.size() && i < ours.size() && ours[i] == ref[i]) ++i;
            if (i == ref.size()) continue;
            const double margin = item[QStringLiteral("margins")].toArray()[i].toDouble();
            const QString where = item[QStringLiteral("prompt")].toString() + QStringLiteral(" @ step %1").arg(i);
            QVERIFY2(i < ours.size(), qPrintable("stopped early: " + where));
            QVERIFY2(margin < near_tie, qPrintable(QStringLiteral("diverged where llama.cpp was sure (margin %1): ").arg(margin) + where));
            // A tie can hold more than two tokens: near_ids lists every token within near_tie
            // of llama.cpp's best at that step (older golden files hold only the runner-up).
            const QJsonArray near = item[QStringLiteral("near_ids")].toArray()[i].toArray();
            const bool tied = near.isEmpty() ? ours[i] == item[QStringLiteral("runner_up_ids")].toArray()[i]
                                             : near.contains(ours[i]);
            QVERIFY2(tied, qPrintable("picked none of the tokens llama.cpp had tied for best: " + where));
        }
    }

    void perplexityCloseToLlamaCpp(const QString& model, const QString& golden_name, double fraction) {
        if (!QFileInfo::exists(model)) QSKIP(qPrintable("model absent: " + model + " (scripts/fetch-test-models)"));
        const QJsonObject ref = golden(golden_name)[QStringLiteral("perplexity")].toObject();
        const QJsonObject ours = cli_json({QStringLiteral("perplexity"), model, QStringLiteral(CONCLAVE_PERPLEXITY_TEXT),
                                           QStringLiteral("--ctx"), QString::number(ref[QStringLiteral("ctx")].toInt()),
                                           QStringLiteral("--json")});
        QCOMPARE(ours[QStringLiteral("n_tokens")].toInt(), ref[QStringLiteral("n_tokens")].toInt());
        const double a = ours[QStringLiteral("perplexity")].toDouble(), b = ref[QStringLiteral("perplexity")].toDouble();
        qInfo("perplexity: conclave %.3f, llama.cpp %.3f (%.2f%%)", a, b, 100.0 * (a - b) / b);
        QVERIFY2(std::abs(a - b) <= fraction * b, qPrintable(QStringLiteral("%1 vs %2").arg(a).arg(b)));
    }

private slots:
    void smollm2AnswersTheCapitalOfFrance() {
        if (!QFileInfo::exists(smollm2_path())) QSKIP("the default model is absent; run scripts/fetch-default-model");
        const QJsonObject out = cli_json({QStringLiteral("generate"), smollm2_path(), QStringLiteral("--prompt"),
                                          QStringLiteral("What is the capital of France?"), QStringLiteral("--chat"),
                                          QStringLiteral("--temp"), QStringLiteral("0"), QStringLiteral("-n"),
                                          QStringLiteral("48"), QStringLiteral("--json")});
        const QString text = out[QStringLiteral("text")].toString();
        QVERIFY2(!text.isEmpty(), "no answer");
        // The first answer token is a near tie (llama.cpp: 'L' 24.91, 'The' 24.56, so its greedy
        // answer is "L'Étoile, ..."; recorded in the golden chat case). Our logits put 'The'
        // first ("The capital of France is Paris."); a change in activation rounding can flip
        // it, which this test would then report.
        QVERIFY2(text.contains(QStringLiteral("Paris")), qPrintable(text));
    }

    // The Vulkan backend (lavapipe on CI) gives the CPU's greedy tokens, 32 of them, on the
    // real default model. The prompt is the golden case whose 32 greedy steps have no near
    // tie (llama.cpp's smallest margin between its two best tokens: 1.73): where two tokens
    // are within a few hundredths (the chat prompt "Write a short poem about the sea." starts
    // with 26.205 against 26.202 on the CPU) no two correct implementations with different
    // rounding are bound to agree, and the GPU multiplies float activations where the CPU
    // rounds them to 8 bits.
    void smollm2OnVulkanMatchesTheCpuGreedy() {
        if (!QFileInfo::exists(smollm2_path())) QSKIP("the default model is absent; run scripts/fetch-default-model");
        QJsonObject counting;
        for (const QJsonValue& c : golden(QStringLiteral("smollm2-135m-instruct-q4_1.json"))[QStringLiteral("cases")].toArray())
            if (c[QStringLiteral("prompt")].toString() == QStringLiteral("1, 2, 3, 4, 5,")) counting = c.toObject();
        QVERIFY(!counting.isEmpty());
        const QStringList common{QStringLiteral("generate"), smollm2_path(), QStringLiteral("--tokens"),
                                 ids_text(counting[QStringLiteral("prompt_ids")].toArray()), QStringLiteral("--temp"),
                                 QStringLiteral("0"), QStringLiteral("-n"), QStringLiteral("32"), QStringLiteral("--json")};
        const QJsonObject cpu = cli_json(common + QStringList{QStringLiteral("--backend"), QStringLiteral("cpu")});
        const QJsonObject gpu = cli_json(common + QStringList{QStringLiteral("--backend"), QStringLiteral("vulkan")});
        QVERIFY(!cpu.isEmpty() && !gpu.isEmpty());
        if (gpu[QStringLiteral("backend")].toString() != QStringLiteral("vulkan")) QSKIP("no usable Vulkan device here");
        const QJsonArray want = cpu[QStringLiteral("tokens")].toArray(), got = gpu[QStringLiteral("tokens")].toArray();
        QCOMPARE(want.size(), 32);
        QCOMPARE(ids_text(got), ids_text(want));
        QCOMPARE(ids_text(want), ids_text(counting[QStringLiteral("greedy_ids")].toArray()));
    }

    // The interactive chat keeps the conversation: the second turn's prompt holds the first
    // exchange, and the process ends cleanly on /quit.
    void smollm2InteractiveChatTakesTwoTurns() {
        if (!QFileInfo::exists(smollm2_path())) QSKIP("the default model is absent; run scripts/fetch-default-model");
        QProcess chat;
        chat.start(QStringLiteral(CONCLAVE_CLI_PATH), {QStringLiteral("chat"), smollm2_path(), QStringLiteral("--temp"),
                                                      QStringLiteral("0"), QStringLiteral("-n"), QStringLiteral("24")});
        QVERIFY(chat.waitForStarted());
        chat.write("Name a colour.\nName another one.\n/quit\n");
        chat.closeWriteChannel();
        QVERIFY(chat.waitForFinished(300000));
        QCOMPARE(chat.exitCode(), 0);
        const QStringList answers = QString::fromUtf8(chat.readAllStandardOutput()).split('\n', Qt::SkipEmptyParts);
        QVERIFY2(answers.size() >= 2, qPrintable(answers.join('|')));
        QCOMPARE(chat.readAllStandardError().count("> "), 3);
    }

    // A stop string taken from the middle of a greedy answer ends the same answer right
    // before it, whatever tokens it spans.
    void smollm2StopsAtAStopString() {
        if (!QFileInfo::exists(smollm2_path())) QSKIP("the default model is absent; run scripts/fetch-default-model");
        const QStringList common{QStringLiteral("generate"), smollm2_path(), QStringLiteral("--prompt"),
                                 QStringLiteral("Once upon a time"), QStringLiteral("--temp"), QStringLiteral("0"),
                                 QStringLiteral("-n"), QStringLiteral("40"), QStringLiteral("--json")};
        const QString full = cli_json(common)[QStringLiteral("text")].toString();
        QVERIFY2(full.size() > 40, qPrintable(full));
        const QString stop = full.mid(full.size() / 2, 5);
        const QJsonObject out = cli_json(common + QStringList{QStringLiteral("--stop"), stop});
        QCOMPARE(out[QStringLiteral("stop_reason")].toString(), QStringLiteral("stop_string"));
        QCOMPARE(out[QStringLiteral("text")].toString(), full.left(full.indexOf(stop)));
    }

    void smollm2GreedyAgreesWithLlamaCpp() {
        greedyAgreesWithLlamaCpp(smollm2_path(), QStringLiteral("smollm2-135m-instruct-q4_1.json"));
    }

    void gemma3GreedyAgreesWithLlamaCpp() {
        greedyAgreesWithLlamaCpp(gemma3_path(), QStringLiteral("gemma-3-270m-q4_k_m.json"));
    }

    void gemma3ContinuesSensibly() {
        if (!QFileInfo::exists(gemma3_path())) QSKIP("Gemma 3 270M is absent; run scripts/fetch-test-models");
        const QJsonObject out = cli_json({QStringLiteral("generate"), gemma3_path(), QStringLiteral("--prompt"),
                                          QStringLiteral("The capital of France is"), QStringLiteral("--temp"),
                                          QStringLiteral("0"), QStringLiteral("-n"), QStringLiteral("12"),
                                          QStringLiteral("--json")});
        QVERIFY2(out[QStringLiteral("text")].toString().contains(QStringLiteral("France")),
                 qPrintable(out[QStringLiteral("text")].toString()));
    }

    // Within 1% of llama.cpp on the same file and text.
    void smollm2PerplexityCloseToLlamaCpp() {
        perplexityCloseToLlamaCpp(smollm2_path(), QStringLiteral("smollm2-135m-instruct-q4_1.json"), 0.01);
    }

};

QTEST_GUILESS_MAIN(TestRealModels)
#include "test_real_models.moc"
