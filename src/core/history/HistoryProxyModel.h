#pragma once

#include <QIdentityProxyModel>
#include <QString>

namespace das {

class HistoryTableModel;

// The proxy the history view sits on. Sorting and filtering are forwarded to HistoryTableModel, which has
// SQLite do them over every row. An identity proxy: a sorting or filtering proxy keeps a mapping entry per
// source row, rebuilt on every reset, which at a million rows costs megabytes and a frame's time.
class HistoryProxyModel : public QIdentityProxyModel
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

private:
    HistoryTableModel* m_history = nullptr;
};

} // namespace das
