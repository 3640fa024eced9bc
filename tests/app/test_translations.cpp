// The app's languages: German is compiled in and switches the window's strings; an unknown
// language leaves English; every translation file is current with the sources (lupdate finds
// no string it lacks) and complete (nothing unfinished); QML never shows a bare string
// literal where a user reads it. Saves a German welcome screenshot.

#include "composition.h"
#include "translations.h"

#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QQuickItem>
#include <QQuickWindow>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using conclave::app::availableLanguages;
using conclave::app::Composition;
using conclave::app::installTranslation;

namespace {

// Sources of every message and which are unfinished, from a .ts file.
struct TsContents {
    QStringList sources;
    QStringList unfinished;
};

TsContents readTs(const QString& path) {
    TsContents contents;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return contents;
    QXmlStreamReader xml(&file);
    QString source;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement()) continue;
        if (xml.name() == u"source") {
            source = xml.readElementText();
            contents.sources << source;
        } else if (xml.name() == u"translation"
                   && xml.attributes().value(QStringLiteral("type")) == u"unfinished") {
            contents.unfinished << source;
        }
    }
    return contents;
}

} // namespace

class TestTranslations : public QObject {
    Q_OBJECT

    QTemporaryDir m_data;

private slots:
    void initTestCase() { qputenv("XDG_DATA_HOME", m_data.path().toUtf8()); }
    void cleanup() { installTranslation(QStringLiteral("en")); }

    void germanIsCompiledIn() {
        const QStringList languages = availableLanguages();
        QVERIFY(languages.contains(QStringLiteral("en")));
        QVERIFY2(languages.contains(QStringLiteral("de")), qPrintable(languages.join(u',')));
    }

    void installingSwitchesStrings() {
        QCOMPARE(installTranslation(QStringLiteral("de_AT")), QStringLiteral("de"));
        QCOMPARE(QCoreApplication::translate("Sidebar", "New chat"), QStringLiteral("Neuer Chat"));
        QCOMPARE(QCoreApplication::translate("conclave::ui::MessageListModel", "%n tokens", nullptr, 1),
                 QStringLiteral("1 Token"));
        // An unknown language falls back to English, and removes the German one.
        QCOMPARE(installTranslation(QStringLiteral("xx")), QStringLiteral("en"));
        QCOMPARE(QCoreApplication::translate("Sidebar", "New chat"), QStringLiteral("New chat"));
    }

    void windowShowsGerman() {
        QCOMPARE(installTranslation(QStringLiteral("de")), QStringLiteral("de"));
        Composition app;
        QVERIFY(app.window().show());
        QQuickWindow* window = app.window().window();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        auto* newChat = window->findChild<QQuickItem*>(QStringLiteral("newChatButton"));
        QVERIFY(newChat);
        QStringList texts;
        for (QQuickItem* item : newChat->findChildren<QQuickItem*>()) texts << item->property("text").toString();
        QVERIFY2(texts.contains(QStringLiteral("Neuer Chat")), qPrintable(texts.join(u'|')));
        bool foundWelcome = false;
        for (QQuickItem* item : window->findChildren<QQuickItem*>()) {
            if (item->property("text").toString() == QStringLiteral("Willkommen bei Conclave")) foundWelcome = true;
            QVERIFY2(item->property("text").toString() != QStringLiteral("Welcome to Conclave"),
                     "the welcome title stayed English");
        }
        QVERIFY(foundWelcome);
        const QString folder = qEnvironmentVariable("CONCLAVE_SCREENSHOT_DIR");
        if (!folder.isEmpty()) {
            QTest::qWait(100);
            QDir().mkpath(folder);
            QVERIFY(window->grabWindow().save(folder + QStringLiteral("/welcome-de.png")));
        }
    }

    // lupdate over today's sources must find nothing the committed files lack, and every
    // message must be translated: run `ninja update_translations`, then translate the new
    // strings (Qt Linguist, or scripts/fill-translation).
    void translationFilesAreCurrentAndComplete() {
        QDir translations(QStringLiteral(CONCLAVE_SOURCE_DIR "/translations"));
        const QStringList files = translations.entryList({QStringLiteral("conclave_*.ts")}, QDir::Files);
        QVERIFY(!files.isEmpty());
        for (const QString& name : files) {
            QTemporaryDir work;
            const QString copy = work.filePath(name);
            QVERIFY(QFile::copy(translations.filePath(name), copy));
            QProcess lupdate;
            lupdate.setWorkingDirectory(QStringLiteral(CONCLAVE_SOURCE_DIR));
            lupdate.start(QStringLiteral(CONCLAVE_LUPDATE),
                          {QStringLiteral("ui"), QStringLiteral("app"), QStringLiteral("-extensions"),
                           QStringLiteral("qml,cpp,h"), QStringLiteral("-locations"), QStringLiteral("none"),
                           QStringLiteral("-no-obsolete"), QStringLiteral("-silent"), QStringLiteral("-ts"), copy});
            QVERIFY(lupdate.waitForFinished(60000));
            QCOMPARE(lupdate.exitCode(), 0);
            const TsContents committed = readTs(translations.filePath(name));
            const TsContents current = readTs(copy);
            QStringList notInFile;
            for (const QString& source : current.sources)
                if (!committed.sources.contains(source)) notInFile << source;
            QVERIFY2(notInFile.isEmpty(), qPrintable(name + QStringLiteral(" lacks: ") + notInFile.join(QStringLiteral(" | "))));
            QVERIFY2(current.unfinished.isEmpty(),
                     qPrintable(name + QStringLiteral(" has untranslated: ") + current.unfinished.join(QStringLiteral(" | "))));
        }
    }

    // A user-visible property bound to a plain string literal escapes translation.
    void qmlHasNoUntranslatedLiterals() {
        // (A plain string, not a raw one: moc cannot read raw strings with quotes inside.)
        static const QRegularExpression literal(QStringLiteral(
            "\\b(text|title|placeholderText|ToolTip\\.text|Accessible\\.name|Accessible\\.description)"
            "\\s*:\\s*\"[^\"]*[A-Za-z]{2}"));
        static const QRegularExpression escapedCharacter(QStringLiteral("\\\\u[0-9A-Fa-f]{4}"));
        QStringList offenders;
        QDirIterator it(QStringLiteral(CONCLAVE_SOURCE_DIR "/ui"), {QStringLiteral("*.qml")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            int lineNumber = 0;
            for (const QByteArray& line : file.readAll().split('\n')) {
                ++lineNumber;
                // "\u22EF" and the like are symbols, not words.
                QString text = QString::fromUtf8(line);
                text.remove(escapedCharacter);
                if (literal.match(text).hasMatch())
                    offenders << QStringLiteral("%1:%2").arg(QFileInfo(file.fileName()).fileName()).arg(lineNumber);
            }
        }
        QVERIFY2(offenders.isEmpty(), qPrintable(offenders.join(u' ')));
    }
};

QTEST_MAIN(TestTranslations)
#include "test_translations.moc"
