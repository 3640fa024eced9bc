#pragma once
// MainWindowHost: owns the QML engine and the main window. Created by the Composition (and
// by the GUI tests) on the GUI thread with the ChatController and the ModelPicker the window
// shows and the AppSettings it follows; emits
// quitRequested when the user asks to quit so the owner can stop work and save before the
// event loop ends.

#include <QObject>
#include <QQmlApplicationEngine>

class QQuickWindow;

namespace conclave::ui {
class AppSettings;
class CodePanelController;
class ChatController;
class ModelPicker;
} // namespace conclave::ui

namespace conclave::app {

class MainWindowHost : public QObject {
    Q_OBJECT
public:
    MainWindowHost(ui::ChatController* chat, ui::ModelPicker* models, ui::AppSettings* appSettings,
                   ui::CodePanelController* codePanel, QObject* parent = nullptr);

    // Loads and shows the main window; false (with the QML errors logged) when it fails.
    // The theme is the app settings' choice unless CONCLAVE_THEME is "light" or "dark".
    bool show();
    QQuickWindow* window() const;
    QQmlEngine* engine() { return &m_engine; }

signals:
    void quitRequested();

private:
    ui::ChatController* m_chat;
    ui::ModelPicker* m_models;
    ui::AppSettings* m_appSettings;
    ui::CodePanelController* m_codePanel;
    QQmlApplicationEngine m_engine;
};

} // namespace conclave::app
