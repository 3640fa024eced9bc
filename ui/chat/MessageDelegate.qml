// One message of the chat view. User messages sit in a bubble on the right; answers take the
// full column: the model's name, a collapsible "Thinking" section for reasoning models, the
// answer as Markdown with code blocks in their own frames, then the answer's figures and its
// actions (copy, regenerate). Streaming answers show a pulsing cursor until text arrives.
// A message with other versions (regenerated answers, edited questions) shows ‹ 2/3 › to
// move between them; a user message has Edit, which puts its text back in the composer.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

Item {
    id: delegate

    required property int index
    required property string roleName
    required property string text
    required property string reasoning
    required property bool reasoningOpen
    required property string messageState
    required property var blocks
    required property string modelName
    required property string error
    required property string statsText
    required property int siblingIndex
    required property int siblingCount

    property bool isLast: false
    property bool canRegenerate: false
    property bool showReasoning: false
    property bool canSwitch: true // false while an answer streams

    signal copyRequested(int row)
    signal regenerateRequested()
    signal siblingRequested(int row, int delta)
    signal editRequested(int row, string text)
    signal openInPanelRequested(string code, string language)

    readonly property bool isUser: roleName === "user"
    readonly property bool streaming: messageState === "streaming"

    objectName: "message" + index
    implicitHeight: column.implicitHeight + 20

    HoverHandler { id: hover }

    ColumnLayout {
        id: column
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.topMargin: 10
        spacing: 6

        // User message: a bubble on the right.
        Rectangle {
            visible: delegate.isUser
            Layout.alignment: Qt.AlignRight
            Layout.maximumWidth: column.width * 0.8
            Layout.preferredWidth: Math.min(userText.implicitWidth, column.width * 0.8)
            implicitHeight: userText.implicitHeight
            radius: 14
            color: Theme.surface
            TextEdit {
                id: userText
                width: parent.width
                padding: 12
                leftPadding: 16
                rightPadding: 16
                text: delegate.isUser ? delegate.text : ""
                textFormat: TextEdit.PlainText
                wrapMode: TextEdit.Wrap
                readOnly: true
                selectByMouse: true
                color: Theme.text
                selectionColor: Theme.selection
                selectedTextColor: Theme.text
                font.pixelSize: Theme.fontSize
            }
        }

        // User message: its versions and Edit, under the bubble; Edit shows on hover or
        // keyboard focus (opacity, so the layout never jumps).
        RowLayout {
            visible: delegate.isUser
            Layout.alignment: Qt.AlignRight
            spacing: 2
            opacity: hover.hovered || editButton.activeFocus || delegate.siblingCount > 1 ? 1 : 0
            BranchSwitcher {
                index: delegate.siblingIndex
                count: delegate.siblingCount
                enabled: delegate.canSwitch
                onMoveRequested: (delta) => delegate.siblingRequested(delegate.index, delta)
            }
            ToolButton {
                id: editButton
                objectName: "editButton"
                text: qsTr("Edit")
                enabled: delegate.canSwitch
                font.pixelSize: Theme.smallFontSize
                onClicked: delegate.editRequested(delegate.index, delegate.text)
                Accessible.name: qsTr("Edit message")
            }
        }

        // Answer.
        Label {
            visible: !delegate.isUser
            text: delegate.modelName.length > 0 ? delegate.modelName : qsTr("Assistant")
            color: Theme.mutedText
            font.pixelSize: Theme.smallFontSize
            font.weight: Font.DemiBold
        }

        // Reasoning ("thinking"), collapsed unless it is still being written.
        ColumnLayout {
            visible: !delegate.isUser && delegate.reasoning.length > 0
            Layout.fillWidth: true
            spacing: 4
            AbstractButton {
                id: reasoningToggle
                objectName: "reasoningToggle"
                Layout.preferredHeight: 26
                implicitWidth: reasoningLabel.implicitWidth + 8
                onClicked: delegate.showReasoning = !delegate.showReasoning
                Accessible.name: delegate.reasoningOpen ? qsTr("Thinking\u2026") : qsTr("Thought process")
                contentItem: Label {
                    id: reasoningLabel
                    text: (delegate.showReasoning || delegate.reasoningOpen ? "\u25BE " : "\u25B8 ")
                          + (delegate.reasoningOpen ? qsTr("Thinking\u2026") : qsTr("Thought process"))
                    color: Theme.mutedText
                    font.pixelSize: Theme.smallFontSize
                }
            }
            Rectangle {
                visible: delegate.showReasoning || delegate.reasoningOpen
                Layout.fillWidth: true
                implicitHeight: reasoningText.implicitHeight
                color: "transparent"
                Rectangle {
                    width: 2
                    height: parent.height
                    color: Theme.border
                }
                TextEdit {
                    id: reasoningText
                    width: parent.width
                    leftPadding: 14
                    text: delegate.reasoning
                    textFormat: TextEdit.PlainText
                    wrapMode: TextEdit.Wrap
                    readOnly: true
                    selectByMouse: true
                    color: Theme.mutedText
                    font.pixelSize: Theme.fontSize - 1
                }
            }
        }

        Repeater {
            model: delegate.isUser ? 0 : delegate.blocks.length
            delegate: Loader {
                id: blockLoader
                required property int index
                readonly property var block: delegate.blocks[index] || ({})
                Layout.fillWidth: true
                sourceComponent: block.kind === "code" ? codeComponent : proseComponent

                Component {
                    id: proseComponent
                    TextEdit {
                        objectName: "prose"
                        text: blockLoader.block.text || ""
                        textFormat: TextEdit.MarkdownText
                        wrapMode: TextEdit.Wrap
                        readOnly: true
                        selectByMouse: true
                        color: Theme.text
                        selectionColor: Theme.selection
                        selectedTextColor: Theme.text
                        font.pixelSize: Theme.fontSize
                        onLinkActivated: (link) => Qt.openUrlExternally(link)
                    }
                }
                Component {
                    id: codeComponent
                    CodeBlock {
                        code: blockLoader.block.text || ""
                        language: blockLoader.block.language || ""
                        // A fence left open by an answer that has ended (a token limit, Stop)
                        // is as complete as it will get.
                        open: !!blockLoader.block.open && delegate.streaming
                        onOpenInPanelRequested: (code, language) => delegate.openInPanelRequested(code, language)
                    }
                }
            }
        }

        // Waiting for the first token.
        Rectangle {
            visible: delegate.streaming && delegate.text.length === 0
            width: 10
            height: 10
            radius: 5
            color: Theme.accent
            SequentialAnimation on opacity {
                running: delegate.streaming
                loops: Animation.Infinite
                NumberAnimation { from: 1; to: 0.25; duration: 600 }
                NumberAnimation { from: 0.25; to: 1; duration: 600 }
            }
        }

        Label {
            visible: !delegate.isUser && delegate.error.length > 0
            Layout.fillWidth: true
            text: delegate.error
            color: Theme.danger
            wrapMode: Text.WordWrap
            textFormat: Text.PlainText
        }

        RowLayout {
            visible: !delegate.isUser && !delegate.streaming
            Layout.fillWidth: true
            spacing: 2
            Label {
                objectName: "stats"
                Layout.fillWidth: true
                text: delegate.statsText
                color: delegate.messageState === "stopped" ? Theme.warning : Theme.mutedText
                font.pixelSize: Theme.smallFontSize
                elide: Text.ElideRight
            }
            BranchSwitcher {
                index: delegate.siblingIndex
                count: delegate.siblingCount
                enabled: delegate.canSwitch
                onMoveRequested: (delta) => delegate.siblingRequested(delegate.index, delta)
            }
            ToolButton {
                text: qsTr("Copy")
                font.pixelSize: Theme.smallFontSize
                onClicked: delegate.copyRequested(delegate.index)
                Accessible.name: qsTr("Copy answer")
            }
            ToolButton {
                objectName: "regenerateButton"
                visible: delegate.isLast
                enabled: delegate.canRegenerate
                text: qsTr("Regenerate")
                Accessible.name: qsTr("Regenerate the answer")
                font.pixelSize: Theme.smallFontSize
                onClicked: delegate.regenerateRequested()
            }
        }
        Label {
            visible: !delegate.isUser && delegate.streaming && delegate.text.length > 0
            text: delegate.statsText
            color: Theme.mutedText
            font.pixelSize: Theme.smallFontSize
        }
    }
}
