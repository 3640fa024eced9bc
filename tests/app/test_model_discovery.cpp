// Model discovery over a real folder layout (model_folders_fixture: a Hugging Face cache
// with links into blobs, LM Studio, Downloads with a split model and broken files, a link
// loop): the well-known folders follow HF_HOME / HF_HUB_CACHE / XDG_CACHE_HOME; each model
// is found once, under the name the user gave it, with the facts of its header; non-GGUF and
// dangling files are left out, damaged and unsupported ones carry their problem; the walk
// stops at its limits; the ModelScanner answers on the GUI thread without blocking it; the
// picker's list model (under QAbstractItemModelTester) merges recent and found models and
// filters; MemAvailable is parsed from /proc/meminfo text.

#include "available_memory.h"
#include "model_discovery.h"
#include "model_folders_fixture.h"
#include "model_list_model.h"
#include "model_scanner.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

using namespace conclave::app;
using conclave::test::ModelFoldersFixture;

class TestModelDiscovery : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    ModelFoldersFixture m_fixture;

    static const DiscoveredModel* find(const DiscoveryResult& result, const QString& path) {
        for (const DiscoveredModel& m : result.models)
            if (m.facts.path == path) return &m;
        return nullptr;
    }
    static int countFileName(const DiscoveryResult& result, const QString& fileName) {
        int n = 0;
        for (const DiscoveredModel& m : result.models) n += m.fileName == fileName ? 1 : 0;
        return n;
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        QVERIFY(conclave::test::buildModelFolders(m_dir.path(), m_fixture));
    }

    void wellKnownFolders_data() {
        QTest::addColumn<QString>("xdgCache");
        QTest::addColumn<QString>("hfHome");
        QTest::addColumn<QString>("hfHubCache");
        QTest::addColumn<QString>("expectedHub");
        QTest::addColumn<QString>("expectedLmCache");
        QTest::newRow("defaults") << ""
                                  << ""
                                  << ""
                                  << "/h/.cache/huggingface/hub"
                                  << "/h/.cache/lm-studio/models";
        QTest::newRow("XDG_CACHE_HOME") << "/xc"
                                        << ""
                                        << ""
                                        << "/xc/huggingface/hub"
                                        << "/xc/lm-studio/models";
        QTest::newRow("HF_HOME") << "/xc"
                                 << "/hf"
                                 << ""
                                 << "/hf/hub"
                                 << "/xc/lm-studio/models";
        QTest::newRow("HF_HUB_CACHE") << ""
                                      << "/hf"
                                      << "/hub"
                                      << "/hub"
                                      << "/h/.cache/lm-studio/models";
    }
    void wellKnownFolders() {
        QFETCH(QString, xdgCache);
        QFETCH(QString, hfHome);
        QFETCH(QString, hfHubCache);
        QFETCH(QString, expectedHub);
        QFETCH(QString, expectedLmCache);
        ModelLocations l;
        l.home = QStringLiteral("/h");
        l.xdgCacheHome = xdgCache;
        l.hfHome = hfHome;
        l.hfHubCache = hfHubCache;
        l.modelsFolder = QStringLiteral("/data/conclave/models");
        l.userFolders = {QStringLiteral("/mine"),
                         QStringLiteral("/h/Downloads/")}; // the second is known
        const QList<ModelFolder> folders = wellKnownModelFolders(l);
        QStringList paths;
        for (const ModelFolder& f : folders) paths.append(f.path);
        QCOMPARE(paths, (QStringList{QStringLiteral("/data/conclave/models"), expectedHub,
                                     QStringLiteral("/h/.lmstudio/models"), expectedLmCache,
                                     QStringLiteral("/h/Downloads"), QStringLiteral("/mine")}));
        QCOMPARE(folders[0].source, ModelSource::conclave);
        QCOMPARE(folders[1].source, ModelSource::huggingface);
        QCOMPARE(folders[2].source, ModelSource::lmstudio);
        QCOMPARE(folders[4].source, ModelSource::downloads);
        QCOMPARE(folders[5].source, ModelSource::user);
    }

    void findsEachModelOnceWithItsFacts() {
        std::atomic<bool> cancel{false};
        const DiscoveryResult result =
            discoverModels(wellKnownModelFolders(m_fixture.locations), {}, cancel);
        QVERIFY(!result.truncated);

        // The Hugging Face snapshot: once (two revisions link to one blob), by its name.
        QCOMPARE(countFileName(result, QStringLiteral("tiny-q8_0.gguf")), 1);
        const DiscoveredModel* hub = find(result, m_fixture.hubSnapshot);
        QVERIFY(hub);
        QCOMPARE(hub->source, ModelSource::huggingface);
        QCOMPARE(hub->repository, QStringLiteral("TinyOrg/Tiny-GGUF"));
        QCOMPARE(hub->facts.architecture, QStringLiteral("llama"));
        QVERIFY(hub->facts.supported);
        QVERIFY(hub->facts.quantMix.startsWith(QStringLiteral("Q8_0")));
        QCOMPARE(hub->facts.contextLength, 256);
        QVERIFY(hub->facts.parameters > 0);
        QCOMPARE(hub->facts.activeParameters, hub->facts.parameters);

        const DiscoveredModel* lm = find(result, m_fixture.lmStudioModel);
        QVERIFY(lm);
        QCOMPARE(lm->source, ModelSource::lmstudio);
        QCOMPARE(lm->repository, QStringLiteral("lmstudio-community/Tiny-GGUF"));
        QCOMPARE(lm->facts.quantMix, QStringLiteral("F32"));
        QVERIFY(lm->facts.parameters > hub->facts.parameters); // three layers against two

        // The split model: once, by its first part, with all parts' bytes.
        QCOMPARE(countFileName(result, QStringLiteral("big-00001-of-00003.gguf")), 1);
        QCOMPARE(countFileName(result, QStringLiteral("big-00002-of-00003.gguf")), 0);
        const DiscoveredModel* split = find(result, m_fixture.splitFirstPart);
        QVERIFY(split);
        QCOMPARE(split->facts.splitParts, 3);
        QCOMPARE(split->facts.fileBytes, m_fixture.splitBytes);
        QVERIFY(split->facts.supported);

        const DiscoveredModel* truncated = find(result, m_fixture.truncated);
        QVERIFY(truncated);
        QVERIFY(!truncated->facts.readable);
        QVERIFY(!truncated->facts.problem.isEmpty());

        const DiscoveredModel* mamba = find(result, m_fixture.unsupported);
        QVERIFY(mamba);
        QVERIFY(mamba->facts.readable);
        QVERIFY(!mamba->facts.supported);
        QCOMPARE(mamba->facts.architecture, QStringLiteral("mamba"));
        QCOMPARE(mamba->facts.problemCode, int(conclave::ErrorCode::unsupported));

        QVERIFY(!find(result, m_fixture.notes)); // not a GGUF file
        QCOMPARE(countFileName(result, QStringLiteral("gone.gguf")), 0);
        QVERIFY(find(result, m_fixture.localModel));
        QCOMPARE(find(result, m_fixture.localModel)->source, ModelSource::conclave);
        QVERIFY(find(result, m_fixture.deepModel));

        // Nothing twice, although Downloads/loop leads back into Downloads.
        QSet<QString> real;
        for (const DiscoveredModel& m : result.models) {
            const QString canonical = QFileInfo(m.facts.path).canonicalFilePath();
            QVERIFY2(!real.contains(canonical), qPrintable(m.facts.path));
            real.insert(canonical);
        }
        QCOMPARE(result.models.size(), 7);
    }

    void stopsAtItsLimits() {
        std::atomic<bool> cancel{false};
        const QList<ModelFolder> folders = wellKnownModelFolders(m_fixture.locations);
        DiscoveryLimits shallow;
        shallow.maxDepth = 2;
        DiscoveryResult result = discoverModels(folders, shallow, cancel);
        QVERIFY(!find(result, m_fixture.deepModel));    // three folders down
        QVERIFY(!find(result, m_fixture.hubSnapshot));  // hub/models--x/snapshots/rev: three down
        QVERIFY(find(result, m_fixture.lmStudioModel)); // models/publisher/repo: two down

        DiscoveryLimits few;
        few.maxModels = 2;
        result = discoverModels(folders, few, cancel);
        QCOMPARE(result.models.size(), 2);
        QVERIFY(result.truncated);

        cancel = true;
        result = discoverModels(folders, {}, cancel);
        QVERIFY(result.models.isEmpty());
        QVERIFY(result.truncated);
    }

    void scannerAnswersOnTheGuiThreadWithoutBlocking() {
        ModelScanner scanner;
        QSignalSpy finished(&scanner, &ModelScanner::scanFinished);
        QThread* answeredOn = nullptr;
        connect(&scanner, &ModelScanner::scanFinished, this,
                [&] { answeredOn = QThread::currentThread(); });
        scanner.scan(wellKnownModelFolders(m_fixture.locations));
        QVERIFY(scanner.scanning());
        QCOMPARE(finished.count(), 0); // scan() returned before the walk ended
        QVERIFY(finished.wait(30000));
        QCOMPARE(answeredOn, QThread::currentThread());
        QVERIFY(!scanner.scanning());
        const auto result = finished.at(0).at(0).value<DiscoveryResult>();
        QCOMPARE(result.models.size(), 7);

        // A second scan replaces the first: only its answer arrives.
        finished.clear();
        scanner.scan(wellKnownModelFolders(m_fixture.locations));
        scanner.scan({{m_fixture.locations.modelsFolder, ModelSource::conclave}});
        QVERIFY(finished.wait(30000));
        QTest::qWait(50);
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.at(0).at(0).value<DiscoveryResult>().models.size(), 1);

        QSignalSpy inspected(&scanner, &ModelScanner::inspected);
        scanner.inspect(m_fixture.unsupported);
        QVERIFY(inspected.wait(30000));
        QCOMPARE(inspected.at(0).at(0).value<ModelFacts>().architecture, QStringLiteral("mamba"));

        // Destroyed while walking: cancels and waits, never crashes.
        auto* busy = new ModelScanner;
        busy->scan(wellKnownModelFolders(m_fixture.locations));
        delete busy;
    }

    void listModelMergesRecentAndFoundModels() {
        std::atomic<bool> cancel{false};
        const DiscoveryResult found =
            discoverModels(wellKnownModelFolders(m_fixture.locations), {}, cancel);
        conclave::ui::ModelListModel list;
        QAbstractItemModelTester tester(&list,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        list.setDiscovered(found.models);
        QCOMPARE(list.rowCount(), 7);

        conclave::ui::RecentModel recent;
        recent.path = m_fixture.hubSnapshot;
        recent.name = QStringLiteral("Tiny hub model");
        recent.architecture = QStringLiteral("llama");
        recent.parameters = 1000;
        conclave::ui::RecentModel gone;
        gone.path = m_dir.filePath(QStringLiteral("moved-away.gguf"));
        gone.name = QStringLiteral("Moved away");
        gone.missing = true;
        list.setRecent({recent, gone});
        QCOMPARE(list.rowCount(), 8); // the hub model is listed once, as recent
        using R = conclave::ui::ModelListModel;
        QCOMPARE(list.index(0).data(R::NameRole).toString(), QStringLiteral("Tiny hub model"));
        QCOMPARE(list.index(0).data(R::SectionRole).toString(), QStringLiteral("Recent"));
        QVERIFY(list.index(1).data(R::MissingRole).toBool());
        QVERIFY(!list.index(1).data(R::ProblemRole).toString().isEmpty());
        QCOMPARE(list.index(2).data(R::SectionRole).toString(),
                 QStringLiteral("Conclave models folder"));

        int splitRow = -1;
        for (int row = 0; row < list.rowCount(); ++row)
            if (list.index(row).data(R::PathRole).toString() == m_fixture.splitFirstPart)
                splitRow = row;
        QVERIFY(splitRow >= 0);
        QCOMPARE(list.index(splitRow).data(R::FileNameRole).toString(),
                 QStringLiteral("big-00001-of-00003.gguf"));
        QVERIFY(
            list.index(splitRow).data(R::FactsRole).toString().contains(QStringLiteral("3 parts")));
        QCOMPARE(list.index(splitRow).data(R::SectionRole).toString(), QStringLiteral("Downloads"));

        QSignalSpy count(&list, &R::countChanged);
        list.setFilter(QStringLiteral("TINYORG"));
        QCOMPARE(list.rowCount(), 1);
        QCOMPARE(list.entryAt(0).path, m_fixture.hubSnapshot);
        list.setFilter(QStringLiteral("mamba downloads"));
        QCOMPARE(list.rowCount(), 1);
        QCOMPARE(list.entryAt(0).path, m_fixture.unsupported);
        list.setFilter(QStringLiteral("no such model"));
        QCOMPARE(list.rowCount(), 0);
        list.setFilter(QString());
        QCOMPARE(list.rowCount(), 8);
        QVERIFY(count.count() >= 3);
    }

    void parsesMemAvailable_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<qint64>("bytes");
        QTest::newRow("linux")
            << QByteArray(
                   "MemTotal:       16314236 kB\nMemFree:  1 kB\nMemAvailable:    8123456 kB\n")
            << qint64(8123456) * 1024;
        QTest::newRow("absent") << QByteArray("MemTotal: 1 kB\n") << qint64(-1);
        QTest::newRow("garbage") << QByteArray("MemAvailable: lots\n") << qint64(-1);
        QTest::newRow("no unit") << QByteArray("MemAvailable: 12\n") << qint64(-1);
    }
    void parsesMemAvailable() {
        QFETCH(QByteArray, text);
        QFETCH(qint64, bytes);
        QCOMPARE(parseMemAvailable(text), bytes);
    }

    void systemMemoryIsKnownHere() { QVERIFY(availableMemoryBytes() > 0); }
};

QTEST_GUILESS_MAIN(TestModelDiscovery)
#include "test_model_discovery.moc"
