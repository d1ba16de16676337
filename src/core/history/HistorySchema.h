#pragma once

#include <QStringList>

struct sqlite3;

namespace das {

// The history database's schema and how each connection to it is set up, for HistoryStore. Private to the
// history library.
namespace HistorySchema {

// The schema version this build writes; each version has one migration step from the one before.
constexpr int Version = 7;

// The statements that take the schema from `version` to `version + 1` (0 <= version < Version).
QStringList migration(int version);

// Sets the connection's pragmas (WAL, synchronous FULL, foreign keys; a short log for a process that leaves
// the log to the next one), waiting out a switch to WAL that another process holds. False with `why` if not.
bool configure(sqlite3* db, bool keepsLogForNextProcess, QString* why);

} // namespace HistorySchema

} // namespace das
