#pragma once

#include "HistoryPageCache.h"
#include "HistoryRecord.h"
#include "HistoryStore.h"

#include <QAbstractTableModel>
#include <QList>
#include <QString>

#include <memory>

namespace das {

class HistoryOrderScan;

// Read-only table over the SQLite history. It has as many rows as the store has matching ones (COUNT), but
// holds only the pages near what the view shows (HistoryPageCache): scrolling through a million rows keeps
// memory flat, and jumping anywhere reads one page. Filtering and sorting are done by SQLite over every row.
// What needs every row without showing it is read in the background (HistoryOrderScan): the page boundaries
// of the current order (jumps become keyset reads) and, with setBackgroundCounting(), a filter's COUNT.
class HistoryTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Role
    {
        RecordIdRole = Qt::UserRole, // qint64
        RecordRole,                  // HistoryRecord
        // bool, on every cell: the connection does not exist (deleted or not created). This library has no
        // palette (it links no Qt GUI), so the view draws such rows in its disabled text colour.
        InactiveRole,
    };

    // Rows read from the store at a time, and the most rows held at once.
    static constexpr int PageSize = HistoryPageCache::PageRows;
    static constexpr int MaxCachedRows = HistoryPageCache::PageRows * HistoryPageCache::MaxPages;

    explicit HistoryTableModel(QObject* parent = nullptr);
    ~HistoryTableModel() override;

    // The State column's text, translated: "Created", or "Created (existing)" for an existing connection
    // chosen instead of a duplicate create.
    static QString stateText(const HistoryRecord& record);

    // Not owned; reloads.
    void setStore(HistoryStore* store);
    HistoryStore* store() const { return m_store; }

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    // Substring match done by HistoryStore; resets. With background counting, a filter matching many rows
    // (HistoryFilterPlan::CommonMatches or more, or any of one or two characters) is counted in the
    // background: until then the model has the rows read so far (the first page, and more as the view asks:
    // canFetchMore), isCountExact() is false, and the rest are inserted when the count arrives. Fewer are
    // counted at once, by the read that decides how the pages are found.
    void setFilter(const QString& filter);
    void setBackgroundCounting(bool on) { m_backgroundCounting = on; }
    bool isCountExact() const { return m_exact; }
    const QString& filter() const { return m_filter; }

    // Columns are HistoryColumn::Column. Ignored for anything else (see isSortable); resets.
    void sortBy(int column, Qt::SortOrder order);
    static bool isSortable(int column);
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    // Re-reads the store. When the number of rows is unchanged the rows change in place (the view keeps its
    // place and selection); otherwise the model resets. Nothing is read again when the store says nothing
    // changed (HistoryStore::changeStamp).
    void reload();

    // The row holding this record, looked for within a few pages of `nearRow` (where it was before a
    // reload); -1 when it is not there.
    int rowOf(qint64 id, int nearRow) const;
    // Pages held now, at most HistoryPageCache::MaxPages; pages read from the store so far.
    int cachedPages() const { return m_cache.cachedPages(); }
    int pagesRead() const { return m_cache.pagesRead(); }
    int pagesReadAfterBoundary() const { return m_cache.pagesReadAfterBoundary(); }
    // Every page boundary of the current order known (read in the background): a jump anywhere is a keyset
    // read. They arrive top first; a jump to a page past those known reads by OFFSET.
    bool hasPageBoundaries() const { return m_boundariesKnown; }

    // Rows matching the filter in the store (rowCount()).
    int totalCount() const { return m_total; }
    // Rows in the store regardless of the filter.
    int storeCount() const { return m_storeTotal; }

    HistoryRecord record(int row) const;
    QList<HistoryRecord> records(const QList<int>& rows) const;
    // Every row matching the current filter, in the current order, straight from the store.
    QList<HistoryRecord> allRecords() const;

    // Deletes from the store, then removes the rows without a reset (so that the view keeps its place) when
    // they are among the cached ones; resets otherwise.
    bool removeRecords(const QList<qint64>& ids, QString* error);

signals:
    // totalCount(), storeCount() or isCountExact() changed.
    void countsChanged();
    // The page boundaries of the current order arrived (hasPageBoundaries()).
    void pageBoundariesKnown();

private:
    static QVariant displayData(const HistoryRecord& record, int column);
    static QVariant toolTipData(const HistoryRecord& record, int column);
    HistoryColumn::Column sortKey() const { return HistoryColumn::Column(m_sortColumn); }
    void reset(bool count = true);
    void recount();
    // Asks the background scan for the current order's page boundaries, and the count when not exact.
    void scanInBackground();
    void counted(quint64 generation, int rows);
    void resetProvisional();
    // Decides how the filter's pages are read (HistoryStore::PageQuery::walk).
    void updatePlan();
    // The boundaries of the time order without a scan when the ids have no gaps; false otherwise.
    bool setDenseBoundaries();
    const HistoryRecord* at(int row) const { return m_cache.at(row); }

    HistoryStore* m_store = nullptr;
    mutable HistoryPageCache m_cache; // data() is const, and reads pages
    QString m_filter;
    int m_sortColumn = HistoryColumn::Time; // always a HistoryColumn::Column
    Qt::SortOrder m_sortOrder = Qt::DescendingOrder;
    int m_total = 0;
    int m_storeTotal = 0;
    bool m_exact = true; // m_total is the count, not only the rows read so far
    bool m_backgroundCounting = false;
    bool m_boundariesKnown = false;
    bool m_walk = false;
    int m_fewMatches = -1;    // the filter's count when below HistoryFilterPlan::CommonMatches, else -1
    qint64 m_stamp = -1;      // the store's changeStamp() when counted
    quint64 m_generation = 0; // of the latest background request; older answers are dropped
    std::unique_ptr<HistoryOrderScan> m_scan;
};

} // namespace das
