// The composer as the user drives it: Enter sends, Shift+Enter adds a line (with the
// Ctrl+Enter send key, Enter adds a line and Ctrl+Enter sends), nothing is sent
// while no model is ready or while an answer streams (the button is Stop then), Up in the
// empty field asks to edit the last message, the context warning appears near the limit,
// and a file that cannot be attached is explained.
import QtQuick
import QtTest
import Conclave.Chat
import "finders.js" as Finders

Item {
    id: root
    width: 700
    height: 300

    Composer {
        id: composer
        width: 600
        ready: true
        contextSize: 1000
    }

    SignalSpy { id: sent; target: composer; signalName: "sendRequested" }
    SignalSpy { id: stopped; target: composer; signalName: "stopRequested" }
    SignalSpy { id: editLast; target: composer; signalName: "editLastRequested" }

    TestCase {
        name: "Composer"
        when: windowShown

        function input() { return Finders.findNamed(composer, "composerInput") }

        function init() {
            composer.ready = true
            composer.generating = false
            composer.contextUsed = 0
            composer.notice = ""
            composer.ctrlEnterSends = false
            composer.clear()
            sent.clear()
            stopped.clear()
            editLast.clear()
            composer.focusInput()
        }

        function test_enterSendsShiftEnterAddsALine() {
            keyClick(Qt.Key_H)
            keyClick(Qt.Key_I)
            keyClick(Qt.Key_Return, Qt.ShiftModifier)
            keyClick(Qt.Key_Y)
            compare(sent.count, 0)
            compare(composer.text, "hi\ny")
            keyClick(Qt.Key_Return)
            compare(sent.count, 1)
            compare(sent.signalArguments[0][0], "hi\ny")
        }

        // The send-key setting: with Ctrl+Enter, Enter adds a line and Ctrl+Enter sends.
        function test_ctrlEnterSendsWhenChosen() {
            composer.ctrlEnterSends = true
            keyClick(Qt.Key_H)
            keyClick(Qt.Key_Return)
            keyClick(Qt.Key_I)
            compare(sent.count, 0)
            compare(composer.text, "h\ni")
            keyClick(Qt.Key_Return, Qt.ControlModifier)
            compare(sent.count, 1)
            compare(sent.signalArguments[0][0], "h\ni")
            composer.ctrlEnterSends = false
        }

        function test_blankIsNotSent() {
            keyClick(Qt.Key_Space)
            keyClick(Qt.Key_Return)
            compare(sent.count, 0)
        }

        function test_nothingIsSentWithoutAModel() {
            composer.ready = false
            composer.text = "hello"
            composer.send()
            compare(sent.count, 0)
            verify(!input().enabled)
        }

        function test_whileStreamingTheButtonStops() {
            composer.generating = true
            composer.text = "next question"
            keyClick(Qt.Key_Return)
            compare(sent.count, 0)
            const button = Finders.findNamed(composer, "stopButton")
            verify(button)
            mouseClick(button)
            compare(stopped.count, 1)
        }

        function test_upInTheEmptyFieldEditsTheLastMessage() {
            keyClick(Qt.Key_Up)
            compare(editLast.count, 1)
            keyClick(Qt.Key_A)
            keyClick(Qt.Key_Up) // with text, Up just moves the cursor
            compare(editLast.count, 1)
        }

        function test_warnsBeforeTheContextIsFull() {
            const notice = Finders.findNamed(composer, "composerNotice")
            verify(!notice.visible)
            composer.contextUsed = 920
            tryVerify(() => notice.visible)
            verify(notice.text.indexOf("nearly full") >= 0)
            composer.text = "x".repeat(400) // ~100 tokens more than fit
            tryVerify(() => notice.text.indexOf("does not fit") >= 0)
            composer.contextUsed = 10
            composer.clear()
            tryVerify(() => !notice.visible)
        }

        function test_aFileThatCannotBeAttachedIsExplained() {
            composer.attachFiles([Qt.resolvedUrl("file:///no/such/folder/notes.txt")])
            const notice = Finders.findNamed(composer, "composerNotice")
            tryVerify(() => notice.visible)
            verify(notice.text.indexOf("notes.txt") >= 0)
            compare(composer.text, "")
        }
    }
}
