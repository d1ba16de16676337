#include "BatchInterrupt.h"

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

// The write end of the socket pair, for the handler; -1 while no BatchInterrupt is installed.
volatile sig_atomic_t wakeFd = -1;

extern "C" void onSigint(int)
{
    const int savedErrno = errno;
    // The default action first, so that a second Ctrl+C kills even if the event loop is stuck.
    struct sigaction fallback = {};
    fallback.sa_handler = SIG_DFL;
    sigemptyset(&fallback.sa_mask);
    sigaction(SIGINT, &fallback, nullptr);
    const char byte = 1;
    const int fd = wakeFd;
    // Non-blocking: if the byte cannot be written the notifier has one waiting already.
    if (fd >= 0 && ::write(fd, &byte, 1) < 0) {
    }
    errno = savedErrno;
}

} // namespace

struct BatchInterrupt::Installed
{
    int fds[2] = {-1, -1};
    struct sigaction previous = {};
};

BatchInterrupt::BatchInterrupt(std::function<void()> onInterrupt)
    : m_onInterrupt(std::move(onInterrupt))
{
    auto installed = std::make_unique<Installed>();
    if (wakeFd >= 0 || ::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, installed->fds) != 0)
        return;
    ::fcntl(installed->fds[1], F_SETFL, ::fcntl(installed->fds[1], F_GETFL) | O_NONBLOCK);
    m_notifier = std::make_unique<QSocketNotifier>(installed->fds[0], QSocketNotifier::Read);
    const int readFd = installed->fds[0];
    QObject::connect(m_notifier.get(), &QSocketNotifier::activated, m_notifier.get(), [this, readFd] {
        char buffer[16];
        if (::read(readFd, buffer, sizeof buffer) <= 0 || m_interrupted)
            return;
        m_interrupted = true;
        m_onInterrupt();
    });
    wakeFd = installed->fds[1];
    struct sigaction action = {};
    action.sa_handler = onSigint;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, &installed->previous);
    m_installed = std::move(installed);
}

BatchInterrupt::~BatchInterrupt()
{
    if (!m_installed)
        return;
    sigaction(SIGINT, &m_installed->previous, nullptr);
    wakeFd = -1;
    m_notifier.reset();
    ::close(m_installed->fds[0]);
    ::close(m_installed->fds[1]);
}

#else

struct BatchInterrupt::Installed
{};

BatchInterrupt::BatchInterrupt(std::function<void()> onInterrupt)
    : m_onInterrupt(std::move(onInterrupt))
{}

BatchInterrupt::~BatchInterrupt() = default;

#endif

} // namespace das
