#include "StopSignalWatcher.h"

#include <QSocketNotifier>

#include <utility>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>
#endif

namespace das {

#ifdef Q_OS_UNIX

namespace {

constexpr int Watched[] = {SIGINT, SIGTERM};

// The write end of the socket pair, for the handler; -1 while no StopSignalWatcher is installed.
volatile sig_atomic_t wakeFd = -1;
// Which of Watched the handler is installed for (bit i for Watched[i]).
volatile sig_atomic_t handledMask = 0;

extern "C" void onStopSignal(int)
{
    const int savedErrno = errno;
    // The default action first, for every watched signal, so that a second one (Ctrl+C, then a SIGTERM) ends
    // the process even if the event loop is stuck.
    struct sigaction fallback = {};
    fallback.sa_handler = SIG_DFL;
    sigemptyset(&fallback.sa_mask);
    for (int i = 0; i < 2; ++i) {
        if (handledMask & (1 << i))
            sigaction(Watched[i], &fallback, nullptr);
    }
    const char byte = 1;
    const int fd = wakeFd;
    // Non-blocking: if the byte cannot be written the notifier has one waiting already.
    if (fd >= 0 && ::write(fd, &byte, 1) < 0) {
    }
    errno = savedErrno;
}

} // namespace

struct StopSignalWatcher::Installed
{
    int fds[2] = {-1, -1};
    bool watched[2] = {false, false}; // in Watched's order
    struct sigaction previous[2] = {};
};

StopSignalWatcher::StopSignalWatcher(std::function<void()> onStop, int watched)
    : m_onStop(std::move(onStop))
{
    auto installed = std::make_unique<Installed>();
    if (wakeFd >= 0 || ::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, installed->fds) != 0)
        return;
    ::fcntl(installed->fds[1], F_SETFL, ::fcntl(installed->fds[1], F_GETFL) | O_NONBLOCK);
    m_notifier = std::make_unique<QSocketNotifier>(installed->fds[0], QSocketNotifier::Read);
    const int readFd = installed->fds[0];
    QObject::connect(m_notifier.get(), &QSocketNotifier::activated, m_notifier.get(), [this, readFd] {
        char buffer[16];
        if (::read(readFd, buffer, sizeof buffer) <= 0 || m_signalled)
            return;
        m_signalled = true;
        m_onStop();
    });
    wakeFd = installed->fds[1];
    struct sigaction action = {};
    action.sa_handler = onStopSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    installed->watched[0] = (watched & Interrupt) != 0;
    installed->watched[1] = (watched & Terminate) != 0;
    int mask = 0;
    for (int i = 0; i < 2; ++i) {
        if (!installed->watched[i])
            continue;
        // A signal the parent ignored stays ignored (a script's `das-sandbox &` without job control: the
        // Ctrl+C meant for the script is not this process's to act on).
        sigaction(Watched[i], nullptr, &installed->previous[i]);
        if (installed->previous[i].sa_handler == SIG_IGN) {
            installed->watched[i] = false;
            continue;
        }
        mask |= 1 << i;
    }
    handledMask = mask;
    for (int i = 0; i < 2; ++i) {
        if (installed->watched[i])
            sigaction(Watched[i], &action, nullptr);
    }
    m_installed = std::move(installed);
}

StopSignalWatcher::~StopSignalWatcher()
{
    if (!m_installed)
        return;
    for (int i = 0; i < 2; ++i) {
        if (m_installed->watched[i])
            sigaction(Watched[i], &m_installed->previous[i], nullptr);
    }
    handledMask = 0;
    wakeFd = -1;
    m_notifier.reset();
    ::close(m_installed->fds[0]);
    ::close(m_installed->fds[1]);
}

#else

struct StopSignalWatcher::Installed
{};

StopSignalWatcher::StopSignalWatcher(std::function<void()> onStop, int watched)
    : m_onStop(std::move(onStop))
{
    Q_UNUSED(watched)
}

StopSignalWatcher::~StopSignalWatcher() = default;

#endif

} // namespace das
