// SqliteConnection and SqliteQuery, the history's way to SQLite since it stopped using QtSql: values and
// NULLs as Qt's driver gave and bound them, one statement at a time, a value that cannot be bound stopping
// the run, and when a process may end without closing its connections.
#include "SqliteConnection.h"

#include <QDateTime>
#include <QTemporaryDir>
#include <QTest>

using namespace das;

class TestSqliteQuery : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        QVERIFY2(m_db.open(m_dir.filePath(QStringLiteral("t.sqlite")), SqliteConnection::Mode::ReadWrite,
                           5000, &error),
                 qPrintable(error));
        SqliteQuery q(m_db);
        QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode=WAL")));
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS t (a, b, c, d)")));
        QVERIFY(q.exec(QStringLiteral("DELETE FROM t")));
    }
    void cleanup() { m_db.close(); }

    void valuesComeBackAsQtsDriverGaveThem()
    {
        SqliteQuery q(m_db);
        QVERIFY(q.exec(QStringLiteral("SELECT 7, 2.5, 'text', NULL")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).userType(), int(QMetaType::LongLong));
        QCOMPARE(q.value(0).toLongLong(), 7);
        QCOMPARE(q.value(1).userType(), int(QMetaType::Double));
        QCOMPARE(q.value(2), QVariant(QStringLiteral("text")));
        QCOMPARE(q.value(3).userType(), int(QMetaType::QString));
        QVERIFY(q.value(3).toString().isNull());
        QVERIFY(q.isNull(3) && !q.isNull(2));
        QVERIFY(!q.next());
    }

    void nullValuesBindNull()
    {
        SqliteQuery insert(m_db);
        QVERIFY(insert.prepare(QStringLiteral("INSERT INTO t VALUES (?, ?, ?, ?)")));
        insert.bindValue(0, QString());
        insert.bindValue(1, QByteArray());
        insert.bindValue(2, QDateTime());
        insert.bindValue(3, QString(QLatin1String(""))); // empty, not null
        QVERIFY2(insert.exec(), qPrintable(insert.lastError()));
        QCOMPARE(insert.numRowsAffected(), 1);
        SqliteQuery q(m_db);
        QVERIFY(q.exec(QStringLiteral("SELECT a IS NULL, b IS NULL, c IS NULL, d IS NULL FROM t")));
        QVERIFY(q.next());
        QCOMPARE(QList<int>({q.value(0).toInt(), q.value(1).toInt(), q.value(2).toInt(), q.value(3).toInt()}),
                 QList<int>({1, 1, 1, 0}));
    }

    void oneStatementAtATime()
    {
        SqliteQuery q(m_db);
        QVERIFY(q.exec(QStringLiteral("SELECT 1;  \n")));
        QVERIFY(!q.prepare(QStringLiteral("DELETE FROM t; DROP TABLE t")));
        QVERIFY(!q.lastError().isEmpty());
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE name = 't'")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 1);
    }

    // QtSql's exec() fails when a value cannot be bound; so does this one, rather than run with the value
    // missing (or left from the run before).
    void aValueThatCannotBeBoundStopsTheRun()
    {
        SqliteQuery insert(m_db);
        QVERIFY(insert.prepare(QStringLiteral("INSERT INTO t (a) VALUES (?)")));
        insert.bindValue(0, 1);
        QVERIFY(insert.exec());
        insert.bindValue(0, 2);
        insert.bindValue(5, 3); // no such parameter
        QVERIFY(!insert.exec());
        QVERIFY(!insert.lastError().isEmpty());
        insert.bindValue(0, 4);
        QVERIFY2(insert.exec(), qPrintable(insert.lastError()));
        SqliteQuery q(m_db);
        QVERIFY(q.exec(QStringLiteral("SELECT group_concat(a) FROM t")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("1,4"));
    }

    // A process may end without closing its connections (OneShotExit) only when none would write on close.
    void closingWouldWriteUnlessTheLogIsLeftAndNoTransactionIsOpen()
    {
        QVERIFY(SqliteConnection::closingAnyWouldWrite()); // the log would be folded back
        QVERIFY(m_db.leaveLogOnClose());
        QVERIFY(!SqliteConnection::closingAnyWouldWrite());
        QVERIFY(m_db.transaction());
        QVERIFY(SqliteConnection::closingAnyWouldWrite()); // a rollback
        QVERIFY(m_db.rollback());
        QVERIFY(!SqliteConnection::closingAnyWouldWrite());
        SqliteConnection other;
        QString error;
        QVERIFY(other.open(m_dir.filePath(QStringLiteral("t.sqlite")), SqliteConnection::Mode::ReadOnly, 5000,
                           &error));
        QVERIFY(SqliteConnection::closingAnyWouldWrite());
        other.close();
        QVERIFY(!SqliteConnection::closingAnyWouldWrite());
    }

private:
    QTemporaryDir m_dir;
    SqliteConnection m_db;
};

QTEST_GUILESS_MAIN(TestSqliteQuery)
#include "tst_sqlitequery.moc"
