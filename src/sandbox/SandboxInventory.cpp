// Reading, checking and writing an inventory, and looking things up in it. The built-in one is generated in
// SandboxInventoryBuiltIn.cpp.
#include "SandboxInventory.h"

#include "BoundedRead.h"
#include "EndpointResolver.h"
#include "RequestValidator.h"

#include <QJsonDocument>
#include <QSet>

#include <algorithm>

#include <cmath>

namespace das {

namespace {

enum class Kind
{
    String,
    Integer,
    Bool,
};

struct Field
{
    const char* name;
    Kind kind;
    bool required;
};

// The ListCloudDbaInstances item, field for field; the file may leave out the optional ones.
const Field ItemFields[] = {
    {"instance_id", Kind::String, true},
    {"instance_name", Kind::String, true},
    {"instance_status", Kind::String, false},
    {"version", Kind::String, false},
    {"engine_type", Kind::String, false},
    {"ip", Kind::String, false},
    {"port", Kind::Integer, true},
    {"cpu", Kind::Integer, false},
    {"mem", Kind::Integer, false},
    {"login_flag", Kind::Bool, false},
    {"slow_sql_flag", Kind::Bool, false},
    {"deadlock_flag", Kind::Bool, false},
    {"lock_blocking_flag", Kind::Bool, false},
    {"charge_flag", Kind::Bool, false},
    {"full_sql_flag", Kind::Bool, false},
};

const char* const NodeFields[] = {"id", "name", "role", "status", "type"};

bool isCount(const QJsonValue& v, double max)
{
    const double d = v.toDouble(-1);
    return v.isDouble() && d >= 0 && d <= max && std::floor(d) == d;
}

// A field of an inventory entry checked against its kind; the default when it is absent.
std::optional<QJsonValue> readField(const QJsonObject& object, const Field& field, const QString& where,
                                    QString* error)
{
    const QString name = QLatin1String(field.name);
    const QJsonValue v = object.value(name);
    if (v.isUndefined()) {
        if (field.required) {
            *error = SandboxInventory::tr("%1.%2 is missing.").arg(where, name);
            return std::nullopt;
        }
        return field.kind == Kind::String ? QJsonValue(QString())
               : field.kind == Kind::Bool ? QJsonValue(false)
                                          : QJsonValue(0);
    }
    const double max = name == QLatin1String("port") ? 65535 : 1e6;
    const bool ok = field.kind == Kind::String
                        ? v.isString() && !RequestValidator::hasControlCharacter(v.toString(), false)
                    : field.kind == Kind::Integer ? isCount(v, max)
                                                  : v.isBool();
    if (!ok) {
        *error =
            field.kind == Kind::String ? SandboxInventory::tr("%1.%2 must be a string without control "
                                                              "characters.")
                                             .arg(where, name)
            : field.kind == Kind::Integer
                ? SandboxInventory::tr("%1.%2 must be an integer from 0 to %3.").arg(where, name).arg(max)
                : SandboxInventory::tr("%1.%2 must be true or false.").arg(where, name);
        return std::nullopt;
    }
    return v;
}

// Names a field that the format does not have: most likely a typo that would otherwise be silently ignored.
bool onlyKnownKeys(const QJsonObject& object, const QStringList& known, const QString& where, QString* error)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!known.contains(it.key())) {
            *error = SandboxInventory::tr("%1 has an unknown field \"%2\".").arg(where, it.key());
            return false;
        }
    }
    return true;
}

QStringList itemFieldNames()
{
    QStringList names;
    for (const Field& f : ItemFields)
        names.append(QLatin1String(f.name));
    return names;
}

QJsonArray readNodes(const QJsonValue& value, const QString& where, QString* error)
{
    if (!value.isUndefined() && (!value.isArray() || value.toArray().size() > SandboxInventory::MaxNodes)) {
        *error = SandboxInventory::tr("%1.instance_nodes must be a list of at most %2 nodes.")
                     .arg(where)
                     .arg(SandboxInventory::MaxNodes);
        return {};
    }
    QJsonArray nodes;
    QStringList ids;
    QStringList known;
    for (const char* name : NodeFields)
        known.append(QLatin1String(name));
    const QJsonArray array = value.toArray();
    for (int i = 0; i < array.size(); ++i) {
        const QString at = QStringLiteral("%1.instance_nodes[%2]").arg(where).arg(i);
        const QJsonObject object = array.at(i).toObject();
        if (!array.at(i).isObject()) {
            *error = SandboxInventory::tr("%1 must be an object.").arg(at);
            return {};
        }
        if (!onlyKnownKeys(object, known, at, error))
            return {};
        QJsonObject node;
        for (const char* name : NodeFields) {
            const std::optional<QJsonValue> v = readField(object, {name, Kind::String, true}, at, error);
            if (!v)
                return {};
            node.insert(QLatin1String(name), *v);
        }
        ids.append(node.value(QLatin1String("id")).toString());
        nodes.append(node);
    }
    const Violations problems = RequestValidator::validateNodeIds(ids);
    if (!problems.isEmpty())
        *error = where + QStringLiteral(": ") + problems.constFirst().message;
    return nodes;
}

} // namespace

