#pragma once

#include "HistoryRecord.h"

#include <QDateTime>
#include <QLatin1String>
#include <QString>

class QSqlQuery;

namespace das {

// How a HistoryRecord maps to a row of the connections table: shared by HistoryStore.cpp and
// HistoryStoreState.cpp so that both read every column the same way. Private to the history library.
namespace HistorySql {

// The columns readRecord() expects, in its order, for "SELECT <columns> FROM connections".
QLatin1String columns();
HistoryRecord readRecord(const QSqlQuery& query);

// "INSERT INTO connections (...) VALUES (...)" with every column but id, and binding a record to it.
QString insertStatement();
void bindRecord(QSqlQuery& query, const HistoryRecord& record);

// The stored form of a time: UTC ISO 8601 with milliseconds; empty for an invalid time.
QString timestamp(const QDateTime& time);
QDateTime fromTimestamp(const QString& text);

// A null QString binds as SQL NULL; the columns are NOT NULL text.
QString nonNull(const QString& text);

} // namespace HistorySql

} // namespace das
