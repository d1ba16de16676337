#include "CliHarness.h"

#include <QDeadlineTimer>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#ifdef Q_OS_UNIX
#include <csignal>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <termios.h>
#include <unistd.h>
#endif

CliHarness::CliHarness()
    : m_env(QProcessEnvironment::systemEnvironment())
{
    // The programs started here inherit these: a runner that started the tests with SIGINT ignored (a
    // script's background job) would make them keep it ignored (StopSignalWatcher), and the Ctrl+C tests
    // could not stop them.
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    const QStringList inherited = m_env.keys();
    for (const QString& key : inherited) {
        if (key.startsWith(QLatin1String("HUAWEICLOUD_")) ||
            key.contains(QLatin1String("PROXY"), Qt::CaseInsensitive))
            m_env.remove(key);
    }
    m_env.insert(QStringLiteral("HOME"), m_home.path());
    m_env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.path() + QStringLiteral("/.local/share"));
    m_env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.path() + QStringLiteral("/.config"));
    m_env.insert(QStringLiteral("XDG_CACHE_HOME"), m_home.path() + QStringLiteral("/.cache"));
    m_env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    // Every das.* log line goes to stderr, so the canary checks on stderr cover the log call sites too.
    m_env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("das.*.debug=true"));
}

CliHarness::~CliHarness()
{
    stopSandbox();
}

QUrl CliHarness::startSandbox(const QStringList& arguments, const QByteArray& secretKey,
                              const QByteArray& iamToken)
{
    stopSandbox();
    m_sandbox = std::make_unique<QProcess>();
    QProcessEnvironment sandboxEnv = m_env;
    if (!secretKey.isEmpty())
        sandboxEnv.insert(QStringLiteral("DAS_SANDBOX_SK"), QString::fromUtf8(secretKey));
    if (!iamToken.isEmpty())
        sandboxEnv.insert(QStringLiteral("DAS_SANDBOX_TOKEN"), QString::fromUtf8(iamToken));
    m_sandbox->setProcessEnvironment(sandboxEnv);
    m_sandbox->setProcessChannelMode(QProcess::MergedChannels);
    m_sandbox->start(QStringLiteral(DAS_SANDBOX_PATH), arguments);
    if (!m_sandbox->waitForStarted(10000))
        return {};
    const QRegularExpression listening(QStringLiteral("listening on (\\S+)"));
    QDeadlineTimer deadline(10000);
    while (!deadline.hasExpired()) {
        m_sandboxOutput += m_sandbox->readAll();
        const auto match = listening.match(QString::fromUtf8(m_sandboxOutput));
        if (match.hasMatch())
            return QUrl(match.captured(1));
        if (!m_sandbox->waitForReadyRead(int(deadline.remainingTime())))
            break;
    }
    return {};
}

void CliHarness::stopSandbox()
{
    if (!m_sandbox)
        return;
    m_sandbox->terminate();
    if (!m_sandbox->waitForFinished(5000)) {
        m_sandbox->kill();
        m_sandbox->waitForFinished(5000);
    }
    m_sandboxOutput += m_sandbox->readAll();
    m_sandbox.reset();
}

QByteArray CliHarness::sandboxOutput()
{
    if (m_sandbox)
        m_sandboxOutput += m_sandbox->readAll();
    return m_sandboxOutput;
}

bool CliHarness::waitForSandboxOutput(const QByteArray& needle, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!sandboxOutput().contains(needle)) {
        if (!m_sandbox || deadline.hasExpired() ||
            !m_sandbox->waitForReadyRead(int(deadline.remainingTime())))
            return sandboxOutput().contains(needle);
    }
    return true;
}

int CliHarness::sandboxRequestCount()
{
    // The receipt line is printed before the answer is sent, so it is already there when the CLI has exited.
    if (m_sandbox)
        m_sandbox->waitForReadyRead(100);
    return int(sandboxOutput().count(" received "));
}

