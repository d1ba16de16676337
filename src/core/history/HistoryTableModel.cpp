#include "HistoryTableModel.h"

#include "HistoryFilterPlan.h"
#include "HistoryOrderScan.h"

#include <QSet>

#include <algorithm>

namespace das {

HistoryTableModel::HistoryTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

HistoryTableModel::~HistoryTableModel() = default;

void HistoryTableModel::setStore(HistoryStore* store)
{
    m_scan.reset(); // it reads another file, or none
    m_store = store;
    m_cache.setStore(store);
    updatePlan();
    reset();
}

bool HistoryTableModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && !m_exact;
}

void HistoryTableModel::fetchMore(const QModelIndex& parent)
{
    if (parent.isValid() || m_exact)
        return;
    // While the count is made, the next page by keyset after the last row known.
    const int more = m_cache.rowsFrom(m_total);
    const bool last = more < PageSize;
    if (more > 0) {
        beginInsertRows(QModelIndex(), m_total, m_total + more - 1);
        m_total += more;
        m_exact = last;
        m_cache.setTotal(m_total, m_exact);
        endInsertRows();
    } else {
        m_exact = true;
        m_cache.setTotal(m_total, true);
    }
    emit countsChanged();
}

int HistoryTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_total;
}

int HistoryTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(HistoryColumn::Count);
}

QVariant HistoryTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_total || index.column() >= HistoryColumn::Count)
        return {};
    const HistoryRecord* found = at(index.row());
    if (!found)
        return {};
    const HistoryRecord& r = *found;
    switch (role) {
    case Qt::DisplayRole:
        return displayData(r, index.column());
    case Qt::ToolTipRole:
        return toolTipData(r, index.column());
    case Qt::TextAlignmentRole:
        if (index.column() == HistoryColumn::PasswordSaved || index.column() == HistoryColumn::Port)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignCenter));
        break;
    case RecordIdRole:
        return QVariant::fromValue(r.id);
    case RecordRole:
        return QVariant::fromValue(r);
    case InactiveRole:
        return r.state == HistoryRecord::State::Deleted || r.state == HistoryRecord::State::NotCreated;
    default:
        break;
    }
    return {};
}

Qt::ItemFlags HistoryTableModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

void HistoryTableModel::sort(int column, Qt::SortOrder order)
{
    sortBy(column, order);
}

void HistoryTableModel::setFilter(const QString& filter)
{
    const QString trimmed = filter.trimmed();
    if (trimmed == m_filter)
        return;
    m_filter = trimmed;
    updatePlan();
    if (!m_backgroundCounting || !m_store || !m_store->isOpen()) {
        reset();
        return;
    }
    resetProvisional();
}

bool HistoryTableModel::setDenseBoundaries()
{
    // Every row in time order, and no id missing in between (nothing deleted): row r holds id max - r, so
    // every page boundary is known without reading the rows.
    qint64 min = 0;
    qint64 max = 0;
    if (!m_filter.isEmpty() || sortKey() != HistoryColumn::Time || !m_store->idRange(&min, &max) ||
        max - min + 1 != m_total)
        return false;
    const int pages = m_total / PageSize;
    QList<QVariant> keys;
    QList<qint64> ids;
    keys.reserve(pages);
    ids.reserve(pages);
    for (int page = 0; page < pages; ++page) {
        const qint64 last = qint64(page + 1) * PageSize - 1;
        const qint64 id = m_sortOrder == Qt::AscendingOrder ? min + last : max - last;
        keys.append(id);
        ids.append(id);
    }
    m_cache.setBoundaries(std::move(keys), std::move(ids));
    m_boundariesKnown = true;
    emit pageBoundariesKnown();
    return true;
}

void HistoryTableModel::updatePlan()
{
    // One read of at most CommonMatches rows decides how the pages are read, and is the count of a filter
    // that matches fewer. A filter of one or two characters is always walked, and not counted here (LIKE
    // over every row until enough match: slow for a rare one).
    m_walk = false;
    m_fewMatches = -1;
    if (m_filter.isEmpty() || !m_store || !m_store->isOpen())
        return;
    if (HistoryFilterPlan::alwaysWalks(m_filter)) {
        m_walk = true;
        return;
    }
    const int found = m_store->countUpTo(m_filter, HistoryFilterPlan::CommonMatches);
    m_walk = found >= HistoryFilterPlan::CommonMatches;
    if (found >= 0 && !m_walk)
        m_fewMatches = found;
}

