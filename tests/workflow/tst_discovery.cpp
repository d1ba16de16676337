// The read side against the in-process sandbox on 127.0.0.1: ReadJob's explanations (shared with create),
// ProjectLookup's one/several/zero and cache, InstanceCatalog's engines, pages, cache, refresh and cancel,
// NodeList and DatabaseNameList, and the IAM endpoint rule.
#include "CreateJob.h"
#include "DasClient.h"
#include "IamEndpoint.h"
#include "InstanceCatalog.h"
#include "InstanceDetails.h"
#include "ProjectLookup.h"
#include "SandboxServer.h"
#include "WorkflowTestSupport.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace das;
using namespace das::test;

class TestDiscovery : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<DasClient> m_client;

    ReadWorkflow::Services services() { return {m_client.get(), nullptr}; }
    InstanceCatalog::Request catalogRequest(const QString& engine = QString())
    {
        InstanceCatalog::Request r;
        r.endpoint = m_server->url();
        r.projectId = QLatin1String(SandboxOptions::DemoProjectId);
        r.credentials = demoChoice();
        r.engineType = engine;
        return r;
    }

private slots:
    void init()
    {
        m_server = std::make_unique<SandboxServer>();
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
        m_client = std::make_unique<DasClient>();
        InstanceCatalog::clearCache();
        ProjectLookup::clearCache();
    }

    void cleanup()
    {
        m_client.reset();
        m_server.reset();
    }

    void iamEndpointRule()
    {
        IamEndpoint::Inputs in;
        in.region = QStringLiteral("cn-north-4");
        QCOMPARE(IamEndpoint::resolve(in).endpoint.toString(),
                 QStringLiteral("https://iam.cn-north-4.myhuaweicloud.com"));
        in.region = QStringLiteral("eu-west-101");
        QCOMPARE(IamEndpoint::resolve(in).endpoint.host(),
                 QStringLiteral("iam.eu-west-101.myhuaweicloud.eu"));
        in.region = QStringLiteral("tr-west-1"); // a DAS region the SDK lists no IAM host for
        QCOMPARE(IamEndpoint::resolve(in).endpoint.toString(), QLatin1String(IamEndpoint::GlobalEndpoint));
        in.environment.insert(QLatin1String(IamEndpoint::EnvironmentVariable),
                              QStringLiteral("iam.example.com"));
        QCOMPARE(IamEndpoint::resolve(in).endpoint.toString(), QStringLiteral("https://iam.example.com"));
        in.environment.insert(QLatin1String(IamEndpoint::EnvironmentVariable),
                              QStringLiteral("http://iam.example.com"));
        QVERIFY(!IamEndpoint::resolve(in).ok()); // plain http only on loopback
        in.sandboxEndpoint = m_server->url();
        QCOMPARE(IamEndpoint::resolve(in).endpoint, m_server->url());
    }

    // A wrong SK is explained by a read exactly as by a create.
    void readJobWrongSecretKeyLikeCreate()
    {
        Credentials wrong = demoChoice(QStringLiteral("not-the-secret")).credentials;
        ApiRequest read;
        read.pathSegments = {QStringLiteral("v3"), QStringLiteral("projects")};
        read.query = {{QStringLiteral("name"), QStringLiteral("cn-north-4")}};
        ReadJob* job = m_client->call(m_server->url(), read, wrong);
        QSignalSpy readSpy(job, &ReadJob::finished);
        QVERIFY(readSpy.wait(20000));
        const ReadResult result = readSpy.at(0).at(0).value<ReadResult>();
        QVERIFY(!result.ok);
        QCOMPARE(result.failure.outcome, CreateResult::Outcome::AuthFailed);
        QCOMPARE(result.exitCode(), 3);

        ConnectionRequest request = SandboxOptions::demoRequest();
        request.password = QStringLiteral("Gauss_2345");
        CreateJob* create = m_client->createConnection(m_server->url(), request, wrong);
        QSignalSpy createSpy(create, &CreateJob::finished);
        QVERIFY(createSpy.wait(20000));
        QCOMPARE(result.failure.explanation, createSpy.at(0).at(0).value<CreateResult>().explanation);
    }

    void readJobUnreachable()
    {
        const QUrl url = m_server->url();
        m_server.reset(); // nothing listens there any more
        ApiRequest call;
        call.pathSegments = {QStringLiteral("v3")};
        ReadJob* job = m_client->call(url, call, demoChoice().credentials);
        QSignalSpy spy(job, &ReadJob::finished);
        QVERIFY(spy.wait(20000));
        const ReadResult result = spy.at(0).at(0).value<ReadResult>();
        QCOMPARE(result.failure.outcome, CreateResult::Outcome::NotSent);
        QVERIFY(result.failure.explanation.contains(QStringLiteral("nothing was sent")));
    }

    void projectLookupOneSeveralZeroAndCache()
    {
        ProjectLookup lookup(services());
        auto outcome = runToEnd(
            lookup, ProjectLookup::Request{m_server->url(), QStringLiteral("cn-north-4"), demoChoice()});
        QVERIFY2(outcome.ok, qPrintable(outcome.failure.explanation));
        QCOMPARE(outcome.projectId, QLatin1String(SandboxOptions::DemoProjectId));
        QVERIFY(!outcome.fromCache);
        const int requests = m_server->requestCount();
        outcome = runToEnd(
            lookup, ProjectLookup::Request{m_server->url(), QStringLiteral("cn-north-4"), demoChoice()});
        QVERIFY(outcome.ok && outcome.fromCache);
        QCOMPARE(m_server->requestCount(), requests);

        outcome =
            runToEnd(lookup, ProjectLookup::Request{m_server->url(), QStringLiteral("sandbox-multi-project"),
                                                    demoChoice()});
        QVERIFY(!outcome.ok);
        QCOMPARE(outcome.projects.size(), 2);
        QCOMPARE(outcome.exitCode(), 2);
        QVERIFY(outcome.failure.explanation.contains(QLatin1String(SandboxOptions::DemoProjectId)));

        outcome = runToEnd(
            lookup, ProjectLookup::Request{m_server->url(), QStringLiteral("xx-nowhere-1"), demoChoice()});
        QVERIFY(!outcome.ok);
        QVERIFY(outcome.projects.isEmpty());
        QVERIFY(outcome.failure.explanation.contains(QStringLiteral("xx-nowhere-1")));
    }

    void catalogAllEnginesCacheAndRefresh()
    {
        InstanceCatalog catalog(services());
        QSignalSpy progress(&catalog, &InstanceCatalog::progress);
        auto outcome = runToEnd(catalog, catalogRequest());
        QVERIFY2(outcome.ok, qPrintable(outcome.failure.explanation));
        QCOMPARE(outcome.instances.size(), 300);
        QVERIFY(progress.size() >= 8);
        QCOMPARE(progress.last().at(0).toInt(), 300);
        QStringList types;
        for (const InstanceInfo& i : outcome.instances) {
            if (!types.contains(i.datastoreType))
                types.append(i.datastoreType);
            QCOMPARE(i.engineType, Datastore::engineFor(i.datastoreType));
        }
        QCOMPARE(types, Datastore::allTypes());
        QCOMPARE(Datastore::engineFor(QStringLiteral("MariaDB")), QString());

        const int requests = m_server->requestCount();
        outcome = runToEnd(catalog, catalogRequest(QStringLiteral("mysql")));
        QCOMPARE(m_server->requestCount(), requests); // from the cache
        QCOMPARE(outcome.instances.size(), 80);
        InstanceCatalog::Request refresh = catalogRequest(QStringLiteral("mysql"));
        refresh.refresh = true;
        outcome = runToEnd(catalog, refresh);
        QVERIFY(outcome.ok);
        QCOMPARE(m_server->requestCount(), requests + 1);
    }

    void catalogCancelEndsOnce()
    {
        m_server->setLatencyMs(5000);
        InstanceCatalog catalog(services());
        QSignalSpy finished(&catalog, &InstanceCatalog::finished);
        QSignalSpy sending(&catalog, &ReadWorkflow::sending);
        QVERIFY(catalog.start(catalogRequest()));
        QVERIFY(sending.wait(20000));
        catalog.cancel();
        QCOMPARE(finished.size(), 1);
        QCOMPARE(catalog.outcome().failure.outcome, CreateResult::Outcome::Cancelled);
        QVERIFY(!catalog.isRunning());
        QCoreApplication::processEvents(); // nothing of the cancelled run may report afterwards
        QCOMPARE(finished.size(), 1);
    }

    void nodesAndDatabaseNames()
    {
        InstanceTarget target{m_server->url(), QLatin1String(SandboxOptions::DemoProjectId), demoChoice(),
                              QLatin1String(SandboxOptions::DemoInstanceId), QStringLiteral("mysql")};
        NodeList nodes(services());
        const auto n = runToEnd(nodes, target);
        QVERIFY2(n.ok, qPrintable(n.failure.explanation));
        QVERIFY(!n.nodes.isEmpty());
        QCOMPARE(n.nodes.at(0).id, QStringLiteral("6b0e3d1c2a9f4e8b9c7d5a4f3e2d1c0bno01"));
        QVERIFY(!n.instanceName.isEmpty());
        DatabaseNameList names(services());
        const auto d = runToEnd(names, target);
        QVERIFY2(d.ok, qPrintable(d.failure.explanation));
        QVERIFY(d.names.contains(QStringLiteral("orders")));

        target.engineType = QStringLiteral("oracle");
        const auto bad = runToEnd(names, target);
        QCOMPARE(bad.exitCode(), 2);
    }
};

QTEST_GUILESS_MAIN(TestDiscovery)
#include "tst_discovery.moc"
