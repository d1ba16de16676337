// das-sandbox stops cleanly on SIGINT (Ctrl+C) and SIGTERM: the event loop quits and the server writes what
// its --state file has not been told yet, so that nothing of its last quarter-second is lost. A signal its
// parent ignored stays ignored.
#include "RawHttp.h"
#include "SandboxProcess.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/types.h>

using namespace das;
using namespace das::test;

namespace {

// The signals a process ignores and catches, from /proc/PID/status (bit N-1 for signal N).
struct SignalMasks
{
    quint64 ignored = 0;
    quint64 caught = 0;
};

SignalMasks signalMasks(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    SignalMasks masks;
    if (!status.open(QIODevice::ReadOnly))
        return masks;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("SigIgn:"))
            masks.ignored = line.mid(7).trimmed().toULongLong(nullptr, 16);
        else if (line.startsWith("SigCgt:"))
            masks.caught = line.mid(7).trimmed().toULongLong(nullptr, 16);
    }
    return masks;
}

constexpr quint64 bit(int signalNumber)
{
    return quint64(1) << (signalNumber - 1);
}

} // namespace

class TestSandboxQuit : public QObject
{
    Q_OBJECT

private slots:
    // A runner that started this test with SIGINT ignored (a background job of a script) would pass that on
    // to the sandbox, which keeps an ignored signal ignored (ignoredInterruptStaysIgnored).
    void initTestCase()
    {
        std::signal(SIGINT, SIG_DFL);
        std::signal(SIGTERM, SIG_DFL);
    }

    // Once it says where it listens, it catches both; a signal its parent ignored it leaves ignored.
    void ignoredInterruptStaysIgnored()
    {
        {
            SandboxProcess sandbox({}, cleanEnvironment());
            QVERIFY2(sandbox.waitListening().isValid(), sandbox.output().constData());
            const SignalMasks masks = signalMasks(sandbox.processId());
            QCOMPARE(masks.caught & (bit(SIGINT) | bit(SIGTERM)), bit(SIGINT) | bit(SIGTERM));
            QCOMPARE(masks.ignored & bit(SIGINT), quint64(0));
        }
        std::signal(SIGINT, SIG_IGN); // inherited by the child QProcess starts
        SandboxProcess sandbox({}, cleanEnvironment());
        std::signal(SIGINT, SIG_DFL);
        QVERIFY2(sandbox.waitListening().isValid(), sandbox.output().constData());
        const SignalMasks masks = signalMasks(sandbox.processId());
        QCOMPARE(masks.ignored & bit(SIGINT), bit(SIGINT));
        QCOMPARE(masks.caught & (bit(SIGINT) | bit(SIGTERM)), bit(SIGTERM));
        QCOMPARE(::kill(pid_t(sandbox.processId()), SIGTERM), 0);
        QCOMPARE(sandbox.waitExitCode(), 0);
    }

    void signalWritesTheStateAndQuits_data()
    {
        QTest::addColumn<int>("signalNumber");
        QTest::newRow("SIGTERM") << int(SIGTERM);
        QTest::newRow("SIGINT") << int(SIGINT);
    }

    // The first create after a quiet interval is written at once, the second within the 250 ms interval only
    // when it ends: signalled right after it, a sandbox that died would lose it (and exit by the signal).
    void signalWritesTheStateAndQuits()
    {
        QFETCH(int, signalNumber);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString state = dir.filePath(QStringLiteral("state.json"));
        SandboxProcess sandbox({QStringLiteral("--state"), state}, cleanEnvironment());
        const QUrl url = sandbox.waitListening();
        QVERIFY2(url.isValid(), sandbox.output().constData());

        QStringList created;
        for (int i = 0; i < 2; ++i) {
            const RawResponse r = exchange(quint16(url.port()), signedCreate(url));
            QCOMPARE(r.status, 200);
            created.append(connectionIdOf(r));
            QVERIFY(!created.constLast().isEmpty());
        }
        QVERIFY(sandbox.processId() > 0);
        QCOMPARE(::kill(pid_t(sandbox.processId()), signalNumber), 0);

        QCOMPARE(sandbox.waitExitCode(), 0); // a normal exit, not death by the signal
        QCOMPARE(stateIds(state), created);
    }

    // Restarted on the same file, it lists what it had created before the signal.
    void restartAfterSigtermListsTheConnections()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString state = dir.filePath(QStringLiteral("state.json"));
        QStringList created;
        {
            SandboxProcess sandbox({QStringLiteral("--state"), state}, cleanEnvironment());
            const QUrl url = sandbox.waitListening();
            QVERIFY2(url.isValid(), sandbox.output().constData());
            for (int i = 0; i < 2; ++i) {
                const RawResponse r = exchange(quint16(url.port()), signedCreate(url));
                QCOMPARE(r.status, 200);
                created.prepend(connectionIdOf(r)); // listed newest first
            }
            QCOMPARE(::kill(pid_t(sandbox.processId()), SIGTERM), 0);
            QCOMPARE(sandbox.waitExitCode(), 0);
        }
        SandboxProcess again({QStringLiteral("--state"), state}, cleanEnvironment());
        const QUrl url = again.waitListening();
        QVERIFY2(url.isValid(), again.output().constData());
        const RawResponse list = signedGet(
            url, QStringLiteral("/v3/%1/list-connections").arg(QLatin1String(SandboxOptions::DemoProjectId)),
            {});
        QCOMPARE(list.status, 200);
        QStringList listed;
        const QJsonArray connections =
            QJsonDocument::fromJson(list.body).object().value(QLatin1String("das_conn_info_list")).toArray();
        for (const QJsonValue& entry : connections)
            listed.append(entry.toObject().value(QLatin1String("connection_id")).toString());
        QCOMPARE(listed, created);
    }
};

QTEST_GUILESS_MAIN(TestSandboxQuit)
#include "tst_sandboxquit.moc"
