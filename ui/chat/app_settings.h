#pragma once
// AppSettings: the window's app-wide settings — theme (system, light or dark), language,
// the send key (Enter, or Ctrl+Enter with Enter starting a new line), the default model (a
// file path) — saved through the PreferenceStore as soon as they change, and the data folder
// shown read-only. The window binds Theme.mode to `theme` and the composer to
// `ctrlEnterSends`; the app installs the translation for `language`.
//
// Ownership: borrows the store (which outlives it). GUI thread only. A value the store
// refuses stays in effect, is reported through saveFailed (the error banner) and is written
// again every few seconds until it goes through (`saved` then).

#include "preference_store.h"

#include <QObject>
#include <QTimer>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>
#include <map>

namespace conclave::ui {

class AppSettings : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("created by the application")
    Q_PROPERTY(QString theme READ theme WRITE setTheme NOTIFY changed)
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY changed)
    Q_PROPERTY(QVariantList languages READ languages CONSTANT)
    Q_PROPERTY(QString sendKey READ sendKey WRITE setSendKey NOTIFY changed)
    Q_PROPERTY(bool ctrlEnterSends READ ctrlEnterSends NOTIFY changed)
    Q_PROPERTY(QString defaultModel READ defaultModel WRITE setDefaultModel NOTIFY changed)
    Q_PROPERTY(QString defaultModelName READ defaultModelName NOTIFY changed)
    Q_PROPERTY(QString dataFolder READ dataFolder CONSTANT)
public:
    // `languages`: the codes of the translations the app has ("en" is always offered).
    AppSettings(PreferenceStore* store, const QString& dataFolder, const QStringList& languages,
                QObject* parent = nullptr);

    QString theme() const { return m_theme; }       // "system", "light", "dark"
    QString language() const { return m_language; } // "en", "de", ...
    QVariantList languages() const;                 // [{code, name}] in their own words
    QString sendKey() const { return m_sendKey; }   // "enter", "ctrlEnter"
    bool ctrlEnterSends() const { return m_sendKey == QLatin1String("ctrlEnter"); }
    QString defaultModel() const { return m_defaultModel; } // a .gguf path; empty: none
    QString defaultModelName() const;
    QString dataFolder() const { return m_dataFolder; }

    void setTheme(const QString& theme);
    void setLanguage(const QString& language);
    void setSendKey(const QString& key);
    void setDefaultModel(const QString& path);

    // Writes values the store refused before; true when everything is saved.
    Q_INVOKABLE bool saveNow();

signals:
    void changed();
    void languageChanged(const QString& language);
    void saveFailed(const conclave::ui::StoreError& error);
    void saved(); // values that had failed went through

private:
    void load();
    void store(const QString& key, QString& member, const QString& value);

    PreferenceStore* m_store;
    QString m_dataFolder;
    QStringList m_languageCodes;
    QString m_theme = QStringLiteral("system");
    QString m_language = QStringLiteral("en");
    QString m_sendKey = QStringLiteral("enter");
    QString m_defaultModel;
    std::map<QString, QString> m_unsaved; // key → value the store refused
    QTimer m_retryTimer;
};

} // namespace conclave::ui
