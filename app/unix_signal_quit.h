#pragma once
// UnixSignalQuit: turns SIGTERM, SIGINT and SIGHUP (logout, Ctrl+C, `kill`) into a normal
// quit request on the GUI thread, so Conclave stops and saves instead of dying mid-write.
// One instance per process, created on the GUI thread after the QCoreApplication.

#include <QObject>

class QSocketNotifier;

namespace conclave::app {

class UnixSignalQuit : public QObject {
    Q_OBJECT
public:
    explicit UnixSignalQuit(QObject* parent = nullptr);
    ~UnixSignalQuit() override;

signals:
    void quitRequested(int signal_number);

private:
    void readSignal();

    QSocketNotifier* m_notifier = nullptr;
};

} // namespace conclave::app
