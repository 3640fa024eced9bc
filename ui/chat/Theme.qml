// The chat window's colours, sizes and fonts. Follows the system palette (dark when the
// system's window colour is dark) unless `mode` is "light" or "dark".
pragma Singleton
import QtQuick

QtObject {
    id: theme

    property string mode: "system"
    readonly property SystemPalette system: SystemPalette { colorGroup: SystemPalette.Active }
    readonly property bool dark: mode === "dark"
                                 || (mode !== "light" && (0.299 * system.window.r + 0.587 * system.window.g
                                                          + 0.114 * system.window.b) < 0.5)

    readonly property color background: dark ? "#1b1c1f" : "#ffffff"
    readonly property color sidebar: dark ? "#141517" : "#f5f6f8"
    readonly property color surface: dark ? "#26282c" : "#f0f2f5"
    readonly property color surfaceHover: dark ? "#2f3136" : "#e7eaee"
    readonly property color selection: dark ? "#2c3550" : "#e2e9fb"
    readonly property color border: dark ? "#303237" : "#e1e4e8"
    readonly property color text: dark ? "#e7e8eb" : "#1d1f23"
    readonly property color mutedText: dark ? "#9a9ea7" : "#6a6f79"
    readonly property color accent: dark ? "#7ea6ff" : "#3565d9"
    readonly property color accentText: "#ffffff"
    readonly property color codeBackground: dark ? "#111214" : "#f6f8fa"
    readonly property color codeHeader: dark ? "#1c1d21" : "#eceff3"
    readonly property color danger: dark ? "#ff8a80" : "#c62828"
    readonly property color dangerSurface: dark ? "#3a2224" : "#fdecea"
    readonly property color warning: dark ? "#ffcc80" : "#b26a00"

    // One family name (Qt takes no CSS-style list); "monospace" is fontconfig's alias.
    readonly property string monoFamily: Qt.platform.os === "windows" ? "Consolas"
                                         : Qt.platform.os === "osx" ? "Menlo" : "monospace"
    readonly property int fontSize: 14
    readonly property int smallFontSize: 12
    readonly property int radius: 10
    readonly property int spacing: 12
    readonly property int contentWidth: 780
}
