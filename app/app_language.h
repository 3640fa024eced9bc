#pragma once
// AppLanguage: the translations Conclave carries (compiled in under :/i18n as
// conclave_<code>.qm) and the one in use. English is the source language and needs no file.
// apply() installs the chosen translation on the application and asks the QML engine to
// translate the window again. GUI thread only; a missing or unreadable translation leaves
// English (logged), never an error for the user.

#include <QObject>
#include <QStringList>
#include <QTranslator>

class QQmlEngine;

namespace conclave::app {

class AppLanguage : public QObject {
    Q_OBJECT
public:
    explicit AppLanguage(QObject* parent = nullptr);
    ~AppLanguage() override;

    // "en" and the codes of the translations found, sorted.
    static QStringList available();
    // Installs `code`'s translation ("en": none) and retranslates `engine` when given.
    void apply(const QString& code, QQmlEngine* engine = nullptr);

private:
    QTranslator m_translator;
    bool m_installed = false;
};

} // namespace conclave::app
