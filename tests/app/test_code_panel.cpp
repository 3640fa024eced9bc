// The code panel through the real object graph (Composition) over a real SQLite file: a file
// opened into a session, its language detected, the session kept out of the chat's sidebar
// but found by search and restored after a restart with the panel's place; saving back with a
// confirmation when the file changed on disk; with the real SmolLM2 (skipped without it): a
// task's streamed answer (answered here in the worker's place, so the text is known) becomes
// a proposal, a diff, a unified diff on the clipboard, and an Apply that is one undoable step,
// also on a selection, refused when the code changed meanwhile; a real Explain streams and
// ends with tokens/s, Retry runs it again, Stop stops; Discuss in chat and Open in code panel.
// Each answer's task is stored: after a restart the last answer's proposal is compared with
// the code its task ran on, Apply replaces that selection only, and Retry sends the same
// prompt again (an answer stored before tasks were cannot be retried). The session list:
// recent sessions newest first, delete with undo (the shown session empties the panel and
// comes back with undo), final after the undo time or at quit, gone from search.

#include "code_panel_controller.h"
#include "composition.h"
#include "conclave/storage/code_panel_store.h"
#include "conclave/storage/conversation_store.h"
#include "conclave/storage/database.h"
#include "engine_worker.h"
#include "file_size_limit.h"
#include "search_model.h"
#include "test_model_file.h"

#include <QAbstractItemModelTester>
#include <QClipboard>
#include <QFile>
#include <QGuiApplication>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTextDocument>
#include <QtTest>

using conclave::app::Composition;
using conclave::ui::ChatController;
using conclave::ui::CodePanelController;

namespace {

const QString pythonCode =
    QStringLiteral("def add(a, b):\n    return a - b\n\n\nprint(add(2, 3))\n");
const QString fixedCode =
    QStringLiteral("def add(a, b):\n    return a + b\n\n\nprint(add(2, 3))\n");

bool writeFile(const QString& path, const QString& text) {
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(text.toUtf8()) >= 0;
}

QString readFile(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

// A question and its answer in `session`, written as the panel writes them; the answer's id.
qint64 storeAnswer(conclave::storage::Database& db, qint64 session, const std::string& answer) {
    using namespace conclave::storage;
    ConversationStore conversations(db);
    NewMessage question;
    question.conversation_id = session;
    question.content = "Fix this Python code.";
    conversations.append_message(question);
    NewMessage reply;
    reply.conversation_id = session;
    reply.role = Role::assistant;
    reply.content = answer;
    reply.stats.completion_tokens = 20;
    reply.stats.tokens_per_second = 12.5;
    return conversations.append_message(reply).id;
}

conclave::app::GenerationUpdate update(const QString& answer, int tokens) {
    conclave::app::GenerationUpdate u;
    u.answer = answer;
    u.generatedTokens = tokens;
    u.firstTokenMs = 100;
    u.elapsedMs = 100 + tokens * 50.0;
    return u;
}

} // namespace

class TestCodePanel : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_modelPath;
    int m_next = 0;

    QString freshFolder() {
        const QString folder = m_dir.filePath(QStringLiteral("case%1").arg(m_next++));
        QDir().mkpath(folder);
        return folder;
    }

    bool loadModel(Composition& app) {
        if (!QFileInfo::exists(m_modelPath)) return false;
        app.chat().settings()->setThreads(1);
        app.chat().settings()->setContextLength(2048);
        app.chat().openModel(QUrl::fromLocalFile(m_modelPath));
        return QTest::qWaitFor(
            [&] { return app.chat().modelStatus() == ChatController::ModelStatus::Ready; }, 60000);
    }

    // Runs `task` and answers it in the worker's place with `answer`, streamed in two steps.
    static void answerTask(Composition& app, const QString& answer) {
        CodePanelController& panel = app.codePanel();
        const quint64 id = panel.requestId();
        QVERIFY(id != 0);
        // Ours, not the engine's: the real request is cancelled so its answer never comes.
        app.worker()->cancel();
        emit app.worker()->generationProgress(id, update(answer.left(answer.size() / 2), 10));
        QVERIFY(panel.busy());
        conclave::app::GenerationStats stats;
        stats.stopReason = QStringLiteral("end_of_generation");
        stats.generatedTokens = 20;
        stats.tokensPerSecond = 12.5;
        emit app.worker()->generationFinished(id, update(answer, 20), stats);
        QVERIFY(!panel.busy());
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_modelPath = conclave::test::defaultModelPath();
        qputenv("XDG_DATA_HOME", m_dir.filePath(QStringLiteral("data")).toUtf8());
        qunsetenv("CONCLAVE_LANGUAGE");
    }

