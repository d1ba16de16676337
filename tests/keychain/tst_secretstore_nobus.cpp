// No D-Bus session bus at all (DBUS_SESSION_BUS_ADDRESS unset, no $XDG_RUNTIME_DIR/bus socket): every
// keychain call reports the keychain as unavailable at once, and nothing autolaunches dbus-launch,
// dbus-daemon or gnome-keyring-daemon, which would outlive the app.
//
// Each case runs the keychain calls in a child process (this executable with --child), because GDBus and
// libdbus read the bus address once per process. Two witnesses catch an autolaunch:
//  - the child's PATH starts with stand-ins for the three daemons that only record that they were run
//    (GDBus finds dbus-launch on PATH);
//  - the child's environment carries a marker, inherited by anything it starts, directly or through a bus,
//    so after it exits /proc must hold no process with that marker (parallel tests' daemons lack it).

#include "KeychainTestSupport.h"
#include "SecretStore.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLocalServer>
#include <QLocalSocket>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

#include <csignal>
#include <sys/types.h>

using namespace das;
using namespace das::test;

namespace {

const char* const kChildFlag = "--child";
const char* const kTimeoutVariable = "DAS_NOBUS_TIMEOUT_MS";
const char* const kMarkerVariable = "DAS_NOBUS_MARKER";
const char* const kLogVariable = "DAS_NOBUS_AUTOLAUNCH_LOG";

// The child: every kind of keychain call, one line each: "<kind> <status> <ms>".
int childMain(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    SecretStore store;
    store.setTimeoutMs(qEnvironmentVariableIntValue(kTimeoutVariable));
    const QString key = QStringLiteral("tst-nobus");
    const QString secret = QStringLiteral("nobus-secret-3b7d");
    QTextStream out(stdout);
    const auto run = [&out](const char* kind, SecretJob* job) {
        QElapsedTimer clock;
        clock.start();
        const SecretResult r = SecretStore::waitFor(job);
        out << kind << ' ' << SecretResult::statusName(r.status) << ' ' << clock.elapsed() << '\n';
    };
    run("Read", store.read(key));
    run("Write", store.write(key, secret));
    run("WriteVerified", store.writeVerified(key, secret));
    run("Remove", store.remove(key));
    return 0;
}

struct ChildRun
{
    bool finished = false;
    QList<QByteArray> lines;
    QByteArray err;
    QStringList autolaunched; // what the stand-in daemons recorded
    QStringList leftovers;    // processes still carrying the child's marker
};

} // namespace

