// The read side of HistoryStore that walks the table's order: whole lists (fetch), one row at a time
// (forEach, for exports), and pages with their keys (for the table model's cache). The rest of the store is
// in HistoryStore.cpp and HistoryStoreState.cpp.
#include "HistoryStore.h"

#include "HistoryFilterPlan.h"
#include "HistoryLog.h"
#include "HistorySql.h"

#include <algorithm>

namespace das {

namespace {

enum class Bound
{
    None,
    After,  // rows after (key, id) in the order
    Before, // rows before it
};

struct Select
{
    explicit Select(const HistoryStore::PageQuery& q)
        : query(q)
    {}
    const HistoryStore::PageQuery& query;
    bool reversed = false; // read in the opposite order (and reverse the rows)
    Bound bound = Bound::None;
    QVariant key;
    qint64 id = 0;
    int offset = 0;
    int limit = -1;
};

// Builds and runs the query; the sort key is the column after HistorySql::columns().
bool run(SqliteQuery& q, const Select& s)
{
    const QString key = HistorySql::sortExpression(s.query.sort);
    const bool ascending = (s.query.order == Qt::AscendingOrder) != s.reversed;
    const QString direction = ascending ? QStringLiteral(" ASC") : QStringLiteral(" DESC");
    const QString order = QStringLiteral(" ORDER BY ") + key + direction + QStringLiteral(", id") + direction;
    QString sql = QStringLiteral("SELECT ") + HistorySql::columns() + QStringLiteral(", ") + key +
                  QStringLiteral(" FROM connections");
    // A filter looked up by index gives its matches in no order, and SQLite sorts what the query returns:
    // here only their keys and ids, and the page's rows are read by id after. Every column of every match
    // in the sorter cost a quarter more (1 % of 100,000 rows: 4.6 against 3.3 ms a page).
    const bool sortsIds = !s.query.filter.isEmpty() && !s.query.walk && s.limit > 0;
    if (sortsIds)
        sql += QStringLiteral(" WHERE id IN (SELECT id FROM connections");
    QStringList where;
    if (!s.query.filter.isEmpty())
        where.append(HistoryFilterPlan::clause(s.query.filter, s.query.walk));
    if (s.bound != Bound::None) {
        // Row values walk the (column, id) index from the bound instead of counting rows up to it.
        const bool greater = (s.bound == Bound::After) == (s.query.order == Qt::AscendingOrder);
        where.append(QStringLiteral("(%1, id) %2 (:key, :id)")
                         .arg(key, greater ? QStringLiteral(">") : QStringLiteral("<")));
    }
    if (!where.isEmpty())
        sql += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    sql += order + QStringLiteral(" LIMIT :limit OFFSET :offset");
    if (sortsIds)
        sql += u')' + order;
    if (!q.prepare(sql) ||
        (!s.query.filter.isEmpty() && !HistorySql::bindFilter(q.statement(), s.query.filter))) {
        qCWarning(lcHistory) << "query failed:" << q.lastError();
        return false;
    }
    if (s.bound != Bound::None) {
        q.bindValue(":key", s.key);
        q.bindValue(":id", s.id);
    }
    q.bindValue(":limit", s.limit);
    q.bindValue(":offset", s.offset);
    if (q.exec())
        return true;
    qCWarning(lcHistory) << "query failed:" << q.lastError();
    return false;
}

HistoryStore::Page readPage(const SqliteConnection& db, const Select& s)
{
    SqliteQuery q(db);
    HistoryStore::Page page;
    if (!run(q, s))
        return page;
    const int keyColumn = HistorySql::columnCount();
    QVariant first;
    QVariant last;
    while (q.next()) {
        page.rows.append(HistorySql::readRecord(q.statement()));
        last = q.value(keyColumn);
        if (page.rows.size() == 1)
            first = last;
    }
    if (!q.lastError().isEmpty()) { // a page cut short would pass for the last one: none, as when run() fails
        qCWarning(lcHistory) << "query failed:" << q.lastError();
        return {};
    }
    if (s.reversed) {
        std::reverse(page.rows.begin(), page.rows.end());
        std::swap(first, last);
    }
    page.firstKey = first;
    page.lastKey = last;
    return page;
}

} // namespace

QList<HistoryRecord> HistoryStore::fetch(const QString& filter, HistoryColumn::Column sort,
                                         Qt::SortOrder order, int offset, int limit) const
{
    return pageAt({filter, sort, order}, offset, limit).rows;
}

bool HistoryStore::forEach(const QString& filter, HistoryColumn::Column sort, Qt::SortOrder order,
                           const std::function<bool(const HistoryRecord&)>& visit) const
{
    SqliteQuery q(m_db);
    const PageQuery query{filter, sort, order};
    if (!run(q, Select{query}))
        return false;
    while (q.next()) {
        if (!visit(HistorySql::readRecord(q.statement())))
            return true;
    }
    // A read that failed part way (I/O, a damaged file, a lock held too long) is not the end of the rows.
    if (!q.lastError().isEmpty())
        qCWarning(lcHistory) << "query failed:" << q.lastError();
    return q.lastError().isEmpty();
}

HistoryStore::Page HistoryStore::pageAt(const PageQuery& query, int offset, int limit) const
{
    Select s{query};
    s.offset = offset;
    s.limit = limit;
    return readPage(m_db, s);
}

HistoryStore::Page HistoryStore::pageFromEnd(const PageQuery& query, int offsetFromEnd, int limit) const
{
    Select s{query};
    s.reversed = true;
    s.offset = offsetFromEnd;
    s.limit = limit;
    return readPage(m_db, s);
}

HistoryStore::Page HistoryStore::pageAfter(const PageQuery& query, const QVariant& key, qint64 id,
                                           int limit) const
{
    Select s{query};
    s.bound = Bound::After;
    s.key = key;
    s.id = id;
    s.limit = limit;
    return readPage(m_db, s);
}

HistoryStore::Page HistoryStore::pageBefore(const PageQuery& query, const QVariant& key, qint64 id,
                                            int limit) const
{
    Select s{query};
    s.reversed = true;
    s.bound = Bound::Before;
    s.key = key;
    s.id = id;
    s.limit = limit;
    return readPage(m_db, s);
}

bool HistoryStore::isCommonFilter(const QString& filter) const
{
    return filter.isEmpty() || HistoryFilterPlan::alwaysWalks(filter) ||
           countUpTo(filter, HistoryFilterPlan::CommonMatches) >= HistoryFilterPlan::CommonMatches;
}

int HistoryStore::countUpTo(const QString& filter, int limit) const
{
    SqliteQuery q(m_db);
    QString sql = QStringLiteral("SELECT COUNT(*) FROM (SELECT 1 FROM connections");
    if (!filter.isEmpty())
        sql += QStringLiteral(" WHERE ") + HistorySql::filterClause(filter);
    q.prepare(sql + QStringLiteral(" LIMIT %1)").arg(limit));
    if (!filter.isEmpty())
        HistorySql::bindFilter(q.statement(), filter);
    if (!q.exec() || !q.next())
        return -1;
    return q.value(0).toInt();
}

bool HistoryStore::idRange(qint64* min, qint64* max) const
{
    SqliteQuery q(m_db);
    // Two subqueries: SQLite reads one end of the table for a lone MIN or MAX, and every row for both.
    if (!q.exec(
            QStringLiteral("SELECT (SELECT MIN(id) FROM connections), (SELECT MAX(id) FROM connections)")) ||
        !q.next() || q.isNull(0))
        return false;
    *min = q.value(0).toLongLong();
    *max = q.value(1).toLongLong();
    return true;
}

qint64 HistoryStore::changeStamp() const
{
    SqliteQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT total_changes()")) || !q.next())
        return -1;
    const qint64 own = q.value(0).toLongLong();
    const qint64 others = dataVersion();
    if (others < 0)
        return -1;
    // Both grow from small numbers; neither reaches 2^32 in a session.
    return (others << 32) + (own & 0xffffffff);
}

} // namespace das
