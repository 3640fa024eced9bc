// The settings drawer's load-time controls and the model bar over a real ChatController
// with a tiny model open (on the CPU) and no GPU available ("no Vulkan driver (test)", set by
// test_chat_qml.cpp): "Run on" follows the settings both ways, the GPU choice is disabled
// with the reason shown unless it is the saved choice, the GPU memory budget is bound and
// enabled only for the GPU, "Reopen the model now" loads the model again, and the drawer and
// the bar say the model runs on the CPU. The app-wide GPU picker lists automatic and the two
// test GPUs (test_chat_qml.cpp) with kind and memory, is enabled only with a GPU, and follows
// the app settings both ways. A note appears when the open conversation has its own values.
import QtQuick
import QtTest
import Conclave.Chat
import "finders.js" as Finders

Item {
    id: root
    // Tall enough that the drawer's load-time controls are on screen without scrolling.
    width: 420
    height: 1800

    ModelBar {
        id: bar
        width: parent.width
        chat: chatController
    }

    SettingsDrawer {
        id: drawer
        chat: chatController
        settings: chatController.settings
        appSettings: testAppSettings
    }

    SignalSpy { id: opening; target: chatController; signalName: "modelOpening" }

    TestCase {
        name: "SettingsDrawer"
        when: windowShown

        function named(name) { return Finders.findNamed(drawer.contentItem, name) }
        // The SpinBox inside a SpinRow.
        function spinBoxOf(row) {
            for (let i = 0; i < row.children.length; ++i)
                if (row.children[i].hasOwnProperty("valueModified")) return row.children[i]
            return null
        }

        function initTestCase() {
            chatController.openModel(tinyModelUrl)
            tryCompare(chatController, "modelStatus", ChatController.Ready, 30000)
            drawer.open()
            tryVerify(() => drawer.opened)
        }

        function init() {
            chatController.settings.backend = "cpu"
            chatController.settings.gpuBudgetMiB = 0
            testGpu.setAvailable(false)
            testAppSettings.gpuDevice = -1
        }

        // A conversation with its own values says so beside the model's system prompt.
        function test_conversationOverridesAreNoted() {
            const note = named("conversationOverridesNote")
            verify(note && !note.visible)
            chatController.conversationSettings.temperature = 1.1
            tryVerify(() => note.visible)
            verify(note.text.indexOf("Ctrl+Shift+S") > 0)
            chatController.conversationSettings.resetAll()
            tryVerify(() => !note.visible)
        }

        function test_gpuPickerListsTheDevicesAndIsBound() {
            const picker = named("gpuDevice")
            verify(picker)
            compare(picker.count, 3)
            compare(picker.textAt(0), "Automatic (best GPU)")
            verify(picker.textAt(1).indexOf("llvmpipe (test)") === 0, picker.textAt(1))
            verify(picker.textAt(1).indexOf("software renderer on the CPU") > 0, picker.textAt(1))
            const gpu = picker.textAt(2)
            verify(gpu.indexOf("Test GPU 9000") === 0 && gpu.indexOf("discrete GPU") > 0, gpu)
            verify(/16[.,]0 GiB$/.test(gpu), gpu)
            compare(picker.currentIndex, 0)
            verify(!picker.enabled) // no GPU (see test_chat_qml.cpp)
            verify(!named("gpuDeviceNotice").visible)

            testGpu.setAvailable(true)
            verify(picker.enabled)
            picker.forceActiveFocus()
            keyClick(Qt.Key_Down)
            compare(testAppSettings.gpuDevice, 0)
            keyClick(Qt.Key_Down)
            compare(testAppSettings.gpuDevice, 1)
            compare(picker.currentText, gpu)
            testAppSettings.gpuDevice = -1
            compare(picker.currentIndex, 0)
            testAppSettings.gpuDevice = 1
            compare(picker.currentIndex, 2)
            // Like "Run on", it applies when a model is next opened.
            verify(named("loadTimeNote").text.indexOf("the GPU and") >= 0)
        }

        function test_runOnIsBoundBothWays() {
            const cpu = named("runOnCpu")
            const gpu = named("runOnGpu")
            verify(cpu && gpu)
            verify(cpu.checked)
            verify(!gpu.checked)
            chatController.settings.backend = "vulkan"
            verify(gpu.checked)
            verify(!cpu.checked)
            mouseClick(cpu)
            compare(chatController.settings.backend, "cpu")
            verify(cpu.checked)
        }

        function test_gpuChoiceDisabledWithTheReason() {
            const gpu = named("runOnGpu")
            verify(!gpu.enabled)
            mouseClick(gpu)
            compare(chatController.settings.backend, "cpu")
            const reason = named("gpuUnavailableReason")
            verify(reason.visible)
            verify(reason.text.indexOf("no Vulkan driver (test)") >= 0, reason.text)
            // A model saved for the GPU shows that choice, so it can be changed back.
            chatController.settings.backend = "vulkan"
            verify(gpu.enabled)
        }

        function test_gpuBudgetIsBoundAndOnlyForTheGpu() {
            const row = named("gpuBudget")
            const spin = spinBoxOf(row)
            verify(spin)
            verify(!row.enabled)
            chatController.settings.gpuBudgetMiB = 1024
            compare(spin.value, 1024)
            chatController.settings.backend = "vulkan"
            verify(row.enabled)
            spin.forceActiveFocus()
            keyClick(Qt.Key_Up)
            compare(chatController.settings.gpuBudgetMiB, 1024 + 256)
        }

        function test_saysWhereTheModelRuns() {
            compare(chatController.model.backendName, "cpu")
            const placement = named("placement")
            verify(placement.visible)
            compare(placement.text, "Everything runs on the CPU.")
            verify(named("loadTimeNote").text.indexOf("GPU memory budget") >= 0)
            compare(Finders.findNamed(bar, "modelBackend").text, "CPU")
        }

        function test_reopenLoadsTheModelAgain() {
            const button = named("reopenModel")
            verify(button.enabled)
            opening.clear()
            mouseClick(button)
            compare(opening.count, 1)
            verify(opening.signalArguments[0][0].endsWith("tiny-llama.gguf"))
            tryCompare(chatController, "modelStatus", ChatController.Ready, 30000)
            compare(chatController.model.backendName, "cpu")
        }
    }
}
