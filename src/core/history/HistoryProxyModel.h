#pragma once

#include <QSortFilterProxyModel>
#include <QString>

namespace das {

class HistoryTableModel;

// The proxy the history view sits on. Sorting and filtering are forwarded to HistoryTableModel, which has
// SQLite do them; fetchMore() passes through to the source (QSortFilterProxyModel forwards it). Filter with
// setFilterText(): the inherited setFilterFixedString() and friends would only see loaded rows and have no
// effect here.
class HistoryProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit HistoryProxyModel(QObject* parent = nullptr);

    // Must be a HistoryTableModel.
    void setSourceModel(QAbstractItemModel* sourceModel) override;
    HistoryTableModel* historyModel() const { return m_history; }

    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    QString filterText() const;

public slots:
    void setFilterText(const QString& text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    HistoryTableModel* m_history = nullptr;
};

} // namespace das
