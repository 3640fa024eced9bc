#pragma once
// The app's languages: the translations compiled into the binary (translations/*.ts, built by
// lrelease into the :/i18n resource folder) and installing one for the whole application,
// with Qt's own translations of its standard dialogs where the system has them.
//
// Call installTranslation before the window loads; every qsTr/tr string then comes out in
// that language (English, the source language, when there is no translation for a string).

#include <QCoreApplication>
#include <QLocale>
#include <QString>
#include <QStringList>

namespace conclave::app {

// Language codes with a translation in the binary, plus "en" (the source language): "de", ...
QStringList availableLanguages();

// Installs the translation for `language` ("de", "de_AT"; empty: the system's preferred
// languages), replacing one installed before. Returns the language installed, or "en" when
// none matched (strings then stay English). Also sets the default QLocale (numbers, dates)
// to `localeFor(language)` and the application's layout direction to the installed
// language's (right to left for Arabic or Hebrew, which QML mirrors the window for).
// GUI thread only.
QString installTranslation(const QString& language);

// The locale for `language`: the system's when empty or when the system speaks that language
// (keeping its region's formats), else the language's own.
QLocale localeFor(const QString& language);

} // namespace conclave::app
