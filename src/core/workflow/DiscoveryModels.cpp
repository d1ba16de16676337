#include "DiscoveryModels.h"

#include "JsonFields.h"
#include "ServerText.h"

#include <QJsonArray>

namespace das {

namespace {

constexpr int IdChars = ServerText::MaxRequestIdChars;
constexpr int TextChars = 256;

const char* const DatastorePairs[][2] = {
    {"MySQL", "mysql"},
    {"SQLServer", "sqlserver"},
    {"PostgreSQL", "postgresql"},
    {"TaurusDB", "taurus"},
    {"gaussdbv5", "gaussdbv5"},
    {"mongodb", "mongodb"},
    {"DDM", "ddm"},
    {"MariaDB", ""},
};

} // namespace

using JsonFields::array;
using JsonFields::objectAt;
using JsonFields::text;

QJsonObject ProjectInfo::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("name"), name},
            {QStringLiteral("domain_id"), domainId},
            {QStringLiteral("enabled"), enabled}};
}

QJsonObject InstanceInfo::toJson() const
{
    return {{QStringLiteral("instance_id"), instanceId},
            {QStringLiteral("instance_name"), instanceName},
            {QStringLiteral("engine_type"), engineType},
            {QStringLiteral("datastore_type"), datastoreType},
            {QStringLiteral("status"), status},
            {QStringLiteral("ip"), ip},
            {QStringLiteral("port"), port},
            {QStringLiteral("version"), version}};
}

QJsonObject NodeInfo::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("name"), name},
            {QStringLiteral("role"), role},
            {QStringLiteral("status"), status}};
}

QStringList Datastore::allTypes()
{
    QStringList types;
    for (const auto& pair : DatastorePairs)
        types.append(QLatin1String(pair[0]));
    return types;
}

QString Datastore::engineFor(const QString& datastoreType)
{
    for (const auto& pair : DatastorePairs) {
        if (datastoreType == QLatin1String(pair[0]))
            return QLatin1String(pair[1]);
    }
    return QString();
}

QString Datastore::typeFor(const QString& engineType)
{
    for (const auto& pair : DatastorePairs) {
        if (!engineType.isEmpty() && engineType == QLatin1String(pair[1]))
            return QLatin1String(pair[0]);
    }
    return QString();
}

bool DiscoveryParser::projects(const QJsonObject& answer, QList<ProjectInfo>* out, QString* error)
{
    QJsonArray list;
    if (!array(answer, "projects", &list, error))
        return false;
    for (int i = 0; i < list.size(); ++i) {
        QJsonObject item;
        ProjectInfo p;
        if (!objectAt(list, i, "projects", &item, error) || !text(item, "id", IdChars, &p.id, error) ||
            !text(item, "name", TextChars, &p.name, error) ||
            !text(item, "domain_id", IdChars, &p.domainId, error))
            return false;
        // An ID that is not one cannot be put into a URL path or shown as a choice.
        if (!ServerText::isConnectionId(p.id)) {
            *error = tr("project %1 has no usable id").arg(i);
            return false;
        }
        p.enabled = item.value(QLatin1String("enabled")).toBool(true);
        out->append(p);
    }
    return true;
}

bool DiscoveryParser::instancePage(const QJsonObject& answer, const QString& datastoreType,
                                   QList<InstanceInfo>* out, int* totalCount, QString* error)
{
    QJsonArray list;
    if (!array(answer, "instance_list", &list, error))
        return false;
    const QJsonValue total = answer.value(QLatin1String("total_count"));
    if (!total.isDouble() || total.toDouble() < 0) {
        *error = tr("the field total_count is missing or not a number");
        return false;
    }
    *totalCount = total.toInt();
    for (int i = 0; i < list.size(); ++i) {
        QJsonObject item;
        InstanceInfo in;
        if (!objectAt(list, i, "instance_list", &item, error) ||
            !text(item, "instance_id", IdChars, &in.instanceId, error) ||
            !text(item, "instance_name", TextChars, &in.instanceName, error) ||
            !text(item, "instance_status", TextChars, &in.status, error) ||
            !text(item, "ip", TextChars, &in.ip, error) ||
            !text(item, "version", TextChars, &in.version, error))
            return false;
        const QJsonValue port = item.value(QLatin1String("port"));
        if (!port.isUndefined() && !port.isNull() &&
            (!port.isDouble() || port.toDouble() < 0 || port.toDouble() > 65535)) {
            *error = tr("item %1 of instance_list has a port that is not a number from 0 to 65535").arg(i);
            return false;
        }
        in.port = port.toInt();
        in.datastoreType = datastoreType;
        in.engineType = Datastore::engineFor(datastoreType);
        out->append(in);
    }
    return true;
}

bool DiscoveryParser::nodes(const QJsonObject& answer, QString* instanceName, QList<NodeInfo>* out,
                            QString* error)
{
    QJsonArray list;
    if (!array(answer, "instance_nodes", &list, error) ||
        !text(answer, "instance_name", TextChars, instanceName, error))
        return false;
    for (int i = 0; i < list.size(); ++i) {
        QJsonObject item;
        NodeInfo n;
        if (!objectAt(list, i, "instance_nodes", &item, error) || !text(item, "id", IdChars, &n.id, error) ||
            !text(item, "name", TextChars, &n.name, error) ||
            !text(item, "role", TextChars, &n.role, error) ||
            !text(item, "status", TextChars, &n.status, error) ||
            !text(item, "type", TextChars, &n.type, error))
            return false;
        out->append(n);
    }
    return true;
}

bool DiscoveryParser::databaseNames(const QJsonObject& answer, QStringList* out, QString* error)
{
    QJsonArray list;
    if (!array(answer, "data", &list, error))
        return false;
    for (int i = 0; i < list.size(); ++i) {
        if (!list.at(i).isString()) {
            *error = tr("item %1 of data is not a string").arg(i);
            return false;
        }
        out->append(ServerText::clean(list.at(i).toString(), TextChars));
    }
    return true;
}

} // namespace das