    void openedFileIsASessionThatSurvivesARestart() {
        const QString folder = freshFolder();
        const QString database = folder + QStringLiteral("/conclave.db");
        const QString source = folder + QStringLiteral("/calc.py");
        QVERIFY(writeFile(source, pythonCode));
        qint64 session = 0;
        {
            Composition app(database);
            CodePanelController& panel = app.codePanel();
            QVERIFY(!panel.panelVisible());
            QVERIFY(panel.openFile(QUrl::fromLocalFile(source)));
            QVERIFY(panel.panelVisible());
            QCOMPARE(panel.code(), pythonCode);
            QCOMPARE(panel.languageId(), QStringLiteral("python"));
            QCOMPARE(panel.languageName(), QStringLiteral("Python"));
            QCOMPARE(panel.fileName(), QStringLiteral("calc.py"));
            QVERIFY(!panel.modified());
            session = panel.sessionId();
            QVERIFY(session > 0);
            panel.setPanelWidth(610);
            panel.setCode(pythonCode + QStringLiteral("# edited\n"));
            QVERIFY(panel.modified());
            panel.setLanguage(QStringLiteral("py"));
            QCOMPARE(panel.languageId(), QStringLiteral("python"));
            // Not a chat: the sidebar does not list it; search finds it as a panel session.
            QCOMPARE(app.chat().conversations()->rowCount(), 0);
            app.chat().search()->setQuery(QStringLiteral("calc"));
            app.chat().search()->refresh();
            QCOMPARE(app.chat().search()->rowCount(), 1);
            QVERIFY(
                app.chat()
                    .search()
                    ->data(app.chat().search()->index(0), conclave::ui::SearchModel::CodePanelRole)
                    .toBool());
            // An unreadable file changes nothing and says why.
            QVERIFY(!panel.openFile(QUrl::fromLocalFile(folder + QStringLiteral("/missing.py"))));
            QVERIFY(!panel.notice().isEmpty());
            // A binary file is refused in the panel's words (opened, not attached).
            const QString binary = folder + QStringLiteral("/blob.bin");
            {
                QFile out(binary);
                QVERIFY(out.open(QIODevice::WriteOnly));
                out.write(QByteArray("ab\0cd", 5));
            }
            QVERIFY(!panel.openFile(QUrl::fromLocalFile(binary)));
            QCOMPARE(
                panel.notice(),
                QStringLiteral("“blob.bin” is not a text file (only UTF-8 text can be opened)."));
            QCOMPARE(panel.sessionId(), session);
        }
        Composition app(database);
        CodePanelController& panel = app.codePanel();
        QVERIFY(panel.panelVisible());
        QCOMPARE(panel.panelWidth(), 610);
        QCOMPARE(panel.sessionId(), session);
        QCOMPARE(panel.code(), pythonCode + QStringLiteral("# edited\n"));
        QCOMPARE(panel.filePath(), source);
        QVERIFY(panel.modified()); // the edit was never saved to the file
        // The search popup's hit opens in the panel.
        panel.openCode(QStringLiteral("x = 1\n"), QString());
        QVERIFY(panel.sessionId() != session);
        app.chat().search()->setQuery(QStringLiteral("calc"));
        app.chat().search()->refresh();
        panel.setPanelVisible(false);
        QVERIFY(app.chat().openSearchResult(0));
        QCOMPARE(panel.sessionId(), session);
        QVERIFY(panel.panelVisible());
        QCOMPARE(panel.fileName(), QStringLiteral("calc.py"));
    }

