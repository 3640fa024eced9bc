#include "composition.h"

#include "app_paths.h"
#include "available_memory.h"
#include "gpu_availability.h"
#include "sqlite_model_library.h"
#include "translations.h"

#include <QFileInfo>
#include <QUrl>

namespace conclave::app {
namespace {

std::unique_ptr<ui::ModelLibrary> openModelLibrary(storage::Database* database) {
    if (database) return std::make_unique<SqliteModelLibrary>(*database);
    return std::make_unique<ui::InMemoryModelLibrary>();
}

} // namespace

Composition::Composition(QObject* parent) : Composition(app::databasePath(), {}, parent) {}

Composition::Composition(const QString& databasePath, const QString& modelFile, QObject* parent)
    : QObject(parent), m_storage(openChatStorage(databasePath)),
      m_chat(m_engine.worker(), m_storage.store.get()),
      m_library(openModelLibrary(m_storage.database.get())),
      m_picker(&m_scanner, m_library.get(), ModelLocations::fromEnvironment(modelsFolder(), {}),
               availableMemoryBytes),
      m_recorder(m_engine.worker(), &m_chat, m_library.get()), m_gpu(probeGpuAvailability()),
      m_appSettings(m_storage.preferences.get(), QFileInfo(databasePath).absolutePath(),
                    availableLanguages(), m_gpu.devices),
      m_modelPreferences(m_chat.settings(), m_storage.preferences.get()),
      m_codePanel(m_engine.worker(), &m_chat, m_storage.store.get(), m_storage.panelSessions.get(),
                  m_storage.preferences.get()),
      m_host(&m_chat, &m_picker, &m_appSettings, &m_codePanel) {
    if (!m_storage.noticeTitle.isEmpty())
        m_chat.showNotice(m_storage.noticeTitle, m_storage.noticeMessage, m_storage.noticeHint,
                          m_storage.noticeDetails);
    connect(&m_host, &MainWindowHost::quitRequested, this, [this] {
        m_chat.prepareToQuit();
        m_modelPreferences.saveNow();
        emit quitRequested();
    });
    connectSettings();
    m_chat.settings()->setGpuAvailability(m_gpu.available, m_gpu.reason);
    m_chat.setGpuDevice(m_appSettings.gpuDevice());
    // The language chosen in the settings, unless CONCLAVE_LANGUAGE chose one (main.cpp
    // installed that, or the system's, before the window loads).
    if (!m_appSettings.language().isEmpty() && qEnvironmentVariableIsEmpty("CONCLAVE_LANGUAGE"))
        installTranslation(m_appSettings.language());
    const QString startModel = modelAtStart(modelFile, *m_library, modelsFolder());
    if (!startModel.isEmpty()) m_chat.openModel(QUrl::fromLocalFile(startModel));
}

// The settings follow the loaded model; their storage errors go to the banner.
void Composition::connectSettings() {
    // A search hit in a code panel session opens it in the panel, shown.
    connect(&m_chat, &ui::ChatController::codePanelSessionRequested, &m_codePanel,
            [this](qint64 session) {
                if (m_codePanel.openSession(session)) m_codePanel.setPanelVisible(true);
            });
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
    connect(&m_appSettings, &ui::AppSettings::gpuDeviceChanged, &m_chat,
            &ui::ChatController::setGpuDevice);
    connect(&m_appSettings, &ui::AppSettings::languageChanged, this, [this](const QString& code) {
        installTranslation(code);
        m_host.engine()->retranslate();
        m_chat.retranslate();
        m_codePanel.retranslate();
    });
}

Composition::~Composition() {
    m_chat.prepareToQuit();
    m_modelPreferences.saveNow();
    m_appSettings.saveNow();
}

} // namespace conclave::app