class TestSecretStoreNoBus : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString binDir() const { return m_dir.filePath(QStringLiteral("bin")); }
    QString logPath() const { return m_dir.filePath(QStringLiteral("autolaunch.log")); }

    // The environment of a session without a bus; `runtimeDir` empty leaves XDG_RUNTIME_DIR unset.
    QProcessEnvironment noBusEnvironment(const QString& marker, const QString& runtimeDir,
                                         const QString& display) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char* name : {"DBUS_SESSION_BUS_ADDRESS", "XDG_RUNTIME_DIR", "DISPLAY", "WAYLAND_DISPLAY",
                                 "XDG_CURRENT_DESKTOP", "DESKTOP_SESSION", "KDE_FULL_SESSION",
                                 "KDE_SESSION_VERSION", "GNOME_DESKTOP_SESSION_ID"})
            env.remove(QString::fromLatin1(name));
        if (!runtimeDir.isEmpty())
            env.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtimeDir);
        if (!display.isEmpty())
            env.insert(QStringLiteral("DISPLAY"), display);
        // A private HOME: GLib looks for $XDG_CACHE_HOME/bus when XDG_RUNTIME_DIR is unset.
        const QString home = m_dir.filePath(QStringLiteral("home"));
        env.insert(QStringLiteral("HOME"), home);
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/config"));
        env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), home + QStringLiteral("/cache"));
        env.insert(QStringLiteral("PATH"), binDir() + QLatin1Char(':') + env.value(QStringLiteral("PATH")));
        env.insert(QLatin1String(kMarkerVariable), marker);
        env.insert(QLatin1String(kLogVariable), logPath());
        env.insert(QLatin1String(kTimeoutVariable), QStringLiteral("2000"));
        return env;
    }

    // Every process whose environment holds marker=value; each is killed, since only our child could have
    // started it.
    static QStringList processesWithMarker(const QString& marker)
    {
        const QByteArray needle = QByteArray(kMarkerVariable) + '=' + marker.toUtf8() + '\0';
        const QString self = QString::number(QCoreApplication::applicationPid());
        QStringList found;
        const QStringList pids = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        for (const QString& pid : pids) {
            bool numeric = false;
            const pid_t id = pid.toInt(&numeric);
            if (!numeric || pid == self)
                continue;
            QFile environment(QStringLiteral("/proc/%1/environ").arg(pid));
            if (!environment.open(QIODevice::ReadOnly) || !environment.readAll().contains(needle))
                continue;
            QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
            QByteArray command = cmdline.open(QIODevice::ReadOnly) ? cmdline.readAll() : QByteArray();
            found.append(pid + QLatin1Char(' ') + QString::fromLocal8Bit(command.replace('\0', ' ')));
            ::kill(id, SIGTERM);
        }
        return found;
    }

    // Runs the child to its end while this event loop keeps serving (a listening bus socket needs that).
    ChildRun runChild(const QProcessEnvironment& env)
    {
        QFile::remove(logPath());
        ChildRun run;
        QProcess child;
        child.setProcessEnvironment(env);
        QSignalSpy done(&child, &QProcess::finished);
        child.start(QCoreApplication::applicationFilePath(), {QLatin1String(kChildFlag)});
        run.finished = child.waitForStarted(10000) && (done.count() > 0 || done.wait(30000)) &&
                       child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0;
        if (child.state() != QProcess::NotRunning) {
            child.kill();
            child.waitForFinished(5000);
        }
        run.lines = child.readAllStandardOutput().trimmed().split('\n');
        run.err = child.readAllStandardError();
        QFile log(logPath());
        if (log.open(QIODevice::ReadOnly))
            run.autolaunched = QString::fromLocal8Bit(log.readAll()).split(u'\n', Qt::SkipEmptyParts);
        run.leftovers = processesWithMarker(env.value(QLatin1String(kMarkerVariable)));
        return run;
    }

    // Every call ended NoBackend within `maxMs`, and nothing was launched or left behind.
    static void checkUnavailableAndNothingStarted(const ChildRun& run, qint64 maxMs)
    {
        QVERIFY2(run.finished, run.err.constData());
        QCOMPARE(run.lines.size(), 4);
        for (const QByteArray& line : run.lines) {
            const QList<QByteArray> fields = line.split(' ');
            QCOMPARE(fields.size(), 3);
            QVERIFY2(fields.at(1) == "NoBackend", line.constData());
            QVERIFY2(fields.at(2).toLongLong() < maxMs, line.constData());
        }
        QVERIFY2(run.autolaunched.isEmpty(), qPrintable(run.autolaunched.join(QStringLiteral("; "))));
        QVERIFY2(run.leftovers.isEmpty(), qPrintable(run.leftovers.join(QStringLiteral("; "))));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(QDir().mkpath(binDir()));
        QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("home/cache"))));
        for (const char* name : {"dbus-launch", "dbus-daemon", "gnome-keyring-daemon"}) {
            QFile script(binDir() + QLatin1Char('/') + QLatin1String(name));
            QVERIFY(script.open(QIODevice::WriteOnly));
            script.write(QByteArray("#!/bin/sh\necho \"") + name + " $*\" >> \"$" + kLogVariable +
                         "\"\nexit 1\n");
            script.close();
            QVERIFY(script.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        }
    }

    void noBusNoDisplay()
    {
        const ChildRun run = runChild(noBusEnvironment(uniqueTag(), QString(), QString()));
        checkUnavailableAndNothingStarted(run, 1000);
    }

    // With a display GDBus would autolaunch (the stand-in dbus-launch would record it): the case that
    // leaves daemons behind on a desktop without a session bus.
    void noBusWithDisplay()
    {
        const ChildRun run = runChild(noBusEnvironment(uniqueTag(), QString(), QStringLiteral(":97")));
        checkUnavailableAndNothingStarted(run, 1000);
    }

    // XDG_RUNTIME_DIR set, but what is at its bus path is no socket.
    void runtimeDirWithoutBusSocket()
    {
        QTemporaryDir runtime;
        QVERIFY(runtime.isValid());
        const ChildRun none = runChild(noBusEnvironment(uniqueTag(), runtime.path(), QStringLiteral(":97")));
        checkUnavailableAndNothingStarted(none, 1000);
        if (QTest::currentTestFailed())
            return;

        QFile file(runtime.filePath(QStringLiteral("bus")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        const ChildRun notSocket =
            runChild(noBusEnvironment(uniqueTag(), runtime.path(), QStringLiteral(":97")));
        checkUnavailableAndNothingStarted(notSocket, 1000);
    }

    // The check must not refuse a real bus: with a socket at $XDG_RUNTIME_DIR/bus the child connects to it.
    void busSocketInRuntimeDirIsUsed()
    {
        QTemporaryDir runtime;
        QVERIFY(runtime.isValid());
        QLocalServer bus;
        bus.setSocketOptions(QLocalServer::UserAccessOption);
        QVERIFY2(bus.listen(runtime.filePath(QStringLiteral("bus"))), qPrintable(bus.errorString()));
        QList<QLocalSocket*> silent; // accepted and never answered: the child's calls end by their deadline
        connect(&bus, &QLocalServer::newConnection, this, [&] {
            while (QLocalSocket* s = bus.nextPendingConnection())
                silent.append(s);
        });
        QProcessEnvironment env = noBusEnvironment(uniqueTag(), runtime.path(), QString());
        env.insert(QLatin1String(kTimeoutVariable), QStringLiteral("500"));
        const ChildRun run = runChild(env);
        QVERIFY2(run.finished, run.err.constData());
        QVERIFY2(!silent.isEmpty(), "the child never connected to $XDG_RUNTIME_DIR/bus");
        QVERIFY2(!run.lines.isEmpty() && !run.lines.first().contains("NoBackend"),
                 run.lines.first().constData());
        QVERIFY2(run.leftovers.isEmpty(), qPrintable(run.leftovers.join(QStringLiteral("; "))));
    }
};

int main(int argc, char** argv)
{
    if (argc >= 2 && qstrcmp(argv[1], kChildFlag) == 0)
        return childMain(argc, argv);
    QCoreApplication app(argc, argv);
    TestSecretStoreNoBus test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_secretstore_nobus.moc"