    void savingAsksWhenTheFileChangedOnDisk() {
        const QString folder = freshFolder();
        const QString source = folder + QStringLiteral("/calc.py");
        QVERIFY(writeFile(source, pythonCode));
        Composition app(folder + QStringLiteral("/conclave.db"));
        CodePanelController& panel = app.codePanel();
        QVERIFY(panel.openFile(QUrl::fromLocalFile(source)));
        panel.setCode(fixedCode);
        QVERIFY(panel.saveFile());
        QCOMPARE(readFile(source), fixedCode);
        QVERIFY(!panel.modified());

        // Someone else writes the file; our next save asks first.
        QTest::qWait(20);
        QVERIFY(writeFile(source, QStringLiteral("changed elsewhere\n")));
        QFile(source).setFileTime(QDateTime::currentDateTime().addSecs(5),
                                  QFileDevice::FileModificationTime);
        panel.setCode(fixedCode + QStringLiteral("# more\n"));
        QVERIFY(!panel.saveFile());
        QVERIFY(panel.saveConflict());
        QCOMPARE(readFile(source), QStringLiteral("changed elsewhere\n"));
        panel.cancelSave();
        QVERIFY(!panel.saveConflict());
        QVERIFY(panel.saveFile(true));
        QCOMPARE(readFile(source), fixedCode + QStringLiteral("# more\n"));

        // Pasted code has no file: Save asks where (saveFileAs).
        panel.openCode(QStringLiteral("x = 1\n"), QStringLiteral("python"));
        QVERIFY(!panel.saveFile());
        QVERIFY(panel.saveFileAs(QUrl::fromLocalFile(folder + QStringLiteral("/new.py"))));
        QCOMPARE(readFile(folder + QStringLiteral("/new.py")), QStringLiteral("x = 1\n"));
        QCOMPARE(panel.fileName(), QStringLiteral("new.py"));
    }

    // A save the disk cuts short (here the process may write 16 bytes per file) fails with a
    // notice and leaves the file as it was; the edit stays in the panel, and once there is room
    // the same Save writes it whole.
    void aSaveCutShortKeepsTheFile() {
        const QString folder = freshFolder();
        const QString source = folder + QStringLiteral("/calc.py");
        QVERIFY(writeFile(source, pythonCode));
        Composition app(folder + QStringLiteral("/conclave.db"));
        CodePanelController& panel = app.codePanel();
        QVERIFY(panel.openFile(QUrl::fromLocalFile(source)));
        panel.setCode(fixedCode);
        {
            FileSizeLimit full(16);
            QVERIFY(!panel.saveFile());
        }
        QVERIFY(panel.notice().contains(QStringLiteral("calc.py")));
        QCOMPARE(readFile(source), pythonCode);
        QVERIFY(panel.modified());
        QVERIFY(panel.saveFile());
        QCOMPARE(readFile(source), fixedCode);
    }

    void openInPanelAndDiscussInChat() {
        const QString folder = freshFolder();
        Composition app(folder + QStringLiteral("/conclave.db"));
        CodePanelController& panel = app.codePanel();
        panel.openCode(QStringLiteral("fn main() {}\n"), QStringLiteral("rs"));
        QVERIFY(panel.panelVisible());
        QCOMPARE(panel.languageId(), QStringLiteral("rust"));
        panel.openCode(QStringLiteral("#!/usr/bin/env python3\nprint(1)\n"), QString());
        QCOMPARE(panel.languageId(), QStringLiteral("python"));
        QSignalSpy discuss(&panel, &CodePanelController::discussRequested);
        panel.discussInChat();
        QCOMPARE(discuss.size(), 1);
        QCOMPARE(discuss.first().first().toString(),
                 QStringLiteral("code.py:\n```py\n#!/usr/bin/env python3\nprint(1)\n```\n"));
        // New: an empty panel, and the next start does not bring the old session back.
        const qint64 session = panel.sessionId();
        panel.newDocument();
        QCOMPARE(panel.code(), QString());
        QCOMPARE(panel.sessionId(), 0);
        panel.setCode(QStringLiteral("int main() { return 0; }\n"));
        QVERIFY(panel.sessionId() != session && panel.sessionId() != 0);
        panel.newDocument();
        // Tasks need a model.
        QVERIFY(!panel.canRun());
        QVERIFY(!panel.runTask(QStringLiteral("explain"), {}, {}, 0, 0));
        QVERIFY(!panel.notice().isEmpty());
    }

    void aNewDocumentIsWhatTheNextStartShows() {
        const QString database = freshFolder() + QStringLiteral("/conclave.db");
        {
            Composition app(database);
            app.codePanel().openCode(QStringLiteral("x = 1\n"), QStringLiteral("python"));
            app.codePanel().newDocument();
        }
        Composition app(database);
        QCOMPARE(app.codePanel().sessionId(), 0);
        QCOMPARE(app.codePanel().code(), QString());
    }

