// Generation settings, sliding in from the right: system prompt, sampling (temperature,
// top-k, top-p, min-p, repetition penalty), answer length, seed and the context length used
// at the next model load. Changes apply to the next answer.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Conclave.Chat

Drawer {
    id: drawer
    objectName: "settingsDrawer"

    required property SamplingSettings settings

    edge: Qt.RightEdge
    width: Math.min(380, parent ? parent.width * 0.9 : 380)
    background: Rectangle {
        color: Theme.background
        Rectangle {
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
            Label { Layout.fillWidth: true; text: row.label; color: Theme.text }
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

    component SpinRow: RowLayout {
        id: spin
        property string label
        property int from
        property int to
        property int value
        property int stepSize: 1
        signal modified(int value)
        Layout.fillWidth: true
        Label { Layout.fillWidth: true; text: spin.label; color: Theme.text }
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

        ColumnLayout {
            width: parent.width
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
                Layout.fillWidth: true
                Layout.leftMargin: 20
                Layout.rightMargin: 20
                spacing: 14

                Label { text: qsTr("System prompt"); color: Theme.text }
                TextArea {
                    objectName: "systemPrompt"
                    Layout.fillWidth: true
                    Layout.preferredHeight: 90
                    wrapMode: TextArea.Wrap
                    placeholderText: qsTr("e.g. You are a concise assistant.")
                    text: drawer.settings.systemPrompt
                    onTextChanged: if (text !== drawer.settings.systemPrompt) drawer.settings.systemPrompt = text
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
                Label {
                    Layout.fillWidth: true
                    text: qsTr("Context length and threads apply the next time a model is opened.")
                    color: Theme.mutedText
                    font.pixelSize: 11
                    wrapMode: Text.WordWrap
                }
                Button {
                    text: qsTr("Reset to defaults")
                    Accessible.name: text
                    onClicked: drawer.settings.resetToDefaults()
                }
            }
        }
    }
}
