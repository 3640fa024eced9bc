// The model picker (the model bar's model chip, the welcome page, Ctrl+O's file dialog): the
// recent models and the GGUF files found on disk, filtered as the user types; Up/Down choose,
// Enter or a click shows the model card, where Load loads it. "Open GGUF file…" asks for any
// file, "Add folder…" adds a folder to the search. Esc closes the list, and on the card goes
// back to the list. Each row has a star (favourites are listed first) and a menu (its ⋯
// button, a right click, or the Menu key / Shift+F10 for the chosen row): add to or remove
// from favourites, "Locate…" a missing file (a file dialog; the file chosen becomes the
// model's path, its settings kept), "Remove from recent" (the file is never touched).
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
    // The row menu (the tests read it: a Menu is not an item of the popup's tree).
    readonly property alias rowMenu: actionsMenu

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

    // The row's actions, used by its star and menu and by the tests (the dialog's answer
    // goes through locateChosen, as a test's stubbed choice does).
    function toggleFavourite(row) {
        const item = list.itemAtIndex(row)
        if (!item) return
        const path = item.path
        if (popup.picker.setFavourite(row, !item.favourite))
            list.currentIndex = Math.max(0, popup.picker.models.rowOfPath(path))
    }
    function removeFromRecent(row) {
        if (popup.picker.removeFromRecent(row))
            list.currentIndex = Math.min(row, list.count - 1)
    }
    function askLocate(row) {
        locateDialog.row = row
        locateDialog.open()
    }
    function locateChosen(row, file) {
        return popup.picker.locate(row, file)
    }
    function openRowMenu(row, anchor) {
        const item = list.itemAtIndex(row)
        if (!item) return
        list.currentIndex = row
        actionsMenu.row = row
        actionsMenu.name = item.name
        actionsMenu.favourite = item.favourite
        actionsMenu.missing = item.missing
        actionsMenu.remembered = item.remembered
        actionsMenu.popup(anchor || item, 0, (anchor || item).height)
    }

    onClosed: field.text = ""

    background: Rectangle {
        color: Theme.background
        border.color: Theme.border
        radius: Theme.radius
    }

    // "Locate…": the file chosen replaces the missing model's path.
    FileDialog {
        id: locateDialog
        property int row: -1
        title: qsTr("Locate the model file")
        nameFilters: [qsTr("GGUF models (*.gguf)"), qsTr("All files (*)")]
        onAccepted: popup.locateChosen(row, selectedFile)
    }

    Connections {
        target: popup.picker
        function onLocated(path) { list.currentIndex = Math.max(0, popup.picker.models.rowOfPath(path)) }
    }

    Menu {
        id: actionsMenu
        objectName: "modelRowMenu"
        property int row: -1
        property string name
        property bool favourite
        property bool missing
        property bool remembered
        MenuItem {
            objectName: "favouriteItem"
            text: actionsMenu.favourite ? qsTr("Remove from favourites") : qsTr("Add to favourites")
            onTriggered: popup.toggleFavourite(actionsMenu.row)
        }
        MenuItem {
            objectName: "locateItem"
            visible: actionsMenu.missing && actionsMenu.remembered
            height: visible ? implicitHeight : 0
            text: qsTr("Locate\u2026")
            onTriggered: popup.askLocate(actionsMenu.row)
        }
        MenuItem {
            objectName: "removeFromRecentItem"
            visible: actionsMenu.remembered
            height: visible ? implicitHeight : 0
            text: qsTr("Remove from recent")
            onTriggered: popup.removeFromRecent(actionsMenu.row)
        }
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
                // The Menu key (or Shift+F10) opens the chosen row's menu, as a right click.
                Keys.onPressed: (event) => {
                    if (event.key === Qt.Key_Menu || (event.key === Qt.Key_F10 && (event.modifiers & Qt.ShiftModifier))) {
                        popup.openRowMenu(list.currentIndex, null)
                        event.accepted = true
                    }
                }
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
                    required property string path
                    objectName: "modelRow" + index
                    width: list.width
                    highlighted: ListView.isCurrentItem
                    onClicked: popup.chooseRow(index)
                    onFavouriteToggled: popup.toggleFavourite(index)
                    onMenuRequested: (anchor) => popup.openRowMenu(index, anchor)
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

            Label {
                objectName: "pickerNotice"
                Layout.fillWidth: true
                Layout.leftMargin: 14
                Layout.rightMargin: 14
                visible: popup.picker.notice !== ""
                text: popup.picker.notice
                color: Theme.danger
                wrapMode: Text.Wrap
                font.pixelSize: Theme.smallFontSize
                Accessible.role: Accessible.AlertMessage
                Accessible.name: text
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
