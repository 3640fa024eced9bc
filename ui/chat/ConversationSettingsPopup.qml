// The open conversation's own settings (Ctrl+Shift+S, or the button beside the title): a
// system prompt, sampling values, the answer length and — when the loaded model's chat
// template offers them — thinking on/off and the reasoning effort, overriding the model's
// for this conversation only.
// Each row has a check box: off, the row shows the model's value (disabled) and follows it;
// on, the value is the conversation's own, saved with the conversation. "Use model defaults"
// turns every row off. Changes apply to the next answer. Esc closes.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Conclave.Chat

Popup {
    id: popup
    objectName: "conversationSettingsPopup"

    required property ChatController chat
    readonly property ConversationSettings settings: chat.conversationSettings

    modal: true
    focus: true
    closePolicy: Popup.CloseOnEscape | Popup.CloseOnPressOutside
    x: Math.round((parent.width - width) / 2)
    y: Math.round(parent.height * 0.08)
    // Never narrower than its rows need: a width of 0 before the window has its size would
    // wrap the labels a word a line, and the layout kept those heights.
    width: parent && parent.width > 0 ? Math.max(360, Math.min(520, parent.width - 48)) : 520
    height: Math.min(implicitHeight, parent.height * 0.86)
    padding: 0

    background: Rectangle {
        color: Theme.background
        border.color: Theme.border
        radius: Theme.radius
    }

    // A check box naming the setting: on when the conversation overrides it.
    component OverrideBox: CheckBox {
        id: box
        required property string key
        property string label
        objectName: "override_" + key
        text: label
        checked: popup.settings.overridden.indexOf(key) >= 0
        onToggled: checked ? popup.settings.keep(key) : popup.settings.reset(key)
        Accessible.name: qsTr("Own value for %1").arg(label)
    }

    // The box and the value on one line, the slider under them with the full width (so a
    // long translation of the label is never cut).
    component SliderOverride: ColumnLayout {
        id: row
        required property string key
        property string label
        property real from
        property real to
        property real value
        signal moved(real value)
        Layout.fillWidth: true
        spacing: 0
        RowLayout {
            Layout.fillWidth: true
            OverrideBox { id: overrideBox; key: row.key; label: row.label; Layout.fillWidth: true }
            Label {
                text: row.value.toFixed(2)
                color: overrideBox.checked ? Theme.text : Theme.mutedText
                font.family: Theme.monoFamily
                font.pixelSize: Theme.smallFontSize
            }
        }
        Slider {
            objectName: "value_" + row.key
            Layout.fillWidth: true
            Layout.leftMargin: 28
            enabled: overrideBox.checked
            from: row.from
            to: row.to
            stepSize: 0.01
            value: row.value
            onMoved: row.moved(value)
            Accessible.name: row.label
        }
    }

    component SpinOverride: RowLayout {
        id: spinRow
        required property string key
        property string label
        property int from
        property int to
        property int stepSize: 1
        property int value
        signal modified(int value)
        Layout.fillWidth: true
        OverrideBox { id: spinBox; key: spinRow.key; label: spinRow.label; Layout.fillWidth: true }
        SpinBox {
            objectName: "value_" + spinRow.key
            enabled: spinBox.checked
            from: spinRow.from
            to: spinRow.to
            stepSize: spinRow.stepSize
            value: spinRow.value
            editable: true
            onValueModified: spinRow.modified(value)
            Accessible.name: spinRow.label
        }
    }

    // The title and "Use model defaults" stay in view; the rows between them scroll when the
    // window is short.
    contentItem: ColumnLayout {
        // Mirrored from the start in a right-to-left language (the window's mirroring reaches
        // a popup only once it opens, after its rows were laid out).
        LayoutMirroring.enabled: Qt.application.layoutDirection === Qt.RightToLeft
        LayoutMirroring.childrenInherit: true
        spacing: 10

        RowLayout {
            Layout.fillWidth: true
            Layout.margins: 16
            Layout.bottomMargin: 0
            Label {
                Layout.fillWidth: true
                text: qsTr("Conversation settings")
                color: Theme.text
                font.pixelSize: 17
                font.weight: Font.DemiBold
                Accessible.role: Accessible.Heading
            }
            ToolButton {
                text: "\u2715"
                onClicked: popup.close()
                Accessible.name: qsTr("Close conversation settings")
            }
        }

        ScrollView {
            id: scroll
            Layout.fillWidth: true
            Layout.fillHeight: true
            implicitHeight: rowsColumn.implicitHeight
            contentWidth: availableWidth

            ColumnLayout {
                id: rowsColumn
                // The popup's width from the first layout on (the scroll view's is 0 until it
                // is shown, and labels laid out that narrow would keep a wrapped height).
                x: 16
                width: popup.availableWidth - 32
                spacing: 10

                Label {
                    Layout.fillWidth: true
                    text: qsTr("For \u201C%1\u201D only. A value not ticked follows the model's settings.").arg(popup.chat.currentTitle)
                    color: Theme.mutedText
                    font.pixelSize: Theme.smallFontSize
                    wrapMode: Text.WordWrap
                }

                OverrideBox { id: promptBox; key: "systemPrompt"; label: qsTr("System prompt") }
                TextArea {
                    id: promptArea
                    objectName: "value_systemPrompt"
                    Layout.fillWidth: true
                    Layout.preferredHeight: 80
                    enabled: promptBox.checked
                    wrapMode: TextArea.Wrap
                    placeholderText: qsTr("No system prompt")
                    text: popup.settings.systemPrompt
                    onTextChanged: if (enabled && text !== popup.settings.systemPrompt) popup.settings.systemPrompt = text
                    Accessible.name: qsTr("Conversation system prompt")
                    // Tab moves on (a system prompt rarely needs a tab character).
                    Keys.onTabPressed: nextItemInFocusChain(true).forceActiveFocus(Qt.TabFocusReason)
                    Keys.onBacktabPressed: nextItemInFocusChain(false).forceActiveFocus(Qt.BacktabFocusReason)
                }

                // Typing replaces the text's binding; another conversation's prompt (or the
                // model's, once reset) is put back here.
                Connections {
                    target: popup.settings
                    function onChanged() {
                        if (promptArea.text !== popup.settings.systemPrompt) promptArea.text = popup.settings.systemPrompt
                    }
                }

                SliderOverride {
                    key: "temperature"; label: qsTr("Temperature")
                    from: 0; to: 2; value: popup.settings.temperature
                    onMoved: (v) => popup.settings.temperature = v
                }
                SpinOverride {
                    key: "topK"; label: qsTr("Top-k")
                    from: 0; to: 1000; value: popup.settings.topK
                    onModified: (v) => popup.settings.topK = v
                }
                SliderOverride {
                    key: "topP"; label: qsTr("Top-p")
                    from: 0; to: 1; value: popup.settings.topP
                    onMoved: (v) => popup.settings.topP = v
                }
                SliderOverride {
                    key: "minP"; label: qsTr("Min-p")
                    from: 0; to: 1; value: popup.settings.minP
                    onMoved: (v) => popup.settings.minP = v
                }
                SliderOverride {
                    key: "repeatPenalty"; label: qsTr("Repetition penalty")
                    from: 1; to: 2; value: popup.settings.repeatPenalty
                    onMoved: (v) => popup.settings.repeatPenalty = v
                }
                SpinOverride {
                    key: "seed"; label: qsTr("Seed (\u22121: random)")
                    from: -1; to: 2147483647; value: popup.settings.seed
                    onModified: (v) => popup.settings.seed = v
                }
                SpinOverride {
                    key: "maxTokens"; label: qsTr("Max tokens per answer")
                    from: 1; to: 32768; stepSize: 64; value: popup.settings.maxTokens
                    onModified: (v) => popup.settings.maxTokens = v
                }

                // Reasoning choices: only for a model whose chat template reads them (as in
                // the model's settings); a conversation's choice is kept while another model
                // is loaded and applies again when one offering it is.
                RowLayout {
                    Layout.fillWidth: true
                    visible: popup.settings.thinkingSupported
                    OverrideBox { id: thinkingBox; key: "thinking"; label: qsTr("Thinking"); Layout.fillWidth: true }
                    Switch {
                        objectName: "value_thinking"
                        enabled: thinkingBox.checked
                        checked: popup.settings.thinking
                        onToggled: popup.settings.thinking = checked
                        Accessible.name: qsTr("Thinking")
                    }
                }
                RowLayout {
                    Layout.fillWidth: true
                    visible: popup.settings.effortSupported
                    OverrideBox { id: effortBox; key: "reasoningEffort"; label: qsTr("Reasoning effort"); Layout.fillWidth: true }
                    ComboBox {
                        id: effortChoice
                        objectName: "value_reasoningEffort"
                        enabled: effortBox.checked
                        textRole: "text"
                        valueRole: "value"
                        model: [{ value: "low", text: qsTr("Low") }, { value: "medium", text: qsTr("Medium") },
                                { value: "high", text: qsTr("High") }]
                        currentIndex: indexOfValue(popup.settings.reasoningEffort)
                        onActivated: popup.settings.reasoningEffort = currentValue
                        Accessible.name: qsTr("Reasoning effort")
                    }
                }
            }
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.leftMargin: 16
            Layout.rightMargin: 16
            Layout.bottomMargin: 16
            Label {
                Layout.fillWidth: true
                text: qsTr("Changes apply to the next answer.")
                color: Theme.mutedText
                font.pixelSize: Theme.smallFontSize
                wrapMode: Text.WordWrap
            }
            Button {
                objectName: "useModelDefaults"
                text: qsTr("Use model defaults")
                enabled: popup.settings.hasOverrides
                onClicked: popup.settings.resetAll()
                Accessible.name: qsTr("Use model defaults")
            }
        }
    }
}
