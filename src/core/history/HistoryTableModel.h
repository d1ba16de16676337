#pragma once

#include "HistoryRecord.h"
#include "HistoryStore.h"

#include <QAbstractTableModel>
#include <QList>
#include <QSet>
#include <QString>

namespace das {

// Read-only table over the SQLite history, fetched lazily a page at a time. Filtering and sorting are done
// by SQLite: a proxy could only sort or filter the rows fetched so far, which is wrong once there are more
// rows than one page, and slow at 100,000 rows.
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

    // The first page; later pages grow with the rows loaded, up to MaxPageSize (see fetchMore()).
    static constexpr int PageSize = 256;
    static constexpr int MaxPageSize = 4096;

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
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    // Substring match done by HistoryStore; resets to the first page.
    void setFilter(const QString& filter);
    const QString& filter() const { return m_filter; }

    // Columns are HistoryColumn::Column. Ignored for anything else (see isSortable); resets to the first
    // page.
    void sortBy(int column, Qt::SortOrder order);
    static bool isSortable(int column);
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    // Re-reads the store, keeping up to MaxPageSize rows loaded as before, so that the view does not jump.
    void reload();

    // Rows matching the filter in the store, loaded or not.
    int totalCount() const { return m_total; }
    // Rows in the store regardless of the filter.
    int storeCount() const { return m_storeTotal; }

    HistoryRecord record(int row) const;
    QList<HistoryRecord> records(const QList<int>& rows) const;
    // Every row matching the current filter, in the current order, straight from the store.
    QList<HistoryRecord> allRecords() const;

    // Deletes from the store, then drops the loaded rows without a reset so the view keeps its place.
    bool removeRecords(const QList<qint64>& ids, QString* error);

signals:
    // totalCount() or storeCount() changed.
    void countsChanged();

private:
    static QVariant displayData(const HistoryRecord& record, int column);
    static QVariant toolTipData(const HistoryRecord& record, int column);
    HistoryColumn::Column sortKey() const { return HistoryColumn::Column(m_sortColumn); }
    void resetTo(int rowsWanted);
    QList<HistoryRecord> readPage(int limit);
    void share(HistoryRecord& record);

    HistoryStore* m_store = nullptr;
    QList<HistoryRecord> m_rows;
    QSet<qint64> m_loadedIds;
    QSet<QString> m_strings; // see share()
    QSet<QStringList> m_nodeLists;
    QString m_filter;
    int m_sortColumn = HistoryColumn::Time; // always a HistoryColumn::Column
    Qt::SortOrder m_sortOrder = Qt::DescendingOrder;
    int m_offset = 0; // rows consumed from the store, duplicates included
    int m_total = 0;
    int m_storeTotal = 0;
    bool m_atEnd = true;
};

} // namespace das
