// The newest migrations (HistorySchema): schema 5 to 6 (the trigram index without its table of column
// sizes) and 6 to 7 (the index without triggers, holding the rows up to a mark; HistorySearchIndex). A
// history of schema 5 keeps every row and every filter answer; after that the store keeps the index in step
// itself, a one-shot process (a CLI create) leaves its rows after the mark, and the window indexes them.
#include "AppPaths.h"
#include "HistorySchema.h"
#include "HistorySearchIndex.h"
#include "HistoryStore.h"
#include "RawHistoryConnection.h"
#include "SqliteConnection.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace das;

namespace {

const QStringList Filters = {QStringLiteral("审计员"), QStringLiteral("db_3"),
                             QStringLiteral("in00"),   QStringLiteral("7d3e"),
                             QStringLiteral("批次 1"), QStringLiteral("nothing-like-it")};

HistoryRecord sample(int i)
{
    HistoryRecord r;
    r.createdAt = QDateTime(QDate(2024, 3, 1), QTime(8, 0), QTimeZone::utc()).addSecs(qint64(i) * 61);
    r.endpoint = QStringLiteral("https://das.cn-north-4.myhuaweicloud.com");
    r.region = QStringLiteral("cn-north-4");
    r.projectId = QStringLiteral("05204149480%1").arg(i % 3);
    r.instanceId = QStringLiteral("bcfa9751in%1").arg(i % 13, 3, 10, QLatin1Char('0'));
    r.engineType = QStringLiteral("mysql");
    r.networkType = QStringLiteral("rds");
    r.username = i % 7 == 0 ? QStringLiteral("审计员") : QStringLiteral("user%1").arg(i);
    r.port = QStringLiteral("3306");
    r.databaseName = QStringLiteral("db_%1").arg(i % 9);
    r.remarks = QStringLiteral("批次 %1").arg(i / 10);
    r.connectionId = QStringLiteral("7d3e1c0b-%1").arg(i, 4, 10, QLatin1Char('0'));
    r.requestId = QStringLiteral("req-%1").arg(i);
    return r;
}

// The history as schema 5 left it, with `rows` rows in (through the store's own insert, so that every column
// is as the store writes it, then the version set back): its steps are the released ones, run as released.
bool writeVersion5(const QString& path, int rows)
{
    {
        RawHistoryConnection raw(path);
        if (!raw.exec(QStringLiteral("CREATE TABLE schema_version (version INTEGER NOT NULL)")) ||
            !raw.exec(QStringLiteral("INSERT INTO schema_version (version) VALUES (5)")))
            return false;
        for (int step = 0; step < 5; ++step) {
            for (const QString& statement : HistorySchema::migration(step)) {
                if (!raw.exec(statement))
                    return false;
            }
        }
        if (raw.column(QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE name = "
                                      "'connections_fts_docsize'")) != QStringList{QStringLiteral("1")})
            return false; // not schema 5's index
    }
    // The rows go in by SQL, the columns as schema 5's store wrote them, its triggers filling the index (a
    // store would migrate the file as it opened it).
    RawHistoryConnection raw(path);
    for (int i = 0; i < rows; ++i) {
        const HistoryRecord r = sample(i);
        if (!raw.exec(QStringLiteral("INSERT INTO connections (created_at, endpoint, region, project_id, "
                                     "instance_id, engine_type, network_type, username, node_ids, port, "
                                     "database_name, remarks, sql_record_flag, is_save_password, "
                                     "connection_id, request_id) VALUES ('%1', '%2', '%3', '%4', '%5', "
                                     "'%6', '%7', '%8', '', '%9', '%10', '%11', 0, 0, '%12', '%13')")
                          .arg(r.createdAt.toString(Qt::ISODateWithMs), r.endpoint, r.region, r.projectId,
                               r.instanceId, r.engineType, r.networkType, r.username, r.port)
                          .arg(r.databaseName, r.remarks, r.connectionId, r.requestId)))
            return false;
    }
    return true;
}

// The rows' ids, as the raw connection reads them.
QStringList ids(const QList<HistoryRecord>& rows)
{
    QStringList out;
    for (const HistoryRecord& r : rows)
        out.append(QString::number(r.id));
    return out;
}

} // namespace

class TestHistorySchema : public QObject
{
    Q_OBJECT

private slots:
    void migratesVersion5KeepingEverySearch()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v5.sqlite"));
        QVERIFY(writeVersion5(path, 60));
        // What schema 5 answers, by LIKE over the searched columns (the index is what changes).
        QMap<QString, QStringList> before;
        {
            RawHistoryConnection raw(path);
            for (const QString& filter : Filters) {
                before[filter] = raw.column(
                    QStringLiteral("SELECT id FROM connections WHERE username LIKE '%%1%' OR database_name "
                                   "LIKE '%%1%' OR instance_id LIKE '%%1%' OR connection_id LIKE '%%1%' OR "
                                   "remarks LIKE '%%1%' ORDER BY created_at DESC, id DESC")
                        .arg(filter));
            }
        }
        QVERIFY(!before.value(QStringLiteral("审计员")).isEmpty());

