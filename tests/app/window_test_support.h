#pragma once
// What the window tests share: finding items of the shown window by objectName (the visible
// one, walking the visual tree, since delegates of a ListView are not QObject children of the
// window), clicking an item's centre, and saving a screenshot to $CONCLAVE_SCREENSHOT_DIR
// (with $CONCLAVE_SCREENSHOT_SUFFIX, e.g. "@1.5" for the scaled run) for review.

#include <QDir>
#include <QImage>
#include <QQuickItem>
#include <QQuickWindow>
#include <QtTest>

namespace conclave::test {

inline QQuickItem* item(QQuickWindow* window, const char* name) {
    return window->findChild<QQuickItem*>(QString::fromLatin1(name));
}

// The one visible item of that name (message delegates repeat their buttons).
inline QQuickItem* visibleItem(QQuickItem* parent, const QString& name) {
    for (QQuickItem* child : parent->childItems()) {
        if (!child->isVisible()) continue;
        if (child->objectName() == name) return child;
        if (QQuickItem* found = visibleItem(child, name)) return found;
    }
    return nullptr;
}

inline QQuickItem* visibleItem(QQuickWindow* window, const char* name) {
    return visibleItem(window->contentItem(), QString::fromLatin1(name));
}

inline QPoint centreOf(QQuickItem* target) {
    return target->mapToScene(QPointF(target->width() / 2, target->height() / 2)).toPoint();
}

inline void click(QQuickWindow* window, QQuickItem* target) {
    QTest::mouseClick(window, Qt::LeftButton, {}, centreOf(target));
}

inline void saveScreenshot(QQuickWindow* window, const QString& name) {
    const QString folder = qEnvironmentVariable("CONCLAVE_SCREENSHOT_DIR");
    if (folder.isEmpty()) return;
    QDir().mkpath(folder);
    const QImage image = window->grabWindow();
    QVERIFY(!image.isNull());
    const QString suffix = qEnvironmentVariable("CONCLAVE_SCREENSHOT_SUFFIX");
    QVERIFY(image.save(folder + u'/' + name + suffix + QStringLiteral(".png")));
}

} // namespace conclave::test
