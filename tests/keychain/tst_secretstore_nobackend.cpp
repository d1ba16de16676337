// No session bus at all (nothing listens at the address): keychain calls fail fast with a message naming the
// Secret Service, nothing secret reaches any file, and the status mapping holds for the errors other backends
// report.

#include "AppPaths.h"
#include "KeychainTestSupport.h"
#include "ProfileManager.h"
#include "ProfileStore.h"
#include "SecretJob.h"
#include "SecretStore.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <qt6keychain/keychain.h>

using namespace das;
using namespace das::test;

namespace {

QTemporaryDir* g_home = nullptr;
const QString kSecret = QStringLiteral("nobackend-secret-5f1c2a9e");

} // namespace

class TestSecretStoreNoBackend : public QObject
{
    Q_OBJECT

private slots:
    void writeReportsNoBackendQuickly()
    {
        SecretStore store;
        QElapsedTimer clock;
        clock.start();
        const SecretResult r = SecretStore::waitFor(store.write(QStringLiteral("tst-nobackend"), kSecret));
        QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(SecretResult::statusName(r.status), QStringLiteral("NoBackend"));
        QVERIFY2(r.message.contains(QStringLiteral("Secret Service")), qPrintable(r.message));
        QVERIFY2(r.message.contains(QStringLiteral("nothing was saved")), qPrintable(r.message));
        QVERIFY2(!r.detail.isEmpty(), "the backend's own error text is kept as detail");
        QVERIFY(!r.message.contains(kSecret) && !r.detail.contains(kSecret));
    }

    void everyOperationReportsNoBackend()
    {
        SecretStore store;
        const QString k = QStringLiteral("tst-nobackend");
        for (const SecretResult& r :
             {SecretStore::waitFor(store.read(k)), SecretStore::waitFor(store.remove(k)),
              SecretStore::waitFor(store.writeVerified(k, kSecret))}) {
            QCOMPARE(SecretResult::statusName(r.status), QStringLiteral("NoBackend"));
            QVERIFY2(r.message.contains(QStringLiteral("Secret Service")), qPrintable(r.message));
        }
        QVERIFY(SecretStore::waitFor(store.read(k)).message.contains(QStringLiteral("nothing was changed")));
        QVERIFY(
            SecretStore::waitFor(store.remove(k)).message.contains(QStringLiteral("nothing was removed")));
    }

    void profileSaveFailsAndWritesNothing()
    {
        ProfileStore profiles; // default QSettings, under the temporary HOME
        SecretStore secrets;
        ProfileManager manager(&profiles, &secrets);
        Profile p;
        p.name = QStringLiteral("nobackend");
        p.accessKey = QStringLiteral("NOBACKENDAKEXAMPLE01");
        p.region = QStringLiteral("cn-north-4");
        ProfileSecrets s;
        s.secretKey = kSecret;
        QString message;
        QVERIFY(!manager.saveProfileSync(p, s, &message));
        QVERIFY2(message.contains(QStringLiteral("Secret Service")), qPrintable(message));
        QVERIFY(!profiles.contains(p.name));
        QVERIFY2(profiles.fileName().startsWith(g_home->path()), qPrintable(profiles.fileName()));
    }

    void defaultSettingsFileIsPrivate()
    {
        const QString configHome = qEnvironmentVariable("XDG_CONFIG_HOME");
        QVERIFY(QDir().mkpath(configHome));
        QFile::setPermissions(configHome, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                              QFile::ReadGroup | QFile::ExeGroup | QFile::ReadOther |
                                              QFile::ExeOther);
        ProfileStore profiles;
        Profile p;
        p.name = QStringLiteral("plain");
        p.accessKey = QStringLiteral("PLAINAKEXAMPLE000001");
        p.region = QStringLiteral("cn-north-4");
        QString error;
        QVERIFY2(profiles.save(p, &error), qPrintable(error));

        const QFileInfo file(profiles.fileName());
        QVERIFY2(file.absoluteFilePath().startsWith(configHome + QLatin1Char('/')),
                 qPrintable(file.absoluteFilePath()));
        QVERIFY(file.exists());
        const QFile::Permissions groupOther = QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup |
                                              QFile::ReadOther | QFile::WriteOther | QFile::ExeOther;
        QCOMPARE(file.permissions() & groupOther, QFile::Permissions());
        QCOMPARE(QFileInfo(file.absolutePath()).permissions() & groupOther, QFile::Permissions());
        // The shared ~/.config itself is left as it was.
        QVERIFY(QFileInfo(configHome).permissions().testFlag(QFile::ReadOther));
        QVERIFY(profiles.remove(p.name));
        QVERIFY(!profiles.contains(p.name));
    }

