// The window in each shipped language: started offscreen in German, Spanish, French,
// Japanese and Simplified Chinese (as main() does for CONCLAVE_LANGUAGE or the system's
// language) it shows the main window's strings translated, no English left in them, and no
// text cut off or running past its place, on the welcome page, in the settings drawer's
// app section (the longest labels), the shortcuts overlay, the search popup, the model
// picker and the conversation settings; screenshots welcome-LANG.png, settings-LANG.png,
// shortcuts-LANG.png, searchPopup-LANG.png, modelPicker-LANG.png and
// conversationSettingsPopup-LANG.png.
// Choosing a language in the settings retranslates the open window at once, the language
// picker names each language in its own words, and the choice is there at the next start.
// Arabic — a partial translation compiled into this test only (translations/conclave_ar.ts
// here) — mirrors the window: the sidebar on the right, the settings drawer from the left;
// switched back to English at run time it is on the left again (welcome-ar.png).

#include "composition.h"
#include "translations.h"

#include <QGuiApplication>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QtTest>

using conclave::app::Composition;
using conclave::app::installTranslation;

namespace {

// Visible items in the visual tree under `root` (the window's, or a popup's contentItem).
QList<QQuickItem*> visibleItems(QQuickItem* root) {
    QList<QQuickItem*> items;
    for (QQuickItem* child : root->childItems()) {
        if (!child->isVisible() || child->opacity() <= 0) continue;
        items << child << visibleItems(child);
    }
    return items;
}

QStringList visibleTexts(QQuickItem* root) {
    QStringList texts;
    for (QQuickItem* item : visibleItems(root)) {
        const QVariant text = item->property("text");
        if (text.isValid() && !text.toString().isEmpty()) texts << text.toString();
    }
    return texts;
}

// Texts that do not fit: elided (`truncated`), one line wider than the place it was given, or
// wrapped lines in a box much taller than they are.
QStringList clippedTexts(QQuickItem* root) {
    QStringList clipped;
    for (QQuickItem* item : visibleItems(root)) {
        if (!item->property("truncated").isValid()) continue; // Text and Label only
        const QString text = item->property("text").toString();
        if (text.isEmpty()) continue;
        if (item->property("truncated").toBool()) {
            clipped << QStringLiteral("cut: ") + text;
            continue;
        }
        const bool oneLine = item->property("wrapMode").toInt() == 0; // Text.NoWrap
        if (oneLine && item->property("contentWidth").toReal() > item->width() + 1)
            clipped << QStringLiteral("too wide (%1 > %2): %3")
                           .arg(item->property("contentWidth").toReal())
                           .arg(item->width())
                           .arg(text);
        // A wrapped label whose box kept the height of an earlier, narrower layout: its text
        // sits off the line of the control beside it.
        const qreal contentHeight = item->property("contentHeight").toReal();
        if (!oneLine && item->height() > contentHeight * 1.5 + 2)
            clipped << QStringLiteral("box taller than its lines (%1 > %2): %3").arg(item->height()).arg(contentHeight).arg(text);
    }
    return clipped;
}

QQuickItem* findItem(QQuickWindow* window, const char* name) {
    return window->findChild<QQuickItem*>(QLatin1String(name));
}

void saveScreenshot(QQuickWindow* window, const QString& name) {
    const QString folder = qEnvironmentVariable("CONCLAVE_SCREENSHOT_DIR");
    if (folder.isEmpty()) return;
    QDir().mkpath(folder);
    QVERIFY(window->grabWindow().save(folder + u'/' + name + QStringLiteral(".png")));
}

// Opens the settings drawer and scrolls it to the app settings (language, theme).
QQuickItem* openAppSettings(QQuickWindow* window) {
    QTest::keyClick(window, Qt::Key_Comma, Qt::ControlModifier);
    QObject* drawer = window->findChild<QObject*>(QStringLiteral("settingsDrawer"));
    if (!drawer) return nullptr;
    if (!QTest::qWaitFor([&] { return drawer->property("position").toReal() >= 1.0; }, 5000)) return nullptr;
    QQuickItem* section = findItem(window, "appSettings");
    for (QQuickItem* up = section; up; up = up->parentItem()) {
        if (!up->property("contentY").isValid() || !up->property("contentHeight").isValid()) continue;
        const qreal bottom = up->property("contentHeight").toReal() - up->height();
        up->setProperty("contentY", qMax(0.0, qMin(bottom, section->mapToItem(up->childItems().value(0), {0, 0}).y())));
        break;
    }
    QTest::qWait(100);
    return drawer->property("contentItem").value<QQuickItem*>();
}

// The x of an item's centre in the window.
qreal centreX(QQuickItem* item) { return item->mapToScene({item->width() / 2, 0}).x(); }

} // namespace

