// Where the user writes. Enter sends, Shift+Enter starts a new line (with `ctrlEnterSends`,
// the send-key setting: Ctrl+Enter sends and Enter starts a new line); while an answer streams
// the send button becomes Stop. Disabled (with a hint) until a model is ready. Below it: the
// context meter and the settings button.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

ColumnLayout {
    id: composer
    objectName: "composer"

    property bool ready: false
    property bool generating: false
    property int contextUsed: 0
    property int contextSize: 0
    property bool ctrlEnterSends: false
    property alias text: input.text

    signal sendRequested(string text)
    signal stopRequested()
    signal settingsRequested()

    function send() {
        if (!ready || generating || input.text.trim().length === 0) return
        sendRequested(input.text)
    }
    function clear() { input.clear() }
    function focusInput() { input.forceActiveFocus() }

    spacing: 6

    Rectangle {
        Layout.fillWidth: true
        implicitHeight: Math.min(inputRow.implicitHeight + 16, 240)
        radius: 14
        color: Theme.background
        border.color: input.activeFocus ? Theme.accent : Theme.border
        border.width: input.activeFocus ? 1.5 : 1

        RowLayout {
            id: inputRow
            anchors.fill: parent
            anchors.margins: 8
            anchors.leftMargin: 12
            spacing: 8

            ScrollView {
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredHeight: Math.max(input.implicitHeight, 40)
                TextArea {
                    id: input
                    objectName: "composerInput"
                    enabled: composer.ready
                    wrapMode: TextArea.Wrap
                    placeholderText: !composer.ready ? qsTr("Open a model to start chatting")
                                     : composer.ctrlEnterSends ? qsTr("Message the model \u2014 Ctrl+Enter to send, Enter for a new line")
                                     : qsTr("Message the model \u2014 Enter to send, Shift+Enter for a new line")
                    placeholderTextColor: Theme.mutedText
                    color: Theme.text
                    selectionColor: Theme.selection
                    selectedTextColor: Theme.text
                    font.pixelSize: Theme.fontSize
                    background: null
                    Accessible.name: qsTr("Message")
                    Keys.onPressed: (event) => {
                        const enter = event.key === Qt.Key_Return || event.key === Qt.Key_Enter
                        const sends = composer.ctrlEnterSends ? (event.modifiers & Qt.ControlModifier)
                                                              : !(event.modifiers & Qt.ShiftModifier)
                        if (enter && sends) {
                            event.accepted = true
                            composer.send()
                        }
                    }
                }
            }
            Button {
                id: sendButton
                objectName: composer.generating ? "stopButton" : "sendButton"
                Layout.alignment: Qt.AlignBottom
                implicitWidth: 36
                implicitHeight: 36
                enabled: composer.generating || (composer.ready && input.text.trim().length > 0)
                onClicked: composer.generating ? composer.stopRequested() : composer.send()
                Accessible.name: composer.generating ? qsTr("Stop") : qsTr("Send")
                ToolTip.visible: hovered
                ToolTip.text: composer.generating ? qsTr("Stop (Esc)")
                                                  : composer.ctrlEnterSends ? qsTr("Send (Ctrl+Enter)") : qsTr("Send (Enter)")
                contentItem: Label {
                    text: composer.generating ? "\u25A0" : "\u2191"
                    horizontalAlignment: Text.AlignHCenter
                    verticalAlignment: Text.AlignVCenter
                    color: Theme.accentText
                    font.pixelSize: composer.generating ? 14 : 18
                    font.weight: Font.Bold
                }
                background: Rectangle {
                    radius: 18
                    color: sendButton.enabled ? Theme.accent : Theme.border
                    opacity: sendButton.down ? 0.8 : 1
                }
            }
        }
    }

    RowLayout {
        Layout.fillWidth: true
        Layout.leftMargin: 4
        spacing: 8
        ContextMeter {
            used: composer.contextUsed
            size: composer.contextSize
        }
        Item { Layout.fillWidth: true }
        ToolButton {
            objectName: "settingsButton"
            text: qsTr("Settings")
            font.pixelSize: Theme.smallFontSize
            onClicked: composer.settingsRequested()
        }
    }
}
