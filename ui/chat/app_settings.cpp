#include "app_settings.h"

#include <QFileInfo>
#include <QLocale>

namespace conclave::ui {
namespace {

constexpr int retryIntervalMs = 5000;

// Keys in the store; never renamed (older databases hold them).
const QString themeKey = QStringLiteral("theme");
const QString languageKey = QStringLiteral("language");
const QString sendKeyKey = QStringLiteral("send_key");
const QString defaultModelKey = QStringLiteral("default_model");

const QStringList themes{QStringLiteral("system"), QStringLiteral("light"), QStringLiteral("dark")};
const QStringList sendKeys{QStringLiteral("enter"), QStringLiteral("ctrlEnter")};

} // namespace

AppSettings::AppSettings(PreferenceStore* store, const QString& dataFolder,
                         const QStringList& languages, QObject* parent)
    : QObject(parent), m_store(store), m_dataFolder(dataFolder), m_languageCodes(languages) {
    if (!m_languageCodes.contains(QStringLiteral("en")))
        m_languageCodes.prepend(QStringLiteral("en"));
    m_languageCodes.removeAll(QString());
    m_languageCodes.prepend(QString()); // the system's language
    m_retryTimer.setInterval(retryIntervalMs);
    connect(&m_retryTimer, &QTimer::timeout, this, &AppSettings::saveNow);
    load();
}

// Values the store holds; anything unknown (a hand-edited database, a removed translation)
// keeps the default.
void AppSettings::load() {
    const auto read = [this](const QString& key) -> QString {
        try {
            return m_store->value(key).value_or(QString());
        } catch (const StoreError&) {
            return {}; // the conversation store reports an unreadable database already
        }
    };
    if (const QString v = read(themeKey); themes.contains(v)) m_theme = v;
    if (const QString v = read(languageKey); m_languageCodes.contains(v)) m_language = v;
    if (const QString v = read(sendKeyKey); sendKeys.contains(v)) m_sendKey = v;
    m_defaultModel = read(defaultModelKey);
}

QVariantList AppSettings::languages() const {
    QVariantList list;
    for (const QString& code : m_languageCodes) {
        // English is the source language, not a regional variant ("American English").
        QString name = code.isEmpty()                ? tr("System language")
                       : code == QLatin1String("en") ? QStringLiteral("English")
                                                     : QLocale(code).nativeLanguageName();
        if (!name.isEmpty()) name[0] = name[0].toUpper();
        list.append(QVariantMap{{QStringLiteral("code"), code}, {QStringLiteral("name"), name}});
    }
    return list;
}

QString AppSettings::defaultModelName() const {
    return m_defaultModel.isEmpty() ? QString() : QFileInfo(m_defaultModel).fileName();
}

void AppSettings::setTheme(const QString& theme) {
    if (themes.contains(theme)) store(themeKey, m_theme, theme);
}

void AppSettings::setLanguage(const QString& language) {
    if (!m_languageCodes.contains(language) || language == m_language) return;
    store(languageKey, m_language, language);
    emit languageChanged(m_language);
}

void AppSettings::setSendKey(const QString& key) {
    if (sendKeys.contains(key)) store(sendKeyKey, m_sendKey, key);
}

void AppSettings::setDefaultModel(const QString& path) {
    store(defaultModelKey, m_defaultModel, path);
}

// Takes the value at once and writes it; a refused write is kept for saveNow().
void AppSettings::store(const QString& key, QString& member, const QString& value) {
    if (member == value) return;
    member = value;
    m_unsaved[key] = value;
    emit changed();
    saveNow();
}

bool AppSettings::saveNow() {
    const bool hadFailed = m_retryTimer.isActive();
    while (!m_unsaved.empty()) {
        const auto it = m_unsaved.begin();
        try {
            m_store->setValue(it->first, it->second);
        } catch (const StoreError& error) {
            if (!m_retryTimer.isActive()) m_retryTimer.start();
            emit saveFailed(error);
            return false;
        }
        m_unsaved.erase(it);
    }
    m_retryTimer.stop();
    if (hadFailed) emit saved();
    return true;
}

} // namespace conclave::ui
