#include "app_language.h"

#include <QCoreApplication>
#include <QDir>
#include <QLoggingCategory>
#include <QQmlEngine>

Q_LOGGING_CATEGORY(lcLanguage, "conclave.language", QtInfoMsg)

namespace conclave::app {
namespace {

const QString folder = QStringLiteral(":/i18n");
const QString prefix = QStringLiteral("conclave_");

} // namespace

AppLanguage::AppLanguage(QObject* parent) : QObject(parent) {}

AppLanguage::~AppLanguage() {
    if (m_installed) QCoreApplication::removeTranslator(&m_translator);
}

QStringList AppLanguage::available() {
    QStringList codes{QStringLiteral("en")};
    const QStringList files =
        QDir(folder).entryList({prefix + QStringLiteral("*.qm")}, QDir::Files, QDir::Name);
    for (const QString& file : files) {
        const QString code = file.mid(prefix.size()).chopped(3);
        if (!codes.contains(code)) codes.append(code);
    }
    return codes;
}

void AppLanguage::apply(const QString& code, QQmlEngine* engine) {
    if (m_installed) QCoreApplication::removeTranslator(&m_translator);
    m_installed = false;
    if (code != QLatin1String("en")) {
        if (m_translator.load(prefix + code, folder))
            m_installed = QCoreApplication::installTranslator(&m_translator);
        else
            qCWarning(lcLanguage) << "no translation for" << code << "- English is used";
    }
    if (engine) engine->retranslate();
}

} // namespace conclave::app
