// The model card: what a chosen model is and whether this machine can run it, shown before
// it loads — architecture, parameters, experts, quantization, trained context, file size,
// the memory needed at the chosen context beside the memory available. A model that will not
// fit, is damaged, or runs an architecture Conclave does not support says why and Load stays
// disabled. Enter loads, Esc (or Back) returns to the list.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Conclave.Chat
import Conclave.Models

FocusScope {
    id: view
    objectName: "modelCard"

    required property ModelPicker picker
    readonly property ModelCard card: picker.card

    signal backRequested()
    signal loadRequested()

    component FactName: Label {
        color: Theme.mutedText
        font.pixelSize: Theme.smallFontSize + 1
    }
    component FactValue: Label {
        Layout.fillWidth: true
        color: Theme.text
        elide: Text.ElideRight
    }

    Keys.onEscapePressed: view.backRequested()
    Keys.onReturnPressed: if (view.card.canLoad) view.loadRequested()
    Keys.onEnterPressed: if (view.card.canLoad) view.loadRequested()

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 20
        spacing: 14

        Label {
            objectName: "modelCardName"
            Layout.fillWidth: true
            text: view.card.name || view.card.fileName
            color: Theme.text
            font.pixelSize: 20
            font.weight: Font.DemiBold
            elide: Text.ElideRight
            Accessible.role: Accessible.Heading
        }
        Label {
            Layout.fillWidth: true
            text: view.card.path
            color: Theme.mutedText
            font.pixelSize: Theme.smallFontSize
            elide: Text.ElideMiddle
        }

        BusyIndicator {
            Layout.alignment: Qt.AlignHCenter
            visible: view.card.status === ModelCard.Inspecting
            running: visible
            Accessible.name: qsTr("Reading the model file")
        }

        GridLayout {
            objectName: "modelCardFacts"
            Layout.fillWidth: true
            visible: view.card.status === ModelCard.Ready
            columns: 2
            columnSpacing: 24
            rowSpacing: 8

            FactName { text: qsTr("Architecture") }
            FactValue {
                objectName: "cardArchitecture"
                text: view.card.architecture || qsTr("not stated")
                color: view.card.supported ? Theme.text : Theme.danger
            }
            FactName { text: qsTr("Parameters") }
            FactValue { objectName: "cardParameters"; text: view.card.parameters || qsTr("unknown") }
            FactName { visible: view.card.experts !== ""; text: qsTr("Experts") }
            FactValue { objectName: "cardExperts"; visible: view.card.experts !== ""; text: view.card.experts }
            FactName { text: qsTr("Quantization") }
            FactValue { objectName: "cardQuantMix"; text: view.card.quantMix || qsTr("unknown") }
            FactName { text: qsTr("Trained context") }
            FactValue {
                objectName: "cardContext"
                text: view.card.trainedContext > 0 ? qsTr("%1 tokens").arg(Number(view.card.trainedContext).toLocaleString(Qt.locale(), "f", 0))
                                                   : qsTr("unknown")
            }
            FactName { text: qsTr("File size") }
            FactValue { objectName: "cardFileSize"; text: view.card.fileSize }
            FactName { visible: view.card.supported; text: qsTr("Memory needed") }
            FactValue {
                objectName: "cardMemory"
                visible: view.card.supported
                text: qsTr("about %1 at %2 tokens of context").arg(view.card.neededMemory)
                          .arg(Number(view.card.effectiveContext).toLocaleString(Qt.locale(), "f", 0))
                color: view.card.fits ? Theme.text : Theme.danger
            }
            FactName { visible: view.card.supported; text: qsTr("Memory available") }
            FactValue { objectName: "cardAvailable"; visible: view.card.supported; text: view.card.availableMemory }
        }

        Rectangle {
            Layout.fillWidth: true
            visible: view.card.refusal !== ""
            implicitHeight: refusalText.implicitHeight + 20
            radius: Theme.radius
            color: Theme.dangerSurface
            Label {
                id: refusalText
                objectName: "cardRefusal"
                anchors.fill: parent
                anchors.margins: 10
                text: view.card.refusal
                color: Theme.danger
                wrapMode: Text.Wrap
            }
        }

        Item { Layout.fillHeight: true }

        RowLayout {
            Layout.fillWidth: true
            spacing: 12
            Button {
                objectName: "cardBackButton"
                flat: true
                text: qsTr("Back")
                Accessible.name: qsTr("Back to the model list")
                onClicked: view.backRequested()
            }
            Item { Layout.fillWidth: true }
            AccentButton {
                objectName: "cardLoadButton"
                text: qsTr("Load")
                enabled: view.card.canLoad
                Accessible.name: qsTr("Load %1").arg(view.card.name || view.card.fileName)
                onClicked: view.loadRequested()
            }
        }
    }
}
