// The model picker (the model bar's model chip, the welcome page, Ctrl+O's file dialog): the
// recent models and the GGUF files found on disk, filtered as the user types; Up/Down choose,
// Enter or a click shows the model card, where Load loads it. "Open GGUF file…" asks for any
// file, "Add folder…" adds a folder to the search. Esc closes the list, and on the card goes
// back to the list.
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Conclave.Chat
import Conclave.Models

Popup {
    id: popup
    objectName: "modelPicker"

    required property ModelPicker picker

    signal openFileRequested()

    readonly property bool showingCard: pages.currentIndex === 1

    modal: true
    focus: true
    closePolicy: showingCard ? Popup.CloseOnPressOutside : (Popup.CloseOnEscape | Popup.CloseOnPressOutside)
    x: Math.round((parent.width - width) / 2)
    y: Math.round(parent.height * 0.1)
    width: Math.min(680, parent.width - 48)
    height: Math.min(540, parent.height * 0.8)
    padding: 0

    // Opens on the list and searches the folders again.
    function openList() {
        pages.currentIndex = 0
        field.text = ""
        popup.picker.refresh()
        popup.open()
        field.forceActiveFocus()
    }
    // Opens on the card of the model the picker was just given.
    function openCard() {
        pages.currentIndex = 1
        popup.open()
        cardView.forceActiveFocus()
    }
    function chooseRow(row) {
        if (row < 0 || row >= list.count) return
        popup.picker.choose(row)
        pages.currentIndex = 1
        cardView.forceActiveFocus()
    }

    onClosed: field.text = ""

    background: Rectangle {
        color: Theme.background
        border.color: Theme.border
        radius: Theme.radius
    }

    FolderDialog {
        id: folderDialog
        title: qsTr("Add a folder to search for models")
        onAccepted: popup.picker.addFolder(selectedFolder)
    }

    contentItem: StackLayout {
        // Mirrored from the start in a right-to-left language (the window's mirroring reaches
        // a popup only once it opens, after its rows were laid out).
        LayoutMirroring.enabled: Qt.application.layoutDirection === Qt.RightToLeft
        LayoutMirroring.childrenInherit: true
        id: pages

        // The list.
        ColumnLayout {
            spacing: 0

            TextField {
                id: field
                objectName: "modelFilter"
                Layout.fillWidth: true
                Layout.margins: 12
                placeholderText: qsTr("Filter models")
                selectByMouse: true
                Accessible.name: qsTr("Filter models")
                onTextChanged: popup.picker.models.filter = text
                Keys.onUpPressed: list.currentIndex = Math.max(0, list.currentIndex - 1)
                Keys.onDownPressed: list.currentIndex = Math.min(list.count - 1, list.currentIndex + 1)
                Keys.onReturnPressed: popup.chooseRow(list.currentIndex)
                Keys.onEnterPressed: popup.chooseRow(list.currentIndex)
            }

            Rectangle {
                Layout.fillWidth: true
                implicitHeight: 1
                color: Theme.border
            }

            ListView {
                id: list
                objectName: "modelList"
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                model: popup.picker.models
                currentIndex: count > 0 ? 0 : -1
                onCountChanged: currentIndex = count > 0 ? 0 : -1
                highlightMoveDuration: 0
                ScrollBar.vertical: ScrollBar {}
                Accessible.name: qsTr("Models")
                Accessible.role: Accessible.List

                section.property: "section"
                section.delegate: Label {
                    required property string section
                    width: list.width
                    leftPadding: 14
                    topPadding: 10
                    bottomPadding: 4
                    text: section
                    color: Theme.mutedText
                    font.pixelSize: Theme.smallFontSize
                    font.weight: Font.DemiBold
                }

                delegate: ModelRow {
                    objectName: "modelRow" + index
                    width: list.width
                    highlighted: ListView.isCurrentItem
                    onClicked: popup.chooseRow(index)
                }

                Label {
                    anchors.centerIn: parent
                    width: parent.width - 48
                    visible: list.count === 0
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.Wrap
                    color: Theme.mutedText
                    text: popup.picker.scanning ? qsTr("Looking for models\u2026")
                          : field.text.trim().length > 0 ? qsTr("No model matches")
                          : qsTr("No GGUF models found. Open a file, or add the folder that holds your models.")
                }
            }

            Rectangle {
                Layout.fillWidth: true
                implicitHeight: 1
                color: Theme.border
            }

            RowLayout {
                Layout.fillWidth: true
                Layout.margins: 10
                spacing: 8
                Button {
                    objectName: "openFileButton"
                    text: qsTr("Open GGUF file\u2026")
                    Accessible.name: qsTr("Open a GGUF file")
                    onClicked: popup.openFileRequested()
                }
                Button {
                    objectName: "addFolderButton"
                    flat: true
                    text: qsTr("Add folder\u2026")
                    Accessible.name: qsTr("Add a folder to search for models")
                    onClicked: folderDialog.open()
                }
                Repeater {
                    model: popup.picker.folders
                    delegate: Button {
                        required property string modelData
                        flat: true
                        text: qsTr("%1 \u2715").arg(modelData.split("/").pop())
                        font.pixelSize: Theme.smallFontSize
                        ToolTip.visible: hovered
                        ToolTip.text: qsTr("Stop searching %1").arg(modelData)
                        Accessible.name: qsTr("Remove the folder %1").arg(modelData)
                        onClicked: popup.picker.removeFolder(modelData)
                    }
                }
                Item { Layout.fillWidth: true }
                BusyIndicator {
                    implicitWidth: 22
                    implicitHeight: 22
                    visible: popup.picker.scanning
                    running: visible
                    Accessible.name: qsTr("Looking for models")
                }
            }
        }

        // The card.
        ModelCardView {
            id: cardView
            picker: popup.picker
            onBackRequested: {
                pages.currentIndex = 0
                field.forceActiveFocus()
            }
            onLoadRequested: if (popup.picker.load()) popup.close()
        }
    }
}
