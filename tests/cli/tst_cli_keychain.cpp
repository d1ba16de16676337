// das-connect-cli profiles and saved passwords against the throw-away Secret Service of scripts/with-keyring,
// and the same commands with no Secret Service at all.
#include "CliHarness.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QUuid>

namespace {

const char* const Project = "052041494800d57c2f02c00275b4c247";
const char* const Instance = "bcfa975193f1402fa11a6d4fd6baf5fbin01";

QString uniqueName(const char* prefix)
{
    return QLatin1String(prefix) + QUuid::createUuid().toString(QUuid::Id128).left(8);
}

// secret-tool on the same (throw-away) session bus; empty when there is no such entry.
QByteArray secretToolLookup(const QString& key)
{
    QProcess tool;
    tool.start(QStringLiteral("secret-tool"), {QStringLiteral("lookup"), QStringLiteral("server"),
                                               QStringLiteral("das-connect"), QStringLiteral("user"), key});
    if (!tool.waitForFinished(20000))
        return "<secret-tool hung>";
    return tool.readAllStandardOutput();
}

QStringList createArgs(const QUrl& endpoint, const QStringList& extra = {})
{
    return QStringList{QStringLiteral("create"),     QStringLiteral("--project-id"),
                       QLatin1String(Project),       QStringLiteral("--instance-id"),
                       QLatin1String(Instance),      QStringLiteral("--engine-type"),
                       QStringLiteral("mysql"),      QStringLiteral("--network-type"),
                       QStringLiteral("rds"),        QStringLiteral("--username"),
                       QStringLiteral("root"),       QStringLiteral("--password-stdin"),
                       QStringLiteral("--endpoint"), endpoint.toString()} +
           extra;
}

} // namespace

class TestCliKeychain : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<CliHarness> h;

