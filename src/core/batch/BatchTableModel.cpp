#include "BatchTableModel.h"

#include "RequestValidator.h"

#include <algorithm>

namespace das {

namespace {

// The file's column names behind each shown column: the first is the one an edit writes unless the row
// uses the second (an instance or node list given by name).
const QStringList& keysOf(int column)
{
    static const QHash<int, QStringList> keys{
        {BatchTableModel::InstanceColumn, {QStringLiteral("instance_id"), QStringLiteral("instance_name")}},
        {BatchTableModel::EngineColumn, {QStringLiteral("engine_type")}},
        {BatchTableModel::NetworkColumn, {QStringLiteral("network_type")}},
        {BatchTableModel::UserColumn, {QStringLiteral("username")}},
        {BatchTableModel::DatabaseColumn, {QStringLiteral("database_name")}},
        {BatchTableModel::NodesColumn, {QStringLiteral("node_ids"), QStringLiteral("node_names")}},
        {BatchTableModel::PortColumn, {QStringLiteral("port")}},
        {BatchTableModel::RemarksColumn, {QStringLiteral("remarks")}},
    };
    static const QStringList none;
    const auto it = keys.constFind(column);
    return it == keys.constEnd() ? none : *it;
}

// Colours for the status column, made like ConnectionTableModel's: this library links no Qt GUI, so the
// colour comes from QVariant's conversion of its name, which Qt GUI registers in every process that shows it.
QVariant colour(const char* name)
{
    QVariant v(QString::fromLatin1(name));
    return v.convert(QMetaType(QMetaType::QColor)) ? v : QVariant();
}

QVariant errorColour()
{
    static const QVariant c = colour("#b3261e"); // the app's error red
    return c;
}

QVariant doneColour()
{
    static const QVariant c = colour("#1b6e2a");
    return c;
}

QVariant mutedColour()
{
    static const QVariant c = colour("#6b6b6b");
    return c;
}

QString violationLine(const BatchViolation& v)
{
    return v.column.isEmpty() ? v.message : v.column + QStringLiteral(": ") + v.message;
}

} // namespace

BatchTableModel::BatchTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

void BatchTableModel::setRecords(const QList<BatchRecord>& records, const QString& defaultProjectId)
{
    QList<BatchRowPlan> rows;
    rows.reserve(records.size());
    for (const BatchRecord& record : records)
        rows.append(BatchRowReader::read(record, defaultProjectId));
    BatchRowReader::markDuplicatesInFile(&rows);
    beginResetModel();
    m_defaultProjectId = defaultProjectId;
    m_rows = rows;
    m_entries = QList<Entry>(rows.size());
    m_indexByRow.clear();
    for (int i = 0; i < m_rows.size(); ++i)
        m_indexByRow.insert(m_rows.at(i).row, i);
    m_locked = false;
    endResetModel();
}

void BatchTableModel::clear()
{
    setRecords({}, m_defaultProjectId);
}

void BatchTableModel::setPlan(const BatchPlan& plan)
{
    for (const BatchRowPlan& planned : plan.rows) {
        const int index = m_indexByRow.value(planned.row, -1);
        if (index < 0)
            continue;
        const bool excluded = m_rows.at(index).excluded;
        m_rows[index] = planned;
        m_rows[index].excluded = excluded;
        m_entries[index] = Entry{Stage::Planned, false, {}};
    }
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

QList<BatchRowPlan> BatchTableModel::rowsToPlan() const
{
    QList<BatchRowPlan> rows;
    rows.reserve(m_rows.size());
    for (const BatchRowPlan& row : m_rows) {
        rows.append(BatchRowReader::read(row.source, m_defaultProjectId));
        rows.last().excluded = row.excluded;
    }
    return rows;
}

BatchTableModel::Stage BatchTableModel::stage(int index) const
{
    return index >= 0 && index < m_entries.size() ? m_entries.at(index).stage : Stage::Read;
}

bool BatchTableModel::isPlanned() const
{
    return !m_entries.isEmpty() && std::all_of(m_entries.begin(), m_entries.end(),
                                               [](const Entry& e) { return e.stage == Stage::Planned; });
}

int BatchTableModel::toSendCount() const
{
    int count = 0;
    for (int i = 0; i < m_rows.size(); ++i)
        count += m_entries.at(i).stage == Stage::Planned && m_rows.at(i).willSend() ? 1 : 0;
    return count;
}

int BatchTableModel::excludedCount() const
{
    return int(std::count_if(m_rows.begin(), m_rows.end(), [](const BatchRowPlan& r) { return r.excluded; }));
}

void BatchTableModel::setExcluded(int index, bool excluded)
{
    if (index < 0 || index >= m_rows.size() || m_rows.at(index).excluded == excluded || m_locked)
        return;
    m_rows[index].excluded = excluded;
    // A result belongs to the run that made it; the plan's action still holds for the row.
    if (m_entries.at(index).stage == Stage::Finished)
        m_entries[index] = Entry{Stage::Read, false, {}};
    rowChanged(index);
    emit exclusionChanged(index);
}

bool BatchTableModel::isExcluded(int index) const
{
    return index >= 0 && index < m_rows.size() && m_rows.at(index).excluded;
}

void BatchTableModel::setLocked(bool locked)
{
    m_locked = locked;
}

void BatchTableModel::setRunning(int rowNumber)
{
    const int index = m_indexByRow.value(rowNumber, -1);
    if (index < 0)
        return;
    m_entries[index] = Entry{Stage::Running, false, {}};
    rowChanged(index);
}

void BatchTableModel::setResult(const BatchRowResult& result)
{
    const int index = m_indexByRow.value(result.row, -1);
    if (index < 0)
        return;
    m_entries[index] = Entry{Stage::Finished, true, result};
    rowChanged(index);
}

const BatchRowResult* BatchTableModel::resultAt(int index) const
{
    if (index < 0 || index >= m_entries.size() || !m_entries.at(index).hasResult)
        return nullptr;
    return &m_entries.at(index).result;
}

int BatchTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int BatchTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString BatchTableModel::statusText(int index) const
{
    if (index < 0 || index >= m_rows.size())
        return {};
    const BatchRowPlan& row = m_rows.at(index);
    const Entry& entry = m_entries.at(index);
    if (entry.stage == Stage::Running)
        return tr("sending…");
    if (entry.stage == Stage::Finished) {
        switch (entry.result.status) {
        case BatchRowResult::Status::Created:
            return tr("created");
        case BatchRowResult::Status::Existing:
            return tr("skipped (exists: %1)").arg(entry.result.connectionId);
        case BatchRowResult::Status::Invalid:
            return tr("invalid");
        case BatchRowResult::Status::Failed:
            return tr("failed");
        case BatchRowResult::Status::Unknown:
            return tr("unknown");
        case BatchRowResult::Status::NotRun:
            return row.excluded ? tr("excluded, not run") : tr("not run");
        }
    }
    if (row.excluded)
        return tr("excluded");
    if (row.action == BatchRowPlan::Action::Invalid)
        return tr("invalid");
    if (entry.stage == Stage::Read)
        return tr("valid");
    return row.action == BatchRowPlan::Action::Skip ? tr("skip (exists: %1)").arg(row.existingId)
                                                    : tr("create");
}

QStringList BatchTableModel::problems(int index) const
{
    QStringList lines;
    if (index < 0 || index >= m_rows.size())
        return lines;
    for (const BatchViolation& v : m_rows.at(index).violations)
        lines << violationLine(v);
    const Entry& entry = m_entries.at(index);
    if (entry.hasResult && entry.result.status != BatchRowResult::Status::Invalid &&
        !entry.result.error.isEmpty())
        lines << entry.result.error;
    return lines;
}

QString BatchTableModel::cellText(const BatchRowPlan& row, int column) const
{
    const BatchRecord& s = row.source;
    switch (column) {
    case RowColumn:
        return QString::number(row.row);
    case InstanceColumn:
        if (s.has("instance_id") || s.has("instance_name"))
            return s.has("instance_id") ? s.value("instance_id") : s.value("instance_name");
        return row.request.instanceId;
    case EngineColumn:
        return s.has("engine_type") ? s.value("engine_type") : row.request.engineType;
    case NetworkColumn:
        return s.has("network_type") ? s.value("network_type") : row.request.networkType;
    default:
        return editText(row, column);
    }
}

QString BatchTableModel::editText(const BatchRowPlan& row, int column) const
{
    const QStringList& keys = keysOf(column);
    for (const QString& key : keys) {
        if (row.source.cells.contains(key))
            return row.source.cells.value(key);
    }
    return {};
}

QVariant BatchTableModel::toolTip(int index, int column) const
{
    const BatchRowPlan& row = m_rows.at(index);
    QStringList lines;
    if (column == StatusColumn || column == ProblemsColumn) {
        lines = problems(index);
    } else if (column == IncludeColumn) {
        lines << (row.excluded ? tr("Left out: this row is not sent.")
                               : tr("Sent when the batch is applied."));
    } else {
        const QStringList& keys = keysOf(column);
        for (const BatchViolation& v : row.violations) {
            if (keys.contains(v.column))
                lines << v.message;
        }
        if (column == InstanceColumn && !row.request.instanceId.isEmpty())
            lines << tr("Instance ID: %1").arg(row.request.instanceId);
        if (column == InstanceColumn && !row.instanceName.isEmpty())
            lines << tr("Instance name: %1").arg(row.instanceName);
        if (column == NodesColumn && !row.request.nodeIds.isEmpty())
            lines << tr("Node IDs: %1").arg(row.request.nodeIds.join(QStringLiteral(", ")));
    }
    if (lines.isEmpty()) {
        const QString shown = data(this->index(index, column)).toString();
        if (shown.isEmpty())
            return QVariant();
        lines << shown;
    }
    lines.removeDuplicates();
    // The cells come from the file: a tooltip that looked like markup would be drawn as rich text.
    return QStringLiteral("<p style=\"white-space:pre\">%1</p>").arg(lines.join(u'\n').toHtmlEscaped());
}

QVariant BatchTableModel::foreground(int index, int column) const
{
    const BatchRowPlan& row = m_rows.at(index);
    const Entry& entry = m_entries.at(index);
    if (column == StatusColumn) {
        if (entry.hasResult) {
            switch (entry.result.status) {
            case BatchRowResult::Status::Created:
                return doneColour();
            case BatchRowResult::Status::Invalid:
            case BatchRowResult::Status::Failed:
            case BatchRowResult::Status::Unknown:
                return errorColour();
            default:
                return mutedColour();
            }
        }
        if (row.excluded)
            return mutedColour();
        return row.action == BatchRowPlan::Action::Invalid ? errorColour() : QVariant();
    }
    if (column == ProblemsColumn)
        return errorColour();
    const QStringList& keys = keysOf(column);
    const bool broken = std::any_of(row.violations.begin(), row.violations.end(),
                                    [&keys](const BatchViolation& v) { return keys.contains(v.column); });
    if (broken)
        return errorColour();
    return row.excluded ? mutedColour() : QVariant();
}

QVariant BatchTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const int i = index.row();
    const int column = index.column();
    const BatchRowPlan& row = m_rows.at(i);
    switch (role) {
    case Qt::DisplayRole:
        if (column == StatusColumn)
            return statusText(i);
        if (column == ProblemsColumn)
            return problems(i).join(QStringLiteral("; "));
        return column == IncludeColumn ? QVariant() : QVariant(cellText(row, column));
    case Qt::EditRole:
        return editText(row, column);
    case Qt::CheckStateRole:
        return column == IncludeColumn ? QVariant(row.excluded ? Qt::Unchecked : Qt::Checked) : QVariant();
    case Qt::ToolTipRole:
        return toolTip(i, column);
    case Qt::ForegroundRole:
        return foreground(i, column);
    case Qt::TextAlignmentRole:
        if (column == RowColumn || column == PortColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case RowNumberRole:
        return row.row;
    case StageRole:
        return int(m_entries.at(i).stage);
    default:
        return {};
    }
}

bool BatchTableModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (!index.isValid() || index.row() >= m_rows.size() || m_locked)
        return false;
    const int i = index.row();
    if (role == Qt::CheckStateRole && index.column() == IncludeColumn) {
        setExcluded(i, value.value<Qt::CheckState>() != Qt::Checked);
        return true;
    }
    const QStringList& keys = keysOf(index.column());
    if (role != Qt::EditRole || keys.isEmpty())
        return false;
    const QString text = value.toString().trimmed();
    BatchRecord source = m_rows.at(i).source;
    if (text == editText(m_rows.at(i), index.column()))
        return true;
    // The column the row already uses; an instance is an ID when it reads as one, else a name to resolve.
    QString key = keys.constFirst();
    if (index.column() == InstanceColumn && !text.isEmpty() &&
        !RequestValidator::validateInstanceId(text).isEmpty())
        key = keys.at(1);
    else if (index.column() == NodesColumn && source.cells.contains(keys.at(1)) &&
             !source.cells.contains(keys.at(0)))
        key = keys.at(1);
    for (const QString& k : keys)
        source.cells.remove(k);
    if (!text.isEmpty())
        source.cells.insert(key, text);
    const bool excluded = m_rows.at(i).excluded;
    m_rows[i] = BatchRowReader::read(source, m_defaultProjectId);
    m_rows[i].excluded = excluded;
    m_entries[i] = Entry{};
    rowChanged(i);
    emit rowEdited(i);
    return true;
}

Qt::ItemFlags BatchTableModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (m_locked)
        return f;
    if (index.column() == IncludeColumn)
        f |= Qt::ItemIsUserCheckable;
    else if (!keysOf(index.column()).isEmpty())
        f |= Qt::ItemIsEditable;
    return f;
}

QVariant BatchTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::ToolTipRole && section == IncludeColumn)
        return tr("Clear to leave a row out: it is not sent and is reported as not run.");
    // Marked for translation here, translated when asked for (the language may change at run time).
    static const char* const titles[ColumnCount] = {
        QT_TR_NOOP("Send"),     QT_TR_NOOP("Row"),    QT_TR_NOOP("Status"),  QT_TR_NOOP("Problems"),
        QT_TR_NOOP("Instance"), QT_TR_NOOP("Engine"), QT_TR_NOOP("Network"), QT_TR_NOOP("User name"),
        QT_TR_NOOP("Database"), QT_TR_NOOP("Nodes"),  QT_TR_NOOP("Port"),    QT_TR_NOOP("Remarks"),
    };
    if (role != Qt::DisplayRole || section < 0 || section >= ColumnCount)
        return {};
    return tr(titles[section]);
}

void BatchTableModel::rowChanged(int index)
{
    emit dataChanged(this->index(index, 0), this->index(index, ColumnCount - 1));
}

} // namespace das