    // The panel's own record of a Fix on the return line (question, answer, task), written
    // through storage as the panel writes it, since answering needs a model: after a restart
    // the task is back as it ran.
    void storedTaskComesBackAfterARestart() {
        const QString folder = freshFolder();
        const QString database = folder + QStringLiteral("/conclave.db");
        const QString source = folder + QStringLiteral("/calc.py");
        QVERIFY(writeFile(source, pythonCode));
        qint64 session = 0;
        {
            Composition app(database);
            QVERIFY(app.codePanel().openFile(QUrl::fromLocalFile(source)));
            session = app.codePanel().sessionId();
        }
        const int start = int(pythonCode.indexOf(QStringLiteral("    return")));
        const int end = int(pythonCode.indexOf(QStringLiteral("\n\n")) + 1);
        qint64 oldSession = 0;
        {
            conclave::storage::Database db(database.toStdString());
            conclave::storage::CodePanelTask task;
            task.answer_id = storeAnswer(db, session, "```python\n    return a + b\n```");
            task.kind = "fix";
            task.detail = "add subtracts";
            task.language = "python";
            task.file_name = "calc.py";
            task.selection_start = start;
            task.selection_end = end;
            task.code = pythonCode.mid(start, end - start).toStdString();
            conclave::storage::CodePanelStore(db).save_task(task);
            // A session answered before tasks were stored (schema version 5).
            conclave::storage::CodePanelDocument document;
            document.content = pythonCode.toStdString();
            document.language = "python";
            oldSession = conclave::storage::CodePanelStore(db).create_session("old", document).id;
            storeAnswer(db, oldSession, "```python\n" + fixedCode.toStdString() + "```");
        }
        Composition app(database);
        CodePanelController& panel = app.codePanel();
        QCOMPARE(panel.sessionId(), session);
        QVERIFY(panel.canRetry());
        QCOMPARE(panel.taskName(), QStringLiteral("fix"));
        QCOMPARE(panel.answerStatus(), QStringLiteral("20 tokens · 12.5 tok/s"));
        QVERIFY(panel.hasProposal());
        QCOMPARE(panel.proposedCode(), QStringLiteral("    return a + b\n"));
        QCOMPARE(panel.diffSummary(), QStringLiteral("+1 −1 lines"));
        QVERIFY(panel.unifiedDiffText().startsWith(
            QStringLiteral("--- a/calc.py\n+++ b/calc.py\n@@ -1")));
        // Apply replaces the selection the task ran on, not the whole code.
        QTextDocument editor;
        editor.setPlainText(pythonCode);
        QVERIFY(panel.applyProposalTo(&editor));
        QCOMPARE(editor.toPlainText(), fixedCode);
        // Retry needs a model: refused with the reason, the task kept for later.
        QVERIFY(!panel.retry());
        QCOMPARE(panel.notice(), QStringLiteral("Open a model to run tasks."));
        QVERIFY(panel.canRetry());

        // The older answer comes back without a task: shown, its proposal against the whole
        // code, but it cannot be retried.
        QVERIFY(panel.openSession(oldSession));
        QVERIFY(!panel.answer().isEmpty());
        QVERIFY(!panel.canRetry());
        QCOMPARE(panel.taskName(), QString());
        QCOMPARE(panel.proposedCode(), fixedCode);
    }