class TestTranslatedWindow : public QObject {
    Q_OBJECT

    QTemporaryDir m_data;

private slots:
    void initTestCase() {
        qputenv("XDG_DATA_HOME", m_data.path().toUtf8());
        qputenv("CONCLAVE_THEME", "light");
    }
    void cleanup() { installTranslation(QStringLiteral("en")); }

    void windowInLanguage_data() {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("newChat");
        QTest::addColumn<QString>("welcome");
        QTest::addColumn<QString>("appSettings");
        QTest::newRow("de") << "de" << "Neuer Chat" << "Willkommen bei Conclave" << "App-Einstellungen";
        QTest::newRow("es") << "es" << "Chat nuevo" << "Te damos la bienvenida a Conclave" << "Ajustes de la aplicación";
        QTest::newRow("fr") << "fr" << "Nouvelle conversation" << "Bienvenue dans Conclave"
                            << "Paramètres de l’application";
        QTest::newRow("ja") << "ja" << "新しいチャット" << "Conclave へようこそ" << "アプリの設定";
        QTest::newRow("zh_CN") << "zh_CN" << "新对话" << "欢迎使用 Conclave" << "应用设置";
    }
    void windowInLanguage() {
        QFETCH(QString, code);
        QFETCH(QString, newChat);
        QFETCH(QString, welcome);
        QFETCH(QString, appSettings);
        QCOMPARE(installTranslation(code), code);
        QTemporaryDir data;
        Composition app(data.filePath(QStringLiteral("conclave.db")));
        QVERIFY(app.window().show());
        QQuickWindow* window = app.window().window();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        QTest::qWait(100);
        const QStringList texts = visibleTexts(window->contentItem());
        QVERIFY2(texts.contains(newChat) && texts.contains(welcome), qPrintable(texts.join(u'|')));
        for (const char* english : {"New chat", "Welcome to Conclave", "Search", "Your conversations will appear here."})
            QVERIFY2(!texts.contains(QLatin1String(english)), english);
        QVERIFY2(clippedTexts(window->contentItem()).isEmpty(), qPrintable(clippedTexts(window->contentItem()).join(u'\n')));
        saveScreenshot(window, QStringLiteral("welcome-") + code);

        QQuickItem* drawer = openAppSettings(window);
        QVERIFY(drawer);
        const QStringList drawerTexts = visibleTexts(drawer);
        QVERIFY2(drawerTexts.contains(appSettings), qPrintable(drawerTexts.join(u'|')));
        QVERIFY2(clippedTexts(drawer).isEmpty(), qPrintable(clippedTexts(drawer).join(u'\n')));
        saveScreenshot(window, QStringLiteral("settings-") + code);
        QTest::keyClick(window, Qt::Key_Escape);

        // The shortcuts overlay: the longest list of short labels beside key caps.
        QObject* overlay = window->findChild<QObject*>(QStringLiteral("shortcutsOverlay"));
        QVERIFY(overlay);
        QTRY_VERIFY(!window->findChild<QObject*>(QStringLiteral("settingsDrawer"))->property("visible").toBool());
        QTest::keyClick(window, Qt::Key_Slash, Qt::ControlModifier);
        QTRY_VERIFY(overlay->property("opened").toBool());
        auto* overlayContent = overlay->property("contentItem").value<QQuickItem*>();
        QVERIFY(overlayContent);
        QVERIFY2(!visibleTexts(overlayContent).contains(QStringLiteral("Keyboard shortcuts")),
                 qPrintable(visibleTexts(overlayContent).join(u'|')));
        QVERIFY2(clippedTexts(overlayContent).isEmpty(), qPrintable(clippedTexts(overlayContent).join(u'\n')));
        // Its key caps name the keys as the sidebar does ("Strg+N" in German).
        QVERIFY2(visibleTexts(overlayContent).contains(QCoreApplication::translate("Sidebar", "Ctrl+N")),
                 qPrintable(visibleTexts(overlayContent).join(u'|')));
        saveScreenshot(window, QStringLiteral("shortcuts-") + code);
        QTest::keyClick(window, Qt::Key_Escape);
        QTRY_VERIFY(!overlay->property("visible").toBool());

        // The search, the model picker (no models in this data folder: its empty state) and the
        // conversation's own settings (Ctrl+Shift+S).
        for (const char* name : {"searchPopup", "modelPicker", "conversationSettingsPopup"}) {
            QObject* popup = window->findChild<QObject*>(QLatin1String(name));
            QVERIFY(popup);
            if (QByteArray(name) == "searchPopup") QTest::keyClick(window, Qt::Key_K, Qt::ControlModifier);
            else if (QByteArray(name) == "modelPicker") QMetaObject::invokeMethod(popup, "openList");
            else QTest::keyClick(window, Qt::Key_S, Qt::ControlModifier | Qt::ShiftModifier);
            QTRY_VERIFY(popup->property("opened").toBool());
            QTest::qWait(200); // the picker's search of the (empty) folders
            auto* content = popup->property("contentItem").value<QQuickItem*>();
            QVERIFY(content);
            QVERIFY2(clippedTexts(content).isEmpty(), qPrintable(clippedTexts(content).join(u'\n')));
            saveScreenshot(window, QLatin1String(name) + u'-' + code);
            QMetaObject::invokeMethod(popup, "close");
            QTRY_VERIFY(!popup->property("visible").toBool());
        }
    }

