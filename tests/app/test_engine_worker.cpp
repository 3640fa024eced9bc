// EngineWorker on its own thread with the real SmolLM2-135M model: loading with progress,
// streaming that arrives on the GUI thread while the GUI's event loop keeps running,
// coalesced updates, cancel within a token or two with the partial answer kept, prefix reuse
// on the second turn, and typed errors (not crashes) for missing, foreign and corrupt files.

#include "engine_thread.h"
#include "engine_worker.h"
#include "test_model_file.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <memory>

using namespace conclave::app;

namespace {

GenerationRequest ask(const QString& question, int maxTokens) {
    GenerationRequest request;
    request.turns = {{QStringLiteral("user"), question}};
    request.sampling.temperature = 0.0f; // greedy: the same answer every run
    request.maxTokens = maxTokens;
    return request;
}

} // namespace

class TestEngineWorker : public QObject {
    Q_OBJECT

    std::unique_ptr<EngineThread> m_engine;
    QTemporaryDir m_dir;
    bool m_loaded = false;

    EngineWorker* worker() { return m_engine->worker(); }

    // Runs one generation and waits for its end; returns the finished signal's arguments.
    QList<QVariant> runToEnd(quint64 id, QSignalSpy& finished) {
        const auto matches = [&] {
            for (const QList<QVariant>& args : finished)
                if (args.at(0).toULongLong() == id) return true;
            return false;
        };
        if (!QTest::qWaitFor(matches, 60000)) return {};
        for (const QList<QVariant>& args : finished)
            if (args.at(0).toULongLong() == id) return args;
        return {};
    }

    void requireModel() {
        if (!conclave::test::haveDefaultModel()) QSKIP(conclave::test::missingModelReason());
        QVERIFY2(m_loaded, "the model failed to load in loadsModelWithProgressAndFacts");
    }

private slots:
    void initTestCase() {
        qRegisterMetaType<ModelSummary>();
        qRegisterMetaType<EngineError>();
        qRegisterMetaType<GenerationUpdate>();
        qRegisterMetaType<GenerationStats>();
        QVERIFY(m_dir.isValid());
        m_engine = std::make_unique<EngineThread>();
        QVERIFY(worker()->thread() != QThread::currentThread());
    }

    void cleanupTestCase() { m_engine.reset(); }

    void badFilesGiveTypedErrors_data() {
        QTest::addColumn<QByteArray>("contents");
        QTest::addColumn<bool>("create");
        QTest::addColumn<int>("code");
        QTest::newRow("missing file") << QByteArray() << false << int(conclave::ErrorCode::io);
        QTest::newRow("not a GGUF file") << QByteArray("hello, this is a text file\n") << true
                                         << int(conclave::ErrorCode::invalid_format);
        // The GGUF magic and version 3, then a tensor count far past what the file holds.
        QByteArray corrupt("GGUF\x03\x00\x00\x00", 8);
        corrupt.append(QByteArray("\xff\xff\xff\xff\xff\xff\x00\x00", 8));
        corrupt.append(QByteArray(8, '\0'));
        QTest::newRow("corrupt header") << corrupt << true << int(conclave::ErrorCode::invalid_format);
        QTest::newRow("truncated") << QByteArray("GGU", 3) << true << int(conclave::ErrorCode::invalid_format);
    }

