// The model picker's row actions over a real ModelPicker (SQLite library, real scanner; see
// test_model_picker_qml.cpp): the star makes a model a favourite, listed first under
// "Favourites" and stored; the Menu key opens the chosen row's menu; "Remove from recent"
// takes a model out of the list and leaves its file; "Locate…" points a missing model at
// the file chosen (a text file is refused with a notice, a GGUF file is taken and the model
// keeps its settings). Every button has a spoken name.
import QtQuick
import QtTest
import Conclave.Models
import "../qml/finders.js" as Finders // the chat tests' finders, shared

Item {
    id: root
    width: 760
    height: 900

    ModelPickerPopup {
        id: popup
        picker: modelPicker
    }

    TestCase {
        name: "ModelPickerActions"
        when: windowShown

        function list() { return Finders.findNamed(popup.contentItem, "modelList") }
        function rowOf(path) { return modelPicker.models.rowOfPath(path) }
        function rowItem(path) { return list().itemAtIndex(rowOf(path)) }
        function section(path) {
            return modelPicker.models.data(modelPicker.models.index(rowOf(path), 0), Qt.UserRole + 6)
        }

        function init() {
            popup.openList()
            tryVerify(() => popup.opened)
            tryVerify(() => !modelPicker.scanning, 30000)
            tryVerify(() => rowOf(pickerFiles.gamma) >= 0) // the file found on disk
        }
        function cleanup() { popup.close() }

        function test_1_starMakesAFavouriteListedFirst() {
            // Alpha was loaded last: first of the recent models, unstarred.
            compare(rowOf(pickerFiles.alpha), 0)
            verify(!libraryProbe.isFavourite(pickerFiles.beta))
            const star = Finders.findNamed(rowItem(pickerFiles.beta), "favouriteButton")
            verify(star.Accessible.name.indexOf("beta") >= 0)
            mouseClick(star)
            tryVerify(() => rowOf(pickerFiles.beta) === 0)
            verify(libraryProbe.isFavourite(pickerFiles.beta))
            compare(section(pickerFiles.beta), "Favourites")
            compare(section(pickerFiles.alpha), "Recent")
            verify(rowItem(pickerFiles.beta).favourite)

            // A file only found on disk can be starred too: remembered, listed with the favourites.
            verify(!libraryProbe.isKnown(pickerFiles.gamma))
            mouseClick(Finders.findNamed(rowItem(pickerFiles.gamma), "favouriteButton"))
            tryVerify(() => libraryProbe.isFavourite(pickerFiles.gamma))
            tryVerify(() => rowOf(pickerFiles.gamma) < rowOf(pickerFiles.alpha))
            compare(section(pickerFiles.gamma), "Favourites")

            // Reopened (a new list from the database), the favourites are still first.
            popup.close()
            popup.openList()
            tryVerify(() => !modelPicker.scanning, 30000)
            verify(rowOf(pickerFiles.beta) < 2 && rowOf(pickerFiles.gamma) < 2)

            // Unstarred from the keyboard: the Menu key on the chosen row, then its first item.
            const field = Finders.findNamed(popup.contentItem, "modelFilter")
            field.forceActiveFocus()
            list().currentIndex = rowOf(pickerFiles.gamma)
            keyClick(Qt.Key_Menu)
            const rowMenu = popup.rowMenu
            tryVerify(() => rowMenu.opened)
            const favouriteItem = rowMenu.itemAt(0)
            compare(favouriteItem.text, "Remove from favourites")
            keyClick(Qt.Key_Down)
            compare(rowMenu.currentIndex, 0)
            keyClick(Qt.Key_Space)
            tryVerify(() => !libraryProbe.isFavourite(pickerFiles.gamma))
            tryVerify(() => !rowMenu.visible)
            compare(section(pickerFiles.gamma), "Conclave models folder") // back where it was found
        }

        function test_2_removeFromRecentLeavesTheFile() {
            const rowMenu = popup.rowMenu
            popup.openRowMenu(rowOf(pickerFiles.alpha), null)
            tryVerify(() => rowMenu.opened)
            const remove = rowMenu.itemAt(2)
            compare(remove.objectName, "removeFromRecentItem")
            verify(remove.visible)
            verify(!rowMenu.itemAt(1).visible) // Locate only for a missing file
            // The item's clicked signal, as a click gives it: a mouse click at its position
            // missed on slow runs, where the menu still moves once its items' heights settle.
            remove.clicked()
            tryVerify(() => rowOf(pickerFiles.alpha) === -1)
            verify(!libraryProbe.isListed(pickerFiles.alpha))
            verify(libraryProbe.fileExists(pickerFiles.alpha)) // the file is never touched
            verify(libraryProbe.isKnown(pickerFiles.alpha))    // nor its settings
        }

        function test_3_locateAMissingModel() {
            const row = rowOf(pickerFiles.moved)
            verify(row >= 0)
            verify(rowItem(pickerFiles.moved).missing)
            const rowMenu = popup.rowMenu
            mouseClick(Finders.findNamed(rowItem(pickerFiles.moved), "rowMenuButton"))
            tryVerify(() => rowMenu.opened)
            verify(rowMenu.itemAt(1).visible) // "Locate…"
            compare(rowMenu.itemAt(1).text, "Locate\u2026")
            rowMenu.close()

            // The dialog's answer: a text file with a model's name is refused, nothing changes.
            verify(!popup.locateChosen(row, libraryProbe.url(pickerFiles.notModel)))
            const notice = Finders.findNamed(popup.contentItem, "pickerNotice")
            tryVerify(() => notice.visible)
            verify(notice.text.indexOf("notes.gguf") >= 0)
            verify(libraryProbe.isKnown(pickerFiles.moved))

            // A GGUF file is taken: the model is there again with its settings, at the new path.
            verify(popup.locateChosen(row, libraryProbe.url(pickerFiles.movedTo)))
            tryVerify(() => !notice.visible)
            tryVerify(() => rowOf(pickerFiles.movedTo) >= 0)
            compare(rowOf(pickerFiles.moved), -1)
            compare(list().currentIndex, rowOf(pickerFiles.movedTo))
            verify(!rowItem(pickerFiles.movedTo).missing)
            compare(rowItem(pickerFiles.movedTo).name, "Moving")
            compare(libraryProbe.maxTokens(pickerFiles.movedTo), 777)
            verify(!libraryProbe.isKnown(pickerFiles.moved))
        }

        function test_4_buttonsHaveSpokenNames() {
            for (let row = 0; row < list().count; ++row) {
                const item = list().itemAtIndex(row)
                if (!item) continue
                verify(item.Accessible.name.length > 0)
                verify(Finders.findNamed(item, "favouriteButton").Accessible.name.length > 0)
                verify(Finders.findNamed(item, "rowMenuButton").Accessible.name.indexOf(item.name) >= 0)
            }
        }
    }
}
