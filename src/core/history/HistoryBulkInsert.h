#pragma once

#include "HistoryRecord.h"
#include "HistorySql.h"

#include <QElapsedTimer>
#include <QList>

#include <QString>
#include <functional>

struct sqlite3;
struct sqlite3_stmt;

namespace das {

// Many rows into the connections table in one transaction, through SQLite's C API (no QVariant per value).
// Private to the history library: HistoryStore::addMany() and addEach() use it.
//
// Each row costs an insert into the table and one into each of its indexes and the trigram index. The
// trigram index is filled afterwards by one INSERT ... SELECT of the new rows (HistorySearchIndex::catchUp:
// its pending data is written out once, not at every statement), and when the rows added outnumber those
// present the indexes are dropped and built again once the rows are in: a sorted build instead of a
// row-by-row insert at a random place in each of them. All of it is in the one transaction: a failure (or
// destroying the object before commit()) rolls back the rows and the schema alike, and other connections only
// ever see the indexes whole.
class HistoryBulkInsert
{
public:
    explicit HistoryBulkInsert(sqlite3* db);
    ~HistoryBulkInsert();
    HistoryBulkInsert(const HistoryBulkInsert&) = delete;
    HistoryBulkInsert& operator=(const HistoryBulkInsert&) = delete;

    // Starts the transaction for `rows` rows (a guess is fine: it only chooses the way).
    bool begin(qint64 rows, QString* error);
    // Each row as stored (its id set, and createdAt when it had none), in order, once its statement ran.
    void setStored(std::function<void(const HistoryRecord&)> stored) { m_stored = std::move(stored); }
    // Queues one row (createdAt now when unset); they go in BatchRows to a statement.
    bool add(const HistoryRecord& record, QString* error);
    // Inserts what is queued, completes the indexes and commits. On failure everything is rolled back.
    bool commit(QString* error);

    // Which way the last begin() chose, for the tests.
    bool rebuildsIndexes() const { return !m_dropped.isEmpty() && m_rebuildIndexes; }

private:
    struct SchemaItem
    {
        QString name;
        QByteArray sql;
    };
    bool exec(const QByteArray& sql, QString* error);
    bool scalar(const char* sql, qint64* value, QString* error);
    bool anyStatementBusy() const;
    bool dropIndexes(QString* error);
    bool restoreAfterLoad(QString* error);
    bool setSearchHashSize(qint64 bytes, QString* error);
    bool fail(QString* error);
    void rollback();

    bool flush(QString* error);

    // Rows per INSERT: the statement's own work (and AUTOINCREMENT's update of sqlite_sequence) once for
    // many rows; 32 x 21 values, well under SQLite's 32,766 bound values.
    static constexpr int BatchRows = 32;
    sqlite3* m_db;
    sqlite3_stmt* m_batch = nullptr;  // BatchRows rows
    sqlite3_stmt* m_single = nullptr; // one row, for the last few
    QList<HistoryRecord> m_pending;
    HistorySql::BoundText m_keep[BatchRows];
    std::function<void(const HistoryRecord&)> m_stored;
    bool m_active = false;
    bool m_largeLoad = false;
    bool m_rebuildIndexes = false;
    qint64 m_cacheSizeBefore = 0;
    QList<SchemaItem> m_dropped;
    QElapsedTimer m_timer; // for the debug log's figures
};

} // namespace das
