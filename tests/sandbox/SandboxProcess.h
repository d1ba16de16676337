#pragma once

// das-sandbox started as a process by the tests that need its command line (secrets, --inventory).
#include <QProcess>
#include <QRegularExpression>
#include <QTest>
#include <QUrl>

namespace das::test {

// One das-sandbox process; everything it prints is collected as it comes.
class SandboxProcess
{
public:
    SandboxProcess(const QStringList& arguments, const QProcessEnvironment& environment)
    {
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.setProcessEnvironment(environment);
        QObject::connect(&m_process, &QProcess::readyRead, [this] { m_output += m_process.readAll(); });
        m_process.start(QStringLiteral(DAS_SANDBOX_PATH), arguments);
    }
    ~SandboxProcess()
    {
        m_process.kill();
        m_process.waitForFinished(5000);
    }

    // The URL it listens on, once it has said so; empty if it did not within `ms`.
    QUrl waitListening(int ms = 10000)
    {
        const QRegularExpression listening(QStringLiteral("listening on (\\S+)"));
        QRegularExpressionMatch match;
        const bool ended = QTest::qWaitFor(
            [&] {
                match = listening.match(QString::fromUtf8(m_output));
                return match.hasMatch() || m_process.state() == QProcess::NotRunning;
            },
            ms);
        return ended && match.hasMatch() ? QUrl(match.captured(1)) : QUrl();
    }
    bool waitOutput(const QByteArray& needle, int ms = 10000)
    {
        return QTest::qWaitFor([&] { return m_output.contains(needle); }, ms);
    }
    int waitExitCode()
    {
        m_process.waitForFinished(10000);
        m_output += m_process.readAll();
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    }
    const QByteArray& output() const { return m_output; }
    qint64 processId() const { return m_process.processId(); }

private:
    QProcess m_process;
    QByteArray m_output;
};

// The test's environment without the sandbox's secret variables, so that only what a test sets counts.
inline QProcessEnvironment cleanEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DAS_SANDBOX_SK"));
    env.remove(QStringLiteral("DAS_SANDBOX_TOKEN"));
    return env;
}

} // namespace das::test
