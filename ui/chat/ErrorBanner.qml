// A non-modal banner for engine errors: what failed, the engine's message, a next step, and
// the error code behind "Details". Dismissed with its close button; never blocks the window.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

Rectangle {
    id: banner
    objectName: "errorBanner"

    property string title
    property string message
    property string hint
    property string details
    property bool showDetails: false

    signal dismissed()

    implicitHeight: content.implicitHeight + 24
    radius: Theme.radius
    color: Theme.dangerSurface
    border.color: Qt.rgba(Theme.danger.r, Theme.danger.g, Theme.danger.b, 0.35)
    Accessible.role: Accessible.AlertMessage
    Accessible.name: title

    RowLayout {
        id: content
        anchors.fill: parent
        anchors.margins: 12
        spacing: 12

        Label {
            Layout.alignment: Qt.AlignTop
            text: "\u26A0"
            color: Theme.danger
            font.pixelSize: 18
        }
        ColumnLayout {
            Layout.fillWidth: true
            spacing: 4
            Label {
                objectName: "errorTitle"
                Layout.fillWidth: true
                text: banner.title
                color: Theme.danger
                font.weight: Font.DemiBold
                wrapMode: Text.WordWrap
            }
            Label {
                objectName: "errorMessage"
                Layout.fillWidth: true
                text: banner.message
                color: Theme.text
                wrapMode: Text.WordWrap
                textFormat: Text.PlainText
            }
            Label {
                Layout.fillWidth: true
                visible: banner.hint.length > 0
                text: banner.hint
                color: Theme.mutedText
                wrapMode: Text.WordWrap
            }
            Label {
                Layout.fillWidth: true
                visible: banner.showDetails
                text: banner.details
                color: Theme.mutedText
                font.family: Theme.monoFamily
                font.pixelSize: Theme.smallFontSize
                textFormat: Text.PlainText
            }
        }
        Button {
            Layout.alignment: Qt.AlignTop
            flat: true
            text: banner.showDetails ? qsTr("Hide details") : qsTr("Details")
            onClicked: banner.showDetails = !banner.showDetails
        }
        ToolButton {
            Layout.alignment: Qt.AlignTop
            text: "\u2715"
            onClicked: banner.dismissed()
            Accessible.name: qsTr("Dismiss")
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Dismiss")
        }
    }
}
