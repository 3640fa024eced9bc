// Finding items in a QML test's tree by objectName or text, shared by the tst_*.qml files.
// `item.visible` is the effective visibility (false under a hidden parent).
.pragma library

function findNamed(item, name) {
    if (item.objectName === name) return item
    for (let i = 0; i < item.children.length; ++i) {
        const found = findNamed(item.children[i], name)
        if (found) return found
    }
    return null
}

function findVisibleNamed(item, name) {
    if (!item.visible) return null
    if (item.objectName === name) return item
    for (let i = 0; i < item.children.length; ++i) {
        const found = findVisibleNamed(item.children[i], name)
        if (found) return found
    }
    return null
}

// A visible item showing exactly `text`.
function findText(item, text) {
    if (item.visible && item.text === text) return item
    for (let i = 0; i < item.children.length; ++i) {
        const found = findText(item.children[i], text)
        if (found) return found
    }
    return null
}
