// The code panel in the shown main window, offscreen. With the real default model (skipped
// without it): Ctrl+Shift+C shows the panel, a .py file opens with its language, Explain
// and a typed instruction stream answers, the proposal's diff (unified, side by side), Apply
// and Ctrl+Z, the dark theme; after a restart the session is back and its last task is
// retried with Retry; a narrow window keeps the model bar's chip whole beside a wide panel
// (the sidebar steps aside) and the panel's controls inside the panel. Without a model: dragging
// the handle resizes the panel within its bounds, a file dropped on the panel opens there (the
// overlay says so), Ctrl+S saves it and asks before overwriting a file changed on disk. Saves
// code-panel-light, code-panel-side-by-side-light, code-panel-dark and code-panel-narrow
// screenshots.

#include "code_panel_controller.h"
#include "composition.h"
#include "engine_worker.h"
#include "test_model_file.h"
#include "window_test_support.h"

#include <QMimeData>
#include <QQuickItem>
#include <QQuickWindow>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using conclave::app::Composition;
using conclave::test::centreOf;
using conclave::test::click;
using conclave::test::item;
using conclave::test::saveScreenshot;
using conclave::test::visibleItem;
using conclave::ui::ChatController;
using conclave::ui::CodePanelController;

namespace {

bool writeFile(const QString& path, const QString& text) {
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(text.toUtf8()) >= 0;
}

QString readFile(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

// A visible item showing exactly `text`.
QQuickItem* visibleText(QQuickItem* parent, const QString& text) {
    for (QQuickItem* child : parent->childItems()) {
        if (!child->isVisible()) continue;
        if (child->property("text").toString() == text) return child;
        if (QQuickItem* found = visibleText(child, text)) return found;
    }
    return nullptr;
}

// Drags `target` horizontally by `dx` with the left button, in steps as a hand would.
void dragBy(QQuickWindow* window, QQuickItem* target, int dx) {
    const QPoint from = centreOf(target);
    QTest::mousePress(window, Qt::LeftButton, {}, from);
    for (int step = 1; step <= 4; ++step) QTest::mouseMove(window, from + QPoint(dx * step / 4, 0));
    QTest::mouseRelease(window, Qt::LeftButton, {}, from + QPoint(dx, 0));
}

// The window-space rectangle of an item.
QRectF sceneRect(QQuickItem* item) {
    return item->mapRectToScene(QRectF(0, 0, item->width(), item->height()));
}

} // namespace

class TestCodePanelWindow : public QObject {
    Q_OBJECT

    QTemporaryDir m_data;
    QString m_modelPath;

private slots:
    void initTestCase() {
        m_modelPath = conclave::test::defaultModelPath();
        qputenv("XDG_DATA_HOME", m_data.path().toUtf8());
    }

    // Any warning from our QML (a binding that fails, an unknown type) fails the test.
    void init() {
        QTest::failOnWarning(QRegularExpression(QStringLiteral("qrc:/qt/qml/Conclave/")));
    }

