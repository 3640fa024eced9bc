// The code panel's diff (code_diff.h, over Debian's dtl): hunks and line numbers, changed words
// marked inside changed lines, and unified output that GNU `patch` applies to a real file to
// give exactly the proposed text — on CRLF, tabs, a missing final newline, unicode (also
// outside the BMP), very long lines, empty files and large files.

#include "code_diff.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace conclave::code_panel;

namespace {

QString numbered(int count, const QString& prefix = QStringLiteral("line")) {
    QString text;
    for (int i = 1; i <= count; ++i) text += QStringLiteral("%1 %2\n").arg(prefix).arg(i);
    return text;
}

QString longLine(int words) {
    QStringList parts;
    for (int i = 0; i < words; ++i) parts << QStringLiteral("w%1").arg(i);
    return parts.join(u' ');
}

bool writeFile(const QString& path, const QString& text) {
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(text.toUtf8()) == text.toUtf8().size();
}

QString readFile(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

// The marked parts of a line, as text.
QStringList markedWords(const DiffLine& line) {
    QStringList words;
    for (const DiffSpan& span : line.changed) words << line.text.mid(span.start, span.length);
    return words;
}

const DiffLine* firstOfKind(const CodeDiff& diff, DiffLine::Kind kind) {
    for (const DiffHunk& hunk : diff.hunks)
        for (const DiffLine& line : hunk.lines)
            if (line.kind == kind) return &line;
    return nullptr;
}

} // namespace

class TestCodeDiff : public QObject {
    Q_OBJECT

private slots:
    void identicalTextsHaveNoHunks() {
        const CodeDiff diff = diffCode("a\nb\n", "a\nb\n");
        QVERIFY(diff.identical());
        QCOMPARE(diff.added, 0);
        QCOMPARE(diff.removed, 0);
        QCOMPARE(unifiedDiff("a\nb\n", "a\nb\n", "a/x", "b/x"), QString());
    }

    void oneChangedLineInTheMiddle() {
        const QString before = numbered(10);
        QString after = before;
        after.replace("line 5\n", "line five\n");
        const CodeDiff diff = diffCode(before, after);
        QCOMPARE(diff.hunks.size(), 1);
        const DiffHunk& hunk = diff.hunks.first();
        QCOMPARE(hunk.header(), "@@ -2,7 +2,7 @@");
        QCOMPARE(hunk.lines.size(), 8);
        QCOMPARE(hunk.lines[3].kind, DiffLine::Kind::removed);
        QCOMPARE(hunk.lines[3].oldNumber, 5);
        QCOMPARE(hunk.lines[4].kind, DiffLine::Kind::added);
        QCOMPARE(hunk.lines[4].newNumber, 5);
        QCOMPARE(markedWords(hunk.lines[3]), QStringList{"5"});
        QCOMPARE(markedWords(hunk.lines[4]), QStringList{"five"});
        QCOMPARE(diff.added, 1);
        QCOMPARE(diff.removed, 1);
        QCOMPARE(unifiedDiff(diff, "a/n.txt", "b/n.txt"),
                 "--- a/n.txt\n+++ b/n.txt\n@@ -2,7 +2,7 @@\n line 2\n line 3\n line 4\n-line 5\n+line five\n line 6\n line 7\n"
                 " line 8\n");
    }

    void distantChangesMakeTwoHunksAndCloseOnesOne() {
        QString after = numbered(30);
        after.replace("line 2\n", "line two\n").replace("line 29\n", "line twenty-nine\n");
        QCOMPARE(diffCode(numbered(30), after).hunks.size(), 2);
        QString close = numbered(30);
        close.replace("line 10\n", "x\n").replace("line 17\n", "y\n"); // 6 lines between: one hunk
        QCOMPARE(diffCode(numbered(30), close).hunks.size(), 1);
        QString apart = numbered(30);
        apart.replace("line 10\n", "x\n").replace("line 18\n", "y\n"); // 7 lines between: two
        QCOMPARE(diffCode(numbered(30), apart).hunks.size(), 2);
        QCOMPARE(diffCode(numbered(30), apart, 0).hunks.first().header(), "@@ -10 +10 @@");
    }

