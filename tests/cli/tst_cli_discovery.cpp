// The read verbs (projects, instances, nodes, databases) and create's IAM project lookup, with
// das-connect-cli and das-sandbox as real processes on 127.0.0.1. A region is pointed at the sandbox with
// HUAWEICLOUD_SDK_REGION_DAS_<REGION>, and IAM with HUAWEICLOUD_SDK_IAM_ENDPOINT.
#include "CliHarness.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

namespace {

const char* const DemoAk = "DASSANDBOXDEMOAK0001";
const char* const DemoSk = "sandbox-demo-secret-key-do-not-use-in-production";
const char* const Project = "052041494800d57c2f02c00275b4c247";
const char* const Instance = "bcfa975193f1402fa11a6d4fd6baf5fbin01";
const char* const Node = "6b0e3d1c2a9f4e8b9c7d5a4f3e2d1c0bno01";
constexpr int ExtraMySql = 170; // the built-in 80 MySQL instances become 250: three pages of 100

QStringList withRegion(QStringList args, const QString& region = QStringLiteral("cn-north-4"))
{
    return args << QStringLiteral("--region") << region;
}

// The first "error: " line (the harness turns the debug log categories on, so stderr holds more).
QByteArray errorLine(const CliHarness::Run& run)
{
    for (const QByteArray& line : run.err.split('\n')) {
        if (line.startsWith("error: "))
            return line;
    }
    return {};
}

QJsonArray jsonArray(const CliHarness::Run& run)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(run.out, &error);
    if (error.error != QJsonParseError::NoError || !doc.isArray())
        qWarning("not a JSON array: %s / %s", run.out.constData(), run.err.constData());
    return doc.array();
}

} // namespace

class TestCliDiscovery : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<CliHarness> h;
    QTemporaryDir m_dir;
    QString m_inventory;
    int m_mySqlCount = 0;

    // The sandbox with the big inventory; the region (and IAM) pointed at it.
    void startSandbox(const QByteArray& secretKey = {})
    {
        QStringList args{QStringLiteral("--inventory"), m_inventory};
        if (!secretKey.isEmpty())
            args << QStringLiteral("--ak") << QLatin1String(DemoAk); // the CLI's AK with another SK
        const QUrl url = h->startSandbox(args, secretKey);
        QVERIFY(url.isValid());
        for (const char* region : {"cn-north-4", "sandbox-multi-project", "xx-nowhere-1"})
            h->environment().insert(QStringLiteral("HUAWEICLOUD_SDK_REGION_DAS_") +
                                        QString::fromLatin1(region).toUpper().replace(u'-', u'_'),
                                    url.toString());
        h->environment().insert(QStringLiteral("HUAWEICLOUD_SDK_IAM_ENDPOINT"), url.toString());
    }