        HistoryStore store(path);
        QString error;
        QVERIFY2(store.open(&error), qPrintable(error));
        QCOMPARE(store.schemaVersion(), HistoryStore::SchemaVersion);
        QCOMPARE(store.fetch().size(), 60);
        for (const QString& filter : Filters)
            QCOMPARE(ids(store.fetch(filter)), before.value(filter));

        RawHistoryConnection raw(path);
        QCOMPARE(raw.column(QStringLiteral(
                     "SELECT COUNT(*) FROM sqlite_master WHERE name = 'connections_fts_docsize'")),
                 QStringList{QStringLiteral("0")});
        // Schema 7: no trigger, and every row in the index (the mark at the last one).
        QCOMPARE(raw.column(QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger'")),
                 QStringList{QStringLiteral("0")});
        QCOMPARE(raw.column(QStringLiteral("SELECT indexed_through FROM search_progress")),
                 raw.column(QStringLiteral("SELECT MAX(id) FROM connections")));
        QCOMPARE(raw.column(QStringLiteral(
                     "SELECT COUNT(*) FROM connections_fts WHERE connections_fts MATCH '\"审计员\"'")),
                 QStringList{QString::number(before.value(QStringLiteral("审计员")).size())});
        QCOMPARE(raw.check(), QStringLiteral("ok")); // the table and the trigram index
    }

    // What a CLI create writes (a pending row, then its ID), a deletion, and a new ID for a row the index
    // holds: found by the filter at each step, and the index in step with the table after.
    void storeKeepsTheIndexInStep()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v5.sqlite"));
        QVERIFY(writeVersion5(path, 20));
        HistoryStore store(path);
        QString error;
        QVERIFY2(store.open(&error), qPrintable(error));
        HistoryRecord row = sample(100);
        row.connectionId.clear();
        row.state = HistoryRecord::State::Pending;
        QVERIFY2(store.add(row, &error), qPrintable(error));
        QCOMPARE(indexed(path), QStringLiteral("20 of 21")); // after the mark
        QCOMPARE(ids(store.fetch(row.instanceId + QStringLiteral("x"))), QStringList());
        QVERIFY(ids(store.fetch(QStringLiteral("user100"))) == QStringList{QString::number(row.id)});
        QCOMPARE(ids(store.fetch(QStringLiteral("c0ffee42"))), QStringList());
        QVERIFY2(store.setState(row.id, HistoryRecord::State::Created, QStringLiteral("c0ffee42-0001"),
                                QStringLiteral("req-x"), QString(), &error),
                 qPrintable(error));
        QCOMPARE(ids(store.fetch(QStringLiteral("c0ffee42"))), QStringList{QString::number(row.id)});
        QVERIFY2(store.remove({row.id}, &error), qPrintable(error));
        QCOMPARE(ids(store.fetch(QStringLiteral("c0ffee42"))), QStringList());

        // Row 3 is in the index: its new ID is found, its old one no more; then it is deleted.
        QVERIFY2(store.setState(3, HistoryRecord::State::Created, QStringLiteral("beefcafe-0003"), QString(),
                                QString(), &error),
                 qPrintable(error));
        QCOMPARE(ids(store.fetch(QStringLiteral("beefcafe"))), QStringList{QStringLiteral("3")});
        QCOMPARE(ids(store.fetch(sample(2).connectionId)), QStringList()); // row 3 is sample(2)
        QCOMPARE(RawHistoryConnection(path).check(), QStringLiteral("ok"));
        // settleUnresolved() leaves a created row, and its index entry, as they are.
        QCOMPARE(store.settleUnresolved(3, HistoryRecord::State::NotCreated, QStringLiteral("0bad0bad-0003"),
                                        QString(), &error),
                 0);
        QCOMPARE(ids(store.fetch(QStringLiteral("beefcafe"))), QStringList{QStringLiteral("3")});
        QVERIFY2(store.remove({3}, &error), qPrintable(error));
        QCOMPARE(ids(store.fetch(QStringLiteral("beefcafe"))), QStringList());
        QCOMPARE(RawHistoryConnection(path).check(), QStringLiteral("ok"));