    void insertionsAndDeletionsAtTheEdges() {
        const CodeDiff inserted = diffCode("", "a\nb\n");
        QCOMPARE(inserted.hunks.first().header(), "@@ -0,0 +1,2 @@");
        const CodeDiff deleted = diffCode("a\nb\n", "");
        QCOMPARE(deleted.hunks.first().header(), "@@ -1,2 +0,0 @@");
        const CodeDiff prepended = diffCode("b\n", "a\nb\n", 0);
        QCOMPARE(prepended.hunks.first().header(), "@@ -0,0 +1 @@");
        // A lone added line has no counterpart: nothing inside it is marked.
        QVERIFY(firstOfKind(prepended, DiffLine::Kind::added)->changed.isEmpty());
    }

    void wordsAreMarkedWithinChangedLines_data() {
        QTest::addColumn<QString>("before");
        QTest::addColumn<QString>("after");
        QTest::addColumn<QStringList>("removedWords");
        QTest::addColumn<QStringList>("addedWords");
        QTest::newRow("operator") << "    return a - b\n" << "    return a + b\n" << QStringList{"-"} << QStringList{"+"};
        QTest::newRow("renamed identifier") << "int total_count = 0;\n" << "int totalCount = 0;\n" << QStringList{"total_count"}
                                            << QStringList{"totalCount"};
        QTest::newRow("tabs to spaces") << "\tx = 1\n" << "    x = 1\n" << QStringList{"\t"} << QStringList{"    "};
        QTest::newRow("unicode words") << "grüße = \"Grüße, Welt\"\n" << "grüße = \"Grüße, Wörld\"\n" << QStringList{"Welt"}
                                       << QStringList{"Wörld"};
        QTest::newRow("emoji outside the BMP") << "s = \"😀 ok\"\n" << "s = \"🎉 ok\"\n" << QStringList{"😀"} << QStringList{"🎉"};
        QTest::newRow("added argument") << "f(a)\n" << "f(a, b)\n" << QStringList{} << QStringList{", b"};
    }

    void wordsAreMarkedWithinChangedLines() {
        QFETCH(QString, before);
        QFETCH(QString, after);
        QFETCH(QStringList, removedWords);
        QFETCH(QStringList, addedWords);
        const CodeDiff diff = diffCode(before, after);
        QCOMPARE(markedWords(*firstOfKind(diff, DiffLine::Kind::removed)), removedWords);
        QCOMPARE(markedWords(*firstOfKind(diff, DiffLine::Kind::added)), addedWords);
    }

    void crlfLinesKeepTheirEnds() {
        const CodeDiff diff = diffCode("a\r\nb\r\n", "a\r\nc\r\n");
        const DiffLine* removed = firstOfKind(diff, DiffLine::Kind::removed);
        QCOMPARE(removed->text, "b");
        QCOMPARE(removed->lineEnd, "\r\n");
        QCOMPARE(unifiedDiff(diff, "a/x", "b/x"), "--- a/x\n+++ b/x\n@@ -1,2 +1,2 @@\n a\r\n-b\r\n+c\r\n");
        // Only the line ends changed: every line differs, no word inside is marked.
        const CodeDiff endsOnly = diffCode("a\r\nb\r\n", "a\nb\n");
        QCOMPARE(endsOnly.removed, 2);
        QVERIFY(firstOfKind(endsOnly, DiffLine::Kind::removed)->changed.isEmpty());
    }

    void missingFinalNewlineIsMarked() {
        QCOMPARE(unifiedDiff("a\nb", "a\nc", "a/x", "b/x"),
                 "--- a/x\n+++ b/x\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n");
        QCOMPARE(unifiedDiff("a\nb", "a\nb\n", "a/x", "b/x"),
                 "--- a/x\n+++ b/x\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n");
    }

