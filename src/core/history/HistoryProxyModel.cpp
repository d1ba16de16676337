#include "HistoryProxyModel.h"

#include "HistoryTableModel.h"

namespace das {

HistoryProxyModel::HistoryProxyModel(QObject* parent)
    : QIdentityProxyModel(parent)
{}

void HistoryProxyModel::setSourceModel(QAbstractItemModel* sourceModel)
{
    m_history = qobject_cast<HistoryTableModel*>(sourceModel);
    Q_ASSERT(!sourceModel || m_history);
    QIdentityProxyModel::setSourceModel(sourceModel);
}

void HistoryProxyModel::sort(int column, Qt::SortOrder order)
{
    // The base class would sort only the rows fetched so far; the store sorts all of them.
    if (m_history)
        m_history->sortBy(column, order);
}

QString HistoryProxyModel::filterText() const
{
    return m_history ? m_history->filter() : QString();
}

void HistoryProxyModel::setFilterText(const QString& text)
{
    if (m_history)
        m_history->setFilter(text);
}

} // namespace das
