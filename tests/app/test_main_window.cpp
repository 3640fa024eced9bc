// The main window starts offscreen, shows the welcome page with this build's facts and the
// models folder, and asks to quit on Ctrl+Q (through the Composition, which stops any answer
// first); a file that is not a model shows the error banner. With the real default model:
// open it, type a question into the composer, press Enter and watch the answer arrive in the
// chat view; Esc stops a streaming answer; Regenerate shows ‹ 2/2 › and its arrow goes back;
// deleting from the sidebar shows the undo toast; a second start on the same data folder
// shows the conversation again. Without a model: Ctrl+K, typing and Enter open a search hit's
// conversation on its branch. The model picker opens from the welcome page and the model
// chip, filters as the user types, Enter shows the model card with the file's facts, Load
// loads it and records it as a recent model whose id the answers carry; with the default
// model in the models folder the first start loads it and a new chat is ready. The settings
// drawer opens with Ctrl+, and shows the model's and the app's sections. Saves screenshots
// (welcome, error banner, chat light and dark, branches, settings dark and light, search,
// model card) to $CONCLAVE_SCREENSHOT_DIR for review.

#include "app_paths.h"
#include "composition.h"
#include "conclave/storage/database.h"
#include "conclave/storage/open_database.h"
#include "engine_worker.h"
#include "model_card.h"
#include "sqlite_conversation_store.h"
#include "test_model_file.h"
#include "window_test_support.h"

#include <QAccessible>
#include <QDir>
#include <QQuickItem>
#include <QQuickWindow>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>
#include <algorithm>

using conclave::app::Composition;
using conclave::app::MainWindowHost;
using conclave::test::click;
using conclave::test::item;
using conclave::test::saveScreenshot;
using conclave::test::visibleItem;
using conclave::ui::ChatController;

class TestMainWindow : public QObject {
    Q_OBJECT

    QTemporaryDir m_data;
    QString m_modelPath;

    // Visible buttons without a name a screen reader can say (their accessible name).
    static QStringList unnamedButtons(QQuickItem* parent) {
        QStringList unnamed;
        for (QQuickItem* child : parent->childItems()) {
            if (!child->isVisible()) continue;
            if (child->inherits("QQuickAbstractButton")) {
                QAccessibleInterface* accessible = QAccessible::queryAccessibleInterface(child);
                const QString name = accessible ? accessible->text(QAccessible::Name).trimmed() : QString();
                // A lone symbol ("⋯", "↑") is not a name.
                if (name.size() < 2)
                    unnamed << QStringLiteral("%1 '%2'").arg(child->objectName().isEmpty()
                                                               ? QString::fromLatin1(child->metaObject()->className())
                                                               : child->objectName(), name);
            }
            unnamed << unnamedButtons(child);
        }
        return unnamed;
    }

    // Opens the default model in a shown window and asks one question through the composer.
    void chatOnce(Composition& app, const QString& question) {
        QQuickWindow* window = app.window().window();
        app.chat().settings()->setThreads(1); // a model opened the first time loads with it
        app.chat().openModel(QUrl::fromLocalFile(m_modelPath));
        QTRY_COMPARE_WITH_TIMEOUT(app.chat().modelStatus(), ChatController::ModelStatus::Ready, 30000);
        // The model's own settings (saved for it), set once it has loaded.
        app.chat().settings()->setTemperature(0.0);
        app.chat().settings()->setMaxTokens(120);
        QQuickItem* input = item(window, "composerInput");
        QVERIFY(input);
        QTRY_VERIFY(input->isEnabled());
        input->forceActiveFocus();
        QSignalSpy finished(&app.chat(), &ChatController::answerFinished);
        for (const QChar c : question) QTest::keyClick(window, c.toLatin1());
        QTest::keyClick(window, Qt::Key_Return, Qt::ShiftModifier); // a new line, not a send
        QCOMPARE(app.chat().messages()->rowCount(), 0);
        QTest::keyClick(window, Qt::Key_Return);
        QTRY_COMPARE(app.chat().messages()->rowCount(), 2);
        QCOMPARE(app.chat().messages()->at(0).text, question);
        QCOMPARE(input->property("text").toString(), QString());
        QVERIFY(QTest::qWaitFor([&] { return finished.count() == 1; }, 60000));
        QVERIFY(!app.chat().messages()->at(1).text.isEmpty());
    }

private slots:
    void initTestCase() {
        m_modelPath = conclave::test::defaultModelPath();
        qputenv("XDG_DATA_HOME", m_data.path().toUtf8());
    }