private slots:
    void initTestCase()
    {
        if (qgetenv("DAS_TEST_KEYRING") != "1")
            QFAIL("run through scripts/with-keyring: this test writes to the Secret Service");
    }

    void init()
    {
        h = std::make_unique<CliHarness>();
        QVERIFY(h->isValid());
    }

    void cleanup() { h.reset(); }

    void profileAddUseListRemove()
    {
        const QString name = uniqueName("cli-");
        const QByteArray sk = "PROFILE-sk-" + QUuid::createUuid().toByteArray(QUuid::Id128);
        const QUrl url =
            h->startSandbox({QStringLiteral("--ak"), QStringLiteral("CLIPROFILEAK00000001")}, sk);
        QVERIFY(url.isValid());

        auto run = h->cli({QStringLiteral("profile"), QStringLiteral("add"), name, QStringLiteral("--ak"),
                           QStringLiteral("CLIPROFILEAK00000001"), QStringLiteral("--endpoint"),
                           url.toString(), QStringLiteral("--project-id"), QLatin1String(Project),
                           QStringLiteral("--secrets-stdin")},
                          sk + '\n');
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(secretToolLookup(QStringLiteral("profile:") + name + QStringLiteral(":sk")), sk);

        run = h->cli({QStringLiteral("profile"), QStringLiteral("list")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains(name.toUtf8()));
        QVERIFY(run.out.contains("CLIP****0001"));
        QVERIFY(!run.out.contains(sk));

        // The profile supplies target, project and credentials.
        QStringList args{QStringLiteral("create"),
                         QStringLiteral("--profile"),
                         name,
                         QStringLiteral("--instance-id"),
                         QLatin1String(Instance),
                         QStringLiteral("--engine-type"),
                         QStringLiteral("mysql"),
                         QStringLiteral("--network-type"),
                         QStringLiteral("rds"),
                         QStringLiteral("--username"),
                         QStringLiteral("root"),
                         QStringLiteral("--password-stdin")};
        run = h->cli(args, "pw\n");
        QVERIFY2(run.exitCode == 0, run.err.constData());

        run = h->cli({QStringLiteral("profile"), QStringLiteral("remove"), name});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(secretToolLookup(QStringLiteral("profile:") + name + QStringLiteral(":sk")), QByteArray());
        run = h->cli(args, "pw\n");
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains("no profile"));
    }

    void secretsNeverFromArgv()
    {
        const auto run = h->cli({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("x"),
                                 QStringLiteral("--ak"), QStringLiteral("AK"), QStringLiteral("--sk"),
                                 QStringLiteral("hunter2")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains("--secrets-stdin"));
        QVERIFY(!run.err.contains("hunter2"));

        // A new profile without its secret is a usage error, not a keychain failure.
        const auto missing = h->cli({QStringLiteral("profile"), QStringLiteral("add"), uniqueName("nosk-"),
                                     QStringLiteral("--ak"), QStringLiteral("NOSKAK00000000000001"),
                                     QStringLiteral("--region"), QStringLiteral("cn-north-4")});
        QCOMPARE(missing.exitCode, 2);
        QVERIFY2(missing.err.contains("secret key (SK) is missing"), missing.err.constData());
    }

    void importSdkFileAllOrNothing()
    {
        const QString name = uniqueName("sdk-");
        const QString good = h->home() + QStringLiteral("/credentials");
        QFile file(good);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("[basic]\nak = SDKFILEAK0000000001\nsk = SDKFILE-sk-secret\nproject_id = "
                   "052041494800d57c2f02c00275b4c247\n");
        file.close();
        const QByteArray before = [&] {
            QFile f(good);
            f.open(QIODevice::ReadOnly);
            return f.readAll();
        }();
        auto run = h->cli({QStringLiteral("profile"), QStringLiteral("import"), QStringLiteral("--from"),
                           QStringLiteral("sdk"), QStringLiteral("--file"), good, QStringLiteral("--name"),
                           name, QStringLiteral("--region"), QStringLiteral("cn-north-4")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(secretToolLookup(QStringLiteral("profile:") + name + QStringLiteral(":sk")),
                 QByteArray("SDKFILE-sk-secret"));
        QFile after(good);
        QVERIFY(after.open(QIODevice::ReadOnly));
        QCOMPARE(after.readAll(), before); // never written back

        const QString bad = h->home() + QStringLiteral("/broken");
        QFile broken(bad);
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("[basic]\nak = ONLYAK\n");
        broken.close();
        const QString badName = uniqueName("bad-");
        run =
            h->cli({QStringLiteral("profile"), QStringLiteral("import"), QStringLiteral("--from"),
                    QStringLiteral("sdk"), QStringLiteral("--file"), bad, QStringLiteral("--name"), badName});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains("Nothing was imported"));
        run = h->cli({QStringLiteral("profile"), QStringLiteral("list"), QStringLiteral("--json")});
        QVERIFY(!run.out.contains(badName.toUtf8()));

        h->cli({QStringLiteral("profile"), QStringLiteral("remove"), name});
    }

    // One import rule for the window and the CLI: a profile that would be replaced but whose secrets cannot
    // be read could not be put back if the import failed, so nothing is imported and the profile is named.
    void importRefusesToReplaceAnUnreadableProfile()
    {
        const QString victim = uniqueName("victim-");
        const QString fresh = uniqueName("fresh-");
        auto run = h->cli({QStringLiteral("profile"), QStringLiteral("add"), victim, QStringLiteral("--ak"),
                           QStringLiteral("VICTIMAK000000000001"), QStringLiteral("--region"),
                           QStringLiteral("cn-north-4"), QStringLiteral("--secrets-stdin")},
                          "victim-old-sk\n");
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QProcess clear;
        clear.start(QStringLiteral("secret-tool"),
                    {QStringLiteral("clear"), QStringLiteral("server"), QStringLiteral("das-connect"),
                     QStringLiteral("user"), QStringLiteral("profile:") + victim + QStringLiteral(":sk")});
        QVERIFY(clear.waitForFinished(20000));
        QVERIFY(secretToolLookup(QStringLiteral("profile:") + victim + QStringLiteral(":sk")).isEmpty());

        const QString config = h->home() + QStringLiteral("/koocli.json");
        QFile file(config);
        QVERIFY(file.open(QIODevice::WriteOnly));
        const QString profiles = QStringLiteral(R"({"profiles": [
              {"name": "%1", "mode": "AKSK", "accessKeyId": "FRESHAK0000000000001",
               "secretAccessKey": "fresh-new-sk-CANARY", "region": "cn-north-4"},
              {"name": "%2", "mode": "AKSK", "accessKeyId": "VICTIMAK000000000002",
               "secretAccessKey": "victim-new-sk-CANARY", "region": "cn-east-3"}]})")
                                     .arg(fresh, victim);
        file.write(profiles.toUtf8());
        file.close();

        run = h->cli({QStringLiteral("profile"), QStringLiteral("import"), QStringLiteral("--from"),
                      QStringLiteral("koocli"), QStringLiteral("--file"), config,
                      QStringLiteral("--overwrite")});
        QCOMPARE(run.exitCode, 6);
        QVERIFY2(run.err.contains(victim.toUtf8()), run.err.constData());
        QVERIFY2(run.err.contains("cannot be backed up"), run.err.constData());
        QVERIFY2(run.err.contains("secret key (SK)"), run.err.constData());
        QVERIFY2(run.err.contains("Nothing was imported"), run.err.constData());
        QVERIFY(!run.err.contains("CANARY") && !run.out.contains("CANARY"));

        run = h->cli({QStringLiteral("profile"), QStringLiteral("list"), QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(!run.out.contains(fresh.toUtf8()));
        const QJsonArray list = QJsonDocument::fromJson(run.out).array();
        bool victimKept = false;
        for (const QJsonValue& v : list) {
            const QJsonObject p = v.toObject();
            if (p.value(QStringLiteral("name")).toString() == victim) {
                victimKept = p.value(QStringLiteral("region")).toString() == QStringLiteral("cn-north-4");
            }
        }
        QVERIFY(victimKept); // still the old settings
        QVERIFY(secretToolLookup(QStringLiteral("profile:") + fresh + QStringLiteral(":sk")).isEmpty());
        QVERIFY(secretToolLookup(QStringLiteral("profile:") + victim + QStringLiteral(":sk")).isEmpty());

        // Without --overwrite the same file is refused before any keychain access.
        run = h->cli({QStringLiteral("profile"), QStringLiteral("import"), QStringLiteral("--from"),
                      QStringLiteral("koocli"), QStringLiteral("--file"), config});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("already exists"), run.err.constData());
        h->cli({QStringLiteral("profile"), QStringLiteral("remove"), victim});
    }

    void savePasswordGoesToTheKeychain()
    {
        h->environment().insert(QStringLiteral("HUAWEICLOUD_SDK_AK"), QStringLiteral("DASSANDBOXDEMOAK0001"));
        h->environment().insert(QStringLiteral("HUAWEICLOUD_SDK_SK"),
                                QStringLiteral("sandbox-demo-secret-key-do-not-use-in-production"));
        const QUrl url = h->startSandbox();
        const QByteArray password = "SAVED-pw-" + QUuid::createUuid().toByteArray(QUuid::Id128).left(10);
        const auto run = h->cli(
            createArgs(url, {QStringLiteral("--save-password"), QStringLiteral("--json")}), password + '\n');
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(run.err.contains("saved in the OS keychain"));
        const QJsonObject result = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(result.value(QStringLiteral("password_saved")).toBool(), true);
        const QString key = QStringLiteral("dbpassword:") + url.toString() + u'|' + QLatin1String(Project) +
                            u'|' + QLatin1String(Instance) + QStringLiteral("|root");
        QCOMPARE(secretToolLookup(key), password);

        const auto history = h->cli({QStringLiteral("history"), QStringLiteral("--json")});
        const QJsonObject row = QJsonDocument::fromJson(history.out).array().at(0).toObject();
        QCOMPARE(row.value(QStringLiteral("password_saved")).toBool(), true);
        QVERIFY(h->filesContaining(password).isEmpty());

        QProcess clear;
        clear.start(QStringLiteral("secret-tool"),
                    {QStringLiteral("clear"), QStringLiteral("server"), QStringLiteral("das-connect"),
                     QStringLiteral("user"), key});
        QVERIFY(clear.waitForFinished(20000));
    }

    // QtKeychain, QtDBus and what they pull in (libdbus, libsystemd, libgcrypt) are in the keychain module,
    // which the CLI loads only when it needs the keychain: a create without a profile or --save-password maps
    // none of them (ld.so's own record of what it loaded says so), a --save-password create loads them.
    void keychainModuleLoadedOnlyWhenUsed()
    {
        h->environment().insert(QStringLiteral("HUAWEICLOUD_SDK_AK"), QStringLiteral("DASSANDBOXDEMOAK0001"));
        h->environment().insert(QStringLiteral("HUAWEICLOUD_SDK_SK"),
                                QStringLiteral("sandbox-demo-secret-key-do-not-use-in-production"));
        const QUrl url = h->startSandbox();
        QVERIFY(url.isValid());
        h->environment().insert(QStringLiteral("LD_DEBUG"), QStringLiteral("files"));

        auto run =
            h->cli(createArgs(url, {QStringLiteral("--database-name"), QStringLiteral("plain")}), "pw\n");
        QVERIFY2(run.exitCode == 0, run.err.right(2000).constData());
        QVERIFY2(run.err.contains("file=libQt6Core.so.6"), "LD_DEBUG=files printed nothing");
        // Nor the regions module and yaml-cpp: nothing reads a regions.yaml (ModuleLoader).
        for (const char* library : {"libdas-keychain.so", "libqt6keychain", "libQt6DBus", "libdbus-1",
                                    "libsystemd", "libdas-regions.so", "libyaml-cpp"})
            QVERIFY2(!run.err.contains(library), library);

        const QByteArray password = "MODULE-pw-" + QUuid::createUuid().toByteArray(QUuid::Id128).left(10);
        run = h->cli(createArgs(url, {QStringLiteral("--database-name"), QStringLiteral("saved"),
                                      QStringLiteral("--save-password"), QStringLiteral("--json")}),
                     password + '\n');
        QVERIFY2(run.exitCode == 0, run.err.right(2000).constData());
        for (const char* library : {"libdas-keychain.so", "libqt6keychain", "libQt6DBus"})
            QVERIFY2(run.err.contains(library), library);
        const qsizetype json = run.out.indexOf('{');
        QVERIFY(json >= 0);
        QCOMPARE(QJsonDocument::fromJson(run.out.mid(json)).object().value(QStringLiteral("password_saved")),
                 QJsonValue(true));
        const QString key = QStringLiteral("dbpassword:") + url.toString() + u'|' + QLatin1String(Project) +
                            u'|' + QLatin1String(Instance) + QStringLiteral("|root");
        QCOMPARE(secretToolLookup(key), password);
        QProcess clear;
        clear.start(QStringLiteral("secret-tool"),
                    {QStringLiteral("clear"), QStringLiteral("server"), QStringLiteral("das-connect"),
                     QStringLiteral("user"), key});
        QVERIFY(clear.waitForFinished(20000));
    }

    void withoutSecretServiceEverythingFailsSafely()
    {
        h->environment().insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                                QStringLiteral("unix:path=/nonexistent/das-connect-test-bus"));
        h->environment().insert(QStringLiteral("HUAWEICLOUD_SDK_AK"), QStringLiteral("DASSANDBOXDEMOAK0001"));
        h->environment().insert(QStringLiteral("HUAWEICLOUD_SDK_SK"),
                                QStringLiteral("sandbox-demo-secret-key-do-not-use-in-production"));
        const QUrl url = h->startSandbox();
        const QByteArray password = "NOBACKEND-pw-31337";

        // The create succeeds; only the saved password is lost, and the user is told why.
        auto run = h->cli(createArgs(url, {QStringLiteral("--save-password")}), password + '\n', 60000);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.err.contains("was not saved"), run.err.constData());
        QVERIFY(run.err.contains("keychain") || run.err.contains("Secret Service"));
        const auto history = h->cli({QStringLiteral("history"), QStringLiteral("--json")});
        QCOMPARE(QJsonDocument::fromJson(history.out)
                     .array()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("password_saved")),
                 QJsonValue(false));

        run = h->cli({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("offline"),
                      QStringLiteral("--ak"), QStringLiteral("OFFLINEAK00000000001"),
                      QStringLiteral("--region"), QStringLiteral("cn-north-4"),
                      QStringLiteral("--secrets-stdin")},
                     "NOBACKEND-sk-4242\n", 60000);
        QCOMPARE(run.exitCode, 6);
        QVERIFY2(!run.err.isEmpty(), "no message");
        run = h->cli({QStringLiteral("profile"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(QJsonDocument::fromJson(run.out).array().size(), 0); // nothing half-saved

        for (const QByteArray& secret : {password, QByteArray("NOBACKEND-sk-4242")})
            QVERIFY2(h->filesContaining(secret).isEmpty(), qPrintable(h->filesContaining(secret).join(u' ')));
    }
};

QTEST_GUILESS_MAIN(TestCliKeychain)
#include "tst_cli_keychain.moc"
