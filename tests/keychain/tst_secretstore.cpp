// SecretStore against a real Secret Service (gnome-keyring-daemon from scripts/with-keyring), checked from
// the outside with secret-tool.

#include "KeychainTestSupport.h"
#include "SecretJob.h"
#include "SecretLimits.h"
#include "SecretStore.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QSignalSpy>
#include <QTest>

using namespace das;
using namespace das::test;

class TestSecretStore : public QObject
{
    Q_OBJECT

private:
    QString key(const QString& name)
    {
        const QString k = QStringLiteral("tst-secretstore-") + m_tag + QLatin1Char('-') + name;
        m_keys.append(k);
        return k;
    }

    QString m_tag;
    QStringList m_keys;

private slots:
    void initTestCase()
    {
        QVERIFY2(haveThrowAwayKeyring(), needKeyringMessage());
        forceSecretServiceBackend();
        m_tag = uniqueTag();
        const ToolResult probe = secretTool(
            {QStringLiteral("search"), QStringLiteral("server"), QStringLiteral("das-connect-nothing")});
        QVERIFY2(probe.exitCode >= 0, probe.err.constData());
    }

    void cleanupTestCase()
    {
        for (const QString& k : std::as_const(m_keys))
            clearEntry(k);
    }

    void documentedConstantsAndKeys()
    {
        QCOMPARE(QLatin1String(SecretLimits::ServiceName), QLatin1String("das-connect"));
        QCOMPARE(SecretLimits::MaxSecretBytes, 4096);
        QCOMPARE(SecretStore::DefaultTimeoutMs, 15000);
        QCOMPARE(SecretStore::profileSecretKey(QStringLiteral("prod east"), QStringLiteral("sk")),
                 QStringLiteral("profile:prod east:sk"));
        QCOMPARE(SecretStore::profileSecretKey(QStringLiteral("p"),
                                               QLatin1String(SecretStore::SecurityTokenField)),
                 QStringLiteral("profile:p:security_token"));
        QCOMPARE(
            SecretStore::profileSecretKey(QStringLiteral("p"), QLatin1String(SecretStore::IamTokenField)),
            QStringLiteral("profile:p:iam_token"));
        QCOMPARE(SecretStore::databasePasswordKey(QStringLiteral("https://das.cn-north-4.myhuaweicloud.com"),
                                                  QStringLiteral("052041494800d57c2f02c00275b4c247"),
                                                  QStringLiteral("bcfa975193f1402fa11a6d4fd6baf5fbin01"),
                                                  QStringLiteral("root")),
                 QStringLiteral(
                     "dbpassword:https://das.cn-north-4.myhuaweicloud.com|052041494800d57c2f02c00275b4c247|"
                     "bcfa975193f1402fa11a6d4fd6baf5fbin01|root"));
    }

    void writeReadRemoveRoundTrip()
    {
        SecretStore store;
        const QString k = key(QStringLiteral("roundtrip"));
        const QString secret = QStringLiteral("Gauss_2345-roundtrip");

        const SecretResult written = SecretStore::waitFor(store.write(k, secret));
        QVERIFY2(written.ok(), qPrintable(written.message));
        QVERIFY(written.secret.isEmpty());

        const ToolResult seen = lookup(k);
        QCOMPARE(seen.exitCode, 0);
        QCOMPARE(QString::fromUtf8(seen.out), secret);

        const SecretResult read = SecretStore::waitFor(store.read(k));
        QVERIFY2(read.ok(), qPrintable(read.message));
        QCOMPARE(read.secret, secret);

        const SecretResult removed = SecretStore::waitFor(store.remove(k));
        QVERIFY2(removed.ok(), qPrintable(removed.message));
        const ToolResult gone = lookup(k);
        QCOMPARE(gone.exitCode, 1);
        QVERIFY(gone.out.isEmpty());

        const SecretResult again = SecretStore::waitFor(store.read(k));
        QCOMPARE(SecretResult::statusName(again.status), QStringLiteral("NotFound"));
    }

    void storedUnderDocumentedAttributes()
    {
        SecretStore store;
        const QString k = key(QStringLiteral("attributes"));
        QVERIFY(SecretStore::waitFor(store.write(k, QStringLiteral("attr-secret"))).ok());
        const ToolResult search =
            secretTool({QStringLiteral("search"), QStringLiteral("--all"), QStringLiteral("server"),
                        QStringLiteral("das-connect"), QStringLiteral("user"), k});
        QCOMPARE(search.exitCode, 0);
        const QByteArray all = search.out + search.err;
        QVERIFY2(all.contains("attribute.server = das-connect"), all.constData());
        const QByteArray userLine = QByteArray("attribute.user = ") + k.toUtf8();
        QVERIFY2(all.contains(userLine), all.constData());
        QVERIFY2(all.contains("attribute.type = plaintext"), all.constData());
        QVERIFY2(all.contains("schema = org.qt.keychain"), all.constData());
        // Named for keychain managers (SecretItemLabeler); the attributes above are what lookups match.
        const QByteArray labelLine = QByteArray("label = ") + SecretStore::defaultLabel(k).toUtf8();
        QVERIFY2(all.contains(labelLine), all.constData());
        QVERIFY2(all.contains("secret = attr-secret"), all.constData());
        QVERIFY(SecretStore::waitFor(store.remove(k)).ok());
    }

