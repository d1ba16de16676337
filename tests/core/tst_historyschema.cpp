// The newest migration (HistorySchema, schema 5 to 6: the trigram index without its table of column sizes):
// a history of schema 5 keeps every row and every filter answer, and the rebuilt index goes on following
// inserts, updates and deletes through the triggers of schema 5.
#include "HistorySchema.h"
#include "HistoryStore.h"
#include "RawHistoryConnection.h"

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
        QCOMPARE(store.schemaVersion(), 6);
        QCOMPARE(store.fetch().size(), 60);
        for (const QString& filter : Filters)
            QCOMPARE(ids(store.fetch(filter)), before.value(filter));

        RawHistoryConnection raw(path);
        QCOMPARE(raw.column(QStringLiteral(
                     "SELECT COUNT(*) FROM sqlite_master WHERE name = 'connections_fts_docsize'")),
                 QStringList{QStringLiteral("0")});
        QCOMPARE(raw.check(), QStringLiteral("ok")); // the table and the trigram index
    }

    // The triggers of schema 5 keep the rebuilt index in step: what a CLI create writes (a pending row, then
    // its ID), a deletion, and an edit of a searched column.
    void triggersFollowTheRebuiltIndex()
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
        QCOMPARE(ids(store.fetch(QStringLiteral("c0ffee42"))), QStringList());
        QVERIFY2(store.setState(row.id, HistoryRecord::State::Created, QStringLiteral("c0ffee42-0001"),
                                QStringLiteral("req-x"), QString(), &error),
                 qPrintable(error));
        QCOMPARE(ids(store.fetch(QStringLiteral("c0ffee42"))), QStringList{QString::number(row.id)});
        QVERIFY2(store.remove({row.id}, &error), qPrintable(error));
        QCOMPARE(ids(store.fetch(QStringLiteral("c0ffee42"))), QStringList());
        QCOMPARE(RawHistoryConnection(path).check(), QStringLiteral("ok"));
    }
};

QTEST_GUILESS_MAIN(TestHistorySchema)
#include "tst_historyschema.moc"
