// The sandbox's read calls (instances, nodes, database names, IAM projects) against a started SandboxServer:
// signed GETs made with the client's own signer, answers in the API's shapes, paging, refusals, fault modes.
#include "RawHttp.h"
#include "SandboxInventory.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

using namespace das;
using namespace das::test;

namespace {

const QString Project = QLatin1String(SandboxOptions::DemoProjectId);
const QString Demo = QLatin1String(SandboxOptions::DemoInstanceId);

QUrlQuery query(std::initializer_list<QPair<QString, QString>> items)
{
    QUrlQuery q;
    for (const auto& item : items)
        q.addQueryItem(item.first, item.second);
    return q;
}

QJsonObject json(const RawResponse& r)
{
    return QJsonDocument::fromJson(r.body).object();
}

QString instancesPath()
{
    return QStringLiteral("/v3/%1/instances").arg(Project);
}

} // namespace

class TestSandboxInventory : public QObject, public SandboxFixture
{
    Q_OBJECT

    RawResponse listInstances(const QString& type, int offset, int limit)
    {
        return signedGet(m_server->url(), instancesPath(),
                         query({{QStringLiteral("datastore_type"), type},
                                {QStringLiteral("offset"), QString::number(offset)},
                                {QStringLiteral("limit"), QString::number(limit)}}));
    }

private slots:
    void init() { startSandbox(); }
    void cleanup() { resetFixture(); }

    // All pages of one type: every instance exactly once, total_count the full count on every page.
    void pagingSeesEveryInstanceOnce()
    {
        QSet<QString> seen;
        int pages = 0;
        for (int offset = 0;; offset += 30, ++pages) {
            const RawResponse r = listInstances(QStringLiteral("MySQL"), offset, 30);
            QCOMPARE(r.status, 200);
            QCOMPARE(json(r).value(QLatin1String("total_count")).toInt(), 80);
            const QJsonArray page = json(r).value(QLatin1String("instance_list")).toArray();
            for (const QJsonValue& item : page)
                seen.insert(item.toObject().value(QLatin1String("instance_id")).toString());
            if (page.size() < 30)
                break;
        }
        QCOMPARE(pages, 2); // 30 + 30 + 20
        QCOMPARE(seen.size(), 80);
        QVERIFY(seen.contains(Demo));
    }

    void defaultPageIsTwenty()
    {
        const RawResponse r =
            signedGet(m_server->url(), instancesPath(),
                      query({{QStringLiteral("datastore_type"), QStringLiteral("PostgreSQL")}}));
        QCOMPARE(r.status, 200);
        QCOMPARE(json(r).value(QLatin1String("instance_list")).toArray().size(), 20);
        QCOMPARE(json(r).value(QLatin1String("total_count")).toInt(), 50);
    }

    // Each item has exactly the ListCloudDbaInstances fields, with the API's types.
    void everyTypeHasInstancesInTheApiShape()
    {
        const QStringList fields =
            QStringLiteral("charge_flag cpu deadlock_flag engine_type full_sql_flag "
                           "instance_id instance_name instance_status ip lock_blocking_flag "
                           "login_flag mem port slow_sql_flag version")
                .split(u' ');
        for (const QString& type : SandboxInventory::datastoreTypes()) {
            const RawResponse r = listInstances(type, 0, 200);
            QCOMPARE(r.status, 200);
            const QJsonArray list = json(r).value(QLatin1String("instance_list")).toArray();
            QVERIFY2(!list.isEmpty(), qPrintable(type));
            const QJsonObject item = list.first().toObject();
            QCOMPARE(item.keys(), fields);
            QVERIFY(item.value(QLatin1String("port")).isDouble());
            QVERIFY(item.value(QLatin1String("login_flag")).isBool());
            QVERIFY(item.value(QLatin1String("ip")).toString().startsWith(QLatin1String("10.")));
        }
    }

