// The batch planner against the in-process sandbox: instance and node names resolved (engine and usual
// network filled), ambiguous and unknown names refused, connections DAS already holds skipped with their IDs,
// duplicates in the file, a read failure, rows of several projects, edited rows planned again, and never a
// create sent. The training file (resources/sandbox-batch-sample.csv) plans without an invalid row.
#include "BatchPlanner.h"
#include "CreateJob.h"
#include "DasClient.h"
#include "InstanceCatalog.h"
#include "SandboxServer.h"
#include "WorkflowTestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace das;
using namespace das::test;
using namespace Qt::Literals::StringLiterals;

namespace {

const QString Project = QLatin1String(SandboxOptions::DemoProjectId);
const QString Second = QLatin1String(SandboxInventory::SecondProjectId);
const QString Demo = QLatin1String(SandboxOptions::DemoInstanceId);

const SandboxInventory::Instance& named(const QString& name)
{
    for (const SandboxInventory::Instance& instance : SandboxInventory::builtIn().instances()) {
        if (instance.name() == name)
            return instance;
    }
    qFatal("no instance %s in the built-in inventory", qPrintable(name));
}

QByteArray idOf(const char* name)
{
    return named(QString::fromUtf8(name)).id().toUtf8();
}

QStringList rulesOf(const BatchRowPlan& row)
{
    QStringList out;
    for (const BatchViolation& v : row.violations)
        out.append(v.column + u':' + v.rule);
    return out;
}

QString messagesOf(const BatchRowPlan& row)
{
    QStringList out;
    for (const BatchViolation& v : row.violations)
        out.append(v.message);
    return out.join(u'\n');
}

} // namespace

class TestBatchPlanner : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<DasClient> m_client;
    QStringList m_paths; // every request the sandbox received

    bool startSandbox(const SandboxOptions& options = SandboxOptions())
    {
        m_server = std::make_unique<SandboxServer>(options);
        connect(m_server.get(), &SandboxServer::requestReceived, this,
                [this](const QString&, const QString& path, const QString&) { m_paths.append(path); });
        QString error;
        if (!m_server->start(&error))
            qWarning("%s", qPrintable(error));
        return m_server->port() != 0;
    }

    BatchPlanner::Request request(const BatchFileContent& content,
                                  const CredentialChoice& credentials = demoChoice())
    {
        BatchPlanner::Request r;
        r.endpoint = m_server->url();
        r.defaultProjectId = Project;
        r.credentials = credentials;
        r.content = content;
        return r;
    }

    BatchPlanner::Outcome plan(const QByteArray& file, const CredentialChoice& credentials = demoChoice())
    {
        BatchPlanner planner({m_client.get(), nullptr});
        return runToEnd(planner, request(BatchFileReader::parse(file), credentials));
    }

    // A connection made on the sandbox the way a create would make it.
    QString create(const QString& username, const QString& database)
    {
        ConnectionRequest r = SandboxOptions::demoRequest();
        r.username = username;
        r.databaseName = database;
        r.password = u"Gauss_2345"_s;
        CreateJob* job = m_client->createConnection(m_server->url(), r, demoChoice().credentials);
        QSignalSpy spy(job, &CreateJob::finished);
        if (!spy.wait(20000))
            return QString();
        return spy.at(0).at(0).value<CreateResult>().connectionId;
    }

