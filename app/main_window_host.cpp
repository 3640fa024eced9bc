#include "main_window_host.h"

#include "app_paths.h"
#include "build_summary.h"

#include <QLoggingCategory>
#include <QQuickWindow>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(Conclave_MainPlugin)

Q_LOGGING_CATEGORY(lcApp, "conclave.app", QtInfoMsg)

namespace conclave::app {

MainWindowHost::MainWindowHost(QObject* parent) : QObject(parent) {
    // Qt 6.4 does not search the /qt/qml resource prefix by default; our modules live there.
    m_engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
}

bool MainWindowHost::show() {
    m_engine.setInitialProperties({
        {QStringLiteral("buildSummary"), buildSummary()},
        {QStringLiteral("modelsFolder"), modelsFolder()},
    });
    m_engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Conclave/Main/Main.qml")));
    QQuickWindow* main = window();
    if (!main) {
        qCCritical(lcApp) << "the main window failed to load";
        return false;
    }
    connect(main, SIGNAL(quitRequested()), this, SIGNAL(quitRequested()));
    main->show();
    qCInfo(lcApp) << "main window shown";
    return true;
}

QQuickWindow* MainWindowHost::window() const {
    const QList<QObject*> roots = m_engine.rootObjects();
    return roots.isEmpty() ? nullptr : qobject_cast<QQuickWindow*>(roots.first());
}

} // namespace conclave::app
