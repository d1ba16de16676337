#pragma once

#include <QString>
#include <QVariant>

struct sqlite3;
struct sqlite3_stmt;

namespace das {

// One connection to a SQLite database through SQLite's C API (the system libsqlite3), for the history. Not
// QtSql: loading Qt's SQL module and its driver plugin cost a one-shot CLI create ~0.9 ms of its ~10
// (bench/cli-vs-curl.sh, create_floor against create_floor_sqlite). Opened as Qt's SQLite driver opens
// (read-write and create, or read-only; no mutex: one thread at a time), with a busy timeout. Closes when
// destroyed; statements still open then are finalised by SQLite as they end (sqlite3_close_v2).
class SqliteConnection
{
public:
    SqliteConnection() = default;
    ~SqliteConnection();
    SqliteConnection(const SqliteConnection&) = delete;
    SqliteConnection& operator=(const SqliteConnection&) = delete;

    enum class Mode
    {
        ReadWrite, // created when missing
        ReadOnly,
    };
    bool open(const QString& path, Mode mode, int busyTimeoutMs, QString* error);
    void close();
    bool isOpen() const { return m_db != nullptr; }
    sqlite3* handle() const { return m_db; }

    bool transaction();
    // BEGIN IMMEDIATE: the write lock now (waiting up to the busy timeout), for a transaction that reads
    // before it writes and would otherwise fail if another process wrote in between.
    bool immediateTransaction();
    // The same without waiting: false at once when another connection holds the write lock. For work that
    // can wait for a next time, run where a wait would freeze a window.
    bool tryImmediateTransaction();
    bool commit();
    bool rollback();
    // SQLite's message for the last call that failed on this connection.
    QString lastError() const;

    // Leaves the write-ahead log in place when the connection closes instead of copying it back into the
    // database file, for a process that leaves the log to the next one (AppPaths::historyCompactedOnClose):
    // the close then writes nothing. False, changing nothing, when SQLite refuses.
    bool leaveLogOnClose();
    // Whether closing one of the connections open in this process would still write something (a
    // transaction's rollback, the log copied back): when none would, a process may end without closing them.
    // Reads each connection's state: call it when no other thread is using one (OneShotExit, at the end).
    static bool closingAnyWouldWrite();

private:
    bool run(const char* sql);

    sqlite3* m_db = nullptr;
    int m_busyTimeoutMs = 0;
    bool m_logLeftOnClose = false;
};

// One statement on a SqliteConnection, used like a forward-only QSqlQuery: prepare, bind (by position from 0,
// or by ":name"), exec, then next() and value() for each row. Values come back as Qt's SQLite driver gives
// them: integers as qlonglong, reals as double, text as QString, NULL as a null QString.
class SqliteQuery
{
public:
    explicit SqliteQuery(const SqliteConnection& connection);
    ~SqliteQuery();
    SqliteQuery(const SqliteQuery&) = delete;
    SqliteQuery& operator=(const SqliteQuery&) = delete;

    // Compiles `sql`, which must be one statement (QtSql refuses more too).
    bool prepare(const QString& sql);
    // A null value (a null variant, or a null string, byte array, date or time) binds NULL; QString as text,
    // bool and integers as integers, double as real, QByteArray as a blob, anything else as its toString().
    // A value that cannot be bound makes the next exec() fail.
    void bindValue(int position, const QVariant& value);
    void bindValue(const char* name, const QVariant& value);
    // Runs the prepared statement from its start with the values bound.
    bool exec();
    // prepare(sql) and exec().
    bool exec(const QString& sql);
    // Moves to the next row; false after the last one or on an error (lastError()).
    bool next();
    QVariant value(int column) const;
    bool isNull(int column) const;
    // A column of a statement's current row as value() gives it.
    static QVariant columnValue(sqlite3_stmt* statement, int column);
    // The changes the last exec() made.
    int numRowsAffected() const;
    // Ends the run (the statement stays prepared, its values bound) so that it holds no read lock.
    void finish();
    QString lastError() const { return m_error; }
    sqlite3_stmt* statement() const { return m_statement; }

private:
    bool fail();
    bool step();

    sqlite3* m_db;
    sqlite3_stmt* m_statement = nullptr;
    bool m_active = false;     // exec() succeeded and rows may remain
    bool m_hasRow = false;     // the current step gave a row
    bool m_pending = false;    // exec() stepped to a first row that next() has not yet returned
    bool m_bindFailed = false; // a value since the last exec() could not be bound
    int m_changes = 0;
    QString m_error;
};

} // namespace das
