// Real-model tokenizer tests (label e2e): the vocabularies of SmolLM2-135M-Instruct (byte-level
// BPE, pre-tokenizer "smollm") and Gemma 3 270M (SentencePiece, 262k pieces) against Hugging
// Face `tokenizers` rebuilt from the same GGUF (hf_tokenizer_oracle.py) on a multilingual
// sample. Skips with the reason when a model file or the Python venv is absent; the models
// come from scripts/fetch-default-model and scripts/fetch-test-models.

#include "oracle_python.h"
#include "tokenizer/detokenizer.h"
#include "tokenizer_test_support.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryFile>
#include <QTest>

using namespace conclave;
using namespace conclave::tokenizer;

namespace {

// English, code, German, Russian, Chinese, Japanese, Arabic, emoji (ZWJ sequences and skin
// tones), numbers, whitespace runs, chat markup and very long pieces.
const std::vector<std::string> samples = {
    "Hello world! How are you doing today?",
    "The quick brown fox jumps over the lazy dog. It's 'quoted' and they're DONE.",
    "def fib(n):\n    return n if n < 2 else fib(n-1) + fib(n-2)\n",
    "#include <vector>\nint main() { std::vector<int> v{1, 2, 3}; return v.size() > 2 ? 0 : 1; }\n",
    "Größenänderung der Straße über Äpfel und Öl",
    "Привет, как дела? Съешь ещё этих мягких французских булок.",
    "我们今天去公园散步吧。天气很好！",
    "日本語のテキストとカタカナ、ひらがな。東京タワー",
    "مرحبا بالعالم، كيف حالك؟",
    "🚀 emoji 😶‍🌫️ test 👍🏽 family 👨‍👩‍👧‍👦",
    "3.14159 123456789 1,000,000 2024-01-15 0x1F",
    "spaces    and\t\ttabs\n\n\nnewlines   ",
    "   leading and trailing   ",
    "\n",
    "Mixed: café naïve résumé — “quotes” … done",
    "<|im_start|>user\nhi<|im_end|>\n<start_of_turn>model\nok<end_of_turn>",
    // Pieces longer than the BPE short-piece path (48 bytes) take the priority-queue path.
    "Pneumonoultramicroscopicsilicovolcanoconiosisantidisestablishmentarianism!",
    "================================================================ "
    "----------------------------------------------------------------",
};

QString data_home() {
    return qEnvironmentVariable("XDG_DATA_HOME", QDir::homePath() + "/.local/share");
}
QString cache_home() {
    return qEnvironmentVariable("XDG_CACHE_HOME", QDir::homePath() + "/.cache");
}

} // namespace

class TestTokenizerE2e : public QObject {
    Q_OBJECT

private slots:
    void matches_reference_data();
    void matches_reference();
    void decodes_and_streams_data() { matches_reference_data(); }
    void decodes_and_streams();
};

void TestTokenizerE2e::matches_reference_data() {
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("fetch");
    QTest::addColumn<QString>("eog");
    QTest::newRow("smollm2-135m") << data_home() +
                                         "/conclave/models/SmolLM2-135M-Instruct.Q4_1.gguf"
                                  << "scripts/fetch-default-model"
                                  << "<|im_end|>";
    QTest::newRow("gemma3-270m") << cache_home() + "/conclave/test-models/gemma-3-270m-q4_k_m.gguf"
                                 << "scripts/fetch-test-models"
                                 << "<end_of_turn>";
}

void TestTokenizerE2e::matches_reference() {
    QFETCH(QString, path);
    QFETCH(QString, fetch);
    if (!QFileInfo::exists(path)) {
        QSKIP(qPrintable("model file absent: " + path + " (run " + fetch + ")"));
    }
    if (test::oracle_python().isEmpty()) {
        QSKIP("no Python venv with tokenizers/gguf (run scripts/bootstrap or set CONCLAVE_VENV)");
    }
    QString error;
    const auto tok = test::open_tokenizer(path, &error);
    QVERIFY2(tok, qPrintable(error));

    QJsonArray texts;
    for (const std::string& s : samples) {
        texts.append(QString::fromStdString(s));
    }
    QTemporaryFile input;
    QVERIFY(input.open());
    input.write(QJsonDocument(texts).toJson());
    input.flush();
    const auto run = test::run_oracle(QStringLiteral(CONCLAVE_TOKENIZER_ORACLE),
                                      {path, input.fileName()}, 300000);
    QVERIFY2(run.ok, run.err.constData());
    const QJsonArray expected = QJsonDocument::fromJson(run.out).array();
    QCOMPARE(expected.size(), static_cast<qsizetype>(samples.size()));

    int passed = 0;
    for (std::size_t i = 0; i < samples.size(); ++i) {
        std::vector<TokenId> want;
        for (const auto v : expected[static_cast<qsizetype>(i)].toArray()) {
            want.push_back(v.toInt());
        }
        // The reference splits out every added token, so parse specials here too.
        const auto got = tok->tokenize(samples[i], {false, true});
        if (got == want) {
            ++passed;
        } else {
            qWarning().noquote() << "sample" << i << QString::fromStdString(samples[i]).left(60)
                                 << "\n  got     " << test::ids_to_string(got) << "\n  expected"
                                 << test::ids_to_string(want);
        }
    }
    qInfo().noquote() << QFileInfo(path).fileName() << ":" << passed << "/" << samples.size()
                      << "samples match Hugging Face tokenizers";
    QCOMPARE(passed, static_cast<int>(samples.size()));
}

void TestTokenizerE2e::decodes_and_streams() {
    QFETCH(QString, path);
    QFETCH(QString, fetch);
    QFETCH(QString, eog);
    if (!QFileInfo::exists(path)) {
        QSKIP(qPrintable("model file absent: " + path + " (run " + fetch + ")"));
    }
    QString error;
    const auto tok = test::open_tokenizer(path, &error);
    QVERIFY2(tok, qPrintable(error));

    const auto eog_id = tok->vocab().find(eog.toStdString());
    QVERIFY(eog_id.has_value());
    QVERIFY(tok->is_eog(*eog_id));
    QVERIFY(tok->is_eog(tok->vocab().eos));

    for (const std::string& text : samples) {
        const auto ids = tok->tokenize(text, {false, false});
        QCOMPARE(QString::fromStdString(tok->detokenize(ids)), QString::fromStdString(text));
        // Token by token, the stream releases only whole characters and ends with the same text.
        Detokenizer stream(*tok);
        std::string streamed;
        for (const TokenId id : ids) {
            const std::string piece = stream.push(id);
            QVERIFY(QString::fromUtf8(piece).toUtf8() == QByteArray::fromStdString(piece));
            streamed += piece;
        }
        streamed += stream.flush();
        QCOMPARE(QString::fromStdString(streamed), QString::fromStdString(text));
    }
}

QTEST_GUILESS_MAIN(TestTokenizerE2e)
#include "test_tokenizer_e2e.moc"
