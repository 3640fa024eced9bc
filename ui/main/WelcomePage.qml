// Shown when no model is loaded: what Conclave is and how to get a model onto this machine.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

Pane {
    id: page
    objectName: "welcomePage"

    property string buildSummary
    property string modelsFolder

    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width - 48, 560)
        spacing: 16

        Label {
            Layout.fillWidth: true
            text: qsTr("Welcome to Conclave")
            font.pixelSize: 28
            font.weight: Font.DemiBold
            horizontalAlignment: Text.AlignHCenter
            Accessible.role: Accessible.Heading
        }
        Label {
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            horizontalAlignment: Text.AlignHCenter
            text: qsTr("Chat with language models that run entirely on this computer. "
                       + "Nothing you type leaves it.")
        }
        Label {
            objectName: "modelsFolderHint"
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            horizontalAlignment: Text.AlignHCenter
            textFormat: Text.PlainText
            text: qsTr("Models are GGUF files. Conclave looks for them in:\n%1\n"
                       + "scripts/fetch-default-model puts SmolLM2-135M-Instruct there.")
                  .arg(page.modelsFolder)
        }
        Label {
            objectName: "buildSummary"
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            horizontalAlignment: Text.AlignHCenter
            opacity: 0.7
            font.pixelSize: 12
            text: page.buildSummary
        }
    }
}
