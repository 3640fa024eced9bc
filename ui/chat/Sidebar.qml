// The conversation list: New chat (Ctrl+N) on top, then the conversations grouped by date,
// the current one highlighted.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Conclave.Chat

Rectangle {
    id: sidebar
    objectName: "sidebar"

    required property ChatController chat

    color: Theme.sidebar

    Rectangle {
        anchors.right: parent.right
        width: 1
        height: parent.height
        color: Theme.border
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 12
        spacing: 8

        RowLayout {
            Layout.fillWidth: true
            Layout.leftMargin: 6
            Layout.bottomMargin: 4
            Label {
                Layout.fillWidth: true
                text: qsTr("Conclave")
                color: Theme.text
                font.pixelSize: 17
                font.weight: Font.Bold
            }
        }

        Button {
            id: newChat
            objectName: "newChatButton"
            Layout.fillWidth: true
            implicitHeight: 38
            hoverEnabled: true
            onClicked: sidebar.chat.newConversation()
            Accessible.name: qsTr("New chat")
            ToolTip.visible: hovered
            ToolTip.text: qsTr("New chat (Ctrl+N)")
            contentItem: RowLayout {
                spacing: 8
                Label {
                    Layout.leftMargin: 4
                    text: "+"
                    color: Theme.text
                    font.pixelSize: 18
                }
                Label {
                    Layout.fillWidth: true
                    text: qsTr("New chat")
                    color: Theme.text
                }
                Label {
                    text: qsTr("Ctrl+N")
                    color: Theme.mutedText
                    font.pixelSize: Theme.smallFontSize
                }
            }
            background: Rectangle {
                radius: 8
                color: newChat.hovered ? Theme.surfaceHover : Theme.background
                border.color: Theme.border
            }
        }

        ListView {
            id: list
            objectName: "conversationList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 2
            model: sidebar.chat.conversations
            section.property: "group"
            section.delegate: Label {
                required property string section
                width: ListView.view.width
                topPadding: 14
                bottomPadding: 4
                leftPadding: 8
                text: section
                color: Theme.mutedText
                font.pixelSize: 11
                font.weight: Font.DemiBold
            }
            delegate: ItemDelegate {
                id: item
                required property var conversationId
                required property string title
                readonly property bool current: conversationId === sidebar.chat.currentConversationId
                width: ListView.view.width
                implicitHeight: 34
                hoverEnabled: true
                onClicked: sidebar.chat.selectConversation(conversationId)
                contentItem: Label {
                    leftPadding: 2
                    text: item.title
                    color: Theme.text
                    elide: Text.ElideRight
                    verticalAlignment: Text.AlignVCenter
                    font.weight: item.current ? Font.DemiBold : Font.Normal
                }
                background: Rectangle {
                    radius: 8
                    color: item.current ? Theme.selection : item.hovered ? Theme.surfaceHover : "transparent"
                }
            }
            Label {
                anchors.centerIn: parent
                visible: list.count === 0
                width: parent.width - 24
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
                text: qsTr("Your conversations will appear here.")
                color: Theme.mutedText
                font.pixelSize: Theme.smallFontSize
            }
        }
    }
}
