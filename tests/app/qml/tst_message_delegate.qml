// One message as the chat shows it: a question's Edit hands back its text, an answer shows
// the model, its figures, its code block with the language, ‹ 2/3 › moves between versions,
// Regenerate only on the last answer and only when allowed, a streaming answer hides its
// actions, and reasoning opens and closes.
import QtQuick
import QtTest
import Conclave.Chat
import "finders.js" as Finders

Item {
    id: root
    width: 800
    height: 700

    Component {
        id: messageComponent
        MessageDelegate {
            width: 700
            index: 3
            roleName: "assistant"
            text: "Use a loop:\n\n```python\nfor i in range(3):\n    print(i)\n```\n"
            reasoning: ""
            reasoningOpen: false
            messageState: "complete"
            blocks: [{kind: "prose", text: "Use a loop:", language: "", open: false},
                     {kind: "code", text: "for i in range(3):\n    print(i)", language: "python", open: false}]
            modelName: "SmolLM2"
            error: ""
            statsText: "42 tokens · 30.0 tok/s · finished"
            siblingIndex: 1
            siblingCount: 3
        }
    }

    TestCase {
        name: "MessageDelegate"
        when: windowShown

        function test_answerShowsModelFiguresAndCode() {
            const message = createTemporaryObject(messageComponent, root)
            verify(message)
            verify(Finders.findText(message, "SmolLM2"))
            compare(Finders.findNamed(message, "stats").text, "42 tokens · 30.0 tok/s · finished")
            const block = Finders.findNamed(message, "codeBlock")
            verify(block)
            compare(Finders.findNamed(block, "codeLanguage").text, "python")
            compare(block.code, "for i in range(3):\n    print(i)")
        }

        function test_versionsMoveBothWays() {
            const message = createTemporaryObject(messageComponent, root)
            const moves = createTemporaryObject(spyComponent, root, {target: message, signalName: "siblingRequested"})
            compare(Finders.findVisibleNamed(message, "versionLabel").text, "2/3")
            mouseClick(Finders.findVisibleNamed(message, "nextVersion"))
            mouseClick(Finders.findVisibleNamed(message, "previousVersion"))
            compare(moves.count, 2)
            compare(moves.signalArguments[0][0], 3)
            compare(moves.signalArguments[0][1], 1)
            compare(moves.signalArguments[1][1], -1)
            // While an answer streams, versions cannot change.
            message.canSwitch = false
            mouseClick(Finders.findVisibleNamed(message, "nextVersion"))
            compare(moves.count, 2)
        }

        function test_regenerateOnlyOnTheLastAnswer() {
            const message = createTemporaryObject(messageComponent, root, {isLast: false, canRegenerate: true})
            const regenerated = createTemporaryObject(spyComponent, root, {target: message, signalName: "regenerateRequested"})
            verify(!Finders.findVisibleNamed(message, "regenerateButton"))
            message.isLast = true
            const button = Finders.findVisibleNamed(message, "regenerateButton")
            verify(button)
            mouseClick(button)
            compare(regenerated.count, 1)
            message.canRegenerate = false
            mouseClick(button)
            compare(regenerated.count, 1)
        }

        function test_streamingHidesTheActions() {
            const message = createTemporaryObject(messageComponent, root, {messageState: "streaming", isLast: true, canRegenerate: true})
            verify(!Finders.findVisibleNamed(message, "regenerateButton"))
            verify(!Finders.findVisibleNamed(message, "stats"))
        }

        function test_editHandsBackTheQuestion() {
            const message = createTemporaryObject(messageComponent, root, {
                roleName: "user", text: "What is Rust?", blocks: [], siblingIndex: 0, siblingCount: 1})
            const edits = createTemporaryObject(spyComponent, root, {target: message, signalName: "editRequested"})
            verify(Finders.findText(message, "What is Rust?"))
            verify(!Finders.findNamed(message, "codeBlock"))
            mouseMove(message, message.width - 20, 20) // the actions show on hover
            const edit = Finders.findNamed(message, "editButton")
            mouseClick(edit)
            compare(edits.count, 1)
            compare(edits.signalArguments[0][0], 3)
            compare(edits.signalArguments[0][1], "What is Rust?")
        }

        function test_reasoningOpensAndCloses() {
            const message = createTemporaryObject(messageComponent, root, {reasoning: "The user wants a loop."})
            const toggle = Finders.findNamed(message, "reasoningToggle")
            verify(toggle.visible)
            verify(!Finders.findText(message, "The user wants a loop."))
            mouseClick(toggle)
            verify(Finders.findText(message, "The user wants a loop."))
            mouseClick(toggle)
            verify(!Finders.findText(message, "The user wants a loop."))
        }
    }

    Component {
        id: spyComponent
        SignalSpy {}
    }
}
