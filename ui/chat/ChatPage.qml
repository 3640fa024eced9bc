// The conversation: messages in a centred column that follows the stream while the user is
// at the bottom (and stops when they scroll up, offering "Jump to latest"), the composer
// below it.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Conclave.Chat

Item {
    id: page
    objectName: "chatPage"

    required property ChatController chat
    property alias composer: composer

    signal settingsRequested()

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
        onMovementStarted: followStream = false
        onAtYEndChanged: if (atYEnd) followStream = true
        onContentHeightChanged: if (followStream) Qt.callLater(positionViewAtEnd)
        onCountChanged: { followStream = true; Qt.callLater(positionViewAtEnd) }

        delegate: Item {
            id: row
            required property int index
            required property var model
            width: messages.width
            implicitHeight: message.implicitHeight

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
                isLast: row.index === messages.count - 1
                canRegenerate: page.chat.canRegenerate
                onCopyRequested: (r) => page.chat.copyMessage(r)
                onRegenerateRequested: page.chat.regenerate()
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
        height: composer.implicitHeight + 20

        Composer {
            id: composer
            anchors.horizontalCenter: parent.horizontalCenter
            anchors.top: parent.top
            width: Math.min(Theme.contentWidth, parent.width - 48)
            ready: page.chat.modelStatus === ChatController.Ready
            generating: page.chat.generating
            contextUsed: page.chat.contextUsed
            contextSize: page.chat.contextSize
            onSendRequested: (text) => { if (page.chat.sendMessage(text)) composer.clear() }
            onStopRequested: page.chat.stop()
            onSettingsRequested: page.settingsRequested()
        }
    }
}
