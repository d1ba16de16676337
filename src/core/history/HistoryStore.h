#pragma once

#include "HistoryColumn.h"
#include "HistoryRecord.h"
#include "HistorySchema.h"
#include "SqliteConnection.h"

#include <QCoreApplication>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <functional>
#include <memory>

namespace das {

class HistoryExportStream;

// SQLite history of creates (SQLite's own C API, SqliteConnection), written ahead: a row in state pending is
// committed before the request leaves and later set to where the create ended. WAL with synchronous=FULL: a
// row is durable once add() returns.
class HistoryStore
{
    Q_DECLARE_TR_FUNCTIONS(HistoryStore)

public:
    static constexpr int SchemaVersion = HistorySchema::Version;
    // The most rows indexSearchTail() adds to the search index at a time.
    static constexpr qint64 SearchTailRowsAtATime = 10000;

    explicit HistoryStore(const QString& path);
    ~HistoryStore();
    HistoryStore(const HistoryStore&) = delete;
    HistoryStore& operator=(const HistoryStore&) = delete;

    // The store's own connection, with the settings open() gave it: for tests that check them.
    const SqliteConnection& connection() const { return m_db; }

    // Creates the folder 0700 and the database 0600 when missing, then checks that the folder, the database
    // and each of its side files (-wal, -shm, -journal) is private, tightening them; fails, saying why, when
    // one cannot be made so (another user's, or a file system that ignores modes).
    bool open(QString* error);
    bool isOpen() const { return m_open; }
    const QString& path() const { return m_path; }
    int schemaVersion() const;
    // Adds the rows one-shot processes (CLI creates) left after the search index's mark to the index, at most
    // SearchTailRowsAtATime (HistorySearchIndex): open() does, unless the store is a one-shot process's
    // (AppPaths::historyCompactedOnClose), and HistoryWatcher when another process wrote. For speed only: the
    // filter matches those rows by LIKE until then.
    void indexSearchTail();

    // Inserts and commits; sets record.id. The caller shows the connection ID only after this returns true.
    bool add(HistoryRecord& record, QString* error);
    // Inserts every record in one transaction (HistoryBulkInsert), setting each id (and createdAt, when
    // unset): a bulk load or an import pays one commit, not one per row. All or none (ids stay 0 when it
    // fails).
    bool addMany(QList<HistoryRecord>& records, QString* error);
    // A bulk load streamed into one transaction: `rows` records, made one at a time by row(0) ..
    // row(rows - 1), so that memory stays flat however many there are; `added`, when set, gets each as
    // stored (with its id). All or none. When the rows outnumber those present, the table's indexes are
    // built again after the insert instead of row by row (see HistoryBulkInsert): a first import or a
    // restore of 100,000 rows takes a second or two.
    // row() is called in order, from a thread of its own for a large load (it must not touch what the
    // caller's thread is using); added() on the caller's thread, as each row goes in, before the commit: when
    // the load then fails, the ids it was given were rolled back (addMany sets them to 0 again; createdAt
    // stays as filled in). The load holds the write lock throughout: another process's create waits for it
    // (up to the 5 s busy timeout, then gives up without sending).
    bool addEach(qint64 rows, const std::function<HistoryRecord(qint64 index)>& row,
                 const std::function<void(const HistoryRecord& added)>& added, QString* error);
    bool remove(const QList<qint64>& ids, QString* error);
    bool setPasswordSaved(qint64 id, bool saved, QString* error);

    // How long a commit waits for the disk. EveryCommit (synchronous=FULL, the default): a row is on disk
    // when the call returns, even across a power cut. ProcessCrash (synchronous=NORMAL, WAL): a row survives
    // the process being killed (kill -9, a crash), not the machine losing power before SQLite's next
    // checkpoint. A batch uses ProcessCrash: two FULL commits a row cost two disk flushes on the event loop.
    enum class Durability
    {
        EveryCommit,
        ProcessCrash,
    };
    bool setDurability(Durability durability, QString* error);

    // Sets the state and updatedAt = now; connectionId and requestId are stored only when non-empty; detail
    // replaces stateDetail. False, saying why, when the row does not exist or SQL fails.
    bool setState(qint64 id, HistoryRecord::State state, const QString& connectionId,
                  const QString& requestId, const QString& detail, QString* error);
    // Compiles the statement that setState() uses for a create that succeeded (a connection ID and a request
    // ID), so that the answer's commit does not wait for it: for a caller with nothing to do while the
    // request is out.
    void prepareSettle();
    // The same, but only while the row is still pending or unknown: a reconciliation never overwrites what a
    // create (or another reconciliation, in another process) settled meanwhile. 1 settled, 0 it was settled
    // already (or does not exist), -1 SQL failed.
    int settleUnresolved(qint64 id, HistoryRecord::State state, const QString& connectionId,
                         const QString& detail, QString* error);
    // Marks every row holding one of these connection IDs deleted, in one transaction, clearing the detail
    // (it said why the connection existed). Empty IDs and rows already deleted are skipped. Returns the rows
    // changed, -1 on error.
    int markDeleted(const QStringList& connectionIds, QString* error);