private slots:
    void init()
    {
        m_client = std::make_unique<DasClient>();
        m_paths.clear();
        InstanceCatalog::clearCache();
    }

    void cleanup()
    {
        m_server.reset();
        m_client.reset();
    }

    void namesAreResolved()
    {
        QVERIFY(startSandbox());
        const BatchPlanner::Outcome o = plan("instance_name,instance_id,username,engine_type\n"
                                             "orders-db-prod-01,,a,\n"
                                             "billing-pg-prod-01,,b,\n"
                                             "billing-mongo-prod-01,,c,\n"
                                             "orders-taurus-prod-01,,d,\n"
                                             "," +
                                             idOf("crm-gauss-prod-01") +
                                             ",e,\n"
                                             "crm-db-prod-01,,f,postgresql\n"
                                             "orders-maria-prod-01,,g,\n"
                                             "orders-db-prod-01," +
                                             idOf("billing-db-prod-01") + ",h,\n");
        QVERIFY2(o.ok, qPrintable(o.failure.explanation));
        const QList<BatchRowPlan>& rows = o.plan.rows;
        QCOMPARE(rows.size(), 8);
        const struct
        {
            const char* name;
            const char* engine;
            const char* network;
        } expected[] = {{"orders-db-prod-01", "mysql", "rds"},
                        {"billing-pg-prod-01", "postgresql", "rds"},
                        {"billing-mongo-prod-01", "mongodb", "dds"},
                        {"orders-taurus-prod-01", "taurus", "rds"},
                        {"crm-gauss-prod-01", "gaussdbv5", "gaussdb"}};
        for (int i = 0; i < 5; ++i) {
            const BatchRowPlan& row = rows.at(i);
            QVERIFY2(row.action == BatchRowPlan::Action::Create, qPrintable(row.summary()));
            QCOMPARE(row.request.instanceId, named(QString::fromUtf8(expected[i].name)).id());
            QCOMPARE(row.instanceName, QString::fromUtf8(expected[i].name));
            QCOMPARE(row.request.engineType, QString::fromUtf8(expected[i].engine));
            QCOMPARE(row.request.networkType, QString::fromUtf8(expected[i].network));
        }
        QCOMPARE(rows.at(0).request.instanceId, Demo);
        QCOMPARE(rulesOf(rows.at(5)), QStringList({u"engine_type:resolve"_s}));
        QVERIFY(messagesOf(rows.at(5)).contains(u"engine type mysql, not postgresql"_s));
        QCOMPARE(rulesOf(rows.at(6)), QStringList({u"instance_name:resolve"_s}));
        QVERIFY(messagesOf(rows.at(6)).contains(u"MariaDB"_s));
        QCOMPARE(rulesOf(rows.at(7)), QStringList({u"instance_name:resolve"_s}));
        QVERIFY(messagesOf(rows.at(7)).contains(u"billing-db-prod-01"_s));
        QCOMPARE(o.plan.count(BatchRowPlan::Action::Create), 5);
        QCOMPARE(m_server->createCount(), 0);
    }

    void ambiguousAndUnknownNamesAreRefused()
    {
        QJsonObject inventory = QJsonDocument::fromJson(SandboxInventory::builtIn().toJson()).object();
        QJsonArray instances = inventory.value(u"instances"_s).toArray();
        QJsonObject twin = instances.at(1).toObject(); // crm-db-prod-01, renamed like the demo instance
        const QString twinId = twin.value(u"instance_id"_s).toString();
        twin.insert(u"instance_name"_s, u"orders-db-prod-01"_s);
        instances.replace(1, twin);
        inventory.insert(u"instances"_s, instances);
        QString error;
        const std::optional<SandboxInventory> replacement =
            SandboxInventory::fromJson(QJsonDocument(inventory).toJson(), &error);
        QVERIFY2(replacement, qPrintable(error));
        SandboxOptions options;
        options.setInventory(*replacement);
        QVERIFY(startSandbox(options));

        const BatchPlanner::Outcome o = plan("instance_name,instance_id,username\n"
                                             "orders-db-prod-01,,a\n"
                                             "no-such-db,,b\n"
                                             "orders-db-prod-01," +
                                             twinId.toUtf8() + ",c\n");
        QVERIFY2(o.ok, qPrintable(o.failure.explanation));
        const QList<BatchRowPlan>& rows = o.plan.rows;
        QCOMPARE(rulesOf(rows.at(0)), QStringList({u"instance_name:resolve"_s}));
        const QString ambiguous = messagesOf(rows.at(0));
        QVERIFY2(ambiguous.contains(Demo) && ambiguous.contains(twinId) &&
                     ambiguous.contains(u"instance_id"_s),
                 qPrintable(ambiguous));
        QCOMPARE(rulesOf(rows.at(1)), QStringList({u"instance_name:resolve"_s}));
        QVERIFY(messagesOf(rows.at(1)).contains(u"no instance named \u201cno-such-db\u201d"_s));
        QCOMPARE(rows.at(2).action, BatchRowPlan::Action::Create); // the ID settles it
        QCOMPARE(rows.at(2).request.instanceId, twinId);
    }

    void nodeNamesAreResolved()
    {
        QVERIFY(startSandbox());
        const QJsonArray nodes = named(u"orders-db-prod-01"_s).nodes;
        QCOMPARE(nodes.size(), 3);
        const BatchPlanner::Outcome o =
            plan("instance_name,instance_id,engine_type,username,node_names\n"
                 "orders-db-prod-01,,,a,orders-db-prod-01_node0;orders-db-prod-01_node2\n"
                 "orders-db-prod-01,,,b,orders-db-prod-01_node9\n"
                 ",ffffffffffffffffffffffffffffffffin01,mysql,c,n0\n");
        QVERIFY2(o.ok, qPrintable(o.failure.explanation));
        const QList<BatchRowPlan>& rows = o.plan.rows;
        QCOMPARE(rows.at(0).action, BatchRowPlan::Action::Create);
        QCOMPARE(rows.at(0).request.nodeIds, QStringList({nodes.at(0).toObject().value(u"id"_s).toString(),
                                                          nodes.at(2).toObject().value(u"id"_s).toString()}));
        QVERIFY(rows.at(0).nodeNames.isEmpty());
        QCOMPARE(rulesOf(rows.at(1)), QStringList({u"node_names:resolve"_s}));
        QVERIFY(messagesOf(rows.at(1)).contains(u"orders-db-prod-01_node1"_s)); // the nodes it does have
        QCOMPARE(rulesOf(rows.at(2)), QStringList({u"node_names:resolve"_s}));  // DAS refused that instance
        QVERIFY(messagesOf(rows.at(2)).contains(u"could not be listed"_s));
    }

    void existingConnectionsAreSkipped()
    {
        QVERIFY(startSandbox());
        const QString root = create(u"root"_s, QString());
        const QString orders = create(u"root"_s, u"orders"_s);
        QVERIFY(!root.isEmpty() && !orders.isEmpty());
        const BatchPlanner::Outcome o = plan("instance_name,username,database_name\n"
                                             "orders-db-prod-01,root,\n"
                                             "orders-db-prod-01,root,orders\n"
                                             "orders-db-prod-01,root,orders_archive\n");
        QVERIFY2(o.ok, qPrintable(o.failure.explanation));
        QCOMPARE(o.plan.rows.at(0).action, BatchRowPlan::Action::Skip);
        QCOMPARE(o.plan.rows.at(0).existingId, root);
        QCOMPARE(o.plan.rows.at(0).summary(), u"skip (exists: %1)"_s.arg(root));
        QCOMPARE(o.plan.rows.at(1).existingId, orders);
        QCOMPARE(o.plan.rows.at(2).action, BatchRowPlan::Action::Create);
        QCOMPARE(m_server->createCount(), 2); // the two made above, none by the plan
    }

    void duplicatesInTheFileAfterResolution()
    {
        QVERIFY(startSandbox());
        const BatchPlanner::Outcome o = plan("instance_name,instance_id,engine_type,username,database_name\n"
                                             "orders-db-prod-01,,,u,orders\n"
                                             "," +
                                             Demo.toUtf8() +
                                             ",mysql,u,orders\n"
                                             "orders-db-prod-01,,,u,\n");
        QVERIFY2(o.ok, qPrintable(o.failure.explanation));
        QCOMPARE(o.plan.rows.at(0).action, BatchRowPlan::Action::Create);
        QCOMPARE(rulesOf(o.plan.rows.at(1)), QStringList({u"username:duplicate"_s}));
        QVERIFY(messagesOf(o.plan.rows.at(1)).contains(u"row 2"_s));
        QCOMPARE(o.plan.rows.at(2).action, BatchRowPlan::Action::Create);
    }

    void aReadFailureEndsThePlan()
    {
        QVERIFY(startSandbox());
        const BatchPlanner::Outcome o =
            plan("instance_name,username\norders-db-prod-01,u\n", demoChoice(u"not-the-secret-key"_s));
        QVERIFY(!o.ok);
        QCOMPARE(o.failure.outcome, CreateResult::Outcome::AuthFailed);
        QCOMPARE(o.exitCode(), 3);
        QVERIFY(o.plan.rows.isEmpty());
    }

    void rowsOfSeveralProjects()
    {
        QVERIFY(startSandbox());
        const BatchPlanner::Outcome o =
            plan("project_id,instance_name,username\n"
                 "," +
                 QByteArray("orders-db-prod-01,a\n") + Second.toUtf8() + ",billing-pg-prod-01,b\n");
        QVERIFY2(o.ok, qPrintable(o.failure.explanation));
        QCOMPARE(o.plan.count(BatchRowPlan::Action::Create), 2);
        QCOMPARE(o.plan.rows.at(1).request.projectId, Second);
        for (const QString& project : {Project, Second}) {
            for (const QString& call : {u"/instances"_s, u"/list-connections"_s}) {
                const QString path = u"/v3/"_s + project + call; // the sandbox logs paths without the query
                QVERIFY2(m_paths.contains(path), qPrintable(path + u" not asked: "_s + m_paths.join(u' ')));
            }
        }
    }

    void fileProblemsArePlannedWithoutAsking()
    {
        QVERIFY(startSandbox());
        const BatchPlanner::Outcome o =
            plan("instance_name,username,password\norders-db-prod-01,u,x\n,v,y\n");
        QVERIFY(o.ok);
        QVERIFY(!o.plan.usable());
        QCOMPARE(o.plan.rows.size(), 2);
        QCOMPARE(rulesOf(o.plan.rows.at(1)), QStringList({u"instance_id:required"_s}));
        QCOMPARE(m_server->requestCount(), 0);
    }

    void editedRowsArePlannedAgain()
    {
        QVERIFY(startSandbox());
        BatchPlanner planner({m_client.get(), nullptr});
        BatchPlanner::Request r =
            request(BatchFileReader::parse("instance_name,username\nno-such-db,a\norders-db-prod-01,b\n"));
        const BatchPlanner::Outcome first = runToEnd(planner, r);
        QCOMPARE(first.plan.count(BatchRowPlan::Action::Invalid), 1);
        r.rows = first.plan.rows;
        r.rows[0].source.cells.insert(u"instance_name"_s, u"billing-pg-prod-01"_s);
        r.rows[1].excluded = true;
        const BatchPlanner::Outcome second = runToEnd(planner, r);
        QVERIFY2(second.ok, qPrintable(second.failure.explanation));
        QCOMPARE(second.plan.rows.at(0).action, BatchRowPlan::Action::Create);
        QCOMPARE(second.plan.rows.at(0).request.engineType, u"postgresql"_s);
        QVERIFY(second.plan.rows.at(1).excluded);
        QVERIFY(!second.plan.rows.at(1).willSend());
    }

    void cancelEndsOnce()
    {
        QVERIFY(startSandbox());
        m_server->setLatencyMs(300);
        BatchPlanner planner({m_client.get(), nullptr});
        QSignalSpy finished(&planner, &BatchPlanner::finished);
        QSignalSpy stage(&planner, &BatchPlanner::stage);
        const BatchPlanner::Request r =
            request(BatchFileReader::parse("instance_name,username\norders-db-prod-01,a\n"));
        QVERIFY(planner.start(r));
        QVERIFY(stage.wait(20000)); // the instance list is being read
        planner.cancel();
        QCOMPARE(finished.size(), 1);
        QCOMPARE(planner.outcome().failure.outcome, CreateResult::Outcome::Cancelled);
        m_server->setLatencyMs(0);
        const BatchPlanner::Outcome again = runToEnd(planner, r); // nothing of the cancelled run calls back
        QVERIFY2(again.ok, qPrintable(again.failure.explanation));
        QCOMPARE(finished.size(), 2);
    }

    void trainingFilePlansCleanly()
    {
        QVERIFY(startSandbox());
        const BatchFileContent content = BatchFileReader::read(
            QStringLiteral(DAS_TEST_DATA_DIR "/../../resources/sandbox-batch-sample.csv"));
        QVERIFY(content.ok());
        BatchPlanner planner({m_client.get(), nullptr});
        const BatchPlanner::Outcome o = runToEnd(planner, request(content));
        QVERIFY2(o.ok, qPrintable(o.failure.explanation));
        QStringList invalid;
        QSet<QString> engines;
        bool nodes = false;
        bool database = false;
        for (const BatchRowPlan& row : o.plan.rows) {
            if (row.action != BatchRowPlan::Action::Create)
                invalid.append(row.summary());
            engines.insert(row.request.engineType);
            nodes = nodes || !row.request.nodeIds.isEmpty();
            database = database || !row.request.databaseName.isEmpty();
        }
        QVERIFY2(invalid.isEmpty(), qPrintable(invalid.join(u'\n')));
        QVERIFY(o.plan.rows.size() >= 10);
        QVERIFY(engines.size() >= 5 && nodes && database);

        const BatchPlanner::Outcome sample = plan(BatchFileReader::sampleCsv());
        QVERIFY2(sample.ok, qPrintable(sample.failure.explanation));
        QCOMPARE(sample.plan.count(BatchRowPlan::Action::Create), 2);
        QCOMPARE(m_server->createCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestBatchPlanner)
#include "tst_batchplanner.moc"
