// One model in the picker's list: its name, where it was found, and its facts (parameters,
// architecture, quantization, size). A missing or unusable file is dimmed with the reason.
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

    hoverEnabled: true
    leftPadding: 14
    rightPadding: 14
    topPadding: 6
    bottomPadding: 6
    Accessible.name: qsTr("%1, %2").arg(row.name).arg(row.problem || row.facts)
    background: Rectangle {
        color: row.highlighted ? Theme.selection : (row.hovered ? Theme.surfaceHover : "transparent")
    }
    contentItem: ColumnLayout {
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
}
