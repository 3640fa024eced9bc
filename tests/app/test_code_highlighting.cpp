// Code blocks coloured by KDE Syntax Highlighting's tool, out of process: the fence word picks
// the right definition, the coloured text shows exactly the code (never different text), a
// missing, failing or hanging tool leaves the block plain, the work never blocks the GUI
// thread, theme changes keep the old colours until the new ones arrive, and the chat's
// CodeBlock switches to the coloured text without changing its height.
//
// The tool comes from Debian's libkf5syntaxhighlighting-tools (scripts/bootstrap installs it);
// tests that need it skip, saying so, where it is absent.

#include "code_highlighter.h"
#include "highlighted_code.h"
#include "kate_highlighter.h"

#include <QClipboard>
#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQmlComponent>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(Conclave_ChatPlugin)

using conclave::ui::CodeHighlighter;
using conclave::ui::HighlightedCode;
using conclave::ui::KateHighlighter;

namespace {

QString plainTextOf(const QString& richText) {
    QTextDocument document;
    document.setHtml(richText);
    return document.toPlainText();
}

// A shell script standing in for the tool.
QString writeScript(const QTemporaryDir& dir, const QString& name, const QByteArray& body) {
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly)) return {};
    file.write("#!/bin/sh\n" + body + "\n");
    file.close();
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    return path;
}

const QString kPython = QStringLiteral("def greet(name: str) -> str:\n"
                                       "\t# tabs, <angle> & \"quotes\", unicode: héllo → 世界\n"
                                       "    return f\"Hello, {name}!\"  \n"
                                       "\n"
                                       "print(greet('world') if 1 < 2 else None)");

} // namespace

class TestCodeHighlighting : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_scripts;
    KateHighlighter m_tool;

    void requireTool() {
        if (!m_tool.available())
            QSKIP("kate-syntax-highlighter is not installed (Debian: "
                  "libkf5syntaxhighlighting-tools)");
    }

