#include "HistoryPageCache.h"

#include "HistoryStore.h"

#include <algorithm>
#include <limits>

namespace das {

void HistoryPageCache::setStore(const HistoryStore* store)
{
    m_store = store;
    clear();
}

void HistoryPageCache::setOrder(const Order& order)
{
    m_order = order;
    clear();
}

void HistoryPageCache::clear()
{
    m_pages.clear();
    m_boundaryKeys.clear();
    m_boundaryIds.clear();
}

void HistoryPageCache::setBoundaries(QList<QVariant> keys, QList<qint64> ids)
{
    Q_ASSERT(keys.size() == ids.size());
    m_boundaryKeys = std::move(keys);
    m_boundaryIds = std::move(ids);
}

void HistoryPageCache::appendBoundaries(const QList<QVariant>& keys, const QList<qint64>& ids)
{
    Q_ASSERT(keys.size() == ids.size());
    m_boundaryKeys.append(keys);
    m_boundaryIds.append(ids);
}

int HistoryPageCache::rowsFrom(int row)
{
    if (!at(row))
        return 0;
    const auto it = m_pages.constFind(row / PageRows);
    return it != m_pages.cend() ? int(it->rows.size()) - row % PageRows : 0;
}

const HistoryRecord* HistoryPageCache::at(int row)
{
    if (row < 0)
        return nullptr;
    const int page = row / PageRows;
    auto it = m_pages.find(page);
    Page* found = it != m_pages.end() ? &it.value() : load(page);
    if (!found)
        return nullptr;
    found->lastUse = ++m_clock;
    const int index = row % PageRows;
    return index < found->rows.size() ? &found->rows.at(index) : nullptr;
}

const HistoryRecord* HistoryPageCache::cachedAt(int row) const
{
    if (row < 0)
        return nullptr;
    const auto it = m_pages.constFind(row / PageRows);
    if (it == m_pages.cend() || row % PageRows >= it->rows.size())
        return nullptr;
    return &it->rows.at(row % PageRows);
}

int HistoryPageCache::cachedRowOf(qint64 id) const
{
    for (auto it = m_pages.cbegin(); it != m_pages.cend(); ++it) {
        for (int i = 0; i < it->rows.size(); ++i) {
            if (it->rows.at(i).id == id)
                return it.key() * PageRows + i;
        }
    }
    return -1;
}

HistoryPageCache::Page* HistoryPageCache::cached(int page)
{
    auto it = m_pages.find(page);
    return it != m_pages.end() && !it->rows.isEmpty() ? &it.value() : nullptr;
}

HistoryPageCache::Page* HistoryPageCache::load(int page)
{
    if (!m_store || !m_store->isOpen())
        return nullptr;
    const HistoryStore::PageQuery query{m_order.filter, m_order.column, m_order.order, m_order.walk};
    const int first = page * PageRows;
    HistoryStore::Page read;
    const Page* previous = cached(page - 1);
    const Page* next = cached(page + 1);
    if (previous && previous->rows.size() == PageRows) {
        read = m_store->pageAfter(query, previous->lastKey, previous->rows.constLast().id, PageRows);
    } else if (next) {
        read = m_store->pageBefore(query, next->firstKey, next->rows.constFirst().id, PageRows);
    } else if (page > 0 && page <= m_boundaryIds.size()) {
        read = m_store->pageAfter(query, m_boundaryKeys.at(page - 1), m_boundaryIds.at(page - 1), PageRows);
        ++m_boundaryReads;
    } else if (m_totalExact && m_total > 0 && first > m_total / 2 && first < m_total) {
        const int last = std::min(m_total, first + PageRows); // one past
        read = m_store->pageFromEnd(query, m_total - last, last - first);
    } else {
        read = m_store->pageAt(query, first, PageRows);
    }
    ++m_reads;
    if (read.rows.isEmpty())
        return nullptr;
    evict();
    Page& stored = m_pages[page];
    stored.rows = std::move(read.rows);
    stored.firstKey = read.firstKey;
    stored.lastKey = read.lastKey;
    return &stored;
}

void HistoryPageCache::evict()
{
    // Before adding a page, so that the one about to be used is never the one dropped.
    while (m_pages.size() >= MaxPages) {
        auto oldest = m_pages.end();
        quint64 oldestUse = std::numeric_limits<quint64>::max();
        for (auto it = m_pages.begin(); it != m_pages.end(); ++it) {
            if (it->lastUse < oldestUse) {
                oldestUse = it->lastUse;
                oldest = it;
            }
        }
        m_pages.erase(oldest);
    }
}

} // namespace das