private slots:
    // The built-in inventory plus enough MySQL instances that one engine spans three pages.
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString builtIn = m_dir.filePath(QStringLiteral("builtin.json"));
        QProcess writer;
        writer.start(QStringLiteral(DAS_SANDBOX_PATH), {QStringLiteral("--write-inventory"), builtIn});
        QVERIFY(writer.waitForFinished(30000));
        QCOMPARE(writer.exitCode(), 0);
        QFile in(builtIn);
        QVERIFY(in.open(QIODevice::ReadOnly));
        QJsonObject root = QJsonDocument::fromJson(in.readAll()).object();
        QJsonArray instances = root.value(QStringLiteral("instances")).toArray();
        QVERIFY(!instances.isEmpty());
        QJsonObject model = instances.at(0).toObject();
        QCOMPARE(model.value(QStringLiteral("datastore_type")).toString(), QStringLiteral("MySQL"));
        for (int i = 0; i < ExtraMySql; ++i) {
            QJsonObject copy = model;
            copy.insert(QStringLiteral("instance_id"),
                        QStringLiteral("%1in01").arg(0xa000 + i, 32, 16, QLatin1Char('0')));
            copy.insert(QStringLiteral("instance_name"),
                        QStringLiteral("paging-db-%1").arg(i, 3, 10, QLatin1Char('0')));
            copy.insert(QStringLiteral("instance_nodes"), QJsonArray());
            instances.append(copy);
        }
        for (const QJsonValue& v : instances)
            m_mySqlCount +=
                v.toObject().value(QStringLiteral("datastore_type")).toString() == QLatin1String("MySQL");
        QVERIFY(m_mySqlCount > 200);
        root.insert(QStringLiteral("instances"), instances);
        m_inventory = m_dir.filePath(QStringLiteral("big.json"));
        QFile out(m_inventory);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(QJsonDocument(root).toJson());
    }

    void init()
    {
        h = std::make_unique<CliHarness>();
        QVERIFY(h->isValid());
        h->environment().insert(QStringLiteral("HUAWEICLOUD_SDK_AK"), QLatin1String(DemoAk));
        h->environment().insert(QStringLiteral("HUAWEICLOUD_SDK_SK"), QLatin1String(DemoSk));
        h->environment().remove(QStringLiteral("HUAWEICLOUD_SDK_PROJECT_ID"));
    }

    void cleanup() { h.reset(); }

    void instancesOfOneEngineSpanPages()
    {
        startSandbox();
        // No --project-id: the region's project comes from IAM.
        const auto run = h->cli(withRegion({QStringLiteral("instances"), QStringLiteral("--engine-type"),
                                            QStringLiteral("mysql"), QStringLiteral("--json")}));
        QCOMPARE(run.exitCode, 0);
        const QJsonArray items = jsonArray(run);
        QCOMPARE(items.size(), m_mySqlCount);
        QStringList ids;
        for (const QJsonValue& v : items) {
            const QJsonObject item = v.toObject();
            QCOMPARE(item.value(QStringLiteral("engine_type")).toString(), QStringLiteral("mysql"));
            QCOMPARE(item.value(QStringLiteral("datastore_type")).toString(), QStringLiteral("MySQL"));
            QVERIFY(item.value(QStringLiteral("port")).isDouble());
            for (const char* key : {"instance_id", "instance_name", "status", "ip", "version"})
                QVERIFY2(item.value(QLatin1String(key)).isString(), key);
            ids.append(item.value(QStringLiteral("instance_id")).toString());
        }
        ids.removeDuplicates();
        QCOMPARE(ids.size(), m_mySqlCount);
    }

    void instancesTableFiltersAcrossEngines()
    {
        startSandbox();
        const auto run = h->cli(withRegion(
            {QStringLiteral("instances"), QStringLiteral("--filter"), QStringLiteral("ORDERS-DB-PROD-01")}));
        QCOMPARE(run.exitCode, 0);
        const QList<QByteArray> lines = run.out.trimmed().split('\n');
        QVERIFY2(lines.size() >= 2, run.out.constData());
        QVERIFY(lines.at(0).startsWith("NAME"));
        QVERIFY(lines.at(0).contains("INSTANCE ID"));
        QVERIFY(run.out.contains(Instance));
        QVERIFY(!run.out.contains("paging-db-"));
        // Aligned: the ID column starts at the same place in the header and every row.
        const int column = lines.at(0).indexOf("INSTANCE ID");
        for (int i = 1; i < lines.size(); ++i)
            QCOMPARE(lines.at(i).mid(column, 32).size(), 32);
    }

    void nodesAndDatabases()
    {
        startSandbox();
        const QStringList instance{QStringLiteral("--instance-id"), QLatin1String(Instance),
                                   QStringLiteral("--engine-type"), QStringLiteral("mysql"),
                                   QStringLiteral("--project-id"),  QLatin1String(Project)};
        const auto nodes =
            h->cli(withRegion(QStringList{QStringLiteral("nodes"), QStringLiteral("--json")} + instance));
        QCOMPARE(nodes.exitCode, 0);
        const QJsonArray items = jsonArray(nodes);
        QVERIFY(!items.isEmpty());
        const QJsonObject first = items.at(0).toObject();
        QCOMPARE(first.value(QStringLiteral("id")).toString(), QLatin1String(Node));
        QCOMPARE(first.keys(), (QStringList{QStringLiteral("id"), QStringLiteral("name"),
                                            QStringLiteral("role"), QStringLiteral("status")}));
        const auto table = h->cli(withRegion(QStringList{QStringLiteral("nodes")} + instance));
        QCOMPARE(table.exitCode, 0);
        QVERIFY(table.out.startsWith("NODE ID"));
        QVERIFY(table.out.contains(Node));

        const auto dbs =
            h->cli(withRegion(QStringList{QStringLiteral("databases"), QStringLiteral("--json")} + instance));
        QCOMPARE(dbs.exitCode, 0);
        QVERIFY(jsonArray(dbs).contains(QJsonValue(QStringLiteral("orders"))));
    }

    void perInstanceVerbsNeedTheirOptions()
    {
        startSandbox();
        const auto run = h->cli(
            withRegion({QStringLiteral("nodes"), QStringLiteral("--engine-type"), QStringLiteral("mysql")}));
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains("--instance-id"));
    }

    void projectLookupOneSeveralZero()
    {
        startSandbox();
        const auto one = h->cli(withRegion({QStringLiteral("projects"), QStringLiteral("--json")}));
        QCOMPARE(one.exitCode, 0);
        const QJsonArray projects = jsonArray(one);
        QCOMPARE(projects.size(), 1);
        QCOMPARE(projects.at(0).toObject().value(QStringLiteral("id")).toString(), QLatin1String(Project));

        // Several: listed by `projects`, a choice to make for every other verb.
        const QString multi = QStringLiteral("sandbox-multi-project");
        const auto several = h->cli(withRegion({QStringLiteral("projects")}, multi));
        QCOMPARE(several.exitCode, 0);
        QVERIFY(several.out.contains(Project));
        const auto choose = h->cli(withRegion({QStringLiteral("instances")}, multi));
        QCOMPARE(choose.exitCode, 2);
        QVERIFY(choose.err.contains(multi.toUtf8()));
        QVERIFY(choose.err.contains(Project));
        QVERIFY(choose.err.contains("6a2f5e0d1c8b4a7f9e3d2c1b0a9f8e7d"));
        QVERIFY(choose.out.isEmpty());

        const auto zero = h->cli(withRegion({QStringLiteral("projects")}, QStringLiteral("xx-nowhere-1")));
        QCOMPARE(zero.exitCode, 4);
        QVERIFY(zero.err.contains("xx-nowhere-1"));
    }

    void createLooksUpTheProject()
    {
        startSandbox();
        const auto run = h->cli(
            withRegion({QStringLiteral("create"), QStringLiteral("--instance-id"), QLatin1String(Instance),
                        QStringLiteral("--engine-type"), QStringLiteral("mysql"),
                        QStringLiteral("--network-type"), QStringLiteral("rds"), QStringLiteral("--username"),
                        QStringLiteral("root"), QStringLiteral("--password-stdin")}),
            "Gauss_2345\n");
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(!QUuid::fromString(QString::fromUtf8(run.out).trimmed()).isNull(), run.err.constData());
    }

    void wrongSecretKeySaysSoLikeCreate()
    {
        startSandbox("the-sandbox-expects-another-secret-key");
        if (QTest::currentTestFailed())
            return;
        const QStringList project{QStringLiteral("--project-id"), QLatin1String(Project)};
        const auto create =
            h->cli(withRegion(QStringList{QStringLiteral("create"), QStringLiteral("--instance-id"),
                                          QLatin1String(Instance), QStringLiteral("--engine-type"),
                                          QStringLiteral("mysql"), QStringLiteral("--network-type"),
                                          QStringLiteral("rds"), QStringLiteral("--username"),
                                          QStringLiteral("root"), QStringLiteral("--password-stdin"),
                                          QStringLiteral("--if-exists"), QStringLiteral("create")} +
                              project),
                   "Gauss_2345\n");
        QCOMPARE(create.exitCode, 3);
        const auto list = h->cli(withRegion(QStringList{QStringLiteral("instances")} + project));
        QCOMPARE(list.exitCode, 3);
        const QByteArray sentence = errorLine(create);
        QVERIFY2(sentence.contains("SK"), create.err.constData());
        QCOMPARE(errorLine(list), sentence);
        // The IAM lookup says the same.
        const auto lookup = h->cli(withRegion({QStringLiteral("projects")}));
        QCOMPARE(lookup.exitCode, 3);
        QCOMPARE(errorLine(lookup), sentence);
        for (const auto* run : {&create, &list, &lookup}) {
            QVERIFY(!run->out.contains(DemoSk) && !run->err.contains(DemoSk));
        }
    }
};

QTEST_GUILESS_MAIN(TestCliDiscovery)
#include "tst_cli_discovery.moc"