        // Row 5, in the index, left unknown; reconcile then learns its ID (settleUnresolved).
        QVERIFY2(store.setState(5, HistoryRecord::State::Unknown, QString(), QString(), QString(), &error),
                 qPrintable(error));
        QCOMPARE(store.settleUnresolved(5, HistoryRecord::State::Created, QStringLiteral("decade00-0005"),
                                        QString(), &error),
                 1);
        QCOMPARE(ids(store.fetch(QStringLiteral("decade00"))), QStringList{QStringLiteral("5")});
        QCOMPARE(RawHistoryConnection(path).check(), QStringLiteral("ok"));
    }

    // A one-shot process (the CLI) leaves its rows after the mark; the window, opening the history, puts
    // them in the index, and a create still in flight then settles a row the index holds.
    void windowIndexesWhatTheCliLeft()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("history.sqlite"));
        QString error;
        HistoryStore cli(path);
        QVERIFY(openAsCliAndAdd(cli, 5));
        HistoryRecord inFlight = sample(5);
        inFlight.connectionId.clear();
        inFlight.state = HistoryRecord::State::Pending;
        QVERIFY2(cli.add(inFlight, &error), qPrintable(error));
        QCOMPARE(indexed(path), QStringLiteral("0 of 6"));
        const QStringList byLike = ids(cli.fetch(QStringLiteral("审计员")));
        QVERIFY(!byLike.isEmpty());

        HistoryStore window(path);
        QVERIFY2(window.open(&error), qPrintable(error));
        QCOMPARE(indexed(path), QStringLiteral("6 of 6"));
        QCOMPARE(ids(window.fetch(QStringLiteral("审计员"))), byLike);
        QVERIFY2(cli.setState(inFlight.id, HistoryRecord::State::Created, QStringLiteral("f1a7f1a7-0005"),
                              QString(), QString(), &error),
                 qPrintable(error));
        QCOMPARE(ids(window.fetch(QStringLiteral("f1a7f1a7"))), QStringList{QString::number(inFlight.id)});
        QCOMPARE(RawHistoryConnection(path).check(), QStringLiteral("ok"));
    }

    // The index is filled up to a bound at a time (the window opening a history after a long run of CLI
    // batches); the filter's answers are the same at every step.
    void catchUpIsBounded()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("history.sqlite"));
        QString error;
        HistoryStore cli(path);
        QVERIFY(openAsCliAndAdd(cli, 5));
        const QStringList answer = ids(cli.fetch(QStringLiteral("in00")));
        QCOMPARE(answer.size(), 5);
        SqliteConnection own;
        QVERIFY2(own.open(path, SqliteConnection::Mode::ReadWrite, 5000, &error), qPrintable(error));
        for (const char* expected : {"2 of 5", "4 of 5", "5 of 5", "5 of 5"}) {
            QVERIFY(own.immediateTransaction());
            QVERIFY2(HistorySearchIndex::catchUp(own.handle(), 2, &error), qPrintable(error));
            QVERIFY(own.commit());
            QCOMPARE(indexed(path), QLatin1String(expected));
            QCOMPARE(ids(cli.fetch(QStringLiteral("in00"))), answer);
        }
        QCOMPARE(RawHistoryConnection(path).check(), QStringLiteral("ok"));
    }

    // The window indexes on its GUI thread: while another process holds the write lock (a CLI import holds
    // it for seconds), it leaves the rows for the next time at once instead of waiting out the 5 s busy
    // timeout; they are indexed once the lock is free.
    void indexingDoesNotWaitForAnotherWriter()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("history.sqlite"));
        HistoryStore window(path);
        QString error;
        QVERIFY2(window.open(&error), qPrintable(error));
        HistoryStore cli(path);
        QVERIFY(openAsCliAndAdd(cli, 3));
        SqliteConnection writer;
        QVERIFY2(writer.open(path, SqliteConnection::Mode::ReadWrite, 5000, &error), qPrintable(error));
        QVERIFY(writer.immediateTransaction());
        QElapsedTimer waited;
        waited.start();
        window.indexSearchTail();
        QVERIFY2(waited.elapsed() < 2500,
                 "waited for the write lock"); // against the 5 s timeout, not a speed
        QCOMPARE(indexed(path), QStringLiteral("0 of 3"));
        QVERIFY(writer.rollback());
        window.indexSearchTail();
        QCOMPARE(indexed(path), QStringLiteral("3 of 3"));
    }

private:
    // Opens `store` as a one-shot process does (AppPaths::historyCompactedOnClose) and adds sample(0) ..
    // sample(rows - 1), each its own commit, as CLI creates.
    static bool openAsCliAndAdd(HistoryStore& store, int rows)
    {
        QString error;
        AppPaths::setHistoryCompactedOnClose(false);
        bool ok = store.open(&error);
        AppPaths::setHistoryCompactedOnClose(true);
        for (int i = 0; ok && i < rows; ++i) {
            HistoryRecord r = sample(i);
            ok = store.add(r, &error);
        }
        if (!ok)
            qWarning() << error;
        return ok;
    }
    // "N of M": the rows the trigram index holds, of all.
    static QString indexed(const QString& path)
    {
        RawHistoryConnection raw(path);
        return raw.column(QStringLiteral("SELECT COUNT(*) FROM connections_fts_idx")).isEmpty()
                   ? QString()
                   : raw.column(QStringLiteral("SELECT (SELECT COUNT(*) FROM connections WHERE id <= "
                                               "indexed_through) || ' of ' || (SELECT COUNT(*) FROM "
                                               "connections) FROM search_progress"))
                         .value(0);
    }
};

QTEST_GUILESS_MAIN(TestHistorySchema)
#include "tst_historyschema.moc"
