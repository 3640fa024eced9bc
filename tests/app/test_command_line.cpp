// `conclave [FILE.gguf]`: the model named on the command line, as a path or a file:// URL (what
// a file manager passes through the desktop entry's %f), and the command lines refused.

#include "command_line.h"

#include <QtTest>

using conclave::app::CommandLine;
using conclave::app::parseCommandLine;

class TestCommandLine : public QObject {
    Q_OBJECT

private slots:
    void modelFile_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("modelFile");
        const QString program = QStringLiteral("conclave");
        QTest::newRow("nothing") << QStringList{program} << QString();
        QTest::newRow("absolute path") << QStringList{program, QStringLiteral("/models/tiny.gguf")}
                                       << QStringLiteral("/models/tiny.gguf");
        QTest::newRow("relative path") << QStringList{program, QStringLiteral("sub/../tiny.gguf")}
                                       << QStringLiteral("/work/dir/tiny.gguf");
        QTest::newRow("file URL") << QStringList{program,
                                                 QStringLiteral("file:///models/My%20Model.gguf")}
                                  << QStringLiteral("/models/My Model.gguf");
        QTest::newRow("a space in a path")
            << QStringList{program, QStringLiteral("/models/My Model.gguf")}
            << QStringLiteral("/models/My Model.gguf");
        QTest::newRow("after --, a name starting with a dash")
            << QStringList{program, QStringLiteral("--"), QStringLiteral("-odd.gguf")}
            << QStringLiteral("/work/dir/-odd.gguf");
    }

    void modelFile() {
        QFETCH(QStringList, arguments);
        QFETCH(QString, modelFile);
        const CommandLine line = parseCommandLine(arguments, QStringLiteral("/work/dir"));
        QCOMPARE(line.error, QString());
        QCOMPARE(line.modelFile, modelFile);
    }

    void refused_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("error");
        const QString program = QStringLiteral("conclave");
        QTest::newRow("unknown option") << QStringList{program, QStringLiteral("--frobnicate")}
                                        << QStringLiteral("unknown option '--frobnicate'");
        QTest::newRow("two files")
            << QStringList{program, QStringLiteral("a.gguf"), QStringLiteral("b.gguf")}
            << QStringLiteral("one model file at a time, not 2");
        QTest::newRow("remote URL")
            << QStringList{program, QStringLiteral("file://server/share/a.gguf")}
            << QStringLiteral("is not a local file");
    }

    void refused() {
        QFETCH(QStringList, arguments);
        QFETCH(QString, error);
        const CommandLine line = parseCommandLine(arguments, QStringLiteral("/work/dir"));
        QVERIFY2(line.error.contains(error), qPrintable(line.error));
        QCOMPARE(line.modelFile, QString());
    }
};

QTEST_GUILESS_MAIN(TestCommandLine)
#include "test_command_line.moc"