    void finishedExactlyOnceFromTheEventLoopThenDeleted()
    {
        SecretStore store;
        const QString k = key(QStringLiteral("signal"));
        SecretJob* job = store.writeVerified(k, QStringLiteral("signal-secret"));
        QPointer<SecretJob> watch(job);
        QCOMPARE(job->kind(), SecretJob::Kind::WriteVerified);
        QSignalSpy spy(job, &SecretJob::finished);
        QCOMPARE(spy.count(), 0);
        QVERIFY(spy.wait(20000));
        QCOMPARE(spy.count(), 1);
        const auto result = spy.at(0).at(0).value<SecretResult>();
        QVERIFY2(result.ok(), qPrintable(result.message));
        QTRY_VERIFY(watch.isNull());
        QCOMPARE(spy.count(), 1);
        QCOMPARE(QString::fromUtf8(lookup(k).out), QStringLiteral("signal-secret"));

        // Even a job that fails before reaching the backend reports through the event loop.
        SecretJob* tooLarge = store.write(k, QString(5000, u'x'));
        QSignalSpy early(tooLarge, &SecretJob::finished);
        QCOMPARE(early.count(), 0);
        QTRY_COMPARE(early.count(), 1);
        QVERIFY(SecretStore::waitFor(store.remove(k)).ok());
    }

    void writeVerifiedStoresAndConfirms()
    {
        SecretStore store;
        const QString k = key(QStringLiteral("verified"));
        const SecretResult r =
            SecretStore::waitFor(store.writeVerified(k, QStringLiteral("verified-secret")));
        QVERIFY2(r.ok(), qPrintable(r.message));
        QCOMPARE(QString::fromUtf8(lookup(k).out), QStringLiteral("verified-secret"));
        // Overwriting replaces the value in place (one entry per key).
        QVERIFY(SecretStore::waitFor(store.writeVerified(k, QStringLiteral("verified-secret-2"))).ok());
        QCOMPARE(QString::fromUtf8(lookup(k).out), QStringLiteral("verified-secret-2"));
        QVERIFY(SecretStore::waitFor(store.remove(k)).ok());
        QCOMPARE(lookup(k).exitCode, 1);
    }

    void readOfMissingKeyChangesNothing()
    {
        SecretStore store;
        const QString present = key(QStringLiteral("present"));
        const QString missing = key(QStringLiteral("missing"));
        QVERIFY(SecretStore::waitFor(store.write(present, QStringLiteral("keep-me"))).ok());

        const SecretResult r = SecretStore::waitFor(store.read(missing));
        QCOMPARE(SecretResult::statusName(r.status), QStringLiteral("NotFound"));
        QVERIFY(r.secret.isEmpty());
        QVERIFY2(r.message.contains(QStringLiteral("keychain")), qPrintable(r.message));
        QVERIFY2(r.message.contains(QStringLiteral("nothing was changed")), qPrintable(r.message));

        QCOMPARE(QString::fromUtf8(lookup(present).out), QStringLiteral("keep-me"));
        QCOMPARE(lookup(missing).exitCode, 1);
        QVERIFY(SecretStore::waitFor(store.remove(present)).ok());
    }

    void removeOfMissingKeyIsNotFoundAndChangesNothing()
    {
        SecretStore store;
        const QString present = key(QStringLiteral("present2"));
        const QString missing = key(QStringLiteral("missing2"));
        QVERIFY(SecretStore::waitFor(store.write(present, QStringLiteral("still-here"))).ok());

        const SecretResult r = SecretStore::waitFor(store.remove(missing));
        QCOMPARE(SecretResult::statusName(r.status), QStringLiteral("NotFound"));
        QVERIFY2(r.message.contains(QStringLiteral("nothing was changed")), qPrintable(r.message));

        QCOMPARE(QString::fromUtf8(lookup(present).out), QStringLiteral("still-here"));
        QCOMPARE(lookup(missing).exitCode, 1);
        QVERIFY(SecretStore::waitFor(store.remove(present)).ok());
    }

