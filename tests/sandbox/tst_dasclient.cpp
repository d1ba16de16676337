// DasClient against the real sandbox on 127.0.0.1: success and every error path of the create call.
#include "CreateJob.h"
#include "DasClient.h"
#include "RequestBuilder.h"
#include "SandboxServer.h"
#include "SandboxTestSupport.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTcpServer>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace das;
using namespace das::test;
using Outcome = CreateResult::Outcome;

class TestDasClient : public QObject, private SandboxFixture
{
    Q_OBJECT

private:
    CreateResult create(const ConnectionRequest& request = validRequest(),
                        const Credentials& credentials = demoCredentials())
    {
        return createAt(m_server->url(), request, credentials);
    }

    // Signs `request` with RequestBuilder, which does not validate, and posts it, so that the sandbox's own
    // validation (the same RequestValidator) is what answers. Returns the HTTP status and the body.
    std::pair<int, QByteArray> postBypassingValidation(const ConnectionRequest& r)
    {
        const PreparedRequest prepared = RequestBuilder::build(m_server->url(), r, demoCredentials());
        QNetworkAccessManager nam;
        QNetworkRequest request(prepared.url);
        for (const auto& h : prepared.headers)
            request.setRawHeader(h.first, h.second);
        std::unique_ptr<QNetworkReply> reply(nam.post(request, prepared.body));
        if (!QTest::qWaitFor([&reply] { return reply->isFinished(); }, 10000))
            return {0, QByteArray("no answer within 10 s")};
        return {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll()};
    }

private slots:
    void init()
    {
        m_client = std::make_unique<DasClient>();
        startSandbox();
    }

    void cleanup() { resetFixture(); }

    void createsAndReturnsTheIssuedId()
    {
        const CreateResult r = create();
        QCOMPARE(r.outcome, Outcome::Created);
        QCOMPARE(m_server->issuedConnectionIds().size(), 1);
        QCOMPARE(r.connectionId, m_server->issuedConnectionIds().constFirst());
        QVERIFY(QUuid::fromString(r.connectionId).version() == QUuid::Random);
        QCOMPARE(r.requestId.size(), 32);
        QCOMPARE(r.exitCode(), 0);
    }

    void temporaryCredentialsAndIamTokenAreAccepted()
    {
        Credentials temporary = demoCredentials();
        temporary.kind = Credentials::Kind::TemporaryAkSk;
        temporary.securityToken = QLatin1String(SandboxOptions::DemoSecurityToken);
        QCOMPARE(create(validRequest(), temporary).outcome, Outcome::Created);
        QCOMPARE(
            create(validRequest(), Credentials::token(QLatin1String(SandboxOptions::DemoIamToken))).outcome,
            Outcome::Created);
    }

