// The main window starts offscreen, shows the welcome page with this build's facts and the
// models folder, and asks to quit on Ctrl+Q.

#include "app_paths.h"
#include "main_window_host.h"

#include <QQuickItem>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using conclave::app::MainWindowHost;

class TestMainWindow : public QObject {
    Q_OBJECT

    QTemporaryDir m_data;

private slots:
    void initTestCase() {
        qputenv("XDG_DATA_HOME", m_data.path().toUtf8());
    }

    void showsMainWindowWithWelcomePage() {
        MainWindowHost host;
        QVERIFY(host.show());
        QQuickWindow* window = host.window();
        QVERIFY(window);
        QVERIFY(QTest::qWaitForWindowExposed(window));
        QCOMPARE(window->title(), QStringLiteral("Conclave"));
        QVERIFY(window->width() >= 640);

        auto* welcome = window->findChild<QQuickItem*>(QStringLiteral("welcomePage"));
        QVERIFY(welcome);
        QVERIFY(welcome->isVisible());
        auto* hint = window->findChild<QQuickItem*>(QStringLiteral("modelsFolderHint"));
        QVERIFY(hint);
        QVERIFY(hint->property("text").toString().contains(conclave::app::modelsFolder()));
        QVERIFY(conclave::app::modelsFolder().startsWith(m_data.path()));
        auto* summary = window->findChild<QQuickItem*>(QStringLiteral("buildSummary"));
        QVERIFY(summary);
        QVERIFY(summary->property("text").toString().contains(QStringLiteral("backends: cpu")));
    }

    void ctrlQRequestsQuit() {
        MainWindowHost host;
        QVERIFY(host.show());
        QVERIFY(QTest::qWaitForWindowActive(host.window()));
        QSignalSpy quit(&host, &MainWindowHost::quitRequested);
        QTest::keyClick(host.window(), Qt::Key_Q, Qt::ControlModifier);
        QTRY_COMPARE(quit.count(), 1);
    }
};

QTEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
