// The sidebar over a real ChatController (in-memory store with "Pinned plan" pinned, "Rust
// lifetimes" and "Soup recipe"): pinned first under "Pinned", the rest under "Today"; a click
// opens a conversation; F2, typing and Enter rename it (Esc cancels); Delete hides it with an
// undo toast whose button brings it back; Archive in a row's menu moves it out of the date
// groups behind "Show archived", which lists it under "Archived", and Unarchive (through the
// Menu key) brings it back;
// the import/export menu offers both; New chat and Search ask the controller and the window.
import QtQuick
import QtQuick.Controls
import QtTest
import Conclave.Chat
import "finders.js" as Finders

Item {
    id: root
    width: 300
    height: 600

    Sidebar {
        id: sidebar
        anchors.fill: parent
        chat: chatController
    }

    SignalSpy { id: searches; target: sidebar; signalName: "searchRequested" }

    TestCase {
        name: "Sidebar"
        when: windowShown

        function list() { return Finders.findNamed(sidebar, "conversationList") }
        // The visible row of the conversation titled `title`, or null.
        function rowFor(title) {
            const rows = list().contentItem.children
            for (let i = 0; i < rows.length; ++i) {
                const row = rows[i]
                if (row.visible && row.objectName.startsWith("conversation") && row.title === title) return row
            }
            return null
        }

        function test_pinnedFirstThenByDate() {
            compare(chatController.conversations.count, 3)
            tryVerify(() => Finders.findText(sidebar, "Pinned") !== null)
            verify(Finders.findText(sidebar, "Today"))
            const pinned = rowFor("Pinned plan")
            const soup = rowFor("Soup recipe")
            verify(pinned && soup)
            verify(pinned.mapToItem(sidebar, 0, 0).y < soup.mapToItem(sidebar, 0, 0).y)
            verify(Finders.findText(sidebar, "Pinned").mapToItem(sidebar, 0, 0).y < pinned.mapToItem(sidebar, 0, 0).y)
        }

        function test_clickOpensTheConversation() {
            const row = rowFor("Soup recipe")
            mouseClick(row)
            tryCompare(chatController, "currentTitle", "Soup recipe")
            compare(chatController.messages.count, 1)
        }

        function test_f2RenamesEscCancels() {
            let row = rowFor("Rust lifetimes")
            mouseClick(row)
            row.forceActiveFocus()
            keyClick(Qt.Key_F2)
            const field = Finders.findNamed(row, "renameField")
            tryVerify(() => field.visible && field.activeFocus)
            field.selectAll()
            keyClick(Qt.Key_X)
            keyClick(Qt.Key_Escape)
            tryVerify(() => !field.visible)
            verify(rowFor("Rust lifetimes"))

            row.forceActiveFocus()
            keyClick(Qt.Key_F2)
            tryVerify(() => field.visible && field.activeFocus)
            field.selectAll()
            for (const c of "Borrowing") keyClick(c)
            keyClick(Qt.Key_Return)
            tryVerify(() => rowFor("Borrowing") !== null)
            compare(chatController.currentTitle, "Borrowing")
        }

        function test_deleteOffersUndo() {
            const toast = Finders.findNamed(sidebar, "undoToast")
            verify(!toast.visible)
            const row = rowFor("Soup recipe")
            const id = row.objectName.substring("conversation".length)
            chatController.deleteConversation(Number(id))
            tryVerify(() => toast.visible)
            tryVerify(() => rowFor("Soup recipe") === null) // removed rows go at the next frame
            verify(Finders.findText(toast, "Deleted \u201CSoup recipe\u201D"))
            mouseClick(Finders.findNamed(toast, "undoButton"))
            tryVerify(() => !toast.visible)
            tryVerify(() => rowFor("Soup recipe") !== null)
        }

        // The menu's items live in the window's overlay while it is open.
        function menuItem(name) { return Finders.findVisibleNamed(sidebar.Overlay.overlay, name) }

        function test_archiveFromTheMenu() {
            const toggle = Finders.findNamed(sidebar, "archivedToggle")
            verify(!toggle.enabled) // nothing archived yet
            mouseClick(rowFor("Pinned plan"), 20, 10, Qt.RightButton)
            tryVerify(() => menuItem("archiveItem") !== null)
            compare(menuItem("archiveItem").text, "Archive")
            mouseClick(menuItem("archiveItem"))
            tryVerify(() => rowFor("Pinned plan") === null)
            compare(chatController.conversations.archivedCount, 1)
            verify(toggle.enabled)
            compare(toggle.text, "Show archived (1)")

            mouseClick(toggle)
            tryVerify(() => rowFor("Pinned plan") !== null)
            verify(Finders.findText(sidebar, "Archived"))
            compare(toggle.text, "Hide archived (1)")
            verify(rowFor("Soup recipe").mapToItem(sidebar, 0, 0).y < rowFor("Pinned plan").mapToItem(sidebar, 0, 0).y)

            // The keyboard reaches the same menu: the Menu key on the row in focus.
            const archivedRow = rowFor("Pinned plan")
            archivedRow.forceActiveFocus()
            keyClick(Qt.Key_Menu)
            tryVerify(() => menuItem("archiveItem") !== null && menuItem("archiveItem").text === "Unarchive")
            mouseClick(menuItem("archiveItem"))
            tryCompare(chatController.conversations, "archivedCount", 0)
            mouseClick(toggle) // off again
            tryVerify(() => !chatController.conversations.showArchived)
            verify(rowFor("Pinned plan") !== null)
        }

        function test_importExportMenu() {
            const button = Finders.findNamed(sidebar, "transferMenuButton")
            verify(button.Accessible.name.length > 0)
            mouseClick(button)
            tryVerify(() => menuItem("importItem") !== null)
            verify(menuItem("exportAllItem"))
            keyClick(Qt.Key_Escape)
            tryVerify(() => menuItem("importItem") === null)
        }

        function test_newChatAndSearch() {
            mouseClick(Finders.findNamed(sidebar, "searchButton"))
            compare(searches.count, 1)
            mouseClick(rowFor("Soup recipe"))
            tryCompare(chatController, "currentTitle", "Soup recipe")
            mouseClick(Finders.findNamed(sidebar, "newChatButton"))
            tryCompare(chatController.messages, "count", 0)
        }
    }
}
