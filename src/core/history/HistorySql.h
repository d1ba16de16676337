#pragma once

#include "HistoryColumn.h"
#include "HistoryRecord.h"

#include <QDateTime>
#include <QLatin1String>
#include <QString>

class QSqlDatabase;
class QSqlQuery;
struct sqlite3;
struct sqlite3_stmt;

namespace das {

// How a HistoryRecord maps to a row of the connections table: shared by HistoryStore.cpp and
// HistoryStoreState.cpp so that both read every column the same way. Private to the history library.
namespace HistorySql {

// The columns readRecord() expects, in its order, for "SELECT <columns> FROM connections".
QLatin1String columns();
int columnCount();
HistoryRecord readRecord(const QSqlQuery& query);
// The same from a statement stepped through SQLite's C API, each value read as the QtSql driver reads it
// (text as UTF-16, numbers as numbers): the same record, value for value.
HistoryRecord readRecord(sqlite3_stmt* statement);

// "INSERT INTO connections (...) VALUES (...), ..." with every column but id, for `rows` rows, and binding a
// record to the placeholders of one of them (positional).
QString insertStatement(int rows = 1);
int insertColumnCount();
void bindRecord(QSqlQuery& query, const HistoryRecord& record, int row = 0);
// The same through SQLite's C API, for a statement of one row: each value converted to UTF-8 into one
// buffer, no QVariant or allocation per value. `keep` holds the bytes, and must outlive the statement's next
// step (bound without a copy). The stored bytes are those the QtSql binding stores.
struct BoundText
{
    QByteArray utf8;
    QString wide[32]; // values with surrogates, bound as UTF-16 as the driver binds them
};
// `row` counts the rows before this one in a statement of several (insertStatement(rows)).
bool bindRecord(sqlite3_stmt* statement, const HistoryRecord& record, BoundText& keep, int row = 0);

// What ORDER BY uses for a column: the column, or an expression over it.
QString sortExpression(HistoryColumn::Column column);
// A condition (no WHERE) matching rows that hold the filter's text in a filtered column (LIKE semantics:
// a substring, ASCII letters in any case), and binding the filter to it. Three characters or more use the
// trigram index; fewer, LIKE over every row.
QString filterClause(const QString& filter);
void bindFilter(QSqlQuery& query, const QString& filter);
bool bindFilter(sqlite3_stmt* statement, const QString& filter);

// The stored form of a time: UTC ISO 8601 with milliseconds; empty for an invalid time.
QString timestamp(const QDateTime& time);
QDateTime fromTimestamp(const QString& text);

// A null QString binds as SQL NULL; the columns are NOT NULL text.
QString nonNull(const QString& text);

// Makes `db` leave its write-ahead log in place when it closes instead of copying it back into the database
// file (for a process that does not compact the history on close: AppPaths::historyCompactedOnClose()).
// False, changing nothing, when the driver's SQLite cannot be reached.
bool keepWalOnClose(const QSqlDatabase& db);

// The SQLite connection under `db` (its driver's handle), for what QtSql does slowly or not at all: a bulk
// insert (HistoryBulkInsert) and an export read as UTF-8 (HistoryExportQuery). Null when the driver is not
// SQLite or not open. The driver plugin links the system libsqlite3 this library links: one SQLite.
// Null too when Qt's driver does not link the system libsqlite3 (a driver with SQLite built in): then the
// store keeps to QtSql.
sqlite3* handle(const QSqlDatabase& db);
// For tests: act as with a driver that has SQLite of its own (handle() null), or as found again.
void setDriverSqliteIgnoredForTests(bool ignored);

} // namespace HistorySql

} // namespace das
