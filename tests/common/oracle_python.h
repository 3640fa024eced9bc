#pragma once
// Finds the Python interpreter of Conclave's oracle virtual environment (scripts/bootstrap
// makes it) and runs reference scripts with it. Tests that need an oracle skip with the
// reason when it is absent.

#include <QByteArray>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace conclave::test {

// $CONCLAVE_VENV/bin/python, else the default venv location scripts/venv-path prints.
inline QString oracle_python() {
    QString venv = qEnvironmentVariable("CONCLAVE_VENV");
    if (venv.isEmpty()) {
        const QString cache = qEnvironmentVariable("XDG_CACHE_HOME", QDir::homePath() + QStringLiteral("/.cache"));
        venv = cache + QStringLiteral("/conclave/venv");
    }
    const QString python = venv + QStringLiteral("/bin/python");
    return QFileInfo(python).isExecutable() ? python : QString();
}

struct OracleRun {
    bool ok = false;
    QByteArray out;
    QByteArray err;
};

inline OracleRun run_oracle(const QString& script, const QStringList& args, int timeout_ms = 120000) {
    OracleRun run;
    const QString python = oracle_python();
    if (python.isEmpty()) return run;
    QProcess process;
    process.start(python, QStringList{script} + args);
    if (!process.waitForFinished(timeout_ms)) {
        process.kill();
        process.waitForFinished();
        run.err = "oracle timed out";
        return run;
    }
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    run.ok = process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    return run;
}

// The shared fixtures folder (../shared/fixtures beside the checkout), or empty.
inline QString shared_fixtures() {
    const QString dir = qEnvironmentVariable("CONCLAVE_SHARED_DIR") + QStringLiteral("/fixtures");
    return QFileInfo(dir).isDir() ? dir : QString();
}

} // namespace conclave::test
