// The conversation settings popup over a real ChatController (in-memory store, no model):
// every value follows the model's until its box is ticked; a ticked value is the
// conversation's own and can be changed; "Use model defaults" unticks every box. Max tokens
// too, and thinking and reasoning effort, which show only while the model's template offers
// them (`testReasoning` switches that as a loaded model would). Every control has a spoken name.
import QtQuick
import QtTest
import Conclave.Chat
import "finders.js" as Finders

Item {
    id: root
    width: 700
    height: 1400 // every row in view, none scrolled away

    ConversationSettingsPopup {
        id: popup
        chat: chatController
    }

    TestCase {
        name: "ConversationSettings"
        when: windowShown

        function named(name) { return Finders.findNamed(popup.contentItem, name) }

        function init() {
            chatController.conversationSettings.resetAll()
            popup.open()
            tryVerify(() => popup.opened)
        }
        function cleanup() { popup.close() }

        function test_followsTheModelUntilTicked() {
            const settings = chatController.conversationSettings
            chatController.settings.temperature = 0.4
            const box = named("override_temperature")
            const slider = named("value_temperature")
            verify(!box.checked)
            verify(!slider.enabled)
            compare(slider.value, 0.4)
            mouseClick(box)
            tryVerify(() => box.checked && slider.enabled)
            compare(settings.overridden, ["temperature"])
            slider.forceActiveFocus()
            keyClick(Qt.Key_Right) // one step up: the conversation's own now
            tryVerify(() => Math.abs(settings.temperature - 0.41) < 1e-6)
            chatController.settings.temperature = 0.1
            tryVerify(() => Math.abs(settings.temperature - 0.41) < 1e-6)

            mouseClick(named("override_seed"))
            tryVerify(() => settings.overridden.indexOf("seed") >= 0)
            named("value_seed").forceActiveFocus()
            keyClick(Qt.Key_Up)
            tryCompare(settings, "seed", chatController.settings.seed + 1)

            const reset = named("useModelDefaults")
            mouseClick(reset)
            tryVerify(() => !settings.hasOverrides)
            compare(slider.value, 0.1)
            verify(!named("useModelDefaults").enabled)
        }

        function test_ownSystemPrompt() {
            const settings = chatController.conversationSettings
            chatController.settings.systemPrompt = "Model prompt"
            const area = named("value_systemPrompt")
            compare(area.text, "Model prompt")
            verify(!area.enabled)
            mouseClick(named("override_systemPrompt"))
            tryVerify(() => area.enabled)
            area.forceActiveFocus()
            area.selectAll()
            for (const c of "Be brief") keyClick(c)
            tryCompare(settings, "systemPrompt", "Be brief")
            compare(chatController.settings.systemPrompt, "Model prompt")
            mouseClick(named("override_systemPrompt"))
            tryCompare(area, "text", "Model prompt")
        }

        function test_answerLengthAndReasoningChoices() {
            const settings = chatController.conversationSettings
            chatController.settings.maxTokens = 300
            const box = named("override_maxTokens")
            const spin = named("value_maxTokens")
            verify(!spin.enabled)
            compare(spin.value, 300)
            box.forceActiveFocus()
            keyClick(Qt.Key_Space) // ticked from the keyboard
            tryVerify(() => spin.enabled)
            spin.forceActiveFocus()
            keyClick(Qt.Key_Up)
            tryCompare(settings, "maxTokens", 364)
            chatController.settings.maxTokens = 100 // the model's change no longer reaches it
            compare(settings.maxTokens, 364)
            compare(spin.value, 364)

            // Without a template that reads them the reasoning rows are not offered.
            testReasoning.setSupport(false, false)
            verify(!named("value_thinking").visible)
            verify(!named("value_reasoningEffort").visible)
            testReasoning.setSupport(true, true)
            tryVerify(() => named("value_thinking").visible && named("value_reasoningEffort").visible)
            // Laid out once shown: rows hidden until now sit on top of each other until then.
            const below = (upper, lower) => named(lower).mapToItem(root, 0, 0).y > named(upper).mapToItem(root, 0, 0).y
            tryVerify(() => below("override_maxTokens", "override_thinking")
                            && below("override_thinking", "override_reasoningEffort"))
            chatController.settings.thinking = true
            chatController.settings.reasoningEffort = "medium"
            const thinking = named("value_thinking")
            verify(!thinking.enabled)
            verify(thinking.checked)
            mouseClick(named("override_thinking"))
            tryVerify(() => thinking.enabled)
            mouseClick(thinking)
            tryCompare(settings, "thinking", false)
            verify(chatController.settings.thinking) // the model's stays on

            const effort = named("value_reasoningEffort")
            verify(!effort.enabled)
            mouseClick(named("override_reasoningEffort"))
            tryVerify(() => effort.enabled)
            compare(effort.currentValue, "medium")
            effort.forceActiveFocus()
            keyClick(Qt.Key_Down)
            tryCompare(settings, "reasoningEffort", "high")
            compare(chatController.settings.reasoningEffort, "medium")
            compare(settings.overridden, ["maxTokens", "thinking", "reasoningEffort"])

            mouseClick(named("useModelDefaults"))
            tryVerify(() => !settings.hasOverrides)
            compare(spin.value, 100)
            verify(thinking.checked)
            testReasoning.setSupport(false, false)
        }

        function test_controlsHaveSpokenNames() {
            for (const key of ["systemPrompt", "temperature", "topK", "topP", "minP", "repeatPenalty", "seed",
                               "maxTokens", "thinking", "reasoningEffort"]) {
                verify(named("override_" + key).Accessible.name.length > 0, key)
                verify(named("value_" + key).Accessible.name.length > 0, key)
            }
            verify(named("useModelDefaults").Accessible.name.length > 0)
        }
    }
}
