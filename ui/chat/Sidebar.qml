// The conversation list: New chat (Ctrl+N) on top, then the conversations, pinned first and
// the rest grouped by date, the current one highlighted. Each has a menu (the ⋯ button or a
// right click): Rename (inline; also F2 or a double click), Pin/Unpin, Archive/Unarchive
// (also Ctrl+Shift+A for the open one), Export as Markdown or JSON, Delete. A deleted
// conversation can be brought back from the toast at the bottom for a few seconds. Archived
// conversations are listed, under "Archived" at the end, while the "Archived" button at the
// bottom is on; the ⋯ beside it imports a JSON export or exports every chat. The Search button
// above opens the search popup (searchRequested; Ctrl+K does the same); it finds archived
// conversations too.
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Conclave.Chat

Rectangle {
    id: sidebar
    objectName: "sidebar"

    required property ChatController chat

    signal searchRequested()

    // Each asks for a file with the one dialog, then runs its action on the chosen file.
    function exportConversation(id, title, format) {
        fileDialog.fileMode = FileDialog.SaveFile
        fileDialog.title = format === "markdown" ? qsTr("Export the conversation as Markdown")
                                                 : qsTr("Export the conversation as JSON")
        fileDialog.nameFilters = format === "markdown" ? [qsTr("Markdown (*.md)")] : [qsTr("JSON (*.json)")]
        fileDialog.selectedFile = sidebar.chat.transfer.suggestedFile(title, format)
        fileDialog.action = (url) => sidebar.chat.transfer.exportConversation(id, url, format)
        fileDialog.open()
    }
    function exportAll() {
        fileDialog.fileMode = FileDialog.SaveFile
        fileDialog.title = qsTr("Export all conversations as JSON")
        fileDialog.nameFilters = [qsTr("JSON (*.json)")]
        fileDialog.selectedFile = sidebar.chat.transfer.suggestedFile(qsTr("Conclave conversations"), "json")
        fileDialog.action = (url) => sidebar.chat.transfer.exportAll(url)
        fileDialog.open()
    }
    function importConversations() {
        fileDialog.fileMode = FileDialog.OpenFile
        fileDialog.currentFolder = sidebar.chat.transfer.startFolder()
        fileDialog.title = qsTr("Import conversations")
        fileDialog.nameFilters = [qsTr("Conclave export (*.json)"), qsTr("All files (*)")]
        fileDialog.action = (url) => sidebar.chat.transfer.importFile(url)
        fileDialog.open()
    }

    FileDialog {
        id: fileDialog
        property var action: null
        onAccepted: if (action) action(selectedFile)
    }

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
                required property bool archived
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

                // F2 renames; the Menu key (or Shift+F10) opens the row's menu, as a right click.
                Keys.onPressed: (event) => {
                    if (event.key === Qt.Key_F2) { item.startRename(); event.accepted = true }
                    else if (event.key === Qt.Key_Menu || (event.key === Qt.Key_F10 && (event.modifiers & Qt.ShiftModifier))) {
                        menu.popup(item, 0, item.height)
                        event.accepted = true
                    }
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
                        objectName: "archiveItem"
                        text: item.archived ? qsTr("Unarchive") : qsTr("Archive")
                        onTriggered: sidebar.chat.setArchived(item.conversationId, !item.archived)
                    }
                    MenuItem {
                        text: qsTr("Export as Markdown\u2026")
                        onTriggered: sidebar.exportConversation(item.conversationId, item.title, "markdown")
                    }
                    MenuItem {
                        text: qsTr("Export as JSON\u2026")
                        onTriggered: sidebar.exportConversation(item.conversationId, item.title, "json")
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

        // Archived conversations on or off; import and export of every chat.
        RowLayout {
            Layout.fillWidth: true
            spacing: 4
            Button {
                id: archivedToggle
                objectName: "archivedToggle"
                Layout.fillWidth: true
                flat: true
                checkable: true
                checked: sidebar.chat.conversations.showArchived
                enabled: checked || sidebar.chat.conversations.archivedCount > 0
                onToggled: sidebar.chat.conversations.showArchived = checked
                text: checked ? qsTr("Hide archived (%1)").arg(sidebar.chat.conversations.archivedCount)
                              : qsTr("Show archived (%1)").arg(sidebar.chat.conversations.archivedCount)
                font.pixelSize: Theme.smallFontSize
                Accessible.name: text
            }
            ToolButton {
                objectName: "transferMenuButton"
                text: "\u22EF"
                implicitWidth: 30
                onClicked: transferMenu.popup()
                Accessible.name: qsTr("Import and export")
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Import and export")
                Menu {
                    id: transferMenu
                    MenuItem {
                        objectName: "importItem"
                        text: qsTr("Import conversations\u2026")
                        onTriggered: sidebar.importConversations()
                    }
                    MenuItem {
                        objectName: "exportAllItem"
                        text: qsTr("Export all conversations\u2026")
                        onTriggered: sidebar.exportAll()
                    }
                }
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
