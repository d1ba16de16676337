#include "HistoryBulkInsert.h"

#include "HistoryLog.h"
#include "HistorySearchIndex.h"

#include <QCoreApplication>
#include <QDateTime>

#include <sqlite3.h>

namespace das {

namespace {

// From this many rows the trigram index is filled with a larger hash (below), and the indexes may be built
// again after the rows (begin()).
constexpr qint64 LargeLoadFrom = 64;
// While rows go in, a page cache large enough for the indexes being written (SQLite's default is 2 MiB).
constexpr qint64 BulkCacheKiB = 32 * 1024;
// And while the indexes are built again: each build reads the whole table, which then stays in the cache
// (100,000 rows are about 32 MiB of table and 60 MiB of indexes). A sixth less CPU at 100,000 rows.
constexpr qint64 RebuildCacheKiB = 128 * 1024;

// FTS5's default hash size (fts5Int.h), and the one of a bulk load: about what 100,000 rows need.
constexpr qint64 DefaultSearchHashBytes = 1024 * 1024;
constexpr qint64 BulkSearchHashBytes = 64 * 1024 * 1024;

QString saveError(const QString& why)
{
    // HistoryStore's message (and its translation).
    return QCoreApplication::translate("HistoryStore", "Cannot save the connection to history: %1").arg(why);
}

QString quoted(const QString& name)
{
    QString q = name;
    q.replace(u'"', QStringLiteral("\"\""));
    return u'"' + q + u'"';
}

} // namespace

HistoryBulkInsert::HistoryBulkInsert(sqlite3* db)
    : m_db(db)
{}

HistoryBulkInsert::~HistoryBulkInsert()
{
    rollback();
}

bool HistoryBulkInsert::exec(const QByteArray& sql, QString* error)
{
    if (sqlite3_exec(m_db, sql.constData(), nullptr, nullptr, nullptr) == SQLITE_OK)
        return true;
    if (error)
        *error = saveError(QString::fromUtf8(sqlite3_errmsg(m_db)));
    return false;
}

bool HistoryBulkInsert::scalar(const char* sql, qint64* value, QString* error)
{
    sqlite3_stmt* s = nullptr;
    bool ok = sqlite3_prepare_v2(m_db, sql, -1, &s, nullptr) == SQLITE_OK;
    const int step = ok ? sqlite3_step(s) : SQLITE_ERROR;
    ok = ok && (step == SQLITE_ROW || step == SQLITE_DONE);
    *value = step == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
    if (!ok && error)
        *error = saveError(QString::fromUtf8(sqlite3_errmsg(m_db)));
    sqlite3_finalize(s);
    return ok;
}

// A statement of this connection still reading (a query not run to its end) makes DROP INDEX fail.
bool HistoryBulkInsert::anyStatementBusy() const
{
    for (sqlite3_stmt* s = sqlite3_next_stmt(m_db, nullptr); s; s = sqlite3_next_stmt(m_db, s)) {
        if (sqlite3_stmt_busy(s))
            return true;
    }
    return false;
}

bool HistoryBulkInsert::begin(qint64 rows, QString* error)
{
    m_largeLoad = false;
    m_rebuildIndexes = false;
    m_dropped.clear();
    if (!m_db) {
        if (error)
            *error = saveError(QStringLiteral("SQLite is not reachable"));
        return false;
    }
    // IMMEDIATE: the write lock now (waiting up to the busy timeout), not at the first insert.
    m_timer.start();
    if (!exec("BEGIN IMMEDIATE", error))
        return false;
    m_active = true;
    qint64 cacheSize = 0;
    qint64 lastIdBefore = 0;
    if (!scalar("SELECT MAX(id) FROM connections", &lastIdBefore, error) ||
        !scalar("PRAGMA cache_size", &cacheSize, error))
        return fail(nullptr);
    m_largeLoad = rows >= LargeLoadFrom;
    if (m_largeLoad && !anyStatementBusy()) {
        // Ids only grow (AUTOINCREMENT), so there are at most MAX(id) rows: counting is needed only when
        // that does not settle it.
        qint64 present = lastIdBefore;
        if (rows <= present && !scalar("SELECT COUNT(*) FROM connections", &present, error))
            return fail(nullptr);
        m_rebuildIndexes = rows > present;
        if (m_rebuildIndexes && !dropIndexes(error))
            return fail(nullptr);
    }
    // A larger page cache while many rows go in (negative: KiB), SQLite's default again after: the rest of
    // the time the app's memory stays small.
    const qint64 wanted = m_rebuildIndexes && rows > 10000 ? RebuildCacheKiB : BulkCacheKiB;
    if (rows > 1000 && cacheSize < 0 && -cacheSize < wanted) {
        m_cacheSizeBefore = cacheSize;
        exec(QByteArray("PRAGMA cache_size = -") + QByteArray::number(wanted), nullptr);
    }
    m_single = HistorySql::prepareInsert(m_db);
    if (m_single && rows >= BatchRows)
        m_batch = HistorySql::prepareInsert(m_db, BatchRows);
    if (!m_single || (rows >= BatchRows && !m_batch))
        return fail(error);
    m_pending.clear();
    m_pending.reserve(BatchRows);
    qCDebug(lcHistory) << "bulk insert of" << rows
                       << "rows:" << (m_rebuildIndexes ? "indexes built after" : "indexes row by row");
    return true;
}

// Drops every index of the table, keeping its SQL as SQLite stored it to create it again as it was.
bool HistoryBulkInsert::dropIndexes(QString* error)
{
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(m_db,
                           "SELECT name, sql FROM sqlite_master WHERE tbl_name = 'connections' AND "
                           "sql IS NOT NULL AND type = 'index'",
                           -1, &s, nullptr) != SQLITE_OK) {
        if (error)
            *error = saveError(QString::fromUtf8(sqlite3_errmsg(m_db)));
        return false;
    }
    QList<SchemaItem> items;
    int step;
    while ((step = sqlite3_step(s)) == SQLITE_ROW) {
        items.append({QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(s, 0))),
                      QByteArray(reinterpret_cast<const char*>(sqlite3_column_text(s, 1)))});
    }
    sqlite3_finalize(s);
    if (step != SQLITE_DONE) {
        if (error)
            *error = saveError(QString::fromUtf8(sqlite3_errmsg(m_db)));
        return false;
    }
    for (const SchemaItem& item : items) {
        if (!exec((QStringLiteral("DROP INDEX ") + quoted(item.name)).toUtf8(), error))
            return false;
        m_dropped.append(item);
    }
    return true;
}

