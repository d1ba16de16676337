#include "InstanceTableModel.h"

namespace das {

InstanceTableModel::InstanceTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

void InstanceTableModel::setInstances(const QList<InstanceInfo>& instances)
{
    beginResetModel();
    m_instances = instances;
    endResetModel();
}

InstanceInfo InstanceTableModel::instanceAt(int row) const
{
    return row >= 0 && row < m_instances.size() ? m_instances.at(row) : InstanceInfo();
}

int InstanceTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_instances.size());
}

int InstanceTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString InstanceTableModel::engineLabel(const InstanceInfo& instance)
{
    return instance.engineType.isEmpty() ? instance.datastoreType : instance.engineType;
}

QVariant InstanceTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_instances.size())
        return {};
    const InstanceInfo& i = m_instances.at(index.row());
    if (role == Qt::TextAlignmentRole && index.column() == PortColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == SortRole && index.column() == PortColumn)
        return i.port;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != SortRole)
        return {};
    QString text;
    switch (index.column()) {
    case NameColumn:
        text = i.instanceName;
        break;
    case IdColumn:
        text = i.instanceId;
        break;
    case EngineColumn:
        text = engineLabel(i);
        break;
    case VersionColumn:
        text = i.version;
        break;
    case StatusColumn:
        text = i.status;
        break;
    case IpColumn:
        text = i.ip;
        break;
    case PortColumn:
        text = i.port > 0 ? QString::number(i.port) : QString();
        break;
    default:
        return {};
    }
    return role == SortRole ? QVariant(text.toLower()) : QVariant(text);
}

QVariant InstanceTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case IdColumn:
        return tr("Instance ID");
    case EngineColumn:
        return tr("Engine");
    case VersionColumn:
        return tr("Version");
    case StatusColumn:
        return tr("Status");
    case IpColumn:
        return tr("IP");
    case PortColumn:
        return tr("Port");
    default:
        return {};
    }
}

InstanceFilterModel::InstanceFilterModel(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(InstanceTableModel::SortRole);
    setDynamicSortFilter(true);
}

void InstanceFilterModel::setFilterText(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    invalidateFilter();
}

InstanceInfo InstanceFilterModel::instanceAt(const QModelIndex& index) const
{
    const auto* model = qobject_cast<const InstanceTableModel*>(sourceModel());
    if (!model || !index.isValid())
        return {};
    return model->instanceAt(mapToSource(index).row());
}

bool InstanceFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (m_text.isEmpty() || sourceParent.isValid())
        return true;
    const auto* model = qobject_cast<const InstanceTableModel*>(sourceModel());
    if (!model)
        return true;
    const InstanceInfo& i = model->instances().at(sourceRow);
    for (const QString* field : {&i.instanceName, &i.instanceId, &i.ip, &i.engineType, &i.datastoreType}) {
        if (field->contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace das
