#pragma once

// Helpers shared by the keychain tests: the secret-tool view of the store and environment set-up.

#include "ProfileManager.h"
#include "SecretLimits.h"
#include "SecretStore.h"

#include <QByteArray>
#include <QDir>
#include <QDirIterator>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QUuid>

namespace das::test {

struct ToolResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

inline ToolResult secretTool(const QStringList& args, const QByteArray& input = QByteArray())
{
    ToolResult r;
    QProcess p;
    p.start(QStringLiteral("secret-tool"), args);
    if (!p.waitForStarted(10000)) {
        r.err = "secret-tool did not start (install libsecret-tools)";
        return r;
    }
    if (!input.isNull())
        p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(20000)) {
        p.kill();
        p.waitForFinished(5000);
        r.err = "secret-tool did not finish within 20 s";
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

// What `secret-tool lookup server das-connect user <key>` sees: the documented libsecret attributes.
inline ToolResult lookup(const QString& key)
{
    return secretTool({QStringLiteral("lookup"), QStringLiteral("server"),
                       QLatin1String(SecretLimits::ServiceName), QStringLiteral("user"), key});
}

inline void clearEntry(const QString& key)
{
    secretTool({QStringLiteral("clear"), QStringLiteral("server"), QLatin1String(SecretLimits::ServiceName),
                QStringLiteral("user"), key});
}

// ProfileManager::loadCredentials run to its end; the keychain deadlines bound the wait.
inline bool loadCredentialsNow(ProfileManager& manager, const QString& name, Credentials* credentials,
                               QString* message)
{
    QEventLoop loop;
    bool ok = false;
    manager.loadCredentials(name, [&](bool success, const Credentials& c, const QString& m) {
        ok = success;
        *credentials = c;
        *message = m;
        loop.quit();
    });
    loop.exec(); // the callback never runs before this: it always comes from the event loop
    return ok;
}

// Unique per run, so parallel runs and leftovers never collide.
inline QString uniqueTag()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces).left(8);
}

// QtKeychain picks KWallet on KDE sessions; the tests are about the Secret Service, so look like no desktop.
inline void forceSecretServiceBackend()
{
    for (const char* name : {"XDG_CURRENT_DESKTOP", "DESKTOP_SESSION", "KDE_FULL_SESSION",
                             "KDE_SESSION_VERSION", "GNOME_DESKTOP_SESSION_ID"})
        qunsetenv(name);
}

inline bool haveThrowAwayKeyring()
{
    return qEnvironmentVariable("DAS_TEST_KEYRING") == QLatin1String("1") &&
           !qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS");
}

inline const char* needKeyringMessage()
{
    return "This test needs the throw-away Secret Service of scripts/with-keyring (it refuses to write into "
           "a "
           "real keyring). Run: scripts/with-keyring ctest --test-dir <build> -L keychain "
           "--output-on-failure";
}

// Every file below `root` whose bytes contain `needle`.
inline QStringList filesContaining(const QString& root, const QByteArray& needle)
{
    QStringList hits;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        if (f.open(QIODevice::ReadOnly) && f.readAll().contains(needle))
            hits.append(path);
    }
    return hits;
}

} // namespace das::test
