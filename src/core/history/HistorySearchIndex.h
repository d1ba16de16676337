#pragma once

#include <QString>

struct sqlite3;

namespace das {

// The trigram index of the history (schema 7, HistorySchema.cpp) holds the rows up to the mark in
// search_progress and nothing after it; the filter matches the rows after the mark by LIKE
// (HistorySql::filterClause). These keep that true. Each runs inside the caller's write transaction (a
// statement on its own is one); false with `why` when SQLite fails. Private to the history library.
namespace HistorySearchIndex {

// Indexes the rows after the mark, at most maxRows of them (0: all), and moves the mark to the last one
// indexed: the window as it opens the history, a bulk load after its rows. A no-op when nothing is after the
// mark.
bool catchUp(sqlite3* db, qint64 maxRows, QString* why);
// Whether rows are after the mark, read without taking the write lock: catchUp() is then worth its
// transaction.
bool hasRowsToIndex(sqlite3* db);
// Takes row `id` out of the index when the index holds it: before a searched column of it changes or it is
// deleted. Only a row that `extraCondition` (SQL on the row, may be empty) also selects.
bool forget(sqlite3* db, qint64 id, const char* extraCondition, QString* why);
// Puts row `id` back when the index holds rows up to it: after a searched column changed.
bool restore(sqlite3* db, qint64 id, QString* why);
// The condition that leaves out a row the index holds: an update of a searched column with it needs
// nothing else, and the filter matches the rows it selects by LIKE (HistorySql::filterClause).
const char* unindexedCondition();

} // namespace HistorySearchIndex

} // namespace das
