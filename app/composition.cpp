#include "composition.h"

#include <QFileInfo>
#include <QUrl>

namespace conclave::app {

Composition::Composition(QObject* parent) : Composition(app::databasePath(), parent) {}

Composition::Composition(const QString& databasePath, QObject* parent)
    : QObject(parent), m_storage(openChatStorage(databasePath)),
      m_chat(m_engine.worker(), m_storage.store.get()),
      m_appSettings(m_storage.preferences.get(), QFileInfo(databasePath).absolutePath(), AppLanguage::available()),
      m_modelPreferences(m_chat.settings(), m_storage.preferences.get()), m_host(&m_chat, &m_appSettings) {
    if (!m_storage.noticeTitle.isEmpty())
        m_chat.showNotice(m_storage.noticeTitle, m_storage.noticeMessage, m_storage.noticeHint,
                          m_storage.noticeDetails);
    connect(&m_host, &MainWindowHost::quitRequested, this, [this] {
        m_chat.prepareToQuit();
        m_modelPreferences.saveNow();
        emit quitRequested();
    });
    connectSettings();
    m_language.apply(m_appSettings.language());
    const QString defaultModel = m_appSettings.defaultModel();
    if (!defaultModel.isEmpty() && QFileInfo::exists(defaultModel)) m_chat.openModel(QUrl::fromLocalFile(defaultModel));
}

// The settings follow the loaded model; their storage errors go to the banner.
void Composition::connectSettings() {
    connect(&m_chat, &ui::ChatController::modelOpening, &m_modelPreferences, &ui::ModelPreferences::modelOpening);
    connect(&m_chat, &ui::ChatController::modelReady, &m_modelPreferences, &ui::ModelPreferences::modelLoaded);
    const auto failed = [this](const ui::StoreError& error) {
        m_chat.reportStoreError(tr("Could not save the settings"), error);
    };
    connect(&m_modelPreferences, &ui::ModelPreferences::saveFailed, this, failed);
    connect(&m_appSettings, &ui::AppSettings::saveFailed, this, failed);
    // Once the settings save again, the banner goes when the conversations are saved too.
    connect(&m_modelPreferences, &ui::ModelPreferences::saved, &m_chat, &ui::ChatController::retrySaving);
    connect(&m_appSettings, &ui::AppSettings::saved, &m_chat, &ui::ChatController::retrySaving);
    connect(&m_appSettings, &ui::AppSettings::languageChanged, this,
            [this](const QString& code) { m_language.apply(code, m_host.engine()); });
}

Composition::~Composition() {
    m_chat.prepareToQuit();
    m_modelPreferences.saveNow();
    m_appSettings.saveNow();
}

} // namespace conclave::app
