// Where the user writes. Enter sends, Shift+Enter starts a new line (with `ctrlEnterSends`,
// the send-key setting: Ctrl+Enter sends and Enter starts a new line); while an answer streams
// the send button becomes Stop. Disabled (with a hint) until a model is ready. Up in an empty
// composer asks to edit the last message. Text files dropped on the window are attached
// (their content goes into the message, fenced). Below it: the context meter, a warning when
// the conversation plus the draft nears the context length, and the settings button.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Conclave.Chat

ColumnLayout {
    id: composer
    objectName: "composer"

    property bool ready: false
    property bool generating: false
    property int contextUsed: 0
    property int contextSize: 0
    property bool ctrlEnterSends: false
    property alias text: input.text

    // The draft's tokens are estimated (about four characters a token) until it is sent.
    readonly property int draftTokens: Math.ceil(input.text.length / 4)
    readonly property bool nearlyFull: contextSize > 0 && contextUsed + draftTokens >= 0.9 * contextSize
    property string notice: "" // why a dropped file was not attached; clears itself

    signal sendRequested(string text)
    signal stopRequested()
    signal settingsRequested()
    signal editLastRequested()

    // Attaches each local text file; the first refusal is shown under the composer.
    function attachFiles(urls) {
        for (let i = 0; i < urls.length; ++i) {
            const file = TextAttachment.read(urls[i])
            if (!file.ok) {
                notice = file.error
                noticeTimer.restart()
                continue
            }
            const before = input.text.length > 0 && !input.text.endsWith("\n") ? "\n\n" : ""
            input.insert(input.length, before + TextAttachment.messageText(file.name, file.text))
        }
        input.cursorPosition = input.length
        input.forceActiveFocus()
    }

    function send() {
        if (!ready || generating || input.text.trim().length === 0) return
        sendRequested(input.text)
    }
    function clear() { input.clear() }
    function focusInput() { input.forceActiveFocus(); input.cursorPosition = input.length }

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
                        } else if (event.key === Qt.Key_Up && event.modifiers === Qt.NoModifier
                                   && input.length === 0 && !composer.generating) {
                            event.accepted = true
                            composer.editLastRequested()
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

    Timer {
        id: noticeTimer
        interval: 6000
        onTriggered: composer.notice = ""
    }

    Label {
        objectName: "composerNotice"
        Layout.fillWidth: true
        Layout.leftMargin: 4
        visible: text.length > 0
        text: composer.notice.length > 0 ? composer.notice
              : composer.nearlyFull && composer.ready
                ? (composer.contextUsed + composer.draftTokens >= composer.contextSize
                   ? qsTr("This message does not fit in the context (%1 tokens). Start a new chat, or shorten the message.")
                     .arg(composer.contextSize.toLocaleString(Qt.locale(), "f", 0))
                   : qsTr("The context is nearly full: the answer will stop when it reaches %1 tokens. A new chat starts empty.")
                     .arg(composer.contextSize.toLocaleString(Qt.locale(), "f", 0)))
                : ""
        color: composer.notice.length > 0 ? Theme.danger : Theme.warning
        font.pixelSize: Theme.smallFontSize
        wrapMode: Text.WordWrap
        Accessible.role: Accessible.AlertMessage
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
            Accessible.name: qsTr("Settings")
            font.pixelSize: Theme.smallFontSize
            onClicked: composer.settingsRequested()
        }
    }
}
