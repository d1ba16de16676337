#include "HistoryStore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <iterator>
#include <optional>

#include <sys/stat.h>
#include <unistd.h>

using namespace das;

namespace {

HistoryRecord sample(int i)
{
    HistoryRecord r;
    r.endpoint = QStringLiteral("https://das.cn-north-4.myhuaweicloud.com");
    r.region = QStringLiteral("cn-north-4");
    r.projectId = QStringLiteral("052041494800d57c2f02c00275b4c247");
    r.instanceId = QStringLiteral("bcfa975193f1402fa11a6d4fd6baf5f%1in01").arg(i % 10);
    r.engineType = i % 2 ? QStringLiteral("mysql") : QStringLiteral("postgresql");
    r.networkType = QStringLiteral("rds");
    r.username = QStringLiteral("user%1").arg(i, 3, 10, QLatin1Char('0'));
    r.nodeIds = {QStringLiteral("6b0e3d1c2a9f4e8b9c7d5a4f3e2d1c0bno01"),
                 QStringLiteral("6b0e3d1c2a9f4e8b9c7d5a4f3e2d1c0bno02")};
    r.port = QStringLiteral("3306");
    r.databaseName = QStringLiteral("db");
    r.remarks = QStringLiteral("批次 %1 — 100% done_x").arg(i);
    r.sqlRecordFlag = true;
    r.isSavePassword = i % 3 == 0;
    r.connectionId = QStringLiteral("00000000-0000-4000-8000-%1").arg(i, 12, 10, QLatin1Char('0'));
    r.requestId = QStringLiteral("req%1").arg(i);
    return r;
}

// das.history lines logged while a test runs (see loggingNamesIdsOnly).
QStringList loggedHistoryLines;

void captureHistoryLines(QtMsgType, const QMessageLogContext& context, const QString& message)
{
    if (context.category && QLatin1String(context.category) == QLatin1String("das.history"))
        loggedHistoryLines.append(message);
}

mode_t modeOf(const QString& path)
{
    struct stat st
    {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? st.st_mode & 0777 : 07777;
}

// Sets a umask for the life of one test (the usual 022 unless told otherwise) and puts the old one back.
class UmaskScope
{
public:
    explicit UmaskScope(mode_t mask = 022)
        : m_old(::umask(mask))
    {}
    ~UmaskScope() { ::umask(m_old); }
    UmaskScope(const UmaskScope&) = delete;
    UmaskScope& operator=(const UmaskScope&) = delete;

private:
    mode_t m_old;
};

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

class TestHistoryStore : public QObject
{
    Q_OBJECT

private slots:
    void addFetchAndSurviveReopen()
    {
        QTemporaryDir dir;
        const QString path = dir.path() + QStringLiteral("/data/history.sqlite");
        HistoryRecord written = sample(7);
        {
            HistoryStore store(path);
            QString error;
            QVERIFY2(store.open(&error), qPrintable(error));
            QCOMPARE(store.schemaVersion(), HistoryStore::SchemaVersion);
            QVERIFY2(store.add(written, &error), qPrintable(error));
            QVERIFY(written.id > 0);
        }
        HistoryStore reopened(path);
        QString error;
        QVERIFY2(reopened.open(&error), qPrintable(error));
        const QList<HistoryRecord> rows = reopened.fetch();
        QCOMPARE(rows.size(), 1);
        const HistoryRecord& r = rows.constFirst();
        QCOMPARE(r.id, written.id);
        QCOMPARE(r.connectionId, written.connectionId);
        QCOMPARE(r.requestId, written.requestId);
        QCOMPARE(r.instanceId, written.instanceId);
        QCOMPARE(r.nodeIds, written.nodeIds);
        QCOMPARE(r.remarks, written.remarks);
        QCOMPARE(r.port, written.port);
        QCOMPARE(r.region, written.region);
        QCOMPARE(r.sqlRecordFlag, true);
        QCOMPARE(r.isSavePassword, written.isSavePassword);
        QCOMPARE(r.createdAt.toSecsSinceEpoch(), written.createdAt.toSecsSinceEpoch());
        QCOMPARE(r.createdAt.timeSpec(), Qt::TimeZone);
    }

    void privatePermissionsAndWal()
    {
        QTemporaryDir dir;
        const QString folder = dir.path() + QStringLiteral("/appdata");
        const QString path = folder + QStringLiteral("/history.sqlite");
        HistoryStore store(path);
        QString error;
        QVERIFY(store.open(&error));
        QCOMPARE(QFileInfo(folder).permissions() & 0x7077,
                 QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        QCOMPARE(QFileInfo(path).permissions() & 0x7077, QFile::ReadOwner | QFile::WriteOwner);

        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("probe"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        {
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
            // No column could hold a password.
            QVERIFY(q.exec(QStringLiteral("PRAGMA table_info(connections)")));
            QStringList columns;
            while (q.next())
                columns.append(q.value(1).toString());
            QVERIFY(columns.contains(QStringLiteral("connection_id")));
            for (const QString& column : columns) {
                QVERIFY2(!column.contains(QLatin1String("password")) ||
                             column == QLatin1String("is_save_password") ||
                             column == QLatin1String("password_saved"),
                         qPrintable(column));
            }
        }
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("probe"));
    }

    // SQLite gives its side files the database's mode; the database used to be chmod-ed only after the first
    // writes, so -wal and -shm were born 0644 under the usual umask and stayed so while the history was open.
    void sideFilesPrivateFromTheFirstByteUnderUmask022()
    {
        const UmaskScope umask(022);
        QTemporaryDir dir;
        const QString folder = dir.path() + QStringLiteral("/fresh/appdata");
        const QString path = folder + QStringLiteral("/history.sqlite");
        HistoryStore store(path);
        QString error;
        QVERIFY2(store.open(&error), qPrintable(error));
        HistoryRecord row = sample(1);
        QVERIFY2(store.add(row, &error), qPrintable(error));
        QCOMPARE(modeOf(folder), mode_t(0700));
        QCOMPARE(modeOf(dir.path() + QStringLiteral("/fresh")), mode_t(0700)); // a parent it created
        for (const char* suffix : {"", "-wal", "-shm"}) {
            const QString file = path + QLatin1String(suffix);
            QVERIFY2(QFileInfo::exists(file), qPrintable(file));
            QVERIFY2(modeOf(file) == 0600, qPrintable(file + QStringLiteral(": %1").arg(modeOf(file), 0, 8)));
        }
    }

    // Left over by an older version or another program: tightened on open.
    void widerFilesAreTightenedOnOpen()
    {
        QTemporaryDir dir;
        const QString path = dir.path() + QStringLiteral("/appdata/history.sqlite");
        const QString folder = QFileInfo(path).absolutePath();
        QString error;
        QVERIFY2(HistoryStore(path).open(&error), qPrintable(error));
        QFile journal(path + QStringLiteral("-journal"));
        QVERIFY(journal.open(QIODevice::WriteOnly));
        journal.close();
        for (const QString& file : {folder, path, journal.fileName()})
            QCOMPARE(::chmod(QFile::encodeName(file).constData(), 0755), 0);
        HistoryStore store(path);
        QVERIFY2(store.open(&error), qPrintable(error));
        QCOMPARE(modeOf(folder), mode_t(0700));
        QCOMPARE(modeOf(path), mode_t(0600));
        QCOMPARE(modeOf(journal.fileName()), mode_t(0600));
    }

    // A folder that cannot be made ours alone: open() fails, says why, and creates nothing there.
    void folderOfAnotherUserRefused()
    {
        if (::geteuid() != 0)
            QSKIP("making a folder of another user needs root");
        QTemporaryDir dir;
        const QString folder = dir.path() + QStringLiteral("/theirs");
        QVERIFY(QDir().mkdir(folder));
        QCOMPARE(::chown(QFile::encodeName(folder).constData(), 65534, 65534), 0);
        QCOMPARE(::chmod(QFile::encodeName(folder).constData(), 0755), 0);
        const QString path = folder + QStringLiteral("/history.sqlite");
        HistoryStore store(path);
        QString error;
        QVERIFY(!store.open(&error));
        QVERIFY(!store.isOpen());
        QVERIFY2(error.contains(folder) && error.contains(QStringLiteral("another user")), qPrintable(error));
        QVERIFY(!QFileInfo::exists(path));
        QCOMPARE(modeOf(folder), mode_t(0755));
    }

    void migratesVersion1()
    {
        QTemporaryDir dir;
        const QString path = dir.path() + QStringLiteral("/v1.sqlite");
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v1"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("CREATE TABLE schema_version (version INTEGER NOT NULL)")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO schema_version VALUES (1)")));
            QVERIFY(q.exec(QStringLiteral(
                "CREATE TABLE connections (id INTEGER PRIMARY KEY AUTOINCREMENT, created_at TEXT NOT NULL, "
                "endpoint TEXT "
                "NOT NULL, region TEXT NOT NULL, project_id TEXT NOT NULL, instance_id TEXT NOT NULL, "
                "engine_type TEXT "
                "NOT NULL, network_type TEXT NOT NULL, username TEXT NOT NULL, node_ids TEXT NOT NULL, port "
                "TEXT NOT "
                "NULL, database_name TEXT NOT NULL, remarks TEXT NOT NULL, sql_record_flag INTEGER NOT NULL, "
                "is_save_password INTEGER NOT NULL, connection_id TEXT NOT NULL, request_id TEXT NOT "
                "NULL)")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO connections VALUES (NULL, '2026-01-02T03:04:05.000Z', "
                                          "'e', 'r', 'p', 'i', 'mysql', 'rds', "
                                          "'u', '', '', '', 'old row', 0, 1, 'old-id', 'req')")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("v1"));

        HistoryStore store(path);
        QString error;
        QVERIFY2(store.open(&error), qPrintable(error));
        QCOMPARE(store.schemaVersion(), HistoryStore::SchemaVersion);
        const auto rows = store.fetch();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.constFirst().connectionId, QStringLiteral("old-id"));
        QCOMPARE(rows.constFirst().passwordSaved, false);
        QCOMPARE(rows.constFirst().createdAt, QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), QTimeZone::utc()));
        QVERIFY(store.setPasswordSaved(rows.constFirst().id, true, &error));
        QCOMPARE(store.byId(rows.constFirst().id).passwordSaved, true);
    }

    void refusesNewerSchema()
    {
        QTemporaryDir dir;
        const QString path = dir.path() + QStringLiteral("/future.sqlite");
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("future"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("CREATE TABLE schema_version (version INTEGER NOT NULL)")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO schema_version VALUES (99)")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("future"));
        HistoryStore store(path);
        QString error;
        QVERIFY(!store.open(&error));
        QVERIFY2(error.contains(QStringLiteral("newer")), qPrintable(error));
    }

    void filterSortPageAndRemove()
    {
        QTemporaryDir dir;
        HistoryStore store(dir.path() + QStringLiteral("/h.sqlite"));
        QString error;
        QVERIFY(store.open(&error));
        for (int i = 0; i < 30; ++i) {
            HistoryRecord r = sample(i);
            QVERIFY(store.add(r, &error));
        }
        QCOMPARE(store.count(), 30);
        QCOMPARE(store.count(QStringLiteral("postgresql")), 15);
        QCOMPARE(store.count(QStringLiteral("user007")), 1);
        QCOMPARE(store.count(QStringLiteral("000000000012")), 1); // connection ID
        QCOMPARE(store.count(QStringLiteral("100%")), 30);
        QCOMPARE(store.count(QStringLiteral("r%1")), 0);    // % is literal, not a wildcard
        QCOMPARE(store.count(QStringLiteral("don__x")), 0); // _ is literal too
        QCOMPARE(store.count(QStringLiteral("done_x")), 30);
        QCOMPARE(store.count(QStringLiteral("批次 2")), 1 + 10); // 2, 20..29
        QCOMPARE(store.count(QStringLiteral("f3in01")), 3);      // instance 3, 13, 23

        const auto newest = store.fetch(QString(), HistoryColumn::Time, Qt::DescendingOrder, 0, 5);
        QCOMPARE(newest.size(), 5);
        QCOMPARE(newest.constFirst().username, QStringLiteral("user029"));
        const auto page = store.fetch(QString(), HistoryColumn::Username, Qt::AscendingOrder, 10, 3);
        QCOMPARE(page.size(), 3);
        QCOMPARE(page.at(0).username, QStringLiteral("user010"));
        QCOMPARE(page.at(2).username, QStringLiteral("user012"));

        QVERIFY(store.remove({newest.at(0).id, newest.at(1).id}, &error));
        QCOMPARE(store.count(), 28);
        QCOMPARE(store.byId(newest.at(0).id).id, 0);
    }

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

QTEST_GUILESS_MAIN(TestHistoryStore)
#include "tst_historystore.moc"