    // Any warning from our QML (a binding that fails, an unknown type) fails the test.
    void init() { QTest::failOnWarning(QRegularExpression(QStringLiteral("qrc:/qt/qml/Conclave/"))); }

    void showsMainWindowWithWelcomePage() {
        Composition app;
        MainWindowHost& host = app.window();
        QVERIFY(host.show());
        QQuickWindow* window = host.window();
        QVERIFY(window);
        QVERIFY(QTest::qWaitForWindowExposed(window));
        QCOMPARE(window->title(), QStringLiteral("Conclave"));
        QVERIFY(window->width() >= 640);

        auto* welcome = item(window, "welcomePage");
        QVERIFY(welcome);
        QVERIFY(welcome->isVisible());
        auto* hint = item(window, "modelsFolderHint");
        QVERIFY(hint);
        QVERIFY(hint->property("text").toString().contains(conclave::app::modelsFolder()));
        QVERIFY(conclave::app::modelsFolder().startsWith(m_data.path()));
        auto* summary = item(window, "buildSummary");
        QVERIFY(summary);
        QVERIFY(summary->property("text").toString().contains(QStringLiteral("backends: cpu")));
        auto* input = item(window, "composerInput");
        QVERIFY(input);
        QVERIFY(!input->isEnabled()); // no model yet
        QVERIFY(item(window, "sidebar"));
        QVERIFY(item(window, "openModelButton")->isVisible());
        saveScreenshot(window, QStringLiteral("welcome"));

        // A file that is not a model: the banner says so without blocking the window.
        const QString broken = m_data.filePath(QStringLiteral("notes.gguf"));
        QFile file(broken);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("these are my notes, not a model\n");
        file.close();
        app.chat().openModel(QUrl::fromLocalFile(broken));
        auto* banner = item(window, "errorBanner");
        QVERIFY(banner);
        QTRY_VERIFY(banner->isVisible());
        QVERIFY(item(window, "errorTitle")->property("text").toString().contains(QStringLiteral("notes.gguf")));
        QTest::qWait(50);
        saveScreenshot(window, QStringLiteral("error-banner"));
    }

    void ctrlQRequestsQuit() {
        Composition app;
        MainWindowHost& host = app.window();
        QVERIFY(host.show());
        QVERIFY(QTest::qWaitForWindowActive(host.window()));
        QSignalSpy quit(&app, &Composition::quitRequested);
        QTest::keyClick(host.window(), Qt::Key_Q, Qt::ControlModifier);
        QTRY_COMPARE(quit.count(), 1);
    }

