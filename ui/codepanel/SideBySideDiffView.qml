// The proposed change side by side: the code before on the left, after on the right, each
// change's removed and added lines facing each other with their changed words marked (the
// controller's sideBySideRows), a line alone where the other side has none.
import QtQuick
import QtQuick.Controls
import Conclave.Chat

ListView {
    id: diff
    objectName: "sideBySideDiffView"

    property var rows: []

    model: rows
    clip: true
    boundsBehavior: Flickable.StopAtBounds
    ScrollBar.vertical: ScrollBar {}

    component Half: Rectangle {
        property int number: 0
        property string html: ""
        property bool removedSide: false
        property string kind: "context"
        readonly property bool coloured: kind === "changed" || (kind === "removed" && removedSide)
                                         || (kind === "added" && !removedSide)
        clip: true
        color: kind === "hunk" ? Theme.codeHeader
             : !coloured ? "transparent"
             : removedSide ? (Theme.dark ? "#46262a" : "#ffebe9")
             : (Theme.dark ? "#1d3b27" : "#e6ffec")
        Text {
            id: lineNumber
            width: 36
            anchors.verticalCenter: parent.verticalCenter
            horizontalAlignment: Text.AlignRight
            font.family: Theme.monoFamily
            font.pixelSize: 12
            color: Theme.mutedText
            text: parent.number > 0 ? parent.number : ""
        }
        Text {
            x: lineNumber.width + 8
            anchors.verticalCenter: parent.verticalCenter
            textFormat: Text.RichText
            font.family: Theme.monoFamily
            font.pixelSize: 12
            color: parent.kind === "hunk" ? Theme.mutedText : Theme.text
            text: parent.html
        }
    }

    delegate: Row {
        required property var modelData
        width: diff.width
        height: 18
        Half {
            width: parent.width / 2 - 1
            height: parent.height
            number: parent.modelData.oldNumber
            html: parent.modelData.oldHtml
            kind: parent.modelData.kind
            removedSide: true
        }
        Rectangle { width: 2; height: parent.height; color: Theme.border }
        Half {
            width: parent.width / 2 - 1
            height: parent.height
            number: parent.modelData.newNumber
            html: parent.modelData.newHtml
            kind: parent.modelData.kind
        }
    }
}
