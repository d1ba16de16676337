#pragma once

#include "HistoryPageCache.h"
#include "HistoryRecord.h"
#include "HistoryStore.h"

#include <QAbstractTableModel>
#include <QList>
#include <QString>

namespace das {

// Read-only table over the SQLite history. It has as many rows as the store has matching ones (COUNT), but
// holds only the pages near what the view shows (HistoryPageCache): scrolling through a million rows keeps
// memory flat, and jumping anywhere reads one page. Filtering and sorting are done by SQLite over every row.
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
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    // Substring match done by HistoryStore; resets.
    void setFilter(const QString& filter);
    const QString& filter() const { return m_filter; }

    // Columns are HistoryColumn::Column. Ignored for anything else (see isSortable); resets.
    void sortBy(int column, Qt::SortOrder order);
    static bool isSortable(int column);
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    // Re-reads the store. When the number of rows is unchanged the rows change in place (the view keeps its
    // place and selection); otherwise the model resets.
    void reload();

    // The row holding this record, looked for within a few pages of `nearRow` (where it was before a
    // reload); -1 when it is not there.
    int rowOf(qint64 id, int nearRow) const;
    // Pages held now, at most HistoryPageCache::MaxPages; pages read from the store so far.
    int cachedPages() const { return m_cache.cachedPages(); }
    int pagesRead() const { return m_cache.pagesRead(); }

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
    // totalCount() or storeCount() changed.
    void countsChanged();

private:
    static QVariant displayData(const HistoryRecord& record, int column);
    static QVariant toolTipData(const HistoryRecord& record, int column);
    HistoryColumn::Column sortKey() const { return HistoryColumn::Column(m_sortColumn); }
    void reset(bool count = true);
    void recount();
    const HistoryRecord* at(int row) const { return m_cache.at(row); }

    HistoryStore* m_store = nullptr;
    mutable HistoryPageCache m_cache; // data() is const, and reads pages
    QString m_filter;
    int m_sortColumn = HistoryColumn::Time; // always a HistoryColumn::Column
    Qt::SortOrder m_sortOrder = Qt::DescendingOrder;
    int m_total = 0;
    int m_storeTotal = 0;
};

} // namespace das
