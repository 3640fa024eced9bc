// One fenced code block of an answer: a header with the language and a Copy button, then the
// code in a monospaced font, scrolling sideways instead of wrapping. Once the block is
// complete it is coloured by KDE Syntax Highlighting (HighlightedCode, off the GUI thread) in
// the theme's light or dark palette; until then, and for unknown languages, it is plain.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Conclave.Chat

Rectangle {
    id: block
    objectName: "codeBlock"

    property string code
    property string language
    property bool open: false
    // The chat's blocks offer "Open in code panel"; the panel's own answer does not.
    property bool showOpenInPanel: true

    signal openInPanelRequested(string code, string language)

    implicitHeight: header.height + flick.height
    radius: 8
    color: Theme.codeBackground
    border.color: Theme.border
    clip: true

    HighlightedCode {
        id: highlighted
        code: block.code
        language: block.language
        dark: Theme.dark
        active: !block.open
    }

    Rectangle {
        id: header
        width: parent.width
        height: 32
        color: Theme.codeHeader
        radius: 8
        Rectangle { // square the header's lower corners
            anchors.bottom: parent.bottom
            width: parent.width
            height: 8
            color: parent.color
        }
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: 12
            anchors.rightMargin: 4
            Label {
                objectName: "codeLanguage"
                Layout.fillWidth: true
                text: block.language.length > 0 ? block.language : qsTr("code")
                color: Theme.mutedText
                font.pixelSize: Theme.smallFontSize
                font.family: Theme.monoFamily
            }
            ToolButton {
                objectName: "openInPanelButton"
                visible: block.showOpenInPanel
                text: qsTr("Open in code panel")
                font.pixelSize: Theme.smallFontSize
                enabled: !block.open
                Accessible.name: qsTr("Open the code in the code panel")
                onClicked: block.openInPanelRequested(block.code, block.language)
            }
            ToolButton {
                id: copyButton
                property bool copied: false
                text: copied ? qsTr("Copied") : qsTr("Copy")
                font.pixelSize: Theme.smallFontSize
                enabled: !block.open
                Accessible.name: qsTr("Copy code")
                onClicked: {
                    highlighted.copyToClipboard()
                    copied = true
                    copiedTimer.restart()
                }
                Timer {
                    id: copiedTimer
                    interval: 1500
                    onTriggered: copyButton.copied = false
                }
            }
        }
    }

    Flickable {
        id: flick
        anchors.top: header.bottom
        width: parent.width
        height: codeText.implicitHeight
        contentWidth: Math.max(width, codeText.implicitWidth)
        contentHeight: codeText.implicitHeight
        flickableDirection: Flickable.HorizontalFlick
        boundsBehavior: Flickable.StopAtBounds
        ScrollBar.horizontal: ScrollBar { policy: flick.contentWidth > flick.width ? ScrollBar.AsNeeded : ScrollBar.AlwaysOff }

        TextEdit {
            id: codeText
            objectName: "codeText"
            padding: 12
            readonly property bool coloured: highlighted.richText.length > 0
            text: coloured ? highlighted.richText : block.code
            textFormat: coloured ? TextEdit.RichText : TextEdit.PlainText
            readOnly: true
            selectByMouse: true
            wrapMode: TextEdit.NoWrap
            color: Theme.text
            selectionColor: Theme.selection
            selectedTextColor: Theme.text
            font.family: Theme.monoFamily
            font.pixelSize: 13
        }
    }
}
