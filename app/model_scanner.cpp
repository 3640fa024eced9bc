#include "model_scanner.h"

namespace conclave::app {

ModelScanner::ModelScanner(QObject* parent) : QObject(parent) {
    qRegisterMetaType<conclave::app::DiscoveryResult>();
    qRegisterMetaType<conclave::app::ModelFacts>();
    m_pool.setMaxThreadCount(2); // one walk and one card inspection at a time
    m_pool.setObjectName(QStringLiteral("conclave-model-scan"));
}

ModelScanner::~ModelScanner() {
    m_cancel->store(true);
    m_pool.waitForDone();
}

void ModelScanner::scan(const QList<ModelFolder>& folders, const DiscoveryLimits& limits) {
    m_cancel->store(true); // the previous walk stops at its next file
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    const quint64 id = ++m_scanId;
    m_scanning = true;
    m_pool.start([this, folders, limits, cancel = m_cancel, id] {
        DiscoveryResult result = discoverModels(folders, limits, *cancel);
        // Queued to this object's thread; dropped by Qt if the scanner is gone by then (it
        // cannot be: the destructor waits for the pool).
        QMetaObject::invokeMethod(
            this,
            [this, id, result = std::move(result)] {
                if (id != m_scanId) return;
                m_scanning = false;
                emit scanFinished(result);
            },
            Qt::QueuedConnection);
    });
}

void ModelScanner::inspect(const QString& path) {
    m_pool.start([this, path] {
        ModelFacts facts = inspectModelFile(path);
        QMetaObject::invokeMethod(
            this, [this, facts = std::move(facts)] { emit inspected(facts); },
            Qt::QueuedConnection);
    });
}

} // namespace conclave::app