void HistoryTableModel::resetProvisional()
{
    // The first screen must not wait for a COUNT over every row: the model starts with the first page and
    // grows as the view asks (fetchMore) until the count arrives (counted). No filter: every row, counted
    // already.
    beginResetModel();
    m_cache.setOrder({m_filter, sortKey(), m_sortOrder, m_walk});
    if (m_filter.isEmpty()) {
        // The count taken with the last recount, unless the rows changed since (another process's commit
        // the watcher has not reported yet): an exact total lets pages be read from the end.
        if (m_store && m_store->isOpen() && m_store->changeStamp() != m_stamp)
            m_storeTotal = m_store->count();
        m_total = m_storeTotal;
        m_exact = true;
    } else if (m_fewMatches >= 0) {
        m_total = m_fewMatches; // counted by updatePlan()
        m_exact = true;
    } else {
        m_cache.setTotal(0, false);
        m_total = m_cache.rowsFrom(0);
        m_exact = m_total < PageSize;
    }
    m_cache.setTotal(m_total, m_exact);
    endResetModel();
    emit countsChanged();
    scanInBackground();
}

void HistoryTableModel::counted(quint64 generation, int rows)
{
    if (generation != m_generation || m_exact)
        return;
    if (rows < m_total) {
        // Fewer than were read already: the history changed meanwhile; start again from what it holds.
        reset();
        return;
    }
    if (rows > m_total) {
        beginInsertRows(QModelIndex(), m_total, rows - 1);
        m_total = rows;
        m_exact = true;
        m_cache.setTotal(m_total, true);
        endInsertRows();
    } else {
        m_exact = true;
        m_cache.setTotal(m_total, true);
    }
    emit countsChanged();
}

void HistoryTableModel::scanInBackground()
{
    ++m_generation;
    m_cache.setBoundaries({}, {});
    m_boundariesKnown = false;
    if (!m_store || !m_store->isOpen() || m_total == 0)
        return;
    // Jumps within the cache's reach read by OFFSET at no cost worth a scan.
    const bool boundaries = m_total > MaxCachedRows || !m_exact;
    if (!boundaries || (m_exact && setDenseBoundaries())) {
        if (m_scan)
            m_scan->cancel();
        return;
    }
    if (!m_scan) {
        m_scan = std::make_unique<HistoryOrderScan>(m_store->path());
        connect(m_scan.get(), &HistoryOrderScan::counted, this, &HistoryTableModel::counted);
        connect(m_scan.get(), &HistoryOrderScan::bounded, this,
                [this](quint64 generation, const HistoryOrderScan::Boundaries& found, bool last) {
                    if (generation != m_generation)
                        return;
                    m_cache.appendBoundaries(found.keys, found.ids);
                    if (last) {
                        m_boundariesKnown = true;
                        emit pageBoundariesKnown();
                    }
                });
    }
    HistoryOrderScan::Request request;
    request.generation = m_generation;
    request.filter = m_filter;
    request.column = sortKey();
    request.order = m_sortOrder;
    request.count = !m_exact;
    request.boundaries = boundaries;
    request.pageRows = PageSize;
    request.walk = m_walk;
    m_scan->request(request);
}

bool HistoryTableModel::isSortable(int column)
{
    return HistoryColumn::isColumn(column);
}

void HistoryTableModel::sortBy(int column, Qt::SortOrder order)
{
    if (!isSortable(column) || (column == m_sortColumn && order == m_sortOrder))
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    reset(false); // the same rows in another order: no need to count them again
}

void HistoryTableModel::reload()
{
    if (m_store && m_store->isOpen() && m_stamp != -1 && m_store->changeStamp() == m_stamp) {
        // The same rows: what was read (pages, boundaries, a count under way) still holds.
        emit countsChanged();
        return;
    }
    const int before = m_total;
    const bool wasExact = m_exact;
    m_cache.clear();
    recount();
    if (m_total != before || !wasExact) {
        // Rows came or went somewhere in the order: which rows moved is unknown without reading them all.
        reset(false);
        return;
    }
    if (m_total > 0)
        emit dataChanged(index(0, 0), index(m_total - 1, HistoryColumn::Count - 1));
    emit countsChanged();
    scanInBackground();
}

