// Tokenizes every test string of the shared fixtures (real vocabularies of real models) and
// compares with the ids Hugging Face's tokenizers produce (without BOS/EOS). Also checks that
// decoding gives the text back. Skips with the reason when the shared fixtures are absent.

#include "oracle_python.h"
#include "tokenizer/detokenizer.h"
#include "tokenizer_test_support.h"

#include <QDir>
#include <QTest>

using namespace conclave;
using namespace conclave::tokenizer;

class TestTokenizerFixtures : public QObject {
    Q_OBJECT

private slots:
    void fixture_vocabulary_data();
    void fixture_vocabulary();
    void round_trip_data();
    void round_trip();
};

void TestTokenizerFixtures::fixture_vocabulary_data() {
    QTest::addColumn<QString>("path");
    const QString dir = test::shared_fixtures();
    if (dir.isEmpty()) {
        QTest::newRow("no-fixtures") << QString();
        return;
    }
    for (const char* name : {"bert-bge", "deepseek-coder", "deepseek-llm", "gpt-2", "llama-spm",
                             "phi-3", "starcoder"}) {
        QTest::newRow(name) << dir + "/tokenizer/ggml-vocab-" + QString::fromUtf8(name) + ".gguf";
    }
}

void TestTokenizerFixtures::fixture_vocabulary() {
    QFETCH(QString, path);
    if (path.isEmpty()) {
        QSKIP("CONCLAVE_SHARED_DIR/fixtures is absent: no real vocabularies to test against");
    }
    QString error;
    const auto tok = test::open_tokenizer(path, &error);
    QVERIFY2(tok, qPrintable(error));
    const auto cases = test::read_fixture_cases(path);
    QVERIFY2(!cases.empty(), "no test strings read from the .inp/.out pair");

    int passed = 0;
    int reported = 0;
    for (std::size_t i = 0; i < cases.size(); ++i) {
        const auto ids = tok->tokenize(cases[i].text, {false, false});
        if (ids == cases[i].expected) {
            ++passed;
        } else if (reported++ < 5) {
            qWarning().noquote() << "case" << i << QString::fromStdString(cases[i].text).left(80)
                                 << "\n  got     " << test::ids_to_string(ids) << "\n  expected"
                                 << test::ids_to_string(cases[i].expected);
        }
    }
    qInfo().noquote() << QFileInfo(path).fileName() << ":" << passed << "/" << cases.size()
                      << "cases match";
    QCOMPARE(passed, static_cast<int>(cases.size()));
}

// Every vocabulary, including those without expected ids (baichuan, gpt-neox), must give the
// fixture strings back when decoding what it encoded.
void TestTokenizerFixtures::round_trip_data() {
    fixture_vocabulary_data();
    const QString dir = test::shared_fixtures();
    if (!dir.isEmpty()) {
        for (const char* name : {"baichuan", "gpt-neox"}) {
            QTest::newRow(name) << dir + "/tokenizer/ggml-vocab-" + QString::fromUtf8(name) +
                                       ".gguf";
        }
    }
}

void TestTokenizerFixtures::round_trip() {
    QFETCH(QString, path);
    if (path.isEmpty()) {
        QSKIP("CONCLAVE_SHARED_DIR/fixtures is absent: no real vocabularies to test against");
    }
    if (path.contains("bert")) {
        QSKIP("WordPiece lowercases and drops accents and spacing: its decoding is not the input");
    }
    QString error;
    const auto tok = test::open_tokenizer(path, &error);
    QVERIFY2(tok, qPrintable(error));
    // The vocabularies without expectations reuse the llama-spm strings.
    QString cases_path = path;
    if (!QFileInfo::exists(path + ".inp")) {
        cases_path = QFileInfo(path).path() + "/ggml-vocab-llama-spm.gguf";
    }
    const auto cases = test::read_fixture_cases(cases_path);
    QVERIFY(!cases.empty());
    for (const auto& c : cases) {
        const auto ids = tok->tokenize(c.text, {false, false});
        const std::string back = tok->detokenize(ids, {false, true});
        QCOMPARE(QString::fromStdString(back), QString::fromStdString(c.text));
    }
}

QTEST_GUILESS_MAIN(TestTokenizerFixtures)
#include "test_tokenizer_fixtures.moc"