    // Rows in state pending or unknown, oldest first: creates that may or may not exist on DAS.
    QList<HistoryRecord> unresolved() const;
    // Rows in state created with origin created on this endpoint and project whose createdAt >= since,
    // oldest first: what this history created since a time, for tearing a demo down.
    QList<HistoryRecord> createdSince(const QString& endpoint, const QString& projectId,
                                      const QDateTime& since) const;
    // Every non-empty connection ID in the history, in any state (IDs are globally unique).
    QSet<QString> connectionIds() const;
    // The rows holding these connection IDs (several rows may hold one), oldest first.
    QList<HistoryRecord> byConnectionIds(const QStringList& connectionIds) const;

    // Filter matches a substring of endpoint, instance, engine, username, connection ID, database, remarks,
    // project or state name.
    int count(const QString& filter = QString()) const;
    // Sorted by `sort`, ties broken by id in the same direction.
    QList<HistoryRecord> fetch(const QString& filter = QString(),
                               HistoryColumn::Column sort = HistoryColumn::Time,
                               Qt::SortOrder order = Qt::DescendingOrder, int offset = 0,
                               int limit = -1) const;
    HistoryRecord byId(qint64 id) const;

    // Pages of rows in the table's order, with the sort key of their first and last row as stored: the
    // page after one starts at its last key (keyset paging: as fast at row 900,000 as at row 0, where an
    // OFFSET steps over every row before it). See HistoryPageCache.
    struct PageQuery
    {
        QString filter;
        HistoryColumn::Column sort = HistoryColumn::Time;
        Qt::SortOrder order = Qt::DescendingOrder;
        // How a filter's page is found: false, its matching rows are looked up by index and sorted (quick
        // when few match); true, the order is walked and each row checked until the page is full (quick when
        // many match). The same rows either way. See isCommonFilter().
        bool walk = false;
    };
    // At least HistoryFilterPlan::CommonMatches rows match the filter (checked by reading at most that
    // many): its pages are quicker found by walking the order (PageQuery::walk). Rows matching a filter of
    // one or two characters are never looked up by index: true.
    bool isCommonFilter(const QString& filter) const;
    // The rows matching the filter, counting no further than `limit` (reads at most that many): below it,
    // the count. -1 when the query failed.
    int countUpTo(const QString& filter, int limit) const;
    // The lowest and highest id, false when there are no rows. When max - min + 1 is the number of rows, the
    // ids have no gaps (nothing was deleted) and row r of the time order holds id max - r (or min + r).
    bool idRange(qint64* min, qint64* max) const;
    struct Page
    {
        QList<HistoryRecord> rows;
        QVariant firstKey;
        QVariant lastKey;
    };
    // Rows offset .. offset + limit - 1; pageFromEnd counts the offset from the last row (cheaper for rows
    // nearer the end).
    Page pageAt(const PageQuery& query, int offset, int limit) const;
    Page pageFromEnd(const PageQuery& query, int offsetFromEnd, int limit) const;
    // The `limit` rows just after, or just before, the row with this key and id.
    Page pageAfter(const PageQuery& query, const QVariant& key, qint64 id, int limit) const;
    Page pageBefore(const PageQuery& query, const QVariant& key, qint64 id, int limit) const;
    // Calls `visit` with each row matching the filter, in that order, read one at a time from a forward-only
    // query: only the current row is held, however many there are (see HistoryExporter::write). Stops when
    // visit returns false. False when the query failed.
    bool forEach(const QString& filter, HistoryColumn::Column sort, Qt::SortOrder order,
                 const std::function<bool(const HistoryRecord&)>& visit) const;
    // A number that changes whenever the rows may have changed: a commit by this store (SQLite's
    // total_changes()) or by anyone else (dataVersion()). Equal numbers mean the same rows, so a reload can
    // keep what it read. -1 when it cannot be read.
    qint64 changeStamp() const;

    // Writes every row matching the filter, in that order (the rows forEach() visits), to `stream`, read
    // through SQLite's C API: the stored UTF-8 goes into the export without a QString or QVariant per value
    // (HistoryExportStream::writeRow). False when the query failed.
    bool writeRows(HistoryExportStream& stream, const QString& filter, HistoryColumn::Column sort,
                   Qt::SortOrder order) const;

    // SQLite's PRAGMA data_version: a number that changes when another connection (another process such as
    // the CLI, or another HistoryStore) commits to the database, and not on this store's own commits. -1 when
    // it cannot be read (not open). See HistoryWatcher.
    qint64 dataVersion() const;

private:
    bool migrate(QString* error);
    bool checkPrivate(QString* error) const;
    bool addRows(qint64 rows, const std::function<HistoryRecord(qint64)>& row,
                 const std::function<void(const HistoryRecord&)>& added, bool makeAhead, QString* error);
    int updateState(qint64 id, HistoryRecord::State state, const QString& connectionId,
                    const QString& requestId, const QString& detail, bool onlyUnresolved, QString* error);
    // One UPDATE of updateState(); with unindexedOnly, of a row after the search index's mark only.
    int runStateUpdate(qint64 id, HistoryRecord::State state, const QString& connectionId,
                       const QString& requestId, const QString& detail, bool onlyUnresolved,
                       bool unindexedOnly, QString* error);
    // The UPDATE runStateUpdate() runs for these, compiled on first use and kept (null if it cannot compile).
    SqliteQuery* stateUpdate(bool connectionId, bool requestId, bool onlyUnresolved, bool unindexedOnly);

    struct Insert;

    QString m_path;
    SqliteConnection m_db;
    bool m_open = false;
    // Prepared once: compiling the INSERT took longer than running it.
    std::unique_ptr<Insert> m_insert;
    std::unique_ptr<SqliteQuery> m_stateUpdates[16];
};

} // namespace das
