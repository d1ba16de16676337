#include "BatchPlan.h"

#include "RequestValidator.h"

#include <QHash>
#include <QJsonArray>

#include <algorithm>
#include <optional>

namespace das {

namespace {

const QLatin1String Resolve("resolve");
const QLatin1String Duplicate("duplicate");
const QLatin1String NodeIds("node_ids");
const QLatin1String NodeNames("node_names");

// The validator also says "duplicate" (a node ID given twice), always about the node column; a duplicate of
// an earlier row is about the username.
bool isRowDuplicate(const BatchViolation& v)
{
    return v.rule == Duplicate && v.column != NodeIds && v.column != NodeNames;
}

// true/false, yes/no, 1/0 in any case: what spreadsheets and scripts write. Empty is false.
std::optional<bool> flag(const QString& text)
{
    const QString t = text.toLower();
    if (t.isEmpty() || t == QLatin1String("false") || t == QLatin1String("no") || t == QLatin1String("0"))
        return false;
    if (t == QLatin1String("true") || t == QLatin1String("yes") || t == QLatin1String("1"))
        return true;
    return std::nullopt;
}

// The file's column for a field the validator names: the request's names are the file's, except where the
// file gave the instance or the nodes by name.
QString columnFor(const QString& field, const BatchRecord& source)
{
    if (field == QLatin1String("instance_id") && !source.has("instance_id") && source.has("instance_name"))
        return QStringLiteral("instance_name");
    if (field == NodeIds && !source.has("node_ids") && source.has("node_names"))
        return NodeNames;
    if (field == QLatin1String("is_save_password"))
        return QStringLiteral("save_password");
    return field;
}

// The rules about the file's cells themselves, which the request cannot show.
QList<BatchViolation> cellChecks(const BatchRecord& source)
{
    QList<BatchViolation> out;
    if (!source.has("instance_id") && !source.has("instance_name")) {
        out.append({QStringLiteral("instance_id"), QStringLiteral("required"),
                    BatchRowReader::tr("Give the instance as instance_id or instance_name.")});
    }
    if (source.has("node_ids") && source.has("node_names")) {
        out.append({NodeNames, QStringLiteral("conflict"),
                    BatchRowReader::tr("Give the nodes as node_ids or node_names, not both.")});
    }
    for (const char* column : {"sql_record_flag", "save_password"}) {
        if (!flag(source.value(column))) {
            const QString field = QLatin1String(column) == QLatin1String("save_password")
                                      ? QStringLiteral("is_save_password")
                                      : QString::fromLatin1(column);
            out.append({QString::fromLatin1(column), QStringLiteral("choice"),
                        BatchRowReader::tr("%1 must be true or false (yes/no and 1/0 work too).")
                            .arg(RequestValidator::fieldLabel(field))});
        }
    }
    return out;
}

// Whether the validator's complaint is about something the planner still has to look up, or about a
// column the file may leave out (the network type follows the engine), so the row is not invalid for it.
bool stillToResolve(const Violation& v, const BatchRowPlan& row)
{
    const bool required = v.code == QLatin1String("required");
    if (v.field == QLatin1String("password"))
        return true; // passwords never come from the file
    if (required && v.field == QLatin1String("network_type") && !row.source.has("network_type"))
        return true;
    const bool noInstance = !row.source.has("instance_id") && !row.source.has("instance_name");
    if (required && v.field == QLatin1String("instance_id") && !row.source.has("instance_id"))
        return true; // by name (being resolved) or not at all (cellChecks says so)
    // The engine comes with the instance: without one, asking for it too would be noise.
    return required && v.field == QLatin1String("engine_type") && (row.needsInstance || noInstance);
}

void settle(BatchRowPlan* row, bool keepSkip)
{
    if (!row->violations.isEmpty())
        row->action = BatchRowPlan::Action::Invalid;
    else if (row->action == BatchRowPlan::Action::Invalid || !keepSkip)
        row->action = BatchRowPlan::Action::Create;
    if (row->action != BatchRowPlan::Action::Skip)
        row->existingId.clear();
}

QString actionName(BatchRowPlan::Action action)
{
    switch (action) {
    case BatchRowPlan::Action::Create:
        return QStringLiteral("create");
    case BatchRowPlan::Action::Skip:
        return QStringLiteral("skip");
    case BatchRowPlan::Action::Invalid:
        break;
    }
    return QStringLiteral("invalid");
}

} // namespace

QString BatchRowPlan::summary() const
{
    if (excluded)
        return BatchRowReader::tr("excluded");
    if (action == Action::Create)
        return BatchRowReader::tr("create");
    if (action == Action::Skip)
        return BatchRowReader::tr("skip (exists: %1)").arg(existingId);
    QStringList parts;
    for (const BatchViolation& v : violations)
        parts.append(BatchRowReader::tr("%1: %2").arg(v.column, v.message));
    return BatchRowReader::tr("invalid (row %1, %2)").arg(row).arg(parts.join(QStringLiteral("; ")));
}

QJsonObject BatchRowPlan::toJson() const
{
    QJsonArray list;
    for (const BatchViolation& v : violations) {
        list.append(QJsonObject{{QStringLiteral("column"), v.column},
                                {QStringLiteral("rule"), v.rule},
                                {QStringLiteral("message"), v.message}});
    }
    QJsonObject o{{QStringLiteral("row"), row},
                  {QStringLiteral("action"), actionName(action)},
                  {QStringLiteral("project_id"), request.projectId},
                  {QStringLiteral("instance_id"), request.instanceId},
                  {QStringLiteral("instance_name"), instanceName},
                  {QStringLiteral("engine_type"), request.engineType},
                  {QStringLiteral("network_type"), request.networkType},
                  {QStringLiteral("username"), request.username},
                  {QStringLiteral("database_name"), request.databaseName},
                  {QStringLiteral("existing_id"), existingId},
                  {QStringLiteral("violations"), list}};
    if (excluded)
        o.insert(QStringLiteral("excluded"), true);
    return o;
}

int BatchPlan::count(BatchRowPlan::Action action) const
{
    return int(std::count_if(rows.begin(), rows.end(),
                             [action](const BatchRowPlan& r) { return r.action == action; }));
}

BatchRowPlan BatchRowReader::read(const BatchRecord& record, const QString& defaultProjectId)
{
    BatchRowPlan row;
    row.row = record.row;
    row.source = record;
    ConnectionRequest& r = row.request;
    r.projectId = record.has("project_id") ? record.value("project_id") : defaultProjectId.trimmed();
    r.instanceId = record.value("instance_id");
    r.engineType = record.value("engine_type");
    r.networkType = record.value("network_type");
    if (r.networkType.isEmpty())
        r.networkType = RequestValidator::usualNetworkType(r.engineType);
    r.username = record.value("username");
    r.port = record.value("port");
    r.databaseName = record.value("database_name");
    r.remarks = record.value("remarks");
    r.isSavePassword = flag(record.value("save_password")).value_or(false);
    r.sqlRecordFlag = flag(record.value("sql_record_flag")).value_or(false);
    // With both node columns the row is invalid (cellChecks); looking names up would only add noise.
    if (!record.has("node_ids") && record.has("node_names"))
        row.nodeNames = RequestValidator::splitIdList(record.value("node_names"));
    else if (!record.has("node_names"))
        r.nodeIds = RequestValidator::splitIdList(record.value("node_ids"));
    row.needsInstance = record.has("instance_name") || (record.has("instance_id") && r.engineType.isEmpty());
    validate(&row);
    return row;
}

void BatchRowReader::validate(BatchRowPlan* row)
{
    QList<BatchViolation> out = cellChecks(row->source);
    for (const Violation& v : RequestValidator::validate(row->request)) {
        if (!stillToResolve(v, *row))
            out.append({columnFor(v.field, row->source), v.code, v.message});
    }
    // What the planner found out stays until it plans the row again.
    for (const BatchViolation& v : std::as_const(row->violations)) {
        if (v.rule == Resolve)
            out.append(v);
    }
    const QStringList& order = BatchFileReader::knownColumns();
    std::stable_sort(out.begin(), out.end(), [&order](const BatchViolation& a, const BatchViolation& b) {
        return order.indexOf(a.column) < order.indexOf(b.column);
    });
    row->violations = out;
    settle(row, false);
}

void BatchRowReader::markDuplicatesInFile(QList<BatchRowPlan>* rows)
{
    QHash<QString, int> first; // duplicate key → the row that has it first
    for (BatchRowPlan& row : *rows) {
        row.violations.removeIf(isRowDuplicate); // marked afresh: rows may have been edited or excluded
        const ConnectionRequest& r = row.request;
        if (!row.excluded && !row.needsInstance && !r.instanceId.isEmpty() && !r.username.isEmpty()) {
            // The user name's length first, so that no two different keys read the same.
            const QString key = r.instanceId + QLatin1Char('/') + QString::number(r.username.size()) +
                                QLatin1Char('/') + r.username + r.databaseName;
            const auto it = first.constFind(key);
            if (it == first.constEnd()) {
                first.insert(key, row.row);
            } else {
                row.violations.append(
                    {QStringLiteral("username"), Duplicate,
                     tr("Duplicate of row %1: the same instance, username and database name.").arg(*it)});
            }
        }
        settle(&row, true);
    }
}

} // namespace das
