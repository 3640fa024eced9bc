// The shipped programs behave from the outside: --version without a display, the desktop
// app starting offscreen and shutting down cleanly when the session asks it to (SIGTERM), and
// `conclave FILE.gguf` opening that file. The programs are the build's, or the ones that
// CONCLAVE_APP_PATH and CONCLAVE_CLI_PATH name (scripts/test-packages runs this test against
// the installed package and the unpacked tarball).

#include "test_model_file.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QUrl>
#include <QtTest>

#include <csignal>

class TestExecutables : public QObject {
    Q_OBJECT

    static QString program(const char* variable, const char* built) {
        const QString chosen = qEnvironmentVariable(variable);
        return chosen.isEmpty() ? QString::fromUtf8(built) : chosen;
    }
    static QString appPath() { return program("CONCLAVE_APP_PATH", CONCLAVE_APP_PATH); }
    static QString cliPath() { return program("CONCLAVE_CLI_PATH", CONCLAVE_CLI_PATH); }

    // Starts the desktop app offscreen on an empty data folder and reads its output until
    // `until` appeared (or 30 s passed, or it exited); returns the output so far.
    static QByteArray startOffscreen(QProcess& app, const QTemporaryDir& data,
                                     const QStringList& args, const QByteArray& until,
                                     const QString& workingDirectory = {}) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("XDG_DATA_HOME"), data.path());
        app.setProcessEnvironment(env);
        app.setProcessChannelMode(QProcess::MergedChannels);
        if (!workingDirectory.isEmpty()) app.setWorkingDirectory(workingDirectory);
        app.start(appPath(), args);
        if (!app.waitForStarted(10000)) return {};
        QByteArray output;
        QElapsedTimer timer;
        timer.start();
        while (!output.contains(until) && timer.elapsed() < 30000 &&
               app.state() == QProcess::Running) {
            app.waitForReadyRead(500);
            output += app.readAll();
        }
        return output;
    }

    // SIGTERM, as a session ending sends it: the app must quit cleanly.
    static bool quitsOnSigterm(QProcess& app) {
        ::kill(static_cast<pid_t>(app.processId()), SIGTERM);
        return app.waitForFinished(15000) && app.exitStatus() == QProcess::NormalExit &&
               app.exitCode() == 0;
    }

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
        QTest::newRow("conclave") << appPath() << QStringLiteral("Conclave");
        QTest::newRow("conclave-cli") << cliPath() << QStringLiteral("conclave-cli");
    }

    void versions() {
        QFETCH(QString, program);
        QFETCH(QString, name);
        int code = -1;
        const QString out = run(program, {QStringLiteral("--version")}, &code);
        QCOMPARE(code, 0);
        const QRegularExpression expected(QRegularExpression::escape(name + " " EXPECTED_VERSION) +
                                          QStringLiteral(" \\(backends: cpu(, vulkan)?(, cuda)?\\)"));
        QVERIFY2(expected.match(out).hasMatch(), qPrintable(out));
    }

    void cliRejectsUnknownCommand() {
        QProcess process;
        process.start(cliPath(), {QStringLiteral("frobnicate")});
        QVERIFY(process.waitForFinished(30000));
        QVERIFY(process.exitCode() != 0);
        QVERIFY(process.readAllStandardError().contains("unknown command 'frobnicate'"));
    }

    void appStartsOffscreenAndQuitsOnSigterm() {
        QTemporaryDir data;
        QProcess app;
        const QByteArray output = startOffscreen(app, data, {}, "main window shown");
        QVERIFY2(output.contains("main window shown"), output.constData());
        QVERIFY2(quitsOnSigterm(app), "the app did not quit cleanly after SIGTERM");
    }

    // A file manager runs `conclave %f`: a relative path is taken from the working directory,
    // and a file that is not a model is tried (the error shows in the window's banner).
    void appOpensTheFileOnTheCommandLine() {
        QTemporaryDir data;
        QTemporaryDir folder;
        QFile notModel(folder.filePath(QStringLiteral("notes.gguf")));
        QVERIFY(notModel.open(QIODevice::WriteOnly));
        notModel.write("these are notes, not a model\n");
        notModel.close();
        QProcess app;
        const QByteArray output =
            startOffscreen(app, data, {QStringLiteral("notes.gguf")}, "load failed", folder.path());
        QVERIFY2(output.contains("load failed"), output.constData());
        QVERIFY2(output.contains(notModel.fileName().toUtf8()), output.constData());
        QVERIFY2(quitsOnSigterm(app), "the app did not quit cleanly after SIGTERM");
    }

    void appLoadsTheModelOnTheCommandLine() {
        if (!conclave::test::haveDefaultModel()) QSKIP(conclave::test::missingModelReason());
        QTemporaryDir
            data; // an empty data folder: no default model, so only the argument loads one
        QProcess app;
        const QStringList args{QUrl::fromLocalFile(conclave::test::defaultModelPath()).toString()};
        const QByteArray output = startOffscreen(app, data, args, "n_ctx");
        QVERIFY2(output.contains("loaded") && output.contains("n_ctx"), output.constData());
        QVERIFY2(quitsOnSigterm(app), "the app did not quit cleanly after SIGTERM");
    }

    void appRefusesAnUnknownOption() {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        process.setProcessEnvironment(env);
        process.start(appPath(), {QStringLiteral("--frobnicate")});
        QVERIFY(process.waitForFinished(30000));
        QCOMPARE(process.exitCode(), 2);
        QVERIFY(process.readAllStandardError().contains("unknown option '--frobnicate'"));
    }
};

QTEST_GUILESS_MAIN(TestExecutables)
#include "test_executables.moc"
