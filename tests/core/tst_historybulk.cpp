// Bulk loads (HistoryStore::addMany, addEach; HistoryBulkInsert): whichever way the rows go in (every index
// row by row or built again after, the trigram index filled after), the history answers every query the
// same, and a load that fails leaves the table and its indexes as they were.
#include "AppPaths.h"
#include "HistoryBulkInsert.h"
#include "HistoryExporter.h"
#include "HistorySql.h"
#include "HistoryStore.h"
#include "RawHistoryConnection.h"
#include "SqliteConnection.h"

#include <QAtomicInt>
#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimeZone>
#include <QUuid>

#include <sqlite3.h>

using namespace das;

namespace {

HistoryRecord sample(int i)
{
    HistoryRecord r;
    r.createdAt = QDateTime(QDate(2024, 3, 1), QTime(8, 0), QTimeZone::utc()).addSecs(qint64(i) * 61);
    r.endpoint = i % 3 ? QStringLiteral("https://das.cn-north-4.myhuaweicloud.com")
                       : QStringLiteral("https://das.ap-southeast-1.myhuaweicloud.com");
    r.region = i % 3 ? QStringLiteral("cn-north-4") : QStringLiteral("ap-southeast-1");
    r.projectId = QStringLiteral("0520414948%1").arg(i % 4);
    r.instanceId = QStringLiteral("bcfa9751in%1").arg((i * 37) % 101, 3, 10, QLatin1Char('0'));
    r.engineType = i % 2 ? QStringLiteral("mysql") : QStringLiteral("postgresql");
    r.networkType = QStringLiteral("rds");
    r.username = i % 50 == 0 ? QStringLiteral("审计员") : QStringLiteral("user%1").arg((i * 7) % 89);
    r.nodeIds = {QStringLiteral("node%1a").arg(i % 7), QStringLiteral("node%1b").arg(i % 5)};
    r.port = QString::number(3000 + (i * 13) % 700);
    r.databaseName = QStringLiteral("db_%1").arg(i % 9);
    r.remarks = QStringLiteral("批次 %1, \"quoted\" 100%_x").arg(i / 10);
    r.sqlRecordFlag = i % 2 == 0;
    r.isSavePassword = i % 3 == 0;
    r.passwordSaved = i % 6 == 0;
    r.connectionId = QStringLiteral("7d3e1c0b-%1").arg((i * 7919) % 100003, 8, 16, QLatin1Char('0'));
    r.requestId = QStringLiteral("req-%1").arg(i);
    r.state = HistoryRecord::State(i % 5);
    r.origin = HistoryRecord::Origin(i % 3);
    r.stateDetail = i % 4 ? QString() : QStringLiteral("detail %1").arg(i);
    if (i % 3 == 0)
        r.updatedAt = r.createdAt.addSecs(30);
    return r;
}

QString dump(const QList<HistoryRecord>& rows)
{
    QStringList out;
    for (const HistoryRecord& r : rows) {
        QJsonObject json = r.toJson();
        json.insert(QStringLiteral("id"), r.id);
        out.append(QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)));
    }
    return out.join(u'\n');
}

const QStringList Filters = {QString(),
                             QStringLiteral("审计员"),
                             QStringLiteral("db_3"),
                             QStringLiteral("in0"),
                             QStringLiteral("100%"),
                             QStringLiteral("ap-south"),
                             QStringLiteral("us"),
                             QStringLiteral("not_created"),
                             QStringLiteral("批次 1")};

} // namespace

