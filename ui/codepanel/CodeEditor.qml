// The code panel's editor: monospaced, no wrapping, line numbers in a gutter that scrolls with
// the text, coloured by KDE Syntax Highlighting (CodeEditorHighlighter). Tabs are kept as
// typed. The text is the controller's document; edits go back to it.
import QtQuick
import QtQuick.Controls
import Conclave.Chat
import Conclave.CodePanel

Rectangle {
    id: editor
    objectName: "codeEditor"

    property alias text: area.text
    property alias textArea: area
    property string language
    readonly property int selectionStart: area.selectionStart
    readonly property int selectionEnd: area.selectionEnd
    readonly property int lineCount: area.lineCount

    signal edited(string text)

    color: Theme.codeBackground
    border.color: Theme.border
    radius: 6
    clip: true

    function forceEditorFocus() { area.forceActiveFocus() }

    CodeEditorHighlighter {
        id: highlighter
        objectName: "codeEditorHighlighter"
        document: area.textDocument
        language: editor.language
        dark: Theme.dark
    }

    Rectangle {
        id: gutter
        width: numbers.width + 16
        height: parent.height
        color: Theme.codeHeader
        radius: 6

        // One text item for all the numbers: a file of tens of thousands of lines stays cheap.
        Text {
            id: numbers
            objectName: "lineNumbers"
            x: 8
            y: area.topPadding - scroll.contentItem.contentY
            width: Math.max(24, metrics.advanceWidth)
            horizontalAlignment: Text.AlignRight
            font: area.font
            color: Theme.mutedText
            text: {
                const lines = []
                for (let i = 1; i <= area.lineCount; ++i) lines.push(i)
                return lines.join("\n")
            }
            TextMetrics {
                id: metrics
                font: area.font
                text: String(Math.max(99, area.lineCount))
            }
        }
    }

    TextMetrics {
        id: tabMetrics
        font: area.font
        text: "    "
    }

    ScrollView {
        id: scroll
        anchors.left: gutter.right
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.bottom: parent.bottom

        TextArea {
            id: area
            objectName: "codeEditorText"
            font.family: Theme.monoFamily
            font.pixelSize: 13
            wrapMode: TextEdit.NoWrap
            textFormat: TextEdit.PlainText
            selectByMouse: true
            persistentSelection: true
            color: Theme.text
            selectionColor: Theme.selection
            selectedTextColor: Theme.text
            tabStopDistance: tabMetrics.advanceWidth
            placeholderText: qsTr("Paste code here, or open a file (Ctrl+O) or drop one.")
            placeholderTextColor: Theme.mutedText
            background: null
            Accessible.name: qsTr("Code")
            onTextChanged: editor.edited(text)
        }
    }
}
