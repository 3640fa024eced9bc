// The keyboard shortcuts, shown over the window with Ctrl+/ (Esc or Ctrl+/ again closes it).
// The list is the one place that names them for the user; Main.qml and the views define them.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

Popup {
    id: overlay
    objectName: "shortcutsOverlay"

    // "Enter" or "Ctrl+Enter": which key sends, as the settings say.
    property string sendKey: "Enter"
    readonly property string newLineKey: sendKey === "Enter" ? "Shift+Enter" : "Enter"

    anchors.centerIn: Overlay.overlay
    width: Math.min(560, parent ? parent.width - 48 : 560)
    modal: true
    focus: true
    padding: 24
    closePolicy: Popup.CloseOnEscape | Popup.CloseOnPressOutside

    background: Rectangle {
        radius: Theme.radius
        color: Theme.background
        border.color: Theme.border
    }

    // A key combination as keyboards in the user's language label it ("Strg+N" in German).
    function keyCap(keys) {
        const names = { "Ctrl": qsTr("Ctrl"), "Shift": qsTr("Shift"), "Enter": qsTr("Enter") }
        return keys.split("+").map((key) => names[key] || key).join("+")
    }

    readonly property var groups: [
        { title: qsTr("Conversations"), keys: [
            ["Ctrl+N", qsTr("New chat")],
            ["Ctrl+K", qsTr("Search all conversations")],
            ["F2", qsTr("Rename the conversation in focus")],
            ["Ctrl+Shift+A", qsTr("Archive or unarchive the conversation")],
            ["Ctrl+Shift+S", qsTr("This conversation's own settings")] ] },
        { title: qsTr("Writing"), keys: [
            [overlay.sendKey, qsTr("Send the message")],
            [overlay.newLineKey, qsTr("New line")],
            ["\u2191", qsTr("Edit the last message (empty composer)")],
            ["Esc", qsTr("Stop the answer, cancel loading or editing")] ] },
        { title: qsTr("Code panel"), keys: [
            ["Ctrl+Shift+C", qsTr("Show or hide the code panel")],
            ["Ctrl+O", qsTr("Open a file (in the code panel)")],
            ["Ctrl+S", qsTr("Save the code to its file (in the code panel)")] ] },
        { title: qsTr("Application"), keys: [
            ["Ctrl+O", qsTr("Open a model file")],
            ["Ctrl+,", qsTr("Settings")],
            ["Ctrl+/", qsTr("Show these shortcuts")],
            ["Ctrl+Q", qsTr("Quit")] ] }
    ]

    contentItem: ColumnLayout {
        // Mirrored from the start in a right-to-left language (the window's mirroring reaches
        // a popup only once it opens, after its rows were laid out).
        LayoutMirroring.enabled: Qt.application.layoutDirection === Qt.RightToLeft
        LayoutMirroring.childrenInherit: true
        spacing: 14
        Accessible.role: Accessible.Dialog
        Accessible.name: qsTr("Keyboard shortcuts")
        Label {
            text: qsTr("Keyboard shortcuts")
            color: Theme.text
            font.pixelSize: 18
            font.weight: Font.DemiBold
        }
        Repeater {
            model: overlay.groups
            delegate: ColumnLayout {
                required property var modelData
                Layout.fillWidth: true
                spacing: 6
                Label {
                    text: modelData.title
                    color: Theme.mutedText
                    font.pixelSize: Theme.smallFontSize
                    font.weight: Font.DemiBold
                }
                Repeater {
                    model: modelData.keys
                    delegate: RowLayout {
                        required property var modelData
                        Layout.fillWidth: true
                        spacing: 12
                        Label {
                            Layout.fillWidth: true
                            text: modelData[1]
                            color: Theme.text
                            elide: Text.ElideRight
                        }
                        Rectangle { // the key, drawn as a key cap
                            implicitWidth: keyLabel.implicitWidth + 16
                            implicitHeight: keyLabel.implicitHeight + 6
                            radius: 5
                            color: Theme.surface
                            border.color: Theme.border
                            Label {
                                id: keyLabel
                                anchors.centerIn: parent
                                text: overlay.keyCap(modelData[0])
                                color: Theme.text
                                font.family: Theme.monoFamily
                                font.pixelSize: Theme.smallFontSize
                            }
                            Accessible.role: Accessible.StaticText
                            Accessible.name: overlay.keyCap(modelData[0])
                        }
                    }
                }
            }
        }
    }
}
