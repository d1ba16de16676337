// HistoryStore: adding, reading back, paging, filtering and removing rows; the files it creates and keeps
// private; the schema versions it opens or refuses. The migrations from schema 3 and 4 and what
// opening logs are in tst_historymigration, its states in tst_historystate.
#include "HistoryStore.h"
#include "HistoryStoreSample.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <sys/stat.h>
#include <unistd.h>

using namespace das;
using HistoryStoreTest::sample;

namespace {

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
};

QTEST_GUILESS_MAIN(TestHistoryStore)
#include "tst_historystore.moc"
