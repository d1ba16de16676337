#include "HistoryStore.h"

#include "AppPaths.h"
#include "HistoryBulkInsert.h"
#include "HistoryLog.h"
#include "HistorySchema.h"
#include "HistorySearchIndex.h"
#include "HistorySql.h"

#include <QFileInfo>

#include <algorithm>
#include <future>

#include <sqlite3.h>

namespace das {

// The prepared INSERT and the buffer its values are bound from (HistorySql::bindRecord).
struct HistoryStore::Insert
{
    sqlite3_stmt* statement = nullptr;
    HistorySql::BoundText text;
    ~Insert() { sqlite3_finalize(statement); }
};

HistoryStore::HistoryStore(const QString& path)
    : m_path(path)
{}

HistoryStore::~HistoryStore()
{
    m_insert.reset(); // a statement left would keep the connection in use
    for (std::unique_ptr<SqliteQuery>& update : m_stateUpdates)
        update.reset();
    m_db.close();
}

bool HistoryStore::open(QString* error)
{
    QString ignored;
    if (!error)
        error = &ignored;
    // The database exists 0600 before SQLite opens it: SQLite gives its -wal, -shm and -journal files the
    // database's mode, so all of them are private from the first byte, whatever the umask.
    QString problem;
    if (!AppPaths::ensurePrivateDir(QFileInfo(m_path).absolutePath(), &problem) ||
        !AppPaths::createPrivateFile(m_path, &problem)) {
        *error = tr("The history database cannot be opened: %1").arg(problem);
        return false;
    }
    QString why;
    if (!m_db.open(m_path, SqliteConnection::Mode::ReadWrite, 5000, &why)) {
        *error = tr("Cannot open the history database %1: %2").arg(m_path, why);
        return false;
    }
    const bool keepsLog = !AppPaths::historyCompactedOnClose();
    if (!HistorySchema::configure(m_db.handle(), keepsLog, &why)) {
        *error = tr("Cannot configure the history database: %1").arg(why);
        return false;
    }
    if (!migrate(error) || !checkPrivate(error))
        return false;
    if (!keepsLog)
        indexSearchTail();
    // Every commit is on disk in the log already (synchronous=FULL), and SQLite copies the log back every
    // wal_autocheckpoint pages in any case; closing then costs neither the copy and its flushes nor, for the
    // next process, a new log and its directory flush.
    if (keepsLog && !m_db.leaveLogOnClose())
        qCDebug(lcHistory) << "the write-ahead log will be checkpointed on close: SQLite refused";
    m_open = true;
    qCDebug(lcHistory) << "opened" << m_path << "schema version" << schemaVersion();
    return true;
}

// Files left by an older version, another program or a crash may be wider than what open() creates; each is
// tightened, and the history refuses to work where that is impossible.
bool HistoryStore::checkPrivate(QString* error) const
{
    QString problem;
    bool ok = AppPaths::ensurePrivateDir(QFileInfo(m_path).absolutePath(), &problem) &&
              AppPaths::makePrivateFile(m_path, &problem);
    for (const char* suffix : {"-wal", "-shm", "-journal"}) {
        const QString side = m_path + QLatin1String(suffix);
        if (ok && QFileInfo::exists(side))
            ok = AppPaths::makePrivateFile(side, &problem);
    }
    if (!ok)
        *error = tr("The history database cannot be kept private: %1").arg(problem);
    return ok;
}

// The window runs it on its GUI thread: bounded (the rows of a long run of CLI batches go in over several
// calls), and not waiting for another process's write lock (a CLI import holds it for seconds). When it
// cannot run, the rows stay matched by LIKE until the next time.
void HistoryStore::indexSearchTail()
{
    if (!HistorySearchIndex::hasRowsToIndex(m_db.handle()))
        return;
    if (!m_db.tryImmediateTransaction()) {
        qCDebug(lcHistory) << "search index left for later: another connection is writing";
        return;
    }
    QString why;
    if (HistorySearchIndex::catchUp(m_db.handle(), SearchTailRowsAtATime, &why) && m_db.commit())
        return;
    qCWarning(lcHistory) << "the search index is left behind:" << (why.isEmpty() ? m_db.lastError() : why);
    m_db.rollback();
}

int HistoryStore::schemaVersion() const
{
    SqliteQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT version FROM schema_version")) || !q.next())
        return 0;
    return q.value(0).toInt();
}

bool HistoryStore::migrate(QString* error)
{
    SqliteConnection& db = m_db;
    SqliteQuery q(db);
    // The usual case, a history of this version: one read, no write transaction.
    if (q.exec(QStringLiteral("SELECT version FROM schema_version")) && q.next() &&
        q.value(0).toInt() == SchemaVersion) {
        q.finish();
        return true;
    }
    auto fail = [&](const SqliteQuery& failed) {
        if (error)
            *error = tr("Cannot upgrade the history database: %1")
                         .arg(failed.lastError().isEmpty() ? db.lastError() : failed.lastError());
        db.rollback();
        return false;
    };
    if (!db.transaction())
        return fail(q);
    if (!q.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")))
        return fail(q);
    int version = 0;
    if (!q.exec(QStringLiteral("SELECT version FROM schema_version")))
        return fail(q);
    if (q.next()) {
        version = q.value(0).toInt();
    } else if (!q.exec(QStringLiteral("INSERT INTO schema_version (version) VALUES (0)"))) {
        return fail(q);
    }
    if (version > SchemaVersion) {
        if (error)
            *error = tr("The history database %1 was written by a newer DAS Connect (schema %2, this one "
                        "knows %3).")
                         .arg(m_path)
                         .arg(version)
                         .arg(SchemaVersion);
        db.rollback();
        return false;
    }
    for (int v = version; v < SchemaVersion; ++v) {
        qCDebug(lcHistory) << "migrating schema" << v << "to" << v + 1;
        const QStringList statements = HistorySchema::migration(v);
        for (const QString& statement : statements) {
            if (!q.exec(statement))
                return fail(q);
        }
    }
    if (version < SchemaVersion) {
        q.prepare(QStringLiteral("UPDATE schema_version SET version = :v"));
        q.bindValue(":v", SchemaVersion);
        if (!q.exec())
            return fail(q);
    }
    if (!db.commit())
        return fail(q);
    return true;
}

bool HistoryStore::add(HistoryRecord& record, QString* error)
{
    if (!m_insert) {
        auto insert = std::make_unique<Insert>();
        insert->statement = HistorySql::prepareInsert(m_db.handle());
        if (!insert->statement) {
            if (error)
                *error = tr("Cannot save the connection to history: %1").arg(m_db.lastError());
            return false;
        }
        m_insert = std::move(insert);
    }
    if (!record.createdAt.isValid())
        record.createdAt = QDateTime::currentDateTimeUtc();
    sqlite3_stmt* const s = m_insert->statement;
    const bool ok = HistorySql::bindRecord(s, record, m_insert->text) && sqlite3_step(s) == SQLITE_DONE;
    if (ok)
        record.id = sqlite3_last_insert_rowid(m_db.handle());
    else if (error)
        *error = tr("Cannot save the connection to history: %1").arg(m_db.lastError());
    sqlite3_reset(s);
    if (ok)
        qCDebug(lcHistory) << "added row" << record.id;
    return ok;
}

bool HistoryStore::addMany(QList<HistoryRecord>& records, QString* error)
{
    qint64 index = 0;
    // On this thread: the callbacks read and write the caller's list.
    const bool ok = addRows(
        records.size(), [&records](qint64 i) { return records.at(i); },
        [&records, &index](const HistoryRecord& added) {
            // The id, and createdAt when the record had none (the time of its insert).
            records[index].id = added.id;
            records[index].createdAt = added.createdAt;
            ++index;
        },
        false, error);
    if (!ok) {
        for (HistoryRecord& r : records)
            r.id = 0;
    }
    return ok;
}

bool HistoryStore::addEach(qint64 rows, const std::function<HistoryRecord(qint64)>& row,
                           const std::function<void(const HistoryRecord&)>& added, QString* error)
{
    return addRows(rows, row, added, true, error);
}

bool HistoryStore::addRows(qint64 rows, const std::function<HistoryRecord(qint64)>& row,
                           const std::function<void(const HistoryRecord&)>& added, bool makeAhead,
                           QString* error)
{
    HistoryBulkInsert insert(m_db.handle());
    if (!insert.begin(rows, error))
        return false;
    if (added)
        insert.setStored(added);
    // The rows of a large load are made a chunk ahead, on a thread of their own, while the chunk before
    // goes in: making them (the caller's work) and inserting them (SQLite's) overlap on two cores.
    constexpr qint64 Chunk = 4096;
    auto make = [&row](qint64 first, qint64 count) {
        QList<HistoryRecord> chunk;
        chunk.reserve(count);
        for (qint64 i = first; i < first + count; ++i)
            chunk.append(row(i));
        return chunk;
    };
    const bool ahead = makeAhead && rows >= 2 * Chunk;
    std::future<QList<HistoryRecord>> next;
    if (ahead)
        next = std::async(std::launch::async, make, 0, std::min(Chunk, rows));
    for (qint64 first = 0; first < rows; first += Chunk) {
        const qint64 count = std::min(Chunk, rows - first);
        const QList<HistoryRecord> chunk = ahead ? next.get() : make(first, count);
        if (ahead && first + Chunk < rows)
            next = std::async(std::launch::async, make, first + Chunk, std::min(Chunk, rows - first - Chunk));
        for (const HistoryRecord& record : chunk) {
            if (!insert.add(record, error))
                return false; // rolled back as `insert` goes (and `next` waits for its thread)
        }
    }
    if (!insert.commit(error))
        return false;
    qCDebug(lcHistory) << "added" << rows << "rows";
    return true;
}

bool HistoryStore::remove(const QList<qint64>& ids, QString* error)
{
    m_db.transaction();
    SqliteQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM connections WHERE id = :id"));
    for (qint64 id : ids) {
        QString why;
        q.bindValue(":id", id);
        if (!HistorySearchIndex::forget(m_db.handle(), id, nullptr, &why) || !q.exec()) {
            if (error)
                *error = tr("Cannot delete history rows: %1").arg(why.isEmpty() ? q.lastError() : why);
            m_db.rollback();
            return false;
        }
    }
    q.finish();
    if (m_db.commit())
        return true;
    if (error)
        *error = tr("Cannot delete history rows: %1").arg(m_db.lastError());
    m_db.rollback();
    return false;
}

bool HistoryStore::setPasswordSaved(qint64 id, bool saved, QString* error)
{
    SqliteQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE connections SET password_saved = :s WHERE id = :id"));
    q.bindValue(":s", saved);
    q.bindValue(":id", id);
    if (!q.exec()) {
        if (error)
            *error = tr("Cannot update history: %1").arg(q.lastError());
        return false;
    }
    return true;
}

int HistoryStore::count(const QString& filter) const
{
    SqliteQuery q(m_db);
    QString sql = QStringLiteral("SELECT COUNT(*) FROM connections");
    if (!filter.isEmpty())
        sql += QStringLiteral(" WHERE ") + HistorySql::filterClause(filter);
    q.prepare(sql);
    if (!filter.isEmpty())
        HistorySql::bindFilter(q.statement(), filter);
    if (!q.exec() || !q.next())
        return 0;
    return q.value(0).toInt();
}

qint64 HistoryStore::dataVersion() const
{
    SqliteQuery q(m_db);
    if (!q.exec(QStringLiteral("PRAGMA data_version")) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

HistoryRecord HistoryStore::byId(qint64 id) const
{
    SqliteQuery q(m_db);
    q.prepare(QStringLiteral("SELECT ") + HistorySql::columns() +
              QStringLiteral(" FROM connections WHERE id = :id"));
    q.bindValue(":id", id);
    if (q.exec() && q.next())
        return HistorySql::readRecord(q.statement());
    return {};
}

} // namespace das
