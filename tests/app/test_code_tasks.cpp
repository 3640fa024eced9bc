// The code panel's task prompts (code_tasks.h) and language detection (code_languages.h):
// every task renders its instruction, the language and the code fenced with the language's
// word and a fence longer than any backtick run inside; selections and file names are said;
// the tasks that change code ask for one complete block; bad requests are refused.

#include "code_fence.h"
#include "code_languages.h"
#include "code_tasks.h"
#include "markdown_blocks.h"

#include <QtTest>

using namespace conclave::code_panel;

namespace {

const QString pythonCode = QStringLiteral("def add(a, b):\n    return a - b\n");

TaskRequest pythonRequest(CodeTask task) {
    TaskRequest request;
    request.task = task;
    request.code = pythonCode;
    request.language = languageFor(QStringLiteral("python"));
    request.fileName = QStringLiteral("calc.py");
    return request;
}

// The prompt's one code block, as the chat's Markdown split sees it.
conclave::ui::MarkdownBlock onlyCodeBlock(const QString& prompt) {
    conclave::ui::MarkdownBlock found;
    int count = 0;
    for (const auto& block : conclave::ui::splitMarkdownBlocks(prompt))
        if (block.kind == conclave::ui::MarkdownBlock::Kind::code) {
            found = block;
            ++count;
        }
    if (count != 1) qWarning() << "code blocks in the prompt:" << count;
    return found;
}

} // namespace

class TestCodeTasks : public QObject {
    Q_OBJECT

private slots:
    void everyTaskRendersItsPrompt_data() {
        QTest::addColumn<int>("task");
        QTest::addColumn<QString>("detail");
        QTest::addColumn<QString>("target");
        QTest::addColumn<QStringList>("mustSay");
        QTest::addColumn<bool>("asksForWholeCode");
        QTest::addColumn<QString>("answerLanguage");
        QTest::newRow("explain") << int(CodeTask::explain) << "" << "" << QStringList{"Explain", "Python"} << false << "python";
        QTest::newRow("review") << int(CodeTask::review) << "" << "" << QStringList{"Review", "bugs", "risks", "style"} << false
                                << "python";
        QTest::newRow("fix with a problem") << int(CodeTask::fix) << "add(2, 1) returns 1" << ""
                                            << QStringList{"Fix", "The problem: add(2, 1) returns 1"} << true << "python";
        QTest::newRow("fix without a problem") << int(CodeTask::fix) << "  " << "" << QStringList{"Find and fix the bugs"} << true
                                               << "python";
        QTest::newRow("write tests") << int(CodeTask::write_tests) << "" << "" << QStringList{"unit tests", "test framework for Python"}
                                     << false << "python";
        QTest::newRow("document") << int(CodeTask::document) << "" << "" << QStringList{"documentation comments", "Do not change what"}
                                  << true << "python";
        QTest::newRow("convert") << int(CodeTask::convert) << "" << "rust" << QStringList{"Convert", "to Rust", "idiomatic Rust", "```rust"}
                                 << true << "rust";
        QTest::newRow("instruction") << int(CodeTask::instruction) << "Rename add to plus." << ""
                                     << QStringList{"Rename add to plus.", "If you change the code, answer with"} << true << "python";
    }

    void everyTaskRendersItsPrompt() {
        QFETCH(int, task);
        QFETCH(QString, detail);
        QFETCH(QString, target);
        QFETCH(QStringList, mustSay);
        QFETCH(bool, asksForWholeCode);
        QFETCH(QString, answerLanguage);
        TaskRequest request = pythonRequest(CodeTask(task));
        request.detail = detail;
        request.target = languageFor(target);
        QCOMPARE(requestProblem(request), QString());
        const QString prompt = renderTaskPrompt(request);
        for (const QString& words : mustSay) QVERIFY2(prompt.contains(words), qPrintable(words + " in:\n" + prompt));
        QVERIFY2(prompt.contains("`calc.py`"), qPrintable(prompt));
        QVERIFY(!prompt.contains("part of a larger"));
        QCOMPARE(prompt.contains("single fenced code block"), asksForWholeCode || CodeTask(task) == CodeTask::write_tests);
        QCOMPARE(changesCode(CodeTask(task)), asksForWholeCode);
        // The code itself comes last, fenced in the editor's language, unchanged.
        QVERIFY(prompt.endsWith("```python\n" + pythonCode + "```\n"));
        const auto block = onlyCodeBlock(prompt);
        QCOMPARE(block.language, "python");
        QCOMPARE(block.text + "\n", pythonCode);
        QCOMPARE(expectedAnswerLanguage(request).id, answerLanguage);
    }

