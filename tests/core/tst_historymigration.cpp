// HistoryStore opening a history of an older schema (3 and 4): every row kept, each migration step run and
// logged (das.history: ids and schema steps, never a value of a row).
#include "HistoryStore.h"
#include "HistoryStoreSample.h"

#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace das;
using HistoryStoreTest::sample;

namespace {

// das.history lines logged while a test runs (see loggingNamesIdsOnly).
QStringList loggedHistoryLines;

void captureHistoryLines(QtMsgType, const QMessageLogContext& context, const QString& message)
{
    if (context.category && QLatin1String(context.category) == QLatin1String("das.history"))
        loggedHistoryLines.append(message);
}

// A database as schema version 3 left it, built from that version's SQL, with `rows` rows.
bool writeVersion3(const QString& path, int rows)
{
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v3"));
        db.setDatabaseName(path);
        ok = db.open();
        QSqlQuery q(db);
        const char* const schema[] = {
            "CREATE TABLE schema_version (version INTEGER NOT NULL)",
            "INSERT INTO schema_version VALUES (3)",
            "CREATE TABLE connections (id INTEGER PRIMARY KEY AUTOINCREMENT, created_at TEXT NOT NULL,"
            " endpoint TEXT NOT NULL, region TEXT NOT NULL, project_id TEXT NOT NULL, instance_id TEXT NOT "
            "NULL,"
            " engine_type TEXT NOT NULL, network_type TEXT NOT NULL, username TEXT NOT NULL, node_ids TEXT "
            "NOT "
            "NULL, port TEXT NOT NULL, database_name TEXT NOT NULL, remarks TEXT NOT NULL, sql_record_flag "
            "INTEGER NOT NULL, is_save_password INTEGER NOT NULL, connection_id TEXT NOT NULL, request_id "
            "TEXT "
            "NOT NULL)",
            "ALTER TABLE connections ADD COLUMN password_saved INTEGER NOT NULL DEFAULT 0",
            "CREATE INDEX connections_endpoint ON connections(endpoint, id)",
            "CREATE INDEX connections_instance_sort ON connections(instance_id, id)",
            "CREATE INDEX connections_engine ON connections(engine_type, id)",
            "CREATE INDEX connections_username ON connections(username, id)",
            "CREATE INDEX connections_connection_id ON connections(connection_id, id)",
            "CREATE INDEX connections_remarks ON connections(remarks, id)",
            "CREATE INDEX connections_password_saved ON connections(password_saved, id)",
            "CREATE INDEX connections_instance ON connections(instance_id)",
        };
        for (const char* statement : schema)
            ok = ok && q.exec(QLatin1String(statement));
        for (int i = 0; i < rows; ++i) {
            q.prepare(QStringLiteral("INSERT INTO connections VALUES (NULL, :t, 'https://e', 'r', 'p', 'i', "
                                     "'mysql', 'rds', :u, 'n1,n2', '3306', 'db', 'old', 1, 0, :c, :q, :s)"));
            q.bindValue(QStringLiteral(":t"), QStringLiteral("2025-03-0%1T10:00:00.250Z").arg(i + 1));
            q.bindValue(QStringLiteral(":u"), QStringLiteral("user%1").arg(i));
            q.bindValue(QStringLiteral(":c"), QStringLiteral("v3-id-%1").arg(i));
            q.bindValue(QStringLiteral(":q"), QStringLiteral("v3-req-%1").arg(i));
            q.bindValue(QStringLiteral(":s"), i % 2);
            ok = ok && q.exec();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("v3"));
    return ok;
}

} // namespace

