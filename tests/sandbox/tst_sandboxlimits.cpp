// What a long-running sandbox (a training server) keeps bounded: the connections it keeps (the most recent
// SandboxOptions::maxIssuedIds, in a list that stops growing once full) and how often it rewrites its state
// file under a burst of creates (at most once per SandboxServer::StateWriteIntervalMs, the last change never
// lost when the server is destroyed).
#include "RawHttp.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

using namespace das;
using namespace das::test;

namespace {

QString listPath()
{
    return QStringLiteral("/v3/%1/list-connections").arg(QLatin1String(SandboxOptions::DemoProjectId));
}

} // namespace

class TestSandboxLimits : public QObject, public SandboxFixture
{
    Q_OBJECT

    // Sends `count` creates at once on as many connections and returns the IDs of those answered 200.
    QStringList burst(int count)
    {
        std::vector<std::unique_ptr<RawConnection>> clients;
        for (int i = 0; i < count; ++i) {
            clients.push_back(std::make_unique<RawConnection>(m_server->port()));
            if (!clients.back()->waitConnected())
                return {};
        }
        for (auto& client : clients)
            client->send(signedCreate(m_server->url()));
        QStringList ids;
        for (auto& client : clients) {
            if (client->waitClosed() && client->response().status == 200)
                ids.append(connectionIdOf(client->response()));
        }
        return ids;
    }

private slots:
    void fullStoreKeepsTheNewestWithoutGrowing()
    {
        constexpr int Kept = 100;
        SandboxConnections store(Kept);
        auto add = [&store](int i) {
            SandboxConnections::Connection c;
            c.connectionId = QStringLiteral("c%1").arg(i);
            store.add(c);
        };
        for (int i = 0; i < Kept; ++i)
            add(i);
        const qsizetype capacity = store.all().capacity();
        for (int i = Kept; i < 10 * Kept; ++i) {
            add(i);
            // Dropping the oldest for every add must not make the list reallocate ever larger.
            QCOMPARE(store.all().capacity(), capacity);
        }
        QCOMPARE(store.all().size(), Kept);
        QCOMPARE(store.all().constFirst().connectionId, QStringLiteral("c900"));
        QCOMPARE(store.all().constLast().connectionId, QStringLiteral("c999"));
        QVERIFY(!store.contains(QStringLiteral("c899")));
    }

    void serverKeepsTheMostRecentConnectionsOnly()
    {
        SandboxOptions options;
        options.maxIssuedIds = 5;
        startSandbox(options);
        QStringList created;
        for (int i = 0; i < 12; ++i) {
            const RawResponse r = exchange(m_server->port(), signedCreate(m_server->url()));
            QCOMPARE(r.status, 200); // the oldest is forgotten, the create is never refused
            created.append(connectionIdOf(r));
        }
        QCOMPARE(m_server->createCount(), 12);
        QStringList kept;
        for (const SandboxConnections::Connection& c : m_server->connections().all())
            kept.append(c.connectionId);
        QCOMPARE(kept, created.mid(7));
        QCOMPARE(m_server->issuedConnectionIds(), created.mid(7));
        // ListConnections reports the kept ones only, newest first.
        const RawResponse list = signedGet(m_server->url(), listPath(), {});
        QCOMPARE(list.status, 200);
        const QJsonObject body = QJsonDocument::fromJson(list.body).object();
        QCOMPARE(body.value(QLatin1String("total_record")).toInt(), 5);
        QCOMPARE(body.value(QLatin1String("das_conn_info_list"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QLatin1String("connection_id"))
                     .toString(),
                 created.constLast());
    }

    void burstOfCreatesRewritesTheStateFileRarely()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        SandboxOptions options;
        options.stateFile = dir.filePath(QStringLiteral("state.json"));
        startSandbox(options);

        // The first change after a quiet interval is written at once (on the writer thread).
        const QString first = connectionIdOf(exchange(m_server->port(), signedCreate(m_server->url())));
        QVERIFY(!first.isEmpty());
        QTRY_COMPARE(stateIds(options.stateFile), QStringList{first});
        QCOMPARE(m_server->stateWrites(), 1);

        QElapsedTimer clock;
        clock.start();
        const QStringList more = burst(30);
        QCOMPARE(more.size(), 30);
        // One write per interval at most, however many creates came in it (each create used to write one).
        const qint64 intervals = clock.elapsed() / SandboxServer::StateWriteIntervalMs + 2;
        QVERIFY2(m_server->stateWrites() <= 1 + intervals,
                 qPrintable(
                     QStringLiteral("%1 writes in %2 ms").arg(m_server->stateWrites()).arg(clock.elapsed())));
        QVERIFY(m_server->stateWrites() < 31);
        // The changes of the burst reach the file when the interval ends.
        QTRY_COMPARE(stateIds(options.stateFile).size(), 31);

        // A change still pending when the server goes is written on the way out.
        const QString last = connectionIdOf(exchange(m_server->port(), signedCreate(m_server->url())));
        QVERIFY(!last.isEmpty());
        m_server.reset();
        const QStringList written = stateIds(options.stateFile);
        QCOMPARE(written.size(), 32);
        QCOMPARE(written.constLast(), last);
    }
};

QTEST_MAIN(TestSandboxLimits)
#include "tst_sandboxlimits.moc"
