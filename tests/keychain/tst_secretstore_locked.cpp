// A locked keyring whose unlock prompt cannot be shown. CTest runs this through its own scripts/with-keyring
// (a private bus and daemon), because it locks the keyring for good.

#include "KeychainTestSupport.h"
#include "ProfileManager.h"
#include "ProfileStore.h"
#include "SecretStore.h"

#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QDBusReply>
#include <QDBusVariant>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace das;
using namespace das::test;

namespace {

const QString kService = QStringLiteral("org.freedesktop.secrets");

QDBusMessage secretCall(const QString& path, const QString& interface, const QString& method)
{
    return QDBusMessage::createMethodCall(kService, path, interface, method);
}

bool defaultCollectionLocked()
{
    QDBusMessage call = secretCall(QStringLiteral("/org/freedesktop/secrets/aliases/default"),
                                   QStringLiteral("org.freedesktop.DBus.Properties"), QStringLiteral("Get"));
    call << QStringLiteral("org.freedesktop.Secret.Collection") << QStringLiteral("Locked");
    const QDBusReply<QDBusVariant> reply = QDBusConnection::sessionBus().call(call, QDBus::Block, 10000);
    return reply.isValid() && reply.value().variant().toBool();
}

// Items with these attributes, locked or not: the Secret Service lists them without unlocking anything.
int itemCount(const QString& key)
{
    QDBusMessage call =
        secretCall(QStringLiteral("/org/freedesktop/secrets"),
                   QStringLiteral("org.freedesktop.Secret.Service"), QStringLiteral("SearchItems"));
    QMap<QString, QString> attributes;
    attributes.insert(QStringLiteral("server"), QLatin1String(SecretLimits::ServiceName));
    attributes.insert(QStringLiteral("user"), key);
    call << QVariant::fromValue(attributes);
    const QDBusMessage reply = QDBusConnection::sessionBus().call(call, QDBus::Block, 10000);
    if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().size() != 2)
        return -1;
    int count = 0;
    for (const QVariant& list : reply.arguments()) {
        QList<QDBusObjectPath> paths;
        list.value<QDBusArgument>() >> paths;
        count += int(paths.size());
    }
    return count;
}

} // namespace

class TestSecretStoreLocked : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    const QString m_present = QStringLiteral("tst-locked-present");
    const QString m_absent = QStringLiteral("tst-locked-absent");
    const QString m_profile = QStringLiteral("locked-profile");

private slots:
    void initTestCase()
    {
        QVERIFY2(haveThrowAwayKeyring(), needKeyringMessage());
        forceSecretServiceBackend();
        QVERIFY(m_dir.isValid());
        QVERIFY(QDBusConnection::sessionBus().isConnected());
        qDBusRegisterMetaType<QMap<QString, QString>>();
    }

    void prepareThenLock()
    {
        SecretStore store;
        QVERIFY(SecretStore::waitFor(store.writeVerified(m_present, QStringLiteral("locked-value"))).ok());
        QSettings settings(m_dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        ProfileStore profiles(&settings);
        ProfileManager manager(&profiles, &store);
        Profile p;
        p.name = m_profile;
        p.accessKey = QStringLiteral("LOCKEDAKEXAMPLE00001");
        p.region = QStringLiteral("cn-north-4");
        ProfileSecrets s;
        s.secretKey = QStringLiteral("locked-sk");
        QString message;
        QVERIFY2(manager.saveProfileSync(p, s, &message), qPrintable(message));

        QVERIFY(!defaultCollectionLocked());
        QDBusMessage lock =
            secretCall(QStringLiteral("/org/freedesktop/secrets"),
                       QStringLiteral("org.freedesktop.Secret.Service"), QStringLiteral("Lock"));
        lock << QVariant::fromValue(QList<QDBusObjectPath>{
            QDBusObjectPath(QStringLiteral("/org/freedesktop/secrets/aliases/default"))});
        const QDBusMessage reply = QDBusConnection::sessionBus().call(lock, QDBus::Block, 10000);
        QVERIFY2(reply.type() == QDBusMessage::ReplyMessage, qPrintable(reply.errorMessage()));
        QVERIFY(defaultCollectionLocked());
        QCOMPARE(itemCount(m_present), 1);
    }

    void readSaysLockedNotMissing()
    {
        SecretStore store;
        for (const QString& key : {m_present, m_absent}) {
            const SecretResult r = SecretStore::waitFor(store.read(key));
            QCOMPARE(SecretResult::statusName(r.status), QStringLiteral("Locked"));
            QVERIFY2(r.message.contains(QStringLiteral("locked")), qPrintable(r.message));
            QVERIFY(r.secret.isEmpty());
        }
    }

    void removeDeletesNothing()
    {
        SecretStore store;
        const SecretResult r = SecretStore::waitFor(store.remove(m_present));
        QCOMPARE(SecretResult::statusName(r.status), QStringLiteral("Locked"));
        QVERIFY2(r.message.contains(QStringLiteral("nothing was removed")), qPrintable(r.message));
        QCOMPARE(itemCount(m_present), 1);
    }

    void writeStoresNothing()
    {
        SecretStore store;
        const SecretResult fresh =
            SecretStore::waitFor(store.writeVerified(m_absent, QStringLiteral("never")));
        QCOMPARE(SecretResult::statusName(fresh.status), QStringLiteral("Locked"));
        QVERIFY2(fresh.message.contains(QStringLiteral("nothing was saved")), qPrintable(fresh.message));
        QCOMPARE(itemCount(m_absent), 0);

        const SecretResult over = SecretStore::waitFor(store.write(m_present, QStringLiteral("overwrite")));
        QCOMPARE(SecretResult::statusName(over.status), QStringLiteral("Locked"));
        QCOMPARE(itemCount(m_present), 1);
    }

    void profilesAreKeptAndExplained()
    {
        QSettings settings(m_dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        ProfileStore profiles(&settings);
        SecretStore store;
        ProfileManager manager(&profiles, &store);
        QString message;

        Credentials c;
        QVERIFY(!loadCredentialsNow(manager, m_profile, &c, &message));
        QVERIFY2(message.contains(QStringLiteral("locked")), qPrintable(message));

        QVERIFY(!manager.removeProfileSync(m_profile, &message));
        QVERIFY2(message.contains(QStringLiteral("locked")), qPrintable(message));
        QVERIFY(profiles.contains(m_profile));
        QCOMPARE(
            itemCount(SecretStore::profileSecretKey(m_profile, QLatin1String(SecretStore::SecretKeyField))),
            1);

        Profile p = profiles.profile(m_profile);
        p.region = QStringLiteral("cn-east-3");
        QVERIFY(!manager.saveProfileSync(p, ProfileSecrets(), &message));
        QVERIFY2(message.contains(QStringLiteral("locked")), qPrintable(message));
        QCOMPARE(profiles.profile(m_profile).region, QStringLiteral("cn-north-4"));
    }
};

QTEST_GUILESS_MAIN(TestSecretStoreLocked)
#include "tst_secretstore_locked.moc"
