// Search over every conversation (Ctrl+K, or the search button of the sidebar): results
// appear as the user types (after a 150 ms pause), each with the conversation's title, a
// snippet with the matched words in the accent colour, and the date. Up/Down choose, Enter
// or a click opens the conversation on that message's branch and scrolls to it; Esc closes.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Conclave.Chat

Popup {
    id: popup
    objectName: "searchPopup"

    required property ChatController chat

    modal: true
    focus: true
    closePolicy: Popup.CloseOnEscape | Popup.CloseOnPressOutside
    x: Math.round((parent.width - width) / 2)
    y: Math.round(parent.height * 0.12)
    width: Math.min(640, parent.width - 48)
    height: Math.min(480, parent.height * 0.76)
    padding: 0

    function openResult(row) {
        if (row < 0 || row >= results.count) return
        if (popup.chat.openSearchResult(row)) popup.close()
    }

    onOpened: {
        field.text = ""
        field.forceActiveFocus()
    }
    onClosed: field.text = ""

    Binding {
        target: popup.chat.search
        property: "highlightColor"
        value: Theme.accent
    }

    background: Rectangle {
        color: Theme.background
        border.color: Theme.border
        radius: Theme.radius
    }

    contentItem: ColumnLayout {
        // Mirrored from the start in a right-to-left language (the window's mirroring reaches
        // a popup only once it opens, after its rows were laid out).
        LayoutMirroring.enabled: Qt.application.layoutDirection === Qt.RightToLeft
        LayoutMirroring.childrenInherit: true
        spacing: 0

        TextField {
            id: field
            objectName: "searchField"
            Layout.fillWidth: true
            Layout.margins: 12
            placeholderText: qsTr("Search all conversations")
            font.pixelSize: Theme.fontSize + 1
            selectByMouse: true
            Accessible.name: qsTr("Search")
            onTextChanged: popup.chat.search.query = text
            Keys.onUpPressed: results.currentIndex = Math.max(0, results.currentIndex - 1)
            Keys.onDownPressed: results.currentIndex = Math.min(results.count - 1, results.currentIndex + 1)
            Keys.onReturnPressed: popup.openResult(results.currentIndex)
            Keys.onEnterPressed: popup.openResult(results.currentIndex)
        }

        Rectangle {
            Layout.fillWidth: true
            implicitHeight: 1
            color: Theme.border
        }

        ListView {
            id: results
            objectName: "searchResults"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: popup.chat.search
            currentIndex: count > 0 ? 0 : -1
            onCountChanged: currentIndex = count > 0 ? 0 : -1
            highlightMoveDuration: 0
            ScrollBar.vertical: ScrollBar {}

            delegate: ItemDelegate {
                id: hit
                required property int index
                required property string title
                required property string snippet
                required property string dateText
                objectName: "searchResult" + index
                width: results.width
                highlighted: ListView.isCurrentItem
                hoverEnabled: true
                onClicked: popup.openResult(index)
                background: Rectangle {
                    color: hit.highlighted ? Theme.selection : (hit.hovered ? Theme.surfaceHover : "transparent")
                }
                contentItem: ColumnLayout {
                    spacing: 2
                    RowLayout {
                        Layout.fillWidth: true
                        Label {
                            Layout.fillWidth: true
                            text: hit.title
                            color: Theme.text
                            font.pixelSize: Theme.fontSize
                            font.weight: Font.DemiBold
                            elide: Text.ElideRight
                        }
                        Label {
                            text: hit.dateText
                            color: Theme.mutedText
                            font.pixelSize: Theme.smallFontSize
                        }
                    }
                    Label {
                        Layout.fillWidth: true
                        text: hit.snippet
                        textFormat: Text.StyledText
                        color: Theme.mutedText
                        font.pixelSize: Theme.smallFontSize + 1
                        wrapMode: Text.Wrap
                        maximumLineCount: 2
                        elide: Text.ElideRight
                    }
                }
            }

            Label {
                anchors.centerIn: parent
                visible: results.count === 0
                text: field.text.trim().length === 0 ? qsTr("Type to search messages and titles")
                                                     : qsTr("No results")
                color: Theme.mutedText
            }
        }
    }
}