    // What a user does: the language picker in the settings, the window follows at once.
    void choosingALanguageRetranslatesAtOnce() {
        QCOMPARE(installTranslation(QStringLiteral("en")), QStringLiteral("en"));
        QTemporaryDir data;
        const QString database = data.filePath(QStringLiteral("conclave.db"));
        {
            Composition app(database);
            QVERIFY(app.window().show());
            QQuickWindow* window = app.window().window();
            QVERIFY(QTest::qWaitForWindowExposed(window));
            QVERIFY(visibleTexts(window->contentItem()).contains(QStringLiteral("New chat")));
            // The picker lists the system's language, then each language in its own words.
            QStringList names;
            for (const QVariant& language : app.appSettings().languages())
                names << language.toMap().value(QStringLiteral("name")).toString();
            for (const char* name : {"English", "Deutsch", "Español", "Français", "日本語", "简体中文"})
                QVERIFY2(names.contains(QString::fromUtf8(name)), qPrintable(names.join(u',')));
            QCOMPARE(names.first(), QStringLiteral("System language"));

            QSignalSpy panelNames(&app.codePanel(), &conclave::ui::CodePanelController::languageNameChanged);
            QCOMPARE(app.codePanel().languageName(), QStringLiteral("Plain text"));
            app.appSettings().setLanguage(QStringLiteral("fr"));
            QTRY_VERIFY(visibleTexts(window->contentItem()).contains(QStringLiteral("Nouvelle conversation")));
            // The code panel's names are asked for again (its language picker, its title).
            QVERIFY(panelNames.count() >= 1);
            QCOMPARE(app.codePanel().languageName(), QStringLiteral("Texte brut"));
            QVERIFY(visibleTexts(window->contentItem()).contains(QStringLiteral("Bienvenue dans Conclave")));
            QVERIFY(!visibleTexts(window->contentItem()).contains(QStringLiteral("New chat")));
            // Strings from C++ as well: the picker's first entry.
            QCOMPARE(app.appSettings().languages().first().toMap().value(QStringLiteral("name")).toString(),
                     QStringLiteral("Langue du système"));

            app.appSettings().setLanguage(QStringLiteral("ja"));
            QTRY_VERIFY(visibleTexts(window->contentItem()).contains(QStringLiteral("新しいチャット")));
            QVERIFY(!visibleTexts(window->contentItem()).contains(QStringLiteral("Nouvelle conversation")));
        }
        // The next start speaks Japanese: the choice is stored, and installed before the window.
        installTranslation(QStringLiteral("en"));
        {
            Composition app(database);
            QCOMPARE(app.appSettings().language(), QStringLiteral("ja"));
            QVERIFY(app.window().show());
            QQuickWindow* window = app.window().window();
            QVERIFY(QTest::qWaitForWindowExposed(window));
            QVERIFY(visibleTexts(window->contentItem()).contains(QStringLiteral("新しいチャット")));
            // Back to English at run time.
            app.appSettings().setLanguage(QStringLiteral("en"));
            QTRY_VERIFY(visibleTexts(window->contentItem()).contains(QStringLiteral("New chat")));
        }
    }