const QStringList& SandboxInventory::datastoreTypes()
{
    static const QStringList types{
        QStringLiteral("MySQL"),    QStringLiteral("SQLServer"), QStringLiteral("PostgreSQL"),
        QStringLiteral("TaurusDB"), QStringLiteral("gaussdbv5"), QStringLiteral("mongodb"),
        QStringLiteral("DDM"),      QStringLiteral("MariaDB"),
    };
    return types;
}

std::optional<SandboxInventory> SandboxInventory::fromFile(const QString& path, QString* error)
{
    const std::optional<QByteArray> bytes = BoundedRead::file(path, MaxFileBytes, error);
    if (!bytes)
        return std::nullopt;
    std::optional<SandboxInventory> inventory = fromJson(*bytes, error);
    if (!inventory)
        *error = tr("%1 is not a usable sandbox inventory: %2").arg(path, *error);
    return inventory;
}

std::optional<SandboxInventory> SandboxInventory::fromJson(const QByteArray& json, QString* error)
{
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        *error =
            tr("not a JSON object (%1 at byte %2).").arg(parseError.errorString()).arg(parseError.offset);
        return std::nullopt;
    }
    error->clear(); // readInstance tells a failure by a non-empty error
    const QJsonObject root = doc.object();
    const QStringList known{QStringLiteral("project_id"), QStringLiteral("domain_id"),
                            QStringLiteral("projects"), QStringLiteral("instances")};
    if (!onlyKnownKeys(root, known, QStringLiteral("the top level"), error))
        return std::nullopt;
    SandboxInventory out;
    out.m_projectId = root.value(QLatin1String("project_id")).toString();
    out.m_domainId = root.value(QLatin1String("domain_id")).toString(QLatin1String(DemoDomainId));
    if (!RequestValidator::validateProjectId(out.m_projectId).isEmpty()) {
        *error = tr("project_id must be a project ID (32 letters or digits).");
        return std::nullopt;
    }
    const QJsonValue projects = root.value(QLatin1String("projects"));
    if (!projects.isUndefined() && !projects.isArray()) {
        *error = tr("projects must be a list.");
        return std::nullopt;
    }
    for (const QJsonValue& p : projects.toArray()) {
        const QJsonObject project = p.toObject();
        if (!RequestValidator::validateProjectId(project.value(QLatin1String("id")).toString()).isEmpty() ||
            project.value(QLatin1String("name")).toString().isEmpty()) {
            *error = tr("each of projects needs an \"id\" (a project ID) and a \"name\".");
            return std::nullopt;
        }
        out.m_projects.append(QJsonObject{
            {QStringLiteral("id"), project.value(QLatin1String("id"))},
            {QStringLiteral("name"), project.value(QLatin1String("name"))},
            {QStringLiteral("domain_id"), project.value(QLatin1String("domain_id")).toString(out.m_domainId)},
            {QStringLiteral("enabled"), project.value(QLatin1String("enabled")).toBool(true)}});
    }
    const QJsonValue instances = root.value(QLatin1String("instances"));
    if (!instances.isArray() || instances.toArray().size() > MaxInstances) {
        *error = tr("instances must be a list of at most %1 instances.").arg(MaxInstances);
        return std::nullopt;
    }
    const QJsonArray array = instances.toArray();
    for (int i = 0; i < array.size(); ++i) {
        if (!out.readInstance(array.at(i), i, error))
            return std::nullopt;
    }
    const QStringList ids = out.instanceIds();
    if (QSet<QString>(ids.begin(), ids.end()).size() != ids.size()) {
        *error = tr("an instance_id appears more than once.");
        return std::nullopt;
    }
    return out;
}

