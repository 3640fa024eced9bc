// The conversation: messages in a centred column that follows the stream while the user is
// at the bottom (and stops when they scroll up, offering "Jump to latest"), the composer
// below it. Edit on a user message puts its text in the composer; sending then makes a new
// branch from that message (Esc or Cancel leaves editing).
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Conclave.Chat

Item {
    id: page
    objectName: "chatPage"

    required property ChatController chat
    property alias composer: composer
    property int editRow: -1 // the user message being edited, -1 when none

    // Up in the empty composer: edit the last question (a new branch when sent).
    function editLast() {
        const row = page.chat.messages.lastUserRow()
        if (row < 0 || page.chat.generating) return
        editRow = row
        composer.text = page.chat.messages.textAt(row)
        composer.focusInput()
        messages.positionViewAtIndex(row, ListView.Contain)
    }

    function cancelEdit() {
        if (editRow < 0) return
        editRow = -1
        composer.clear()
    }

    Connections {
        target: page.chat
        function onCurrentConversationChanged() { page.editRow = -1 }
        // A search result: show the message (not the end of the conversation) and flash it.
        function onMessageRevealRequested(row) {
            messages.followStream = false
            messages.revealRow = row
            messages.forceLayout()
            messages.positionViewAtIndex(row, ListView.Center)
            Qt.callLater(() => messages.positionViewAtIndex(row, ListView.Center))
            revealTimer.restart()
        }
    }

    Timer {
        id: revealTimer
        interval: 1600
        onTriggered: messages.revealRow = -1
    }

    signal settingsRequested()
    signal openInPanelRequested(string code, string language)
    // The send-key setting (AppSettings.ctrlEnterSends), passed to the composer.
    property bool ctrlEnterSends: false

    ListView {
        id: messages
        objectName: "messageList"
        anchors.top: parent.top
        anchors.bottom: composerArea.top
        anchors.left: parent.left
        anchors.right: parent.right
        clip: true
        model: page.chat.messages
        spacing: 4
        topMargin: 16
        bottomMargin: 16
        boundsBehavior: Flickable.StopAtBounds
        ScrollBar.vertical: ScrollBar {}

        property bool followStream: true
        property int revealRow: -1 // the message a search opened, highlighted for a moment
        onMovementStarted: followStream = false
        onAtYEndChanged: if (atYEnd && revealRow < 0) followStream = true
        onContentHeightChanged: if (followStream) Qt.callLater(positionViewAtEnd)
        onCountChanged: { followStream = true; Qt.callLater(positionViewAtEnd) }

        delegate: Item {
            id: row
            required property int index
            required property var model
            width: messages.width
            implicitHeight: message.implicitHeight

            Rectangle {
                objectName: "revealHighlight"
                anchors.fill: parent
                anchors.leftMargin: 8
                anchors.rightMargin: 8
                radius: Theme.radius
                color: Theme.selection
                opacity: messages.revealRow === row.index ? 1 : 0
                Behavior on opacity { NumberAnimation { duration: 400 } }
            }

            MessageDelegate {
                id: message
                anchors.horizontalCenter: parent.horizontalCenter
                width: Math.min(Theme.contentWidth, row.width - 48)
                index: row.index
                roleName: row.model.roleName
                text: row.model.text
                reasoning: row.model.reasoning
                reasoningOpen: row.model.reasoningOpen
                messageState: row.model.messageState
                blocks: row.model.blocks
                modelName: row.model.modelName
                error: row.model.error
                statsText: row.model.statsText
                siblingIndex: row.model.siblingIndex
                siblingCount: row.model.siblingCount
                canSwitch: !page.chat.generating
                isLast: row.index === messages.count - 1
                canRegenerate: page.chat.canRegenerate
                onCopyRequested: (r) => page.chat.copyMessage(r)
                onRegenerateRequested: page.chat.regenerate()
                onOpenInPanelRequested: (code, language) => page.openInPanelRequested(code, language)
                onSiblingRequested: (r, delta) => page.chat.showSibling(r, delta)
                onEditRequested: (r, text) => {
                    page.editRow = r
                    composer.text = text
                    composer.focusInput()
                }
            }
        }

        Label {
            anchors.centerIn: parent
            visible: messages.count === 0 && page.chat.modelStatus === ChatController.Ready
            width: Math.min(parent.width - 48, 420)
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            text: qsTr("Ask %1 anything.").arg(page.chat.model.name || qsTr("the model"))
            color: Theme.mutedText
            font.pixelSize: 20
        }
    }

    RoundButton {
        objectName: "jumpToLatest"
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.bottom: composerArea.top
        anchors.bottomMargin: 8
        visible: !messages.followStream && !messages.atYEnd
        text: qsTr("\u2193 Jump to latest")
        font.pixelSize: Theme.smallFontSize
        onClicked: { messages.followStream = true; messages.positionViewAtEnd() }
    }

    Item {
        id: composerArea
        anchors.bottom: parent.bottom
        anchors.left: parent.left
        anchors.right: parent.right
        height: composer.implicitHeight + 20 + (editBar.visible ? editBar.height : 0)

        RowLayout {
            id: editBar
            objectName: "editBar"
            visible: page.editRow >= 0
            anchors.horizontalCenter: parent.horizontalCenter
            anchors.top: parent.top
            width: Math.min(Theme.contentWidth, parent.width - 48)
            height: 30
            Label {
                Layout.fillWidth: true
                text: qsTr("Editing a message — sending makes a new branch with a new answer")
                color: Theme.mutedText
                font.pixelSize: Theme.smallFontSize
                elide: Text.ElideRight
            }
            ToolButton {
                objectName: "cancelEdit"
                text: qsTr("Cancel")
                font.pixelSize: Theme.smallFontSize
                onClicked: page.cancelEdit()
            }
        }

        Composer {
            id: composer
            anchors.horizontalCenter: parent.horizontalCenter
            anchors.top: editBar.visible ? editBar.bottom : parent.top
            width: Math.min(Theme.contentWidth, parent.width - 48)
            ready: page.chat.modelStatus === ChatController.Ready
            generating: page.chat.generating
            contextUsed: page.chat.contextUsed
            contextSize: page.chat.contextSize
            ctrlEnterSends: page.ctrlEnterSends
            onSendRequested: (text) => {
                const sent = page.editRow >= 0 ? page.chat.editMessage(page.editRow, text) : page.chat.sendMessage(text)
                if (!sent) return
                page.editRow = -1
                composer.clear()
            }
            onStopRequested: page.chat.stop()
            onEditLastRequested: page.editLast()
            onSettingsRequested: page.settingsRequested()
        }
    }
}