    void taskNamesRoundTrip() {
        for (int t = int(CodeTask::explain); t <= int(CodeTask::instruction); ++t) {
            CodeTask back = CodeTask::explain;
            QVERIFY(!taskName(CodeTask(t)).isEmpty());
            QVERIFY(taskFromName(taskName(CodeTask(t)), &back));
            QCOMPARE(int(back), t);
        }
        CodeTask unchanged = CodeTask::review;
        QVERIFY(!taskFromName("summarise", &unchanged));
        QCOMPARE(unchanged, CodeTask::review);
    }

    void selectionIsSaidAndFenced() {
        TaskRequest request = pythonRequest(CodeTask::document);
        request.code = "    return a - b";
        request.isSelection = true;
        const QString prompt = renderTaskPrompt(request);
        QVERIFY(prompt.contains("this part of a larger Python file (file `calc.py`)"));
        QVERIFY(prompt.contains("the complete changed part"));
        // A selection without a final newline still closes its fence on a line of its own.
        QVERIFY(prompt.endsWith("```python\n    return a - b\n```\n"));
        QCOMPARE(onlyCodeBlock(prompt).text, "    return a - b");
    }

    void fenceIsLongerThanAnyBacktickRun_data() {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("fence");
        QTest::newRow("none") << "x = 1\n" << "```";
        QTest::newRow("inline") << "s = `a` + ``b``\n" << "```";
        QTest::newRow("three") << "doc = \"\"\"\n```py\nx\n```\n\"\"\"\n" << "````";
        QTest::newRow("five") << "a = '`````'\n" << "``````";
    }

    void fenceIsLongerThanAnyBacktickRun() {
        QFETCH(QString, code);
        QFETCH(QString, fence);
        QCOMPARE(fenceFor(code), fence);
        TaskRequest request = pythonRequest(CodeTask::explain);
        request.code = code;
        const QString prompt = renderTaskPrompt(request);
        QVERIFY(prompt.endsWith(fence + "python\n" + code + fence + "\n"));
        QCOMPARE(onlyCodeBlock(prompt).text + "\n", code);
    }

    void plainTextAndNoFileName() {
        TaskRequest request;
        request.task = CodeTask::explain;
        request.code = "some notes\n";
        const QString prompt = renderTaskPrompt(request);
        QVERIFY(prompt.contains("this plain text code."));
        QVERIFY(prompt.endsWith("```\nsome notes\n```\n"));
    }

    void refusesRequestsThatCannotBeAnswered_data() {
        QTest::addColumn<int>("task");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("detail");
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("problem");
        QTest::newRow("no code") << int(CodeTask::explain) << " \n\t" << "" << "" << "There is no code.";
        QTest::newRow("blank instruction") << int(CodeTask::instruction) << "x" << " \n" << "" << "The instruction is empty.";
        QTest::newRow("no target") << int(CodeTask::convert) << "x" << "" << "" << "No language to convert to.";
        QTest::newRow("same language") << int(CodeTask::convert) << "x" << "" << "py" << "The code is already in that language.";
    }

    void refusesRequestsThatCannotBeAnswered() {
        QFETCH(int, task);
        QFETCH(QString, code);
        QFETCH(QString, detail);
        QFETCH(QString, target);
        QFETCH(QString, problem);
        TaskRequest request = pythonRequest(CodeTask(task));
        request.code = code;
        request.detail = detail;
        request.target = languageFor(target);
        QCOMPARE(requestProblem(request), problem);
    }

