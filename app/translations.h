#pragma once
// The app's languages: the translations compiled into the binary (translations/*.ts, built by
// lrelease into the :/i18n resource folder) and installing one for the whole application,
// with Qt's own translations of its standard dialogs where the system has them.
//
// Call installTranslation before the window loads; every qsTr/tr string then comes out in
// that language (English, the source language, when there is no translation for a string).

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace conclave::app {

// Language codes with a translation in the binary, plus "en" (the source language): "de", ...
QStringList availableLanguages();

// Installs the translation for `language` ("de", "de_AT"; empty: the system's preferred
// languages), replacing one installed before. Returns the language installed, or "en" when
// none matched (strings then stay English).
QString installTranslation(const QString& language);

} // namespace conclave::app