bool HistoryBulkInsert::add(const HistoryRecord& record, QString* error)
{
    if (!m_active || !m_single) {
        if (error)
            *error = saveError(QStringLiteral("no transaction"));
        return false;
    }
    m_pending.append(record);
    if (!m_pending.constLast().createdAt.isValid())
        m_pending.last().createdAt = QDateTime::currentDateTimeUtc();
    return m_pending.size() < BatchRows || flush(error);
}

// The queued rows: a full batch in one statement, fewer one at a time. One writer (this transaction) and
// AUTOINCREMENT: a statement's rows take consecutive ids, the last one sqlite3_last_insert_rowid().
bool HistoryBulkInsert::flush(QString* error)
{
    const bool batch = m_batch && m_pending.size() == BatchRows;
    for (qsizetype first = 0; first < m_pending.size(); first += batch ? BatchRows : 1) {
        sqlite3_stmt* const s = batch ? m_batch : m_single;
        const int rows = batch ? BatchRows : 1;
        bool ok = true;
        for (int row = 0; ok && row < rows; ++row)
            ok = HistorySql::bindRecord(s, m_pending.at(first + row), m_keep[row], row);
        const int step = ok ? sqlite3_step(s) : SQLITE_ERROR;
        if (step != SQLITE_DONE && error)
            *error = saveError(QString::fromUtf8(sqlite3_errmsg(m_db)));
        sqlite3_reset(s);
        if (step != SQLITE_DONE)
            return false;
        const qint64 last = sqlite3_last_insert_rowid(m_db);
        for (int row = 0; row < rows; ++row)
            m_pending[first + row].id = last - (rows - 1 - row);
    }
    if (m_stored) {
        for (const HistoryRecord& record : std::as_const(m_pending))
            m_stored(record);
    }
    m_pending.clear();
    return true;
}

