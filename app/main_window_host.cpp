#include "main_window_host.h"

#include "app_paths.h"
#include "build_summary.h"
#include "app_settings.h"
#include "chat_controller.h"
#include "code_panel_controller.h"
#include "model_picker.h"

#include <QLoggingCategory>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(Conclave_MainPlugin)
Q_IMPORT_QML_PLUGIN(Conclave_ChatPlugin)
Q_IMPORT_QML_PLUGIN(Conclave_ModelsPlugin)
Q_IMPORT_QML_PLUGIN(Conclave_CodePanelPlugin)

Q_LOGGING_CATEGORY(lcApp, "conclave.app", QtInfoMsg)

namespace conclave::app {

MainWindowHost::MainWindowHost(ui::ChatController* chat, ui::ModelPicker* models, ui::AppSettings* appSettings,
                               ui::CodePanelController* codePanel, QObject* parent)
    : QObject(parent), m_chat(chat), m_models(models), m_appSettings(appSettings),
      m_codePanel(codePanel) {
    // Qt 6.4 does not search the /qt/qml resource prefix by default; our modules live there.
    m_engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    // Fusion takes its colours from the window's palette, which follows our Theme (light or
    // dark); the user can still pick another style through QT_QUICK_CONTROLS_STYLE.
    // The style can only be chosen before the first window loads (a second host keeps it).
    if (qEnvironmentVariableIsEmpty("QT_QUICK_CONTROLS_STYLE") && QQuickStyle::name().isEmpty())
        QQuickStyle::setStyle(QStringLiteral("Fusion"));
}

bool MainWindowHost::show() {
    QString theme = qEnvironmentVariable("CONCLAVE_THEME");
    if (theme != QLatin1String("light") && theme != QLatin1String("dark")) theme.clear();
    m_engine.setInitialProperties({
        {QStringLiteral("buildSummary"), buildSummary()},
        {QStringLiteral("modelsFolder"), modelsFolder()},
        {QStringLiteral("chat"), QVariant::fromValue(m_chat)},
        {QStringLiteral("models"), QVariant::fromValue(m_models)},
        {QStringLiteral("appSettings"), QVariant::fromValue(m_appSettings)},
        {QStringLiteral("codePanel"), QVariant::fromValue(m_codePanel)},
        {QStringLiteral("forcedTheme"), theme},
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