    void sessionListDeletesWithUndo() {
        const QString database = freshFolder() + QStringLiteral("/conclave.db");
        qint64 first = 0;
        qint64 second = 0;
        qint64 third = 0;
        {
            Composition app(database);
            CodePanelController& panel = app.codePanel();
            conclave::ui::CodePanelSessionList* list = panel.sessionList();
            QAbstractItemModelTester tester(list,
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
            QCOMPARE(list->rowCount(), 0);
            panel.openCode(QStringLiteral("first = 1\n"), QStringLiteral("python"));
            first = panel.sessionId();
            QTest::qWait(5); // distinct update times
            panel.openCode(QStringLiteral("second = 2\n"), QStringLiteral("python"));
            second = panel.sessionId();
            QTest::qWait(5);
            panel.openCode(QStringLiteral("third = 3\n"), QStringLiteral("python"));
            third = panel.sessionId();
            const auto ids = [list] {
                QList<qint64> listed;
                for (int row = 0; row < list->rowCount(); ++row)
                    listed << list->data(list->index(row),
                                         conclave::ui::CodePanelSessionList::SessionIdRole)
                                  .toLongLong();
                return listed;
            };
            QCOMPARE(ids(), (QList<qint64>{third, second, first}));
            QCOMPARE(list->data(list->index(0), conclave::ui::CodePanelSessionList::TitleRole)
                         .toString(),
                     QStringLiteral("third = 3"));
            // Chats are not panel sessions.
            app.chat().newConversation();
            QCOMPARE(list->rowCount(), 3);

            // Deleting the shown session empties the panel and offers undo, which brings it back.
            QVERIFY(panel.deleteSession(third));
            QCOMPARE(panel.sessionId(), 0);
            QCOMPARE(panel.code(), QString());
            QVERIFY(list->undoVisible());
            QCOMPARE(list->undoTitle(), QStringLiteral("third = 3"));
            QCOMPARE(ids(), (QList<qint64>{second, first}));
            QVERIFY(!panel.openSession(third)); // waiting for its delete
            app.chat().search()->setQuery(QStringLiteral("third"));
            app.chat().search()->refresh();
            QCOMPARE(app.chat().search()->rowCount(), 0); // nor offered by the search
            panel.undoDeleteSession();
            app.chat().search()->refresh();
            QCOMPARE(app.chat().search()->rowCount(), 1);
            QVERIFY(!list->undoVisible());
            QCOMPARE(panel.sessionId(), third);
            QCOMPARE(panel.code(), QStringLiteral("third = 3\n"));
            QCOMPARE(ids().size(), 3);

            // Another one: gone for good after the undo time; the shown session stays.
            QVERIFY(panel.deleteSession(first));
            QCOMPARE(panel.sessionId(), third);
            QTRY_VERIFY_WITH_TIMEOUT(!list->undoVisible(),
                                     conclave::ui::CodePanelSessionList::undoIntervalMs + 2000);
            QCOMPARE(ids(), (QList<qint64>{third, second}));
            QVERIFY(!panel.openSession(first));
            app.chat().search()->setQuery(QStringLiteral("first"));
            app.chat().search()->refresh();
            QCOMPARE(app.chat().search()->rowCount(), 0);
            // A delete waiting at quit is made then.
            QVERIFY(panel.deleteSession(second));
            QVERIFY(!panel.deleteSession(4242)); // not in the list
        }
        Composition app(database);
        conclave::ui::CodePanelSessionList* list = app.codePanel().sessionList();
        QCOMPARE(list->rowCount(), 1);
        QCOMPARE(list->data(list->index(0), conclave::ui::CodePanelSessionList::SessionIdRole)
                     .toLongLong(),
                 third);
        QCOMPARE(app.codePanel().sessionId(), third);
    }

    void proposalDiffAndApplyAsOneUndoStep() {
        if (!QFileInfo::exists(m_modelPath)) QSKIP(conclave::test::missingModelReason());
        const QString folder = freshFolder();
        Composition app(folder + QStringLiteral("/conclave.db"));
        QVERIFY(loadModel(app));
        CodePanelController& panel = app.codePanel();
        panel.openCode(pythonCode, QStringLiteral("python"));
        QTRY_VERIFY_WITH_TIMEOUT(panel.promptTokens() > 0, 10000);
        QVERIFY(panel.contextSize() > 0);
        QVERIFY(!panel.tooLarge());

        QVERIFY(panel.runTask(QStringLiteral("fix"), QStringLiteral("add subtracts"), {}, 0, 0));
        QVERIFY(panel.busy());
        QVERIFY(!panel.canRun());
        // While it answers, its session is not deleted and no session opens in its place.
        QVERIFY(!panel.deleteSession(panel.sessionId()));
        QCOMPARE(panel.notice(), QStringLiteral("Wait until the current answer is finished."));
        QVERIFY(!panel.openSession(panel.sessionId()));
        QVERIFY(!panel.sessionList()->undoVisible());
        const QString answer = QStringLiteral("The sign is wrong.\n\n```python\n") + fixedCode +
                               QStringLiteral("```\n\n- `-` became `+`.");
        answerTask(app, answer);
        QVERIFY(panel.hasProposal());
        QVERIFY(panel.proposalComplete());
        QCOMPARE(panel.proposedCode(), fixedCode);
        QCOMPARE(panel.diffSummary(), QStringLiteral("+1 −1 lines"));
        QVERIFY(panel.answerStatus().contains(QStringLiteral("12.5 tok/s")));
        QVERIFY(panel.canRetry());
        QCOMPARE(panel.taskName(), QStringLiteral("fix"));
        // The changed word of the added line is drawn on a translucent green.
        bool sawMarkedWord = false;
        for (const QVariant& row : panel.diffRows()) {
            const QVariantMap map = row.toMap();
            if (map.value(QStringLiteral("kind")).toString() != QStringLiteral("added")) continue;
            QTextDocument rendered;
            rendered.setHtml(map.value(QStringLiteral("html")).toString());
            for (auto it = rendered.begin().begin(); !it.atEnd(); ++it) {
                const QTextCharFormat format = it.fragment().charFormat();
                const QColor background = format.background().color();
                if (it.fragment().text() == QStringLiteral("+") &&
                    format.hasProperty(QTextFormat::BackgroundBrush))
                    sawMarkedWord =
                        background.alpha() == 0x66 && background.green() > background.red();
            }
        }
        QVERIFY(sawMarkedWord);
        // Side by side: the hunk, context, then the changed line facing its new version.
        const QVariantList sides = panel.sideBySideRows();
        QCOMPARE(sides.first().toMap().value(QStringLiteral("kind")).toString(),
                 QStringLiteral("hunk"));
        int changedRows = 0;
        for (const QVariant& row : sides) {
            const QVariantMap map = row.toMap();
            if (map.value(QStringLiteral("kind")).toString() != QStringLiteral("changed")) continue;
            ++changedRows;
            QCOMPARE(map.value(QStringLiteral("oldNumber")).toInt(), 2);
            QCOMPARE(map.value(QStringLiteral("newNumber")).toInt(), 2);
            QVERIFY(map.value(QStringLiteral("oldHtml"))
                        .toString()
                        .contains(QStringLiteral(">-</span>")));
            QVERIFY(map.value(QStringLiteral("newHtml"))
                        .toString()
                        .contains(QStringLiteral(">+</span>")));
        }
        QCOMPARE(changedRows, 1);
        QCOMPARE(sides.size(), 1 + 5); // the header and five facing lines
        panel.copyUnifiedDiff();
        QCOMPARE(QGuiApplication::clipboard()->text(), panel.unifiedDiffText());
        QVERIFY(panel.unifiedDiffText().startsWith(
            QStringLiteral("--- a/code.py\n+++ b/code.py\n@@ -1,5 +1,5 @@\n")));
        panel.copyProposedCode();
        QCOMPARE(QGuiApplication::clipboard()->text(), fixedCode);

        // Apply: one undoable step in the editor's document.
        QTextDocument editor;
        editor.setPlainText(pythonCode);
        QVERIFY(panel.applyProposalTo(&editor));
        QCOMPARE(editor.toPlainText(), fixedCode);
        QCOMPARE(panel.code(), fixedCode);
        QVERIFY(!panel.hasProposal());
        editor.undo();
        QCOMPARE(editor.toPlainText(), pythonCode);
        QVERIFY(!editor.isUndoAvailable());
        // The editor tells the controller (QML does on textChanged): the change is offered again.
        panel.setCode(editor.toPlainText());
        QVERIFY(panel.hasProposal());
        editor.redo();
        QCOMPARE(editor.toPlainText(), fixedCode);
    }

    void applyOnASelectionAndRefusedAfterAnEdit() {
        if (!QFileInfo::exists(m_modelPath)) QSKIP(conclave::test::missingModelReason());
        const QString folder = freshFolder();
        Composition app(folder + QStringLiteral("/conclave.db"));
        QVERIFY(loadModel(app));
        CodePanelController& panel = app.codePanel();
        panel.openCode(pythonCode, QStringLiteral("python"));
        const int start = int(pythonCode.indexOf(QStringLiteral("    return")));
        const int end = int(pythonCode.indexOf(QStringLiteral("\n\n")) + 1);
        QVERIFY(panel.runTask(QStringLiteral("instruction"), QStringLiteral("Use plus."), {}, start,
                              end));
        answerTask(app, QStringLiteral("```python\n    return a + b\n```"));
        QCOMPARE(panel.proposedCode(), QStringLiteral("    return a + b\n"));
        QTextDocument editor;
        editor.setPlainText(pythonCode);
        QVERIFY(panel.applyProposalTo(&editor));
        QCOMPARE(editor.toPlainText(), fixedCode);
        editor.undo();
        QCOMPARE(editor.toPlainText(), pythonCode);

        // The code changed after the task ran: Apply refuses and says why.
        panel.setCode(pythonCode);
        QVERIFY(panel.runTask(QStringLiteral("document"), {}, {}, 0, 0));
        answerTask(app,
                   QStringLiteral("```python\n# Adds.\n") + pythonCode + QStringLiteral("```"));
        QVERIFY(panel.hasProposal());
        editor.setPlainText(QStringLiteral("something else\n"));
        QVERIFY(!panel.applyProposalTo(&editor));
        QCOMPARE(editor.toPlainText(), QStringLiteral("something else\n"));
        QVERIFY(!panel.notice().isEmpty());
    }

    void realAnswerStreamsRetriesAndStops() {
        if (!QFileInfo::exists(m_modelPath)) QSKIP(conclave::test::missingModelReason());
        const QString folder = freshFolder();
        const QString database = folder + QStringLiteral("/conclave.db");
        qint64 session = 0;
        {
            Composition app(database);
            QVERIFY(loadModel(app));
            app.chat().settings()->setMaxTokens(24);
            CodePanelController& panel = app.codePanel();
            panel.openCode(pythonCode, QStringLiteral("python"));
            session = panel.sessionId();
            QSignalSpy answers(&panel, &CodePanelController::answerChanged);
            QVERIFY(panel.runTask(QStringLiteral("explain"), {}, {}, 0, 0));
            QTRY_VERIFY_WITH_TIMEOUT(!panel.busy(), 60000);
            QVERIFY(answers.size() >= 3); // waiting, at least one piece, the end
            QVERIFY(!panel.answer().isEmpty());
            QVERIFY2(panel.answerStatus().contains(QStringLiteral("tok/s")),
                     qPrintable(panel.answerStatus()));
            QVERIFY(!panel.hasProposal()); // Explain changes no code
            QVERIFY(panel.retry());
            QTRY_VERIFY_WITH_TIMEOUT(!panel.busy(), 60000);
            QVERIFY(!panel.answer().isEmpty());

            app.chat().settings()->setMaxTokens(2000);
            QVERIFY(panel.runTask(QStringLiteral("review"), {}, {}, 0, 0));
            QTRY_VERIFY_WITH_TIMEOUT(!panel.answer().isEmpty(), 60000);
            panel.stop();
            QTRY_VERIFY_WITH_TIMEOUT(!panel.busy(), 60000);
            QVERIFY2(panel.answerStatus().startsWith(QStringLiteral("Stopped")),
                     qPrintable(panel.answerStatus()));
        }
        // After a restart the last answer is back with its task, and Retry sends the same prompt.
        Composition app(database);
        CodePanelController& panel = app.codePanel();
        QCOMPARE(panel.sessionId(), session);
        QVERIFY(!panel.answer().isEmpty());
        QVERIFY(panel.answerStatus().startsWith(QStringLiteral("Stopped")));
        QVERIFY(panel.canRetry());
        QCOMPARE(panel.taskName(), QStringLiteral("review"));
        QVERIFY(loadModel(app));
        app.chat().settings()->setMaxTokens(24);
        QVERIFY(panel.retry());
        QTRY_VERIFY_WITH_TIMEOUT(!panel.busy(), 60000);
        QVERIFY2(panel.answerStatus().contains(QStringLiteral("tok/s")),
                 qPrintable(panel.answerStatus()));
        conclave::storage::Database db(database.toStdString());
        const auto branch = conclave::storage::ConversationStore(db).active_branch(session);
        // explain, retry, review, retry after the restart: 4 questions and 4 answers
        QCOMPARE(branch.size(), std::size_t{8});
        QCOMPARE(branch[6].message.content, branch[4].message.content);
        QVERIFY(
            QString::fromStdString(branch[6].message.content).contains(QStringLiteral("Review")));
        QVERIFY(conclave::storage::CodePanelStore(db).task(branch[7].message.id).has_value());
    }
};

QTEST_MAIN(TestCodePanel)
#include "test_code_panel.moc"
