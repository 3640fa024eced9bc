// The proposed change as a unified diff: hunk headers, removed lines on red, added on green,
// the changed words inside them marked more strongly (the controller's diffRows), each line
// with its old and new number.
import QtQuick
import QtQuick.Controls
import Conclave.Chat

ListView {
    id: diff
    objectName: "diffView"

    property var rows: []

    model: rows
    clip: true
    boundsBehavior: Flickable.StopAtBounds
    ScrollBar.vertical: ScrollBar {}
    contentWidth: Math.max(width, widest + 100)
    flickableDirection: Flickable.AutoFlickIfNeeded
    property real widest: 0

    delegate: Rectangle {
        required property var modelData
        width: Math.max(diff.width, line.implicitWidth + line.x + 8)
        height: line.implicitHeight + 2
        color: modelData.kind === "added" ? (Theme.dark ? "#1d3b27" : "#e6ffec")
             : modelData.kind === "removed" ? (Theme.dark ? "#46262a" : "#ffebe9")
             : modelData.kind === "hunk" ? Theme.codeHeader : "transparent"
        Component.onCompleted: diff.widest = Math.max(diff.widest, line.implicitWidth)

        Text {
            id: numbers
            width: 72
            anchors.verticalCenter: parent.verticalCenter
            font.family: Theme.monoFamily
            font.pixelSize: 12
            color: Theme.mutedText
            text: parent.modelData.kind === "hunk" ? ""
                : (parent.modelData.oldNumber > 0 ? String(parent.modelData.oldNumber).padStart(4) : "    ") + " "
                  + (parent.modelData.newNumber > 0 ? String(parent.modelData.newNumber).padStart(4) : "    ")
        }
        Text {
            id: line
            x: numbers.width + 4
            anchors.verticalCenter: parent.verticalCenter
            textFormat: Text.RichText
            font.family: Theme.monoFamily
            font.pixelSize: 12
            color: parent.modelData.kind === "hunk" ? Theme.mutedText : Theme.text
            text: (parent.modelData.kind === "added" ? "+" : parent.modelData.kind === "removed" ? "−"
                   : parent.modelData.kind === "hunk" ? "" : "&nbsp;") + "&nbsp;" + parent.modelData.html
        }
    }
}
