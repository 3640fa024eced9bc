// One message as the chat shows it: a question's Edit hands back its text, an answer shows
// the model, its figures, its code block with the language, ‹ 2/3 › moves between versions,
// Regenerate only on the last answer and only when allowed, a streaming answer hides its
// actions, and reasoning opens and closes.
import QtQuick
import QtTest
import Conclave.Chat

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

        function findNamed(item, name) {
            if (item.objectName === name) return item
            for (let i = 0; i < item.children.length; ++i) {
                const found = findNamed(item.children[i], name)
                if (found) return found
            }
            return null
        }
        function findVisibleNamed(item, name) {
            if (!item.visible) return null
            if (item.objectName === name) return item
            for (let i = 0; i < item.children.length; ++i) {
                const found = findVisibleNamed(item.children[i], name)
                if (found) return found
            }
            return null
        }
        function findText(item, text) {
            if (item.text === text && item.visible) return item
            for (let i = 0; i < item.children.length; ++i) {
                const found = findText(item.children[i], text)
                if (found) return found
            }
            return null
        }

        function test_answerShowsModelFiguresAndCode() {
            const message = createTemporaryObject(messageComponent, root)
            verify(message)
            verify(findText(message, "SmolLM2"))
            compare(findNamed(message, "stats").text, "42 tokens · 30.0 tok/s · finished")
            const block = findNamed(message, "codeBlock")
            verify(block)
            compare(findNamed(block, "codeLanguage").text, "python")
            compare(block.code, "for i in range(3):\n    print(i)")
        }

        function test_versionsMoveBothWays() {
            const message = createTemporaryObject(messageComponent, root)
            const moves = createTemporaryObject(spyComponent, root, {target: message, signalName: "siblingRequested"})
            compare(findVisibleNamed(message, "versionLabel").text, "2/3")
            mouseClick(findVisibleNamed(message, "nextVersion"))
            mouseClick(findVisibleNamed(message, "previousVersion"))
            compare(moves.count, 2)
            compare(moves.signalArguments[0][0], 3)
            compare(moves.signalArguments[0][1], 1)
            compare(moves.signalArguments[1][1], -1)
            // While an answer streams, versions cannot change.
            message.canSwitch = false
            mouseClick(findVisibleNamed(message, "nextVersion"))
            compare(moves.count, 2)
        }

        function test_regenerateOnlyOnTheLastAnswer() {
            const message = createTemporaryObject(messageComponent, root, {isLast: false, canRegenerate: true})
            const regenerated = createTemporaryObject(spyComponent, root, {target: message, signalName: "regenerateRequested"})
            verify(!findVisibleNamed(message, "regenerateButton"))
            message.isLast = true
            const button = findVisibleNamed(message, "regenerateButton")
            verify(button)
            mouseClick(button)
            compare(regenerated.count, 1)
            message.canRegenerate = false
            mouseClick(button)
            compare(regenerated.count, 1)
        }

        function test_streamingHidesTheActions() {
            const message = createTemporaryObject(messageComponent, root, {messageState: "streaming", isLast: true, canRegenerate: true})
            verify(!findVisibleNamed(message, "regenerateButton"))
            verify(!findVisibleNamed(message, "stats"))
        }

        function test_editHandsBackTheQuestion() {
            const message = createTemporaryObject(messageComponent, root, {
                roleName: "user", text: "What is Rust?", blocks: [], siblingIndex: 0, siblingCount: 1})
            const edits = createTemporaryObject(spyComponent, root, {target: message, signalName: "editRequested"})
            verify(findText(message, "What is Rust?"))
            verify(!findNamed(message, "codeBlock"))
            mouseMove(message, message.width - 20, 20) // the actions show on hover
            const edit = findNamed(message, "editButton")
            mouseClick(edit)
            compare(edits.count, 1)
            compare(edits.signalArguments[0][0], 3)
            compare(edits.signalArguments[0][1], "What is Rust?")
        }

        function test_reasoningOpensAndCloses() {
            const message = createTemporaryObject(messageComponent, root, {reasoning: "The user wants a loop."})
            const toggle = findNamed(message, "reasoningToggle")
            verify(toggle.visible)
            verify(!findText(message, "The user wants a loop."))
            mouseClick(toggle)
            verify(findText(message, "The user wants a loop."))
            mouseClick(toggle)
            verify(!findText(message, "The user wants a loop."))
        }
    }

    Component {
        id: spyComponent
        SignalSpy {}
    }
}
