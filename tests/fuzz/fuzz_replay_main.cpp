// Replays a fuzz target's corpus (seeds and every crasher found so far) as an ordinary test,
// so a fixed crash stays fixed in every build, with or without libFuzzer.

#include <QDirIterator>
#include <QFile>
#include <QtTest>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

class FuzzReplay : public QObject {
    Q_OBJECT

private slots:
    void replay_data() {
        QTest::addColumn<QString>("path");
        QDirIterator it(QStringLiteral(CONCLAVE_FUZZ_CORPUS), QDir::Files, QDirIterator::Subdirectories);
        int rows = 0;
        while (it.hasNext()) {
            const QString path = it.next();
            if (path.endsWith(QLatin1String(".md"))) continue;
            QTest::newRow(qPrintable(QDir(QStringLiteral(CONCLAVE_FUZZ_CORPUS)).relativeFilePath(path))) << path;
            ++rows;
        }
        if (rows == 0) QTest::newRow("empty input") << QString();
    }

    void replay() {
        QFETCH(QString, path);
        QByteArray bytes;
        if (!path.isEmpty()) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            bytes = file.readAll();
        }
        QCOMPARE(LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.constData()),
                                        static_cast<std::size_t>(bytes.size())), 0);
    }
};

QTEST_GUILESS_MAIN(FuzzReplay)
#include "fuzz_replay_main.moc"