int HistoryTableModel::rowOf(qint64 id, int nearRow) const
{
    if (id == 0 || m_total == 0)
        return -1;
    const int cached = m_cache.cachedRowOf(id);
    if (cached >= 0)
        return cached;
    // Nearest first, a few pages either side: a row moves by as many rows as were added above it.
    const int reach = 2 * PageSize;
    nearRow = std::clamp(nearRow, 0, m_total - 1);
    for (int distance = 0; distance <= reach; ++distance) {
        const int candidates[] = {nearRow - distance, nearRow + distance};
        for (int k = 0; k < (distance == 0 ? 1 : 2); ++k) {
            const int row = candidates[k];
            const HistoryRecord* r = row >= 0 && row < m_total ? at(row) : nullptr;
            if (r && r->id == id)
                return row;
        }
    }
    return -1;
}

HistoryRecord HistoryTableModel::record(int row) const
{
    if (row < 0 || row >= m_total)
        return {};
    const HistoryRecord* r = at(row);
    return r ? *r : HistoryRecord();
}

QList<HistoryRecord> HistoryTableModel::records(const QList<int>& rows) const
{
    QList<HistoryRecord> out;
    out.reserve(rows.size());
    for (int row : rows) {
        const HistoryRecord* r = row >= 0 && row < m_total ? at(row) : nullptr;
        if (r)
            out.append(*r);
    }
    return out;
}

QList<HistoryRecord> HistoryTableModel::allRecords() const
{
    if (!m_store || !m_store->isOpen())
        return {};
    return m_store->fetch(m_filter, sortKey(), m_sortOrder, 0, -1);
}

bool HistoryTableModel::removeRecords(const QList<qint64>& ids, QString* error)
{
    if (!m_store || !m_store->isOpen()) {
        if (error)
            *error = tr("The history database is not open.");
        return false;
    }
    // Where the rows are, from the cache, before they are gone from the store.
    const QSet<qint64> unique(ids.cbegin(), ids.cend());
    QList<int> rows;
    for (qint64 id : unique) {
        const int row = m_cache.cachedRowOf(id);
        if (row >= 0)
            rows.append(row);
    }
    if (rows.size() != unique.size()) {
        // Some are not near the view: where they were is unknown without reading every row.
        if (!m_store->remove(ids, error))
            return false;
        reset();
        return true;
    }
    std::sort(rows.begin(), rows.end());
    // A range at a time from the bottom, so that the row numbers of ranges still to remove stay valid; each
    // leaves the store between the two signals, so that before and after them the rows read are what the
    // signals say.
    struct Range
    {
        int first;
        int last;
        QList<qint64> ids;
    };
    QList<Range> ranges; // bottom first; the ids read before the cache is cleared
    for (int i = int(rows.size()) - 1; i >= 0; --i) {
        Range range{rows.at(i), rows.at(i), {}};
        while (i > 0 && rows.at(i - 1) == range.first - 1)
            range.first = rows.at(--i);
        for (int row = range.first; row <= range.last; ++row)
            range.ids.append(m_cache.cachedAt(row)->id);
        ranges.append(range);
    }
    for (const Range& range : std::as_const(ranges)) {
        const int first = range.first;
        const int last = range.last;
        beginRemoveRows(QModelIndex(), first, last);
        const bool removed = m_store->remove(range.ids, error);
        m_cache.clear();
        m_total -= last - first + 1;
        m_cache.setTotal(m_total);
        endRemoveRows();
        if (!removed) {
            reset(); // back to what the store holds
            return false;
        }
    }
    const int expected = m_total;
    recount();
    if (m_total != expected) {
        // Another process changed the history meanwhile.
        reset();
        return true;
    }
    emit countsChanged();
    scanInBackground(); // the boundaries moved
    return true;
}

void HistoryTableModel::recount()
{
    m_total = 0;
    m_storeTotal = 0;
    m_exact = true;
    m_stamp = -1;
    m_cache.setTotal(0);
    if (!m_store || !m_store->isOpen())
        return;
    // Before counting: a commit between the two makes the next reload count again.
    m_stamp = m_store->changeStamp();
    m_total = m_store->count(m_filter);
    m_storeTotal = m_filter.isEmpty() ? m_total : m_store->count();
    m_cache.setTotal(m_total);
}

void HistoryTableModel::reset(bool count)
{
    beginResetModel();
    m_cache.setOrder({m_filter, sortKey(), m_sortOrder, m_walk});
    m_cache.setTotal(m_total, m_exact);
    if (count)
        recount();
    endResetModel();
    emit countsChanged();
    scanInBackground();
}

} // namespace das