    void authFailures_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("accessKey");
        QTest::addColumn<QString>("secret");
        QTest::addColumn<QString>("explanationWord");
        QTest::newRow("wrong SK") << int(Credentials::Kind::AkSk)
                                  << QString::fromLatin1(SandboxOptions::DemoAccessKey)
                                  << QStringLiteral("wrong-secret") << QStringLiteral("secret key (SK)");
        QTest::newRow("unknown AK") << int(Credentials::Kind::AkSk) << QStringLiteral("UNKNOWNAK00000000000")
                                    << QString::fromLatin1(SandboxOptions::DemoSecretKey)
                                    << QStringLiteral("access key (AK) does not exist");
        QTest::newRow("bad security token")
            << int(Credentials::Kind::TemporaryAkSk) << QString::fromLatin1(SandboxOptions::DemoAccessKey)
            << QString::fromLatin1(SandboxOptions::DemoSecretKey) << QStringLiteral("security token");
        QTest::newRow("bad IAM token")
            << int(Credentials::Kind::IamToken) << QString() << QString() << QStringLiteral("IAM token");
    }

    void authFailures()
    {
        QFETCH(int, kind);
        QFETCH(QString, accessKey);
        QFETCH(QString, secret);
        QFETCH(QString, explanationWord);
        Credentials c;
        c.kind = Credentials::Kind(kind);
        c.accessKey = accessKey;
        c.secretKey = secret;
        c.securityToken = QStringLiteral("not-the-token");
        c.iamToken = QStringLiteral("not-the-iam-token");
        const CreateResult r = create(validRequest(), c);
        QCOMPARE(r.outcome, Outcome::AuthFailed);
        QCOMPARE(r.httpStatus, 401);
        QCOMPARE(r.errorCode, QStringLiteral("APIGW.0301"));
        QVERIFY2(r.explanation.contains(explanationWord), qPrintable(r.explanation));
        QCOMPARE(r.requestId.size(), 32);
        QCOMPARE(r.exitCode(), 3);
        QVERIFY(m_server->issuedConnectionIds().isEmpty());
    }

    void expiredSignatureNamesTheClockOffset()
    {
        m_server->setMode(SandboxOptions::Mode::Expired);
        const CreateResult r = create();
        QCOMPARE(r.outcome, Outcome::AuthFailed);
        QVERIFY2(qAbs(r.clockOffsetSeconds - SandboxOptions::ExpiredSkewSeconds) <= 5,
                 qPrintable(QString::number(r.clockOffsetSeconds)));
        QVERIFY2(r.explanation.contains(QStringLiteral("20 minutes behind")), qPrintable(r.explanation));
    }

    void apiErrors_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("outcome");
        QTest::addColumn<QString>("explanationWord");
        QTest::newRow("e500") << int(SandboxOptions::Mode::E500) << 500 << QStringLiteral("DAS.100000")
                              << int(Outcome::ApiError) << QStringLiteral("service failed");
        QTest::newRow("throttle") << int(SandboxOptions::Mode::Throttle) << 429
                                  << QStringLiteral("APIGW.0308") << int(Outcome::ApiError)
                                  << QStringLiteral("throttled");
        QTest::newRow("html502") << int(SandboxOptions::Mode::Html502) << 502 << QString()
                                 << int(Outcome::Unknown) << QStringLiteral("HTML error page");
        QTest::newRow("garbage") << int(SandboxOptions::Mode::Garbage) << 200 << QString()
                                 << int(Outcome::Unknown) << QStringLiteral("not JSON");
        QTest::newRow("truncated") << int(SandboxOptions::Mode::Truncated) << 200 << QString()
                                   << int(Outcome::Unknown) << QStringLiteral("cut off");
        QTest::newRow("wrongtype") << int(SandboxOptions::Mode::WrongType) << 200 << QString()
                                   << int(Outcome::Unknown) << QStringLiteral("connection_id");
        QTest::newRow("redirect") << int(SandboxOptions::Mode::Redirect) << 307 << QString()
                                  << int(Outcome::ApiError) << QStringLiteral("redirect");
    }

    void apiErrors()
    {
        QFETCH(int, mode);
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(int, outcome);
        QFETCH(QString, explanationWord);
        m_server->setMode(SandboxOptions::Mode(mode));
        const CreateResult r = create();
        QVERIFY2(int(r.outcome) == outcome, qPrintable(r.explanation + u' ' + r.detail));
        QCOMPARE(r.httpStatus, status);
        QCOMPARE(r.errorCode, code);
        QVERIFY2(r.explanation.contains(explanationWord), qPrintable(r.explanation));
        QVERIFY(!r.requestId.isEmpty());
        // Never retried, never redirected: exactly one request reached the sandbox.
        QCOMPARE(m_server->requestCount(), 1);
    }

    void unknownProjectAndInstance()
    {
        ConnectionRequest r = validRequest();
        r.projectId = QStringLiteral("ffffffffffffffffffffffffffffffff");
        CreateResult result = create(r);
        QVERIFY2(result.outcome == Outcome::ApiError, qPrintable(result.explanation + u' ' + result.detail));
        QCOMPARE(result.errorCode, QStringLiteral("DAS.200113"));
        QVERIFY(result.explanation.contains(QStringLiteral("project ID")));

        r = validRequest();
        r.instanceId = QStringLiteral("ffffffffffffffffffffffffffffffffin09");
        result = create(r);
        QCOMPARE(result.errorCode, QStringLiteral("DAS.200114"));
        QVERIFY(result.explanation.contains(QStringLiteral("instance ID")));
        QCOMPARE(result.exitCode(), 4);
    }

    void wrongPathIsApigw0101()
    {
        QUrl endpoint = m_server->url();
        endpoint.setPath(QStringLiteral("/not-das"));
        CreateResult r;
        QVERIFY(waitFor(m_client->createConnection(endpoint, validRequest(), demoCredentials()), &r));
        QCOMPARE(r.outcome, Outcome::ApiError);
        QCOMPARE(r.errorCode, QStringLiteral("APIGW.0101"));
        QVERIFY(r.explanation.contains(QStringLiteral("endpoint")));
    }

    void sandboxRejectsInvalidBodyWithDas200100()
    {
        ConnectionRequest r = validRequest();
        r.port = QStringLiteral("70000");
        r.username = QStringLiteral(" root");
        const auto [status, body] = postBypassingValidation(r);
        QCOMPARE(status, 400);
        QVERIFY2(body.contains("DAS.200100"), body.constData());
        QVERIFY2(body.contains("port") && body.contains("username"), body.constData());
    }

    void sandboxRejectsEngineNetworkMismatch_data()
    {
        QTest::addColumn<QString>("engine");
        QTest::addColumn<QString>("network");
        QTest::addColumn<bool>("fits");
        QTest::newRow("mysql/dds") << QStringLiteral("mysql") << QStringLiteral("dds") << false;
        QTest::newRow("mongodb/rds") << QStringLiteral("mongodb") << QStringLiteral("rds") << false;
        QTest::newRow("gaussdbv5/rds") << QStringLiteral("gaussdbv5") << QStringLiteral("rds") << false;
        QTest::newRow("ddm/gaussdb") << QStringLiteral("ddm") << QStringLiteral("gaussdb") << false;
        QTest::newRow("taurus/dds") << QStringLiteral("taurus") << QStringLiteral("dds") << false;
        // The same route with a pair that fits creates: the refusals above come from the rule.
        QTest::newRow("taurus/gaussdb") << QStringLiteral("taurus") << QStringLiteral("gaussdb") << true;
        QTest::newRow("mongodb/dds") << QStringLiteral("mongodb") << QStringLiteral("dds") << true;
    }

    void sandboxRejectsEngineNetworkMismatch()
    {
        QFETCH(QString, engine);
        QFETCH(QString, network);
        QFETCH(bool, fits);
        ConnectionRequest r = validRequest();
        r.engineType = engine;
        r.networkType = network;
        const auto [status, body] = postBypassingValidation(r);
        QCOMPARE(m_server->requestCount(), 1);
        if (fits) {
            QCOMPARE(status, 200);
            QVERIFY2(body.contains("connection_id"), body.constData());
            QCOMPARE(m_server->issuedConnectionIds().size(), 1);
            return;
        }
        QCOMPARE(status, 400);
        QVERIFY2(body.contains("DAS.200100"), body.constData());
        QVERIFY2(body.contains("network_type") && body.contains(engine.toLatin1()) &&
                     body.contains(network.toLatin1()),
                 body.constData());
        QVERIFY(m_server->issuedConnectionIds().isEmpty());
    }

    void invalidInputIsNotSent()
    {
        ConnectionRequest r = validRequest();
        r.port = QStringLiteral("65536");
        const CreateResult result = create(r);
        QCOMPARE(result.outcome, Outcome::InvalidInput);
        QCOMPARE(result.violations.size(), 1);
        QCOMPARE(result.violations.constFirst().field, QStringLiteral("port"));
        QCOMPARE(m_server->requestCount(), 0);
        QCOMPARE(result.exitCode(), 2);
    }

    void connectionRefused()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close();
        CreateResult r;
        QVERIFY(waitFor(m_client->createConnection(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)),
                                                   validRequest(), demoCredentials()),
                        &r));
        QCOMPARE(r.outcome, Outcome::NotSent);
        QVERIFY(!r.requestSent);
        QVERIFY2(r.explanation.contains(QStringLiteral("refused")), qPrintable(r.explanation));
        QCOMPARE(r.exitCode(), 5);
    }

    void connectionResetIsOutcomeUnknown()
    {
        m_server->setMode(SandboxOptions::Mode::Reset);
        const CreateResult r = create();
        QCOMPARE(r.outcome, Outcome::Unknown);
        QVERIFY(r.requestSent);
        QVERIFY2(r.explanation.contains(QStringLiteral("may or may not have been created")),
                 qPrintable(r.explanation));
        QCOMPARE(m_server->requestCount(), 1);
    }

    void dnsFailure()
    {
        CreateResult r;
        QVERIFY(
            waitFor(m_client->createConnection(QUrl(QStringLiteral("https://das.nonexistent-region.invalid")),
                                               validRequest(), demoCredentials()),
                    &r));
        QCOMPARE(r.outcome, Outcome::NotSent);
        QVERIFY2(r.explanation.contains(QStringLiteral("DNS")), qPrintable(r.explanation));
    }

    void inactivityTimeoutAfterSendIsUnknown()
    {
        m_server->setMode(SandboxOptions::Mode::Hang);
        ClientOptions options;
        options.inactivityTimeoutMs = 300;
        QString error;
        QVERIFY(m_client->setOptions(options, &error));
        const CreateResult r = create();
        QCOMPARE(r.outcome, Outcome::Unknown);
        QVERIFY(r.timedOut);
        QVERIFY(r.requestSent);
        QCOMPARE(m_server->requestCount(), 1);
    }

    void overallDeadline()
    {
        m_server->setLatencyMs(5000);
        ClientOptions options;
        options.deadlineMs = 400;
        QString error;
        QVERIFY(m_client->setOptions(options, &error));
        const CreateResult r = create();
        QCOMPARE(r.outcome, Outcome::Unknown);
        QVERIFY(r.timedOut);
        QVERIFY2(r.detail.contains(QStringLiteral("deadline")), qPrintable(r.detail));
    }

    void cancelIsNotTimeout()
    {
        m_server->setLatencyMs(5000);
        CreateJob* job = m_client->createConnection(m_server->url(), validRequest(), demoCredentials());
        CreateResult r;
        bool done = false;
        connect(job, &CreateJob::finished, this, [&](const CreateResult& result) {
            r = result;
            done = true;
        });
        QTRY_COMPARE_WITH_TIMEOUT(m_server->requestCount(), 1, 10000);
        job->cancel();
        QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
        QCOMPARE(r.outcome, Outcome::Cancelled);
        QVERIFY(!r.timedOut);
        QVERIFY(r.requestSent);
        QVERIFY(r.explanation.contains(QStringLiteral("may or may not have been created")));
    }

    void cancelBeforeStartSendsNothing()
    {
        // Cancelled before its queued start ran: nothing may go out, and nothing may crash afterwards.
        CreateJob* job = m_client->createConnection(m_server->url(), validRequest(), demoCredentials());
        CreateResult r;
        bool done = false;
        connect(job, &CreateJob::finished, this, [&](const CreateResult& result) {
            r = result;
            done = true;
        });
        job->cancel();
        QVERIFY(done);
        QCOMPARE(r.outcome, Outcome::Cancelled);
        QVERIFY(!r.requestSent);
        QPointer<CreateJob> guard(job);
        QTRY_VERIFY(guard.isNull()); // its queued start and deferred delete have both run
        // A full create afterwards is the barrier: a request the cancelled job sent would have arrived first.
        QCOMPARE(create().outcome, Outcome::Created);
        QCOMPARE(m_server->requestCount(), 1);
    }

    void responseBodyIsCapped()
    {
        m_server->setMode(SandboxOptions::Mode::Large);
        const CreateResult r = create();
        QCOMPARE(r.outcome, Outcome::Unknown);
        QVERIFY2(r.explanation.contains(QStringLiteral("larger than")), qPrintable(r.explanation));
    }

    void untrustedTlsFailsAndCaFileFixesIt()
    {
        startTlsSandbox();

        CreateResult r = create();
        QCOMPARE(r.outcome, Outcome::NotSent);
        QVERIFY2(r.explanation.contains(QStringLiteral("TLS")), qPrintable(r.explanation));
        QVERIFY(m_server->issuedConnectionIds().isEmpty());

        ClientOptions withCa;
        withCa.caFile = testCertificate();
        QString error;
        QVERIFY2(m_client->setOptions(withCa, &error), qPrintable(error));
        r = create();
        QVERIFY2(r.outcome == Outcome::Created, qPrintable(r.explanation + u' ' + r.detail));
        QCOMPARE(r.connectionId, m_server->issuedConnectionIds().constFirst());
    }

    void badCaFileIsRejected()
    {
        ClientOptions options;
        options.caFile = QStringLiteral(DAS_TEST_DATA_DIR "/signing-vectors.json");
        QString error;
        QVERIFY(!m_client->setOptions(options, &error));
        QVERIFY(error.contains(QStringLiteral("no PEM certificate")));
    }
};

QTEST_GUILESS_MAIN(TestDasClient)
#include "tst_dasclient.moc"
