#include "composition.h"

namespace conclave::app {

Composition::Composition(QObject* parent)
    : QObject(parent), m_chat(m_engine.worker(), &m_store), m_host(&m_chat) {
    connect(&m_host, &MainWindowHost::quitRequested, this, [this] {
        m_chat.prepareToQuit();
        emit quitRequested();
    });
}

Composition::~Composition() { m_chat.prepareToQuit(); }

} // namespace conclave::app