private slots:
    void initTestCase() {
        QVERIFY(m_scripts.isValid());
        // The shared highlighter (HighlightedCode, CodeBlock) runs the real tool a second late,
        // so the tests can see that nobody waits for it.
        if (m_tool.available()) {
            const QString slowTool =
                writeScript(m_scripts, QStringLiteral("slow-highlighter"),
                            "sleep 1\nexec '" + m_tool.executable().toUtf8() + "' \"$@\"");
            qputenv("CONCLAVE_KATE_HIGHLIGHTER", slowTool.toUtf8());
        }
    }

    void toolPageIsReducedToExactlyTheCode() {
        const QString code = QStringLiteral("a < b && c\n\tx = \"y\"");
        const QString page =
            QStringLiteral("<html><body style=\"background-color:#fff\"><pre>\n"
                           "a &lt; b &amp;&amp; <span style=\"color:#d73a49;\">c</span>\n"
                           "\tx = <span style=\"color:#032f62;\">&quot;y&quot;</span>\n"
                           "</pre></body></html>");
        const QString richText = KateHighlighter::richTextFromToolHtml(page, code);
        QVERIFY(richText.startsWith(QStringLiteral("<pre")));
        QVERIFY(richText.contains(QStringLiteral("color:#d73a49")));
        QCOMPARE(plainTextOf(richText), code);

        // A page whose text differs from the code (one character) is refused.
        QVERIFY(
            KateHighlighter::richTextFromToolHtml(page, QStringLiteral("a < b && d\n\tx = \"y\""))
                .isEmpty());
        QVERIFY(KateHighlighter::richTextFromToolHtml(QStringLiteral("<html>no block</html>"), code)
                    .isEmpty());
        QVERIFY(KateHighlighter::richTextFromToolHtml(QStringLiteral("<pre>&bogus;</pre>"),
                                                      QStringLiteral("&bogus;"))
                    .isEmpty());
    }

    void fenceWordsResolveToDefinitions_data() {
        QTest::addColumn<QString>("fence");
        QTest::addColumn<QString>("definition");
        QTest::newRow("name, lower case") << "python"
                                          << "Python";
        QTest::newRow("extension") << "py"
                                   << "Python";
        QTest::newRow("name with symbols") << "C++"
                                           << "C++";
        QTest::newRow("cpp") << "cpp"
                             << "C++";
        QTest::newRow("rust") << "rust"
                              << "Rust";
        QTest::newRow("rs") << "rs"
                            << "Rust";
        QTest::newRow("javascript") << "JavaScript"
                                    << "JavaScript";
        QTest::newRow("ts") << "ts"
                            << "TypeScript";
        QTest::newRow("shell alias") << "shell"
                                     << "Bash";
        QTest::newRow("sh") << "sh"
                            << "Bash";
        QTest::newRow("golang alias") << "golang"
                                      << "Go";
        QTest::newRow("pandoc braces") << "{.haskell}"
                                       << "Haskell";
        QTest::newRow("info string with attributes") << "json title=\"x.json\""
                                                     << "JSON";
        QTest::newRow("plain text") << "text"
                                    << "";
        QTest::newRow("unknown") << "no-such-language-xyz"
                                 << "";
        QTest::newRow("empty") << ""
                               << "";
    }

    void fenceWordsResolveToDefinitions() {
        requireTool();
        QFETCH(QString, fence);
        QFETCH(QString, definition);
        QCOMPARE(m_tool.resolveSyntax(fence), definition);
    }

    void colouredCodeShowsExactlyTheCode_data() {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("code");
        QTest::newRow("python, no final newline") << "python" << kPython;
        QTest::newRow("python, final newline") << "python" << kPython + QStringLiteral("\n");
        QTest::newRow("c++ with blank lines at the end")
            << "cpp" << QStringLiteral("#include <vector>\nint main() { return 0; } // done\n\n\n");
        QTest::newRow("html inside code")
            << "html" << QStringLiteral("<p class=\"x\">&amp; &lt;b&gt;</p>");
        QTest::newRow("one line") << "bash" << QStringLiteral("echo \"$HOME\" | grep -c x");
    }

    void colouredCodeShowsExactlyTheCode() {
        requireTool();
        QFETCH(QString, language);
        QFETCH(QString, code);
        const QString light = m_tool.highlight(code, m_tool.resolveSyntax(language),
                                               CodeHighlighter::themeName(false));
        QVERIFY2(!light.isEmpty(), "the tool coloured nothing");
        QVERIFY(light.contains(QStringLiteral("<span style=\"color:")));
        QCOMPARE(plainTextOf(light), code);

        const QString dark = m_tool.highlight(code, m_tool.resolveSyntax(language),
                                              CodeHighlighter::themeName(true));
        QCOMPARE(plainTextOf(dark), code);
        QVERIFY2(dark != light, "light and dark themes gave the same colours");
    }

    void brokenToolsLeaveTheCodePlain() {
        // Missing, failing and hanging tools: an empty answer (plain code), never a hang.
        KateHighlighter missing(m_scripts.filePath(QStringLiteral("no-such-tool")));
        QVERIFY(missing.highlight(kPython, QStringLiteral("Python"), QStringLiteral("GitHub Light"))
                    .isEmpty());

        KateHighlighter failing(
            writeScript(m_scripts, QStringLiteral("failing"), "echo broken >&2\nexit 3"));
        QCOMPARE(failing.resolveSyntax(QStringLiteral("python")), QString());
        QVERIFY(failing.highlight(kPython, QStringLiteral("Python"), QStringLiteral("GitHub Light"))
                    .isEmpty());

        KateHighlighter lying(writeScript(m_scripts, QStringLiteral("lying"),
                                          "cat >/dev/null\necho '<pre>\nsomething else\n</pre>'"));
        QVERIFY(lying.highlight(kPython, QStringLiteral("Python"), QStringLiteral("GitHub Light"))
                    .isEmpty());

        KateHighlighter hanging(writeScript(m_scripts, QStringLiteral("hanging"), "exec sleep 60"));
        hanging.setTimeoutMs(300);
        QElapsedTimer clock;
        clock.start();
        QVERIFY(hanging.highlight(kPython, QStringLiteral("Python"), QStringLiteral("GitHub Light"))
                    .isEmpty());
        QVERIFY2(clock.elapsed() < 10'000, "a hanging tool was not killed at its time limit");
    }

    void highlightingHappensOffTheGuiThreadAndIsCached() {
        requireTool();
        HighlightedCode block;
        QSignalSpy changed(&block, &HighlightedCode::richTextChanged);
        QElapsedTimer clock;
        clock.start();
        block.setLanguage(QStringLiteral("python"));
        block.setCode(kPython);
        // The (slowed) tool takes over a second; setting the code returned long before.
        QVERIFY2(clock.elapsed() < 500, "setting the code waited for the tool");
        QVERIFY(block.richText().isEmpty());
        QVERIFY(changed.wait(15'000));
        QCOMPARE(plainTextOf(block.richText()), kPython);

        // A second block with the same code is coloured at once, from the cache.
        HighlightedCode again;
        again.setLanguage(QStringLiteral("python"));
        again.setCode(kPython);
        QCOMPARE(again.richText(), block.richText());

        // While a block streams it stays plain; once complete it is coloured.
        HighlightedCode streaming;
        streaming.setActive(false);
        streaming.setLanguage(QStringLiteral("python"));
        streaming.setCode(kPython);
        QVERIFY(streaming.richText().isEmpty());
        streaming.setActive(true);
        QCOMPARE(streaming.richText(), block.richText());
    }

    void themeChangeKeepsColoursUntilTheNewOnesArrive() {
        requireTool();
        HighlightedCode block;
        block.setLanguage(QStringLiteral("cpp"));
        block.setCode(QStringLiteral("int answer() { return 42; }"));
        QTRY_VERIFY_WITH_TIMEOUT(!block.richText().isEmpty(), 15'000);
        const QString light = block.richText();

        QStringList seen;
        connect(&block, &HighlightedCode::richTextChanged, this, [&] { seen << block.richText(); });
        block.setDark(true);
        QTRY_VERIFY_WITH_TIMEOUT(!seen.isEmpty(), 15'000);
        QVERIFY2(!seen.contains(QString()), "the block went plain while the theme changed");
        QVERIFY(block.richText() != light);
    }

    void unknownLanguageStaysPlainAndCopyGivesTheCode() {
        HighlightedCode block;
        block.setLanguage(QStringLiteral("text"));
        block.setCode(QStringLiteral("just <words>"));
        QTest::qWait(50);
        QVERIFY(block.richText().isEmpty());
        block.copyToClipboard();
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("just <words>"));
    }

    void codeBlockTurnsColouredWithoutChangingHeight() {
        requireTool();
        QQmlApplicationEngine engine;
        engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
        QQmlComponent component(&engine);
        component.setData(R"(
            import QtQuick
            import Conclave.Chat
            Window {
                width: 640; height: 480; visible: true
                CodeBlock {
                    objectName: "block"
                    width: 600
                    language: "python"
                    code: "for i in range(3):\n    print(i)  # <done>\n\n# end"
                }
            })",
                          QUrl(QStringLiteral("qrc:/test/CodeBlockHost.qml")));
        std::unique_ptr<QObject> window(component.create());
        QVERIFY2(window, qPrintable(component.errorString()));
        auto* block = window->findChild<QQuickItem*>(QStringLiteral("block"));
        auto* text = window->findChild<QQuickItem*>(QStringLiteral("codeText"));
        QVERIFY(block && text);
        QVERIFY(!text->property("coloured").toBool());
        const qreal plainHeight = block->implicitHeight();
        QTRY_VERIFY_WITH_TIMEOUT(text->property("coloured").toBool(), 15'000);
        QCOMPARE(block->implicitHeight(), plainHeight);
        QTRY_COMPARE(text->property("text").toString().contains(QStringLiteral("<span")), true);
    }
};

QTEST_MAIN(TestCodeHighlighting)
#include "test_code_highlighting.moc"
