#pragma once
// ModelScanner: runs model discovery and single-file inspection off the GUI thread, for the
// model picker and the model card. Owns a small thread pool; scan() and inspect() return at
// once and the result comes back as a queued signal on the scanner's (GUI) thread carrying
// value types. A new scan() replaces the one running (its result is dropped); destroying the
// scanner cancels the walk between files and waits for the pool (bounded by one file's
// header parse). Never throws; files that cannot be read arrive with their problem set.

#include "model_discovery.h"

#include <QObject>
#include <QThreadPool>
#include <atomic>
#include <memory>

namespace conclave::app {

class ModelScanner : public QObject {
    Q_OBJECT
public:
    explicit ModelScanner(QObject* parent = nullptr);
    ~ModelScanner() override;

    void scan(const QList<ModelFolder>& folders, const DiscoveryLimits& limits = {});
    void inspect(const QString& path);
    bool scanning() const { return m_scanning; }

signals:
    void scanFinished(const conclave::app::DiscoveryResult& result);
    void inspected(const conclave::app::ModelFacts& facts);

private:
    QThreadPool m_pool;
    std::shared_ptr<std::atomic<bool>> m_cancel = std::make_shared<std::atomic<bool>>(false);
    quint64 m_scanId = 0;
    bool m_scanning = false;
};

} // namespace conclave::app