class TestHistoryBulk : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void eachWayGivesTheSameHistory()
    {
        constexpr int Rows = 400;
        auto open = [](HistoryStore& store) {
            QString error;
            return store.open(&error);
        };
        QString error;
        // Row by row: 50 at a time, under the size where the trigram index is filled afterwards.
        HistoryStore rowByRow(m_dir.filePath(QStringLiteral("rows.sqlite")));
        QVERIFY(open(rowByRow));
        for (int first = 0; first < Rows; first += 50) {
            QList<HistoryRecord> chunk;
            for (int i = first; i < first + 50; ++i)
                chunk.append(sample(i));
            QVERIFY2(rowByRow.addMany(chunk, &error), qPrintable(error));
            QCOMPARE(chunk.last().id - chunk.first().id, 49);
        }
        // Everything at once into an empty history: indexes dropped and built again.
        HistoryStore rebuilt(m_dir.filePath(QStringLiteral("rebuilt.sqlite")));
        QVERIFY(open(rebuilt));
        qint64 seen = 0;
        QVERIFY2(rebuilt.addEach(
                     Rows, [](qint64 i) { return sample(int(i)); },
                     [&seen](const HistoryRecord& added) { seen += added.id > 0 ? 1 : 0; }, &error),
                 qPrintable(error));
        QCOMPARE(seen, qint64(Rows));
        // 300 rows, then 100 more: the trigram index filled after, the other indexes row by row.
        HistoryStore topUp(m_dir.filePath(QStringLiteral("topup.sqlite")));
        QVERIFY(open(topUp));
        QVERIFY2(topUp.addEach(
                     300, [](qint64 i) { return sample(int(i)); }, {}, &error),
                 qPrintable(error));
        QVERIFY2(topUp.addEach(
                     100, [](qint64 i) { return sample(int(i) + 300); }, {}, &error),
                 qPrintable(error));

        RawHistoryConnection reference(rowByRow.path());
        for (HistoryStore* store : {&rebuilt, &topUp}) {
            RawHistoryConnection raw(store->path());
            QCOMPARE(raw.schema(), reference.schema());
            QCOMPARE(raw.check(), QStringLiteral("ok"));
            for (const QString& filter : Filters) {
                QCOMPARE(store->count(filter), rowByRow.count(filter));
                QCOMPARE(dump(store->fetch(filter)), dump(rowByRow.fetch(filter)));
            }
            // Every order (each walks its own index), unfiltered and through the trigram index.
            for (const QString& filter : {QString(), QStringLiteral("db_3")}) {
                for (int sort = 0; sort < HistoryColumn::Count; ++sort) {
                    for (Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                        const auto column = HistoryColumn::Column(sort);
                        QCOMPARE(dump(store->fetch(filter, column, order)),
                                 dump(rowByRow.fetch(filter, column, order)));
                    }
                }
            }
        }
        QCOMPARE(reference.check(), QStringLiteral("ok"));
        QVERIFY(rowByRow.count(QStringLiteral("审计员")) == Rows / 50);
    }

    // The store read and wrote through QtSql before it used SQLite's C API: every value of every row, written
    // by either, reads the same through both (numbers as numbers, text as UTF-16, surrogates as SQLite
    // converts them), so that a history written before reads as it did.
    void storeAndQtSqlReadTheSameValues()
    {
        constexpr int Rows = 50;
        const QString path = m_dir.filePath(QStringLiteral("crossread.sqlite"));
        HistoryStore store(path);
        QString error;
        QVERIFY2(store.open(&error), qPrintable(error));
        QVERIFY2(store.addEach(
                     Rows, [](qint64 i) { return sample(int(i)); }, {}, &error),
                 qPrintable(error));
        const QString odd = QStringLiteral("审计 \U0001F600 ") + QChar(0xDC00) + QStringLiteral(" end");
        HistoryRecord unusual = sample(Rows);
        unusual.remarks = odd;
        unusual.username.clear();
        QVERIFY2(store.add(unusual, &error), qPrintable(error));
        const QString name = QStringLiteral("crossread");
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery write(db);
            QVERIFY(write.prepare(QStringLiteral(
                "UPDATE connections SET remarks = ?, database_name = ?, port = ? WHERE id = ?")));
            write.addBindValue(odd);
            write.addBindValue(QStringLiteral("Ünïcødé"));
            write.addBindValue(QStringLiteral(""));
            write.addBindValue(3);
            QVERIFY2(write.exec(), qPrintable(write.lastError().text()));
            const QString select = QStringLiteral("SELECT ") + HistorySql::columns() +
                                   QStringLiteral(" FROM connections ORDER BY id");
            QSqlQuery qt(db);
            QVERIFY(qt.exec(select));
            SqliteQuery direct(store.connection());
            QVERIFY2(direct.exec(select), qPrintable(direct.lastError()));
            int rows = 0;
            while (qt.next()) {
                QVERIFY(direct.next());
                ++rows;
                for (int column = 0; column < HistorySql::columnCount(); ++column) {
                    QCOMPARE(direct.value(column).userType(), qt.value(column).userType());
                    QCOMPARE(direct.value(column), qt.value(column));
                }
                QCOMPARE(dump({HistorySql::readRecord(direct.statement())}), dump({store.byId(rows)}));
            }
            QVERIFY(!direct.next());
            QCOMPARE(rows, Rows + 1);
        }
        QSqlDatabase::removeDatabase(name);
        QCOMPARE(store.byId(Rows + 1).remarks, store.byId(3).remarks);
        QCOMPARE(store.byId(3).databaseName, QStringLiteral("Ünïcødé"));
    }

    void choosesTheWayByTheRowsPresent()
    {
        HistoryStore store(m_dir.filePath(QStringLiteral("ways.sqlite")));
        QString error;
        QVERIFY2(store.open(&error), qPrintable(error));
        // A connection of its own, as the store's is busy with nothing.
        SqliteConnection own;
        QVERIFY2(own.open(store.path(), SqliteConnection::Mode::ReadWrite, 5000, &error), qPrintable(error));
        sqlite3* db = own.handle();
        auto load = [&](int rows, bool* indexes) {
            HistoryBulkInsert insert(db);
            bool ok = insert.begin(rows, &error);
            *indexes = insert.rebuildsIndexes();
            for (int i = 0; ok && i < rows; ++i) {
                HistoryRecord r = sample(i);
                ok = insert.add(r, &error);
            }
            return ok && insert.commit(&error);
        };
        bool indexes = false;
        QVERIFY2(load(10, &indexes), qPrintable(error));
        QVERIFY(!indexes); // a handful: row by row
        QVERIFY2(load(200, &indexes), qPrintable(error));
        QVERIFY(indexes); // more than the 10 present
        QVERIFY2(load(100, &indexes), qPrintable(error));
        QVERIFY(!indexes); // fewer than the 210 present
        QCOMPARE(store.count(), 310);
        // Every load leaves the trigram index holding every row: nothing is after its mark.
        QCOMPARE(RawHistoryConnection(store.path())
                     .column(QStringLiteral(
                         "SELECT indexed_through = (SELECT MAX(id) FROM connections) FROM search_progress")),
                 QStringList{QStringLiteral("1")});
        QCOMPARE(RawHistoryConnection(store.path()).check(), QStringLiteral("ok"));
    }

    void failedLoadLeavesEverythingAsItWas_data()
    {
        QTest::addColumn<int>("present");
        QTest::addColumn<int>("rows");
        QTest::addColumn<bool>("atCommit");
        QTest::newRow("rebuilding, failing at a row") << 100 << 500 << false;
        QTest::newRow("rebuilding, failing at an index") << 100 << 500 << true;
        QTest::newRow("topping up, failing at a row") << 300 << 100 << false;
    }

    void failedLoadLeavesEverythingAsItWas()
    {
        QFETCH(int, present);
        QFETCH(int, rows);
        QFETCH(bool, atCommit);
        const QString path =
            m_dir.filePath(QStringLiteral("failing-%1.sqlite")
                               .arg(QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-')));
        HistoryStore store(path);
        QString error;
        QVERIFY2(store.open(&error), qPrintable(error));
        QVERIFY2(store.addEach(
                     present, [](qint64 i) { return sample(int(i)); }, {}, &error),
                 qPrintable(error));
        RawHistoryConnection raw(path);
        // Refusals the store does not know of: a row that a trigger aborts, or a unique index that the
        // rebuilt index breaks (rows go in while it is dropped, and it is created again at commit).
        QVERIFY(atCommit
                    ? raw.exec(QStringLiteral("CREATE UNIQUE INDEX test_unique ON connections(request_id)"))
                    : raw.exec(QStringLiteral("CREATE TRIGGER test_refuse BEFORE INSERT ON connections "
                                              "WHEN new.remarks = 'boom' BEGIN "
                                              "SELECT RAISE(ABORT, 'refused by test'); END")));
        const QStringList schema = raw.schema();
        const QString before = dump(store.fetch());
        QMap<QString, int> counts;
        for (const QString& filter : Filters)
            counts.insert(filter, store.count(filter));

        QList<HistoryRecord> records;
        for (int i = 0; i < rows; ++i) {
            HistoryRecord r = sample(present + i);
            if (i == rows * 3 / 4) {
                r.remarks = QStringLiteral("boom");
                r.requestId = sample(present).requestId; // a duplicate of another new row
            }
            records.append(r);
        }
        QVERIFY(!store.addMany(records, &error));
        QVERIFY2(error.contains(atCommit ? QStringLiteral("UNIQUE") : QStringLiteral("refused by test")),
                 qPrintable(error));
        for (const HistoryRecord& r : std::as_const(records))
            QCOMPARE(r.id, 0);
        QCOMPARE(raw.schema(), schema);
        QCOMPARE(raw.check(), QStringLiteral("ok"));
        QCOMPARE(dump(store.fetch()), before);
        for (const QString& filter : Filters)
            QCOMPARE(store.count(filter), counts.value(filter));
        // And the store goes on working, its search included.
        HistoryRecord one = sample(9999);
        one.remarks = QStringLiteral("added after the failure");
        QVERIFY2(store.add(one, &error), qPrintable(error));
        QCOMPARE(store.count(QStringLiteral("after the failure")), 1);
        QCOMPARE(raw.check(), QStringLiteral("ok"));
    }

    // A large load makes its rows a chunk ahead on another thread: every row still goes in once, in order,
    // told back in order on this thread.
    void largeLoadMakesRowsAhead()
    {
        constexpr int Rows = 9001; // more than two chunks, the last one short
        HistoryStore store(m_dir.filePath(QStringLiteral("ahead.sqlite")));
        QString error;
        QVERIFY2(store.open(&error), qPrintable(error));
        QThread* const caller = QThread::currentThread();
        QAtomicInt madeOnCaller = 0;
        qint64 lastId = 0;
        int told = 0;
        bool inOrder = true;
        bool onCaller = true;
        QVERIFY2(store.addEach(
                     Rows,
                     [&](qint64 i) {
                         if (QThread::currentThread() == caller)
                             madeOnCaller.ref();
                         return sample(int(i));
                     },
                     [&](const HistoryRecord& added) {
                         inOrder =
                             inOrder && added.id == lastId + 1 && added.requestId == sample(told).requestId;
                         onCaller = onCaller && QThread::currentThread() == caller;
                         lastId = added.id;
                         ++told;
                     },
                     &error),
                 qPrintable(error));
        QCOMPARE(told, Rows);
        QVERIFY(inOrder);
        QVERIFY(onCaller);
        QCOMPARE(madeOnCaller.loadRelaxed(), 0);
        QCOMPARE(store.count(), Rows);
        QCOMPARE(store.byId(Rows).requestId, sample(Rows - 1).requestId);
        QCOMPARE(store.count(QStringLiteral("审计员")), (Rows + 49) / 50);
        QCOMPARE(RawHistoryConnection(store.path()).check(), QStringLiteral("ok"));
    }

    // open() sets these through SQLite itself: each must hold.
    void openConfiguresTheConnection()
    {
        HistoryStore store(m_dir.filePath(QStringLiteral("pragmas.sqlite")));
        QString error;
        QVERIFY2(store.open(&error), qPrintable(error));
        SqliteQuery q(store.connection());
        auto pragma = [&q](const char* name) {
            return q.exec(QStringLiteral("PRAGMA %1").arg(QLatin1String(name))) && q.next()
                       ? q.value(0).toString()
                       : QStringLiteral("?");
        };
        QCOMPARE(pragma("busy_timeout"), QStringLiteral("5000"));
        QCOMPARE(pragma("journal_mode"), QStringLiteral("wal"));
        QCOMPARE(pragma("synchronous"), QStringLiteral("2")); // FULL
        QCOMPARE(pragma("foreign_keys"), QStringLiteral("1"));
        QCOMPARE(pragma("wal_autocheckpoint"),
                 QStringLiteral("1000")); // SQLite's: the log is folded on close
    }

    // The history opens through SqliteConnection's VFS, which opens a write-ahead log that is there without
    // creating it (no folder flush); a log that is not there is created. Either way every row is kept: here
    // the log left by one store is reopened by the next, then removed with the database folded back.
    void keptLogIsReopenedAndAMissingOneCreated()
    {
        AppPaths::setHistoryCompactedOnClose(false);
        const auto restore = qScopeGuard([] { AppPaths::setHistoryCompactedOnClose(true); });
        const QString path = m_dir.filePath(QStringLiteral("keptlog.sqlite"));
        const QString log = path + QStringLiteral("-wal");
        QString error;
        for (int i = 0; i < 6; ++i) {
            if (i == 3) { // fold the log back and remove it: the next store creates a new one
                // The first column: 0, nothing kept the checkpoint from finishing.
                QCOMPARE(RawHistoryConnection(path).column(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")),
                         QStringList{QStringLiteral("0")});
                QFile::remove(log); // if that connection's close (the last) has not removed it already
                QVERIFY(!QFileInfo::exists(log));
            }
            HistoryStore store(path);
            QVERIFY2(store.open(&error), qPrintable(error));
            sqlite3_vfs* vfs = nullptr;
            QCOMPARE(
                sqlite3_file_control(store.connection().handle(), "main", SQLITE_FCNTL_VFS_POINTER, &vfs),
                SQLITE_OK);
            QVERIFY(vfs);
            QCOMPARE(QByteArray(vfs->zName), QByteArray("das-kept-log"));
            HistoryRecord row = sample(i);
            QVERIFY2(store.add(row, &error), qPrintable(error));
            QCOMPARE(store.count(), i + 1);
            QVERIFY2(QFileInfo::exists(log), "the log is left for the next store");
        }
        QCOMPARE(RawHistoryConnection(path).check(), QStringLiteral("ok"));
    }

    // A process that leaves the write-ahead log to the next one (the CLI) keeps it short, since the next
    // process to open the history reads all of it. Settled creates one by one, as the CLI writes them: with
    // SQLite's default the log grows to 1,000 pages (4 MiB) here; kept short, it stays near 128.
    void oneShotProcessLeavesAShortLog()
    {
        AppPaths::setHistoryCompactedOnClose(false);
        const auto restore = qScopeGuard([] { AppPaths::setHistoryCompactedOnClose(true); });
        const QString path = m_dir.filePath(QStringLiteral("oneshot.sqlite"));
        for (int i = 0; i < 80; ++i) {
            HistoryStore store(path);
            QString error;
            QVERIFY2(store.open(&error), qPrintable(error));
            HistoryRecord row = sample(i);
            row.connectionId.clear();
            row.state = HistoryRecord::State::Pending;
            QVERIFY2(store.add(row, &error), qPrintable(error));
            QVERIFY2(store.setState(row.id, HistoryRecord::State::Created, sample(i).connectionId,
                                    row.requestId, QString(), &error),
                     qPrintable(error));
        }
        const qint64 pageFrame = 4096 + 24;
        const qint64 log = QFileInfo(path + QStringLiteral("-wal")).size();
        QVERIFY2(log > 0, "the log is left for the next process");
        QVERIFY2(log <= 200 * pageFrame, qPrintable(QString::number(log / pageFrame)));
        QCOMPARE(RawHistoryConnection(path).check(), QStringLiteral("ok"));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestHistoryBulk)
#include "tst_historybulk.moc"
