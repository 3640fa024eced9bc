// Settings, sliding in from the right, in two sections. "Model settings" belong to the
// loaded model and are saved for it: system prompt, thinking on/off and reasoning effort
// (only when the model's chat template offers them), sampling (temperature, top-k, top-p,
// min-p, repetition penalty), answer length, seed, and what is used when the model loads
// (context length, threads, CPU or GPU, GPU memory budget) with a button that reopens the
// model so they apply now, then where the loaded model runs (the engine's placement lines);
// "Reset to model defaults". Other changes apply to the next answer. A note says when the open
// conversation has its own values, which win over these. Beside "Run on" is the
// app-wide GPU picker (automatic, or one device of the probe with its kind and memory; saved
// in the app settings, usable without a model open) with a notice when the GPU chosen before
// is gone. The GPU choices are disabled, with the probe's reason, when no Vulkan device is
// usable.
// "App settings": theme, language, send key, default model, and the data folder (read-only).
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Conclave.Chat

Drawer {
    id: drawer
    objectName: "settingsDrawer"

    required property ChatController chat
    required property SamplingSettings settings
    required property AppSettings appSettings
    readonly property bool modelReady: chat.modelStatus === ChatController.Ready

    // The window's far side: the left in a right-to-left language.
    edge: mirrored ? Qt.LeftEdge : Qt.RightEdge
    width: Math.min(380, parent ? parent.width * 0.9 : 380)
    background: Rectangle {
        color: Theme.background
        Rectangle { // the line facing the window
            x: drawer.edge === Qt.LeftEdge ? parent.width - width : 0
            width: 1
            height: parent.height
            color: Theme.border
        }
    }

    component SliderRow: ColumnLayout {
        id: row
        property string label
        property string help
        property real from
        property real to
        property real stepSize: 0.01
        property real value
        property int decimals: 2
        signal moved(real value)
        Layout.fillWidth: true
        spacing: 0
        RowLayout {
            Layout.fillWidth: true
            Label { Layout.fillWidth: true; text: row.label; color: Theme.text; wrapMode: Text.WordWrap }
            Label {
                text: row.value.toFixed(row.decimals)
                color: Theme.mutedText
                font.family: Theme.monoFamily
                font.pixelSize: Theme.smallFontSize
            }
        }
        Slider {
            Layout.fillWidth: true
            from: row.from
            to: row.to
            stepSize: row.stepSize
            value: row.value
            onMoved: row.moved(value)
            Accessible.name: row.label
        }
        Label {
            Layout.fillWidth: true
            text: row.help
            color: Theme.mutedText
            font.pixelSize: 11
            wrapMode: Text.WordWrap
        }
    }

    component SectionTitle: Label {
        Layout.fillWidth: true
        Layout.topMargin: 6
        color: Theme.text
        font.pixelSize: 15
        font.weight: Font.DemiBold
        Accessible.role: Accessible.Heading
    }

    component Note: Label {
        Layout.fillWidth: true
        color: Theme.mutedText
        font.pixelSize: 11
        wrapMode: Text.WordWrap
    }

    // A label with a choice from a list of {value, text} entries.
    component ChoiceRow: RowLayout {
        id: choice
        property string label
        property var options: []
        property string value
        signal chosen(string value)
        Layout.fillWidth: true
        Label { Layout.fillWidth: true; text: choice.label; color: Theme.text; wrapMode: Text.WordWrap }
        ComboBox {
            Layout.preferredWidth: 200
            model: choice.options
            textRole: "text"
            valueRole: "value"
            // count: evaluated again once the model is in (indexOfValue reads no property).
            currentIndex: count > 0 ? indexOfValue(choice.value) : -1
            onActivated: choice.chosen(currentValue)
            Accessible.name: choice.label
        }
    }

    component SpinRow: RowLayout {
        id: spin
        property string label
        property int from
        property int to
        property int value
        property int stepSize: 1
        signal modified(int value)
        Layout.fillWidth: true
        Label { Layout.fillWidth: true; text: spin.label; color: Theme.text; wrapMode: Text.WordWrap }
        SpinBox {
            from: spin.from
            to: spin.to
            stepSize: spin.stepSize
            value: spin.value
            editable: true
            onValueModified: spin.modified(value)
            Accessible.name: spin.label
        }
    }

    ScrollView {
        anchors.fill: parent
        contentWidth: availableWidth
        // Mirrored from the start in a right-to-left language (the window's mirroring reaches
        // a popup only once it opens, after its rows were laid out).
        LayoutMirroring.enabled: Qt.application.layoutDirection === Qt.RightToLeft
        LayoutMirroring.childrenInherit: true

        ColumnLayout {
            // The drawer's width from the first layout on (the scroll view's is 0 until it is
            // shown, and rows laid out that narrow kept the height of labels wrapped there).
            width: Math.min(drawer.availableWidth, parent.width > 0 ? parent.width : drawer.availableWidth)
            spacing: 14

            RowLayout {
                Layout.fillWidth: true
                Layout.margins: 20
                Layout.bottomMargin: 0
                Label {
                    Layout.fillWidth: true
                    text: qsTr("Settings")
                    color: Theme.text
                    font.pixelSize: 18
                    font.weight: Font.DemiBold
                }
                ToolButton {
                    text: "\u2715"
                    onClicked: drawer.close()
                    Accessible.name: qsTr("Close settings")
                }
            }

            ColumnLayout {
                objectName: "modelSettings"
                Layout.fillWidth: true
                Layout.leftMargin: 20
                Layout.rightMargin: 20
                spacing: 14

                SectionTitle { text: qsTr("Model settings") }
                Note {
                    text: drawer.modelReady ? qsTr("For %1; saved for this model and restored when it is opened again.").arg(drawer.chat.model.name)
                                            : qsTr("Open a model to change its settings.")
                }

                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 14
                    enabled: drawer.modelReady

                    Label { text: qsTr("System prompt"); color: Theme.text }
                    TextArea {
                        objectName: "systemPrompt"
                        Layout.fillWidth: true
                        Layout.preferredHeight: 90
                        wrapMode: TextArea.Wrap
                        placeholderText: qsTr("e.g. You are a concise assistant.")
                        text: drawer.settings.systemPrompt
                        onTextChanged: if (text !== drawer.settings.systemPrompt) drawer.settings.systemPrompt = text
                        Accessible.name: qsTr("System prompt")
                        // Tab moves on (a system prompt rarely needs a tab character).
                        Keys.onTabPressed: nextItemInFocusChain(true).forceActiveFocus(Qt.TabFocusReason)
                        Keys.onBacktabPressed: nextItemInFocusChain(false).forceActiveFocus(Qt.BacktabFocusReason)
                    }
                    Note {
                        objectName: "conversationOverridesNote"
                        visible: drawer.chat.conversationSettings.hasOverrides
                        text: qsTr("This conversation has its own settings (\u2699 beside its title, Ctrl+Shift+S); they win over the model's.")
                    }

                    RowLayout {
                        Layout.fillWidth: true
                        visible: drawer.settings.thinkingSupported
                        Label { Layout.fillWidth: true; text: qsTr("Thinking"); color: Theme.text; wrapMode: Text.WordWrap }
                        Switch {
                            id: thinkingSwitch
                            objectName: "thinkingSwitch"
                            checked: drawer.settings.thinking
                            onToggled: drawer.settings.thinking = checked
                            Accessible.name: qsTr("Thinking")
                        }
                    }
                    ChoiceRow {
                        objectName: "reasoningEffort"
                        visible: drawer.settings.effortSupported
                        label: qsTr("Reasoning effort")
                        options: [{ value: "low", text: qsTr("Low") }, { value: "medium", text: qsTr("Medium") },
                                  { value: "high", text: qsTr("High") }]
                        value: drawer.settings.reasoningEffort
                        onChosen: (v) => drawer.settings.reasoningEffort = v
                    }
                    Note {
                        visible: drawer.settings.thinkingSupported || drawer.settings.effortSupported
                        text: qsTr("This model's chat template lets you choose how it reasons.")
                    }

                    SliderRow {
                        label: qsTr("Temperature")
                        help: qsTr("Higher is more varied; 0 always picks the most likely word.")
                        from: 0; to: 2; value: drawer.settings.temperature
                        onMoved: (v) => drawer.settings.temperature = v
                    }
                    SpinRow {
                        label: qsTr("Top-k")
                        from: 0; to: 1000; value: drawer.settings.topK
                        onModified: (v) => drawer.settings.topK = v
                    }
                    SliderRow {
                        label: qsTr("Top-p")
                        from: 0; to: 1; value: drawer.settings.topP
                        onMoved: (v) => drawer.settings.topP = v
                    }
                    SliderRow {
                        label: qsTr("Min-p")
                        from: 0; to: 1; value: drawer.settings.minP
                        onMoved: (v) => drawer.settings.minP = v
                    }
                    SliderRow {
                        label: qsTr("Repetition penalty")
                        from: 1; to: 2; value: drawer.settings.repeatPenalty
                        onMoved: (v) => drawer.settings.repeatPenalty = v
                    }
                    SpinRow {
                        label: qsTr("Max tokens per answer")
                        from: 1; to: 32768; stepSize: 64; value: drawer.settings.maxTokens
                        onModified: (v) => drawer.settings.maxTokens = v
                    }
                    SpinRow {
                        label: qsTr("Seed (\u22121: random)")
                        from: -1; to: 2147483647; value: drawer.settings.seed
                        onModified: (v) => drawer.settings.seed = v
                    }
                    SpinRow {
                        label: qsTr("Context length")
                        from: 256; to: 131072; stepSize: 1024; value: drawer.settings.contextLength
                        onModified: (v) => drawer.settings.contextLength = v
                    }
                    SpinRow {
                        label: qsTr("Threads (0: all cores)")
                        from: 0; to: 256; value: drawer.settings.threads
                        onModified: (v) => drawer.settings.threads = v
                    }
                    ColumnLayout {
                        objectName: "runOn"
                        Layout.fillWidth: true
                        spacing: 2
                        Label { text: qsTr("Run on"); color: Theme.text }
                        RowLayout {
                            RadioButton {
                                objectName: "runOnCpu"
                                text: qsTr("CPU")
                                checked: drawer.settings.backend === "cpu"
                                onToggled: if (checked) drawer.settings.backend = "cpu"
                                Accessible.name: qsTr("Run on the CPU")
                            }
                            RadioButton {
                                objectName: "runOnGpu"
                                text: qsTr("GPU (Vulkan)")
                                checked: drawer.settings.backend === "vulkan"
                                // A choice saved on another machine stays visible (and can be
                                // changed back) where no GPU is found.
                                enabled: drawer.settings.gpuAvailable || checked
                                onToggled: if (checked) drawer.settings.backend = "vulkan"
                                Accessible.name: qsTr("Run on the GPU (Vulkan)")
                            }
                        }
                        Note {
                            objectName: "gpuUnavailableReason"
                            visible: !drawer.settings.gpuAvailable
                            text: qsTr("No GPU can be used: %1").arg(drawer.settings.gpuUnavailableReason)
                        }
                    }
                }

                // App-wide, so it can be chosen before a model is open.
                ColumnLayout {
                    objectName: "gpuPicker"
                    Layout.fillWidth: true
                    spacing: 2
                    Label { text: qsTr("GPU (for all models)"); color: Theme.text }
                    ComboBox {
                        objectName: "gpuDevice"
                        Layout.fillWidth: true
                        enabled: drawer.settings.gpuAvailable
                        model: [{ value: -1, text: qsTr("Automatic (best GPU)") }].concat(
                                   drawer.appSettings.gpuDevices.map((d) => ({ value: d.index, text: d.label })))
                        textRole: "text"
                        valueRole: "value"
                        // count: evaluated again once the model is in (indexOfValue reads no property).
                        currentIndex: count > 0 ? indexOfValue(drawer.appSettings.gpuDevice) : -1
                        onActivated: drawer.appSettings.gpuDevice = currentValue
                        Accessible.name: qsTr("GPU for all models")
                    }
                    Note {
                        objectName: "gpuDeviceNotice"
                        visible: text !== ""
                        text: drawer.appSettings.gpuDeviceNotice
                    }
                }

                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 14
                    enabled: drawer.modelReady

                    SpinRow {
                        objectName: "gpuBudget"
                        label: qsTr("GPU memory budget (MiB, 0: automatic)")
                        enabled: drawer.settings.backend === "vulkan"
                        from: 0; to: 1048576; stepSize: 256; value: drawer.settings.gpuBudgetMiB
                        onModified: (v) => drawer.settings.gpuBudgetMiB = v
                    }
                    Note {
                        text: qsTr("Weights that do not fit the budget run on the CPU; automatic uses the GPU's free memory less a margin.")
                    }
                    Note {
                        objectName: "loadTimeNote"
                        text: qsTr("Context length, threads, where the model runs, the GPU and the GPU memory budget apply when the model is next opened.")
                    }
                    Button {
                        objectName: "reopenModel"
                        text: qsTr("Reopen the model now")
                        Accessible.name: text
                        onClicked: drawer.chat.reopenModel()
                    }

                    Label { text: qsTr("Where the model runs"); color: Theme.text }
                    Note {
                        objectName: "placement"
                        textFormat: Text.PlainText
                        text: {
                            if (!drawer.modelReady) return ""
                            const model = drawer.chat.model
                            const lines = Array.from(model.placement || [])
                            if (lines.length === 0) lines.push(qsTr("Everything runs on the CPU."))
                            if (model.backendNote) lines.push(model.backendNote)
                            return lines.join("\n")
                        }
                    }
                    Button {
                        objectName: "resetModelDefaults"
                        text: qsTr("Reset to model defaults")
                        Accessible.name: text
                        enabled: !drawer.settings.atDefaults
                        onClicked: drawer.settings.resetToDefaults()
                    }
                }
            }

            Rectangle {
                Layout.fillWidth: true
                Layout.topMargin: 6
                implicitHeight: 1
                color: Theme.border
            }

            ColumnLayout {
                objectName: "appSettings"
                Layout.fillWidth: true
                Layout.leftMargin: 20
                Layout.rightMargin: 20
                Layout.bottomMargin: 20
                spacing: 14

                SectionTitle { text: qsTr("App settings") }
                ChoiceRow {
                    objectName: "themeChoice"
                    label: qsTr("Theme")
                    options: [{ value: "system", text: qsTr("System") }, { value: "light", text: qsTr("Light") },
                              { value: "dark", text: qsTr("Dark") }]
                    value: drawer.appSettings.theme
                    onChosen: (v) => drawer.appSettings.theme = v
                }
                ChoiceRow {
                    objectName: "languageChoice"
                    label: qsTr("Language")
                    options: drawer.appSettings.languages.map((l) => ({ value: l.code, text: l.name }))
                    value: drawer.appSettings.language
                    onChosen: (v) => drawer.appSettings.language = v
                }
                ChoiceRow {
                    objectName: "sendKeyChoice"
                    label: qsTr("Send with")
                    options: [{ value: "enter", text: qsTr("Enter") }, { value: "ctrlEnter", text: qsTr("Ctrl+Enter") }]
                    value: drawer.appSettings.sendKey
                    onChosen: (v) => drawer.appSettings.sendKey = v
                }
                Note {
                    text: drawer.appSettings.ctrlEnterSends ? qsTr("Enter starts a new line.")
                                                            : qsTr("Shift+Enter starts a new line.")
                }

                Label { text: qsTr("Default model"); color: Theme.text }
                Note {
                    objectName: "defaultModelName"
                    text: drawer.appSettings.defaultModel === "" ? qsTr("None chosen: Conclave opens SmolLM2 from its models folder when it is there, else it starts without a model.")
                          : qsTr("%1, opened when Conclave starts.").arg(drawer.appSettings.defaultModelName)
                }
                RowLayout {
                    Button {
                        text: qsTr("Use the open model")
                        Accessible.name: qsTr("Use the open model as the default model")
                        enabled: drawer.modelReady && drawer.chat.model.path !== drawer.appSettings.defaultModel
                        onClicked: drawer.appSettings.defaultModel = drawer.chat.model.path
                    }
                    Button {
                        text: qsTr("Clear")
                        enabled: drawer.appSettings.defaultModel !== ""
                        onClicked: drawer.appSettings.defaultModel = ""
                        Accessible.name: qsTr("Clear the default model")
                    }
                }

                Label { text: qsTr("Data folder"); color: Theme.text }
                TextField {
                    objectName: "dataFolder"
                    Layout.fillWidth: true
                    readOnly: true
                    selectByMouse: true
                    text: drawer.appSettings.dataFolder
                    color: Theme.mutedText
                    font.family: Theme.monoFamily
                    font.pixelSize: Theme.smallFontSize
                    Accessible.name: qsTr("Data folder")
                }
                Note { text: qsTr("Conversations and settings are kept here, in conclave.db.") }
            }
        }
    }
}
