#include "JsonFields.h"

#include "DiscoveryModels.h"
#include "ServerText.h"

namespace das::JsonFields {

bool text(const QJsonObject& object, const char* name, int cap, QString* out, QString* error)
{
    const QJsonValue value = object.value(QLatin1String(name));
    if (value.isUndefined() || value.isNull()) {
        out->clear();
        return true;
    }
    if (!value.isString()) {
        *error = DiscoveryParser::tr("the field %1 is not a string").arg(QLatin1String(name));
        return false;
    }
    *out = ServerText::clean(value.toString().trimmed(), cap);
    return true;
}

bool array(const QJsonObject& object, const char* name, QJsonArray* out, QString* error)
{
    const QJsonValue value = object.value(QLatin1String(name));
    if (!value.isArray()) {
        *error = DiscoveryParser::tr("the field %1 is missing or not a list").arg(QLatin1String(name));
        return false;
    }
    *out = value.toArray();
    return true;
}

bool objectAt(const QJsonArray& list, int i, const char* name, QJsonObject* out, QString* error)
{
    if (!list.at(i).isObject()) {
        *error = DiscoveryParser::tr("item %1 of %2 is not an object").arg(i).arg(QLatin1String(name));
        return false;
    }
    *out = list.at(i).toObject();
    return true;
}

} // namespace das::JsonFields
