// The shipped programs behave from the outside: --version without a display, and the desktop
// app starting offscreen and shutting down cleanly when the session asks it to (SIGTERM).

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>

class TestExecutables : public QObject {
    Q_OBJECT

    static QString run(const QString& program, const QStringList& args, int* exit_code) {
        QProcess process;
        process.start(program, args);
        if (!process.waitForFinished(30000)) {
            process.kill();
            return {};
        }
        *exit_code = process.exitCode();
        return QString::fromUtf8(process.readAllStandardOutput());
    }

private slots:
    void versions_data() {
        QTest::addColumn<QString>("program");
        QTest::addColumn<QString>("name");
        QTest::newRow("conclave") << QStringLiteral(CONCLAVE_APP_PATH) << QStringLiteral("Conclave");
        QTest::newRow("conclave-cli") << QStringLiteral(CONCLAVE_CLI_PATH) << QStringLiteral("conclave-cli");
    }

    void versions() {
        QFETCH(QString, program);
        QFETCH(QString, name);
        int code = -1;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        const QString out = run(program, {QStringLiteral("--version")}, &code);
        QCOMPARE(code, 0);
        const QRegularExpression expected(QRegularExpression::escape(name + " " EXPECTED_VERSION) +
                                          QStringLiteral(" \\(backends: cpu(, vulkan)?(, cuda)?\\)"));
        QVERIFY2(expected.match(out).hasMatch(), qPrintable(out));
    }

    void cliRejectsUnknownCommand() {
        QProcess process;
        process.start(QStringLiteral(CONCLAVE_CLI_PATH), {QStringLiteral("frobnicate")});
        QVERIFY(process.waitForFinished(30000));
        QVERIFY(process.exitCode() != 0);
        QVERIFY(process.readAllStandardError().contains("unknown command 'frobnicate'"));
    }

    void appStartsOffscreenAndQuitsOnSigterm() {
        QTemporaryDir data;
        QProcess app;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("XDG_DATA_HOME"), data.path());
        app.setProcessEnvironment(env);
        app.setProcessChannelMode(QProcess::MergedChannels);
        app.start(QStringLiteral(CONCLAVE_APP_PATH));
        QVERIFY(app.waitForStarted(10000));

        QByteArray output;
        QElapsedTimer timer;
        timer.start();
        while (!output.contains("main window shown") && timer.elapsed() < 30000 &&
               app.state() == QProcess::Running) {
            app.waitForReadyRead(500);
            output += app.readAll();
        }
        QVERIFY2(output.contains("main window shown"), output.constData());

        ::kill(static_cast<pid_t>(app.processId()), SIGTERM);
        QVERIFY2(app.waitForFinished(15000), "the app did not quit after SIGTERM");
        QCOMPARE(app.exitStatus(), QProcess::NormalExit);
        QCOMPARE(app.exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(TestExecutables)
#include "test_executables.moc"
