// The write-ahead side of HistoryStore (HistoryStoreState.cpp): a row pending before a create is sent, moved
// to where the create ended, and the rows found by state, time or connection ID.
#include "HistoryStore.h"
#include "HistoryStoreSample.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <iterator>
#include <optional>

using namespace das;
using HistoryStoreTest::sample;

namespace {

HistoryRecord withState(int i, HistoryRecord::State state, const QString& connectionId = QString())
{
    HistoryRecord r = sample(i);
    r.state = state;
    r.connectionId = connectionId;
    return r;
}

QList<qint64> idsOf(const QList<HistoryRecord>& rows)
{
    QList<qint64> out;
    for (const HistoryRecord& r : rows)
        out.append(r.id);
    return out;
}

} // namespace

class TestHistoryState : public QObject
{
    Q_OBJECT

private slots:
    void stateNamesAreStable()
    {
        using State = HistoryRecord::State;
        using Origin = HistoryRecord::Origin;
        const QList<QPair<State, const char*>> states = {{State::Pending, "pending"},
                                                         {State::Created, "created"},
                                                         {State::NotCreated, "not_created"},
                                                         {State::Unknown, "unknown"},
                                                         {State::Deleted, "deleted"}};
        for (const auto& [state, name] : states) {
            QCOMPARE(HistoryRecord::stateName(state), QLatin1String(name));
            QCOMPARE(HistoryRecord::stateFromName(QLatin1String(name)), std::optional<State>(state));
        }
        const QList<QPair<Origin, const char*>> origins = {
            {Origin::Created, "created"}, {Origin::Existing, "existing"}, {Origin::Adopted, "adopted"}};
        for (const auto& [origin, name] : origins) {
            QCOMPARE(HistoryRecord::originName(origin), QLatin1String(name));
            QCOMPARE(HistoryRecord::originFromName(QLatin1String(name)), std::optional<Origin>(origin));
        }
        QVERIFY(!HistoryRecord::stateFromName(QStringLiteral("Created")));
        QVERIFY(!HistoryRecord::stateFromName(QString()));
        QVERIFY(!HistoryRecord::originFromName(QStringLiteral("pending")));
    }

    void pendingAndFromCreate()
    {
        ConnectionRequest request;
        request.projectId = QStringLiteral("p1");
        request.instanceId = QStringLiteral("i1");
        request.username = QStringLiteral("root");
        request.password = QStringLiteral("canary-secret-1");
        request.nodeIds = {QStringLiteral("n1")};
        request.remarks = QStringLiteral("why");
        request.isSavePassword = true;
        const QDateTime before = QDateTime::currentDateTimeUtc();
        const HistoryRecord p =
            HistoryRecord::pending(request, QStringLiteral("https://e"), QStringLiteral("r"));
        QCOMPARE(p.state, HistoryRecord::State::Pending);
        QCOMPARE(p.origin, HistoryRecord::Origin::Created);
        QVERIFY(p.createdAt >= before && p.createdAt <= QDateTime::currentDateTimeUtc());
        QCOMPARE(p.endpoint, QStringLiteral("https://e"));
        QCOMPARE(p.toTemplate().instanceId, request.instanceId);
        QCOMPARE(p.nodeIds, request.nodeIds);
        QVERIFY(p.isSavePassword);
        QVERIFY(p.connectionId.isEmpty());
        QVERIFY(!QJsonDocument(p.toJson()).toJson().contains("canary-secret-1"));
        QCOMPARE(p.toJson().value(QStringLiteral("state")).toString(), QStringLiteral("pending"));
        QVERIFY(!p.toJson().contains(QStringLiteral("updated_at")));

        using Outcome = CreateResult::Outcome;
        struct Case
        {
            Outcome outcome;
            bool sent;
            HistoryRecord::State state;
        };
        const Case cases[] = {
            {Outcome::Created, true, HistoryRecord::State::Created},
            {Outcome::ApiError, true, HistoryRecord::State::NotCreated},
            {Outcome::NotSent, false, HistoryRecord::State::NotCreated},
            {Outcome::InvalidInput, false, HistoryRecord::State::NotCreated},
            {Outcome::Unknown, true, HistoryRecord::State::Unknown},
            {Outcome::Cancelled, true, HistoryRecord::State::Unknown},
            {Outcome::Cancelled, false, HistoryRecord::State::NotCreated},
        };
        for (const Case& c : cases) {
            CreateResult result;
            result.outcome = c.outcome;
            result.requestSent = c.sent;
            result.connectionId = c.outcome == Outcome::Created ? QStringLiteral("cid") : QString();
            result.explanation = QStringLiteral("the sentence");
            const HistoryRecord r =
                HistoryRecord::fromCreate(request, QStringLiteral("https://e"), QStringLiteral("r"), result);
            const QByteArray what = CreateResult::outcomeName(c.outcome).toUtf8();
            QVERIFY2(r.state == c.state, what.constData());
            QCOMPARE(r.connectionId, result.connectionId);
            QCOMPARE(r.stateDetail,
                     c.state == HistoryRecord::State::Created ? QString() : result.explanation);
            QCOMPARE(r.toJson().value(QStringLiteral("state")).toString(), HistoryRecord::stateName(c.state));
        }
    }

