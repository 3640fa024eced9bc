// Proposed code taken from an answer (proposed_code.h): no block, one block, several blocks
// (the editor's language first, a repeated original skipped, the final version of a
// before/after pair, not a short usage example), an unterminated fence while streaming, and the
// original's line ends kept.

#include "code_languages.h"
#include "proposed_code.h"

#include <QtTest>

using namespace conclave::code_panel;

class TestProposedCode : public QObject {
    Q_OBJECT

private slots:
    void choosesTheBlock_data() {
        QTest::addColumn<QString>("answer");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QString>("original");
        QTest::addColumn<bool>("found");
        QTest::addColumn<QString>("code");
        QTest::addColumn<bool>("complete");
        QTest::addColumn<int>("blockIndex");
        QTest::addColumn<int>("blockCount");

        QTest::newRow("no block") << "The code looks fine to me." << "python" << "" << false << "" << false << -1 << 0;
        QTest::newRow("one block") << "Fixed:\n```python\nx = 1\n```\nDone." << "python" << "" << true << "x = 1\n" << true << 0
                                   << 1;
        QTest::newRow("one block, other fence word for the language")
            << "```py\nx = 1\n```" << "python" << "" << true << "x = 1\n" << true << 0 << 1;
        QTest::newRow("editor's language beats a longer shell block")
            << "Install first:\n```bash\npip install numpy scipy matplotlib pandas\n```\nThen:\n```python\nimport numpy\n```"
            << "python" << "" << true << "import numpy\n" << true << 1 << 2;
        QTest::newRow("no block in the language: the untagged one")
            << "```bash\nmake && make install && make check\n```\n```\nint f();\n```" << "cpp" << "" << true << "int f();\n"
            << true << 1 << 2;
        QTest::newRow("no block in the language nor untagged: the longest")
            << "```bash\nls\n```\n```ruby\nputs 'hello world'\n```" << "cpp" << "" << true << "puts 'hello world'\n" << true
            << 1 << 2;
        QTest::newRow("the longest of the language")
            << "```python\nf()\n```\n```python\ndef f():\n    return 2\n```" << "python" << "" << true
            << "def f():\n    return 2\n" << true << 1 << 2;
        QTest::newRow("a short usage example after the code does not replace it")
            << "```python\ndef f(a, b):\n    return a + b\n```\nUse it:\n```python\nf(1, 2)\n```" << "python" << "" << true
            << "def f(a, b):\n    return a + b\n" << true << 0 << 2;
        QTest::newRow("before and after: the later one")
            << "Before:\n```python\ndef f(a, b):\n    return a - b\n```\nAfter:\n```python\ndef f(a, b):\n    return a + b\n```"
            << "python" << "" << true << "def f(a, b):\n    return a + b\n" << true << 1 << 2;
        QTest::newRow("the repeated original is skipped")
            << "```python\ndef f(a, b):\n    return a - b + 0\n```\nbecomes\n```python\ndef f(a, b): return a + b\n```"
            << "python" << "def f(a, b):\n    return a - b + 0\n" << true << "def f(a, b): return a + b\n" << true << 1 << 2;
        QTest::newRow("only the original: still proposed (no change)")
            << "```python\nx = 1\n```" << "python" << "x = 1\n" << true << "x = 1\n" << true << 0 << 1;
        QTest::newRow("plain-text editor takes any block")
            << "```\na\n```\n```sql\nselect 1;\n```" << "" << "" << true << "select 1;\n" << true << 1 << 2;
        QTest::newRow("streaming: open fence") << "Here is the fix:\n```python\ndef f(a, b):\n    return a +" << "python" << ""
                                               << true << "def f(a, b):\n    return a +\n" << false << 0 << 1;
        QTest::newRow("streaming: only the fence so far") << "Here:\n```python" << "python" << "" << true << "" << false << 0 << 1;
        QTest::newRow("streaming: a finished block then an open one")
            << "```python\nimport os\nimport sys\nimport re\n```\nNow:\n```python\nimport os\nimport sys\nimport re\nx" << "python" << ""
            << true << "import os\nimport sys\nimport re\nx\n" << false << 1 << 2;
        QTest::newRow("longer fence holding backticks")
            << "````markdown\n```\ninner\n```\n````" << "markdown" << "" << true << "```\ninner\n```\n" << true << 0 << 1;
        QTest::newRow("tilde fence") << "~~~rust\nfn main() {}\n~~~" << "rust" << "" << true << "fn main() {}\n" << true << 0 << 1;
    }

    void choosesTheBlock() {
        QFETCH(QString, answer);
        QFETCH(QString, expected);
        QFETCH(QString, original);
        QFETCH(bool, found);
        QFETCH(QString, code);
        QFETCH(bool, complete);
        QFETCH(int, blockIndex);
        QFETCH(int, blockCount);
        const ProposedCode proposed = extractProposedCode(answer, languageFor(expected), original);
        QCOMPARE(proposed.found, found);
        QCOMPARE(proposed.code, code);
        QCOMPARE(proposed.complete, complete);
        QCOMPARE(proposed.blockIndex, blockIndex);
        QCOMPARE(proposed.blockCount, blockCount);
    }

    void everyPrefixOfAStreamedAnswerIsSafe() {
        // Token by token (here: character by character) the extraction never fails and ends
        // with the complete block.
        const QString answer = "Sure.\n\n```cpp\nint add(int a, int b) {\n    return a + b;\n}\n```\n\nThis adds.";
        bool sawOpen = false;
        for (qsizetype n = 0; n <= answer.size(); ++n) {
            const ProposedCode proposed = extractProposedCode(answer.left(n), languageFor("cpp"));
            if (proposed.found && !proposed.complete) sawOpen = true;
            if (proposed.complete) QVERIFY(proposed.code == "int add(int a, int b) {\n    return a + b;\n}\n");
        }
        QVERIFY(sawOpen);
        QVERIFY(extractProposedCode(answer, languageFor("cpp")).complete);
    }

    void keepsTheOriginalsLineEnds_data() {
        QTest::addColumn<QString>("proposed");
        QTest::addColumn<QString>("original");
        QTest::addColumn<QString>("result");
        QTest::newRow("lf stays lf") << "a\nb\n" << "x\ny\n" << "a\nb\n";
        QTest::newRow("crlf original") << "a\nb\n" << "x\r\ny\r\n" << "a\r\nb\r\n";
        QTest::newRow("no final newline") << "a\nb\n" << "x\ny" << "a\nb";
        QTest::newRow("crlf, no final newline") << "a\nb\n" << "x\r\ny" << "a\r\nb";
        QTest::newRow("crlf answer to an lf original") << "a\r\nb\r\n" << "x\n" << "a\nb\n";
        QTest::newRow("empty original") << "a\n" << "" << "a\n";
    }

    void keepsTheOriginalsLineEnds() {
        QFETCH(QString, proposed);
        QFETCH(QString, original);
        QFETCH(QString, result);
        QCOMPARE(matchLineEndings(proposed, original), result);
    }
};

QTEST_GUILESS_MAIN(TestProposedCode)
#include "test_proposed_code.moc"
