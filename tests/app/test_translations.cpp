// The app's languages as files and strings: the shipped translations (German, Spanish,
// French, Japanese, Simplified Chinese) are compiled in and switch every string, plurals by
// each language's rules; each language names itself in the picker; every .ts file is current
// with the sources (lupdate finds no string it lacks and none it would drop as obsolete),
// finished, keeps each source's placeholders and has its language's number of plural forms;
// no QML property a user reads is bound to a bare literal and no widget is given one (the
// scanners themselves checked on examples that must be caught and examples that must not).

#include "app_settings.h"
#include "translations.h"
#include "untranslated_literals.h"

#include <QDirIterator>
#include <QFile>
#include <QGuiApplication>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

using conclave::app::availableLanguages;
using conclave::app::installTranslation;
using conclave::test::UntranslatedLiteral;

namespace {

// The languages Conclave ships and how many plural forms each has (Qt's numerus rules:
// one/other in German, Spanish and French — French counts 0 as one —, a single form in
// Japanese and Chinese).
struct Shipped {
    const char* code;
    int pluralForms;
};
constexpr Shipped kShipped[] = {{"de", 2}, {"es", 2}, {"fr", 2}, {"ja", 1}, {"zh_CN", 1}};

// One message of a .ts file.
struct TsMessage {
    QString context;
    QString source;
    bool numerus = false;
    QString type; // "", "unfinished", "obsolete", "vanished"
    QStringList forms; // the translation; one entry unless numerus
    QString key() const { return context + u'\x1f' + source; }
};

QList<TsMessage> readTs(const QString& path) {
    QList<TsMessage> messages;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return messages;
    QXmlStreamReader xml(&file);
    QString context;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement()) continue;
        if (xml.name() == u"name") {
            context = xml.readElementText();
        } else if (xml.name() == u"message") {
            messages.append({context, {}, xml.attributes().value(QStringLiteral("numerus")) == u"yes", {}, {}});
        } else if (xml.name() == u"source" && !messages.isEmpty()) {
            messages.last().source = xml.readElementText();
        } else if (xml.name() == u"translation" && !messages.isEmpty()) {
            messages.last().type = xml.attributes().value(QStringLiteral("type")).toString();
            if (!messages.last().numerus) messages.last().forms << xml.readElementText();
        } else if (xml.name() == u"numerusform" && !messages.isEmpty()) {
            messages.last().forms << xml.readElementText();
        }
    }
    return messages;
}

// %1..%9, %n and %Ln in a string, sorted, each once.
QStringList placeholders(const QString& text) {
    static const QRegularExpression marker(QStringLiteral("%(L?n|\\d)"));
    QStringList found;
    for (auto it = marker.globalMatch(text); it.hasNext();) found << it.next().captured();
    found.removeDuplicates();
    found.sort();
    return found;
}

QString describe(const QList<UntranslatedLiteral>& found, const QString& file = {}) {
    QStringList lines;
    for (const UntranslatedLiteral& literal : found)
        lines << QStringLiteral("%1:%2 \"%3\"").arg(file).arg(literal.line).arg(literal.literal);
    return lines.join(u' ');
}

} // namespace

class TestTranslations : public QObject {
    Q_OBJECT

private slots:
    void cleanup() { installTranslation(QStringLiteral("en")); }

    void shippedLanguagesAreCompiledIn() {
        const QStringList languages = availableLanguages();
        QVERIFY(languages.contains(QStringLiteral("en")));
        for (const Shipped& language : kShipped)
            QVERIFY2(languages.contains(QLatin1String(language.code)), qPrintable(languages.join(u',')));
    }

    // A regional locale finds its language; %n picks the form its rules give for 0, 1 and 5.
    void installingSwitchesStrings_data() {
        QTest::addColumn<QString>("requested");
        QTest::addColumn<QString>("installed");
        QTest::addColumn<QString>("newChat");
        QTest::addColumn<QStringList>("tokens"); // 0, 1, 5 tokens
        QTest::newRow("de_AT") << "de_AT" << "de" << "Neuer Chat" << QStringList{"0 Token", "1 Token", "5 Token"};
        QTest::newRow("fr_CA") << "fr_CA" << "fr" << "Nouvelle conversation"
                               << QStringList{"0 jeton", "1 jeton", "5 jetons"};
        QTest::newRow("es_MX") << "es_MX" << "es" << "Chat nuevo" << QStringList{"0 tokens", "1 token", "5 tokens"};
        QTest::newRow("ja_JP") << "ja_JP" << "ja" << "新しいチャット"
                               << QStringList{"0 トークン", "1 トークン", "5 トークン"};
        QTest::newRow("zh_CN") << "zh_CN" << "zh_CN" << "新对话"
                               << QStringList{"0 个 token", "1 个 token", "5 个 token"};
    }
    void installingSwitchesStrings() {
        QFETCH(QString, requested);
        QFETCH(QString, installed);
        QFETCH(QString, newChat);
        QFETCH(QStringList, tokens);
        QCOMPARE(installTranslation(requested), installed);
        QCOMPARE(QCoreApplication::translate("Sidebar", "New chat"), newChat);
        const int counts[] = {0, 1, 5};
        for (int i = 0; i < 3; ++i)
            QCOMPARE(QCoreApplication::translate("conclave::ui::MessageListModel", "%n tokens", nullptr, counts[i]),
                     tokens[i]);
        QCOMPARE(QGuiApplication::layoutDirection(), Qt::LeftToRight);
        // Numbers follow the language chosen (unless the system already speaks it).
        QCOMPARE(QLocale().language(), QLocale(installed).language());
    }