    void badFilesGiveTypedErrors() {
        QFETCH(QByteArray, contents);
        QFETCH(bool, create);
        QFETCH(int, code);
        const QString path = m_dir.filePath(QStringLiteral("bad-%1.gguf").arg(QTest::currentDataTag()).replace(u' ', u'-'));
        if (create) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(contents);
        }
        QSignalSpy failed(worker(), &EngineWorker::requestFailed);
        QSignalSpy loaded(worker(), &EngineWorker::modelLoaded);
        const quint64 id = worker()->loadModel({path, 512, 0});
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 10000);
        QCOMPARE(failed.at(0).at(0).toULongLong(), id);
        const auto error = failed.at(0).at(1).value<EngineError>();
        QCOMPARE(error.code, code);
        QVERIFY(!error.message.isEmpty());
        QVERIFY(!error.codeName.isEmpty());
        QCOMPARE(loaded.count(), 0);
    }

    void generateWithoutModelFails() {
        QSignalSpy failed(worker(), &EngineWorker::requestFailed);
        const quint64 id = worker()->generate(ask(QStringLiteral("Hello"), 4));
        QTRY_COMPARE(failed.count(), 1);
        QCOMPARE(failed.at(0).at(0).toULongLong(), id);
        QCOMPARE(failed.at(0).at(1).value<EngineError>().code, int(conclave::ErrorCode::invalid_argument));
    }

    void cancelledLoadFailsAsCancelled() {
        if (!conclave::test::haveDefaultModel()) QSKIP(conclave::test::missingModelReason());
        QSignalSpy failed(worker(), &EngineWorker::requestFailed);
        const quint64 id = worker()->loadModel({conclave::test::defaultModelPath(), 1024, 1});
        worker()->cancel(); // before the queued load runs: it must not load at all
        QTRY_COMPARE(failed.count(), 1);
        QCOMPARE(failed.at(0).at(0).toULongLong(), id);
        QCOMPARE(failed.at(0).at(1).value<EngineError>().code, int(conclave::ErrorCode::cancelled));
    }

    void loadsModelWithProgressAndFacts() {
        if (!conclave::test::haveDefaultModel()) QSKIP(conclave::test::missingModelReason());
        QSignalSpy progress(worker(), &EngineWorker::loadProgress);
        QSignalSpy loaded(worker(), &EngineWorker::modelLoaded);
        const quint64 id = worker()->loadModel({conclave::test::defaultModelPath(), 1024, 1});
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 30000);
        QCOMPARE(loaded.at(0).at(0).toULongLong(), id);
        QVERIFY(progress.count() >= 1);
        const auto model = loaded.at(0).at(1).value<ModelSummary>();
        QVERIFY(model.name.contains(QStringLiteral("SmolLM2"), Qt::CaseInsensitive));
        QCOMPARE(model.architecture, QStringLiteral("llama"));
        QCOMPARE(model.parameters, QStringLiteral("135M"));
        QVERIFY2(model.quantMix.startsWith(QStringLiteral("Q4_1")), qPrintable(model.quantMix));
        QCOMPARE(model.contextSize, 1024);
        QVERIFY(model.hasChatTemplate);
        m_loaded = true;
    }

    void streamsOnGuiThreadWhileGuiKeepsTicking() {
        requireModel();
        int ticks = 0;
        QTimer ticker;
        ticker.setInterval(5);
        connect(&ticker, &QTimer::timeout, this, [&] { ++ticks; });

        int updates = 0;
        bool allOnGuiThread = true;
        QString lastAnswer;
        bool grewMonotonically = true;
        const auto onProgress = [&](quint64, const GenerationUpdate& update) {
            allOnGuiThread = allOnGuiThread && QThread::currentThread() == qApp->thread();
            grewMonotonically = grewMonotonically && update.answer.startsWith(lastAnswer);
            lastAnswer = update.answer;
            ++updates;
        };
        auto connection = connect(worker(), &EngineWorker::generationProgress, this, onProgress);
        QSignalSpy finished(worker(), &EngineWorker::generationFinished);
        QElapsedTimer wall;
        wall.start();
        ticker.start();
        const quint64 id = worker()->generate(ask(QStringLiteral("Name three colours of the rainbow."), 16));
        const QList<QVariant> args = runToEnd(id, finished);
        ticker.stop();
        disconnect(connection);
        QVERIFY(!args.isEmpty());
        const auto final = args.at(1).value<GenerationUpdate>();
        const auto stats = args.at(2).value<GenerationStats>();

        QVERIFY(final.generatedTokens > 0);
        QVERIFY(!final.answer.isEmpty());
        QVERIFY(updates >= 1);
        QVERIFY(allOnGuiThread);
        QVERIFY(grewMonotonically);
        QVERIFY(final.answer.startsWith(lastAnswer.left(lastAnswer.size() - 8)));
        // The GUI's event loop ran throughout: the 5 ms timer kept firing.
        QVERIFY2(ticks >= 3, qPrintable(QStringLiteral("%1 ticks in %2 ms").arg(ticks).arg(wall.elapsed())));
        // Coalescing: no more than one update per frame interval (plus the first token's).
        QVERIFY2(updates <= wall.elapsed() / EngineWorker::frameIntervalMs + 2,
                 qPrintable(QStringLiteral("%1 updates in %2 ms").arg(updates).arg(wall.elapsed())));
        QVERIFY(stats.promptTokens > 0);
        QCOMPARE(stats.generatedTokens, final.generatedTokens);
        QVERIFY(stats.stopReason == QLatin1String("end_of_generation") || stats.stopReason == QLatin1String("max_tokens"));
        QVERIFY(stats.firstTokenMs > 0);
        QCOMPARE(stats.contextSize, 1024);
        QVERIFY(stats.contextUsed >= stats.promptTokens);
    }

    void cancelTakesEffectWithinATokenOrTwo() {
        requireModel();
        int seenAtCancel = -1;
        QString partialAtCancel;
        const quint64 id = worker()->generate(ask(QStringLiteral("Write a long story about a dragon who learns to bake bread."), 400));
        auto connection = connect(worker(), &EngineWorker::generationProgress, this,
                                  [&](quint64 progressId, const GenerationUpdate& update) {
            if (progressId != id || seenAtCancel >= 0 || update.generatedTokens < 3) return;
            seenAtCancel = update.generatedTokens;
            partialAtCancel = update.answer;
            worker()->cancel();
        });
        QSignalSpy finished(worker(), &EngineWorker::generationFinished);
        const QList<QVariant> args = runToEnd(id, finished);
        disconnect(connection);
        QVERIFY(!args.isEmpty());
        QVERIFY(seenAtCancel >= 3);
        const auto final = args.at(1).value<GenerationUpdate>();
        const auto stats = args.at(2).value<GenerationStats>();
        QCOMPARE(stats.stopReason, QStringLiteral("cancelled"));
        QVERIFY2(final.generatedTokens <= seenAtCancel + 2,
                 qPrintable(QStringLiteral("cancelled at %1 tokens, stopped at %2").arg(seenAtCancel).arg(final.generatedTokens)));
        // The partial answer is kept.
        QVERIFY(!final.answer.isEmpty());
        QVERIFY(final.answer.startsWith(partialAtCancel));

        // A generate made before cancel() is cancelled too, without running.
        QSignalSpy failed(worker(), &EngineWorker::requestFailed);
        const quint64 queued = worker()->generate(ask(QStringLiteral("Hi"), 8));
        worker()->cancel();
        const QList<QVariant> queuedArgs = runToEnd(queued, finished);
        QVERIFY(!queuedArgs.isEmpty());
        QCOMPARE(queuedArgs.at(2).value<GenerationStats>().stopReason, QStringLiteral("cancelled"));
        QCOMPARE(queuedArgs.at(1).value<GenerationUpdate>().generatedTokens, 0);
        QCOMPARE(failed.count(), 0);
    }

    void secondTurnReusesThePrefix() {
        requireModel();
        QSignalSpy finished(worker(), &EngineWorker::generationFinished);
        GenerationRequest first = ask(QStringLiteral("What is the capital of France?"), 8);
        const QList<QVariant> one = runToEnd(worker()->generate(first), finished);
        QVERIFY(!one.isEmpty());
        const QString answer = one.at(1).value<GenerationUpdate>().answer;

        GenerationRequest second = first;
        second.turns.append({QStringLiteral("assistant"), answer});
        second.turns.append({QStringLiteral("user"), QStringLiteral("And of Italy?")});
        const QList<QVariant> two = runToEnd(worker()->generate(second), finished);
        QVERIFY(!two.isEmpty());
        const auto stats = two.at(2).value<GenerationStats>();
        QVERIFY2(stats.promptEvaluated < stats.promptTokens,
                 qPrintable(QStringLiteral("evaluated %1 of %2").arg(stats.promptEvaluated).arg(stats.promptTokens)));
        QVERIFY(stats.promptEvaluated > 0);
    }

    void countsConversationTokens() {
        requireModel();
        QSignalSpy counted(worker(), &EngineWorker::tokensCounted);
        const quint64 id = worker()->countTokens({{QStringLiteral("user"), QStringLiteral("Hello there")}});
        QTRY_COMPARE(counted.count(), 1);
        QCOMPARE(counted.at(0).at(0).toULongLong(), id);
        QVERIFY(counted.at(0).at(1).toInt() > 2);
    }
};

QTEST_MAIN(TestEngineWorker)
#include "test_engine_worker.moc"
