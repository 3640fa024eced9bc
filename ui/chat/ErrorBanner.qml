// A non-modal banner for engine errors: what failed, the engine's message, a next step, and
// the error code behind "Details". Dismissed with its close button; never blocks the window.
// With `notice` it carries news rather than a failure (the model runs on the CPU, say), in
// the warning colour.
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
    property bool notice: false
    readonly property color tone: notice ? Theme.warning : Theme.danger

    signal dismissed()

    implicitHeight: content.implicitHeight + 24
    radius: Theme.radius
    color: notice ? Theme.surface : Theme.dangerSurface
    border.color: Qt.rgba(tone.r, tone.g, tone.b, 0.35)
    Accessible.role: Accessible.AlertMessage
    Accessible.name: title

    RowLayout {
        id: content
        anchors.fill: parent
        anchors.margins: 12
        spacing: 12

        Label {
            Layout.alignment: Qt.AlignTop
            text: banner.notice ? "\u24D8" : "\u26A0"
            color: banner.tone
            font.pixelSize: 18
        }
        ColumnLayout {
            Layout.fillWidth: true
            spacing: 4
            Label {
                objectName: "errorTitle"
                Layout.fillWidth: true
                text: banner.title
                color: banner.tone
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
            visible: banner.details.length > 0
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
