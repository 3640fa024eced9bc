#pragma once
// EngineThread: owns the QThread the EngineWorker runs on, and the worker. Created by the
// composition root on the GUI thread; the worker is started at once. The destructor cancels
// whatever runs, stops the thread's event loop after the current request and waits for it;
// the worker (with its model and session) is destroyed on its own thread before the wait
// returns. Requests still queued at that point are dropped.

#include <QThread>

namespace conclave::app {

class EngineWorker;

class EngineThread {
public:
    EngineThread();
    ~EngineThread();
    EngineThread(const EngineThread&) = delete;
    EngineThread& operator=(const EngineThread&) = delete;

    EngineWorker* worker() const { return m_worker; }

private:
    QThread m_thread;
    EngineWorker* m_worker = nullptr;
};

} // namespace conclave::app
