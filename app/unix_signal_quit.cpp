#include "unix_signal_quit.h"

#include <QSocketNotifier>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace conclave::app {
namespace {

// A signal handler may only call async-signal-safe functions, so it writes the signal
// number into a socket that the event loop watches (the self-pipe pattern).
int signal_socket[2] = {-1, -1};

extern "C" void forward_signal(int signal_number) {
    const unsigned char byte = static_cast<unsigned char>(signal_number);
    [[maybe_unused]] const ssize_t written = ::write(signal_socket[0], &byte, 1);
}

} // namespace

UnixSignalQuit::UnixSignalQuit(QObject* parent) : QObject(parent) {
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signal_socket) != 0) return;
    m_notifier = new QSocketNotifier(signal_socket[1], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &UnixSignalQuit::readSignal);

    struct sigaction action {};
    action.sa_handler = forward_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (const int signal_number : {SIGTERM, SIGINT, SIGHUP}) sigaction(signal_number, &action, nullptr);
}

UnixSignalQuit::~UnixSignalQuit() {
    for (const int signal_number : {SIGTERM, SIGINT, SIGHUP}) std::signal(signal_number, SIG_DFL);
    for (int& fd : signal_socket) {
        if (fd >= 0) ::close(fd);
        fd = -1;
    }
}

void UnixSignalQuit::readSignal() {
    unsigned char byte = 0;
    if (::read(signal_socket[1], &byte, 1) == 1) emit quitRequested(byte);
}

} // namespace conclave::app
