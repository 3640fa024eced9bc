// The code panel's view as the user drives it, over a real CodePanelController with the
// in-memory stores and no model: code opened from outside shows in the numbered editor with
// its language, typing reaches the controller, the language picker changes it, the tasks are
// disabled without a model (and a task refused says why in the panel), Discuss in chat asks
// the chat to take the code, the close button hides the panel; a chat code block's "Open in
// code panel" hands over its code and language; the ☰ list shows the recent sessions newest
// first, opens one, deletes the shown one (the panel empties) and Undo brings it back.
import QtQuick
import QtTest
import Conclave.Chat
import Conclave.CodePanel
import "finders.js" as Finders

Item {
    id: root
    width: 640
    height: 720

    CodePanel {
        id: panel
        anchors.fill: parent
        controller: codePanelController
    }

    CodeBlock {
        id: block
        y: 700
        width: 400
        code: "fn main() {}"
        language: "rust"
    }

    SignalSpy { id: discuss; target: codePanelController; signalName: "discussRequested" }
    SignalSpy { id: openInPanel; target: block; signalName: "openInPanelRequested" }

    TestCase {
        name: "CodePanel"
        when: windowShown

        function editor() { return Finders.findNamed(panel, "codeEditorText") }

        function init() {
            codePanelController.openCode("def add(a, b):\n    return a - b\n", "python")
            discuss.clear()
        }

        function test_openedCodeShowsNumberedWithItsLanguage() {
            tryCompare(editor(), "text", "def add(a, b):\n    return a - b\n")
            compare(Finders.findNamed(panel, "languageBox").currentText, "Python")
            tryCompare(Finders.findNamed(panel, "lineNumbers"), "text", "1\n2\n3")
            compare(Finders.findNamed(panel, "codePanelTitle").text, "Code")
        }

        function test_typingReachesTheController() {
            editor().forceActiveFocus()
            editor().cursorPosition = editor().length
            keyClick(Qt.Key_X)
            keyClick(Qt.Key_Y)
            tryCompare(codePanelController, "code", "def add(a, b):\n    return a - b\nxy")
        }

        function test_languagePickerChangesTheLanguage() {
            const box = Finders.findNamed(panel, "languageBox")
            box.currentIndex = box.indexOfValue("rust")
            box.activated(box.currentIndex)
            compare(codePanelController.languageId, "rust")
            compare(codePanelController.languageName, "Rust")
        }

        function test_tasksNeedAModel() {
            verify(!codePanelController.canRun)
            verify(!Finders.findNamed(panel, "task_explain").enabled)
            verify(!Finders.findNamed(panel, "task_instruction").enabled)
            verify(!codePanelController.runTask("explain", "", "", 0, 0))
            tryVerify(() => Finders.findVisibleNamed(panel, "codePanelNotice") !== null)
            compare(Finders.findNamed(panel, "codePanelNotice").text, "Open a model to run tasks.")
            codePanelController.dismissNotice()
            tryVerify(() => Finders.findVisibleNamed(panel, "codePanelNotice") === null)
        }

        function test_discussInChatHandsTheCodeOver() {
            mouseClick(Finders.findNamed(panel, "discussButton"))
            compare(discuss.count, 1)
            compare(discuss.signalArguments[0][0], "code.py:\n```py\ndef add(a, b):\n    return a - b\n```\n")
        }

        function test_closeHidesThePanel() {
            codePanelController.panelVisible = true
            const close = Finders.findText(panel, "\u2715")
            verify(close)
            mouseClick(close)
            verify(!codePanelController.panelVisible)
        }

        function sessionsPopup() {
            const button = Finders.findNamed(panel, "sessionsButton")
            for (let i = 0; i < button.resources.length; ++i)
                if (button.resources[i].objectName === "sessionsPopup") return button.resources[i]
            return null
        }

        function test_sessionListOpensDeletesAndUndoes() {
            codePanelController.openCode("first = 1\n", "python")
            const first = codePanelController.sessionId
            codePanelController.openCode("second = 2\n", "python")
            const second = codePanelController.sessionId
            const popup = sessionsPopup()
            verify(popup)
            mouseClick(Finders.findNamed(panel, "sessionsButton"))
            tryVerify(() => popup.opened)
            const list = Finders.findNamed(popup.contentItem, "sessionList")
            tryVerify(() => list.count >= 2 && list.itemAtIndex(1) !== null)
            compare(list.itemAtIndex(0).sessionId, second)
            compare(list.itemAtIndex(1).sessionId, first)

            mouseClick(list.itemAtIndex(1))
            tryCompare(codePanelController, "sessionId", first)
            tryCompare(editor(), "text", "first = 1\n")
            tryVerify(() => !popup.visible)

            mouseClick(Finders.findNamed(panel, "sessionsButton"))
            tryVerify(() => popup.opened)
            const row = Finders.findNamed(list, "panelSession" + first)
            verify(row)
            mouseClick(Finders.findNamed(row, "deleteSessionButton"))
            compare(codePanelController.sessionId, 0)
            tryCompare(editor(), "text", "")
            tryVerify(() => Finders.findVisibleNamed(list, "panelSession" + first) === null)
            compare(list.itemAtIndex(0).sessionId, second)
            const toast = Finders.findVisibleNamed(panel, "panelUndoToast")
            verify(toast)
            verify(Finders.findText(toast, "Deleted \u201Cfirst = 1\u201D"))
            popup.close()
            mouseClick(Finders.findNamed(toast, "panelUndoButton"))
            tryCompare(codePanelController, "sessionId", first)
            tryCompare(editor(), "text", "first = 1\n")
            verify(Finders.findVisibleNamed(panel, "panelUndoToast") === null)
        }

        function test_chatCodeBlockOpensInThePanel() {
            const button = Finders.findNamed(block, "openInPanelButton")
            verify(button.visible)
            mouseClick(button)
            compare(openInPanel.count, 1)
            compare(openInPanel.signalArguments[0][0], "fn main() {}")
            compare(openInPanel.signalArguments[0][1], "rust")
        }
    }
}
