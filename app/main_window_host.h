#pragma once
// MainWindowHost: owns the QML engine and the main window. Created by main() (and by the
// GUI tests) on the GUI thread; emits quitRequested when the user asks to quit so the owner
// can stop work and save before the event loop ends.

#include <QObject>
#include <QQmlApplicationEngine>

class QQuickWindow;

namespace conclave::app {

class MainWindowHost : public QObject {
    Q_OBJECT
public:
    explicit MainWindowHost(QObject* parent = nullptr);

    // Loads and shows the main window; false (with the QML errors logged) when it fails.
    bool show();
    QQuickWindow* window() const;

signals:
    void quitRequested();

private:
    QQmlApplicationEngine m_engine;
};

} // namespace conclave::app
