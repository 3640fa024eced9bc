// Shown when no model is loaded and the chat is empty: what Conclave is, how to open a model
// (the button opens the model picker; Ctrl+O a file dialog; or drop a .gguf file) and where
// models are looked for.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Conclave.Chat

Item {
    id: page
    objectName: "welcomePage"

    property string buildSummary
    property string modelsFolder
    property bool loading: false

    signal openRequested()

    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width - 48, 560)
        spacing: 16

        Label {
            Layout.fillWidth: true
            text: qsTr("Welcome to Conclave")
            wrapMode: Text.WordWrap // longer in some languages ("Te damos la bienvenida a Conclave")
            color: Theme.text
            font.pixelSize: 30
            font.weight: Font.DemiBold
            horizontalAlignment: Text.AlignHCenter
            Accessible.role: Accessible.Heading
        }
        Label {
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            horizontalAlignment: Text.AlignHCenter
            color: Theme.mutedText
            font.pixelSize: 15
            text: qsTr("Chat with language models that run entirely on this computer. "
                       + "Nothing you type leaves it.")
        }
        AccentButton {
            objectName: "welcomeOpenButton"
            Layout.alignment: Qt.AlignHCenter
            Layout.topMargin: 8
            enabled: !page.loading
            text: page.loading ? qsTr("Loading\u2026") : qsTr("Open a GGUF model\u2026")
            onClicked: page.openRequested()
        }
        Label {
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            color: Theme.mutedText
            font.pixelSize: Theme.smallFontSize
            text: qsTr("or drop a .gguf file onto this window \u00B7 Ctrl+O")
        }
        Rectangle {
            Layout.fillWidth: true
            Layout.topMargin: 12
            implicitHeight: hint.implicitHeight + 24
            radius: Theme.radius
            color: Theme.surface
            Label {
                id: hint
                objectName: "modelsFolderHint"
                anchors.fill: parent
                anchors.margins: 12
                wrapMode: Text.WrapAnywhere
                horizontalAlignment: Text.AlignHCenter
                textFormat: Text.PlainText
                color: Theme.text
                font.pixelSize: Theme.smallFontSize
                text: qsTr("Models are GGUF files. Conclave looks for them in:\n%1\n"
                           + "scripts/fetch-default-model puts SmolLM2-135M-Instruct there.")
                      .arg(page.modelsFolder)
            }
        }
        Label {
            objectName: "buildSummary"
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            horizontalAlignment: Text.AlignHCenter
            color: Theme.mutedText
            font.pixelSize: 11
            text: page.buildSummary
        }
    }
}
