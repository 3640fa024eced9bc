#include "translations.h"

#include <QDir>
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

QString installTranslation(const QString& language) {
    removeInstalled();
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    auto* app = new QTranslator(QCoreApplication::instance());
    // Tries the locale's UI languages in order ("de_AT", "de", ...) against conclave_*.qm.
    if (!app->load(locale, QStringLiteral("conclave"), QStringLiteral("_"), kResourceFolder)) {
        delete app;
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
    return app->language();
}

} // namespace conclave::app
