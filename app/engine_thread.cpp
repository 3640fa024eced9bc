#include "engine_thread.h"

#include "engine_worker.h"

namespace conclave::app {

EngineThread::EngineThread() {
    m_thread.setObjectName(QStringLiteral("conclave-engine"));
    m_worker = new EngineWorker;
    m_worker->moveToThread(&m_thread);
    QObject::connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

EngineThread::~EngineThread() {
    m_worker->cancel();
    m_thread.quit();
    m_thread.wait();
}

} // namespace conclave::app
