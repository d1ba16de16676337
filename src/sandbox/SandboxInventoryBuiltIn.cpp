// The built-in inventory: BuiltInCount instances generated from a formula, so that it is the same on every
// run and tests can name what they pick ("orders-db-prod-01" is the demo instance). IDs are MD5 digests of a
// fixed text per instance and node: stable, well-formed, and unlike any real ID.
#include "SandboxInventory.h"

#include "SandboxOptions.h"

#include <QCryptographicHash>

namespace das {

namespace {

struct Engine
{
    const char* datastoreType;
    int count;        // instances of this type; the counts add up to BuiltInCount
    const char* kind; // the middle of the instance name
    int port;
    int otherPort; // some engines are also often run on a second port
    const char* versions[3];
};

// MySQL gets the most instances, so that its list runs to several pages at the default limit of 20.
const Engine Engines[] = {
    {"MySQL", 80, "db", 3306, 3306, {"8.0", "5.7", "8.0"}},
    {"SQLServer", 30, "mssql", 1433, 1433, {"2019_SE", "2017_EE", "2022_SE"}},
    {"PostgreSQL", 50, "pg", 5432, 5432, {"15", "14", "12"}},
    {"TaurusDB", 40, "taurus", 3306, 3306, {"8.0", "8.0", "8.0"}},
    {"gaussdbv5", 30, "gauss", 8000, 8000, {"8.201", "3.223", "2.7"}},
    {"mongodb", 30, "mongo", 8635, 27017, {"4.4", "4.2", "5.0"}},
    {"DDM", 20, "ddm", 5066, 5066, {"3.1.2", "3.0.9", "3.1.2"}},
    {"MariaDB", 20, "maria", 3306, 3306, {"10.5", "10.6", "10.5"}},
};

const char* const Applications[] = {"orders", "crm",     "billing", "inventory", "payments",
                                    "users",  "catalog", "reports", "auth",      "shipping",
                                    "ledger", "search",  "hr",      "notify",    "analytics"};
constexpr int ApplicationCount = int(sizeof(Applications) / sizeof(Applications[0]));
const char* const Environments[] = {"prod", "staging", "test", "dev"};
const char* const Suffixes[] = {"", "_archive", "_report", "_audit"};

QString digest(const QString& text)
{
    return QString::fromLatin1(QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Md5).toHex());
}

QJsonObject node(const QString& id, const QString& name, const char* role, const char* status,
                 const char* type)
{
    return QJsonObject{{QStringLiteral("id"), id},
                       {QStringLiteral("name"), name},
                       {QStringLiteral("role"), QLatin1String(role)},
                       {QStringLiteral("status"), QLatin1String(status)},
                       {QStringLiteral("type"), QLatin1String(type)}};
}

// One to three nodes: master, then slave (an HA pair), then a read-only replica. A stopped instance's nodes
// are stopped; an abnormal one has its standby down.
QJsonArray nodesOf(const QString& instanceId, const QString& name, int count, const QString& status)
{
    const bool stopped = status == QLatin1String("SHUTDOWN");
    const bool abnormal = status == QLatin1String("ABNORMAL");
    const char* up = stopped ? "SHUTDOWN" : "ACTIVE";
    QJsonArray nodes;
    for (int k = 0; k < count; ++k) {
        // The demo instance's master is the node ID the create examples and tests use.
        const QString id =
            instanceId == QLatin1String(SandboxOptions::DemoInstanceId) && k == 0
                ? QStringLiteral("6b0e3d1c2a9f4e8b9c7d5a4f3e2d1c0bno01")
                : QString(digest(instanceId + QStringLiteral("/node/%1").arg(k)) + QStringLiteral("no01"));
        const QString nodeName = name + QStringLiteral("_node%1").arg(k);
        if (k == 0)
            nodes.append(node(id, nodeName, "master", up, count == 1 ? "Single" : "Ha"));
        else if (k == 1)
            nodes.append(node(id, nodeName, "slave", abnormal ? "ABNORMAL" : up, "Ha"));
        else
            nodes.append(node(id, nodeName, "readonly", up, "Replica"));
    }
    return nodes;
}

SandboxInventory::Instance generate(const Engine& engine, int typeIndex, int i)
{
    const QString application = QLatin1String(Applications[i % ApplicationCount]);
    const QString name = QStringLiteral("%1-%2-%3-%4")
                             .arg(application, QLatin1String(engine.kind),
                                  QLatin1String(Environments[(i / ApplicationCount) % 4]))
                             .arg(i / (ApplicationCount * 4) + 1, 2, 10, QLatin1Char('0'));
    const QString id =
        typeIndex == 0 && i == 0
            ? QString(QLatin1String(SandboxOptions::DemoInstanceId))
            : QString(
                  digest(
                      QStringLiteral("das-sandbox/%1/%2").arg(QLatin1String(engine.datastoreType)).arg(i)) +
                  QStringLiteral("in01"));
    // Every 11th instance is stopped and every 13th abnormal, never the demo instance.
    const QString status = i > 0 && i % 11 == 5   ? QStringLiteral("SHUTDOWN")
                           : i > 0 && i % 13 == 7 ? QStringLiteral("ABNORMAL")
                                                  : QStringLiteral("ACTIVE");
    const int cpu = 2 << (i % 4);
    SandboxInventory::Instance instance;
    instance.datastoreType = QLatin1String(engine.datastoreType);
    instance.item = QJsonObject{
        {QStringLiteral("instance_id"), id},
        {QStringLiteral("instance_name"), name},
        {QStringLiteral("instance_status"), status},
        {QStringLiteral("version"), QLatin1String(engine.versions[i % 3])},
        {QStringLiteral("engine_type"), instance.datastoreType},
        // Private (RFC 1918) addresses as data: the sandbox never contacts them.
        {QStringLiteral("ip"),
         QStringLiteral("10.%1.%2.%3").arg(typeIndex + 1).arg(i / 200).arg(i % 200 + 10)},
        {QStringLiteral("port"), i % 2 ? engine.otherPort : engine.port},
        {QStringLiteral("cpu"), cpu},
        {QStringLiteral("mem"), cpu * 4},
        {QStringLiteral("login_flag"), i % 7 != 3},
        {QStringLiteral("slow_sql_flag"), i % 2 == 0},
        {QStringLiteral("deadlock_flag"), i % 3 == 0},
        {QStringLiteral("lock_blocking_flag"), i % 4 == 0},
        {QStringLiteral("charge_flag"), i % 5 != 0},
        {QStringLiteral("full_sql_flag"), i % 6 == 0},
    };
    // Offset so that the demo instance (index 0) has all three nodes and several databases.
    instance.nodes = nodesOf(id, name, (i + 2) % 3 + 1, status);
    for (int d = 0; d <= (i + typeIndex + 2) % 4; ++d)
        instance.databases.append(application + QLatin1String(Suffixes[d]));
    return instance;
}

} // namespace

const SandboxInventory& SandboxInventory::builtIn()
{
    static const SandboxInventory inventory = [] {
        SandboxInventory out;
        out.m_projectId = QLatin1String(SandboxOptions::DemoProjectId);
        out.m_domainId = QLatin1String(DemoDomainId);
        // Two projects of the same name: how the client's "several matches" message can be tried.
        for (const char* id : {SandboxOptions::DemoProjectId, SecondProjectId}) {
            out.m_projects.append(QJsonObject{{QStringLiteral("id"), QLatin1String(id)},
                                              {QStringLiteral("name"), QLatin1String(MultiProjectName)},
                                              {QStringLiteral("domain_id"), QLatin1String(DemoDomainId)},
                                              {QStringLiteral("enabled"), true}});
        }
        int typeIndex = 0;
        for (const Engine& engine : Engines) {
            for (int i = 0; i < engine.count; ++i)
                out.m_instances.append(generate(engine, typeIndex, i));
            ++typeIndex;
        }
        return out;
    }();
    return inventory;
}

} // namespace das
