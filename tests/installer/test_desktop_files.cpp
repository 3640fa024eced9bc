// The Linux desktop integration as a desktop sees it: the desktop entry passes
// desktop-file-validate and offers Conclave for GGUF files; the AppStream metainfo passes
// `appstreamcli validate --no-net` and carries the project's version; the MIME package compiles
// with update-mime-database into application/x-gguf with "GGUF" magic at offset 0 and the
// *.gguf glob; every hicolor size is a PNG of that size.

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

class TestDesktopFiles : public QObject {
    Q_OBJECT

    // Runs a tool; returns its exit code (-1 when it did not finish) and its merged output.
    static int run(const QString& tool, const QStringList& args, QByteArray* output) {
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(tool, args);
        if (!process.waitForFinished(60000)) return -1;
        *output = process.readAll();
        return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    }

    static QByteArray read(const QString& path) {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

private slots:
    void desktopEntryIsValid() {
        const QString tool =
            QStandardPaths::findExecutable(QStringLiteral("desktop-file-validate"));
        if (tool.isEmpty())
            QSKIP("desktop-file-validate is not installed (desktop-file-utils; scripts/bootstrap)");
        QByteArray output;
        QCOMPARE(run(tool, {QStringLiteral(DESKTOP_FILE)}, &output), 0);
        QVERIFY2(output.isEmpty(), output.constData()); // not even a hint
        const QByteArray entry = read(QStringLiteral(DESKTOP_FILE));
        QVERIFY(entry.contains("\nExec=conclave %f\n"));
        QVERIFY(entry.contains("\nMimeType=application/x-gguf;\n"));
        QVERIFY(entry.contains("\nIcon=" APP_ID "\n"));
    }

    void metainfoIsValid() {
        const QString tool = QStandardPaths::findExecutable(QStringLiteral("appstreamcli"));
        if (tool.isEmpty()) QSKIP("appstreamcli is not installed (appstream; scripts/bootstrap)");
        QByteArray output;
        const int code = run(
            tool,
            {QStringLiteral("validate"), QStringLiteral("--no-net"), QStringLiteral(METAINFO_FILE)},
            &output);
        QVERIFY2(code == 0, output.constData());
        const QByteArray metainfo = read(QStringLiteral(METAINFO_FILE));
        QVERIFY(metainfo.contains("<id>" APP_ID "</id>"));
        QVERIFY(metainfo.contains("<release version=\"" EXPECTED_VERSION "\""));
        QVERIFY(
            metainfo.contains("<launchable type=\"desktop-id\">" APP_ID ".desktop</launchable>"));
    }

    void mimeTypeCompiles() {
        const QString tool = QStandardPaths::findExecutable(QStringLiteral("update-mime-database"));
        if (tool.isEmpty())
            QSKIP("update-mime-database is not installed (shared-mime-info; scripts/bootstrap)");
        QTemporaryDir mime;
        QVERIFY(QDir(mime.path()).mkpath(QStringLiteral("packages")));
        QVERIFY(QFile::copy(QStringLiteral(MIME_FILE),
                            mime.filePath(QStringLiteral("packages/" APP_ID ".xml"))));
        QByteArray output;
        QVERIFY2(run(tool, {mime.path()}, &output) == 0, output.constData());
        QVERIFY(QFile::exists(mime.filePath(QStringLiteral("application/x-gguf.xml"))));
        QVERIFY(read(mime.filePath(QStringLiteral("globs"))).contains("application/x-gguf:*.gguf"));
        // The compiled magic file: "[priority:type]" then ">offset=" and the value's length.
        const QByteArray magic = read(mime.filePath(QStringLiteral("magic")));
        QVERIFY2(magic.contains("[60:application/x-gguf]\n>0="), magic.constData());
        QVERIFY(magic.contains("GGUF"));
    }

    void iconsHaveTheirSizes_data() {
        QTest::addColumn<int>("size");
        for (const int size : {16, 32, 48, 64, 128, 256, 512}) QTest::addRow("%d", size) << size;
    }

    void iconsHaveTheirSizes() {
        QFETCH(int, size);
        const QByteArray png =
            read(QStringLiteral(ICONS_DIR "/%1x%1/apps/" APP_ID ".png").arg(size));
        // The PNG signature, then the IHDR chunk: width and height as big-endian 32-bit integers.
        QVERIFY(png.startsWith("\x89PNG\r\n\x1a\n"));
        QCOMPARE(png.mid(12, 4), QByteArray("IHDR"));
        const auto be32 = [&](int at) {
            return (uchar(png[at]) << 24) | (uchar(png[at + 1]) << 16) | (uchar(png[at + 2]) << 8) |
                   uchar(png[at + 3]);
        };
        QCOMPARE(be32(16), size);
        QCOMPARE(be32(20), size);
    }
};

QTEST_GUILESS_MAIN(TestDesktopFiles)
#include "test_desktop_files.moc"
