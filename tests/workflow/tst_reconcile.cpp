// Lost answers resolved against DAS, never by sending again: CreateSession with the sandbox's lost and
// refused-lost modes, the matching rule, the duplicate guard (error, skip, ask), and the reconciliation of
// rows an earlier run left pending, all against the in-process sandbox and a real history database.
#include "CreateJob.h"
#include "CreateSession.h"
#include "DasClient.h"
#include "HistoryStore.h"
#include "OutcomeReconciler.h"
#include "SandboxServer.h"
#include "WorkflowTestSupport.h"

#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <memory>

using namespace das;
using namespace das::test;
using State = HistoryRecord::State;

namespace {

ConnectionRequest request(const QString& user = QStringLiteral("root"), const QString& database = QString())
{
    ConnectionRequest r = SandboxOptions::demoRequest();
    r.username = user;
    r.password = QStringLiteral("Reconcile-Pass-1");
    r.databaseName = database;
    return r;
}

ConnectionInfo listed(const QString& id, const QString& user, const QString& database, const QDateTime& at)
{
    ConnectionInfo c;
    c.connectionId = id;
    c.instanceId = QLatin1String(SandboxOptions::DemoInstanceId);
    c.userName = user;
    c.databaseName = database;
    c.createAt = at;
    return c;
}

} // namespace

