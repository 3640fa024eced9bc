// The one prominent action of a view (Open model…): filled with the accent colour.
import QtQuick
import QtQuick.Controls

Button {
    id: button
    implicitHeight: 36
    leftPadding: 18
    rightPadding: 18
    hoverEnabled: true
    Accessible.name: text
    contentItem: Label {
        text: button.text
        color: Theme.accentText
        font.weight: Font.DemiBold
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
    }
    background: Rectangle {
        radius: 18
        color: Theme.accent
        opacity: !button.enabled ? 0.5 : button.down ? 0.8 : button.hovered ? 0.92 : 1
    }
}