    void pendingThenCreatedThenUnknownKeepsTheId()
    {
        QTemporaryDir dir;
        HistoryStore store(dir.path() + QStringLiteral("/h.sqlite"));
        QString error;
        QVERIFY2(store.open(&error), qPrintable(error));
        HistoryRecord row = withState(1, HistoryRecord::State::Pending);
        QVERIFY2(store.add(row, &error), qPrintable(error));
        QCOMPARE(store.byId(row.id).state, HistoryRecord::State::Pending);
        QVERIFY(store.byId(row.id).requestId == row.requestId);

        const QDateTime before = QDateTime::currentDateTimeUtc().addMSecs(-1);
        QVERIFY2(store.setState(row.id, HistoryRecord::State::Created, QStringLiteral("cid-1"),
                                QStringLiteral("req-new"), QStringLiteral("confirmed on DAS"), &error),
                 qPrintable(error));
        HistoryRecord r = store.byId(row.id);
        QCOMPARE(r.state, HistoryRecord::State::Created);
        QCOMPARE(r.connectionId, QStringLiteral("cid-1"));
        QCOMPARE(r.requestId, QStringLiteral("req-new"));
        QCOMPARE(r.stateDetail, QStringLiteral("confirmed on DAS"));
        QVERIFY(r.updatedAt >= before && r.updatedAt <= QDateTime::currentDateTimeUtc());
        QCOMPARE(r.toJson().value(QStringLiteral("updated_at")).toString(),
                 r.updatedAt.toUTC().toString(Qt::ISODate));
        QCOMPARE(r.createdAt.toMSecsSinceEpoch(), row.createdAt.toMSecsSinceEpoch());

        // Empty IDs keep the stored ones; the detail is replaced, also by an empty one.
        QVERIFY(
            store.setState(row.id, HistoryRecord::State::Unknown, QString(), QString(), QString(), &error));
        r = store.byId(row.id);
        QCOMPARE(r.state, HistoryRecord::State::Unknown);
        QCOMPARE(r.connectionId, QStringLiteral("cid-1"));
        QCOMPARE(r.requestId, QStringLiteral("req-new"));
        QCOMPARE(r.stateDetail, QString());

        QVERIFY(!store.setState(row.id + 100, HistoryRecord::State::Created, QString(), QString(), QString(),
                                &error));
        QVERIFY2(error.contains(QString::number(row.id + 100)), qPrintable(error));
    }

    void notCreatedAndUnknownRows()
    {
        QTemporaryDir dir;
        HistoryStore store(dir.path() + QStringLiteral("/h.sqlite"));
        QString error;
        QVERIFY2(store.open(&error), qPrintable(error));
        HistoryRecord refused = withState(1, HistoryRecord::State::Pending);
        HistoryRecord lost = withState(2, HistoryRecord::State::Pending);
        QVERIFY(store.add(refused, &error) && store.add(lost, &error));
        const QString sentence = QStringLiteral("DAS refused: the instance does not exist.");
        QVERIFY(store.setState(refused.id, HistoryRecord::State::NotCreated, QString(), QStringLiteral("rq"),
                               sentence, &error));
        QVERIFY(store.setState(lost.id, HistoryRecord::State::Unknown, QString(), QString(),
                               QStringLiteral("2 candidates on DAS: id1, id2"), &error));
        QCOMPARE(store.byId(refused.id).state, HistoryRecord::State::NotCreated);
        QCOMPARE(store.byId(refused.id).stateDetail, sentence);
        QCOMPARE(store.byId(refused.id).connectionId, QString());
        QCOMPARE(store.byId(lost.id).state, HistoryRecord::State::Unknown);
        QCOMPARE(store.byId(lost.id).stateDetail, QStringLiteral("2 candidates on DAS: id1, id2"));
        QCOMPARE(idsOf(store.unresolved()), QList<qint64>{lost.id});
    }

