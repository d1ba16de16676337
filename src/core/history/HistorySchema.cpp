#include "HistorySchema.h"

#include <QRandomGenerator>
#include <QThread>

#include <sqlite3.h>

namespace das {

namespace HistorySchema {

namespace {

// Each step takes the schema from version i to i+1; never edit a step once released.
const char* const Migrations[] = {
    "CREATE TABLE connections ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT,"
    " created_at TEXT NOT NULL,"
    " endpoint TEXT NOT NULL, region TEXT NOT NULL,"
    " project_id TEXT NOT NULL, instance_id TEXT NOT NULL,"
    " engine_type TEXT NOT NULL, network_type TEXT NOT NULL,"
    " username TEXT NOT NULL, node_ids TEXT NOT NULL, port TEXT NOT NULL,"
    " database_name TEXT NOT NULL, remarks TEXT NOT NULL,"
    " sql_record_flag INTEGER NOT NULL, is_save_password INTEGER NOT NULL,"
    " connection_id TEXT NOT NULL, request_id TEXT NOT NULL)",
    "ALTER TABLE connections ADD COLUMN password_saved INTEGER NOT NULL DEFAULT 0",
    // Sorted paging walks an index instead of sorting every row for every page.
    "CREATE INDEX connections_endpoint ON connections(endpoint, id);"
    "CREATE INDEX connections_instance_sort ON connections(instance_id, id);"
    "CREATE INDEX connections_engine ON connections(engine_type, id);"
    "CREATE INDEX connections_username ON connections(username, id);"
    "CREATE INDEX connections_connection_id ON connections(connection_id, id);"
    "CREATE INDEX connections_remarks ON connections(remarks, id);"
    "CREATE INDEX connections_password_saved ON connections(password_saved, id)",
    // Write-ahead history: a row per create, written pending before the request leaves. Rows from before
    // were all created by this tool.
    "ALTER TABLE connections ADD COLUMN state TEXT NOT NULL DEFAULT 'created';"
    "ALTER TABLE connections ADD COLUMN origin TEXT NOT NULL DEFAULT 'created';"
    "ALTER TABLE connections ADD COLUMN state_detail TEXT NOT NULL DEFAULT '';"
    "ALTER TABLE connections ADD COLUMN updated_at TEXT NOT NULL DEFAULT '';"
    "CREATE INDEX connections_state ON connections(state, id)",
    // Every column the table sorts by has an index, so that a page anywhere in any order is a walk down an
    // index (HistoryPageCache) rather than a sort of every row. connections_instance repeated
    // connections_instance_sort (an index holds the rowid) and only cost every insert.
    "CREATE INDEX connections_project ON connections(project_id, id);"
    "CREATE INDEX connections_region ON connections(region, id);"
    "CREATE INDEX connections_network ON connections(network_type, id);"
    "CREATE INDEX connections_node_ids ON connections(node_ids, id);"
    "CREATE INDEX connections_port ON connections(CAST(port AS INTEGER), id);"
    "CREATE INDEX connections_database ON connections(database_name, id);"
    "CREATE INDEX connections_request_id ON connections(request_id, id);"
    "CREATE INDEX connections_updated_at ON connections(updated_at, id);"
    "CREATE INDEX connections_state_detail ON connections(state_detail, id);"
    "DROP INDEX IF EXISTS connections_instance;"
    // A filter of three characters or more looks its rows up in a trigram index of the columns of many
    // values (HistorySql::filterClause), kept in step with the table by triggers, whoever writes.
    "CREATE VIRTUAL TABLE connections_fts USING fts5(instance_id, username, connection_id, database_name,"
    " remarks, content='connections', content_rowid='id', tokenize='trigram', detail='none');"
    "INSERT INTO connections_fts(connections_fts) VALUES ('rebuild');"
    "CREATE TRIGGER connections_fts_insert AFTER INSERT ON connections BEGIN"
    " INSERT INTO connections_fts(rowid, instance_id, username, connection_id, database_name, remarks)"
    " VALUES (new.id, new.instance_id, new.username, new.connection_id, new.database_name, new.remarks);"
    " END;"
    "CREATE TRIGGER connections_fts_delete AFTER DELETE ON connections BEGIN"
    " INSERT INTO connections_fts(connections_fts, rowid, instance_id, username, connection_id,"
    " database_name, remarks) VALUES ('delete', old.id, old.instance_id, old.username, old.connection_id,"
    " old.database_name, old.remarks);"
    " END;"
    "CREATE TRIGGER connections_fts_update AFTER UPDATE OF instance_id, username, connection_id,"
    " database_name, remarks ON connections BEGIN"
    " INSERT INTO connections_fts(connections_fts, rowid, instance_id, username, connection_id,"
    " database_name, remarks) VALUES ('delete', old.id, old.instance_id, old.username, old.connection_id,"
    " old.database_name, old.remarks);"
    " INSERT INTO connections_fts(rowid, instance_id, username, connection_id, database_name, remarks)"
    " VALUES (new.id, new.instance_id, new.username, new.connection_id, new.database_name, new.remarks);"
    " END",
    // The trigram index without its table of column sizes, which only ranking (bm25) reads and a filter
    // never does: a row fewer to write for every insert and update, a ninth off filling it for a bulk load.
    // The triggers name the table and stay as they are.
    "DROP TABLE connections_fts;"
    "CREATE VIRTUAL TABLE connections_fts USING fts5(instance_id, username, connection_id, database_name,"
    " remarks, content='connections', content_rowid='id', tokenize='trigram', detail='none', columnsize=0);"
    "INSERT INTO connections_fts(connections_fts) VALUES ('rebuild')",
    // The trigram index holds the rows up to search_progress.indexed_through and no triggers: HistoryStore
    // keeps those rows in step itself (HistorySearchIndex), and the rows after the mark are matched by LIKE
    // until a long-lived process (the window, a bulk load) indexes them. A create, a pending row and then its
    // settling, so touches neither the index nor a trigger that names it: FTS5's statements compiled and two
    // segments written were 0.45 ms of a one-shot CLI create's 9 (bench/cli-vs-curl.sh). Every row is in the
    // index when this step runs, kept there by the triggers it drops.
    "DROP TRIGGER connections_fts_insert;"
    "DROP TRIGGER connections_fts_delete;"
    "DROP TRIGGER connections_fts_update;"
    "CREATE TABLE search_progress (indexed_through INTEGER NOT NULL);"
    "INSERT INTO search_progress (indexed_through) SELECT COALESCE(MAX(id), 0) FROM connections",
};
static_assert(sizeof(Migrations) / sizeof(Migrations[0]) == HistorySchema::Version);

// A step's statements, split at ';' except inside a trigger's BEGIN ... END.
QStringList splitStatements(const QString& step)
{
    QStringList out;
    QString pending;
    const QStringList pieces = step.split(u';', Qt::SkipEmptyParts);
    for (const QString& piece : pieces) {
        pending += piece;
        if (pending.contains(QLatin1String("CREATE TRIGGER")) &&
            !pending.trimmed().endsWith(QLatin1String(" END"))) {
            pending += u';';
            continue;
        }
        out.append(pending);
        pending.clear();
    }
    return out;
}

// A process that leaves the write-ahead log to the next one (AppPaths::historyCompactedOnClose) keeps that
// log short. The next process to open the history is then usually alone, and SQLite rebuilds the log's index
// by reading and checksumming every page of it (about 2 us a page here), while a CLI create adds some 36
// pages (its row, 19 indexes and the trigram index, written pending and again settled). At SQLite's default
// of a checkpoint every 1,000 pages that is up to 2 ms of every open; at 128 a checkpoint (pages copied into
// the database, one more flush) comes every fourth create instead. bench/cli-vs-curl.sh, median create: 10.5
// ms at 1,000 pages, 9.6 at 128, 9.9 at 64 and at 256.
constexpr int OneShotCheckpointPages = 128;

QByteArray pragmas(bool keepsLogForNextProcess)
{
    QByteArray out = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON";
    if (keepsLogForNextProcess)
        out += "; PRAGMA wal_autocheckpoint=" + QByteArray::number(OneShotCheckpointPages);
    return out;
}

} // namespace

// Switching a new database to WAL needs an exclusive lock, and SQLite answers "database is locked" at once
// instead of waiting when another process holds one (the busy timeout does not cover it). When many processes
// open a new history together (a batch of CLI runs), the others simply try again until the first has switched
// it; the mode is then stored in the file and the statement no longer needs the lock. Bounded: about 5 s.
bool configure(sqlite3* db, bool keepsLogForNextProcess, QString* why)
{
    const QByteArray statements = pragmas(keepsLogForNextProcess);
    for (int attempt = 0; attempt < 100; ++attempt) {
        const int code = sqlite3_exec(db, statements.constData(), nullptr, nullptr, nullptr);
        if (code == SQLITE_OK)
            return true;
        if ((code & 0xff) != SQLITE_BUSY && (code & 0xff) != SQLITE_LOCKED)
            break;
        QThread::msleep(20 + QRandomGenerator::global()->bounded(30));
    }
    *why = QString::fromUtf8(sqlite3_errmsg(db));
    return false;
}

QStringList migration(int version)
{
    return splitStatements(QString::fromLatin1(Migrations[version]));
}

} // namespace HistorySchema

} // namespace das