bool SandboxInventory::readInstance(const QJsonValue& value, int index, QString* error)
{
    const QString where = QStringLiteral("instances[%1]").arg(index);
    const QJsonObject object = value.toObject();
    QStringList known = itemFieldNames();
    known << QStringLiteral("datastore_type") << QStringLiteral("instance_nodes")
          << QStringLiteral("databases");
    if (!value.isObject()) {
        *error = tr("%1 must be an object.").arg(where);
        return false;
    }
    if (!onlyKnownKeys(object, known, where, error))
        return false;
    Instance instance;
    instance.datastoreType = object.value(QLatin1String("datastore_type")).toString();
    if (!datastoreTypes().contains(instance.datastoreType)) {
        *error = tr("%1.datastore_type must be one of %2.")
                     .arg(where, datastoreTypes().join(QStringLiteral(", ")));
        return false;
    }
    for (const Field& field : ItemFields) {
        const std::optional<QJsonValue> v = readField(object, field, where, error);
        if (!v)
            return false;
        instance.item.insert(QLatin1String(field.name), *v);
    }
    if (!object.contains(QLatin1String("instance_status")))
        instance.item.insert(QStringLiteral("instance_status"), QStringLiteral("ACTIVE"));
    if (!object.contains(QLatin1String("engine_type")))
        instance.item.insert(QStringLiteral("engine_type"), instance.datastoreType);
    if (!RequestValidator::validateInstanceId(instance.id()).isEmpty() || instance.name().isEmpty()) {
        *error = tr("%1 needs an instance_id like …fbin01 (32 letters or digits, then in and two digits) and "
                    "a non-empty instance_name.")
                     .arg(where);
        return false;
    }
    instance.nodes = readNodes(object.value(QLatin1String("instance_nodes")), where, error);
    if (!error->isEmpty())
        return false;
    const QJsonArray databases = object.value(QLatin1String("databases")).toArray();
    for (const QJsonValue& db : databases) {
        if (!db.isString() || db.toString().isEmpty() || databases.size() > MaxDatabases) {
            *error =
                tr("%1.databases must be a list of at most %2 non-empty names.").arg(where).arg(MaxDatabases);
            return false;
        }
        instance.databases.append(db.toString());
    }
    m_instances.append(instance);
    return true;
}

QByteArray SandboxInventory::toJson() const
{
    QJsonArray instances;
    for (const Instance& instance : m_instances) {
        QJsonObject entry = instance.item;
        entry.insert(QStringLiteral("datastore_type"), instance.datastoreType);
        entry.insert(QStringLiteral("instance_nodes"), instance.nodes);
        entry.insert(QStringLiteral("databases"), QJsonArray::fromStringList(instance.databases));
        instances.append(entry);
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("project_id"), m_projectId},
                                     {QStringLiteral("domain_id"), m_domainId},
                                     {QStringLiteral("projects"), m_projects},
                                     {QStringLiteral("instances"), instances}})
        .toJson(QJsonDocument::Indented);
}

QStringList SandboxInventory::instanceIds() const
{
    QStringList ids;
    for (const Instance& instance : m_instances)
        ids.append(instance.id());
    return ids;
}

QStringList SandboxInventory::projectIds() const
{
    QStringList ids{m_projectId};
    for (const QJsonValue& project : m_projects) {
        const QString id = project.toObject().value(QLatin1String("id")).toString();
        if (!ids.contains(id))
            ids.append(id);
    }
    return ids;
}

const SandboxInventory::Instance* SandboxInventory::find(const QString& instanceId) const
{
    for (const Instance& instance : m_instances) {
        if (instance.id() == instanceId)
            return &instance;
    }
    return nullptr;
}

const SandboxInventory::Instance* SandboxInventory::find(const QString& instanceId,
                                                         const QString& datastoreType) const
{
    const Instance* instance = find(instanceId);
    return instance && instance->datastoreType == datastoreType ? instance : nullptr;
}

QJsonArray SandboxInventory::allProjects() const
{
    QJsonArray out = m_projects;
    const bool listed = std::any_of(out.cbegin(), out.cend(), [this](const QJsonValue& p) {
        return p.toObject().value(QLatin1String("id")).toString() == m_projectId;
    });
    if (!listed)
        out.prepend(projectsNamed(QStringLiteral("cn-north-4")).first());
    return out;
}

QJsonArray SandboxInventory::projectsNamed(const QString& name) const
{
    QJsonArray out;
    for (const QJsonValue& project : m_projects) {
        if (project.toObject().value(QLatin1String("name")).toString() == name)
            out.append(project);
    }
    if (out.isEmpty() && EndpointResolver::isKnownRegion(name)) {
        out.append(QJsonObject{{QStringLiteral("id"), m_projectId},
                               {QStringLiteral("name"), name},
                               {QStringLiteral("domain_id"), m_domainId},
                               {QStringLiteral("enabled"), true}});
    }
    return out;
}

} // namespace das