    void veryLongLineMarksOnlyTheChangedWord() {
        const QString before = "x = 1\n" + longLine(5000) + "\ny = 2\n";
        QString after = before;
        after.replace(" w2500 ", " CHANGED ");
        const CodeDiff diff = diffCode(before, after);
        QCOMPARE(diff.removed, 1);
        QCOMPARE(markedWords(*firstOfKind(diff, DiffLine::Kind::removed)), QStringList{"w2500"});
        QCOMPARE(markedWords(*firstOfKind(diff, DiffLine::Kind::added)), QStringList{"CHANGED"});
    }

    void lineBeyondTheWordLimitIsMarkedWhole() {
        const QString before = longLine(maxWordsPerMarkedLine) + "\n"; // twice as many units with spaces
        const QString after = QString(before).replace("w7 ", "w_seven ");
        const DiffLine* added = firstOfKind(diffCode(before, after), DiffLine::Kind::added);
        QCOMPARE(added->changed.size(), 1);
        QCOMPARE(added->changed.first().length, added->text.size());
    }

    void patchAppliesTheUnifiedDiff_data() {
        QTest::addColumn<QString>("before");
        QTest::addColumn<QString>("after");
        QTest::newRow("one line") << numbered(10) << QString(numbered(10)).replace("line 5\n", "line five\n");
        QTest::newRow("crlf") << "int main()\r\n{\r\n\treturn 0;\r\n}\r\n" << "int main()\r\n{\r\n\treturn 1;\r\n}\r\n";
        QTest::newRow("tabs") << "if x:\n\ty = 1\n\tz = 2\n" << "if x:\n    y = 1\n\tz = 2\n\tw = 3\n";
        QTest::newRow("no trailing newline, before") << "a\nb\nc" << "a\nB\nc\n";
        QTest::newRow("no trailing newline, after") << "a\nb\nc\n" << "a\nb\nC";
        QTest::newRow("no trailing newline, both") << "a\nb\nc" << "a\nb\nc\nd";
        QTest::newRow("unicode") << "# Grüße\nprint('héllo')\n" << "# Grüße 🎉\nprint('héllo, 世界')\n";
        QTest::newRow("very long lines") << "a\n" + longLine(20000) + "\nb\n" << "a\n" + longLine(20001) + "\nb\n";
        QTest::newRow("from empty") << "" << "new\nfile\n";
        QTest::newRow("to empty") << "old\nfile\n" << "";
        QTest::newRow("several hunks") << numbered(200) << QString(numbered(200)).replace("line 3\n", "").replace("line 100\n", "c\nd\n")
                                                               .append("tail\n");
        QTest::newRow("large file, reordered blocks") << numbered(3000, "a") + numbered(3000, "b")
                                                      << numbered(3000, "b") + numbered(3000, "a");
    }

    void patchAppliesTheUnifiedDiff() {
        QFETCH(QString, before);
        QFETCH(QString, after);
        const QString patch = QStandardPaths::findExecutable("patch");
        if (patch.isEmpty()) QSKIP("GNU patch is not installed (scripts/bootstrap installs it)");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString file = dir.filePath("code.txt");
        const QString diffFile = dir.filePath("change.diff");
        QVERIFY(writeFile(file, before));
        const QString diff = unifiedDiff(before, after, "a/code.txt", "b/code.txt");
        QVERIFY(!diff.isEmpty());
        QVERIFY(writeFile(diffFile, diff));
        QProcess process;
        process.setWorkingDirectory(dir.path());
        // -p1 reads the file name from the headers, as a user running `patch -p1 < x.diff` does.
        process.start(patch, {"-p1", "--batch", "--forward", "--no-backup-if-mismatch", "-i", diffFile});
        QVERIFY(process.waitForFinished(60000));
        QVERIFY2(process.exitCode() == 0,
                 qPrintable(QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError())));
        const QString patched = readFile(file);
        QCOMPARE(patched.size(), after.size());
        QVERIFY(patched == after);
        QVERIFY(!QFile::exists(file + ".rej"));
    }
};

QTEST_GUILESS_MAIN(TestCodeDiff)
#include "test_code_diff.moc"