CliHarness::Run CliHarness::cli(const QStringList& arguments, const QByteArray& stdinData, int timeoutMs)
{
    QProcess process;
    process.setProcessEnvironment(m_env);
    process.start(QStringLiteral(DAS_CLI_PATH), arguments);
    Run run;
    if (!process.waitForStarted(10000))
        return run;
    process.write(stdinData);
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

CliHarness::Run CliHarness::cliWithHome(const QString& home, const QStringList& arguments,
                                        const QByteArray& stdinData)
{
    const QProcessEnvironment saved = m_env;
    m_env.insert(QStringLiteral("HOME"), home);
    m_env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/.local/share"));
    m_env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/.config"));
    m_env.insert(QStringLiteral("XDG_CACHE_HOME"), home + QStringLiteral("/.cache"));
    const Run run = cli(arguments, stdinData);
    m_env = saved;
    return run;
}

std::unique_ptr<QProcess> CliHarness::startCli(const QStringList& arguments, const QByteArray& stdinData)
{
    auto process = std::make_unique<QProcess>();
    process->setProcessEnvironment(m_env);
    process->start(QStringLiteral(DAS_CLI_PATH), arguments);
    if (process->waitForStarted(10000)) {
        // Nothing runs this process's event loop later, so stdin is written out here.
        process->write(stdinData);
        process->waitForBytesWritten(10000);
        process->closeWriteChannel();
    }
    return process;
}

CliHarness::Run CliHarness::cliOnTerminal(const QStringList& arguments, const QByteArray& typed,
                                          int timeoutMs)
{
    Run run;
#ifdef Q_OS_UNIX
    const int master = posix_openpt(O_RDWR | O_NOCTTY);
    if (master < 0)
        return run;
    const char* slave = grantpt(master) == 0 && unlockpt(master) == 0 ? ptsname(master) : nullptr;
    if (slave) {
        QProcess process;
        process.setProcessEnvironment(m_env);
        process.setStandardInputFile(QString::fromLocal8Bit(slave));
        process.start(QStringLiteral(DAS_CLI_PATH), arguments);
        // The terminal keeps the typed line until the CLI reads it, so it can be typed at once.
        if (process.waitForStarted(10000) && ::write(master, typed.constData(), size_t(typed.size())) >= 0) {
            if (process.waitForFinished(timeoutMs)) {
                run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
                run.out = process.readAllStandardOutput();
                run.err = process.readAllStandardError();
            } else {
                process.kill();
                process.waitForFinished();
            }
        }
    }
    ::close(master);
#else
    Q_UNUSED(arguments)
    Q_UNUSED(typed)
    Q_UNUSED(timeoutMs)
#endif
    return run;
}

CliHarness::TerminalRun CliHarness::cliTypingAtPrompt(const QStringList& arguments, const QByteArray& prompt,
                                                      const QByteArray& typed, int timeoutMs)
{
    TerminalRun run;
#ifdef Q_OS_UNIX
    const int master = posix_openpt(O_RDWR | O_NOCTTY);
    if (master < 0)
        return run;
    const char* slaveName = grantpt(master) == 0 && unlockpt(master) == 0 ? ptsname(master) : nullptr;
    // Held open here too: the terminal outlives the CLI, so its settings and pending echo can be read after.
    const int slave = slaveName ? ::open(slaveName, O_RDWR | O_NOCTTY) : -1;
    if (slave >= 0) {
        QProcess process;
        process.setProcessEnvironment(m_env);
        process.setStandardInputFile(QString::fromLocal8Bit(slaveName));
        process.start(QStringLiteral(DAS_CLI_PATH), arguments);
        if (process.waitForStarted(10000)) {
            run.prompted =
                waitForProcessOutput(process, QProcess::StandardError, prompt, &run.err, timeoutMs);
            if (::write(master, typed.constData(), size_t(typed.size())) >= 0 &&
                process.waitForFinished(60000)) {
                run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
                run.out = process.readAllStandardOutput();
                run.err += process.readAllStandardError();
            } else {
                process.kill();
                process.waitForFinished();
            }
        }
        struct termios settings = {};
        run.echoOnAfter = tcgetattr(slave, &settings) == 0 && (settings.c_lflag & ECHO) != 0;
        // A write to the terminal first flushes any echo still queued, so everything echoed precedes it.
        const QByteArray marker("\n<end of terminal>\n");
        if (::write(slave, marker.constData(), size_t(marker.size())) >= 0) {
            QDeadlineTimer deadline(10000);
            char buffer[512];
            while (!run.terminal.contains("<end of terminal>") && !deadline.hasExpired()) {
                struct pollfd ready = {master, POLLIN, 0};
                if (::poll(&ready, 1, int(deadline.remainingTime())) <= 0)
                    break;
                const ssize_t n = ::read(master, buffer, sizeof buffer);
                if (n <= 0)
                    break;
                run.terminal.append(buffer, int(n));
            }
        }
        ::close(slave);
    }
    ::close(master);
#else
    Q_UNUSED(arguments)
    Q_UNUSED(prompt)
    Q_UNUSED(typed)
    Q_UNUSED(timeoutMs)
#endif
    return run;
}

bool CliHarness::waitForSandboxCount(const QByteArray& needle, int count, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (sandboxOutput().count(needle) < count) {
        if (!m_sandbox || deadline.hasExpired() ||
            !m_sandbox->waitForReadyRead(int(deadline.remainingTime())))
            return sandboxOutput().count(needle) >= count;
    }
    return true;
}

bool CliHarness::waitForProcessOutput(QProcess& process, QProcess::ProcessChannel channel,
                                      const QByteArray& needle, QByteArray* seen, int timeoutMs)
{
    process.setReadChannel(channel);
    QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        *seen += process.readAll();
        if (seen->contains(needle))
            return true;
        if (deadline.hasExpired() || process.state() != QProcess::Running ||
            !process.waitForReadyRead(int(deadline.remainingTime())))
            break;
    }
    *seen += process.readAll();
    return seen->contains(needle);
}

QByteArray CliHarness::sandboxHelp()
{
    QProcess process;
    process.start(QStringLiteral(DAS_SANDBOX_PATH), {QStringLiteral("--help")});
    if (!process.waitForFinished(10000))
        return {};
    return process.readAllStandardOutput();
}

QHash<QString, QJsonObject> CliHarness::connectionsOnDas(const QStringList& targetArguments)
{
    const Run run =
        cli(QStringList{QStringLiteral("connections"), QStringLiteral("--json")} + targetArguments);
    if (run.exitCode != 0)
        qWarning("connections failed: %s", run.err.constData());
    QHash<QString, QJsonObject> items;
    for (const QJsonValue& v : QJsonDocument::fromJson(run.out).array())
        items.insert(v.toObject().value(QLatin1String("connection_id")).toString(), v.toObject());
    return items;
}

int CliHarness::createCallCount()
{
    sandboxRequestCount();
    return int(sandboxOutput().count(" received POST "));
}

QStringList CliHarness::filesContaining(const QByteArray& needle) const
{
    QStringList hits;
    QDirIterator it(m_home.path(), QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(needle))
            hits.append(path);
    }
    return hits;
}
