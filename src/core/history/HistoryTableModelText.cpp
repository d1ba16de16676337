// The text the history table shows: cell texts, tooltips and column titles, translated. The rest of the
// model (rows, pages, counts) is in HistoryTableModel.cpp.
#include "HistoryTableModel.h"

#include <QLocale>
#include <QUrl>

namespace das {

namespace {

QString endpointDisplay(const QString& endpoint)
{
    const QUrl url(endpoint);
    if (!url.isValid() || url.host().isEmpty())
        return endpoint;
    if (url.port() == -1)
        return url.host();
    return url.host() + u':' + QString::number(url.port());
}

QString singleLine(const QString& text)
{
    if (!text.contains(u'\n') && !text.contains(u'\r'))
        return text;
    QString out = text;
    out.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    out.replace(u'\r', u'\n');
    out.replace(QStringLiteral("\n"), QStringLiteral(" \u23CE "));
    return out;
}

} // namespace

QString HistoryTableModel::stateText(const HistoryRecord& record)
{
    QString state;
    switch (record.state) {
    case HistoryRecord::State::Pending:
        state = tr("Pending");
        break;
    case HistoryRecord::State::Created:
        state = tr("Created");
        break;
    case HistoryRecord::State::NotCreated:
        state = tr("Not created");
        break;
    case HistoryRecord::State::Unknown:
        state = tr("Unknown");
        break;
    case HistoryRecord::State::Deleted:
        state = tr("Deleted");
        break;
    }
    switch (record.origin) {
    case HistoryRecord::Origin::Created:
        return state;
    case HistoryRecord::Origin::Existing:
        //: %1 is a state such as "Created"; the connection existed before and was chosen instead of a
        //: duplicate create.
        return tr("%1 (existing)").arg(state);
    case HistoryRecord::Origin::Adopted:
        //: %1 is a state such as "Created"; the connection was taken from the list of connections on DAS.
        return tr("%1 (adopted)").arg(state);
    }
    return state;
}

QVariant HistoryTableModel::displayData(const HistoryRecord& r, int column)
{
    switch (column) {
    case HistoryColumn::Time:
        return r.createdAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    case HistoryColumn::Endpoint:
        return endpointDisplay(r.endpoint);
    case HistoryColumn::Instance:
        return r.instanceId;
    case HistoryColumn::Engine:
        return r.engineType;
    case HistoryColumn::Username:
        return r.username;
    case HistoryColumn::ConnectionId:
        return r.connectionId;
    case HistoryColumn::Remarks:
        return singleLine(r.remarks);
    case HistoryColumn::PasswordSaved:
        return r.passwordSaved ? tr("Yes") : tr("No");
    case HistoryColumn::State:
        return stateText(r);
    case HistoryColumn::ProjectId:
        return r.projectId;
    case HistoryColumn::Region:
        return r.region;
    case HistoryColumn::NetworkType:
        return r.networkType;
    case HistoryColumn::NodeIds:
        return r.nodeIds.join(QStringLiteral(", "));
    case HistoryColumn::Port:
        return r.port;
    case HistoryColumn::DatabaseName:
        return r.databaseName;
    case HistoryColumn::RequestId:
        return r.requestId;
    case HistoryColumn::UpdatedAt:
        return r.updatedAt.isValid()
                   ? r.updatedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                   : QString();
    case HistoryColumn::StateDetail:
        return singleLine(r.stateDetail);
    }
    return {};
}

QVariant HistoryTableModel::toolTipData(const HistoryRecord& r, int column)
{
    switch (column) {
    case HistoryColumn::Time:
        return tr("%1 (UTC %2)")
            .arg(QLocale().toString(r.createdAt.toLocalTime(), QLocale::LongFormat),
                 r.createdAt.toUTC().toString(Qt::ISODate));
    case HistoryColumn::Endpoint:
        return r.region.isEmpty() ? r.endpoint : tr("%1\nRegion: %2").arg(r.endpoint, r.region);
    case HistoryColumn::Instance: {
        QString tip = tr("Project: %1\nInstance: %2").arg(r.projectId, r.instanceId);
        if (!r.nodeIds.isEmpty())
            tip += u'\n' + tr("Nodes: %1").arg(r.nodeIds.join(QStringLiteral(", ")));
        if (!r.port.isEmpty())
            tip += u'\n' + tr("Port: %1").arg(r.port);
        if (!r.databaseName.isEmpty())
            tip += u'\n' + tr("Database: %1").arg(r.databaseName);
        return tip;
    }
    case HistoryColumn::Engine:
        return tr("Engine: %1\nNetwork: %2").arg(r.engineType, r.networkType);
    case HistoryColumn::Username:
        return r.username;
    case HistoryColumn::ConnectionId:
        return tr("Connection ID: %1\nRequest ID: %2").arg(r.connectionId, r.requestId);
    case HistoryColumn::Remarks:
        return r.remarks;
    case HistoryColumn::PasswordSaved:
        return r.passwordSaved ? tr("The database password is in the OS keychain.")
                               : tr("The database password was not saved.");
    case HistoryColumn::State:
    case HistoryColumn::StateDetail:
        // No tooltip rather than an empty one when nothing was said about the state.
        return r.stateDetail.isEmpty() ? QVariant() : QVariant(r.stateDetail);
    case HistoryColumn::UpdatedAt:
        return r.updatedAt.isValid() ? QVariant(r.updatedAt.toUTC().toString(Qt::ISODate)) : QVariant();
    default:
        // The optional columns show their whole text; a tooltip would repeat it.
        break;
    }
    return {};
}

QVariant HistoryTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (section) {
        case HistoryColumn::Time:
            return tr("Time");
        case HistoryColumn::Endpoint:
            return tr("Endpoint");
        case HistoryColumn::Instance:
            return tr("Instance");
        case HistoryColumn::Engine:
            return tr("Engine");
        case HistoryColumn::Username:
            return tr("Username");
        case HistoryColumn::ConnectionId:
            return tr("Connection ID");
        case HistoryColumn::Remarks:
            return tr("Remarks");
        case HistoryColumn::PasswordSaved:
            return tr("Password saved");
        case HistoryColumn::State:
            return tr("State");
        case HistoryColumn::ProjectId:
            return tr("Project ID");
        case HistoryColumn::Region:
            return tr("Region");
        case HistoryColumn::NetworkType:
            return tr("Network");
        case HistoryColumn::NodeIds:
            return tr("Node IDs");
        case HistoryColumn::Port:
            return tr("Port");
        case HistoryColumn::DatabaseName:
            return tr("Database");
        case HistoryColumn::RequestId:
            return tr("Request ID");
        case HistoryColumn::UpdatedAt:
            return tr("Updated");
        case HistoryColumn::StateDetail:
            return tr("State detail");
        }
    } else if (role == Qt::ToolTipRole) {
        if (section == HistoryColumn::Time)
            return tr("When the connection was created, in local time");
        if (section == HistoryColumn::PasswordSaved)
            return tr("Whether the database password was saved in the OS keychain");
        if (section == HistoryColumn::State)
            return tr("Whether the connection was created on DAS, and whether it still exists");
        if (section == HistoryColumn::UpdatedAt)
            return tr("When the state last changed, in local time");
    }
    return {};
}

} // namespace das
