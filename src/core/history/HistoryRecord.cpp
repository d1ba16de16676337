#include "HistoryRecord.h"

#include <QJsonArray>

namespace das {

namespace {

// Indexed by the enums; the names are stored, so never change one.
const char* const StateNames[] = {"pending", "created", "not_created", "unknown", "deleted"};
const char* const OriginNames[] = {"created", "existing", "adopted"};
static_assert(sizeof(StateNames) / sizeof(StateNames[0]) == int(HistoryRecord::State::Deleted) + 1);
static_assert(sizeof(OriginNames) / sizeof(OriginNames[0]) == int(HistoryRecord::Origin::Adopted) + 1);

template <typename Enum, size_t N>
std::optional<Enum> fromName(const char* const (&names)[N], const QString& name)
{
    for (size_t i = 0; i < N; ++i) {
        if (name == QLatin1String(names[i]))
            return Enum(i);
    }
    return std::nullopt;
}

} // namespace

QString HistoryRecord::stateName(State state)
{
    return QLatin1String(StateNames[int(state)]);
}

std::optional<HistoryRecord::State> HistoryRecord::stateFromName(const QString& name)
{
    return fromName<State>(StateNames, name);
}

QString HistoryRecord::originName(Origin origin)
{
    return QLatin1String(OriginNames[int(origin)]);
}

std::optional<HistoryRecord::Origin> HistoryRecord::originFromName(const QString& name)
{
    return fromName<Origin>(OriginNames, name);
}

HistoryRecord HistoryRecord::pending(const ConnectionRequest& request, const QString& endpoint,
                                     const QString& region)
{
    HistoryRecord r;
    r.createdAt = QDateTime::currentDateTimeUtc();
    r.endpoint = endpoint;
    r.region = region;
    r.projectId = request.projectId;
    r.instanceId = request.instanceId;
    r.engineType = request.engineType;
    r.networkType = request.networkType;
    r.username = request.username;
    r.nodeIds = request.nodeIds;
    r.port = request.port;
    r.databaseName = request.databaseName;
    r.remarks = request.remarks;
    r.sqlRecordFlag = request.sqlRecordFlag;
    r.isSavePassword = request.isSavePassword;
    r.state = State::Pending;
    return r;
}

HistoryRecord HistoryRecord::fromCreate(const ConnectionRequest& request, const QString& endpoint,
                                        const QString& region, const CreateResult& result)
{
    HistoryRecord r = pending(request, endpoint, region);
    r.connectionId = result.connectionId;
    r.requestId = result.requestId;
    if (result.succeeded()) {
        r.state = State::Created;
        return r;
    }
    // A cancel after the request left is as uncertain as a lost answer: DAS may have created it.
    const bool maybeCreated = result.outcome == CreateResult::Outcome::Unknown ||
                              (result.outcome == CreateResult::Outcome::Cancelled && result.requestSent);
    r.state = maybeCreated ? State::Unknown : State::NotCreated;
    r.stateDetail = result.explanation;
    return r;
}

ConnectionRequest HistoryRecord::toTemplate() const
{
    ConnectionRequest r;
    r.projectId = projectId;
    r.instanceId = instanceId;
    r.engineType = engineType;
    r.networkType = networkType;
    r.username = username;
    r.nodeIds = nodeIds;
    r.port = port;
    r.databaseName = databaseName;
    r.remarks = remarks;
    r.sqlRecordFlag = sqlRecordFlag;
    r.isSavePassword = isSavePassword;
    return r;
}

QJsonObject HistoryRecord::toJson() const
{
    QJsonObject json{
        {QStringLiteral("id"), id},
        {QStringLiteral("created_at"), createdAt.toUTC().toString(Qt::ISODate)},
        {QStringLiteral("endpoint"), endpoint},
        {QStringLiteral("region"), region},
        {QStringLiteral("project_id"), projectId},
        {QStringLiteral("instance_id"), instanceId},
        {QStringLiteral("engine_type"), engineType},
        {QStringLiteral("network_type"), networkType},
        {QStringLiteral("username"), username},
        {QStringLiteral("node_ids"), QJsonArray::fromStringList(nodeIds)},
        {QStringLiteral("port"), port},
        {QStringLiteral("database_name"), databaseName},
        {QStringLiteral("remarks"), remarks},
        {QStringLiteral("sql_record_flag"), sqlRecordFlag},
        {QStringLiteral("is_save_password"), isSavePassword},
        {QStringLiteral("password_saved"), passwordSaved},
        {QStringLiteral("connection_id"), connectionId},
        {QStringLiteral("request_id"), requestId},
        {QStringLiteral("state"), stateName(state)},
        {QStringLiteral("origin"), originName(origin)},
        {QStringLiteral("state_detail"), stateDetail},
    };
    if (updatedAt.isValid())
        json.insert(QStringLiteral("updated_at"), updatedAt.toUTC().toString(Qt::ISODate));
    return json;
}

} // namespace das
