// Keychain entries carry a label that says what they are (what Seahorse and KeePassXC list), set over D-Bus
// after QtKeychain's write, while the lookup attributes stay as they were. Runs against the throw-away Secret
// Service of scripts/with-keyring; the labels are read back over D-Bus, independently of the code under test.

#include "ConnectionRequest.h"
#include "CreateSession.h"
#include "KeychainTestSupport.h"
#include "ProfileManager.h"
#include "ProfileStore.h"
#include "SecretLimits.h"
#include "SecretStore.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QDBusReply>
#include <QDBusVariant>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <qt6keychain/keychain.h>

using namespace das;
using namespace das::test;

namespace {

using Attributes = QMap<QString, QString>;
using ObjectPaths = QList<QDBusObjectPath>;

const QString kSecrets = QStringLiteral("org.freedesktop.secrets");
const QString kCloud = QStringLiteral("https://das.cn-north-4.myhuaweicloud.com");
const QString kProject = QStringLiteral("052041494800d57c2f02c00275b4c247");
const QString kInstance = QStringLiteral("bcfa975193f1402fa11a6d4fd6baf5fbin01");

// The labels of every item stored under `key` with the attributes QtKeychain uses, unlocked or not.
QStringList labelsOf(const QString& key)
{
    QDBusMessage search = QDBusMessage::createMethodCall(kSecrets, QStringLiteral("/org/freedesktop/secrets"),
                                                         QStringLiteral("org.freedesktop.Secret.Service"),
                                                         QStringLiteral("SearchItems"));
    search << QVariant::fromValue(Attributes{
        {QStringLiteral("user"), key}, {QStringLiteral("server"), QLatin1String(SecretLimits::ServiceName)}});
    const QDBusMessage found = QDBusConnection::sessionBus().call(search, QDBus::Block, 10000);
    if (found.type() != QDBusMessage::ReplyMessage || found.arguments().size() != 2)
        return {QStringLiteral("<SearchItems failed: %1>").arg(found.errorMessage())};
    ObjectPaths items = qdbus_cast<ObjectPaths>(found.arguments().at(0));
    items += qdbus_cast<ObjectPaths>(found.arguments().at(1));
    QStringList labels;
    for (const QDBusObjectPath& item : std::as_const(items)) {
        QDBusMessage get = QDBusMessage::createMethodCall(
            kSecrets, item.path(), QStringLiteral("org.freedesktop.DBus.Properties"), QStringLiteral("Get"));
        get << QStringLiteral("org.freedesktop.Secret.Item") << QStringLiteral("Label");
        const QDBusReply<QDBusVariant> label = QDBusConnection::sessionBus().call(get, QDBus::Block, 10000);
        labels.append(label.isValid() ? label.value().variant().toString()
                                      : QStringLiteral("<Get failed: %1>").arg(label.error().message()));
    }
    return labels;
}

// An entry as every DAS Connect before labels wrote it: QtKeychain alone, labelled with the service name.
bool writeUnlabelled(const QString& key, const QString& secret)
{
    auto* job = new QKeychain::WritePasswordJob(QLatin1String(SecretLimits::ServiceName));
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    job->setTextData(secret);
    QSignalSpy done(job, &QKeychain::Job::finished);
    bool ok = false;
    QObject::connect(job, &QKeychain::Job::finished, [&ok](QKeychain::Job* j) { ok = j->error() == 0; });
    job->start();
    return done.wait(20000) && ok;
}

} // namespace

class TestKeychainLabel : public QObject
{
    Q_OBJECT

private:
    QString track(const QString& key)
    {
        m_keys.append(key);
        return key;
    }

