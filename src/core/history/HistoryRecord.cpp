#include "HistoryRecord.h"

#include <QJsonArray>

namespace das {

HistoryRecord HistoryRecord::fromCreate(const ConnectionRequest& request, const QString& endpoint,
                                        const QString& region, const CreateResult& result)
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
    r.connectionId = result.connectionId;
    r.requestId = result.requestId;
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
    return QJsonObject{
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
    };
}

} // namespace das