    void languagesFromFileNames_data() {
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("name");
        QTest::newRow("python") << "/home/u/src/calc.py" << "python" << "Python";
        QTest::newRow("upper-case extension") << "MAIN.CPP" << "cpp" << "C++";
        QTest::newRow("header") << "x.hpp" << "cpp" << "C++";
        QTest::newRow("rust") << "lib.rs" << "rust" << "Rust";
        QTest::newRow("typescript") << "a.tsx" << "typescript" << "TypeScript";
        QTest::newRow("cmake lists") << "/p/CMakeLists.txt" << "cmake" << "CMake";
        QTest::newRow("makefile") << "Makefile" << "makefile" << "Makefile";
        QTest::newRow("dockerfile") << "Dockerfile.dev" << "dockerfile" << "Dockerfile";
        QTest::newRow("unknown extension kept") << "model.zig" << "zig" << "ZIG";
        QTest::newRow("text file") << "notes.txt" << "" << "";
        QTest::newRow("no extension") << "README" << "" << "";
    }

    void languagesFromFileNames() {
        QFETCH(QString, fileName);
        QFETCH(QString, id);
        QFETCH(QString, name);
        const CodeLanguage language = languageForFileName(fileName);
        QCOMPARE(language.id, id);
        QCOMPARE(language.name, name);
    }

    void languagesFromContent_data() {
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<QString>("content");
        QTest::addColumn<QString>("id");
        QTest::newRow("env python") << "tool" << "#!/usr/bin/env python3\nprint(1)\n" << "python";
        QTest::newRow("env -S with flags") << "" << "#!/usr/bin/env -S python3 -u\n" << "python";
        QTest::newRow("bash") << "run" << "#!/bin/bash\nset -e\n" << "bash";
        QTest::newRow("versioned interpreter") << "" << "#!/usr/bin/python3.11\n" << "python";
        QTest::newRow("node") << "" << "#!/usr/bin/env node\n" << "javascript";
        QTest::newRow("byte-order mark and php") << "" << QString(QChar(0xFEFF)) + "<?php echo 1;" << "php";
        QTest::newRow("xml") << "" << "<?xml version=\"1.0\"?><a/>" << "xml";
        QTest::newRow("html") << "" << "\n<!DOCTYPE html>\n<html></html>" << "html";
        QTest::newRow("json") << "" << " {\"a\": [1, 2]}\n" << "json";
        QTest::newRow("not json") << "" << "{ not json" << "";
        QTest::newRow("name wins over content") << "x.rb" << "#!/usr/bin/env python3\n" << "ruby";
        QTest::newRow("plain") << "" << "hello world" << "";
    }

    void languagesFromContent() {
        QFETCH(QString, fileName);
        QFETCH(QString, content);
        QFETCH(QString, id);
        QCOMPARE(detectLanguage(fileName, content).id, id);
    }

    void fenceWordsAndNames() {
        QCOMPARE(languageFor("py").id, "python");
        QCOMPARE(languageFor("Python").name, "Python");
        QCOMPARE(languageFor("C++").id, "cpp");
        QCOMPARE(languageFor("golang").id, "go");
        QCOMPARE(languageFor("c#").id, "csharp");
        QVERIFY(languageFor("text").isPlainText());
        QVERIFY(languageFor("").isPlainText());
        QCOMPARE(languageFor("Zig").id, "zig");
        QVERIFY(sameLanguage("js", "JavaScript"));
        QVERIFY(!sameLanguage("java", "javascript"));
        QCOMPARE(extensionFor(languageFor("python")), "py");
        QCOMPARE(extensionFor(languageFor("zig")), "zig");
        QVERIFY(extensionFor({}).isEmpty());
        // Every known language is reachable by its own id and name and has a usual extension.
        for (const CodeLanguage& language : knownLanguages()) {
            QCOMPARE(languageFor(language.id), language);
            QCOMPARE(languageFor(language.name), language);
            QVERIFY2(!extensionFor(language).isEmpty(), qPrintable(language.id));
        }
    }
};

QTEST_GUILESS_MAIN(TestCodeTasks)
#include "test_code_tasks.moc"
