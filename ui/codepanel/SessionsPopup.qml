// The code panel's recent sessions (newest first; older ones are found by search, Ctrl+K):
// click one to open it in the panel, ✕ deletes it; the panel offers Undo for a few seconds
// (CodePanelSessionList). The session shown in the panel is in bold.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Conclave.Chat
import Conclave.CodePanel

Popup {
    id: popup
    objectName: "sessionsPopup"

    required property CodePanelController controller

    padding: 4
    implicitHeight: Math.min(list.contentHeight, 320) + topPadding + bottomPadding
    onAboutToShow: controller.sessionList.refresh()

    background: Rectangle {
        radius: 8
        color: Theme.background
        border.color: Theme.border
    }

    ListView {
        id: list
        objectName: "sessionList"
        anchors.fill: parent
        implicitHeight: Math.max(contentHeight, 34)
        clip: true
        model: popup.controller.sessionList
        delegate: ItemDelegate {
            id: row
            required property var sessionId
            required property string title
            required property date updated
            readonly property bool current: sessionId === popup.controller.sessionId
            objectName: "panelSession" + sessionId
            width: ListView.view.width
            implicitHeight: 34
            hoverEnabled: true
            Accessible.name: title
            onClicked: {
                popup.controller.openSession(sessionId)
                popup.close()
            }
            contentItem: RowLayout {
                spacing: 6
                Label {
                    Layout.fillWidth: true
                    text: row.title
                    color: Theme.text
                    elide: Text.ElideRight
                    font.weight: row.current ? Font.DemiBold : Font.Normal
                }
                Label {
                    text: row.updated.toLocaleDateString(Qt.locale(), Locale.ShortFormat)
                    color: Theme.mutedText
                    font.pixelSize: Theme.smallFontSize
                }
                ToolButton {
                    objectName: "deleteSessionButton"
                    text: "\u2715"
                    implicitWidth: 26
                    implicitHeight: 26
                    enabled: !(row.current && popup.controller.busy)
                    Accessible.name: qsTr("Delete the session")
                    onClicked: popup.controller.deleteSession(row.sessionId)
                }
            }
            background: Rectangle {
                radius: 6
                color: row.current ? Theme.selection : row.hovered ? Theme.surfaceHover : "transparent"
            }
        }
        Label {
            anchors.centerIn: parent
            visible: list.count === 0
            text: qsTr("No sessions yet")
            color: Theme.mutedText
            font.pixelSize: Theme.smallFontSize
        }
    }
}