    void pagingParametersAreChecked_data()
    {
        QTest::addColumn<QUrlQuery>("parameters");
        const QString type = QStringLiteral("datastore_type");
        QTest::newRow("no datastore_type") << query({{QStringLiteral("limit"), QStringLiteral("5")}});
        QTest::newRow("unknown type") << query({{type, QStringLiteral("Oracle")}});
        QTest::newRow("lower-case type") << query({{type, QStringLiteral("mysql")}});
        QTest::newRow("limit 0") << query(
            {{type, QStringLiteral("MySQL")}, {QStringLiteral("limit"), QStringLiteral("0")}});
        QTest::newRow("limit 201") << query(
            {{type, QStringLiteral("MySQL")}, {QStringLiteral("limit"), QStringLiteral("201")}});
        QTest::newRow("offset 5001") << query(
            {{type, QStringLiteral("MySQL")}, {QStringLiteral("offset"), QStringLiteral("5001")}});
        QTest::newRow("offset -1") << query(
            {{type, QStringLiteral("MySQL")}, {QStringLiteral("offset"), QStringLiteral("-1")}});
        QTest::newRow("limit text") << query(
            {{type, QStringLiteral("MySQL")}, {QStringLiteral("limit"), QStringLiteral("ten")}});
        QTest::newRow("repeated") << query({{type, QStringLiteral("MySQL")}, {type, QStringLiteral("DDM")}});
    }

    void pagingParametersAreChecked()
    {
        QFETCH(QUrlQuery, parameters);
        const RawResponse r = signedGet(m_server->url(), instancesPath(), parameters);
        QCOMPARE(r.status, 400);
        QCOMPARE(json(r).value(QLatin1String("error_code")).toString(), QStringLiteral("DAS.200100"));
    }

    void limitBoundsAreAccepted()
    {
        QCOMPARE(listInstances(QStringLiteral("MySQL"), 5000, 200).status, 200);
        QCOMPARE(json(listInstances(QStringLiteral("MySQL"), 79, 1))
                     .value(QLatin1String("instance_list"))
                     .toArray()
                     .size(),
                 1);
    }

    void nodesOfKnownAndUnknownInstances()
    {
        const QString path = QStringLiteral("/v3/%1/instance/nodes-info").arg(Project);
        const RawResponse r = signedGet(m_server->url(), path,
                                        query({{QStringLiteral("instance_id"), Demo},
                                               {QStringLiteral("datastore_type"), QStringLiteral("MySQL")}}));
        QCOMPARE(r.status, 200);
        QCOMPARE(json(r).value(QLatin1String("instance_id")).toString(), Demo);
        QCOMPARE(json(r).value(QLatin1String("instance_name")).toString(),
                 QStringLiteral("orders-db-prod-01"));
        const QJsonArray nodes = json(r).value(QLatin1String("instance_nodes")).toArray();
        QCOMPARE(nodes.size(), 3);
        const QJsonObject master = nodes.first().toObject();
        QCOMPARE(master.keys(), QStringLiteral("id name role status type").split(u' '));
        QCOMPARE(master.value(QLatin1String("id")).toString(), validRequest().nodeIds.constFirst());
        QCOMPARE(master.value(QLatin1String("role")).toString(), QStringLiteral("master"));

        for (const auto& [id, type] :
             {QPair<QString, QString>{QStringLiteral("0123456789abcdef0123456789abcdefin01"),
                                      QStringLiteral("MySQL")},
              QPair<QString, QString>{Demo, QStringLiteral("PostgreSQL")}}) {
            const RawResponse unknown = signedGet(
                m_server->url(), path,
                query({{QStringLiteral("instance_id"), id}, {QStringLiteral("datastore_type"), type}}));
            QCOMPARE(unknown.status, 400);
            QCOMPARE(json(unknown).value(QLatin1String("error_code")).toString(),
                     QStringLiteral("DAS.200114"));
        }
    }

    void databaseNames()
    {
        const QString path = QStringLiteral("/v3/%1/instances/%2/databases/get-name-list").arg(Project, Demo);
        const RawResponse r = signedGet(m_server->url(), path,
                                        query({{QStringLiteral("engine_type"), QStringLiteral("mysql")}}));
        QCOMPARE(r.status, 200);
        const QJsonArray data = json(r).value(QLatin1String("data")).toArray();
        QCOMPARE(json(r).value(QLatin1String("total")).toInt(), data.size());
        QVERIFY(data.size() >= 2);
        QCOMPARE(data.first().toString(), QStringLiteral("orders"));
        QCOMPARE(signedGet(m_server->url(), path,
                           query({{QStringLiteral("engine_type"), QStringLiteral("mongodb")}}))
                     .status,
                 400);
        QCOMPARE(signedGet(m_server->url(), path, {}).status, 400);
    }

