#include "ConnectionTableModel.h"

#include <QLocale>

namespace das {

namespace {

// The status column's warning colour for deleted instances. This library links no Qt GUI, so the colour is
// made by QVariant's own conversion from its name, which Qt GUI registers once it is loaded (as it is in
// every process that shows the model); elsewhere the role is just empty. The red of the app's error lines.
QVariant warningColour()
{
    static const QVariant colour = [] {
        QVariant v(QStringLiteral("#b3261e"));
        return v.convert(QMetaType(QMetaType::QColor)) ? v : QVariant();
    }();
    return colour;
}

} // namespace

ConnectionTableModel::ConnectionTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

void ConnectionTableModel::setConnections(const QList<ConnectionInfo>& connections)
{
    beginResetModel();
    m_connections = connections;
    endResetModel();
}

ConnectionInfo ConnectionTableModel::connectionAt(int row) const
{
    return row >= 0 && row < m_connections.size() ? m_connections.at(row) : ConnectionInfo();
}

void ConnectionTableModel::setKnownIds(const QSet<QString>& ids)
{
    m_known = ids;
    if (!m_connections.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

bool ConnectionTableModel::isKnown(int row) const
{
    return row >= 0 && row < m_connections.size() && m_known.contains(m_connections.at(row).connectionId);
}

int ConnectionTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_connections.size());
}

int ConnectionTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ConnectionTableModel::statusText(const ConnectionInfo& connection)
{
    if (connection.instanceDeleted())
        return tr("Instance deleted");
    if (connection.status == QLatin1String("NORMAL"))
        return tr("Normal");
    return connection.status;
}

QString ConnectionTableModel::text(const ConnectionInfo& c, int column) const
{
    switch (column) {
    case UserColumn:
        return c.userName;
    case InstanceColumn:
        return c.instanceName.isEmpty() ? c.instanceId : c.instanceName;
    case EngineColumn:
        return c.datastoreVersion.isEmpty() ? c.engineType
                                            : c.engineType + QLatin1Char(' ') + c.datastoreVersion;
    case NetworkColumn:
        return c.networkType;
    case DatabaseColumn:
        return c.databaseName;
    case PortColumn:
        return c.port > 0 ? QString::number(c.port) : QString();
    case CreatedColumn:
        return c.createAt.isValid() ? c.createAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                                    : QString();
    case StatusColumn:
        return statusText(c);
    case HistoryColumn:
        return m_known.contains(c.connectionId) ? QStringLiteral("\u2713") : QString();
    default:
        return {};
    }
}

QVariant ConnectionTableModel::toolTip(const ConnectionInfo& c, int column) const
{
    switch (column) {
    case UserColumn:
        return tr("Connection ID: %1").arg(c.connectionId);
    case InstanceColumn:
        return tr("Instance ID: %1").arg(c.instanceId);
    case CreatedColumn:
        return c.createAt.isValid()
                   ? tr("%1 (%2 UTC)")
                         .arg(QLocale().toString(c.createAt.toLocalTime(), QLocale::LongFormat),
                              c.createAt.toUTC().toString(Qt::ISODate))
                   : QVariant();
    case StatusColumn:
        if (c.instanceDeleted())
            return tr("DAS reports that the instance of this connection was deleted.");
        break;
    case HistoryColumn:
        return m_known.contains(c.connectionId) ? tr("The local history holds this connection too.")
                                                : tr("The local history does not hold this connection.");
    default:
        break;
    }
    const QString shown = text(c, column);
    return shown.isEmpty() ? QVariant() : QVariant(shown);
}

QVariant ConnectionTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_connections.size())
        return {};
    const ConnectionInfo& c = m_connections.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return text(c, index.column());
    case Qt::ToolTipRole:
        return toolTip(c, index.column());
    case Qt::TextAlignmentRole:
        if (index.column() == PortColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        if (index.column() == HistoryColumn)
            return QVariant::fromValue(Qt::AlignCenter);
        return {};
    case Qt::ForegroundRole:
        return index.column() == StatusColumn && c.instanceDeleted() ? warningColour() : QVariant();
    case ConnectionIdRole:
        return c.connectionId;
    case InHistoryRole:
        return m_known.contains(c.connectionId);
    default:
        return {};
    }
}

QVariant ConnectionTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case UserColumn:
        return tr("User name");
    case InstanceColumn:
        return tr("Instance");
    case EngineColumn:
        return tr("Engine");
    case NetworkColumn:
        return tr("Network");
    case DatabaseColumn:
        return tr("Database");
    case PortColumn:
        return tr("Port");
    case CreatedColumn:
        return tr("Created");
    case StatusColumn:
        return tr("Status");
    case HistoryColumn:
        return tr("In history");
    default:
        return {};
    }
}

HistoryRecord ConnectionTableModel::adoptedRecord(const ConnectionInfo& connection, const QString& endpoint,
                                                  const QString& region, const QString& projectId)
{
    HistoryRecord r;
    r.createdAt =
        connection.createAt.isValid() ? connection.createAt.toUTC() : QDateTime::currentDateTimeUtc();
    r.endpoint = endpoint;
    r.region = region;
    r.projectId = projectId;
    r.instanceId = connection.instanceId;
    r.engineType = connection.engineType;
    r.networkType = connection.networkType;
    r.username = connection.userName;
    r.port = connection.port > 0 ? QString::number(connection.port) : QString();
    r.databaseName = connection.databaseName;
    r.remarks = connection.remarks;
    r.isSavePassword = connection.isSavePassword;
    r.connectionId = connection.connectionId;
    r.state = HistoryRecord::State::Created;
    r.origin = HistoryRecord::Origin::Adopted;
    r.stateDetail = tr("Adopted from the list of connections on DAS");
    return r;
}

} // namespace das
