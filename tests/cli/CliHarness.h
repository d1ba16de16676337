#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

// Runs das-sandbox and das-connect-cli as real processes in a throw-away HOME.
class CliHarness
{
public:
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };

    CliHarness();
    ~CliHarness();

    bool isValid() const { return m_home.isValid(); }
    QString home() const { return m_home.path(); }
    QProcessEnvironment& environment() { return m_env; }

    // Starts das-sandbox with extra arguments; returns its URL, or an empty URL on failure. A secret key or
    // IAM token reaches it through DAS_SANDBOX_SK / DAS_SANDBOX_TOKEN in its environment only (never argv,
    // never a file under HOME, which the canary scans read).
    QUrl startSandbox(const QStringList& arguments = {}, const QByteArray& secretKey = {},
                      const QByteArray& iamToken = {});
    void stopSandbox();
    // Everything the sandbox printed so far.
    QByteArray sandboxOutput();
    // Waits until the sandbox has printed `needle` (its log lines follow the answer by a moment).
    bool waitForSandboxOutput(const QByteArray& needle, int timeoutMs = 5000);
    // Requests the sandbox has logged as received.
    int sandboxRequestCount();

    Run cli(const QStringList& arguments, const QByteArray& stdinData = QByteArray(), int timeoutMs = 60000);
    // cli() as another user of the same account: HOME and the XDG folders under `home`, so another history.
    Run cliWithHome(const QString& home, const QStringList& arguments,
                    const QByteArray& stdinData = QByteArray());
    // Starts das-connect-cli without waiting for it (to kill it mid-request); stdin gets `stdinData`, then
    // EOF.
    std::unique_ptr<QProcess> startCli(const QStringList& arguments,
                                       const QByteArray& stdinData = QByteArray());
    // Runs das-connect-cli with a pseudo-terminal as stdin (so that it asks before acting), typing `typed`
    // into it. stdout and stderr are pipes as in cli(). exitCode stays -1 where there are no ptys.
    Run cliOnTerminal(const QStringList& arguments, const QByteArray& typed, int timeoutMs = 60000);
    // What cliTypingAtPrompt() saw besides the run itself.
    struct TerminalRun : Run
    {
        bool prompted = false;    // stderr showed the prompt before anything was typed
        QByteArray terminal;      // what the terminal displayed: the echo of what was typed, if any
        bool echoOnAfter = false; // the terminal echoes again once the CLI has ended
    };
    // Like cliOnTerminal(), but types `typed` only once stderr shows `prompt` (or after `timeoutMs` without
    // it, so that a CLI that does not prompt still gets its line).
    TerminalRun cliTypingAtPrompt(const QStringList& arguments, const QByteArray& prompt,
                                  const QByteArray& typed, int timeoutMs = 10000);
    // Waits until the sandbox has printed `needle` at least `count` times.
    bool waitForSandboxCount(const QByteArray& needle, int count, int timeoutMs = 10000);

    // Reads `channel` of a process started with startCli() until what it printed (kept in `seen`) contains
    // `needle`, the process ends, or `timeoutMs` passes.
    static bool waitForProcessOutput(QProcess& process, QProcess::ProcessChannel channel,
                                     const QByteArray& needle, QByteArray* seen, int timeoutMs = 10000);
    // What `das-sandbox --help` prints: which options this build of the sandbox has.
    static QByteArray sandboxHelp();
    // connection_id → item of `connections --json` with `targetArguments` (what DAS, the sandbox, holds).
    QHash<QString, QJsonObject> connectionsOnDas(const QStringList& targetArguments);
    // Create calls the sandbox has logged (waiting briefly for lines still on their way).
    int createCallCount();

    // Every file under HOME (data, config, cache) whose bytes contain `needle`.
    QStringList filesContaining(const QByteArray& needle) const;

private:
    QTemporaryDir m_home;
    QProcessEnvironment m_env;
    std::unique_ptr<QProcess> m_sandbox;
    QByteArray m_sandboxOutput;
};
