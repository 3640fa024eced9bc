// One model in the picker's list: its name, where it was found, and its facts (parameters,
// architecture, quantization, size). A missing or unusable file is dimmed with the reason.
// The star adds the model to the favourites (or takes it out); the ⋯ button (or a right
// click) asks the picker for the row's menu: favourite, "Locate…" for a missing file,
// "Remove from recent" for a remembered model.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Conclave.Chat

ItemDelegate {
    id: row

    required property int index
    required property string name
    required property string fileName
    required property string location
    required property string facts
    required property string problem
    required property bool missing
    required property bool favourite
    required property bool remembered

    signal favouriteToggled()
    signal menuRequested(Item anchor)

    hoverEnabled: true
    leftPadding: 6
    rightPadding: 6
    topPadding: 6
    bottomPadding: 6
    Accessible.name: row.favourite
        ? qsTr("%1 (favourite), %2").arg(row.name).arg(row.problem || row.facts)
        : qsTr("%1, %2").arg(row.name).arg(row.problem || row.facts)
    background: Rectangle {
        color: row.highlighted ? Theme.selection : (row.hovered ? Theme.surfaceHover : "transparent")
    }

    TapHandler {
        acceptedButtons: Qt.RightButton
        onTapped: row.menuRequested(row)
    }

    contentItem: RowLayout {
        spacing: 4
        ToolButton {
            objectName: "favouriteButton"
            text: row.favourite ? "\u2605" : "\u2606"
            font.pixelSize: 16
            focusPolicy: Qt.TabFocus
            palette.buttonText: row.favourite ? Theme.accent : Theme.mutedText
            onClicked: row.favouriteToggled()
            ToolTip.visible: hovered
            ToolTip.text: row.favourite ? qsTr("Remove from favourites") : qsTr("Add to favourites")
            Accessible.name: row.favourite ? qsTr("Remove %1 from favourites").arg(row.name)
                                           : qsTr("Add %1 to favourites").arg(row.name)
        }
        ColumnLayout {
            Layout.fillWidth: true
            spacing: 2
            opacity: row.missing || row.problem !== "" ? 0.6 : 1
            RowLayout {
                Layout.fillWidth: true
                Label {
                    Layout.fillWidth: true
                    text: row.name
                    color: Theme.text
                    font.weight: Font.DemiBold
                    elide: Text.ElideRight
                }
                Label {
                    text: row.facts
                    color: Theme.mutedText
                    font.pixelSize: Theme.smallFontSize
                }
            }
            Label {
                Layout.fillWidth: true
                text: row.problem !== "" ? row.problem : qsTr("%1 \u00B7 %2").arg(row.fileName).arg(row.location)
                color: row.problem !== "" ? Theme.danger : Theme.mutedText
                font.pixelSize: Theme.smallFontSize
                elide: Text.ElideMiddle
            }
        }
        ToolButton {
            id: menuButton
            objectName: "rowMenuButton"
            text: "\u22EF"
            focusPolicy: Qt.TabFocus
            onClicked: row.menuRequested(menuButton)
            ToolTip.visible: hovered
            ToolTip.text: qsTr("More actions")
            Accessible.name: qsTr("Actions for %1").arg(row.name)
        }
    }
}
