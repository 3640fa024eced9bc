// How much of the model's context the conversation uses: "1,024 / 4,096 tokens" and a thin
// bar that turns amber past 80% and red past 95%.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

RowLayout {
    id: meter
    objectName: "contextMeter"

    property int used: 0
    property int size: 0
    readonly property real fraction: size > 0 ? Math.min(1, used / size) : 0

    spacing: 8
    visible: size > 0

    Rectangle {
        Layout.preferredWidth: 72
        Layout.preferredHeight: 4
        radius: 2
        color: Theme.border
        Rectangle {
            width: parent.width * meter.fraction
            height: parent.height
            radius: 2
            color: meter.fraction > 0.95 ? Theme.danger : meter.fraction > 0.8 ? Theme.warning : Theme.accent
        }
    }
    Label {
        objectName: "contextMeterText"
        text: qsTr("%1 / %2 tokens").arg(meter.used.toLocaleString(Qt.locale(), "f", 0))
                                     .arg(meter.size.toLocaleString(Qt.locale(), "f", 0))
        color: meter.fraction > 0.95 ? Theme.danger : Theme.mutedText
        font.pixelSize: Theme.smallFontSize
        Accessible.name: qsTr("Context used: %1 of %2 tokens").arg(meter.used).arg(meter.size)
    }
}
