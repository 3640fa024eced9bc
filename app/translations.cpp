#include "translations.h"

#include <QDir>
#include <QGuiApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace conclave::app {

namespace {

const QString kResourceFolder = QStringLiteral(":/i18n");
const QString kPrefix = QStringLiteral("conclave_");

// The installed translators, owned by the application object (so they go with it).
struct Installed {
    QTranslator* app = nullptr;
    QTranslator* qt = nullptr;
};
Installed& installed() {
    static Installed translators;
    return translators;
}

void removeInstalled() {
    Installed& current = installed();
    for (QTranslator** translator : {&current.app, &current.qt}) {
        if (!*translator) continue;
        QCoreApplication::removeTranslator(*translator);
        delete *translator;
        *translator = nullptr;
    }
}

} // namespace

QStringList availableLanguages() {
    QStringList languages = {QStringLiteral("en")};
    const QStringList files =
        QDir(kResourceFolder)
            .entryList({kPrefix + QStringLiteral("*.qm")}, QDir::Files, QDir::Name);
    for (const QString& file : files) languages << file.mid(kPrefix.size()).chopped(3);
    return languages;
}

// The locale numbers and dates follow: the system's when it speaks the chosen language (a
// Swiss user choosing German keeps Swiss number formats), else the chosen language's own.
QLocale localeFor(const QString& language) {
    const QLocale system = QLocale::system();
    if (language.isEmpty()) return system;
    const QLocale chosen(language);
    return chosen.language() == system.language() ? system : chosen;
}

QString installTranslation(const QString& language) {
    removeInstalled();
    const QLocale locale = localeFor(language);
    QLocale::setDefault(locale);
    auto* app = new QTranslator(QCoreApplication::instance());
    // Tries the locale's UI languages in order ("de_AT", "de", ...) against conclave_*.qm.
    if (!app->load(locale, QStringLiteral("conclave"), QStringLiteral("_"), kResourceFolder)) {
        delete app;
        QGuiApplication::setLayoutDirection(Qt::LeftToRight);
        return QStringLiteral("en");
    }
    QCoreApplication::installTranslator(app);
    installed().app = app;
    // Qt's own strings (file dialog buttons, context menus) in the same language, if installed.
    auto* qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
        installed().qt = qt;
    } else {
        delete qt;
    }
    // The window mirrors for a right-to-left language (Arabic, Hebrew, ...) once its strings
    // are there; English strings in an Arabic locale stay left to right.
    QGuiApplication::setLayoutDirection(QLocale(app->language()).textDirection());
    return app->language();
}

} // namespace conclave::app
