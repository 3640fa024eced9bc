#include "composition.h"

namespace conclave::app {

Composition::Composition(QObject* parent) : Composition(app::databasePath(), parent) {}

Composition::Composition(const QString& databasePath, QObject* parent)
    : QObject(parent), m_storage(openChatStorage(databasePath)),
      m_chat(m_engine.worker(), m_storage.store.get()), m_host(&m_chat) {
    if (!m_storage.noticeTitle.isEmpty())
        m_chat.showNotice(m_storage.noticeTitle, m_storage.noticeMessage, m_storage.noticeHint,
                          m_storage.noticeDetails);
    connect(&m_host, &MainWindowHost::quitRequested, this, [this] {
        m_chat.prepareToQuit();
        emit quitRequested();
    });
}

Composition::~Composition() {
    m_chat.prepareToQuit();
}

} // namespace conclave::app
