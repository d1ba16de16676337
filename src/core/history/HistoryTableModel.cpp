#include "HistoryTableModel.h"

#include <QLocale>
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
    resetTo(PageSize);
}

int HistoryTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
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
    if (!index.isValid() || index.row() >= m_rows.size() || index.column() >= HistoryColumn::Count)
        return {};
    const HistoryRecord& r = m_rows.at(index.row());
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

bool HistoryTableModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && !m_atEnd;
}

void HistoryTableModel::fetchMore(const QModelIndex& parent)
{
    if (parent.isValid() || m_atEnd)
        return;
    // Every page is an OFFSET query that SQLite answers by stepping over (and, for most columns, sorting)
    // all the rows before it. Pages that grow with the rows loaded keep scrolling through 100,000 rows to
    // ~30 queries instead of ~400; the cap keeps each one short.
    const int size = std::clamp(int(m_rows.size()) / 2, int(PageSize), int(MaxPageSize));
    QList<HistoryRecord> page = readPage(size);
    if (page.isEmpty())
        return;
    const int first = int(m_rows.size());
    beginInsertRows(QModelIndex(), first, first + int(page.size()) - 1);
    m_rows.append(std::move(page));
    endInsertRows();
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
    resetTo(PageSize);
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
    resetTo(PageSize);
}

void HistoryTableModel::reload()
{
    // Capped: the window reloads after every create, and re-reading 100,000 rows would take a second.
    resetTo(std::min(int(m_rows.size()), int(MaxPageSize)));
}

HistoryRecord HistoryTableModel::record(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return {};
    return m_rows.at(row);
}

QList<HistoryRecord> HistoryTableModel::records(const QList<int>& rows) const
{
    QList<HistoryRecord> out;
    out.reserve(rows.size());
    for (int row : rows) {
        if (row >= 0 && row < m_rows.size())
            out.append(m_rows.at(row));
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
    if (!m_store->remove(ids, error))
        return false;
    const QSet<qint64> gone(ids.cbegin(), ids.cend());
    // Walk backwards so that row numbers of ranges still to remove stay valid.
    int row = int(m_rows.size()) - 1;
    while (row >= 0) {
        if (!gone.contains(m_rows.at(row).id)) {
            --row;
            continue;
        }
        const int last = row;
        while (row > 0 && gone.contains(m_rows.at(row - 1).id))
            --row;
        beginRemoveRows(QModelIndex(), row, last);
        for (int i = row; i <= last; ++i)
            m_loadedIds.remove(m_rows.at(i).id);
        m_rows.remove(row, last - row + 1);
        m_offset -= last - row + 1;
        endRemoveRows();
        --row;
    }
    m_total = m_store->count(m_filter);
    m_storeTotal = m_filter.isEmpty() ? m_total : m_store->count();
    emit countsChanged();
    return true;
}

void HistoryTableModel::resetTo(int rowsWanted)
{
    beginResetModel();
    m_rows.clear();
    m_loadedIds.clear();
    m_strings.clear();
    m_nodeLists.clear();
    m_offset = 0;
    m_total = 0;
    m_storeTotal = 0;
    m_atEnd = true;
    if (m_store && m_store->isOpen()) {
        m_total = m_store->count(m_filter);
        m_storeTotal = m_filter.isEmpty() ? m_total : m_store->count();
        m_atEnd = m_total == 0;
        // Whole pages, so that later fetches stay page-aligned.
        const int pages = std::max(1, (rowsWanted + PageSize - 1) / PageSize);
        m_rows = readPage(pages * PageSize);
    }
    endResetModel();
    emit countsChanged();
}

QList<HistoryRecord> HistoryTableModel::readPage(int limit)
{
    if (m_atEnd)
        return {};
    QList<HistoryRecord> page = m_store->fetch(m_filter, sortKey(), m_sortOrder, m_offset, limit);
    m_offset += int(page.size());
    if (page.size() < limit || m_offset >= m_total)
        m_atEnd = true;
    // Paging is by offset: when another process (the CLI) adds a row between two pages, the next page
    // starts with a row already shown. Drop those instead of listing a connection twice.
    page.erase(std::remove_if(page.begin(), page.end(),
                              [this](const HistoryRecord& r) { return m_loadedIds.contains(r.id); }),
               page.end());
    for (HistoryRecord& r : page) {
        m_loadedIds.insert(r.id);
        share(r);
    }
    return page;
}

void HistoryTableModel::share(HistoryRecord& record)
{
    // Most rows repeat a few endpoints, projects and engines; one shared copy of each takes a third off
    // the memory of 100,000 loaded rows.
    for (QString* field :
         {&record.endpoint, &record.region, &record.projectId, &record.instanceId, &record.engineType,
          &record.networkType, &record.username, &record.port, &record.databaseName}) {
        const auto it = m_strings.constFind(*field);
        if (it != m_strings.cend())
            *field = *it;
        else
            m_strings.insert(*field);
    }
    const auto nodes = m_nodeLists.constFind(record.nodeIds);
    if (nodes != m_nodeLists.cend())
        record.nodeIds = *nodes;
    else
        m_nodeLists.insert(record.nodeIds);
}

} // namespace das