    // Right to left: the sidebar moves to the right, the settings drawer opens from the left.
    void arabicMirrorsTheWindow() {
        QCOMPARE(installTranslation(QStringLiteral("ar_EG")), QStringLiteral("ar"));
        QCOMPARE(QGuiApplication::layoutDirection(), Qt::RightToLeft);
        QTemporaryDir data;
        Composition app(data.filePath(QStringLiteral("conclave.db")));
        QVERIFY(app.window().show());
        QQuickWindow* window = app.window().window();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        QTest::qWait(100);
        QQuickItem* sidebar = findItem(window, "sidebar");
        QQuickItem* welcome = findItem(window, "welcomePage");
        QVERIFY(sidebar && welcome);
        QVERIFY(visibleTexts(window->contentItem()).contains(QStringLiteral("محادثة جديدة")));
        QVERIFY2(centreX(sidebar) > window->width() / 2.0, qPrintable(QString::number(centreX(sidebar))));
        QVERIFY(centreX(welcome) < centreX(sidebar));
        // Inside a button too: "New chat" reads first from the right, its shortcut to its left.
        QQuickItem* newChat = findItem(window, "newChatButton");
        QVERIFY(newChat);
        QQuickItem* label = nullptr;
        QQuickItem* shortcut = nullptr;
        for (QQuickItem* item : visibleItems(newChat)) {
            if (item->property("text").toString() == QStringLiteral("محادثة جديدة")) label = item;
            if (item->property("text").toString() == QStringLiteral("Ctrl+N")) shortcut = item;
        }
        QVERIFY(label && shortcut);
        QVERIFY(centreX(shortcut) < centreX(label));
        saveScreenshot(window, QStringLiteral("welcome-ar"));

        QQuickItem* drawer = openAppSettings(window);
        QVERIFY(drawer);
        QVERIFY2(centreX(drawer) < window->width() / 2.0, qPrintable(QString::number(centreX(drawer))));
        // Its rows mirror too: each label right of its picker.
        QQuickItem* languageRow = findItem(window, "languageChoice");
        QVERIFY(languageRow && languageRow->childItems().size() == 2);
        QCOMPARE(languageRow->childItems().at(0)->property("text").toString(), QStringLiteral("اللغة"));
        for (const char* name : {"themeChoice", "languageChoice", "sendKeyChoice"}) {
            const QList<QQuickItem*> row = findItem(window, name)->childItems();
            QVERIFY2(centreX(row.at(0)) > centreX(row.at(1)), name);
        }
        saveScreenshot(window, QStringLiteral("settings-ar"));
        QTest::keyClick(window, Qt::Key_Escape);

        // English chosen while the window is open: left to right again, at once.
        app.appSettings().setLanguage(QStringLiteral("en"));
        QCOMPARE(QGuiApplication::layoutDirection(), Qt::LeftToRight);
        QTRY_VERIFY(centreX(sidebar) < window->width() / 2.0);
        QTRY_VERIFY(visibleTexts(window->contentItem()).contains(QStringLiteral("New chat")));
    }
};

QTEST_MAIN(TestTranslatedWindow)
#include "test_translated_window.moc"