class TestHistoryMigration : public QObject
{
    Q_OBJECT

private slots:
    void loggingNamesIdsOnly()
    {
        QTemporaryDir dir;
        const QString path = dir.path() + QStringLiteral("/logged.sqlite");
        loggedHistoryLines.clear();
        QLoggingCategory::setFilterRules(QStringLiteral("das.history.debug=true"));
        const QtMessageHandler previous = qInstallMessageHandler(captureHistoryLines);
        HistoryRecord r = sample(4);
        QString error;
        bool added = false;
        {
            HistoryStore store(path);
            added = store.open(&error) && store.add(r, &error);
        }
        qInstallMessageHandler(previous);
        QLoggingCategory::setFilterRules(QString());
        QVERIFY2(added, qPrintable(error));

        const QString all = loggedHistoryLines.join(u'\n');
        for (int step = 0; step < HistoryStore::SchemaVersion; ++step)
            QVERIFY2(all.contains(QStringLiteral("migrating schema %1 to %2").arg(step).arg(step + 1)),
                     qPrintable(all));
        QVERIFY2(
            all.contains(
                QStringLiteral("opened \"%1\" schema version %2").arg(path).arg(HistoryStore::SchemaVersion)),
            qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("added row %1").arg(r.id)), qPrintable(all));
        // Nothing the user typed, not even the connection the row is about.
        for (const QString& typed : {r.username, r.remarks, r.instanceId, r.projectId, r.connectionId})
            QVERIFY2(!all.contains(typed), qPrintable(typed));
    }
    // Schema 3 to 4: every row kept as it was, and each is a connection this tool created.
    void migratesVersion3KeepingEveryRow()
    {
        QTemporaryDir dir;
        const QString path = dir.path() + QStringLiteral("/v3.sqlite");
        QVERIFY(writeVersion3(path, 3));
        HistoryStore store(path);
        QString error;
        QVERIFY2(store.open(&error), qPrintable(error));
        QCOMPARE(store.schemaVersion(), HistoryStore::SchemaVersion);
        const QList<HistoryRecord> rows = store.fetch(QString(), HistoryColumn::Time, Qt::AscendingOrder);
        QCOMPARE(rows.size(), 3);
        for (int i = 0; i < rows.size(); ++i) {
            const HistoryRecord& r = rows.at(i);
            QCOMPARE(r.connectionId, QStringLiteral("v3-id-%1").arg(i));
            QCOMPARE(r.requestId, QStringLiteral("v3-req-%1").arg(i));
            QCOMPARE(r.username, QStringLiteral("user%1").arg(i));
            QCOMPARE(r.nodeIds, QStringList({QStringLiteral("n1"), QStringLiteral("n2")}));
            QCOMPARE(r.passwordSaved, i % 2 == 1);
            QCOMPARE(r.createdAt, QDateTime(QDate(2025, 3, i + 1), QTime(10, 0, 0, 250), QTimeZone::utc()));
            QCOMPARE(r.state, HistoryRecord::State::Created);
            QCOMPARE(r.origin, HistoryRecord::Origin::Created);
            QCOMPARE(r.stateDetail, QString());
            QVERIFY(!r.updatedAt.isValid());
        }
        QCOMPARE(store.count(QStringLiteral("created")), 3);
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("probe4"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        {
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral(
                "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = 'connections_state'")));
            QVERIFY(q.next());
            QVERIFY2(q.value(0).toString().contains(QLatin1String("(state, id)")),
                     qPrintable(q.value(0).toString()));
        }
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("probe4"));
    }

    // Schema 4 to 5: the same rows, now with an index behind every sortable column.
    void migratesVersion4KeepingEveryRow()
    {
        QTemporaryDir dir;
        const QString path = dir.path() + QStringLiteral("/v4.sqlite");
        QVERIFY(writeVersion3(path, 3));
        {
            // Version 4 as its release left it: schema 3 plus its one step.
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v4"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            const char* const step[] = {
                "ALTER TABLE connections ADD COLUMN state TEXT NOT NULL DEFAULT 'created'",
                "ALTER TABLE connections ADD COLUMN origin TEXT NOT NULL DEFAULT 'created'",
                "ALTER TABLE connections ADD COLUMN state_detail TEXT NOT NULL DEFAULT ''",
                "ALTER TABLE connections ADD COLUMN updated_at TEXT NOT NULL DEFAULT ''",
                "CREATE INDEX connections_state ON connections(state, id)",
                "UPDATE connections SET state = 'unknown', state_detail = 'lost' WHERE username = 'user1'",
                "UPDATE schema_version SET version = 4",
            };
            for (const char* statement : step)
                QVERIFY2(q.exec(QLatin1String(statement)), statement);
            q = QSqlQuery();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("v4"));

        HistoryStore store(path);
        QString error;
        QVERIFY2(store.open(&error), qPrintable(error));
        QCOMPARE(store.schemaVersion(), HistoryStore::SchemaVersion);
        const QList<HistoryRecord> rows = store.fetch(QString(), HistoryColumn::Time, Qt::AscendingOrder);
        QCOMPARE(rows.size(), 3);
        for (int i = 0; i < rows.size(); ++i) {
            QCOMPARE(rows.at(i).connectionId, QStringLiteral("v3-id-%1").arg(i));
            QCOMPARE(rows.at(i).state,
                     i == 1 ? HistoryRecord::State::Unknown : HistoryRecord::State::Created);
        }
        QCOMPARE(store.byConnectionIds({QStringLiteral("v3-id-1")}).constFirst().stateDetail,
                 QStringLiteral("lost"));
        // Sorted by a column that had no index before, in both directions.
        QCOMPARE(store.fetch(QString(), HistoryColumn::RequestId, Qt::DescendingOrder).constFirst().requestId,
                 QStringLiteral("v3-req-2"));
        QCOMPARE(store.fetch(QString(), HistoryColumn::Port, Qt::AscendingOrder).size(), 3);
        // The trigram index covers the rows from before: a filter of three characters or more uses it.
        QCOMPARE(store.count(QStringLiteral("v3-id")), 3);
        QCOMPARE(store.count(QStringLiteral("V3-REQ-1")), 0); // request IDs are not filtered, user names are
        QCOMPARE(store.count(QStringLiteral("USER2")), 1);
        // And still writable.
        HistoryRecord added = sample(1);
        QVERIFY2(store.add(added, &error), qPrintable(error));
        QCOMPARE(store.count(), 4);

        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("probe5"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        {
            QSqlQuery q(db);
            for (const char* index : {"connections_project", "connections_port", "connections_request_id",
                                      "connections_state_detail", "connections_updated_at"}) {
                QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND "
                                              "name = '%1'")
                                   .arg(QLatin1String(index))));
                QVERIFY(q.next());
                QVERIFY2(q.value(0).toInt() == 1, index);
            }
            // Sorting by each column walks its index: no temporary b-tree for the ORDER BY.
            QVERIFY(q.exec(QStringLiteral("EXPLAIN QUERY PLAN SELECT id FROM connections ORDER BY "
                                          "CAST(port AS INTEGER) DESC, id DESC")));
            QString plan;
            while (q.next())
                plan += q.value(3).toString() + u'\n';
            QVERIFY2(!plan.contains(QLatin1String("TEMP B-TREE")), qPrintable(plan));
        }
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("probe5"));
    }
};

QTEST_GUILESS_MAIN(TestHistoryMigration)
#include "tst_historymigration.moc"