    // Runs after the others: nothing they did may have left the secret in a file.
    void noSecretInAnyFile() { QCOMPARE(filesContaining(g_home->path(), kSecret.toUtf8()), QStringList()); }

    void classifiesBackendErrors_data()
    {
        QTest::addColumn<int>("error");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("status");
        const auto row = [](const char* name, int error, const char* text, const char* status) {
            QTest::newRow(name) << error << QString::fromUtf8(text) << QString::fromLatin1(status);
        };
        row("ok", QKeychain::NoError, "", "Ok");
        row("not found", QKeychain::EntryNotFound, "Entry not found", "NotFound");
        row("denied by user", QKeychain::AccessDeniedByUser, "User denied access", "AccessDenied");
        row("denied", QKeychain::AccessDenied, "Access to keychain denied", "AccessDenied");
        row("libsecret locked", QKeychain::AccessDenied, "Cannot create an item in a locked collection",
            "Locked");
        row("no backend", QKeychain::NoBackendAvailable, "No keychain service available", "NoBackend");
        row("not implemented", QKeychain::NotImplemented, "Not implemented", "NoBackend");
        row("prompt dismissed", QKeychain::OtherError, "The prompt was dismissed", "Locked");
        row("no socket", QKeychain::OtherError, "Could not connect: No such file or directory", "NoBackend");
        row("no service", QKeychain::OtherError,
            "GDBus.Error:org.freedesktop.DBus.Error.ServiceUnknown: The name org.freedesktop.secrets was not "
            "provided by any .service files",
            "NoBackend");
        row("autolaunch", QKeychain::OtherError, "Cannot autolaunch D-Bus without X11 $DISPLAY", "NoBackend");
        row("dbus denied", QKeychain::OtherError, "GDBus.Error:org.freedesktop.DBus.Error.AccessDenied: nope",
            "AccessDenied");
        row("no reply", QKeychain::OtherError, "GDBus.Error:org.freedesktop.DBus.Error.NoReply: no reply",
            "Timeout");
        row("other", QKeychain::OtherError, "Something odd", "Failed");
        row("could not delete", QKeychain::CouldNotDeleteEntry, "Could not delete", "Failed");
    }

    void classifiesBackendErrors()
    {
        QFETCH(int, error);
        QFETCH(QString, text);
        QFETCH(QString, status);
        QCOMPARE(SecretResult::statusName(SecretJob::classify(error, text)), status);
    }

    void everyFailureHasAMessageNamingTheKeychain()
    {
        using S = SecretResult::Status;
        for (S s :
             {S::NotFound, S::AccessDenied, S::Locked, S::Timeout, S::TooLarge, S::VerifyFailed, S::Failed}) {
            for (SecretJob::Kind k : {SecretJob::Kind::Read, SecretJob::Kind::Write, SecretJob::Kind::Remove,
                                      SecretJob::Kind::WriteVerified}) {
                const QString m = SecretJob::describe(s, k, QStringLiteral("detail"), 15000);
                QVERIFY2(m.contains(QStringLiteral("keychain (Secret Service)"), Qt::CaseInsensitive),
                         qPrintable(SecretResult::statusName(s) + QStringLiteral(": ") + m));
                QVERIFY(m.endsWith(u'.'));
            }
        }
        QVERIFY(SecretJob::describe(S::Timeout, SecretJob::Kind::Read, QString(), 15000)
                    .contains(QStringLiteral("within 15 s:")));
        QVERIFY(SecretJob::describe(S::Ok, SecretJob::Kind::Read, QString(), 15000).isEmpty());
    }
};

int main(int argc, char** argv)
{
    // Before Qt or GLib look at the environment: a private HOME and a bus address nothing listens on.
    QTemporaryDir home;
    if (!home.isValid())
        return 1;
    g_home = &home;
    const QByteArray h = QFile::encodeName(home.path());
    qputenv("HOME", h);
    qputenv("XDG_CONFIG_HOME", h + "/config");
    qputenv("XDG_DATA_HOME", h + "/data");
    qputenv("XDG_CACHE_HOME", h + "/cache");
    qputenv("XDG_STATE_HOME", h + "/state");
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/das-connect-test/bus");
    qunsetenv("DISPLAY");
    qunsetenv("WAYLAND_DISPLAY");
    forceSecretServiceBackend();

    QCoreApplication app(argc, argv);
    AppPaths::setupApplication();
    TestSecretStoreNoBackend test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_secretstore_nobackend.moc"
