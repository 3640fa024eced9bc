// The application window. The composition root (app/) sets the initial properties; the
// window asks to quit through quitRequested() so the app can stop generation and save first.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

ApplicationWindow {
    id: window
    objectName: "mainWindow"

    required property string buildSummary
    required property string modelsFolder

    signal quitRequested()

    width: 1100
    height: 720
    minimumWidth: 640
    minimumHeight: 420
    visible: true
    title: qsTr("Conclave")

    Shortcut {
        sequences: [StandardKey.Quit, "Ctrl+Q"]
        context: Qt.ApplicationShortcut
        onActivated: window.quitRequested()
    }

    WelcomePage {
        anchors.fill: parent
        buildSummary: window.buildSummary
        modelsFolder: window.modelsFolder
    }
}