    // With no language chosen the system's is used: this test program run again with the
    // system's locale variables set, doing what main() does (installTranslation of "").
    void systemLanguageIsTheDefault_data() {
        QTest::addColumn<QString>("systemLocale");
        QTest::addColumn<QString>("installed");
        QTest::addColumn<QString>("numberLocale"); // QLocale().name() afterwards
        QTest::newRow("French") << "fr_FR.UTF-8" << "fr" << "fr_FR";
        QTest::newRow("Japanese") << "ja_JP.UTF-8" << "ja" << "ja_JP";
        QTest::newRow("Swiss German keeps Swiss formats") << "de_CH.UTF-8" << "de" << "de_CH";
        QTest::newRow("no translation") << "pt_BR.UTF-8" << "en" << "pt_BR";
    }
    void systemLanguageIsTheDefault() {
        QFETCH(QString, systemLocale);
        QFETCH(QString, installed);
        QFETCH(QString, numberLocale);
        QProcess child;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        for (const char* name : {"LC_ALL", "LC_MESSAGES", "LC_NUMERIC", "LANGUAGE"}) environment.remove(QLatin1String(name));
        environment.insert(QStringLiteral("LANG"), systemLocale);
        environment.insert(QStringLiteral("CONCLAVE_EXPECT_LANGUAGE"), installed + u' ' + numberLocale);
        child.setProcessEnvironment(environment);
        child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("installsTheSystemLanguage")});
        QVERIFY(child.waitForFinished(30000));
        const QByteArray output = child.readAllStandardOutput();
        QVERIFY2(child.exitCode() == 0 && output.contains("PASS   : TestTranslations::installsTheSystemLanguage()"),
                 output.constData());
    }
    // The child's half of systemLanguageIsTheDefault.
    void installsTheSystemLanguage() {
        const QStringList expected = qEnvironmentVariable("CONCLAVE_EXPECT_LANGUAGE").split(u' ');
        if (expected.size() != 2) QSKIP("run by systemLanguageIsTheDefault with the system's locale set");
        QCOMPARE(installTranslation(QString()), expected[0]);
        QCOMPARE(QLocale().name(), expected[1]);
    }

    void unknownLanguageLeavesEnglish() {
        QCOMPARE(installTranslation(QStringLiteral("de")), QStringLiteral("de"));
        QCOMPARE(installTranslation(QStringLiteral("xx")), QStringLiteral("en"));
        QCOMPARE(QCoreApplication::translate("Sidebar", "New chat"), QStringLiteral("New chat"));
    }

    void languagesNameThemselves_data() {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("name");
        QTest::newRow("en") << "en" << "English";
        QTest::newRow("de") << "de" << "Deutsch";
        QTest::newRow("es") << "es" << "Español";
        QTest::newRow("fr") << "fr" << "Français";
        QTest::newRow("ja") << "ja" << "日本語";
        QTest::newRow("zh_CN") << "zh_CN" << "简体中文";
    }
    void languagesNameThemselves() {
        QFETCH(QString, code);
        QFETCH(QString, name);
        QCOMPARE(conclave::ui::AppSettings::nativeName(code), name);
        // Whatever language the window is in.
        installTranslation(QStringLiteral("ja"));
        QCOMPARE(conclave::ui::AppSettings::nativeName(code), name);
    }

    void everyTranslationFileIsShipped() {
        QStringList expected;
        for (const Shipped& language : kShipped) expected << QStringLiteral("conclave_%1.ts").arg(QLatin1String(language.code));
        QStringList files = QDir(QStringLiteral(CONCLAVE_SOURCE_DIR "/translations"))
                                .entryList({QStringLiteral("conclave_*.ts")}, QDir::Files, QDir::Name);
        expected.sort();
        QCOMPARE(files, expected);
    }

    // lupdate over today's sources must find nothing the committed file lacks and nothing it
    // would drop, and every message must be translated: run `ninja update_translations`, then
    // translate the new strings (Qt Linguist, or scripts/fill-translation).
    void translationFileIsCurrentAndComplete_data() {
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("pluralForms");
        for (const Shipped& language : kShipped) QTest::newRow(language.code) << language.code << language.pluralForms;
    }
    void translationFileIsCurrentAndComplete() {
        QFETCH(QString, code);
        QFETCH(int, pluralForms);
        const QString name = QStringLiteral("conclave_%1.ts").arg(code);
        const QString committedPath = QStringLiteral(CONCLAVE_SOURCE_DIR "/translations/") + name;
        QTemporaryDir work;
        const QString copy = work.filePath(name);
        QVERIFY(QFile::copy(committedPath, copy));
        QFile::setPermissions(copy, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QProcess lupdate;
        lupdate.setWorkingDirectory(QStringLiteral(CONCLAVE_SOURCE_DIR));
        lupdate.start(QStringLiteral(CONCLAVE_LUPDATE),
                      {QStringLiteral("ui"), QStringLiteral("app"), QStringLiteral("-extensions"),
                       QStringLiteral("qml,cpp,h"), QStringLiteral("-locations"), QStringLiteral("none"),
                       QStringLiteral("-silent"), QStringLiteral("-ts"), copy});
        QVERIFY(lupdate.waitForFinished(60000));
        QCOMPARE(lupdate.exitCode(), 0);

        const QList<TsMessage> committed = readTs(committedPath);
        const QList<TsMessage> current = readTs(copy);
        QVERIFY(!committed.isEmpty());
        QSet<QString> committedKeys;
        for (const TsMessage& message : committed) committedKeys.insert(message.key());
        QStringList lacking, obsolete, unfinished, badPlaceholders, badForms;
        for (const TsMessage& message : current) {
            if (!committedKeys.contains(message.key())) lacking << message.source;
            // Without -no-obsolete, lupdate keeps a message it no longer finds, marked so.
            if (message.type == u"obsolete" || message.type == u"vanished") obsolete << message.source;
            else if (message.type == u"unfinished") unfinished << message.source;
        }
        for (const TsMessage& message : committed) {
            if (!message.type.isEmpty()) unfinished << message.type + u' ' + message.source;
            if (message.numerus && message.forms.size() != pluralForms) badForms << message.source;
            for (const QString& form : message.forms) {
                if (form.trimmed().isEmpty()) unfinished << message.source;
                if (placeholders(form) != placeholders(message.source)) badPlaceholders << form;
                if (form.count(u'\n') != message.source.count(u'\n')) badPlaceholders << form;
            }
        }
        const auto list = [](const QStringList& sources) { return qPrintable(sources.join(QStringLiteral(" | "))); };
        QVERIFY2(lacking.isEmpty(), list(lacking));
        QVERIFY2(obsolete.isEmpty(), list(obsolete));
        QVERIFY2(unfinished.isEmpty(), list(unfinished));
        QVERIFY2(badPlaceholders.isEmpty(), list(badPlaceholders));
        QVERIFY2(badForms.isEmpty(), list(badForms));
    }

    // A user-visible property bound to a literal escapes translation.
    void qmlHasNoUntranslatedLiterals() {
        QStringList offenders;
        int files = 0;
        QDirIterator it(QStringLiteral(CONCLAVE_SOURCE_DIR "/ui"), {QStringLiteral("*.qml")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            ++files;
            const auto found = conclave::test::untranslatedQmlLiterals(QString::fromUtf8(file.readAll()));
            if (!found.isEmpty()) offenders << describe(found, QFileInfo(file.fileName()).fileName());
        }
        QVERIFY(files >= 20);
        QVERIFY2(offenders.isEmpty(), qPrintable(offenders.join(u' ')));
    }

    void widgetsHaveNoUntranslatedLiterals() {
        QStringList offenders;
        for (const char* folder : {"/ui", "/app"}) {
            QDirIterator it(QStringLiteral(CONCLAVE_SOURCE_DIR) + QLatin1String(folder),
                            {QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                QFile file(it.next());
                QVERIFY(file.open(QIODevice::ReadOnly));
                const auto found = conclave::test::untranslatedWidgetLiterals(QString::fromUtf8(file.readAll()));
                if (!found.isEmpty()) offenders << describe(found, QFileInfo(file.fileName()).fileName());
            }
        }
        QVERIFY2(offenders.isEmpty(), qPrintable(offenders.join(u' ')));
    }

    // The scanner on examples: what it must catch (count > 0) and what it must let pass.
    void qmlScannerCatchesLiterals_data() {
        QTest::addColumn<QString>("qml");
        QTest::addColumn<QStringList>("caught");
        QTest::newRow("bare text") << "Label { text: \"Hello\" }" << QStringList{"Hello"};
        QTest::newRow("translated") << "Label { text: qsTr(\"Hello\") }" << QStringList{};
        QTest::newRow("with comment") << "Label { text: qsTr(\"Hello\", \"greeting\") }" << QStringList{};
        QTest::newRow("ternary branch") << "Label {\n    text: busy ? qsTr(\"Busy\") : \"Idle\"\n}" << QStringList{"Idle"};
        QTest::newRow("ternary on lines") << "Label {\n    text: busy\n          ? qsTr(\"Busy\")\n          : \"Idle\"\n    color: \"red\"\n}"
                                          << QStringList{"Idle"};
        QTest::newRow("tooltip") << "Button {\n    ToolTip.text: \"Close\"\n}" << QStringList{"Close"};
        QTest::newRow("accessible name") << "Button { Accessible.name: 'Send' }" << QStringList{"Send"};
        QTest::newRow("placeholder") << "TextField { placeholderText: \"Search…\" }" << QStringList{"Search…"};
        QTest::newRow("title") << "Dialog { title: \"Open\"; modal: true }" << QStringList{"Open"};
        QTest::newRow("own label") << "model: [{task: \"explain\", label: \"Explain\"}]" << QStringList{"Explain"};
        QTest::newRow("arg value") << "Label { text: qsTr(\"%1 left\").arg(\"nothing\") }" << QStringList{"nothing"};
        QTest::newRow("concatenated") << "Label { text: name + \" tokens\" }" << QStringList{" tokens"};
        QTest::newRow("not Latin") << "Label { text: \"日本語\" }" << QStringList{"日本語"};
        QTest::newRow("symbol") << "Button { text: \"\\u2715\" }" << QStringList{};
        QTest::newRow("unlisted symbol") << "Button { text: \"\\u2764\" }" << QStringList{"\\u2764"};
        QTest::newRow("blank") << "Label { text: \"\" }" << QStringList{};
        QTest::newRow("compared") << "Label { text: mode === \"dark\" ? qsTr(\"Dark\") : qsTr(\"Light\") }" << QStringList{};
        QTest::newRow("number format") << "Label { text: n.toLocaleString(Qt.locale(), \"f\", 0) }" << QStringList{};
        QTest::newRow("colour") << "Label { text: dark ? \"#e7e8eb\" : \"#1d1f23\" }" << QStringList{};
        QTest::newRow("commented out") << "Label {\n    // text: \"Old\"\n    text: qsTr(\"New\")\n}" << QStringList{};
        QTest::newRow("other property") << "Image { source: \"icon.png\"; objectName: \"logo\" }" << QStringList{};
    }
    void qmlScannerCatchesLiterals() {
        QFETCH(QString, qml);
        QFETCH(QStringList, caught);
        QStringList found;
        for (const UntranslatedLiteral& literal : conclave::test::untranslatedQmlLiterals(qml)) found << literal.literal;
        QCOMPARE(found, caught);
    }

    void widgetScannerCatchesLiterals_data() {
        QTest::addColumn<QString>("cpp");
        QTest::addColumn<int>("caught");
        QTest::newRow("setText literal") << "label->setText(\"Ready\");" << 1;
        QTest::newRow("QStringLiteral title") << "window->setWindowTitle(QStringLiteral(\"Conclave\"));" << 1;
        QTest::newRow("tooltip") << "button->setToolTip(u\"Send\"_s);" << 1;
        QTest::newRow("translated") << "label->setText(tr(\"Ready\"));" << 0;
        QTest::newRow("symbol") << "button->setText(QStringLiteral(\"\\u2715\"));" << 0;
        QTest::newRow("commented") << "// label->setText(\"Ready\");" << 0;
    }
    void widgetScannerCatchesLiterals() {
        QFETCH(QString, cpp);
        QFETCH(int, caught);
        QCOMPARE(conclave::test::untranslatedWidgetLiterals(cpp).size(), caught);
    }

    // The allow-list is for symbols; a word there would never be translated.
    void allowedSymbolsHoldNoLetters() {
        for (const QString& symbol : conclave::test::allowedSymbols()) {
            QVERIFY(!symbol.isEmpty());
            for (const QChar c : symbol) QVERIFY2(!c.isLetter(), qPrintable(symbol));
        }
    }
};

QTEST_MAIN(TestTranslations)
#include "test_translations.moc"
