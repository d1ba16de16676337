#include "ConnectionInfo.h"

#include "JsonFields.h"
#include "ServerText.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTimeZone>

#include <cmath>

namespace das {

namespace {

constexpr int IdChars = ServerText::MaxRequestIdChars;
constexpr int TextChars = 256;

using JsonFields::text;

// A number field: missing or null → `missing`; a whole number → it; a string of digits is taken too (some
// DAS answers quote numbers); anything else is an error.
bool number(const QJsonObject& object, const char* name, qint64 missing, qint64* out, QString* error)
{
    const QJsonValue value = object.value(QLatin1String(name));
    bool ok = true;
    if (value.isUndefined() || value.isNull())
        *out = missing;
    else if (value.isDouble() && std::fabs(value.toDouble()) < 9.0e15 &&
             value.toDouble() == std::trunc(value.toDouble()))
        *out = qint64(value.toDouble()); // in range first: casting a huge double is undefined
    else if (value.isString())
        *out = value.toString().toLongLong(&ok);
    else
        ok = false;
    if (!ok)
        *error = ConnectionParser::tr("the field %1 is not a whole number").arg(QLatin1String(name));
    return ok;
}

bool flag(const QJsonObject& object, const char* name, bool* out, QString* error)
{
    const QJsonValue value = object.value(QLatin1String(name));
    if (value.isUndefined() || value.isNull()) {
        *out = false;
        return true;
    }
    if (!value.isBool()) {
        *error = ConnectionParser::tr("the field %1 is not true or false").arg(QLatin1String(name));
        return false;
    }
    *out = value.toBool();
    return true;
}

struct TextField
{
    const char* name;
    int cap;
    QString ConnectionInfo::*field;
};
const TextField TextFields[] = {
    {"connection_id", IdChars, &ConnectionInfo::connectionId},
    {"instance_id", IdChars, &ConnectionInfo::instanceId},
    {"instance_name", TextChars, &ConnectionInfo::instanceName},
    {"network_type", TextChars, &ConnectionInfo::networkType},
    {"engine_type", TextChars, &ConnectionInfo::engineType},
    {"datastore_version", TextChars, &ConnectionInfo::datastoreVersion},
    {"user_name", TextChars, &ConnectionInfo::userName},
    {"database_name", TextChars, &ConnectionInfo::databaseName},
    {"ip_address", TextChars, &ConnectionInfo::ipAddress},
    {"remarks", 512, &ConnectionInfo::remarks},
    {"status", TextChars, &ConnectionInfo::status},
    {"conn_share_type", TextChars, &ConnectionInfo::connShareType},
};

bool item(const QJsonObject& object, int index, ConnectionInfo* c, QString* error)
{
    for (const TextField& f : TextFields) {
        if (!text(object, f.name, f.cap, &(c->*f.field), error))
            return false;
    }
    qint64 port = 0;
    qint64 createAt = -1;
    if (!flag(object, "is_save_password", &c->isSavePassword, error) ||
        !number(object, "port", 0, &port, error) || !number(object, "create_at", -1, &createAt, error))
        return false;
    // An ID that is not one could not be deleted or matched safely.
    if (!ServerText::isConnectionId(c->connectionId)) {
        *error = ConnectionParser::tr("connection %1 has no usable connection_id").arg(index);
        return false;
    }
    c->port = (port > 0 && port <= 65535) ? int(port) : 0;
    if (createAt >= 0)
        c->createAt = QDateTime::fromMSecsSinceEpoch(createAt, QTimeZone::utc());
    return true;
}

} // namespace

bool ConnectionInfo::hasKey(const QString& instance, const QString& user, const QString& database) const
{
    return instanceId == instance && userName == user && databaseName == database;
}

QStringList ConnectionInfo::idsOf(const QList<ConnectionInfo>& connections)
{
    QStringList ids;
    for (const ConnectionInfo& c : connections)
        ids.append(c.connectionId);
    return ids;
}

QJsonObject ConnectionInfo::toJson() const
{
    QJsonObject o;
    for (const TextField& f : TextFields)
        o.insert(QLatin1String(f.name), this->*f.field);
    o.insert(QStringLiteral("is_save_password"), isSavePassword);
    o.insert(QStringLiteral("port"), port);
    o.insert(QStringLiteral("create_at"),
             createAt.isValid() ? QJsonValue(createAt.toMSecsSinceEpoch()) : QJsonValue(QJsonValue::Null));
    return o;
}

bool ConnectionParser::page(const QJsonObject& answer, QList<ConnectionInfo>* out, int* totalRecord,
                            QString* error)
{
    QJsonArray list;
    qint64 total = 0;
    if (!JsonFields::array(answer, "das_conn_info_list", &list, error) ||
        !number(answer, "total_record", -1, &total, error))
        return false;
    // Far beyond any real project; small enough that page arithmetic on it cannot overflow an int.
    if (total < 0 || total > 100000000) {
        *error = tr("the field total_record is missing or out of range");
        return false;
    }
    *totalRecord = int(total);
    for (int i = 0; i < list.size(); ++i) {
        QJsonObject object;
        ConnectionInfo c;
        if (!JsonFields::objectAt(list, i, "das_conn_info_list", &object, error) ||
            !item(object, i, &c, error))
            return false;
        out->append(c);
    }
    return true;
}

bool ConnectionParser::deleteStatus(const QJsonObject& answer, bool* status, QString* error)
{
    const QJsonValue value = answer.value(QLatin1String("status"));
    if (!value.isBool()) {
        *error = tr("the field status is missing or not true or false");
        return false;
    }
    *status = value.toBool();
    return true;
}

QByteArray ConnectionParser::deleteBody(const QStringList& connectionIds)
{
    QJsonArray ids;
    for (const QString& id : connectionIds)
        ids.append(QJsonObject{{QStringLiteral("connection_id"), id}});
    const QJsonObject body{{QStringLiteral("delete_all"), false}, {QStringLiteral("connection_ids"), ids}};
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

} // namespace das
