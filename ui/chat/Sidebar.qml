// The conversation list: New chat (Ctrl+N) on top, then the conversations, pinned first and
// the rest grouped by date, the current one highlighted. Each has a menu (the ⋯ button or a
// right click): Rename (inline; also F2 or a double click), Pin/Unpin, Delete. A deleted
// conversation can be brought back from the toast at the bottom for a few seconds. The
// Search button above opens the search popup (searchRequested; Ctrl+K does the same).
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Conclave.Chat

Rectangle {
    id: sidebar
    objectName: "sidebar"

    required property ChatController chat

    signal searchRequested()

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
            id: searchButton
            objectName: "searchButton"
            Layout.fillWidth: true
            implicitHeight: 34
            hoverEnabled: true
            onClicked: sidebar.searchRequested()
            Accessible.name: qsTr("Search")
            contentItem: RowLayout {
                spacing: 8
                Label {
                    Layout.leftMargin: 4
                    text: "\u2315"
                    color: Theme.mutedText
                    font.pixelSize: 15
                }
                Label {
                    Layout.fillWidth: true
                    text: qsTr("Search")
                    color: Theme.mutedText
                }
                Label {
                    text: qsTr("Ctrl+K")
                    color: Theme.mutedText
                    font.pixelSize: Theme.smallFontSize
                }
            }
            background: Rectangle {
                radius: 8
                color: searchButton.hovered ? Theme.surfaceHover : Theme.surface
                border.color: Theme.border
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
                required property bool pinned
                readonly property bool current: conversationId === sidebar.chat.currentConversationId
                property bool renaming: false
                objectName: "conversation" + conversationId
                width: ListView.view.width
                implicitHeight: 34
                hoverEnabled: true
                onClicked: sidebar.chat.selectConversation(conversationId)
                onDoubleClicked: startRename()
                Accessible.name: title

                function startRename() {
                    renaming = true
                    renameField.text = title
                    renameField.selectAll()
                    renameField.forceActiveFocus()
                }
                function finishRename(accept) {
                    if (!renaming) return
                    renaming = false
                    if (accept) sidebar.chat.renameConversation(conversationId, renameField.text)
                }

                Keys.onPressed: (event) => {
                    if (event.key === Qt.Key_F2) { item.startRename(); event.accepted = true }
                }
                TapHandler {
                    acceptedButtons: Qt.RightButton
                    onTapped: menu.popup()
                }

                contentItem: RowLayout {
                    spacing: 4
                    Label {
                        visible: !item.renaming
                        Layout.fillWidth: true
                        leftPadding: 2
                        text: item.title
                        color: Theme.text
                        elide: Text.ElideRight
                        verticalAlignment: Text.AlignVCenter
                        font.weight: item.current ? Font.DemiBold : Font.Normal
                    }
                    TextField {
                        id: renameField
                        objectName: "renameField"
                        visible: item.renaming
                        Layout.fillWidth: true
                        font.pixelSize: Theme.fontSize - 1
                        Accessible.name: qsTr("Conversation title")
                        onAccepted: item.finishRename(true)
                        onActiveFocusChanged: if (!activeFocus) item.finishRename(true)
                        Keys.onEscapePressed: item.finishRename(false)
                    }
                    ToolButton {
                        objectName: "conversationMenuButton"
                        visible: !item.renaming && (item.hovered || item.current || menu.visible)
                        text: "\u22EF"
                        implicitWidth: 26
                        implicitHeight: 26
                        onClicked: menu.popup()
                        Accessible.name: qsTr("Conversation actions")
                    }
                }
                background: Rectangle {
                    radius: 8
                    color: item.current ? Theme.selection : item.hovered ? Theme.surfaceHover : "transparent"
                }
                Menu {
                    id: menu
                    MenuItem {
                        text: qsTr("Rename")
                        onTriggered: item.startRename()
                    }
                    MenuItem {
                        text: item.pinned ? qsTr("Unpin") : qsTr("Pin")
                        onTriggered: sidebar.chat.setPinned(item.conversationId, !item.pinned)
                    }
                    MenuItem {
                        text: qsTr("Delete")
                        onTriggered: sidebar.chat.deleteConversation(item.conversationId)
                    }
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

        // Undo for the last delete; the delete becomes final when this goes.
        Rectangle {
            objectName: "undoToast"
            visible: sidebar.chat.undoVisible
            Layout.fillWidth: true
            implicitHeight: 40
            radius: 8
            color: Theme.surface
            border.color: Theme.border
            RowLayout {
                anchors.fill: parent
                anchors.leftMargin: 10
                anchors.rightMargin: 4
                Label {
                    Layout.fillWidth: true
                    text: qsTr("Deleted \u201C%1\u201D").arg(sidebar.chat.undoTitle)
                    color: Theme.text
                    elide: Text.ElideRight
                    font.pixelSize: Theme.smallFontSize
                }
                ToolButton {
                    objectName: "undoButton"
                    text: qsTr("Undo")
                    font.pixelSize: Theme.smallFontSize
                    onClicked: sidebar.chat.undoDelete()
                }
            }
        }
    }
}
