#include "PasswordPrompt.h"

#include "BoundedRead.h"
#include "CliOutput.h"

#ifdef Q_OS_UNIX
#include <csignal>
#include <termios.h>
#include <unistd.h>
#endif

namespace das {

namespace {

#ifdef Q_OS_UNIX

// The terminal settings to put back should a signal end the process while echo is off; read by the
// handler, so set before it is installed.
struct termios savedTerminal = {};

extern "C" void restoreTerminalAndDie(int signal)
{
    // tcsetattr, signal and raise are async-signal-safe; the default action then ends the process as usual.
    tcsetattr(STDIN_FILENO, TCSANOW, &savedTerminal);
    std::signal(signal, SIG_DFL);
    std::raise(signal);
}

// Echo off for its lifetime, on the terminal that is stdin.
class EchoOff
{
public:
    EchoOff()
    {
        if (tcgetattr(STDIN_FILENO, &savedTerminal) != 0)
            return;
        struct sigaction action = {};
        action.sa_handler = restoreTerminalAndDie;
        sigemptyset(&action.sa_mask);
        sigaction(SIGINT, &action, &m_previousInt);
        sigaction(SIGTERM, &action, &m_previousTerm);
        struct termios quiet = savedTerminal;
        // ECHONL too: the newline is printed by the prompt itself, on stderr.
        quiet.c_lflag &= ~tcflag_t(ECHO | ECHONL);
        // TCSANOW, not TCSAFLUSH: a line typed ahead (or written by a test) must not be thrown away.
        m_active = tcsetattr(STDIN_FILENO, TCSANOW, &quiet) == 0;
        if (!m_active)
            restoreSignals();
    }
    ~EchoOff()
    {
        if (!m_active)
            return;
        tcsetattr(STDIN_FILENO, TCSANOW, &savedTerminal);
        restoreSignals();
    }
    EchoOff(const EchoOff&) = delete;
    EchoOff& operator=(const EchoOff&) = delete;

private:
    void restoreSignals()
    {
        sigaction(SIGINT, &m_previousInt, nullptr);
        sigaction(SIGTERM, &m_previousTerm, nullptr);
    }

    struct sigaction m_previousInt = {};
    struct sigaction m_previousTerm = {};
    bool m_active = false;
};

#else

// Without termios (Windows) the prompt still shows; the console keeps echoing.
class EchoOff
{};

#endif

} // namespace

std::optional<QString> PasswordPrompt::readLine(QTextStream& in, QTextStream& err, int maxChars,
                                                const QString& what, QString* problem)
{
    if (!CliOutput::stdinIsTerminal())
        return BoundedRead::line(in, maxChars, what, problem);
    std::optional<QString> line;
    {
        // Echo goes off before the prompt shows, so that nothing typed after it is ever echoed.
        const EchoOff hidden;
        err << tr("Password: ") << Qt::flush;
        line = BoundedRead::line(in, maxChars, what, problem);
    }
    err << Qt::endl;
    return line;
}

} // namespace das
