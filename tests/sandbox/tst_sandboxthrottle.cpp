// The sandbox's rate limit for trying a batch's backoff: every Nth authenticated create is refused like the
// gateway's throttling (429, APIGW.0308, Retry-After: 1) and not created, in process and with
// `das-sandbox --throttle-every N`.
#include "RawHttp.h"
#include "SandboxProcess.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace das;
using namespace das::test;

class TestSandboxThrottle : public QObject, public SandboxFixture
{
    Q_OBJECT

private slots:
    void cleanup() { resetFixture(); }

    void everyNthCreateIsThrottled()
    {
        SandboxOptions options;
        options.throttleEvery = 3;
        startSandbox(options);
        QVERIFY(m_server->banner().contains(QLatin1String("one create in 3")));
        QList<int> statuses;
        for (int i = 0; i < 7; ++i) {
            // An unauthenticated create is refused before the count: it does not move the throttle.
            QCOMPARE(exchange(m_server->port(),
                              signedCreate(m_server->url(), Credentials::token(QStringLiteral("wrong"))))
                         .status,
                     401);
            const RawResponse r = exchange(m_server->port(), signedCreate(m_server->url()));
            statuses.append(r.status);
            if (r.status != 429)
                continue;
            QCOMPARE(r.headerValues("Retry-After"), QByteArrayList{"1"});
            const QJsonObject body = QJsonDocument::fromJson(r.body).object();
            QCOMPARE(body.value(QLatin1String("error_code")).toString(), QStringLiteral("APIGW.0308"));
            QVERIFY(!body.value(QLatin1String("request_id")).toString().isEmpty());
        }
        QCOMPARE(statuses, (QList<int>{200, 200, 429, 200, 200, 429, 200}));
        QCOMPARE(m_server->createCount(), 7);
        QCOMPARE(m_server->connections().all().size(), 5); // a throttled create is not created
        QCOMPARE(m_server->issuedConnectionIds().size(), 5);
    }

    void zeroNeverThrottles()
    {
        startSandbox();
        QCOMPARE(m_server->options().throttleEvery, 0);
        for (int i = 0; i < 4; ++i)
            QCOMPARE(exchange(m_server->port(), signedCreate(m_server->url())).status, 200);
    }

    void commandLineOption()
    {
        SandboxProcess sandbox({QStringLiteral("--throttle-every"), QStringLiteral("2")}, cleanEnvironment());
        const QUrl url = sandbox.waitListening();
        QVERIFY2(url.isValid(), sandbox.output().constData());
        QCOMPARE(exchange(quint16(url.port()), signedCreate(url)).status, 200);
        const RawResponse r = exchange(quint16(url.port()), signedCreate(url));
        QCOMPARE(r.status, 429);
        QCOMPARE(r.headerValues("Retry-After"), QByteArrayList{"1"});
        QVERIFY(sandbox.waitOutput(" answered 429 APIGW.0308"));
    }

    void commandLineOptionIsChecked_data()
    {
        QTest::addColumn<QString>("value");
        QTest::newRow("negative") << QStringLiteral("-1");
        QTest::newRow("word") << QStringLiteral("often");
    }

    void commandLineOptionIsChecked()
    {
        QFETCH(QString, value);
        SandboxProcess sandbox({QStringLiteral("--throttle-every"), value}, cleanEnvironment());
        QCOMPARE(sandbox.waitExitCode(), 2);
        QVERIFY2(sandbox.output().contains("--throttle-every must be"), sandbox.output().constData());
    }

    void helpNamesTheOption()
    {
        SandboxProcess sandbox({QStringLiteral("--help")}, cleanEnvironment());
        QCOMPARE(sandbox.waitExitCode(), 0);
        QVERIFY2(sandbox.output().contains("--throttle-every <N>"), sandbox.output().constData());
    }
};

QTEST_GUILESS_MAIN(TestSandboxThrottle)
#include "tst_sandboxthrottle.moc"