    void unresolvedIsPendingAndUnknownOldestFirst()
    {
        QTemporaryDir dir;
        HistoryStore store(dir.path() + QStringLiteral("/h.sqlite"));
        QString error;
        QVERIFY2(store.open(&error), qPrintable(error));
        using State = HistoryRecord::State;
        QList<qint64> expected;
        const State states[] = {State::Unknown, State::Created, State::Pending, State::NotCreated,
                                State::Deleted, State::Pending, State::Unknown};
        for (int i = 0; i < int(std::size(states)); ++i) {
            HistoryRecord r = withState(i, states[i], QStringLiteral("id%1").arg(i));
            QVERIFY(store.add(r, &error));
            if (states[i] == State::Pending || states[i] == State::Unknown)
                expected.append(r.id);
        }
        QCOMPARE(idsOf(store.unresolved()), expected);
        QCOMPARE(store.unresolved().constFirst().state, State::Unknown);
        QVERIFY(store.setState(expected.at(1), State::Created, QStringLiteral("x"), QString(), QString(),
                               &error));
        expected.removeAt(1);
        QCOMPARE(idsOf(store.unresolved()), expected);
    }

    void markDeletedByConnectionIds()
    {
        QTemporaryDir dir;
        HistoryStore store(dir.path() + QStringLiteral("/h.sqlite"));
        QString error;
        QVERIFY2(store.open(&error), qPrintable(error));
        HistoryRecord a = withState(1, HistoryRecord::State::Created, QStringLiteral("a"));
        HistoryRecord b = withState(2, HistoryRecord::State::Created, QStringLiteral("b"));
        HistoryRecord a2 = withState(3, HistoryRecord::State::Created, QStringLiteral("a"));
        a2.origin = HistoryRecord::Origin::Existing;
        HistoryRecord noId = withState(4, HistoryRecord::State::Pending);
        a.stateDetail = QStringLiteral("confirmed on DAS");
        for (HistoryRecord* r : {&a, &b, &a2, &noId})
            QVERIFY(store.add(*r, &error));
        // An empty ID must not reach the row that has none.
        QCOMPARE(store.markDeleted(
                     {QStringLiteral("a"), QString(), QStringLiteral(""), QStringLiteral("missing")}, &error),
                 2);
        QCOMPARE(store.byId(a.id).state, HistoryRecord::State::Deleted);
        QCOMPARE(store.byId(a.id).stateDetail, QString());
        QVERIFY(store.byId(a.id).updatedAt.isValid());
        QCOMPARE(store.byId(a2.id).state, HistoryRecord::State::Deleted);
        QCOMPARE(store.byId(a2.id).origin, HistoryRecord::Origin::Existing);
        QCOMPARE(store.byId(b.id).state, HistoryRecord::State::Created);
        QCOMPARE(store.byId(noId.id).state, HistoryRecord::State::Pending);
        // Already deleted rows are not changed again.
        QCOMPARE(store.markDeleted({QStringLiteral("a"), QStringLiteral("b")}, &error), 1);
        QCOMPARE(store.byId(b.id).state, HistoryRecord::State::Deleted);
        QCOMPARE(store.markDeleted({}, &error), 0);
        QCOMPARE(store.count(QStringLiteral("deleted")), 3);
    }

    void createdSinceFiltersEndpointProjectTimeOriginAndState()
    {
        QTemporaryDir dir;
        HistoryStore store(dir.path() + QStringLiteral("/h.sqlite"));
        QString error;
        QVERIFY2(store.open(&error), qPrintable(error));
        const QDateTime since(QDate(2026, 4, 1), QTime(12, 0, 0, 500), QTimeZone::utc());
        const QString endpoint = sample(0).endpoint;
        const QString project = sample(0).projectId;
        auto add = [&](qint64 offsetMs, auto change) {
            HistoryRecord r =
                withState(int(offsetMs % 100), HistoryRecord::State::Created, QStringLiteral("c"));
            r.createdAt = since.addMSecs(offsetMs);
            change(r);
            return store.add(r, &error) ? r.id : qint64(-1);
        };
        auto same = [](HistoryRecord&) {
        };
        const qint64 later = add(3600 * 1000, same);
        const qint64 atSince = add(0, same);
        const qint64 justBefore = add(-1, same); // a millisecond too early
        add(10,
            [](HistoryRecord& r) { r.endpoint = QStringLiteral("https://das.cn-east-3.myhuaweicloud.com"); });
        add(10, [](HistoryRecord& r) { r.projectId = QStringLiteral("other-project"); });
        add(10, [](HistoryRecord& r) { r.origin = HistoryRecord::Origin::Existing; });
        add(10, [](HistoryRecord& r) { r.origin = HistoryRecord::Origin::Adopted; });
        for (HistoryRecord::State state : {HistoryRecord::State::Pending, HistoryRecord::State::NotCreated,
                                           HistoryRecord::State::Unknown, HistoryRecord::State::Deleted})
            add(10, [state](HistoryRecord& r) { r.state = state; });
        const qint64 earlier = add(-3600 * 1000, same);
        QVERIFY2(earlier > 0, qPrintable(error));
        // Oldest by createdAt, whatever order the rows were added in.
        QCOMPARE(idsOf(store.createdSince(endpoint, project, since)), (QList<qint64>{atSince, later}));
        QCOMPARE(idsOf(store.createdSince(endpoint, project, since.addSecs(-7200))),
                 (QList<qint64>{earlier, justBefore, atSince, later}));
        QVERIFY(store.createdSince(endpoint, QStringLiteral("nobody"), since).isEmpty());
    }

