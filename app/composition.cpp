#include "composition.h"

#include "app_paths.h"
#include "available_memory.h"
#include "sqlite_model_library.h"

namespace conclave::app {
namespace {

std::unique_ptr<ui::ModelLibrary> openModelLibrary(storage::Database* database) {
    if (database) return std::make_unique<SqliteModelLibrary>(*database);
    return std::make_unique<ui::InMemoryModelLibrary>();
}

} // namespace

Composition::Composition(QObject* parent) : Composition(app::databasePath(), parent) {}

Composition::Composition(const QString& databasePath, QObject* parent)
    : QObject(parent), m_storage(openChatStorage(databasePath)),
      m_chat(m_engine.worker(), m_storage.store.get()), m_library(openModelLibrary(m_storage.database.get())),
      m_picker(&m_scanner, m_library.get(), ModelLocations::fromEnvironment(modelsFolder(), {}),
               availableMemoryBytes),
      m_recorder(m_engine.worker(), &m_chat, m_library.get()), m_host(&m_chat, &m_picker) {
    if (!m_storage.noticeTitle.isEmpty())
        m_chat.showNotice(m_storage.noticeTitle, m_storage.noticeMessage, m_storage.noticeHint,
                          m_storage.noticeDetails);
    connect(&m_host, &MainWindowHost::quitRequested, this, [this] {
        m_chat.prepareToQuit();
        emit quitRequested();
    });
    const QString defaultModel = defaultModelAtStart(*m_library, modelsFolder());
    if (!defaultModel.isEmpty()) m_chat.openModel(QUrl::fromLocalFile(defaultModel));
}

Composition::~Composition() {
    m_chat.prepareToQuit();
}

} // namespace conclave::app