    QString m_tag;
    QStringList m_keys;
    QStringList m_profiles;
    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;

private slots:
    void initTestCase()
    {
        QVERIFY2(haveThrowAwayKeyring(), needKeyringMessage());
        forceSecretServiceBackend();
        qDBusRegisterMetaType<Attributes>();
        qDBusRegisterMetaType<ObjectPaths>();
        m_tag = uniqueTag();
        QVERIFY(m_dir.isValid());
        m_settings = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("das-connect.ini")),
                                                 QSettings::IniFormat);
    }

    void cleanupTestCase()
    {
        if (!m_settings)
            return;
        ProfileStore profiles(m_settings.get());
        SecretStore secrets;
        ProfileManager manager(&profiles, &secrets);
        QString ignored;
        for (const QString& name : std::as_const(m_profiles))
            manager.removeProfileSync(name, &ignored);
        for (const QString& key : std::as_const(m_keys))
            clearEntry(key);
    }

    void labelsNameWhatTheEntryIs()
    {
        const auto profileKey = [](const char* field) {
            return SecretStore::profileSecretKey(QStringLiteral("prod"), QLatin1String(field));
        };
        QCOMPARE(SecretStore::defaultLabel(profileKey(SecretStore::SecretKeyField)),
                 QStringLiteral("DAS Connect: AK/SK for profile prod"));
        QCOMPARE(SecretStore::defaultLabel(profileKey(SecretStore::SecurityTokenField)),
                 QStringLiteral("DAS Connect: security token for profile prod"));
        QCOMPARE(SecretStore::defaultLabel(profileKey(SecretStore::IamTokenField)),
                 QStringLiteral("DAS Connect: IAM token for profile prod"));
        const QString cloud = SecretStore::defaultLabel(
            SecretStore::databasePasswordKey(kCloud, kProject, kInstance, QStringLiteral("root")));
        QCOMPARE(cloud, QStringLiteral("DAS Connect: password for root @ ") + QChar(0x2026) +
                            QStringLiteral("f5fbin01 (das.cn-north-4.myhuaweicloud.com)"));
        QCOMPARE(SecretStore::databasePasswordLabel(kCloud, kInstance, QStringLiteral("root"),
                                                    QStringLiteral("orders-db")),
                 QStringLiteral("DAS Connect: password for root @ orders-db (") + QChar(0x2026) +
                     QStringLiteral("f5fbin01, das.cn-north-4.myhuaweicloud.com)"));
        // Another user, instance or endpoint: another label.
        const QStringList labels{
            cloud,
            SecretStore::defaultLabel(
                SecretStore::databasePasswordKey(kCloud, kProject, kInstance, QStringLiteral("app"))),
            SecretStore::defaultLabel(SecretStore::databasePasswordKey(
                kCloud, kProject, QStringLiteral("6f5c3a1e9b0d4c2a8e7f1b3d5c9a0e2fin01"),
                QStringLiteral("root"))),
            SecretStore::defaultLabel(SecretStore::databasePasswordKey(
                QStringLiteral("https://das.ap-southeast-1.myhuaweicloud.com"), kProject, kInstance,
                QStringLiteral("root"))),
            SecretStore::defaultLabel(SecretStore::databasePasswordKey(
                QStringLiteral("http://127.0.0.1:8443"), kProject, kInstance, QStringLiteral("root"))),
        };
        QCOMPARE(QSet<QString>(labels.begin(), labels.end()).size(), labels.size());
        QVERIFY2(labels.last().endsWith(QStringLiteral("(127.0.0.1:8443)")), qPrintable(labels.last()));
        QCOMPARE(SecretStore::defaultLabel(QStringLiteral("something-else")),
                 QStringLiteral("DAS Connect: something-else"));
    }

    void sandboxPasswordsAreKeyedByTheSandboxNotItsPort()
    {
        const QString first = QStringLiteral("http://127.0.0.1:40001");
        const QString second = QStringLiteral("http://127.0.0.1:40002");
        const QString other = QStringLiteral("http://127.0.0.1:40003");
        const auto key = [](const QString& endpoint) {
            return SecretStore::databasePasswordKey(endpoint, kProject, kInstance, QStringLiteral("root"));
        };
        QCOMPARE(key(first), QStringLiteral("dbpassword:") + first + QStringLiteral("|") + kProject +
                                 QStringLiteral("|") + kInstance + QStringLiteral("|root"));
        SecretStore::registerSandboxEndpoint(first);
        const QString sandboxKey = key(first);
        QCOMPARE(sandboxKey, QStringLiteral("dbpassword:sandbox|") + kProject + QStringLiteral("|") +
                                 kInstance + QStringLiteral("|root"));
        QCOMPARE(key(first + QStringLiteral("/")), sandboxKey); // spelled with a trailing slash
        SecretStore::unregisterSandboxEndpoint(first);
        // The next run's sandbox: another port, the same key.
        SecretStore::registerSandboxEndpoint(second);
        QCOMPARE(key(second), sandboxKey);
        QCOMPARE(key(first), QStringLiteral("dbpassword:") + first + QStringLiteral("|") + kProject +
                                 QStringLiteral("|") + kInstance + QStringLiteral("|root"));
        // Any other loopback service keeps its own key: it never gets the sandbox's password.
        QVERIFY(key(other) != sandboxKey);
        QVERIFY(SecretStore::defaultLabel(sandboxKey).endsWith(QStringLiteral("(built-in sandbox)")));
        SecretStore::unregisterSandboxEndpoint(second);
        QVERIFY(key(second) != sandboxKey);
    }

    void writtenEntriesAreLabelledAndStillFoundByTheirAttributes()
    {
        // A database password, as CreateSession saves one.
        ConnectionRequest request;
        request.projectId = kProject;
        request.instanceId = kInstance;
        request.username = QStringLiteral("label-") + m_tag;
        const QString passwordKey = track(CreateSession::passwordKey(kCloud, request));
        const QString password = QStringLiteral("label-pw-") + m_tag;
        SecretStore secrets;
        QVERIFY(SecretStore::waitFor(secrets.writeVerified(passwordKey, password)).ok());

        // An AK/SK profile, through ProfileManager.
        ProfileStore profiles(m_settings.get());
        ProfileManager manager(&profiles, &secrets);
        Profile p;
        p.name = QStringLiteral("label-") + m_tag;
        p.accessKey = QStringLiteral("LABELAKEXAMPLE000001");
        p.region = QStringLiteral("cn-north-4");
        m_profiles.append(p.name);
        ProfileSecrets s;
        s.secretKey = QStringLiteral("label-sk-") + m_tag;
        QString message;
        QVERIFY2(manager.saveProfileSync(p, s, &message), qPrintable(message));
        const QString skKey =
            track(SecretStore::profileSecretKey(p.name, QLatin1String(SecretStore::SecretKeyField)));

        const QStringList passwordLabels = labelsOf(passwordKey);
        const QStringList skLabels = labelsOf(skKey);
        QCOMPARE(passwordLabels, QStringList{SecretStore::defaultLabel(passwordKey)});
        QCOMPARE(skLabels, QStringList{QStringLiteral("DAS Connect: AK/SK for profile ") + p.name});
        QVERIFY2(passwordLabels.constFirst().startsWith(QStringLiteral("DAS Connect: password for ") +
                                                        request.username + QStringLiteral(" @ ")),
                 qPrintable(passwordLabels.constFirst()));
        QVERIFY(passwordLabels.constFirst() != skLabels.constFirst());
        for (const QString& label : passwordLabels + skLabels) {
            QVERIFY(!label.contains(password));
            QVERIFY(!label.contains(s.secretKey));
        }

        // The attributes are untouched: QtKeychain, secret-tool and the profile load all still find them.
        QCOMPARE(SecretStore::waitFor(secrets.read(passwordKey)).secret, password);
        QCOMPARE(QString::fromUtf8(lookup(passwordKey).out), password);
        QCOMPARE(QString::fromUtf8(lookup(skKey).out), s.secretKey);
        Credentials loaded;
        QVERIFY2(loadCredentialsNow(manager, p.name, &loaded, &message), qPrintable(message));
        QCOMPARE(loaded.secretKey, s.secretKey);
    }

    void explicitLabelIsUsed()
    {
        const QString key = track(QStringLiteral("tst-keychainlabel-") + m_tag + QStringLiteral("-explicit"));
        const QString label = QStringLiteral("DAS Connect: named by the caller ") + m_tag;
        SecretStore secrets;
        QVERIFY(SecretStore::waitFor(secrets.write(key, QStringLiteral("explicit-secret"), label)).ok());
        QCOMPARE(labelsOf(key), QStringList{label});
        QCOMPARE(SecretStore::waitFor(secrets.read(key)).secret, QStringLiteral("explicit-secret"));
    }

    void entryWrittenBeforeLabelsStillReads()
    {
        const QString key = track(QStringLiteral("tst-keychainlabel-") + m_tag + QStringLiteral("-old"));
        QVERIFY(writeUnlabelled(key, QStringLiteral("old-secret")));
        QCOMPARE(labelsOf(key), QStringList{QLatin1String(SecretLimits::ServiceName)});

        SecretStore secrets;
        QCOMPARE(SecretStore::waitFor(secrets.read(key)).secret, QStringLiteral("old-secret"));
        QCOMPARE(labelsOf(key),
                 QStringList{QLatin1String(SecretLimits::ServiceName)}); // a read changes nothing

        // Saving it again replaces that one entry, now named.
        QVERIFY(SecretStore::waitFor(secrets.writeVerified(key, QStringLiteral("new-secret"))).ok());
        QCOMPARE(labelsOf(key), QStringList{SecretStore::defaultLabel(key)});
        QCOMPARE(SecretStore::waitFor(secrets.read(key)).secret, QStringLiteral("new-secret"));
        QVERIFY(SecretStore::waitFor(secrets.remove(key)).ok());
        QCOMPARE(labelsOf(key), QStringList());
    }
};

QTEST_MAIN(TestKeychainLabel)
#include "tst_keychainlabel.moc"