// The new rows (and any a one-shot process left after the index's mark) into the trigram index in one
// statement (HistorySearchIndex::catchUp), then the indexes as they were.
bool HistoryBulkInsert::restoreAfterLoad(QString* error)
{
    // The trigram index keeps what it is given in memory up to its hash size (1 MiB), then writes it out as
    // a segment to be merged with the others later: a larger one for a large load, and the setting as it
    // was after (a missing row is the default).
    qint64 hashSize = 0;
    bool customHash = false;
    if (m_largeLoad) {
        if (!scalar("SELECT COUNT(*) FROM connections_fts_config WHERE k = 'hashsize'", &hashSize, error))
            return false;
        customHash = hashSize > 0 &&
                     scalar("SELECT v FROM connections_fts_config WHERE k = 'hashsize'", &hashSize, error);
        if (!customHash)
            hashSize = DefaultSearchHashBytes;
        if (!setSearchHashSize(BulkSearchHashBytes, error))
            return false;
    }
    QString why;
    bool ok = HistorySearchIndex::catchUp(m_db, 0, &why);
    if (!ok && error)
        *error = saveError(why);
    if (m_largeLoad) {
        ok = ok && setSearchHashSize(hashSize, error) &&
             (customHash || exec("DELETE FROM connections_fts_config WHERE k = 'hashsize'", error));
    }
    qCDebug(lcHistory) << "bulk insert: trigram index filled" << m_timer.elapsed() << "ms";
    // The indexes, each built from the sorted rows.
    for (const SchemaItem& item : std::as_const(m_dropped)) {
        if (ok)
            ok = exec(item.sql, error);
    }
    qCDebug(lcHistory) << "bulk insert: indexes built" << m_timer.elapsed() << "ms";
    return ok;
}

bool HistoryBulkInsert::setSearchHashSize(qint64 bytes, QString* error)
{
    return exec("INSERT INTO connections_fts(connections_fts, rank) VALUES ('hashsize', " +
                    QByteArray::number(bytes) + ')',
                error);
}

bool HistoryBulkInsert::commit(QString* error)
{
    if (!m_active) {
        if (error)
            *error = saveError(QStringLiteral("no transaction"));
        return false;
    }
    const bool flushed = flush(error);
    sqlite3_finalize(m_batch);
    sqlite3_finalize(m_single);
    m_batch = m_single = nullptr;
    qCDebug(lcHistory) << "bulk insert: rows in" << m_timer.elapsed() << "ms";
    if (!flushed || !restoreAfterLoad(error) || !exec("COMMIT", error)) {
        rollback();
        return false;
    }
    m_active = false;
    m_dropped.clear();
    qCDebug(lcHistory) << "bulk insert: committed" << m_timer.elapsed() << "ms";
    if (m_cacheSizeBefore != 0)
        exec(QByteArray("PRAGMA cache_size = ") + QByteArray::number(m_cacheSizeBefore), nullptr);
    m_cacheSizeBefore = 0;
    return true;
}

bool HistoryBulkInsert::fail(QString* error)
{
    if (error)
        *error = saveError(QString::fromUtf8(sqlite3_errmsg(m_db)));
    rollback();
    return false;
}

void HistoryBulkInsert::rollback()
{
    sqlite3_finalize(m_batch);
    sqlite3_finalize(m_single);
    m_batch = m_single = nullptr;
    m_pending.clear();
    if (m_active) {
        // The dropped indexes come back with the rollback.
        if (sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr) != SQLITE_OK)
            qCWarning(lcHistory) << "rollback failed:" << sqlite3_errmsg(m_db);
        m_active = false;
    }
    m_dropped.clear();
    if (m_cacheSizeBefore != 0)
        exec(QByteArray("PRAGMA cache_size = ") + QByteArray::number(m_cacheSizeBefore), nullptr);
    m_cacheSizeBefore = 0;
}

} // namespace das
