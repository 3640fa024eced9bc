// The code-assistant side panel (issue 8): the code on top (open, drop, paste, edit, save),
// the tasks below it, then the model's answer (Markdown, code highlighted) with Stop, Retry
// and tokens/s, and for the tasks that change code the proposed change as a diff with Apply,
// Copy as unified diff and Copy code. Ctrl+O and Ctrl+S act on the panel while it has focus.
// The ☰ button lists the recent sessions (open, delete with Undo at the bottom).
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Conclave.Chat
import Conclave.CodePanel

FocusScope {
    id: panel
    objectName: "codePanel"

    required property CodePanelController controller

    readonly property bool hasSelection: editor.selectionEnd > editor.selectionStart

    function openFileDialog() { openDialog.open() }
    function save() {
        if (controller.filePath.length === 0) saveDialog.open()
        else controller.saveFile(false)
    }
    function run(task, detail, target) {
        controller.runTask(task, detail || "", target || "", editor.selectionStart, editor.selectionEnd)
    }

    // One sequence each: the standard keys are Ctrl+O and Ctrl+S on every platform, and a key
    // listed twice (StandardKey.Save and "Ctrl+S") makes the shortcut ambiguous: it never fires.
    Shortcut {
        sequence: StandardKey.Open
        enabled: panel.activeFocus
        onActivated: panel.openFileDialog()
    }
    Shortcut {
        sequence: StandardKey.Save
        enabled: panel.activeFocus
        onActivated: panel.save()
    }

    FileDialog {
        id: openDialog
        title: qsTr("Open a source file")
        onAccepted: panel.controller.openFile(selectedFile)
    }
    FileDialog {
        id: saveDialog
        title: qsTr("Save the code")
        fileMode: FileDialog.SaveFile
        onAccepted: panel.controller.saveFileAs(selectedFile)
    }

    // The editor follows the document when it changes from outside (open, Apply, a restored
    // session), not while the user types.
    Connections {
        target: panel.controller
        function onDocumentChanged() {
            if (editor.text !== panel.controller.code) editor.text = panel.controller.code
        }
    }
    Component.onCompleted: editor.text = controller.code

    DropArea {
        anchors.fill: parent
        keys: ["text/uri-list"]
        onDropped: (drop) => {
            if (drop.hasUrls && drop.urls.length > 0) {
                panel.controller.openFile(drop.urls[0])
                drop.accept()
            }
        }
    }

    Rectangle {
        anchors.fill: parent
        color: Theme.background
        border.color: Theme.border
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 8
        spacing: 6

        // --- header: sessions, file, language, close; then the actions ---
        RowLayout {
            Layout.fillWidth: true
            spacing: 4
            ToolButton {
                id: sessionsButton
                objectName: "sessionsButton"
                text: "\u2630"
                Accessible.name: qsTr("Recent sessions")
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Recent sessions")
                onClicked: sessionsPopup.opened ? sessionsPopup.close() : sessionsPopup.open()
                SessionsPopup {
                    id: sessionsPopup
                    y: sessionsButton.height
                    width: Math.min(360, panel.width - 16)
                    controller: panel.controller
                }
            }
            Label {
                objectName: "codePanelTitle"
                Layout.fillWidth: true
                elide: Text.ElideMiddle
                font.bold: true
                color: Theme.text
                text: (panel.controller.fileName.length > 0 ? panel.controller.fileName : qsTr("Code"))
                      + (panel.controller.modified && panel.controller.fileName.length > 0 ? " ●" : "")
                ToolTip.visible: titleHover.hovered && panel.controller.filePath.length > 0
                ToolTip.text: panel.controller.filePath
                HoverHandler { id: titleHover }
            }
            ComboBox {
                id: languageBox
                objectName: "languageBox"
                Layout.preferredWidth: 130
                model: panel.controller.languages
                textRole: "name"
                valueRole: "id"
                currentIndex: Math.max(0, indexOfValue(panel.controller.languageId))
                onActivated: panel.controller.setLanguage(currentValue)
                Accessible.name: qsTr("Language")
                Connections {
                    target: panel.controller
                    function onDocumentChanged() {
                        languageBox.currentIndex = Math.max(0, languageBox.indexOfValue(panel.controller.languageId))
                    }
                }
            }
            ToolButton {
                objectName: "closePanelButton"
                text: "\u2715"
                Accessible.name: qsTr("Close the code panel")
                onClicked: panel.controller.panelVisible = false
            }
        }
        // The document's actions, on their own line; they wrap in a narrow panel.
        Flow {
            Layout.fillWidth: true
            spacing: 4
            ToolButton {
                objectName: "newButton"
                text: qsTr("New")
                Accessible.name: qsTr("Start with an empty code panel")
                onClicked: {
                    panel.controller.newDocument()
                    editor.forceEditorFocus()
                }
            }
            ToolButton {
                text: qsTr("Open")
                Accessible.name: qsTr("Open a file in the code panel")
                onClicked: panel.openFileDialog()
            }
            ToolButton {
                objectName: "saveButton"
                text: qsTr("Save")
                enabled: panel.controller.code.length > 0
                Accessible.name: qsTr("Save the code to its file")
                onClicked: panel.save()
            }
            ToolButton {
                objectName: "discussButton"
                text: qsTr("Discuss in chat")
                enabled: panel.controller.code.trim().length > 0
                Accessible.name: qsTr("Discuss the code in a new chat")
                onClicked: panel.controller.discussInChat()
            }
        }

        // --- notices: a save conflict, a file that could not be read, ... ---
        Rectangle {
            Layout.fillWidth: true
            visible: panel.controller.saveConflict
            implicitHeight: conflictRow.implicitHeight + 12
            radius: 6
            color: Theme.dangerSurface
            RowLayout {
                id: conflictRow
                anchors.fill: parent
                anchors.margins: 6
                Label {
                    Layout.fillWidth: true
                    wrapMode: Text.WordWrap
                    color: Theme.text
                    text: qsTr("“%1” changed on disk since it was opened. Overwrite it?").arg(panel.controller.fileName)
                }
                Button {
                    objectName: "overwriteButton"
                    text: qsTr("Overwrite")
                    onClicked: panel.controller.saveFile(true)
                }
                Button {
                    text: qsTr("Cancel")
                    onClicked: panel.controller.cancelSave()
                }
            }
        }
        Rectangle {
            Layout.fillWidth: true
            visible: panel.controller.notice.length > 0
            implicitHeight: noticeRow.implicitHeight + 12
            radius: 6
            color: Theme.surface
            RowLayout {
                id: noticeRow
                anchors.fill: parent
                anchors.margins: 6
                Label {
                    objectName: "codePanelNotice"
                    Layout.fillWidth: true
                    wrapMode: Text.WordWrap
                    color: Theme.warning
                    text: panel.controller.notice
                }
                ToolButton {
                    text: "\u2715"
                    Accessible.name: qsTr("Dismiss")
                    onClicked: panel.controller.dismissNotice()
                }
            }
        }

        SplitView {
            Layout.fillWidth: true
            Layout.fillHeight: true
            orientation: Qt.Vertical

            CodeEditor {
                id: editor
                SplitView.fillHeight: true
                SplitView.minimumHeight: 120
                language: panel.controller.languageId
                onEdited: (text) => panel.controller.setCode(text)
                onSelectionEndChanged: countTimer.restart()
                Timer {
                    id: countTimer
                    interval: 400
                    onTriggered: panel.controller.countTokens(editor.selectionStart, editor.selectionEnd)
                }
            }

            ColumnLayout {
                SplitView.preferredHeight: panel.height * 0.45
                SplitView.minimumHeight: 160
                spacing: 6

                // --- size against the context ---
                Label {
                    objectName: "tokenCount"
                    Layout.fillWidth: true
                    wrapMode: Text.WordWrap
                    font.pixelSize: Theme.smallFontSize
                    color: panel.controller.tooLarge ? Theme.danger : Theme.mutedText
                    visible: panel.controller.promptTokens >= 0
                    text: (panel.hasSelection ? qsTr("The selection: %1 of %2 tokens of context")
                                              : qsTr("The code: %1 of %2 tokens of context"))
                              .arg(panel.controller.promptTokens).arg(panel.controller.contextSize)
                          + (panel.controller.tooLarge ? " — " + (panel.hasSelection
                              ? qsTr("too large: select less")
                              : qsTr("too large for the model: select a part, and tasks use the selection")) : "")
                }

                // --- tasks ---
                Flow {
                    Layout.fillWidth: true
                    spacing: 4
                    enabled: panel.controller.canRun
                    Repeater {
                        model: [
                            { task: "explain", label: qsTr("Explain") },
                            { task: "review", label: qsTr("Review") },
                            { task: "fix", label: qsTr("Fix") },
                            { task: "write_tests", label: qsTr("Write tests") },
                            { task: "document", label: qsTr("Document") }
                        ]
                        Button {
                            required property var modelData
                            objectName: "task_" + modelData.task
                            text: modelData.label
                            Accessible.name: text
                            onClicked: panel.run(modelData.task, modelData.task === "fix" ? instruction.text : "")
                        }
                    }
                    Button {
                        objectName: "task_convert"
                        text: qsTr("Convert to")
                        Accessible.name: qsTr("Convert to another language")
                        onClicked: panel.run("convert", "", targetBox.currentValue)
                    }
                    ComboBox {
                        id: targetBox
                        objectName: "convertTarget"
                        width: 120
                        model: panel.controller.languages.slice(1)
                        textRole: "name"
                        valueRole: "id"
                        Accessible.name: qsTr("Language to convert to")
                    }
                }
                RowLayout {
                    Layout.fillWidth: true
                    TextField {
                        id: instruction
                        objectName: "instructionField"
                        Layout.fillWidth: true
                        placeholderText: qsTr("An instruction, or the problem for Fix")
                        Accessible.name: qsTr("Instruction")
                        onAccepted: if (text.trim().length > 0) panel.run("instruction", text)
                    }
                    Button {
                        objectName: "task_instruction"
                        text: qsTr("Ask")
                        enabled: panel.controller.canRun && instruction.text.trim().length > 0
                        Accessible.name: qsTr("Ask the model to follow the instruction")
                        onClicked: panel.run("instruction", instruction.text)
                    }
                }

                // --- the answer ---
                RowLayout {
                    Layout.fillWidth: true
                    visible: panel.controller.answerStatus.length > 0 || panel.controller.busy
                    Label {
                        objectName: "answerStatus"
                        Layout.fillWidth: true
                        elide: Text.ElideRight
                        font.pixelSize: Theme.smallFontSize
                        color: Theme.mutedText
                        text: panel.controller.answerStatus
                              + (panel.controller.busy && panel.controller.tokensPerSecond > 0
                                 ? " · " + qsTr("%1 tok/s").arg(panel.controller.tokensPerSecond.toFixed(1)) : "")
                    }
                    Button {
                        objectName: "stopButton"
                        visible: panel.controller.busy
                        text: qsTr("Stop")
                        onClicked: panel.controller.stop()
                    }
                    Button {
                        objectName: "retryButton"
                        visible: panel.controller.canRetry
                        enabled: panel.controller.canRun
                        text: qsTr("Retry")
                        onClicked: panel.controller.retry()
                    }
                }

                TabBar {
                    id: resultTabs
                    Layout.fillWidth: true
                    visible: panel.controller.hasProposal
                    TabButton { text: qsTr("Answer") }
                    TabButton {
                        objectName: "diffTab"
                        text: qsTr("Change %1").arg(panel.controller.diffSummary)
                    }
                }

                StackLayout {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    currentIndex: panel.controller.hasProposal ? resultTabs.currentIndex : 0

                    ScrollView {
                        id: answerScroll
                        clip: true
                        contentWidth: availableWidth
                        Column {
                            width: answerScroll.availableWidth
                            spacing: 8
                            Repeater {
                                model: panel.controller.answerBlocks
                                Loader {
                                    required property var modelData
                                    width: parent.width
                                    sourceComponent: modelData.kind === "code" ? codeComponent : proseComponent
                                    property var block: modelData
                                }
                            }
                        }
                        Component {
                            id: proseComponent
                            TextEdit {
                                text: parent ? parent.block.text : ""
                                textFormat: TextEdit.MarkdownText
                                readOnly: true
                                selectByMouse: true
                                wrapMode: TextEdit.Wrap
                                color: Theme.text
                                selectionColor: Theme.selection
                                font.pixelSize: Theme.fontSize
                            }
                        }
                        Component {
                            id: codeComponent
                            CodeBlock {
                                code: parent ? parent.block.text : ""
                                language: parent ? parent.block.language : ""
                                open: parent ? parent.block.open : false
                                showOpenInPanel: false
                            }
                        }
                    }

                    ColumnLayout {
                        spacing: 4
                        // Wraps in a narrow panel.
                        Flow {
                            Layout.fillWidth: true
                            spacing: 4
                            Button {
                                objectName: "applyButton"
                                text: qsTr("Apply")
                                enabled: panel.controller.proposalComplete && !panel.controller.busy
                                Accessible.name: qsTr("Apply the change to the code")
                                onClicked: {
                                    panel.controller.applyProposal(editor.textArea.textDocument)
                                    editor.forceEditorFocus()
                                }
                            }
                            Button {
                                objectName: "copyDiffButton"
                                text: qsTr("Copy as unified diff")
                                enabled: panel.controller.proposalComplete
                                onClicked: panel.controller.copyUnifiedDiff()
                            }
                            Button {
                                objectName: "copyCodeButton"
                                text: qsTr("Copy code")
                                enabled: panel.controller.proposalComplete
                                onClicked: panel.controller.copyProposedCode()
                            }
                            ToolButton {
                                id: sideBySideButton
                                objectName: "sideBySideButton"
                                checkable: true
                                text: qsTr("Side by side")
                                Accessible.name: qsTr("Show the change side by side")
                            }
                        }
                        DiffView {
                            Layout.fillWidth: true
                            Layout.fillHeight: true
                            visible: !sideBySideButton.checked
                            rows: panel.controller.diffRows
                        }
                        SideBySideDiffView {
                            Layout.fillWidth: true
                            Layout.fillHeight: true
                            visible: sideBySideButton.checked
                            rows: panel.controller.sideBySideRows
                        }
                    }
                }
            }
        }

        // Undo for the last deleted session; the delete becomes final when this goes.
        Rectangle {
            objectName: "panelUndoToast"
            visible: panel.controller.sessionList.undoVisible
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
                    text: qsTr("Deleted \u201C%1\u201D").arg(panel.controller.sessionList.undoTitle)
                    color: Theme.text
                    elide: Text.ElideRight
                    font.pixelSize: Theme.smallFontSize
                }
                ToolButton {
                    objectName: "panelUndoButton"
                    text: qsTr("Undo")
                    font.pixelSize: Theme.smallFontSize
                    onClicked: panel.controller.undoDeleteSession()
                }
            }
        }
    }
}
