#pragma once

#include "HistoryColumn.h"
#include "HistoryRecord.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QVariant>

namespace das {

class HistoryStore;

// The rows of the history table near what the view shows: pages of PageRows records read from the store in
// the table's order, at most MaxPages of them kept, the least recently used dropped first. Memory is bounded
// by the cache, not by the history: a million rows cost what a thousand do. A page next to a cached one is
// read by keyset from its neighbour's last (or first) key, so scrolling costs the same at any depth. A page
// reached by a jump is read by keyset too once the order's page boundaries are known (setBoundaries, read in
// the background by HistoryOrderScan); until then by OFFSET, counted from the nearer end.
class HistoryPageCache
{
public:
    static constexpr int PageRows = 128;
    static constexpr int MaxPages = 24;

    struct Order
    {
        QString filter;
        HistoryColumn::Column column = HistoryColumn::Time;
        Qt::SortOrder order = Qt::DescendingOrder;
        bool walk = false; // HistoryStore::PageQuery::walk
    };

    // Not owned. Drops every page.
    void setStore(const HistoryStore* store);
    void setOrder(const Order& order);
    const Order& order() const { return m_order; }
    // The rows in the order (the model's COUNT), to count offsets from the end. Not exact: only the rows
    // known so far (the count is still being made), and no offset is counted from the end.
    void setTotal(int total, bool exact = true)
    {
        m_total = total;
        m_totalExact = exact;
    }
    // Drops every page and the boundaries: the rows changed.
    void clear();
    // The sort key and id of the last row of every full page of the current order, page 0 first; dropped by
    // setOrder() and clear(). With them, page p is the PageRows rows after page p - 1's last row.
    void setBoundaries(QList<QVariant> keys, QList<qint64> ids);
    // The next ones, after those set.
    void appendBoundaries(const QList<QVariant>& keys, const QList<qint64>& ids);
    int boundaryCount() const { return int(m_boundaryIds.size()); }

    // The record at `row` in the order, reading its page when it is not cached; null past the end of the
    // rows or when the store cannot be read. The pointer is good until the next call: reading a page may
    // drop another.
    const HistoryRecord* at(int row);
    // Reads the page holding `row` (row a page's first) and returns how many rows it holds from `row` on:
    // less than PageRows at the end of the order.
    int rowsFrom(int row);
    // The same without reading: null when the page is not cached.
    const HistoryRecord* cachedAt(int row) const;
    // The row of a cached record with this id, -1 when none is cached.
    int cachedRowOf(qint64 id) const;
    int cachedPages() const { return int(m_pages.size()); }
    // Pages read from the store since the cache was made (for tests and the benchmark).
    int pagesRead() const { return m_reads; }
    // Of those, pages read after a boundary (setBoundaries) rather than after a cached neighbour or by
    // OFFSET.
    int pagesReadAfterBoundary() const { return m_boundaryReads; }

private:
    struct Page
    {
        QList<HistoryRecord> rows;
        QVariant firstKey;
        QVariant lastKey;
        quint64 lastUse = 0;
    };
    Page* load(int page);
    Page* cached(int page);
    void evict();

    const HistoryStore* m_store = nullptr;
    Order m_order;
    QHash<int, Page> m_pages;
    quint64 m_clock = 0;
    QList<QVariant> m_boundaryKeys;
    QList<qint64> m_boundaryIds;
    int m_total = 0;
    bool m_totalExact = true;
    int m_reads = 0;
    int m_boundaryReads = 0;
};

} // namespace das
