#include "ConnectionRequest.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace das {

namespace {

QByteArray jsonValue(const QJsonValue& value)
{
    // QJsonDocument only serialises containers; wrap and strip the brackets.
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return wrapped.mid(1, wrapped.size() - 2);
}

void appendField(QByteArray& out, const char* name, const QJsonValue& value)
{
    out += out.size() > 1 ? ",\"" : "\"";
    out += name;
    out += "\":";
    out += jsonValue(value);
}

} // namespace

QByteArray ConnectionRequest::toJsonBody() const
{
    QByteArray out("{");
    appendField(out, "engine_type", engineType);
    appendField(out, "network_type", networkType);
    appendField(out, "username", username);
    appendField(out, "is_save_password", isSavePassword);
    appendField(out, "password", password);
    if (!nodeIds.isEmpty())
        appendField(out, "node_ids", QJsonArray::fromStringList(nodeIds));
    if (!remarks.isEmpty())
        appendField(out, "remarks", remarks);
    if (!port.isEmpty()) {
        bool ok = false;
        const int number = port.toInt(&ok);
        appendField(out, "port", ok ? QJsonValue(number) : QJsonValue(port));
    }
    if (!databaseName.isEmpty())
        appendField(out, "database_name", databaseName);
    if (sqlRecordFlag)
        appendField(out, "sql_record_flag", true);
    out += '}';
    return out;
}

namespace {

void typeError(Violations* errors, const char* field, const char* type)
{
    if (!errors)
        return;
    const QString name = QString::fromLatin1(field);
    errors->append({name, QStringLiteral("type"),
                    QStringLiteral("Field %1 must be a JSON %2.").arg(name, QLatin1String(type))});
}

QString readString(const QJsonObject& body, const char* field, Violations* errors)
{
    const QJsonValue value = body.value(QLatin1String(field));
    if (value.isUndefined() || value.isNull())
        return {};
    if (!value.isString()) {
        typeError(errors, field, "string");
        return {};
    }
    return value.toString();
}

bool readBool(const QJsonObject& body, const char* field, Violations* errors)
{
    const QJsonValue value = body.value(QLatin1String(field));
    if (value.isUndefined() || value.isNull())
        return false;
    if (!value.isBool()) {
        typeError(errors, field, "boolean");
        return false;
    }
    return value.toBool();
}

} // namespace

ConnectionRequest ConnectionRequest::fromJson(const QJsonObject& body, Violations* typeErrors)
{
    ConnectionRequest r;
    r.engineType = readString(body, "engine_type", typeErrors);
    r.networkType = readString(body, "network_type", typeErrors);
    r.username = readString(body, "username", typeErrors);
    r.password = readString(body, "password", typeErrors);
    r.isSavePassword = readBool(body, "is_save_password", typeErrors);
    r.remarks = readString(body, "remarks", typeErrors);
    r.databaseName = readString(body, "database_name", typeErrors);
    r.sqlRecordFlag = readBool(body, "sql_record_flag", typeErrors);

    if (!body.contains(QLatin1String("is_save_password")))
        typeError(typeErrors, "is_save_password", "boolean");

    const QJsonValue nodes = body.value(QLatin1String("node_ids"));
    if (nodes.isArray()) {
        const QJsonArray array = nodes.toArray();
        for (const QJsonValue& node : array) {
            if (!node.isString()) {
                typeError(typeErrors, "node_ids", "array of strings");
                break;
            }
            r.nodeIds.append(node.toString());
        }
    } else if (!nodes.isUndefined() && !nodes.isNull()) {
        typeError(typeErrors, "node_ids", "array of strings");
    }

    const QJsonValue port = body.value(QLatin1String("port"));
    if (port.isDouble()) {
        const double number = port.toDouble();
        // Only cast when it fits; the validator rejects anything else as not an integer.
        const bool integral = number >= -1e15 && number <= 1e15 && number == double(qint64(number));
        r.port = integral ? QString::number(qint64(number)) : QString::number(number, 'g', 17);
    } else if (!port.isUndefined() && !port.isNull()) {
        typeError(typeErrors, "port", "integer");
    }
    return r;
}

} // namespace das
