#include "HistoryTableModel.h"

#include <QLocale>
#include <QSet>
#include <QUrl>

#include <algorithm>

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

HistoryTableModel::HistoryTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

void HistoryTableModel::setStore(HistoryStore* store)
{
    m_store = store;
    m_cache.setStore(store);
    reset();
}

int HistoryTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_total;
}

int HistoryTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(HistoryColumn::Count);
}

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

QVariant HistoryTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_total || index.column() >= HistoryColumn::Count)
        return {};
    const HistoryRecord* found = at(index.row());
    if (!found)
        return {};
    const HistoryRecord& r = *found;
    switch (role) {
    case Qt::DisplayRole:
        return displayData(r, index.column());
    case Qt::ToolTipRole:
        return toolTipData(r, index.column());
    case Qt::TextAlignmentRole:
        if (index.column() == HistoryColumn::PasswordSaved || index.column() == HistoryColumn::Port)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignCenter));
        break;
    case RecordIdRole:
        return QVariant::fromValue(r.id);
    case RecordRole:
        return QVariant::fromValue(r);
    case InactiveRole:
        return r.state == HistoryRecord::State::Deleted || r.state == HistoryRecord::State::NotCreated;
    default:
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

Qt::ItemFlags HistoryTableModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

void HistoryTableModel::sort(int column, Qt::SortOrder order)
{
    sortBy(column, order);
}

void HistoryTableModel::setFilter(const QString& filter)
{
    const QString trimmed = filter.trimmed();
    if (trimmed == m_filter)
        return;
    m_filter = trimmed;
    reset();
}

bool HistoryTableModel::isSortable(int column)
{
    return HistoryColumn::isColumn(column);
}

void HistoryTableModel::sortBy(int column, Qt::SortOrder order)
{
    if (!isSortable(column) || (column == m_sortColumn && order == m_sortOrder))
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    reset(false); // the same rows in another order: no need to count them again
}

void HistoryTableModel::reload()
{
    const int before = m_total;
    m_cache.clear();
    recount();
    if (m_total != before) {
        // Rows came or went somewhere in the order: which rows moved is unknown without reading them all.
        reset(false);
        return;
    }
    if (m_total > 0)
        emit dataChanged(index(0, 0), index(m_total - 1, HistoryColumn::Count - 1));
    emit countsChanged();
}

int HistoryTableModel::rowOf(qint64 id, int nearRow) const
{
    if (id == 0 || m_total == 0)
        return -1;
    const int cached = m_cache.cachedRowOf(id);
    if (cached >= 0)
        return cached;
    // Nearest first, a few pages either side: a row moves by as many rows as were added above it.
    const int reach = 2 * PageSize;
    nearRow = std::clamp(nearRow, 0, m_total - 1);
    for (int distance = 0; distance <= reach; ++distance) {
        const int candidates[] = {nearRow - distance, nearRow + distance};
        for (int k = 0; k < (distance == 0 ? 1 : 2); ++k) {
            const int row = candidates[k];
            const HistoryRecord* r = row >= 0 && row < m_total ? at(row) : nullptr;
            if (r && r->id == id)
                return row;
        }
    }
    return -1;
}

HistoryRecord HistoryTableModel::record(int row) const
{
    if (row < 0 || row >= m_total)
        return {};
    const HistoryRecord* r = at(row);
    return r ? *r : HistoryRecord();
}

QList<HistoryRecord> HistoryTableModel::records(const QList<int>& rows) const
{
    QList<HistoryRecord> out;
    out.reserve(rows.size());
    for (int row : rows) {
        const HistoryRecord* r = row >= 0 && row < m_total ? at(row) : nullptr;
        if (r)
            out.append(*r);
    }
    return out;
}

QList<HistoryRecord> HistoryTableModel::allRecords() const
{
    if (!m_store || !m_store->isOpen())
        return {};
    return m_store->fetch(m_filter, sortKey(), m_sortOrder, 0, -1);
}

bool HistoryTableModel::removeRecords(const QList<qint64>& ids, QString* error)
{
    if (!m_store || !m_store->isOpen()) {
        if (error)
            *error = tr("The history database is not open.");
        return false;
    }
    // Where the rows are, from the cache, before they are gone from the store.
    const QSet<qint64> unique(ids.cbegin(), ids.cend());
    QList<int> rows;
    for (qint64 id : unique) {
        const int row = m_cache.cachedRowOf(id);
        if (row >= 0)
            rows.append(row);
    }
    if (rows.size() != unique.size()) {
        // Some are not near the view: where they were is unknown without reading every row.
        if (!m_store->remove(ids, error))
            return false;
        reset();
        return true;
    }
    std::sort(rows.begin(), rows.end());
    // A range at a time from the bottom, so that the row numbers of ranges still to remove stay valid; each
    // leaves the store between the two signals, so that before and after them the rows read are what the
    // signals say.
    struct Range
    {
        int first;
        int last;
        QList<qint64> ids;
    };
    QList<Range> ranges; // bottom first; the ids read before the cache is cleared
    for (int i = int(rows.size()) - 1; i >= 0; --i) {
        Range range{rows.at(i), rows.at(i), {}};
        while (i > 0 && rows.at(i - 1) == range.first - 1)
            range.first = rows.at(--i);
        for (int row = range.first; row <= range.last; ++row)
            range.ids.append(m_cache.cachedAt(row)->id);
        ranges.append(range);
    }
    for (const Range& range : std::as_const(ranges)) {
        const int first = range.first;
        const int last = range.last;
        beginRemoveRows(QModelIndex(), first, last);
        const bool removed = m_store->remove(range.ids, error);
        m_cache.clear();
        m_total -= last - first + 1;
        m_cache.setTotal(m_total);
        endRemoveRows();
        if (!removed) {
            reset(); // back to what the store holds
            return false;
        }
    }
    const int expected = m_total;
    recount();
    if (m_total != expected) {
        // Another process changed the history meanwhile.
        reset();
        return true;
    }
    emit countsChanged();
    return true;
}

void HistoryTableModel::recount()
{
    m_total = 0;
    m_storeTotal = 0;
    m_cache.setTotal(0);
    if (!m_store || !m_store->isOpen())
        return;
    m_total = m_store->count(m_filter);
    m_storeTotal = m_filter.isEmpty() ? m_total : m_store->count();
    m_cache.setTotal(m_total);
}

void HistoryTableModel::reset(bool count)
{
    beginResetModel();
    m_cache.setOrder({m_filter, sortKey(), m_sortOrder});
    m_cache.setTotal(m_total);
    if (count)
        recount();
    endResetModel();
    emit countsChanged();
}

} // namespace das