class TestReconcile : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<DasClient> m_client;
    std::unique_ptr<HistoryStore> m_history;
    int m_run = 0;

    CreateSession::Services services(bool withHistory = true) const
    {
        return {m_client.get(), withHistory ? m_history.get() : nullptr, nullptr, nullptr};
    }
    CreateSession::Target target() const { return {m_server->url(), QString()}; }

    CreateSession::Outcome run(CreateSession& session, const ConnectionRequest& r,
                               CreateSession::IfExists ifExists = CreateSession::IfExists::Create)
    {
        QSignalSpy finished(&session, &CreateSession::finished);
        CreateSession::Options options;
        options.ifExists = ifExists;
        options.reconcileScheduleMs = {0, 40, 80}; // three looks, quickly
        session.start(r, target(), demoChoice(), options);
        if (!finished.wait(20000) || finished.size() != 1)
            qWarning("the session did not finish exactly once");
        return session.outcome();
    }

    // A connection made on DAS by someone else: not in this history.
    QString createElsewhere(const ConnectionRequest& r)
    {
        CreateSession session(services(false));
        return run(session, r).result.connectionId;
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_server = std::make_unique<SandboxServer>();
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
        m_client = std::make_unique<DasClient>();
        m_history = std::make_unique<HistoryStore>(m_dir.filePath(QStringLiteral("h%1.db").arg(++m_run)));
        QVERIFY2(m_history->open(&error), qPrintable(error));
    }

    void cleanup()
    {
        m_history.reset();
        m_client.reset();
        m_server.reset();
    }

    void lostAnswerIsConfirmedOnDas()
    {
        m_server->setMode(SandboxOptions::Mode::Lost);
        CreateSession session(services());
        QSignalSpy looks(&session, &CreateSession::reconciling);
        QSignalSpy recorded(&session, &CreateSession::recorded);
        const CreateSession::Outcome o = run(session, request());
        QCOMPARE(o.reconciliation, CreateSession::Reconciliation::Confirmed);
        QVERIFY(o.result.succeeded());
        QCOMPARE(o.exitCode(), 0);
        QCOMPARE(m_server->connections().all().size(), 1);
        QCOMPARE(o.result.connectionId, m_server->connections().all().constFirst().connectionId);
        QCOMPARE(m_server->createCount(), 1); // never sent again
        QCOMPARE(looks.size(), 1);            // found at the first look
        QCOMPARE(recorded.size(), 1);
        const HistoryRecord row = m_history->byId(o.historyId);
        QCOMPARE(row.state, State::Created);
        QCOMPARE(row.connectionId, o.result.connectionId);
        QCOMPARE(row.stateDetail, OutcomeReconciler::tr("created (confirmed on DAS)"));
        QCOMPARE(m_history->count(), 1);
    }

    void refusedLostIsNotCreated()
    {
        m_server->setMode(SandboxOptions::Mode::RefusedLost);
        CreateSession session(services());
        QSignalSpy looks(&session, &CreateSession::reconciling);
        QSignalSpy recorded(&session, &CreateSession::recorded);
        const CreateSession::Outcome o = run(session, request());
        QCOMPARE(o.reconciliation, CreateSession::Reconciliation::NotCreated);
        QVERIFY(!o.result.succeeded());
        QCOMPARE(o.exitCode(), 5);
        QVERIFY(o.result.explanation.contains(QLatin1String("safe")));
        QCOMPARE(looks.size(), 3); // every scheduled look before saying "not created"
        QCOMPARE(recorded.size(), 0);
        QCOMPARE(m_server->createCount(), 1);
        QVERIFY(m_server->connections().all().isEmpty());
        const QList<HistoryRecord> rows = m_history->fetch();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.constFirst().state, State::NotCreated);
        QVERIFY(m_history->unresolved().isEmpty());
    }

    // Two connections with the same key made elsewhere moments before, then a lost create: three match,
    // none can be told apart, so the row stays unknown and the candidates are listed.
    void severalMatchesStayUnknown()
    {
        const QString a = createElsewhere(request(QStringLiteral("app")));
        const QString b = createElsewhere(request(QStringLiteral("app")));
        QVERIFY(!a.isEmpty() && !b.isEmpty());
        m_server->setMode(SandboxOptions::Mode::Lost);
        CreateSession session(services());
        const CreateSession::Outcome o = run(session, request(QStringLiteral("app")));
        QCOMPARE(o.reconciliation, CreateSession::Reconciliation::Ambiguous);
        QCOMPARE(o.candidates.size(), 3);
        QCOMPARE(o.exitCode(), 5);
        QVERIFY(o.result.explanation.contains(a) && o.result.explanation.contains(b));
        QCOMPARE(m_history->fetch().constFirst().state, State::Unknown);
        QCOMPARE(m_server->createCount(), 3);
    }

    // The matching rule on its own: instance, user, database, time (a minute of slack) and not known.
    void matchingRule()
    {
        HistoryRecord row = HistoryRecord::pending(request(QStringLiteral("u"), QStringLiteral("db")),
                                                   QStringLiteral("https://x"), QString());
        row.createdAt = QDateTime(QDate(2026, 11, 30), QTime(8, 0), QTimeZone::utc());
        const QList<ConnectionInfo> list = {
            listed(QStringLiteral("match"), QStringLiteral("u"), QStringLiteral("db"),
                   row.createdAt.addSecs(2)),
            listed(QStringLiteral("slack"), QStringLiteral("u"), QStringLiteral("db"),
                   row.createdAt.addSecs(-50)),
            listed(QStringLiteral("old"), QStringLiteral("u"), QStringLiteral("db"),
                   row.createdAt.addSecs(-70)),
            listed(QStringLiteral("otheruser"), QStringLiteral("v"), QStringLiteral("db"), row.createdAt),
            listed(QStringLiteral("otherdb"), QStringLiteral("u"), QString(), row.createdAt),
            listed(QStringLiteral("known"), QStringLiteral("u"), QStringLiteral("db"), row.createdAt),
            listed(QStringLiteral("undated"), QStringLiteral("u"), QStringLiteral("db"), QDateTime()),
            listed(QStringLiteral("later"), QStringLiteral("u"), QStringLiteral("db"),
                   row.createdAt.addSecs(600)),
        };
        QStringList ids;
        for (const ConnectionInfo& c : OutcomeReconciler::candidates(row, list, {QStringLiteral("known")}))
            ids.append(c.connectionId);
        QCOMPARE(ids,
                 QStringList({QStringLiteral("match"), QStringLiteral("slack"), QStringLiteral("undated")}));
        // One dated candidate is the connection; one DAS did not date is never taken alone.
        QCOMPARE(OutcomeReconciler::verdictFor({list.at(0)}).verdict, OutcomeReconciler::Verdict::Created);
        QCOMPARE(OutcomeReconciler::verdictFor({list.at(6)}).verdict, OutcomeReconciler::Verdict::Ambiguous);
        QCOMPARE(OutcomeReconciler::verdictFor({}).verdict, OutcomeReconciler::Verdict::NotCreated);
    }

    // A reconciliation never overwrites a row that was settled while it looked (the create itself answered,
    // or another process reconciled it): the row keeps its state and ID, and it is not reported as its own.
    void aRowSettledMeanwhileIsLeftAlone()
    {
        HistoryRecord row =
            HistoryRecord::pending(request(QStringLiteral("late")), m_server->url().toString(), QString());
        row.createdAt = QDateTime::currentDateTimeUtc(); // recent: waits through every look
        QString error;
        QVERIFY2(m_history->add(row, &error), qPrintable(error));
        HistoryReconciliation reconciliation({m_client.get(), nullptr}, m_history.get());
        // At the first look the create's own answer settles the row, before the verdict is written.
        connect(&reconciliation, &HistoryReconciliation::rowStarted, this,
                [&](int, int, const HistoryRecord& r) {
                    if (m_history->byId(r.id).state == State::Pending)
                        m_history->setState(r.id, State::Created, QStringLiteral("answered-meanwhile"),
                                            QString(), QString(), nullptr);
                });
        QSignalSpy finished(&reconciliation, &HistoryReconciliation::finished);
        QVERIFY(reconciliation.start(
            {m_server->url(), QLatin1String(SandboxOptions::DemoProjectId), demoChoice(), {0, 30}}));
        QVERIFY(finished.wait(20000));
        QVERIFY(reconciliation.outcome().ok);
        QVERIFY(reconciliation.outcome().rows.isEmpty());
        QCOMPARE(m_history->byId(row.id).state, State::Created);
        QCOMPARE(m_history->byId(row.id).connectionId, QStringLiteral("answered-meanwhile"));
    }

    // Write-ahead or nothing: an open history that cannot take the pending row stops the create before it
    // is sent.
    void historyThatCannotTakeThePendingRowStopsTheCreate()
    {
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("breaker"));
            db.setDatabaseName(m_history->path());
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("DROP TABLE connections")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("breaker"));
        CreateSession session(services());
        QSignalSpy sending(&session, &CreateSession::sending);
        const CreateSession::Outcome o = run(session, request());
        QCOMPARE(o.result.outcome, CreateResult::Outcome::NotSent);
        QVERIFY(o.result.explanation.contains(QLatin1String("Nothing was sent")));
        QCOMPARE(sending.size(), 0);
        QCOMPARE(m_server->createCount(), 0);
    }

    void duplicateIsAnErrorByChoice()
    {
        const QString first = createElsewhere(request(QStringLiteral("dup"), QStringLiteral("orders")));
        CreateSession session(services());
        const CreateSession::Outcome o =
            run(session, request(QStringLiteral("dup"), QStringLiteral("orders")),
                CreateSession::IfExists::Error);
        QCOMPARE(o.exitCode(), 4);
        QCOMPARE(o.duplicates.size(), 1);
        QCOMPARE(o.duplicates.constFirst().connectionId, first);
        QVERIFY(o.result.explanation.contains(first));
        QCOMPARE(m_server->createCount(), 1);
        QCOMPARE(m_history->count(), 0);
    }

    void duplicateIsSkippedByChoice()
    {
        const QString first = createElsewhere(request(QStringLiteral("dup")));
        CreateSession session(services());
        const CreateSession::Outcome o =
            run(session, request(QStringLiteral("dup")), CreateSession::IfExists::Skip);
        QCOMPARE(o.exitCode(), 0);
        QVERIFY(o.existing);
        QCOMPARE(o.result.connectionId, first);
        QCOMPARE(m_server->createCount(), 1);
        const HistoryRecord row = m_history->byId(o.historyId);
        QCOMPARE(row.origin, HistoryRecord::Origin::Existing);
        QCOMPARE(row.state, State::Created);
        QCOMPARE(row.connectionId, first);
    }

    // A different database name is a different key: no question, a new connection.
    void otherDatabaseIsNoDuplicate()
    {
        createElsewhere(request(QStringLiteral("dup"), QStringLiteral("a")));
        CreateSession session(services());
        QSignalSpy asked(&session, &CreateSession::duplicateFound);
        const CreateSession::Outcome o =
            run(session, request(QStringLiteral("dup"), QStringLiteral("b")), CreateSession::IfExists::Ask);
        QVERIFY(o.result.succeeded());
        QVERIFY(!o.existing);
        QCOMPARE(asked.size(), 0);
        QCOMPARE(m_server->createCount(), 2);
    }

    void askThenUseExistingCreateAnotherOrCancel_data()
    {
        QTest::addColumn<int>("choice");
        QTest::newRow("use existing") << 0;
        QTest::newRow("create another") << 1;
        QTest::newRow("cancel") << 2;
    }

    void askThenUseExistingCreateAnotherOrCancel()
    {
        QFETCH(int, choice);
        const QString first = createElsewhere(request(QStringLiteral("ask")));
        CreateSession session(services());
        connect(&session, &CreateSession::duplicateFound, this, [&](const QList<ConnectionInfo>& existing) {
            QCOMPARE(existing.size(), 1);
            if (choice == 0)
                session.useExisting(existing.constFirst().connectionId);
            else if (choice == 1)
                session.createAnyway();
            else
                session.cancel();
        });
        QSignalSpy asked(&session, &CreateSession::duplicateFound);
        const CreateSession::Outcome o =
            run(session, request(QStringLiteral("ask")), CreateSession::IfExists::Ask);
        QCOMPARE(asked.size(), 1);
        const int creates[] = {1, 2, 1};
        QCOMPARE(m_server->createCount(), creates[choice]);
        QCOMPARE(o.existing, choice == 0);
        QCOMPARE(o.result.succeeded(), choice != 2);
        if (choice == 0)
            QCOMPARE(o.result.connectionId, first);
        if (choice == 1)
            QVERIFY(o.result.connectionId != first);
        QCOMPARE(m_history->count(), choice == 2 ? 0 : 1);
    }

    // What an earlier run left: a pending row whose connection exists, one whose create never arrived, and
    // one of another target (left alone).
    void earlierRowsAreResolved()
    {
        const QString made = createElsewhere(request(QStringLiteral("kept")));
        const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-300); // one look each
        auto pendingRow = [&](const QString& user, const QString& endpoint) {
            HistoryRecord row = HistoryRecord::pending(request(user), endpoint, QString());
            row.createdAt = before;
            QString error;
            if (!m_history->add(row, &error))
                qWarning("%s", qPrintable(error));
            return row.id;
        };
        const qint64 kept = pendingRow(QStringLiteral("kept"), m_server->url().toString());
        const qint64 lost = pendingRow(QStringLiteral("lost"), m_server->url().toString());
        const qint64 other = pendingRow(QStringLiteral("kept"), QStringLiteral("https://127.0.0.1:1"));
        HistoryReconciliation reconciliation({m_client.get(), nullptr}, m_history.get());
        QSignalSpy finished(&reconciliation, &HistoryReconciliation::finished);
        QVERIFY(reconciliation.start(
            {m_server->url(), QLatin1String(SandboxOptions::DemoProjectId), demoChoice()}));
        QVERIFY(finished.wait(20000));
        const HistoryReconciliation::Outcome o = reconciliation.outcome();
        QCOMPARE(o.rows.size(), 2);
        QCOMPARE(o.skipped, 1);
        QCOMPARE(o.exitCode(), 0);
        QCOMPARE(m_history->byId(kept).state, State::Created);
        QCOMPARE(m_history->byId(kept).connectionId, made);
        QCOMPARE(m_history->byId(lost).state, State::NotCreated);
        QCOMPARE(m_history->byId(other).state, State::Pending);
        QCOMPARE(m_server->createCount(), 1);
    }

    // Rows written moments ago (creates that may still be arriving) wait through the looks together: one
    // listing per instance per look, however many rows, and only the last look says "not created". Two of
    // them share a key with one connection made meanwhile: the older gets it, the younger does not.
    void recentRowsShareTheLooks()
    {
        QList<qint64> ids;
        for (int i = 0; i < 6; ++i) {
            HistoryRecord row = HistoryRecord::pending(request(QStringLiteral("r%1").arg(i % 5)),
                                                       m_server->url().toString(), QString());
            row.createdAt = QDateTime::currentDateTimeUtc().addMSecs(i);
            QString error;
            QVERIFY2(m_history->add(row, &error), qPrintable(error));
            ids.append(row.id);
        }
        const QString made = createElsewhere(request(QStringLiteral("r0")));
        const int before = m_server->requestCount();
        HistoryReconciliation reconciliation({m_client.get(), nullptr}, m_history.get());
        QSignalSpy finished(&reconciliation, &HistoryReconciliation::finished);
        QVERIFY(reconciliation.start(
            {m_server->url(), QLatin1String(SandboxOptions::DemoProjectId), demoChoice(), {0, 30, 60}}));
        QVERIFY(finished.wait(20000));
        QVERIFY(reconciliation.outcome().ok);
        QCOMPARE(m_server->requestCount() - before, 3); // three looks, one instance, one page each
        QCOMPARE(m_history->byId(ids.at(0)).state, State::Created);
        QCOMPARE(m_history->byId(ids.at(0)).connectionId, made);
        for (int i = 1; i < 6; ++i)
            QCOMPARE(m_history->byId(ids.at(i)).state, State::NotCreated);
        QCOMPARE(reconciliation.outcome().rows.size(), 6);
    }
};

QTEST_GUILESS_MAIN(TestReconcile)
#include "tst_reconcile.moc"