    // Zero, one and several projects of a name, in the KeystoneListProjects shape.
    void iamProjectLookup_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QStringList>("ids");
        QTest::newRow("region") << QStringLiteral("cn-north-4") << QStringList{Project};
        QTest::newRow("unknown") << QStringLiteral("xx-nowhere-9") << QStringList{};
        QTest::newRow("several") << QString(QLatin1String(SandboxInventory::MultiProjectName))
                                 << QStringList{Project, QLatin1String(SandboxInventory::SecondProjectId)};
    }

    void iamProjectLookup()
    {
        QFETCH(QString, name);
        QFETCH(QStringList, ids);
        const RawResponse r = signedGet(m_server->url(), QStringLiteral("/v3/projects"),
                                        query({{QStringLiteral("name"), name}}));
        QCOMPARE(r.status, 200);
        QStringList got;
        for (const QJsonValue& p : json(r).value(QLatin1String("projects")).toArray()) {
            const QJsonObject project = p.toObject();
            QCOMPARE(project.value(QLatin1String("name")).toString(), name);
            QVERIFY(project.value(QLatin1String("enabled")).toBool());
            QVERIFY(!project.value(QLatin1String("domain_id")).toString().isEmpty());
            got.append(project.value(QLatin1String("id")).toString());
        }
        QCOMPARE(got, ids);
    }

    // Without a name, like IAM, every project of the account: the inventory's own first.
    void iamListsEveryProjectWithoutAName()
    {
        const RawResponse r = signedGet(m_server->url(), QStringLiteral("/v3/projects"), {});
        QCOMPARE(r.status, 200);
        const QJsonArray projects = json(r).value(QLatin1String("projects")).toArray();
        QVERIFY(!projects.isEmpty());
        QCOMPARE(projects.first().toObject().value(QLatin1String("id")).toString(), QString(Project));
    }

    // The same 401 body as a create with the same wrong key; a token works as for create.
    void authenticationIsTheCreatesOne()
    {
        Credentials wrong = demoCredentials();
        wrong.secretKey = QStringLiteral("not-the-secret");
        const RawResponse create = exchange(m_server->port(), signedCreate(m_server->url(), wrong));
        const RawResponse read =
            signedGet(m_server->url(), instancesPath(),
                      query({{QStringLiteral("datastore_type"), QStringLiteral("MySQL")}}), wrong);
        QCOMPARE(create.status, 401);
        QCOMPARE(read.status, 401);
        for (const char* key : {"error_code", "error_msg"})
            QCOMPARE(json(read).value(QLatin1String(key)), json(create).value(QLatin1String(key)));
        const RawResponse iam =
            signedGet(m_server->url(), QStringLiteral("/v3/projects"),
                      query({{QStringLiteral("name"), QStringLiteral("cn-north-4")}}), wrong);
        QCOMPARE(iam.status, 401);
        QCOMPARE(signedGet(m_server->url(), QStringLiteral("/v3/projects"),
                           query({{QStringLiteral("name"), QStringLiteral("cn-north-4")}}),
                           Credentials::token(QLatin1String(SandboxOptions::DemoIamToken)))
                     .status,
                 200);
    }

    // The query is signed: another query on the wire with the same signature is refused.
    void theQueryIsPartOfTheSignature()
    {
        const QUrlQuery signedQuery = query({{QStringLiteral("datastore_type"), QStringLiteral("MySQL")}});
        QCOMPARE(signedGet(m_server->url(), instancesPath(), signedQuery, demoCredentials(),
                           "datastore_type=MySQL")
                     .status,
                 200);
        QCOMPARE(
            signedGet(m_server->url(), instancesPath(), signedQuery, demoCredentials(), "datastore_type=DDM")
                .status,
            401);
    }

    void unknownProjectIsRefused()
    {
        const RawResponse r =
            signedGet(m_server->url(), QStringLiteral("/v3/0123456789abcdef0123456789abcdef/instances"),
                      query({{QStringLiteral("datastore_type"), QStringLiteral("MySQL")}}));
        QCOMPARE(r.status, 400);
        QCOMPARE(json(r).value(QLatin1String("error_code")).toString(), QStringLiteral("DAS.200113"));
    }

    void faultModesApplyToReads()
    {
        const QUrlQuery mysql = query({{QStringLiteral("datastore_type"), QStringLiteral("MySQL")}});
        m_server->setMode(SandboxOptions::Mode::E500);
        QCOMPARE(signedGet(m_server->url(), instancesPath(), mysql).status, 500);
        m_server->setMode(SandboxOptions::Mode::Throttle);
        QCOMPARE(signedGet(m_server->url(), instancesPath(), mysql).status, 429);
        m_server->setMode(SandboxOptions::Mode::Truncated);
        const RawResponse truncated = signedGet(m_server->url(), instancesPath(), mysql);
        QCOMPARE(truncated.status, 200);
        QVERIFY(truncated.body.startsWith("{\"instance_list\":[{"));
        QVERIFY(QJsonDocument::fromJson(truncated.body).isNull());
        m_server->setMode(SandboxOptions::Mode::WrongType);
        QVERIFY(json(signedGet(m_server->url(), instancesPath(), mysql))
                    .value(QLatin1String("total_count"))
                    .isString());
        // Errors stay errors whatever the mode.
        QCOMPARE(signedGet(m_server->url(), instancesPath(), {}).status, 400);
    }

    void builtInInventoryIsDeterministic()
    {
        const SandboxInventory& inventory = SandboxInventory::builtIn();
        QCOMPARE(inventory.instances().size(), SandboxInventory::BuiltInCount);
        QCOMPARE(inventory.instances().first().id(), Demo);
        // Pinned: tests and demos may name these instances; a change to the formula must be deliberate.
        const SandboxInventory::Instance* mssql = inventory.find(inventory.instanceIds().at(80));
        QVERIFY(mssql);
        QCOMPARE(mssql->name(), QStringLiteral("orders-mssql-prod-01"));
        QCOMPARE(mssql->id(),
                 QStringLiteral("%1in01").arg(QString::fromLatin1(
                     QCryptographicHash::hash("das-sandbox/SQLServer/0", QCryptographicHash::Md5).toHex())));
        QStringList statuses;
        for (const SandboxInventory::Instance& instance : inventory.instances())
            statuses.append(instance.item.value(QLatin1String("instance_status")).toString());
        QVERIFY(statuses.contains(QStringLiteral("SHUTDOWN")));
        QVERIFY(statuses.contains(QStringLiteral("ABNORMAL")));
        QString error;
        const std::optional<SandboxInventory> copy = SandboxInventory::fromJson(inventory.toJson(), &error);
        QVERIFY2(copy, qPrintable(error));
        QCOMPARE(copy->toJson(), inventory.toJson());
        const SandboxOptions options;
        for (const QString& id : inventory.instanceIds())
            QVERIFY(options.instanceIds.contains(id));
    }

    void invalidInventoriesAreRefused_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("message");
        const QByteArray project = "\"project_id\": \"052041494800d57c2f02c00275b4c247\"";
        const QByteArray good =
            "\"instance_id\": \"0123456789abcdef0123456789abcdefin01\", \"instance_name\": "
            "\"a\", \"port\": 3306, \"datastore_type\": \"MySQL\"";
        QTest::newRow("not json") << QByteArray("[1,") << QStringLiteral("not a JSON object");
        QTest::newRow("no project") << QByteArray("{\"instances\": []}") << QStringLiteral("project_id");
        QTest::newRow("no instances") << "{" + project + "}" << QStringLiteral("instances must be a list");
        QTest::newRow("typo") << "{" + project + ", \"instance\": []}"
                              << QStringLiteral("unknown field \"instance\"");
        QTest::newRow("bad id") << "{" + project + ", \"instances\": [{" +
                                       QByteArray(good).replace("in01", "x") + "}]}"
                                << QStringLiteral("instances[0] needs an instance_id");
        QTest::newRow("port") << "{" + project + ", \"instances\": [{" +
                                     QByteArray(good).replace("3306", "70000") + "}]}"
                              << QStringLiteral("instances[0].port");
        QTest::newRow("type") << "{" + project + ", \"instances\": [{" +
                                     QByteArray(good).replace("MySQL", "Oracle") + "}]}"
                              << QStringLiteral("instances[0].datastore_type");
        QTest::newRow("duplicate") << "{" + project + ", \"instances\": [{" + good + "}, {" + good + "}]}"
                                   << QStringLiteral("more than once");
        QTest::newRow("node id") << "{" + project + ", \"instances\": [{" + good +
                                        ", \"instance_nodes\": [{\"id\": \"n1\", \"name\": \"a\", \"role\": "
                                        "\"master\", \"status\": \"ACTIVE\", \"type\": \"Single\"}]}]}"
                                 << QStringLiteral("Node ID 1");
        QTest::newRow("databases") << "{" + project + ", \"instances\": [{" + good + ", \"databases\": [1]}]}"
                                   << QStringLiteral("instances[0].databases");
    }

    void invalidInventoriesAreRefused()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, message);
        QString error;
        QVERIFY(!SandboxInventory::fromJson(json, &error));
        QVERIFY2(error.contains(message), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestSandboxInventory)
#include "tst_sandboxinventory.moc"
