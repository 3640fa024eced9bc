// The bar above the chat: the conversation's title with the button of its own settings
// (conversationSettingsRequested), and the model — its name, where it runs
// ("GPU" or "CPU", the device and placement in a tooltip), parameters, quantization and
// context when loaded, load progress with Cancel while loading,
// or "Open model…" when none is loaded. The chip and the button ask for the model picker
// (openRequested). In a narrow bar (the code panel beside the chat) the title gives way first,
// then the chip elides the model's facts and name.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Conclave.Chat

Rectangle {
    id: bar
    objectName: "modelBar"

    required property ChatController chat

    signal openRequested()
    signal conversationSettingsRequested()

    implicitHeight: 56
    color: Theme.background

    Rectangle {
        anchors.bottom: parent.bottom
        width: parent.width
        height: 1
        color: Theme.border
    }

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: 20
        anchors.rightMargin: 12
        spacing: 12

        Label {
            objectName: "conversationTitle"
            Layout.fillWidth: true
            Layout.preferredWidth: 0
            text: bar.chat.currentTitle
            color: Theme.text
            font.pixelSize: 15
            font.weight: Font.DemiBold
            elide: Text.ElideRight
        }

        // The conversation's own settings; the dot says some override the model's.
        ToolButton {
            id: conversationSettingsButton
            objectName: "conversationSettingsButton"
            text: "\u2699"
            font.pixelSize: 17
            hoverEnabled: true
            onClicked: bar.conversationSettingsRequested()
            ToolTip.visible: hovered
            ToolTip.text: bar.chat.conversationSettings.hasOverrides
                          ? qsTr("Conversation settings (Ctrl+Shift+S): this conversation has its own")
                          : qsTr("Conversation settings (Ctrl+Shift+S)")
            Accessible.name: qsTr("Conversation settings")
            Rectangle {
                objectName: "overridesDot"
                visible: bar.chat.conversationSettings.hasOverrides
                width: 7
                height: 7
                radius: 3.5
                color: Theme.accent
                anchors.right: parent.right
                anchors.top: parent.top
                anchors.margins: 5
            }
        }

        // Loading.
        RowLayout {
            visible: bar.chat.modelStatus === ChatController.Loading
            spacing: 10
            Label {
                text: qsTr("Loading %1").arg(bar.chat.loadingFile)
                color: Theme.mutedText
                font.pixelSize: Theme.smallFontSize
                elide: Text.ElideMiddle
                Layout.maximumWidth: 260
            }
            ProgressBar {
                objectName: "loadProgress"
                Layout.preferredWidth: 140
                from: 0
                to: 1
                value: bar.chat.loadProgress
            }
            Button {
                flat: true
                text: qsTr("Cancel")
                onClicked: bar.chat.cancelLoad()
            }
        }

        // Loaded.
        AbstractButton {
            id: modelChip
            objectName: "modelChip"
            visible: bar.chat.modelStatus === ChatController.Ready
            implicitHeight: 38
            implicitWidth: chipRow.implicitWidth + 24
            Layout.maximumWidth: implicitWidth
            Layout.minimumWidth: Math.min(implicitWidth, 160)
            Layout.fillWidth: true
            hoverEnabled: true
            onClicked: bar.openRequested()
            ToolTip.visible: hovered && !backendHover.hovered
            ToolTip.text: qsTr("%1\nClick to choose another model").arg(bar.chat.model.path || "")
            Accessible.name: qsTr("Model: %1").arg(bar.chat.model.name || "")
            background: Rectangle {
                radius: 19
                color: modelChip.hovered ? Theme.surfaceHover : Theme.surface
            }
            contentItem: RowLayout {
                id: chipRow
                spacing: 8
                Rectangle {
                    Layout.leftMargin: 12
                    width: 8
                    height: 8
                    radius: 4
                    color: "#3fb950"
                }
                Label {
                    objectName: "modelName"
                    Layout.fillWidth: true
                    Layout.minimumWidth: Math.min(implicitWidth, 60)
                    Layout.preferredWidth: implicitWidth
                    text: bar.chat.model.name || ""
                    color: Theme.text
                    font.weight: Font.DemiBold
                    elide: Text.ElideRight
                }
                Label {
                    id: backendLabel
                    objectName: "modelBackend"
                    readonly property bool onGpu: bar.chat.model.backendName === "vulkan"
                    text: onGpu ? qsTr("GPU") : qsTr("CPU")
                    color: onGpu ? Theme.accent : Theme.mutedText
                    font.pixelSize: Theme.smallFontSize
                    font.weight: Font.DemiBold
                    Accessible.name: onGpu ? qsTr("Runs on the GPU") : qsTr("Runs on the CPU")
                    HoverHandler { id: backendHover }
                    ToolTip.visible: backendHover.hovered
                    // The device and what is on it; on the CPU, why the GPU is not used.
                    ToolTip.text: {
                        const placement = Array.from(bar.chat.model.placement || [])
                        if (placement.length > 0) return placement.join("\n")
                        return bar.chat.model.backendNote || qsTr("Runs on the CPU")
                    }
                }
                Label {
                    objectName: "modelFacts"
                    Layout.fillWidth: true
                    Layout.minimumWidth: 0
                    Layout.preferredWidth: implicitWidth
                    Layout.rightMargin: 12
                    elide: Text.ElideRight
                    text: [bar.chat.model.parameters, bar.chat.model.quantMix,
                           qsTr("%1 ctx").arg(bar.chat.model.contextSize)].filter(s => !!s).join(" \u00B7 ")
                    color: Theme.mutedText
                    font.pixelSize: Theme.smallFontSize
                }
            }
        }

        // None.
        AccentButton {
            objectName: "openModelButton"
            visible: bar.chat.modelStatus === ChatController.NoModel
            text: qsTr("Open model\u2026")
            onClicked: bar.openRequested()
        }
    }
}
