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
// read by keyset from its neighbour's last (or first) key, so scrolling costs the same at any depth; a page
// reached by a jump is read by OFFSET, counted from the nearer end.
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
    };

    // Not owned. Drops every page.
    void setStore(const HistoryStore* store);
    void setOrder(const Order& order);
    const Order& order() const { return m_order; }
    // The rows in the order (the model's COUNT), to count offsets from the end.
    void setTotal(int total) { m_total = total; }
    void clear();

    // The record at `row` in the order, reading its page when it is not cached; null past the end of the
    // rows or when the store cannot be read. The pointer is good until the next call: reading a page may
    // drop another.
    const HistoryRecord* at(int row);
    // The same without reading: null when the page is not cached.
    const HistoryRecord* cachedAt(int row) const;
    // The row of a cached record with this id, -1 when none is cached.
    int cachedRowOf(qint64 id) const;
    int cachedPages() const { return int(m_pages.size()); }
    // Pages read from the store since the cache was made (for tests and the benchmark).
    int pagesRead() const { return m_reads; }

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
    int m_total = 0;
    int m_reads = 0;
};

} // namespace das
