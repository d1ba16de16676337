#pragma once

#include "HistoryColumn.h"
#include "HistoryRecord.h"

#include <QDateTime>
#include <QLatin1String>
#include <QString>

struct sqlite3;
struct sqlite3_stmt;

namespace das {

// How a HistoryRecord maps to a row of the connections table: shared by HistoryStore.cpp and
// HistoryStoreState.cpp so that both read every column the same way. Private to the history library.
namespace HistorySql {

// The columns readRecord() expects, in its order, for "SELECT <columns> FROM connections".
QLatin1String columns();
int columnCount();
// From a statement's current row, each value read as SqliteQuery::value() reads it.
HistoryRecord readRecord(sqlite3_stmt* statement);

// "INSERT INTO connections (...) VALUES (...), ..." with every column but id, for `rows` rows, and binding a
// record to the placeholders of one of them (positional): each value converted to UTF-8 into one buffer, no
// QVariant or allocation per value. `keep` holds the bytes, and must outlive the statement's next step
// (bound without a copy). The stored bytes are those QtSql's binding stored when the history used it.
QString insertStatement(int rows = 1);
int insertColumnCount();
// insertStatement(rows) compiled to be kept (SQLITE_PREPARE_PERSISTENT); null when it does not compile
// (sqlite3_errmsg says why).
sqlite3_stmt* prepareInsert(sqlite3* db, int rows = 1);
struct BoundText
{
    QByteArray utf8;
    QString wide[32]; // values with surrogates, bound as UTF-16 as QtSql bound them
};
// `row` counts the rows before this one in a statement of several (insertStatement(rows)).
bool bindRecord(sqlite3_stmt* statement, const HistoryRecord& record, BoundText& keep, int row = 0);

// What ORDER BY uses for a column: the column, or an expression over it.
QString sortExpression(HistoryColumn::Column column);
// A condition (no WHERE) matching rows that hold the filter's text in a filtered column (LIKE semantics:
// a substring, ASCII letters in any case), and binding the filter to it. Three characters or more use the
// trigram index; fewer, LIKE over every row.
QString filterClause(const QString& filter);
bool bindFilter(sqlite3_stmt* statement, const QString& filter);

// The stored form of a time: UTC ISO 8601 with milliseconds; empty for an invalid time.
QString timestamp(const QDateTime& time);
QDateTime fromTimestamp(const QString& text);

// A null QString binds as SQL NULL; the columns are NOT NULL text.
QString nonNull(const QString& text);

} // namespace HistorySql

} // namespace das
