// The connections on DAS, against the in-process sandbox and a real history: ListConnections over many
// pages and with filters, BatchDeleteConnectionNew in chunks (and where it stops), and the teardown plan.
#include "ConnectionDeleter.h"
#include "ConnectionList.h"
#include "DasClient.h"
#include "HistoryStore.h"
#include "SandboxServer.h"
#include "TeardownPlanner.h"
#include "WorkflowTestSupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace das;
using namespace das::test;

namespace {

const QString Project = QLatin1String(SandboxOptions::DemoProjectId);
const QString Instance = QLatin1String(SandboxOptions::DemoInstanceId);
const QString GoneInstance = QStringLiteral("6f5c3a1e9b0d4c2a8e7f1b3d5c9a0e2fin01"); // not in the inventory

QString idOf(int i)
{
    return QStringLiteral("c0000000-0000-4000-8000-%1").arg(i, 12, 10, QLatin1Char('0'));
}

// A sandbox state file of `count` connections: remarks "class-a" or "class-b" alternately, every tenth on an
// instance the inventory no longer has, created a second apart ending an hour ago.
QByteArray stateOf(int count)
{
    QJsonArray list;
    const qint64 base = QDateTime::currentMSecsSinceEpoch() - 3600 * 1000 - qint64(count) * 1000;
    for (int i = 0; i < count; ++i) {
        list.append(QJsonObject{
            {QStringLiteral("connection_id"), idOf(i)},
            {QStringLiteral("instance_id"), i % 10 == 9 ? GoneInstance : Instance},
            {QStringLiteral("instance_name"), QStringLiteral("demo")},
            {QStringLiteral("network_type"), QStringLiteral("rds")},
            {QStringLiteral("engine_type"), QStringLiteral("mysql")},
            {QStringLiteral("datastore_version"), QStringLiteral("8.0")},
            {QStringLiteral("user_name"), QStringLiteral("u%1").arg(i)},
            {QStringLiteral("database_name"), QString()},
            {QStringLiteral("is_save_password"), false},
            {QStringLiteral("ip_address"), QStringLiteral("192.168.0.10")},
            {QStringLiteral("port"), 3306},
            {QStringLiteral("remarks"), i % 2 ? QStringLiteral("class-b") : QStringLiteral("class-a")},
            {QStringLiteral("create_at"), double(base + i * 1000)}});
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("connections"), list}}).toJson();
}

} // namespace

