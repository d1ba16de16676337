// A session bus that accepts connections and never answers, as when the keychain hangs: every keychain call
// ends with Timeout by its deadline, the event loop keeps running, and the process exits cleanly.

#include "KeychainTestSupport.h"
#include "ProfileManager.h"
#include "ProfileStore.h"
#include "SecretStore.h"

#include <QElapsedTimer>
#include <QLocalServer>
#include <QLocalSocket>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace das;
using namespace das::test;

class TestSecretStoreUnresponsive : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QLocalServer m_server;
    QList<QLocalSocket*> m_silent; // accepted and never answered

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        forceSecretServiceBackend();
        const QString socketPath = m_dir.filePath(QStringLiteral("bus"));
        QVERIFY2(m_server.listen(socketPath), qPrintable(m_server.errorString()));
        connect(&m_server, &QLocalServer::newConnection, this, [this] {
            while (QLocalSocket* s = m_server.nextPendingConnection())
                m_silent.append(s);
        });
        // Before anything in this process touches D-Bus: GDBus reads the address once.
        qputenv("DBUS_SESSION_BUS_ADDRESS", QByteArray("unix:path=") + QFile::encodeName(socketPath));
    }

    void writeTimesOutWithinTheDeadline()
    {
        SecretStore store;
        store.setTimeoutMs(1000);
        QElapsedTimer clock;
        clock.start();
        SecretJob* job = store.write(QStringLiteral("tst-unresponsive"), QStringLiteral("never-stored"));
        QSignalSpy spy(job, &SecretJob::finished);

        // The event loop stays free while the keychain hangs.
        bool ticked = false;
        QTimer::singleShot(100, this, [&ticked] { ticked = true; });

        QVERIFY(spy.wait(10000));
        const qint64 elapsed = clock.elapsed();
        const auto r = spy.at(0).at(0).value<SecretResult>();
        QCOMPARE(SecretResult::statusName(r.status), QStringLiteral("Timeout"));
        QVERIFY2(r.message.contains(QStringLiteral("did not answer within 1 s:")), qPrintable(r.message));
        QVERIFY2(r.message.contains(QStringLiteral("locked")), qPrintable(r.message));
        QVERIFY2(elapsed >= 900 && elapsed < 5000, qPrintable(QString::number(elapsed)));
        QVERIFY(ticked);
        // The test is only meaningful if the keychain really talked to our silent bus.
        QTRY_VERIFY(!m_silent.isEmpty());
    }

    void syncCallsAreBoundedToo()
    {
        SecretStore store;
        store.setTimeoutMs(1000);
        QElapsedTimer clock;
        clock.start();
        const SecretResult read = SecretStore::waitFor(store.read(QStringLiteral("tst-unresponsive")));
        QCOMPARE(SecretResult::statusName(read.status), QStringLiteral("Timeout"));
        const SecretResult removed = SecretStore::waitFor(store.remove(QStringLiteral("tst-unresponsive")));
        QCOMPARE(SecretResult::statusName(removed.status), QStringLiteral("Timeout"));
        QVERIFY2(clock.elapsed() < 6000, qPrintable(QString::number(clock.elapsed())));
    }

    void profileCredentialsReportTheHang()
    {
        QSettings settings(m_dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        ProfileStore profiles(&settings);
        Profile p;
        p.name = QStringLiteral("hung");
        p.accessKey = QStringLiteral("HUNGAKEXAMPLE0000001");
        p.region = QStringLiteral("cn-north-4");
        QString error;
        QVERIFY2(profiles.save(p, &error), qPrintable(error));

        SecretStore secrets;
        secrets.setTimeoutMs(1000);
        ProfileManager manager(&profiles, &secrets);
        Credentials c;
        QString message;
        QVERIFY(!loadCredentialsNow(manager, p.name, &c, &message));
        QVERIFY2(message.contains(QStringLiteral("did not answer")), qPrintable(message));
        QVERIFY(c.secretKey.isEmpty());

        // A save that cannot reach the keychain leaves the settings alone.
        const QByteArray before = [&] {
            QFile f(settings.fileName());
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        }();
        p.region = QStringLiteral("cn-east-3");
        ProfileSecrets s;
        s.secretKey = QStringLiteral("hung-secret-key");
        QVERIFY(!manager.saveProfileSync(p, s, &message));
        QVERIFY2(message.contains(QStringLiteral("did not answer")), qPrintable(message));
        QFile after(settings.fileName());
        QVERIFY(after.open(QIODevice::ReadOnly));
        QCOMPARE(after.readAll(), before);
    }
};

QTEST_GUILESS_MAIN(TestSecretStoreUnresponsive)
#include "tst_secretstore_unresponsive.moc"
