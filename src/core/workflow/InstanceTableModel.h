#pragma once

#include "DiscoveryModels.h"

#include <QAbstractTableModel>
#include <QList>
#include <QSortFilterProxyModel>

namespace das {

// The instances of an InstanceCatalog outcome as a table for a picker: name, instance ID, engine, version,
// status, IP, port. No widgets: the window shows it in a view, the bench and tests drive it directly.
class InstanceTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        IdColumn,
        EngineColumn,
        VersionColumn,
        StatusColumn,
        IpColumn,
        PortColumn,
        ColumnCount
    };
    // The value a column sorts by (the port as a number, text folded to lower case).
    static constexpr int SortRole = Qt::UserRole + 1;

    explicit InstanceTableModel(QObject* parent = nullptr);

    void setInstances(const QList<InstanceInfo>& instances);
    const QList<InstanceInfo>& instances() const { return m_instances; }
    // The instance of a source row; an empty one out of range.
    InstanceInfo instanceAt(int row) const;

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The engine as shown: our enum value, or the datastore type where create-connection has none (MariaDB).
    static QString engineLabel(const InstanceInfo& instance);

private:
    QList<InstanceInfo> m_instances;
};

// Filters an InstanceTableModel as the user types: a row stays when its name, instance ID, IP or engine
// (enum value or datastore type) contains the text, ignoring case. Sorts every column by SortRole.
class InstanceFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit InstanceFilterModel(QObject* parent = nullptr);

    void setFilterText(const QString& text);
    QString filterText() const { return m_text; }
    // The instance of a row of this (filtered, sorted) model; an empty one for an invalid index.
    InstanceInfo instanceAt(const QModelIndex& index) const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QString m_text;
};

} // namespace das
