// The application window: the conversation sidebar, the model bar, the error banner and the
// chat (or the welcome page while no model is open and the chat is empty), with the
// settings drawer on the right and the model picker (model chip, welcome page; Ctrl+O asks
// for a file and shows its model card). The theme follows the app settings (or
// CONCLAVE_THEME). The composition root (app/) sets the initial properties; the
// window asks to quit through quitRequested() so the app can stop generation and save first.
// A right-to-left language (the application's layout direction, set with the translation)
// mirrors the whole window, popups and drawers included: sidebar on the right, settings
// drawer from the left.
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Conclave.Chat
import Conclave.Models
import Conclave.CodePanel

ApplicationWindow {
    id: window
    objectName: "mainWindow"

    required property string buildSummary
    required property string modelsFolder
    required property ChatController chat
    required property ModelPicker models
    required property AppSettings appSettings
    required property CodePanelController codePanel
    // "light" or "dark" forces a theme over the user's choice (CONCLAVE_THEME); empty: none.
    property string forcedTheme: ""

    // Beside the code panel the chat keeps chatMinimumWidth, so the model bar's chip fits; the
    // panel keeps its minimum (CodePanelController::minimumWidth). A window too narrow for the
    // sidebar as well hides the sidebar while the panel is shown.
    readonly property int sidebarWidth: 264
    readonly property int chatMinimumWidth: 380
    readonly property int panelMinimumWidth: 320
    readonly property int handleWidth: 5
    readonly property bool sidebarShown: !codePanel.panelVisible
        || width >= sidebarWidth + handleWidth + panelMinimumWidth + chatMinimumWidth
    readonly property int panelMaximumWidth: Math.max(panelMinimumWidth,
        width - (sidebarShown ? sidebarWidth : 0) - handleWidth - chatMinimumWidth)

    signal quitRequested()

    width: 1180
    height: 760
    minimumWidth: 720
    minimumHeight: 480
    visible: true
    title: chat.modelStatus === ChatController.Ready ? qsTr("%1 \u2014 Conclave").arg(chat.model.name) : qsTr("Conclave")
    color: Theme.background

    palette.window: Theme.background
    palette.windowText: Theme.text
    palette.base: Theme.background
    palette.alternateBase: Theme.surface
    palette.text: Theme.text
    palette.button: Theme.surface
    palette.buttonText: Theme.text
    palette.highlight: Theme.accent
    palette.highlightedText: Theme.accentText
    palette.placeholderText: Theme.mutedText
    palette.mid: Theme.border
    palette.light: Theme.surfaceHover
    palette.dark: Theme.border
    palette.toolTipBase: Theme.surface
    palette.toolTipText: Theme.text
    font.pixelSize: Theme.fontSize

    LayoutMirroring.enabled: Qt.application.layoutDirection === Qt.RightToLeft
    LayoutMirroring.childrenInherit: true

    Binding {
        target: Theme
        property: "mode"
        value: window.forcedTheme !== "" ? window.forcedTheme : window.appSettings.theme
    }
    onClosing: chat.prepareToQuit()

    function openModelDialog() { modelDialog.open() }
    function openModelPicker() { modelPicker.openList() }

    // One key sequence each: a platform whose StandardKey.Quit or New is Ctrl+Q or Ctrl+N
    // would make a list of both ambiguous, and an ambiguous shortcut never fires. "Ctrl" is
    // Command on macOS.
    Shortcut {
        sequence: "Ctrl+Q"
        context: Qt.ApplicationShortcut
        onActivated: window.quitRequested()
    }
    Shortcut {
        sequence: "Ctrl+N"
        onActivated: { window.chat.newConversation(); chatPage.composer.focusInput() }
    }
    // StandardKey.Open alone: it is Ctrl+O everywhere, and listing "Ctrl+O" as well would make
    // the shortcut ambiguous (it would never fire).
    Shortcut {
        sequence: StandardKey.Open
        enabled: !codePanelView.activeFocus
        onActivated: window.openModelDialog()
    }
    Shortcut {
        sequence: "Ctrl+Shift+C"
        onActivated: {
            window.codePanel.togglePanel()
            if (window.codePanel.panelVisible) codePanelView.forceActiveFocus()
            else chatPage.composer.focusInput()
        }
    }
    Shortcut {
        sequence: "Esc"
        enabled: !searchPopup.visible && !modelPicker.visible && (window.chat.generating || window.chat.modelStatus === ChatController.Loading)
        onActivated: window.chat.generating ? window.chat.stop() : window.chat.cancelLoad()
    }
    Shortcut {
        sequence: "Esc"
        enabled: !searchPopup.visible && !modelPicker.visible && !window.chat.generating && window.chat.modelStatus !== ChatController.Loading
                 && chatPage.editRow >= 0
        onActivated: chatPage.cancelEdit()
    }
    Shortcut {
        sequence: "Ctrl+K"
        onActivated: searchPopup.opened ? searchPopup.close() : searchPopup.open()
    }
    Shortcut {
        sequences: ["Ctrl+/", "Ctrl+?"]
        onActivated: shortcutsOverlay.opened ? shortcutsOverlay.close() : shortcutsOverlay.open()
    }
    Shortcut {
        sequence: "Ctrl+Shift+S"
        onActivated: conversationSettings.opened ? conversationSettings.close() : conversationSettings.open()
    }
    Shortcut {
        sequence: "Ctrl+Shift+A"
        enabled: window.chat.currentConversationId > 0
        onActivated: window.chat.setArchived(window.chat.currentConversationId, !window.chat.currentArchived)
    }
    Shortcut {
        sequence: "Ctrl+,"
        onActivated: settingsDrawer.opened ? settingsDrawer.close() : settingsDrawer.open()
    }

    FileDialog {
        id: modelDialog
        title: qsTr("Open a GGUF model")
        nameFilters: [qsTr("GGUF models (*.gguf)"), qsTr("All files (*)")]
        currentFolder: "file://" + window.modelsFolder
        onAccepted: {
            window.models.chooseFile(selectedFile)
            modelPicker.openCard()
        }
    }

    RowLayout {
        anchors.fill: parent
        spacing: 0

        Sidebar {
            visible: window.sidebarShown
            Layout.preferredWidth: window.sidebarWidth
            Layout.fillHeight: true
            chat: window.chat
            onSearchRequested: searchPopup.open()
        }

        ColumnLayout {
            objectName: "chatColumn"
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.minimumWidth: window.chatMinimumWidth
            spacing: 0

            ModelBar {
                Layout.fillWidth: true
                chat: window.chat
                onOpenRequested: window.openModelPicker()
                onConversationSettingsRequested: conversationSettings.open()
            }

            ErrorBanner {
                Layout.fillWidth: true
                Layout.margins: 12
                Layout.bottomMargin: 0
                visible: window.chat.errorVisible
                title: window.chat.errorTitle
                message: window.chat.errorMessage
                hint: window.chat.errorHint
                details: window.chat.errorDetails
                notice: window.chat.bannerIsNotice
                onDismissed: window.chat.dismissError()
            }

            Item {
                Layout.fillWidth: true
                Layout.fillHeight: true

                WelcomePage {
                    anchors.fill: parent
                    visible: window.chat.modelStatus !== ChatController.Ready && window.chat.messages.count === 0
                    buildSummary: window.buildSummary
                    modelsFolder: window.modelsFolder
                    loading: window.chat.modelStatus === ChatController.Loading
                    onOpenRequested: window.openModelPicker()
                }
                ChatPage {
                    id: chatPage
                    anchors.fill: parent
                    visible: !(window.chat.modelStatus !== ChatController.Ready && window.chat.messages.count === 0)
                    chat: window.chat
                    ctrlEnterSends: window.appSettings.ctrlEnterSends
                    onSettingsRequested: settingsDrawer.open()
                    onOpenInPanelRequested: (code, language) => {
                        window.codePanel.openCode(code, language)
                        codePanelView.forceActiveFocus()
                    }
                }
            }
        }

        // Drag to resize the code panel; its width is remembered.
        Rectangle {
            objectName: "codePanelHandle"
            visible: window.codePanel.panelVisible
            Layout.fillHeight: true
            Layout.preferredWidth: window.handleWidth
            color: handleArea.containsMouse || handleArea.pressed ? Theme.accent : Theme.border
            MouseArea {
                id: handleArea
                anchors.fill: parent
                hoverEnabled: true
                cursorShape: Qt.SplitHCursor
                property real pressX: 0
                property int startWidth: 0
                onPressed: (mouse) => { pressX = mapToItem(null, mouse.x, 0).x; startWidth = window.codePanel.panelWidth }
                onPositionChanged: (mouse) => {
                    if (!pressed) return
                    const moved = mapToItem(null, mouse.x, 0).x - pressX
                    window.codePanel.panelWidth = Math.min(window.panelMaximumWidth,
                                                           Math.max(window.panelMinimumWidth, startWidth - moved))
                }
            }
        }

        CodePanel {
            id: codePanelView
            visible: window.codePanel.panelVisible
            Layout.fillHeight: true
            Layout.minimumWidth: window.panelMinimumWidth
            Layout.preferredWidth: Math.min(window.codePanel.panelWidth, window.panelMaximumWidth)
            controller: window.codePanel
        }
    }

    Connections {
        target: window.codePanel
        function onDiscussRequested(text) {
            chatPage.composer.text = text
            chatPage.composer.focusInput()
        }
    }

    SearchPopup {
        id: searchPopup
        chat: window.chat
        onClosed: chatPage.composer.focusInput()
    }

    ConversationSettingsPopup {
        id: conversationSettings
        chat: window.chat
        onClosed: chatPage.composer.focusInput()
    }

    ShortcutsOverlay {
        id: shortcutsOverlay
        onClosed: chatPage.composer.focusInput()
    }

    ModelPickerPopup {
        id: modelPicker
        picker: window.models
        onOpenFileRequested: {
            modelPicker.close()
            window.openModelDialog()
        }
        onClosed: chatPage.composer.focusInput()
    }
    Binding {
        target: window.models.card
        property: "contextSize"
        value: window.chat.settings.contextLength
    }
    Connections {
        target: window.models
        function onLoadRequested(file) { window.chat.openModel(file) }
    }

    SettingsDrawer {
        id: settingsDrawer
        chat: window.chat
        settings: window.chat.settings
        appSettings: window.appSettings
        onClosed: chatPage.composer.focusInput()
    }

    // Drop a .gguf file anywhere on the window to see its model card (and load it from there).
    DropArea {
        id: drop
        objectName: "modelDropArea"
        // A model file opens; other files are attached to the message being written.
        property bool attaching: false
        // Dropped on the code panel: the file opens there.
        property bool toPanel: false
        anchors.fill: parent
        keys: ["text/uri-list"]
        onPositionChanged: (drag) => {
            toPanel = codePanelView.visible && drag.x >= codePanelView.x && drag.hasUrls
                      && !window.chat.isModelFile(drag.urls[0])
        }
        onEntered: (drag) => {
            toPanel = codePanelView.visible && drag.x >= codePanelView.x && drag.hasUrls
                      && !window.chat.isModelFile(drag.urls[0])
            attaching = drag.hasUrls && !window.chat.isModelFile(drag.urls[0])
            drag.accepted = drag.hasUrls && (!attaching || toPanel
                                             || (TextAttachment.isAttachable(drag.urls[0]) && chatPage.composer.ready))
        }
        onDropped: (event) => {
            if (!event.hasUrls) return
            if (toPanel) {
                window.codePanel.openFile(event.urls[0])
                codePanelView.forceActiveFocus()
            } else if (window.chat.isModelFile(event.urls[0])) {
                window.models.chooseFile(event.urls[0])
                modelPicker.openCard()
            } else {
                chatPage.composer.attachFiles(event.urls)
            }
            event.acceptProposedAction()
        }
        Rectangle {
            anchors.fill: parent
            anchors.margins: 12
            visible: drop.containsDrag
            radius: 16
            color: Qt.rgba(Theme.accent.r, Theme.accent.g, Theme.accent.b, 0.08)
            border.color: Theme.accent
            border.width: 2
            Label {
                anchors.centerIn: parent
                text: drop.toPanel ? qsTr("Drop to open the file in the code panel")
                    : drop.attaching ? qsTr("Drop to attach the file to your message") : qsTr("Drop to open the model")
                color: Theme.accent
                font.pixelSize: 22
                font.weight: Font.DemiBold
            }
        }
    }
}
