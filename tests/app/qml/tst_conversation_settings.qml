// The conversation settings popup over a real ChatController (in-memory store, no model):
// every value follows the model's until its box is ticked; a ticked value is the
// conversation's own and can be changed; "Use model defaults" unticks every box. Every control
// has a spoken name.
import QtQuick
import QtTest
import Conclave.Chat
import "finders.js" as Finders

Item {
    id: root
    width: 700
    height: 900

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

        function test_controlsHaveSpokenNames() {
            for (const key of ["systemPrompt", "temperature", "topK", "topP", "minP", "repeatPenalty", "seed"]) {
                verify(named("override_" + key).Accessible.name.length > 0, key)
                verify(named("value_" + key).Accessible.name.length > 0, key)
            }
            verify(named("useModelDefaults").Accessible.name.length > 0)
        }
    }
}
