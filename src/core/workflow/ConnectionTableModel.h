#pragma once

#include "ConnectionInfo.h"
#include "HistoryRecord.h"

#include <QAbstractTableModel>
#include <QList>
#include <QSet>

namespace das {

// One page of ListConnections as a table for the On DAS tab: user name, instance (name; the ID in the
// tooltip), engine, network, database, port, created (local time), status, and whether the local history
// holds the connection too. Rows whose instance DAS reports deleted say so in the status column, in a warning
// colour. No widgets: the window shows it in a view, tests drive it directly.
class ConnectionTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        UserColumn,
        InstanceColumn,
        EngineColumn,
        NetworkColumn,
        DatabaseColumn,
        PortColumn,
        CreatedColumn,
        StatusColumn,
        HistoryColumn,
        ColumnCount
    };
    enum Role
    {
        ConnectionIdRole = Qt::UserRole, // QString, on every cell
        InHistoryRole,                   // bool, on every cell
    };

    explicit ConnectionTableModel(QObject* parent = nullptr);

    void setConnections(const QList<ConnectionInfo>& connections);
    const QList<ConnectionInfo>& connections() const { return m_connections; }
    // The connection of a row; an empty one out of range.
    ConnectionInfo connectionAt(int row) const;
    // The connection IDs the local history holds; the In history column shows which rows have one.
    void setKnownIds(const QSet<QString>& ids);
    bool isKnown(int row) const;

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The status as shown: "Normal", "Instance deleted", or DAS's own word for anything else.
    static QString statusText(const ConnectionInfo& connection);
    // The history row for a connection found on DAS and taken into the history: origin adopted, state
    // created, the connection's fields; createdAt is when DAS says it was created, or now when it does not.
    static HistoryRecord adoptedRecord(const ConnectionInfo& connection, const QString& endpoint,
                                       const QString& region, const QString& projectId);

private:
    QString text(const ConnectionInfo& c, int column) const;
    QVariant toolTip(const ConnectionInfo& c, int column) const;

    QList<ConnectionInfo> m_connections;
    QSet<QString> m_known;
};

} // namespace das