    void codePanelThroughTheWindow() {
        if (!QFileInfo::exists(m_modelPath)) QSKIP(conclave::test::missingModelReason());
        QTemporaryDir sources;
        const QString file = sources.filePath(QStringLiteral("calc.py"));
        const QString code =
            QStringLiteral("def add(a, b):\n    return a - b\n\n\nprint(add(2, 3))\n");
        {
            QFile out(file);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(code.toUtf8());
        }
        qint64 session = 0;
        {
            Composition app;
            QVERIFY(app.window().show());
            QQuickWindow* window = app.window().window();
            QVERIFY(QTest::qWaitForWindowActive(window));
            app.chat().settings()->setThreads(1);
            app.chat().openModel(QUrl::fromLocalFile(m_modelPath));
            QTRY_COMPARE_WITH_TIMEOUT(app.chat().modelStatus(), ChatController::ModelStatus::Ready,
                                      30000);
            app.chat().settings()->setTemperature(0.0);
            app.chat().settings()->setMaxTokens(160);
            CodePanelController& panel = app.codePanel();
            QVERIFY(!visibleItem(window, "codePanel"));
            QTest::keyClick(window, Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
            QTRY_VERIFY(visibleItem(window, "codePanel"));
            QVERIFY(panel.panelVisible());
            QVERIFY(panel.openFile(QUrl::fromLocalFile(file)));
            session = panel.sessionId();
            QQuickItem* editorText = item(window, "codeEditorText");
            QVERIFY(editorText);
            QTRY_COMPARE(editorText->property("text").toString(), code);
            QCOMPARE(item(window, "languageBox")->property("currentText").toString(),
                     QStringLiteral("Python"));
            QTRY_VERIFY(panel.promptTokens() > 0);
            // Coloured by KDE Syntax Highlighting when its tool is installed.
            if (!QStandardPaths::findExecutable(QStringLiteral("kate-syntax-highlighter"))
                     .isEmpty())
                QTRY_VERIFY_WITH_TIMEOUT(
                    window->findChild<QObject*>(QStringLiteral("codeEditorHighlighter"))
                            ->property("colouredLines")
                            .toInt() > 0,
                    10000);

            click(window, visibleItem(window, "task_explain"));
            QTRY_VERIFY(panel.busy());
            QTRY_VERIFY_WITH_TIMEOUT(!panel.busy(), 60000);
            QVERIFY(!panel.answer().isEmpty());
            QVERIFY(panel.answerStatus().contains(QStringLiteral("tok/s")));

            QQuickItem* instruction = item(window, "instructionField");
            instruction->forceActiveFocus();
            for (const QChar c : QStringLiteral("Fix the bug: add must return a + b."))
                QTest::keyClick(window, c.toLatin1());
            QTest::keyClick(window, Qt::Key_Return);
            QTRY_VERIFY(panel.busy());
            QTRY_VERIFY_WITH_TIMEOUT(!panel.busy(), 60000);
            QVERIFY(!panel.answer().isEmpty());
            if (!panel.hasProposal() || !panel.proposalComplete() || panel.proposedCode() == code) {
                // The small model answered without a usable code block: answer the same kind
                // of task in the engine's place so Apply and undo still go through the window.
                qWarning("SmolLM2 proposed no change; answering the Fix in its place");
                QVERIFY(panel.runTask(QStringLiteral("fix"), {}, {}, 0, 0));
                const quint64 id = panel.requestId();
                app.worker()->cancel();
                conclave::app::GenerationUpdate answer;
                answer.answer =
                    QStringLiteral("```python\n") +
                    QString(code).replace(QStringLiteral("a - b"), QStringLiteral("a + b")) +
                    QStringLiteral("```");
                answer.generatedTokens = 20;
                conclave::app::GenerationStats stats;
                stats.stopReason = QStringLiteral("end_of_generation");
                emit app.worker()->generationFinished(id, answer, stats);
            }
            QVERIFY(panel.hasProposal());
            click(window, visibleItem(window, "diffTab"));
            QTest::qWait(150);
            saveScreenshot(window, QStringLiteral("code-panel-light"));
            QVERIFY(visibleItem(window, "diffView"));
            click(window, visibleItem(window, "sideBySideButton"));
            QTRY_VERIFY(visibleItem(window, "sideBySideDiffView"));
            QVERIFY(!visibleItem(window, "diffView"));
            QTest::qWait(100);
            saveScreenshot(window, QStringLiteral("code-panel-side-by-side-light"));
            click(window, visibleItem(window, "sideBySideButton"));
            QTRY_VERIFY(visibleItem(window, "diffView"));
            const QString proposed = panel.proposedCode();
            click(window, visibleItem(window, "applyButton"));
            QTRY_COMPARE(editorText->property("text").toString(), proposed);
            QCOMPARE(panel.code(), proposed);
            editorText->forceActiveFocus();
            QTest::keyClick(window, Qt::Key_Z, Qt::ControlModifier);
            QTRY_COMPARE(editorText->property("text").toString(), code);
            QTRY_COMPARE(panel.code(), code);

            const QString theme = app.appSettings().theme();
            app.appSettings().setTheme(QStringLiteral("dark"));
            QTest::qWait(400);
            saveScreenshot(window, QStringLiteral("code-panel-dark"));
            app.appSettings().setTheme(theme);
        }
        {
            Composition app;
            QCOMPARE(app.codePanel().sessionId(), session);
            QCOMPARE(app.codePanel().code(), code);
            QVERIFY(!app.codePanel().answer().isEmpty());
            QVERIFY(app.window().show());
            QQuickWindow* window = app.window().window();
            QVERIFY(QTest::qWaitForWindowActive(window));
            QTRY_VERIFY(visibleItem(window, "codePanel"));
            QTRY_COMPARE(item(window, "codeEditorText")->property("text").toString(), code);
            // The last task came back with its answer: Retry runs it again once a model is open.
            QTRY_VERIFY(visibleItem(window, "retryButton"));
            QVERIFY(app.codePanel().canRetry());
            app.chat().settings()->setThreads(1);
            app.chat().openModel(QUrl::fromLocalFile(m_modelPath));
            QTRY_COMPARE_WITH_TIMEOUT(app.chat().modelStatus(), ChatController::ModelStatus::Ready,
                                      30000);
            app.chat().settings()->setMaxTokens(24);
            QTRY_VERIFY(visibleItem(window, "retryButton")->isEnabled());
            click(window, visibleItem(window, "retryButton"));
            QTRY_VERIFY(app.codePanel().busy());
            QTRY_VERIFY_WITH_TIMEOUT(!app.codePanel().busy(), 60000);
            QVERIFY(app.codePanel().answerStatus().contains(QStringLiteral("tok/s")));
            // Hidden again, so the other tests' windows start without it.
            QTest::keyClick(window, Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
            QTRY_VERIFY(!visibleItem(window, "codePanel"));
            QVERIFY(!app.codePanel().panelVisible());
        }
    }

    void resizeDropAndSaveThroughTheWindow() {
        QTemporaryDir sources;
        const QString file = sources.filePath(QStringLiteral("calc.py"));
        const QString code = QStringLiteral("def add(a, b):\n    return a - b\n");
        QVERIFY(writeFile(file, code));
        Composition app;
        QVERIFY(app.window().show());
        QQuickWindow* window = app.window().window();
        window->resize(1400, 800);
        QVERIFY(QTest::qWaitForWindowActive(window));
        CodePanelController& panel = app.codePanel();
        panel.setPanelWidth(CodePanelController::defaultWidth);
        QTest::keyClick(window, Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY(visibleItem(window, "codePanel"));
        QQuickItem* view = visibleItem(window, "codePanel");
        QQuickItem* chat = item(window, "chatColumn");
        QVERIFY(chat);
        QTRY_COMPARE(int(view->width()), CodePanelController::defaultWidth);

        // Drag the handle: 120 px to the left widens the panel by as much, and it is kept.
        QQuickItem* handle = visibleItem(window, "codePanelHandle");
        QVERIFY(handle);
        dragBy(window, handle, -120);
        QCOMPARE(panel.panelWidth(), CodePanelController::defaultWidth + 120);
        QTRY_COMPARE(int(view->width()), CodePanelController::defaultWidth + 120);
        // Far to the left: the chat keeps its minimum; far to the right: the panel keeps its.
        dragBy(window, handle, -1000);
        QTRY_COMPARE(int(chat->width()), window->property("chatMinimumWidth").toInt());
        QCOMPARE(panel.panelWidth(), int(view->width()));
        QVERIFY(sceneRect(view).right() <= window->width() + 0.5);
        dragBy(window, handle, int(window->width() - centreOf(handle).x() - 2));
        QCOMPARE(panel.panelWidth(), CodePanelController::minimumWidth);
        QTRY_COMPARE(int(view->width()), CodePanelController::minimumWidth);

        // Drop the file on the panel: the overlay says where it goes, and it opens there.
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(file)});
        const QPoint onPanel = centreOf(view);
        QDragEnterEvent enter(onPanel, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(window, &enter);
        QVERIFY(enter.isAccepted());
        QDragMoveEvent move(onPanel, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(window, &move);
        QTRY_VERIFY(visibleText(window->contentItem(),
                                QStringLiteral("Drop to open the file in the code panel")));
        QDropEvent drop(QPointF(onPanel), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(window, &drop);
        QTRY_COMPARE(panel.fileName(), QStringLiteral("calc.py"));
        QQuickItem* editor = item(window, "codeEditorText");
        QTRY_COMPARE(editor->property("text").toString(), code);
        QCOMPARE(panel.languageId(), QStringLiteral("python"));
        QTRY_VERIFY(editor->hasActiveFocus() || view->hasActiveFocus());

        // Type at the end and press Ctrl+S: the file has the edit.
        editor->forceActiveFocus();
        editor->setProperty("cursorPosition", code.size());
        QTest::keyClick(window, Qt::Key_NumberSign);
        QTRY_COMPARE(panel.code(), code + QStringLiteral("#"));
        QVERIFY(panel.modified());
        QTest::keyClick(window, Qt::Key_S, Qt::ControlModifier);
        QTRY_COMPARE(readFile(file), code + QStringLiteral("#"));
        QVERIFY(!panel.modified());

        // Someone else changes the file: Ctrl+S asks before overwriting, Overwrite writes ours.
        QVERIFY(writeFile(file, QStringLiteral("changed elsewhere\n")));
        QFile(file).setFileTime(QDateTime::currentDateTime().addSecs(5),
                                QFileDevice::FileModificationTime);
        QTest::keyClick(window, Qt::Key_NumberSign);
        QTRY_COMPARE(panel.code(), code + QStringLiteral("##"));
        QTest::keyClick(window, Qt::Key_S, Qt::ControlModifier);
        QTRY_VERIFY(visibleItem(window, "overwriteButton"));
        QVERIFY(panel.saveConflict());
        QCOMPARE(readFile(file), QStringLiteral("changed elsewhere\n"));
        click(window, visibleItem(window, "overwriteButton"));
        QTRY_COMPARE(readFile(file), code + QStringLiteral("##"));
        QTRY_VERIFY(!visibleItem(window, "overwriteButton"));

        // The ☰ list shows this session; ✕ deletes it (the panel empties), Undo brings it back.
        const qint64 session = panel.sessionId();
        const QString rowName = QStringLiteral("panelSession%1").arg(session);
        click(window, visibleItem(window, "sessionsButton"));
        QTRY_VERIFY(visibleItem(window->contentItem(), rowName));
        QTest::qWait(100);
        saveScreenshot(window, QStringLiteral("code-panel-sessions"));
        click(window, visibleItem(visibleItem(window->contentItem(), rowName),
                                  QStringLiteral("deleteSessionButton")));
        QTRY_COMPARE(panel.sessionId(), 0);
        QTRY_COMPARE(editor->property("text").toString(), QString());
        QTRY_VERIFY(!visibleItem(window->contentItem(), rowName));
        QTest::keyClick(window, Qt::Key_Escape);
        QTRY_VERIFY(!visibleItem(window, "sessionList"));
        QVERIFY(visibleItem(window, "panelUndoToast"));
        click(window, visibleItem(window, "panelUndoButton"));
        QTRY_COMPARE(panel.sessionId(), session);
        QTRY_COMPARE(editor->property("text").toString(), code + QStringLiteral("##"));
        QTRY_VERIFY(!visibleItem(window, "panelUndoToast"));

        panel.setPanelVisible(false); // so the next test's window starts without it
    }

    // A wide panel in a narrow window: the chat column keeps its minimum, the sidebar steps
    // aside, and the model chip stays whole inside the model bar (its name at least partly
    // shown, its facts elided if need be) and opens the model picker.
    void narrowWindowKeepsTheModelBarUsable() {
        if (!QFileInfo::exists(m_modelPath)) QSKIP(conclave::test::missingModelReason());
        Composition app;
        QVERIFY(app.window().show());
        QQuickWindow* window = app.window().window();
        QVERIFY(QTest::qWaitForWindowActive(window));
        app.chat().settings()->setThreads(1);
        app.chat().openModel(QUrl::fromLocalFile(m_modelPath));
        QTRY_COMPARE_WITH_TIMEOUT(app.chat().modelStatus(), ChatController::ModelStatus::Ready,
                                  30000);
        CodePanelController& panel = app.codePanel();
        panel.openCode(QStringLiteral("print(1)\n"), QStringLiteral("python"));
        panel.setPanelWidth(2000);
        const int chatMinimum = window->property("chatMinimumWidth").toInt();
        QVERIFY(chatMinimum > 0);

        const auto chipIsWhole = [&](int windowWidth) {
            window->resize(windowWidth, 700);
            QTRY_COMPARE(window->width(), windowWidth);
            QTest::qWait(50);
            QQuickItem* bar = visibleItem(window, "modelBar");
            QQuickItem* chip = visibleItem(window, "modelChip");
            QQuickItem* name = visibleItem(window, "modelName");
            QQuickItem* view = visibleItem(window, "codePanel");
            QQuickItem* chat = item(window, "chatColumn");
            QVERIFY(bar && chip && name && view && chat);
            QVERIFY2(chat->width() >= chatMinimum - 0.5,
                     qPrintable(QString::number(chat->width())));
            QVERIFY(view->width() >= CodePanelController::minimumWidth - 0.5);
            const QRectF chipRect = sceneRect(chip);
            const QRectF barRect = sceneRect(bar);
            QVERIFY2(barRect.contains(chipRect),
                     qPrintable(QStringLiteral("chip %1..%2 outside the bar %3..%4")
                                    .arg(chipRect.left())
                                    .arg(chipRect.right())
                                    .arg(barRect.left())
                                    .arg(barRect.right())));
            QVERIFY(chipRect.right() <= sceneRect(view).left());
            // Its content fits in it: nothing drawn past its right edge.
            QVERIFY(sceneRect(name).right() <= chipRect.right() + 0.5);
            QVERIFY(sceneRect(visibleItem(window, "modelFacts")).right() <= chipRect.right() + 0.5);
            QVERIFY(name->width() >= 40);
            // The panel's own controls fit in it too (its actions and tasks wrap).
            const QRectF panelRect = sceneRect(view).adjusted(-1, -1, 1, 1);
            for (const char* control :
                 {"sessionsButton", "languageBox", "discussButton", "closePanelButton",
                  "codeEditor", "task_document", "convertTarget", "task_instruction"}) {
                QQuickItem* found = visibleItem(window, control);
                QVERIFY2(
                    found && panelRect.contains(sceneRect(found)),
                    qPrintable(QStringLiteral("%1 at %2..%3 outside the panel %4..%5 (window %6)")
                                   .arg(QLatin1String(control))
                                   .arg(found ? sceneRect(found).left() : -1)
                                   .arg(found ? sceneRect(found).right() : -1)
                                   .arg(panelRect.left())
                                   .arg(panelRect.right())
                                   .arg(windowWidth)));
            }
        };
        chipIsWhole(1180);
        QVERIFY(visibleItem(window, "sidebar")); // room for all three
        QCOMPARE(int(visibleItem(window, "codePanel")->width()),
                 window->property("panelMaximumWidth").toInt());
        chipIsWhole(window->minimumWidth());
        QVERIFY(!visibleItem(window, "sidebar")); // the sidebar steps aside
        saveScreenshot(window, QStringLiteral("code-panel-narrow"));
        click(window, visibleItem(window, "modelChip"));
        QTRY_VERIFY(window->findChild<QObject*>(QStringLiteral("modelPicker"))
                        ->property("opened")
                        .toBool());
        // Without the panel the sidebar is back.
        panel.setPanelVisible(false);
        QTRY_VERIFY(visibleItem(window, "sidebar"));
    }
};

QTEST_MAIN(TestCodePanelWindow)
#include "test_code_panel_window.moc"
