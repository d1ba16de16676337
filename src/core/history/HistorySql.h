#pragma once

#include "HistoryColumn.h"
#include "HistoryRecord.h"

#include <QDateTime>
#include <QLatin1String>
#include <QString>

class QSqlDatabase;
class QSqlQuery;

namespace das {

// How a HistoryRecord maps to a row of the connections table: shared by HistoryStore.cpp and
// HistoryStoreState.cpp so that both read every column the same way. Private to the history library.
namespace HistorySql {

// The columns readRecord() expects, in its order, for "SELECT <columns> FROM connections".
QLatin1String columns();
int columnCount();
HistoryRecord readRecord(const QSqlQuery& query);

// "INSERT INTO connections (...) VALUES (...), ..." with every column but id, for `rows` rows, and binding a
// record to the placeholders of one of them (positional).
QString insertStatement(int rows = 1);
int insertColumnCount();
void bindRecord(QSqlQuery& query, const HistoryRecord& record, int row = 0);

// What ORDER BY uses for a column: the column, or an expression over it.
QString sortExpression(HistoryColumn::Column column);
// A condition (no WHERE) matching rows that hold the filter's text in a filtered column (LIKE semantics:
// a substring, ASCII letters in any case), and binding the filter to it. Three characters or more use the
// trigram index; fewer, LIKE over every row.
QString filterClause(const QString& filter);
void bindFilter(QSqlQuery& query, const QString& filter);

// The stored form of a time: UTC ISO 8601 with milliseconds; empty for an invalid time.
QString timestamp(const QDateTime& time);
QDateTime fromTimestamp(const QString& text);

// A null QString binds as SQL NULL; the columns are NOT NULL text.
QString nonNull(const QString& text);

// Makes `db` leave its write-ahead log in place when it closes instead of copying it back into the database
// file (for a process that does not compact the history on close: AppPaths::historyCompactedOnClose()).
// False, changing nothing, when the driver's SQLite cannot be reached.
bool keepWalOnClose(const QSqlDatabase& db);

} // namespace HistorySql

} // namespace das