    void chatsThroughTheWindow() {
        if (!QFileInfo::exists(m_modelPath)) QSKIP(conclave::test::missingModelReason());
        Composition app;
        QVERIFY(app.window().show());
        QQuickWindow* window = app.window().window();
        QVERIFY(QTest::qWaitForWindowActive(window));
        chatOnce(app, QStringLiteral("Write a Python function that adds two numbers."));
        QVERIFY(app.chat().modelId() > 0); // recorded in the model library when it loaded
        QCOMPARE(app.chat().messages()->at(1).modelId, app.chat().modelId());
        QVERIFY(!item(window, "welcomePage")->isVisible());
        QVERIFY(item(window, "chatPage")->isVisible());
        QVERIFY(window->title().contains(QStringLiteral("SmolLM2"), Qt::CaseInsensitive));
        QVERIFY(item(window, "modelName")->property("text").toString().contains(QStringLiteral("SmolLM2"), Qt::CaseInsensitive));
        QVERIFY(item(window, "contextMeterText")->property("text").toString().contains(QStringLiteral("2,048")) ||
                item(window, "contextMeterText")->property("text").toString().contains(QStringLiteral("4,096")));
        QTest::qWait(100); // let the last frame render
        saveScreenshot(window, QStringLiteral("chat-light"));

        // Esc stops a streaming answer; it stays, marked stopped.
        app.chat().settings()->setMaxTokens(400);
        QSignalSpy finished(&app.chat(), &ChatController::answerFinished);
        QVERIFY(app.chat().sendMessage(QStringLiteral("Now write a very long poem about autumn.")));
        QVERIFY(QTest::qWaitFor([&] { return app.chat().messages()->at(3).text.size() > 10; }, 30000));
        QTest::keyClick(window, Qt::Key_Escape);
        QVERIFY(QTest::qWaitFor([&] { return finished.count() == 1; }, 10000));
        QCOMPARE(app.chat().messages()->at(3).state, conclave::ui::ChatMessage::State::stopped);

        // Regenerate: a second version, ‹ 2/2 ›; the arrow shows the stopped one again.
        app.chat().settings()->setMaxTokens(16);
        app.chat().regenerate();
        QVERIFY(QTest::qWaitFor([&] { return finished.count() == 2; }, 30000));
        QTRY_VERIFY(visibleItem(window, "versionLabel"));
        QCOMPARE(visibleItem(window, "versionLabel")->property("text").toString(), QStringLiteral("2/2"));
        QTest::qWait(100);
        saveScreenshot(window, QStringLiteral("branches"));
        click(window, visibleItem(window, "previousVersion"));
        QTRY_COMPARE(app.chat().messages()->at(3).state, conclave::ui::ChatMessage::State::stopped);
        QCOMPARE(visibleItem(window, "versionLabel")->property("text").toString(), QStringLiteral("1/2"));

        // Delete from the sidebar offers undo; undo brings it back.
        const qint64 conversation = app.chat().currentConversationId();
        app.chat().deleteConversation(conversation);
        QTRY_VERIFY(item(window, "undoToast")->isVisible());
        click(window, item(window, "undoButton"));
        QTRY_VERIFY(!app.chat().undoVisible());
        QCOMPARE(app.chat().conversations()->rowOf(conversation), 0);
    }

