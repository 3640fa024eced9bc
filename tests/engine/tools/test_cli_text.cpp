// conclave-cli tokenize / detokenize / template, run as a user runs them: ids equal the
// reference tokenizations of the shared fixtures, text round-trips, and the SmolLM2 model's
// embedded chat template renders every fixture conversation byte for byte like Python's
// jinja2 (the reference renderer in ../shared/tools).

#include "oracle_python.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

namespace {

struct CliRun {
    int code = -1;
    QByteArray out, err;
};

CliRun cli(const QStringList& args) {
    QProcess process;
    process.start(QStringLiteral(CONCLAVE_CLI_PATH), args);
    CliRun run;
    if (!process.waitForFinished(120000)) return run;
    run.code = process.exitCode();
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

QString smollm2() {
    const QString data = qEnvironmentVariable("XDG_DATA_HOME", QDir::homePath() + QStringLiteral("/.local/share"));
    return data + QStringLiteral("/conclave/models/SmolLM2-135M-Instruct.Q4_1.gguf");
}

} // namespace

class TestCliText : public QObject {
    Q_OBJECT

private slots:
    void tokenizeMatchesReferenceIds_data() {
        QTest::addColumn<QString>("vocab");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("ids");
        const QString fixtures = conclave::test::shared_fixtures();
        if (fixtures.isEmpty()) return;
        for (const char* name : {"gpt-2", "llama-spm", "deepseek-coder"}) {
            const QString base = fixtures + QStringLiteral("/tokenizer/ggml-vocab-") + QLatin1String(name) + QStringLiteral(".gguf");
            QFile inp(base + QStringLiteral(".inp")), out(base + QStringLiteral(".out"));
            if (!inp.open(QIODevice::ReadOnly) || !out.open(QIODevice::ReadOnly)) continue;
            const QStringList texts = QString::fromUtf8(inp.readAll()).split(QStringLiteral("\n__ggml_vocab_test__\n"));
            const QStringList expected = QString::fromUtf8(out.readAll()).split('\n');
            for (int i = 0; i < 6 && i < texts.size() && i < expected.size(); ++i)
                if (!texts[i].isEmpty()) QTest::addRow("%s-%d", name, i) << base << texts[i] << expected[i].trimmed();
        }
    }

    void tokenizeMatchesReferenceIds() {
        if (conclave::test::shared_fixtures().isEmpty()) QSKIP("the shared fixtures are absent");
        QFETCH(QString, vocab);
        QFETCH(QString, text);
        QFETCH(QString, ids);
        const CliRun run = cli({QStringLiteral("tokenize"), vocab, text, QStringLiteral("--no-special")});
        QCOMPARE(run.code, 0);
        QCOMPARE(QString::fromUtf8(run.out).trimmed(), ids);
        const CliRun back = cli({QStringLiteral("detokenize"), vocab, ids.split(' ').join(',')});
        QCOMPARE(back.code, 0);
        QVERIFY2(QString::fromUtf8(back.out).contains(text.trimmed()), back.out.constData());
    }

    void embeddedTemplateMatchesJinja2_data() {
        QTest::addColumn<QString>("conversation");
        const QString fixtures = conclave::test::shared_fixtures();
        if (fixtures.isEmpty()) return;
        for (const QFileInfo& f : QDir(fixtures + QStringLiteral("/conversations")).entryInfoList({QStringLiteral("*.json")}))
            QTest::newRow(qPrintable(f.baseName())) << f.filePath();
    }

    void embeddedTemplateMatchesJinja2() {
        QFETCH(QString, conversation);
        if (!QFileInfo::exists(smollm2())) QSKIP("the default model is absent; run scripts/fetch-default-model");
        if (conclave::test::oracle_python().isEmpty()) QSKIP("the Python oracle venv is missing; run scripts/bootstrap");
        // The reference renders the template text itself, taken from the model file.
        const CliRun info = cli({QStringLiteral("info"), smollm2(), QStringLiteral("--json")});
        QCOMPARE(info.code, 0);
        QTemporaryDir dir;
        const QString template_path = dir.path() + QStringLiteral("/smollm2.jinja");
        QFile t(template_path);
        QVERIFY(t.open(QIODevice::WriteOnly));
        t.write(QJsonDocument::fromJson(info.out)[QStringLiteral("metadata")][QStringLiteral("tokenizer.chat_template")].toString().toUtf8());
        t.close();
        const QString reference = qEnvironmentVariable("CONCLAVE_SHARED_DIR") + QStringLiteral("/tools/jinja_reference.py");
        const auto expected = conclave::test::run_oracle(reference, {template_path, conversation, QStringLiteral("--add-generation-prompt"),
                                                                      QStringLiteral("--bos-token"), QStringLiteral("<|im_start|>"),
                                                                      QStringLiteral("--eos-token"), QStringLiteral("<|im_end|>")});
        const CliRun ours = cli({QStringLiteral("template"), smollm2(), conversation, QStringLiteral("--add-generation-prompt")});
        if (!expected.ok) {
            QVERIFY2(ours.code != 0 || !ours.err.isEmpty(), "the reference raised but we rendered silently");
            return;
        }
        QCOMPARE(ours.code, 0);
        QCOMPARE(ours.out, expected.out);
    }

    void badInputFailsClearly() {
        const CliRun missing_conv = cli({QStringLiteral("template"), smollm2(), QStringLiteral("/nonexistent.json")});
        QVERIFY(missing_conv.code != 0);
        const CliRun no_vocab = cli({QStringLiteral("tokenize"), QStringLiteral("/nonexistent.gguf"), QStringLiteral("hi")});
        QVERIFY(no_vocab.code != 0);
        QVERIFY(no_vocab.err.contains("cannot open"));
        if (QFileInfo::exists(smollm2())) {
            const CliRun out_of_range = cli({QStringLiteral("detokenize"), smollm2(), QStringLiteral("1,999999")});
            QVERIFY(out_of_range.code != 0);
            QVERIFY(out_of_range.err.contains("outside the vocabulary"));
        }
    }
};

QTEST_GUILESS_MAIN(TestCliText)
#include "test_cli_text.moc"