    void oversizedSecretIsRefusedAndNothingWritten()
    {
        SecretStore store;
        const QString fresh = key(QStringLiteral("large-fresh"));
        const SecretResult r = SecretStore::waitFor(store.write(fresh, QString(5000, u'a')));
        QCOMPARE(SecretResult::statusName(r.status), QStringLiteral("TooLarge"));
        QVERIFY2(r.message.contains(QStringLiteral("4096")), qPrintable(r.message));
        QCOMPARE(lookup(fresh).exitCode, 1);

        // Bytes, not characters: 1366 three-byte characters are 4098 bytes.
        QCOMPARE(SecretResult::statusName(
                     SecretStore::waitFor(store.writeVerified(fresh, QString(1366, QChar(0x5BC6)))).status),
                 QStringLiteral("TooLarge"));
        QCOMPARE(lookup(fresh).exitCode, 1);

        // An existing entry is not overwritten.
        const QString existing = key(QStringLiteral("large-existing"));
        QVERIFY(SecretStore::waitFor(store.write(existing, QStringLiteral("old-value"))).ok());
        QCOMPARE(
            SecretResult::statusName(SecretStore::waitFor(store.write(existing, QString(5000, u'b'))).status),
            QStringLiteral("TooLarge"));
        QCOMPARE(QString::fromUtf8(lookup(existing).out), QStringLiteral("old-value"));

        // Exactly the limit is fine.
        const SecretResult limit =
            SecretStore::waitFor(store.writeVerified(existing, QString(SecretLimits::MaxSecretBytes, u'c')));
        QVERIFY2(limit.ok(), qPrintable(limit.message));
        QCOMPARE(lookup(existing).out.size(), SecretLimits::MaxSecretBytes);
        QVERIFY(SecretStore::waitFor(store.remove(existing)).ok());
    }

    void unicodeRoundTrip()
    {
        SecretStore store;
        const QString k = key(QStringLiteral("unicode-密钥"));
        const QString secret = QStringLiteral("pä$$wörd—密码🔑 \"quoted\" 'x' \\ ;#=");
        const SecretResult w = SecretStore::waitFor(store.writeVerified(k, secret));
        QVERIFY2(w.ok(), qPrintable(w.message));
        QCOMPARE(SecretStore::waitFor(store.read(k)).secret, secret);
        QCOMPARE(QString::fromUtf8(lookup(k).out), secret);
        QVERIFY(SecretStore::waitFor(store.remove(k)).ok());
    }

    void deletedStoreJobAndReceiverDoNotCrash()
    {
        const QString k = key(QStringLiteral("orphan"));
        auto* store = new SecretStore;
        auto* receiver = new QObject;
        bool called = false;

        SecretJob* kept = store->write(k, QStringLiteral("first"));
        connect(kept, &SecretJob::finished, receiver, [&called] { called = true; });
        SecretJob* deleted = store->writeVerified(k, QStringLiteral("second"));
        connect(deleted, &SecretJob::finished, receiver, [&called] { called = true; });
        delete deleted; // before the backend has even started on it
        delete receiver;
        delete store;

        // QtKeychain runs requests in order, so once this one is done the orphaned ones have answered too.
        SecretStore other;
        SecretJob* last = other.write(k, QStringLiteral("third"));
        QSignalSpy spy(last, &SecretJob::finished);
        QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 1, 30000);
        QVERIFY(spy.at(0).at(0).value<SecretResult>().ok());
        QVERIFY(!called);
        QCOMPARE(SecretStore::waitFor(other.read(k)).secret, QStringLiteral("third"));
        QVERIFY(SecretStore::waitFor(other.remove(k)).ok());
    }

    void lateAnswerAfterDeadlineIsIgnored()
    {
        const QString k = key(QStringLiteral("late"));
        SecretStore impatient;
        impatient.setTimeoutMs(0); // expires before any backend can answer
        SecretJob* job = impatient.write(k, QStringLiteral("late-value"));
        QPointer<SecretJob> watch(job);
        QSignalSpy spy(job, &SecretJob::finished);
        QVERIFY(spy.wait(10000));
        const auto r = spy.at(0).at(0).value<SecretResult>();
        QCOMPARE(SecretResult::statusName(r.status), QStringLiteral("Timeout"));
        QVERIFY2(r.message.contains(QStringLiteral("did not answer within 1 s:")), qPrintable(r.message));
        QTRY_VERIFY(watch.isNull());

        // The write itself still reaches the keychain later; its answer lands on nothing.
        SecretStore patient;
        QTRY_COMPARE_WITH_TIMEOUT(SecretStore::waitFor(patient.read(k)).secret, QStringLiteral("late-value"),
                                  30000);
        QCOMPARE(spy.count(), 1);
        QVERIFY(SecretStore::waitFor(patient.remove(k)).ok());
    }
};

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
