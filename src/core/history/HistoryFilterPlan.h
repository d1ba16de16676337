#pragma once

#include <QString>

namespace das {

// How the rows matching a filter are found, shared by the page reads (HistoryStore) and the background scan
// (HistoryOrderScan). A filter's condition (HistorySql::filterClause) can be met two ways with the same rows:
// by looking the matching rows up by index and sorting them (quick when few match), or by walking the order
// and checking each row until enough are found (quick when many match: a page of a filter matching 1 % of a
// million rows is found after 12,800 rows, where a lookup reads and sorts all 10,000 matches).
namespace HistoryFilterPlan {

// At least this many matching rows make a filter common (HistoryStore::isCommonFilter): walked.
constexpr int CommonMatches = 2000;

// The filter's condition (no WHERE), with its index lookups turned off when `walk` (a unary + on the
// column keeps SQLite from using its index): SQLite then walks the order and stops at LIMIT. Bind with
// HistorySql::bindFilter.
QString clause(const QString& filter, bool walk);

// The condition for a walk is the same as the plain one: a filter of one or two characters (LIKE over
// every row) has no index to turn off.
bool alwaysWalks(const QString& filter);

} // namespace HistoryFilterPlan

} // namespace das