    // The conversation's own settings and archiving, through the window: Ctrl+Shift+S opens
    // the popup (every control named), ticking temperature and typing a seed make them the
    // conversation's, the dot in the bar says so, the next answer is generated with them, and
    // a restart keeps them; Ctrl+Shift+A archives the open conversation (out of the list,
    // counted on the "Show archived" button, which lists it again) and unarchives it.
    void conversationSettingsAndArchive() {
        if (!QFileInfo::exists(m_modelPath)) QSKIP(conclave::test::missingModelReason());
        QAccessible::setActive(true);
        qint64 conversation = 0;
        {
            Composition app;
            QVERIFY(app.window().show());
            QQuickWindow* window = app.window().window();
            QVERIFY(QTest::qWaitForWindowActive(window));
            chatOnce(app, QStringLiteral("Name a colour."));
            conversation = app.chat().currentConversationId();
            QVERIFY(!item(window, "overridesDot")->isVisible());

            QTest::keyClick(window, Qt::Key_S, Qt::ControlModifier | Qt::ShiftModifier);
            auto* popup = window->findChild<QObject*>(QStringLiteral("conversationSettingsPopup"));
            QVERIFY(popup);
            QTRY_VERIFY(popup->property("opened").toBool());
            auto* content = qobject_cast<QQuickItem*>(popup->property("contentItem").value<QObject*>());
            const QStringList unnamed = unnamedButtons(content);
            QVERIFY2(unnamed.isEmpty(), qPrintable(QStringLiteral("conversation settings: ") + unnamed.join(u',')));
            click(window, visibleItem(content, QStringLiteral("override_temperature")));
            QTRY_VERIFY(app.chat().conversationSettings()->overridden().contains(QStringLiteral("temperature")));
            app.chat().conversationSettings()->setTemperature(0.9);
            click(window, visibleItem(content, QStringLiteral("override_seed")));
            QQuickItem* seed = visibleItem(content, QStringLiteral("value_seed"));
            QTRY_VERIFY(seed->isEnabled());
            seed->forceActiveFocus();
            QTest::keyClick(window, Qt::Key_A, Qt::ControlModifier);
            QTest::keyClick(window, Qt::Key_7);
            QTest::keyClick(window, Qt::Key_7);
            QTest::keyClick(window, Qt::Key_Return);
            QTRY_COMPARE(app.chat().conversationSettings()->seed(), 77);
            QTest::qWait(100);
            saveScreenshot(window, QStringLiteral("conversation-settings"));
            QTest::keyClick(window, Qt::Key_Escape);
            QTRY_VERIFY(!popup->property("opened").toBool());
            QTRY_VERIFY(item(window, "overridesDot")->isVisible());

            conclave::app::GenerationStats used;
            connect(app.worker(), &conclave::app::EngineWorker::generationFinished, this,
                    [&](quint64, const conclave::app::GenerationUpdate&, const conclave::app::GenerationStats& stats) {
                        used = stats;
                    });
            QSignalSpy finished(&app.chat(), &ChatController::answerFinished);
            app.chat().regenerate();
            QVERIFY(QTest::qWaitFor([&] { return finished.count() == 1; }, 60000));
            QCOMPARE(used.sampling.seed, std::uint64_t(77));
            QCOMPARE(used.sampling.temperature, 0.9f);

            // Archive: out of the date groups, behind "Show archived".
            QTest::keyClick(window, Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
            QTRY_COMPARE(app.chat().conversations()->rowOf(conversation), -1);
            QVERIFY(app.chat().currentArchived());
            QQuickItem* toggle = item(window, "archivedToggle");
            QTRY_VERIFY(toggle->property("text").toString().contains(QStringLiteral("(1)")));
            click(window, toggle);
            QTRY_VERIFY(app.chat().conversations()->rowOf(conversation) >= 0);
            QTest::qWait(100);
            saveScreenshot(window, QStringLiteral("archived"));
            QTest::keyClick(window, Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
            QTRY_VERIFY(!app.chat().currentArchived());
            QCOMPARE(app.chat().conversations()->archivedCount(), 0);
            QTest::keyClick(window, Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier); // archived for the restart
            QTRY_VERIFY(app.chat().currentArchived());
        }
        Composition app;
        QCOMPARE(app.chat().conversations()->rowOf(conversation), -1);
        QVERIFY(app.chat().conversations()->archivedCount() >= 1);
        app.chat().selectConversation(conversation);
        QCOMPARE(app.chat().conversationSettings()->seed(), 77);
        QCOMPARE(app.chat().conversationSettings()->temperature(), 0.9);
        app.chat().setArchived(conversation, false);
    }

    // Ctrl+K opens the search popup; typing lists the hit (after the pause), Enter opens its
    // conversation on the message's branch; the sidebar's Search button opens it too, Esc closes.
    void searchOpensTheConversation() {
        const QString path = m_data.filePath(QStringLiteral("search.db"));
        qint64 target = 0;
        qint64 hidden = 0;
        {
            auto db = conclave::storage::open_conclave_database(path.toStdString()).database;
            QVERIFY(db);
            conclave::app::SqliteConversationStore store(*db);
            target = store.createConversation(QStringLiteral("Telescopes")).id;
            conclave::ui::ChatMessage m;
            m.text = QStringLiteral("Which eyepiece shows Saturn's rings best?");
            const qint64 question = store.appendMessage(target, 0, m).id;
            m.role = conclave::ui::ChatMessage::Role::assistant;
            m.text = QStringLiteral("A 10 mm eyepiece shows the rings clearly.");
            hidden = store.appendMessage(target, question, m).id;
            m.text = QStringLiteral("Any eyepiece.");
            store.appendMessage(target, question, m);
            const qint64 other = store.createConversation(QStringLiteral("Recipes")).id;
            m = {};
            m.text = QStringLiteral("Soup");
            store.appendMessage(other, 0, m);
        }
        Composition app(path);
        QVERIFY(app.window().show());
        QQuickWindow* window = app.window().window();
        QVERIFY(QTest::qWaitForWindowActive(window));
        QCOMPARE(app.chat().currentConversationId(), 0);

        auto* popup = window->findChild<QObject*>(QStringLiteral("searchPopup"));
        QVERIFY(popup);
        QTest::keyClick(window, Qt::Key_K, Qt::ControlModifier);
        QTRY_VERIFY(popup->property("opened").toBool());
        for (const QChar c : QStringLiteral("10 mm eyep")) QTest::keyClick(window, c.toLatin1());
        QTRY_COMPARE(app.chat().search()->rowCount(), 1);
        QTest::qWait(300);
        saveScreenshot(window, QStringLiteral("search"));
        QTest::keyClick(window, Qt::Key_Return);
        QTRY_COMPARE(app.chat().currentConversationId(), target);
        QTRY_VERIFY(!popup->property("visible").toBool());
        QCOMPARE(app.chat().messages()->rowCount(), 2);
        QCOMPARE(app.chat().messages()->at(1).id, hidden); // the branch of the hit, not the newest
        QCOMPARE(app.chat().messages()->at(1).siblingCount, 2);
        QQuickItem* list = item(window, "messageList");
        QVERIFY(list);
        QCOMPARE(list->property("revealRow").toInt(), 1); // highlighted for a moment
        QTRY_COMPARE_WITH_TIMEOUT(list->property("revealRow").toInt(), -1, 3000);

        QQuickItem* button = visibleItem(window, "searchButton");
        QVERIFY(button);
        click(window, button);
        QTRY_VERIFY(popup->property("opened").toBool());
        QTest::keyClick(window, Qt::Key_Escape);
        QTRY_VERIFY(!popup->property("visible").toBool());
        QCOMPARE(app.chat().currentConversationId(), target);

        // Ctrl+N leaves it for a new chat (a shortcut listing Ctrl+N twice, as StandardKey.New
        // and as text, is ambiguous and never fires).
        QTest::keyClick(window, Qt::Key_N, Qt::ControlModifier);
        QTRY_VERIFY(app.chat().currentConversationId() != target);
        QCOMPARE(app.chat().messages()->rowCount(), 0);
    }

    // The conversation of the previous test is in the data folder's database.
    // Ctrl+/ lists the shortcuts; Up in the empty composer edits the last question; dropped
    // text files are attached fenced, binary ones refused with a note; a draft that would
    // overflow the context is warned about before sending.
    void composerShortcutsAndAttachments() {
        if (!QFileInfo::exists(m_modelPath)) QSKIP(conclave::test::missingModelReason());
        Composition app;
        QVERIFY(app.window().show());
        QQuickWindow* window = app.window().window();
        QVERIFY(QTest::qWaitForWindowActive(window));
        chatOnce(app, QStringLiteral("Name a colour."));

        auto* overlay = window->findChild<QObject*>(QStringLiteral("shortcutsOverlay"));
        QVERIFY(overlay);
        QTest::keyClick(window, Qt::Key_Slash, Qt::ControlModifier);
        QTRY_VERIFY(overlay->property("opened").toBool());
        QTest::qWait(100);
        saveScreenshot(window, QStringLiteral("shortcuts"));
        QTest::keyClick(window, Qt::Key_Escape);
        QTRY_VERIFY(!overlay->property("visible").toBool());

        QQuickItem* input = item(window, "composerInput");
        input->forceActiveFocus();
        QTest::keyClick(window, Qt::Key_Up);
        QTRY_VERIFY(item(window, "editBar")->isVisible());
        QCOMPARE(input->property("text").toString(), QStringLiteral("Name a colour."));
        QTest::keyClick(window, Qt::Key_Escape);
        QTRY_VERIFY(!item(window, "editBar")->isVisible());
        QCOMPARE(input->property("text").toString(), QString());

        QTemporaryDir files;
        QFile script(files.filePath(QStringLiteral("add.py")));
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write("def add(a, b):\n    return a + b\n");
        script.close();
        QFile binary(files.filePath(QStringLiteral("photo.jpg")));
        QVERIFY(binary.open(QIODevice::WriteOnly));
        binary.write(QByteArray("\xFF\xD8\xFF\xE0\0\x10JFIF", 10));
        binary.close();
        QQuickItem* composer = item(window, "composer");
        const QVariantList urls = {QUrl::fromLocalFile(script.fileName()), QUrl::fromLocalFile(binary.fileName())};
        QVERIFY(QMetaObject::invokeMethod(composer, "attachFiles", Q_ARG(QVariant, QVariant(urls))));
        QCOMPARE(input->property("text").toString(),
                 QStringLiteral("add.py:\n```py\ndef add(a, b):\n    return a + b\n```\n"));
        QTRY_VERIFY(item(window, "composerNotice")->isVisible());
        QVERIFY(item(window, "composerNotice")->property("text").toString().contains(QStringLiteral("photo.jpg")));

        // A draft longer than the whole context: the warning says so before it is sent.
        const int context = composer->property("contextSize").toInt();
        QVERIFY(context > 0);
        input->setProperty("text", QString(context * 4, u'a'));
        composer->setProperty("notice", QString());
        QTRY_VERIFY(item(window, "composerNotice")->property("text").toString().contains(QStringLiteral("does not fit")));
        input->setProperty("text", QString());
        QTRY_VERIFY(!item(window, "composerNotice")->isVisible());
    }

    void aSecondStartShowsTheConversations() {
        if (!QFileInfo::exists(m_modelPath)) QSKIP(conclave::test::missingModelReason());
        Composition app;
        QVERIFY(!app.chat().errorVisible());
        QVERIFY(app.chat().conversations()->rowCount() >= 1);
        QVERIFY(QFileInfo::exists(m_data.filePath(QStringLiteral("conclave/conclave.db"))));
        const QList<conclave::ui::RecentModel> recent = app.library().recentModels();
        QVERIFY(std::any_of(recent.begin(), recent.end(),
                            [&](const conclave::ui::RecentModel& m) { return m.path == m_modelPath; }));
    }

    // Every visible button has a spoken name, on the welcome page, in a chat with an answer,
    // in the settings and in the shortcuts overlay.
    // The code panel through the window with the real model: Ctrl+Shift+C shows it, a small
    // source file opens in it (highlighted, numbered), Explain and a free instruction stream
    // their answers, a proposed change is applied and undone with Ctrl+Z, and after a restart
    // the session is back in the panel. Screenshots of the panel in light and dark.
    void buttonsHaveAccessibleNames() {
        // As when a screen reader runs: controls then publish their names (a button's text).
        QAccessible::setActive(true);
        Composition app;
        QVERIFY(app.window().show());
        QQuickWindow* window = app.window().window();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        QStringList unnamed = unnamedButtons(window->contentItem());
        QVERIFY2(unnamed.isEmpty(), qPrintable(QStringLiteral("welcome: ") + unnamed.join(u',')));
        if (!QFileInfo::exists(m_modelPath)) QSKIP(conclave::test::missingModelReason());
        chatOnce(app, QStringLiteral("Say hello."));
        QTest::qWait(100);
        // Hover-only actions (Copy, Regenerate, the conversation menu) count as well.
        unnamed = unnamedButtons(window->contentItem());
        QVERIFY2(unnamed.isEmpty(), qPrintable(QStringLiteral("chat: ") + unnamed.join(u',')));
        auto* drawer = window->findChild<QObject*>(QStringLiteral("settingsDrawer"));
        QVERIFY(drawer);
        QMetaObject::invokeMethod(drawer, "open");
        QTest::qWait(400);
        unnamed = unnamedButtons(qobject_cast<QQuickItem*>(window->findChild<QObject*>(QStringLiteral("settingsDrawer"))->property("contentItem").value<QObject*>()));
        QVERIFY2(unnamed.isEmpty(), qPrintable(QStringLiteral("settings: ") + unnamed.join(u',')));
    }

    void darkThemeScreenshot() {
        if (!QFileInfo::exists(m_modelPath)) QSKIP(conclave::test::missingModelReason());
        qputenv("CONCLAVE_THEME", "dark");
        Composition app;
        QVERIFY(app.window().show());
        QQuickWindow* window = app.window().window();
        QVERIFY(QTest::qWaitForWindowActive(window));
        chatOnce(app, QStringLiteral("What is a GGUF file? Answer in two sentences."));
        qunsetenv("CONCLAVE_THEME");
        QTest::qWait(100);
        saveScreenshot(window, QStringLiteral("chat-dark"));
        auto* drawer = window->findChild<QObject*>(QStringLiteral("settingsDrawer"));
        QVERIFY(drawer);
        QMetaObject::invokeMethod(drawer, "open");
        QTest::qWait(400);
        saveScreenshot(window, QStringLiteral("settings-dark"));
    }

    // The settings drawer with a model open, in the light theme chosen in the app settings:
    // the model's section (saved for it) and the app's; Tab moves through its controls.
    void lightSettingsScreenshot() {
        if (!QFileInfo::exists(m_modelPath)) QSKIP(conclave::test::missingModelReason());
        Composition app;
        app.appSettings().setTheme(QStringLiteral("light"));
        QVERIFY(app.window().show());
        QQuickWindow* window = app.window().window();
        QVERIFY(QTest::qWaitForWindowActive(window));
        QCOMPARE(window->color(), QColor(QStringLiteral("#ffffff")));
        app.chat().settings()->setThreads(1);
        app.chat().openModel(QUrl::fromLocalFile(m_modelPath));
        QTRY_COMPARE_WITH_TIMEOUT(app.chat().modelStatus(), ChatController::ModelStatus::Ready, 30000);
        QTest::keyClick(window, Qt::Key_Comma, Qt::ControlModifier);
        auto* drawer = window->findChild<QObject*>(QStringLiteral("settingsDrawer"));
        QVERIFY(drawer);
        QTRY_VERIFY(drawer->property("opened").toBool());
        QVERIFY(visibleItem(window, "resetModelDefaults"));
        QQuickItem* theme = visibleItem(window, "themeChoice");
        QVERIFY(theme);
        // The choices show the values in effect (a ComboBox inside each row).
        const auto shown = [](QQuickItem* row) {
            for (QQuickItem* child : row->childItems())
                if (child->property("displayText").isValid()) return child->property("displayText").toString();
            return QString();
        };
        QCOMPARE(shown(theme), QStringLiteral("Light"));
        QCOMPARE(shown(visibleItem(window, "sendKeyChoice")), QStringLiteral("Enter"));
        QCOMPARE(shown(visibleItem(window, "languageChoice")), QStringLiteral("System language"));
        QVERIFY(!visibleItem(window, "thinkingSwitch")); // SmolLM2's template has no such switch
        auto* folder = item(window, "dataFolder");
        QVERIFY(folder);
        QCOMPARE(folder->property("text").toString(), m_data.filePath(QStringLiteral("conclave")));
        auto* prompt = item(window, "systemPrompt");
        QVERIFY(prompt);
        prompt->forceActiveFocus();
        QTest::keyClick(window, Qt::Key_Tab); // moves on, no tab character typed
        QCOMPARE(prompt->property("text").toString(), app.chat().settings()->systemPrompt());
        QVERIFY(!prompt->hasActiveFocus());
        QTest::qWait(300);
        saveScreenshot(window, QStringLiteral("settings-light"));
        auto* appSection = item(window, "appSettings");
        QVERIFY(appSection);
        QQuickItem* flickable = appSection->parentItem();
        while (flickable && !flickable->inherits("QQuickFlickable")) flickable = flickable->parentItem();
        QVERIFY(flickable);
        // Scrolled to "Run on" and the app-wide GPU picker: automatic until chosen, the probe's
        // devices listed, usable when the GPU is.
        auto* picker = item(window, "gpuDevice");
        auto* runOn = item(window, "runOn");
        QVERIFY(picker && runOn);
        QCOMPARE(picker->property("displayText").toString(),
                 QStringLiteral("Automatic (best GPU)"));
        QCOMPARE(picker->property("count").toInt(), int(app.appSettings().gpuDevices().size()) + 1);
        QCOMPARE(picker->isEnabled(), app.chat().settings()->gpuAvailable());
        auto* content = flickable->property("contentItem").value<QQuickItem*>();
        QVERIFY(content);
        flickable->setProperty("contentY", runOn->mapToItem(content, QPointF(0, 0)).y() - 60);
        QTest::qWait(200);
        saveScreenshot(window, QStringLiteral("settings-gpu-light"));
        // Scrolled down to the app's section.
        flickable->setProperty("contentY", flickable->property("contentHeight").toReal() - flickable->height());
        QTest::qWait(200);
        saveScreenshot(window, QStringLiteral("settings-app-light"));
        app.appSettings().setTheme(QStringLiteral("system"));
    }

    // The welcome page's button opens the picker; typing filters, Enter shows the card, Esc
    // goes back to the list, Load loads; the model chip opens the picker again.
    void picksAModelFromThePicker() {
        if (!QFileInfo::exists(m_modelPath)) QSKIP(conclave::test::missingModelReason());
        const QString link = conclave::app::modelsFolder() + QStringLiteral("/picker-smollm2.gguf");
        QVERIFY(QDir().mkpath(conclave::app::modelsFolder()));
        QFile::remove(link);
        QVERIFY(QFile::link(m_modelPath, link));
        Composition app;
        app.chat().settings()->setThreads(1);
        QVERIFY(app.window().show());
        QQuickWindow* window = app.window().window();
        QVERIFY(QTest::qWaitForWindowActive(window));
        auto* popup = window->findChild<QObject*>(QStringLiteral("modelPicker"));
        QVERIFY(popup);

        click(window, item(window, "welcomeOpenButton"));
        QTRY_VERIFY(popup->property("opened").toBool());
        QTRY_VERIFY_WITH_TIMEOUT(!app.models().scanning(), 30000);
        QTest::qWait(100);
        saveScreenshot(window, QStringLiteral("model-picker"));
        for (const QChar c : QStringLiteral("picker-smol")) QTest::keyClick(window, c.toLatin1());
        QTRY_COMPARE(app.models().models()->rowCount(), 1);
        QTest::keyClick(window, Qt::Key_Down);
        QTest::keyClick(window, Qt::Key_Return);
        QTRY_COMPARE(app.models().card()->status(), conclave::ui::ModelCard::Status::Ready);
        QTRY_VERIFY(visibleItem(window, "cardLoadButton"));
        QVERIFY(visibleItem(window, "cardLoadButton")->isEnabled());
        QCOMPARE(visibleItem(window, "cardArchitecture")->property("text").toString(), QStringLiteral("llama"));
        QCOMPARE(visibleItem(window, "cardParameters")->property("text").toString(), QStringLiteral("135M"));
        QVERIFY(visibleItem(window, "cardQuantMix")->property("text").toString().startsWith(QStringLiteral("Q4_1")));
        QVERIFY(visibleItem(window, "cardMemory")->property("text").toString().contains(QStringLiteral("4,096")));
        QTest::qWait(200);
        saveScreenshot(window, QStringLiteral("model-card"));

        QTest::keyClick(window, Qt::Key_Escape); // back to the list, the popup stays
        QTRY_VERIFY(visibleItem(window, "modelFilter"));
        QVERIFY(popup->property("opened").toBool());
        QTest::keyClick(window, Qt::Key_Return);
        QTRY_VERIFY(visibleItem(window, "cardLoadButton"));
        QTRY_VERIFY(visibleItem(window, "cardLoadButton")->isEnabled());
        click(window, visibleItem(window, "cardLoadButton"));
        QTRY_VERIFY(!popup->property("visible").toBool());
        QTRY_COMPARE_WITH_TIMEOUT(app.chat().modelStatus(), ChatController::ModelStatus::Ready, 30000);
        QCOMPARE(app.chat().model().value(QStringLiteral("path")).toString(), link);
        QTRY_VERIFY(app.chat().modelId() > 0);

        // Now a recent model, first in the picker, which the model chip opens.
        click(window, item(window, "modelChip"));
        QTRY_VERIFY(popup->property("opened").toBool());
        QCOMPARE(app.models().models()->entryAt(0).path, link);
        QCOMPARE(app.models().models()->entryAt(0).section, QStringLiteral("Recent"));
        QTRY_VERIFY_WITH_TIMEOUT(!app.models().scanning(), 30000);
        QTest::keyClick(window, Qt::Key_Escape);
        QTRY_VERIFY(!popup->property("visible").toBool());
        QVERIFY(QFile::remove(link));
    }

    // With SmolLM2 in the models folder the first start loads it and a new chat is ready.
    void loadsTheDefaultModelAtFirstStart() {
        if (!QFileInfo::exists(m_modelPath)) QSKIP(conclave::test::missingModelReason());
        const QString bundled = conclave::app::modelsFolder() + QStringLiteral("/SmolLM2-135M-Instruct.Q4_1.gguf");
        QVERIFY(QDir().mkpath(conclave::app::modelsFolder()));
        QVERIFY(QFile::link(m_modelPath, bundled));
        {
            Composition app;
            QCOMPARE(app.chat().modelStatus(), ChatController::ModelStatus::Loading);
            QVERIFY(app.window().show());
            QQuickWindow* window = app.window().window();
            QTRY_COMPARE_WITH_TIMEOUT(app.chat().modelStatus(), ChatController::ModelStatus::Ready, 30000);
            QCOMPARE(app.chat().currentConversationId(), 0);
            QCOMPARE(app.chat().messages()->rowCount(), 0);
            QTRY_VERIFY(item(window, "chatPage")->isVisible());
            QVERIFY(!item(window, "welcomePage")->isVisible());
            QTRY_VERIFY(item(window, "composerInput")->isEnabled());
        }
        QVERIFY(QFile::remove(bundled));
    }
};

QTEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
