#include "HistorySearchIndex.h"

#include <QByteArray>

#include <sqlite3.h>

namespace das {

namespace HistorySearchIndex {

namespace {

// The searched columns, as the index names them (HistorySchema.cpp, schema 6). A macro: the statements
// below are literals built from it.
#define DAS_SEARCHED_COLUMNS "instance_id, username, connection_id, database_name, remarks"

const char* const Indexed = "id <= (SELECT indexed_through FROM search_progress)";
const char* const Unindexed = "id > (SELECT indexed_through FROM search_progress)";

const char* const Marks = "SELECT indexed_through, (SELECT COALESCE(MAX(id), 0) FROM connections) FROM "
                          "search_progress";
const char* const Fill = "INSERT INTO connections_fts(rowid, " DAS_SEARCHED_COLUMNS
                         ") SELECT id, " DAS_SEARCHED_COLUMNS " FROM connections WHERE id > ?1 AND id <= ?2";
// The id of the (?2 + 1)th row after ?1: the last one a bounded catchUp() indexes.
const char* const LastOfFirst = "SELECT id FROM connections WHERE id > ?1 ORDER BY id LIMIT 1 OFFSET ?2";
// FTS5's own rebuild, when the index holds nothing yet: a tenth faster than Fill for a whole table.
const char* const Rebuild = "INSERT INTO connections_fts(connections_fts) VALUES ('rebuild')";
const char* const Move = "UPDATE search_progress SET indexed_through = ?1";

struct Statement
{
    sqlite3_stmt* s = nullptr;
    ~Statement() { sqlite3_finalize(s); }
};

bool fail(sqlite3* db, QString* why)
{
    if (why)
        *why = QString::fromUtf8(sqlite3_errmsg(db));
    return false;
}

// Runs `sql` with ?1 bound to `value` (when it has a ?1), to its end.
bool run(sqlite3* db, const QByteArray& sql, qint64 value, QString* why)
{
    Statement st;
    if (sqlite3_prepare_v2(db, sql.constData(), int(sql.size()), &st.s, nullptr) != SQLITE_OK)
        return fail(db, why);
    if (sqlite3_bind_parameter_count(st.s) > 0 && sqlite3_bind_int64(st.s, 1, value) != SQLITE_OK)
        return fail(db, why);
    return sqlite3_step(st.s) == SQLITE_DONE || fail(db, why);
}

// The mark and the last row's id; false when they cannot be read.
bool readMarks(sqlite3* db, qint64* mark, qint64* last, QString* why)
{
    Statement st;
    if (sqlite3_prepare_v2(db, Marks, -1, &st.s, nullptr) != SQLITE_OK || sqlite3_step(st.s) != SQLITE_ROW)
        return fail(db, why);
    *mark = sqlite3_column_int64(st.s, 0);
    *last = sqlite3_column_int64(st.s, 1);
    return true;
}

} // namespace

bool catchUp(sqlite3* db, qint64 maxRows, QString* why)
{
    qint64 mark = 0;
    qint64 last = 0;
    if (!readMarks(db, &mark, &last, why))
        return false;
    if (last <= mark)
        return true;
    if (maxRows > 0) {
        Statement st;
        if (sqlite3_prepare_v2(db, LastOfFirst, -1, &st.s, nullptr) != SQLITE_OK ||
            sqlite3_bind_int64(st.s, 1, mark) != SQLITE_OK ||
            sqlite3_bind_int64(st.s, 2, maxRows - 1) != SQLITE_OK)
            return fail(db, why);
        const int step = sqlite3_step(st.s);
        if (step == SQLITE_ROW)
            last = sqlite3_column_int64(st.s, 0);
        else if (step != SQLITE_DONE)
            return fail(db, why);
    }
    Statement fill;
    const bool rebuild = mark == 0 && maxRows <= 0;
    if (sqlite3_prepare_v2(db, rebuild ? Rebuild : Fill, -1, &fill.s, nullptr) != SQLITE_OK ||
        (!rebuild && (sqlite3_bind_int64(fill.s, 1, mark) != SQLITE_OK ||
                      sqlite3_bind_int64(fill.s, 2, last) != SQLITE_OK)) ||
        sqlite3_step(fill.s) != SQLITE_DONE)
        return fail(db, why);
    return run(db, Move, last, why);
}

bool hasRowsToIndex(sqlite3* db)
{
    qint64 mark = 0;
    qint64 last = 0;
    return readMarks(db, &mark, &last, nullptr) && last > mark;
}

bool forget(sqlite3* db, qint64 id, const char* extraCondition, QString* why)
{
    QByteArray sql = "INSERT INTO connections_fts(connections_fts, rowid, " DAS_SEARCHED_COLUMNS
                     ") SELECT 'delete', id, " DAS_SEARCHED_COLUMNS " FROM connections WHERE id = ?1 AND ";
    sql += Indexed;
    if (extraCondition && *extraCondition)
        sql += QByteArray(" AND ") + extraCondition;
    return run(db, sql, id, why);
}

bool restore(sqlite3* db, qint64 id, QString* why)
{
    return run(db,
               QByteArray("INSERT INTO connections_fts(rowid, " DAS_SEARCHED_COLUMNS
                          ") SELECT id, " DAS_SEARCHED_COLUMNS " FROM connections WHERE id = ?1 AND ") +
                   Indexed,
               id, why);
}

const char* unindexedCondition()
{
    return Unindexed;
}

} // namespace HistorySearchIndex

} // namespace das

#undef DAS_SEARCHED_COLUMNS