class TestConnections : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<DasClient> m_client;
    std::unique_ptr<HistoryStore> m_history;
    int m_run = 0;

    bool startSandbox(int connections)
    {
        SandboxOptions options;
        options.stateFile = m_dir.filePath(QStringLiteral("state%1.json").arg(++m_run));
        QFile file(options.stateFile);
        if (!file.open(QIODevice::WriteOnly) || file.write(stateOf(connections)) < 0)
            return false;
        file.close();
        m_server = std::make_unique<SandboxServer>(options);
        QString error;
        if (!m_server->start(&error))
            qWarning("%s", qPrintable(error));
        m_history = std::make_unique<HistoryStore>(m_dir.filePath(QStringLiteral("h%1.db").arg(m_run)));
        return m_server->connections().all().size() == connections && m_history->open(&error);
    }

    ConnectionList::Outcome list(const QString& condition = QString(), const QString& instance = QString())
    {
        ConnectionList workflow({m_client.get(), nullptr});
        ConnectionList::Request r{m_server->url(), Project, demoChoice(), instance, condition, 0, 200, true};
        return runToEnd(workflow, r);
    }

    // A history row for a connection on the sandbox, as this history would have it.
    qint64 remember(const QString& connectionId, const QDateTime& at,
                    HistoryRecord::Origin origin = HistoryRecord::Origin::Created)
    {
        HistoryRecord row =
            HistoryRecord::pending(SandboxOptions::demoRequest(), m_server->url().toString(), QString());
        row.state = HistoryRecord::State::Created;
        row.origin = origin;
        row.connectionId = connectionId;
        row.createdAt = at;
        QString error;
        if (!m_history->add(row, &error))
            qWarning("%s", qPrintable(error));
        return row.id;
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_client = std::make_unique<DasClient>();
    }

    void cleanup()
    {
        m_history.reset();
        m_server.reset();
        m_client.reset();
    }

    void everyPageOverTwoHundred()
    {
        QVERIFY(startSandbox(230));
        ConnectionList workflow({m_client.get(), nullptr});
        QSignalSpy progress(&workflow, &ConnectionList::progress);
        const ConnectionList::Outcome all = runToEnd(
            workflow, ConnectionList::Request{m_server->url(), Project, demoChoice(), {}, {}, 0, 200, true});
        QVERIFY2(all.ok, qPrintable(all.failure.explanation));
        QCOMPARE(all.connections.size(), 230);
        QCOMPARE(all.totalRecord, 230);
        QCOMPARE(progress.size(), 2);                                   // 200, then 30
        QCOMPARE(all.connections.constFirst().connectionId, idOf(229)); // newest first
        const QStringList ids = ConnectionInfo::idsOf(all.connections);
        QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()).size(), 230);

        const ConnectionList::Outcome page = runToEnd(
            workflow,
            ConnectionList::Request{m_server->url(), Project, demoChoice(), {}, {}, 200, 200, false});
        QCOMPARE(page.connections.size(), 30);
        QCOMPARE(page.totalRecord, 230);
    }

    void fieldsAndStatus()
    {
        QVERIFY(startSandbox(10));
        const ConnectionList::Outcome all = list();
        QVERIFY(all.ok);
        const ConnectionInfo gone = all.connections.constFirst(); // idOf(9): its instance is gone
        QCOMPARE(gone.connectionId, idOf(9));
        QVERIFY(gone.instanceDeleted());
        const ConnectionInfo kept = all.connections.at(1);
        QVERIFY(!kept.instanceDeleted());
        QCOMPARE(kept.status, QStringLiteral("NORMAL"));
        QCOMPARE(kept.userName, QStringLiteral("u8"));
        QCOMPARE(kept.port, 3306);
        QCOMPARE(kept.instanceId, Instance);
        QVERIFY(kept.createAt.isValid());
        QVERIFY(kept.createAt < QDateTime::currentDateTimeUtc().addSecs(-3600));
        QCOMPARE(kept.toJson().value(QLatin1String("user_name")).toString(), QStringLiteral("u8"));
    }

    void conditionAndInstanceFilters()
    {
        QVERIFY(startSandbox(40));
        const ConnectionList::Outcome b = list(QStringLiteral("class-b"));
        QCOMPARE(b.connections.size(), 20);
        for (const ConnectionInfo& c : b.connections)
            QCOMPARE(c.remarks, QStringLiteral("class-b"));
        const ConnectionList::Outcome gone = list(QString(), GoneInstance);
        QCOMPARE(gone.connections.size(), 4);
    }

    void deletesInChunksAndMarksHistory()
    {
        QVERIFY(startSandbox(120));
        QStringList ids;
        for (int i = 0; i < 110; ++i)
            ids.append(idOf(i));
        const qint64 row = remember(idOf(3), QDateTime::currentDateTimeUtc());
        const qint64 untouched = remember(idOf(115), QDateTime::currentDateTimeUtc());
        ConnectionDeleter deleter({m_client.get(), nullptr}, m_history.get());
        QSignalSpy progress(&deleter, &ConnectionDeleter::progress);
        const ConnectionDeleter::Outcome o =
            runToEnd(deleter, ConnectionDeleter::Request{m_server->url(), Project, demoChoice(), ids});
        QVERIFY2(o.ok, qPrintable(o.failure.explanation));
        QCOMPARE(o.deleted, ids);
        QVERIFY(o.uncertain.isEmpty() && o.notSent.isEmpty());
        QCOMPARE(progress.size(), 4); // before each of the three calls (50, 50, 10), and at the end
        QCOMPARE(m_server->connections().all().size(), 10);
        QCOMPARE(m_history->byId(row).state, HistoryRecord::State::Deleted);
        QCOMPARE(m_history->byId(untouched).state, HistoryRecord::State::Created);
    }

    // The sandbox refuses a whole batch that names an unknown connection: the chunk before it is deleted,
    // that chunk and the rest are reported as not sent or refused, and their rows stay as they were.
    void stopsAtTheFirstRefusal()
    {
        QVERIFY(startSandbox(120));
        QStringList ids;
        for (int i = 0; i < 120; ++i)
            ids.append(idOf(i));
        ids[60] = idOf(999); // not on DAS
        const qint64 row = remember(idOf(70), QDateTime::currentDateTimeUtc());
        ConnectionDeleter deleter({m_client.get(), nullptr}, m_history.get());
        const ConnectionDeleter::Outcome o =
            runToEnd(deleter, ConnectionDeleter::Request{m_server->url(), Project, demoChoice(), ids});
        QVERIFY(!o.ok);
        QCOMPARE(o.failure.exitCode(), 4);
        QCOMPARE(o.deleted, ids.mid(0, 50));
        QVERIFY(o.uncertain.isEmpty());
        QCOMPARE(o.notSent, ids.mid(50));
        QCOMPARE(m_server->connections().all().size(), 70);
        QCOMPARE(m_history->byId(row).state, HistoryRecord::State::Created);
    }

    // Teardown: what this history created since a time, no earlier and nothing adopted; what DAS no longer
    // lists is reported gone and marked deleted; deleting the plan removes exactly those.
    void teardownPlansAndDeletesExactlyWhatThisHistoryCreated()
    {
        QVERIFY(startSandbox(12));
        const QDateTime since = QDateTime::currentDateTimeUtc().addSecs(-600);
        const qint64 before = remember(idOf(0), since.addSecs(-60));
        const qint64 a = remember(idOf(1), since.addSecs(60));
        const qint64 b = remember(idOf(2), since.addSecs(120));
        const qint64 adopted = remember(idOf(3), since.addSecs(60), HistoryRecord::Origin::Adopted);
        const qint64 gone = remember(idOf(500), since.addSecs(90)); // deleted on DAS by someone else
        TeardownPlanner planner({m_client.get(), nullptr}, m_history.get());
        const TeardownPlanner::Outcome plan =
            runToEnd(planner, TeardownPlanner::Request{m_server->url(), Project, demoChoice(), since});
        QVERIFY2(plan.ok, qPrintable(plan.failure.explanation));
        QCOMPARE(plan.connectionIds(), QStringList({idOf(1), idOf(2)}));
        QCOMPARE(plan.instanceIds(), QStringList({Instance}));
        QCOMPARE(plan.alreadyGone.size(), 1);
        QCOMPARE(m_history->byId(gone).state, HistoryRecord::State::Deleted);
        QCOMPARE(m_server->connections().all().size(), 12); // planning deletes nothing

        ConnectionDeleter deleter({m_client.get(), nullptr}, m_history.get());
        const ConnectionDeleter::Outcome o =
            runToEnd(deleter, ConnectionDeleter::Request{m_server->url(), Project, demoChoice(),
                                                         plan.connectionIds()});
        QVERIFY(o.ok);
        const QStringList left = ConnectionInfo::idsOf(list().connections);
        QCOMPARE(left.size(), 10);
        QVERIFY(!left.contains(idOf(1)) && !left.contains(idOf(2)));
        QVERIFY(left.contains(idOf(0)) && left.contains(idOf(3)));
        QCOMPARE(m_history->byId(a).state, HistoryRecord::State::Deleted);
        QCOMPARE(m_history->byId(b).state, HistoryRecord::State::Deleted);
        QCOMPARE(m_history->byId(before).state, HistoryRecord::State::Created);
        QCOMPARE(m_history->byId(adopted).state, HistoryRecord::State::Created);
    }

    void deleteBodyNeverDeletesAll()
    {
        const QJsonObject body = QJsonDocument::fromJson(ConnectionParser::deleteBody({idOf(1)})).object();
        QCOMPARE(body.value(QLatin1String("delete_all")), QJsonValue(false));
        QCOMPARE(body.value(QLatin1String("connection_ids"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QLatin1String("connection_id")),
                 QJsonValue(idOf(1)));
    }
};

QTEST_GUILESS_MAIN(TestConnections)
#include "tst_connections.moc"
