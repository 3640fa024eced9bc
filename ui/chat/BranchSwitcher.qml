// ‹ 2/3 ›: which version of a message is shown, with arrows to the others. Hidden when the
// message has a single version.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

RowLayout {
    id: switcher
    objectName: "branchSwitcher"

    property int index: 0 // 0-based
    property int count: 1

    signal moveRequested(int delta)

    visible: count > 1
    spacing: 0

    ToolButton {
        objectName: "previousVersion"
        text: "\u2039"
        enabled: switcher.enabled && switcher.index > 0
        font.pixelSize: Theme.fontSize
        onClicked: switcher.moveRequested(-1)
        Accessible.name: qsTr("Previous version")
    }
    Label {
        objectName: "versionLabel"
        text: qsTr("%1/%2").arg(switcher.index + 1).arg(switcher.count)
        color: Theme.mutedText
        font.pixelSize: Theme.smallFontSize
    }
    ToolButton {
        objectName: "nextVersion"
        text: "\u203A"
        enabled: switcher.enabled && switcher.index < switcher.count - 1
        font.pixelSize: Theme.fontSize
        onClicked: switcher.moveRequested(1)
        Accessible.name: qsTr("Next version")
    }
}