    void connectionIdsAndByConnectionIds()
    {
        QTemporaryDir dir;
        HistoryStore store(dir.path() + QStringLiteral("/h.sqlite"));
        QString error;
        QVERIFY2(store.open(&error), qPrintable(error));
        QVERIFY(store.connectionIds().isEmpty());
        using State = HistoryRecord::State;
        HistoryRecord rows[] = {withState(1, State::Created, QStringLiteral("a")),
                                withState(2, State::Deleted, QStringLiteral("b")),
                                withState(3, State::Unknown, QStringLiteral("c")),
                                withState(4, State::Pending),
                                withState(5, State::NotCreated),
                                withState(6, State::Created, QStringLiteral("a"))};
        rows[5].origin = HistoryRecord::Origin::Existing;
        for (HistoryRecord& r : rows)
            QVERIFY(store.add(r, &error));
        QCOMPARE(store.connectionIds(),
                 (QSet<QString>{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));
        const QList<HistoryRecord> found = store.byConnectionIds(
            {QStringLiteral("c"), QStringLiteral("a"), QStringLiteral("zz"), QString(), QStringLiteral("a")});
        QCOMPARE(idsOf(found), (QList<qint64>{rows[0].id, rows[2].id, rows[5].id}));
        QCOMPARE(found.at(2).origin, HistoryRecord::Origin::Existing);
        QCOMPARE(found.at(1).state, State::Unknown);
        QVERIFY(store.byConnectionIds({}).isEmpty());
        QVERIFY(store.byConnectionIds({QString()}).isEmpty());
    }

    void filterMatchesStateName()
    {
        QTemporaryDir dir;
        HistoryStore store(dir.path() + QStringLiteral("/h.sqlite"));
        QString error;
        QVERIFY2(store.open(&error), qPrintable(error));
        using State = HistoryRecord::State;
        for (State state : {State::Pending, State::Created, State::Created, State::NotCreated, State::Unknown,
                            State::Deleted}) {
            HistoryRecord r = withState(int(state), state);
            QVERIFY(store.add(r, &error));
        }
        QCOMPARE(store.count(QStringLiteral("pending")), 1);
        QCOMPARE(store.count(QStringLiteral("not_created")), 1);
        QCOMPARE(store.count(QStringLiteral("created")), 3); // not_created too
        QCOMPARE(store.count(QStringLiteral("unknown")), 1);
        QCOMPARE(store.count(QStringLiteral("deleted")), 1);
        const QList<HistoryRecord> pending = store.fetch(QStringLiteral("pending"));
        QCOMPARE(pending.size(), 1);
        QCOMPARE(pending.constFirst().state, State::Pending);
    }

    // Written before the request leaves: a crash right after add() must still find it.
    void pendingRowSurvivesReopen()
    {
        QTemporaryDir dir;
        const QString path = dir.path() + QStringLiteral("/h.sqlite");
        HistoryRecord written = withState(9, HistoryRecord::State::Pending);
        written.stateDetail = QStringLiteral("sending");
        {
            HistoryStore store(path);
            QString error;
            QVERIFY2(store.open(&error), qPrintable(error));
            QVERIFY2(store.add(written, &error), qPrintable(error));
        }
        HistoryStore reopened(path);
        QString error;
        QVERIFY2(reopened.open(&error), qPrintable(error));
        const QList<HistoryRecord> rows = reopened.unresolved();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.constFirst().id, written.id);
        QCOMPARE(rows.constFirst().state, HistoryRecord::State::Pending);
        QCOMPARE(rows.constFirst().stateDetail, QStringLiteral("sending"));
        QCOMPARE(rows.constFirst().instanceId, written.instanceId);
        QCOMPARE(rows.constFirst().remarks, written.remarks);
    }
};

QTEST_GUILESS_MAIN(TestHistoryState)
#include "tst_historystate.moc"
