#pragma once

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace das {

// What the sandbox's read calls answer from: the instances of one project, their nodes and database names,
// and the IAM projects beyond the one the inventory belongs to. Kept in the API's own shapes (the
// ListCloudDbaInstances item, the ListInstanceNodesInfo node), so that an answer is a copy and the file
// format (--inventory) needs no second vocabulary.
class SandboxInventory
{
    Q_DECLARE_TR_FUNCTIONS(das::SandboxInventory)

public:
    struct Instance
    {
        QString datastoreType; // one of datastoreTypes(), as the API spells it
        QJsonObject item;      // exactly the ListCloudDbaInstances item fields
        QJsonArray nodes;      // {id, name, role, status, type} each
        QStringList databases;

        QString id() const { return item.value(QLatin1String("instance_id")).toString(); }
        QString name() const { return item.value(QLatin1String("instance_name")).toString(); }
    };

    // A file larger than this is refused before it is parsed (the built-in inventory is about 300 KiB).
    static constexpr qint64 MaxFileBytes = 8 * 1024 * 1024;
    static constexpr int MaxInstances = 10000;
    static constexpr int MaxNodes = 64; // RequestValidator::MaxNodeIds: a create can name them all
    static constexpr int MaxDatabases = 1000;
    static constexpr int BuiltInCount = 300;
    // The IAM project name that gives several matches in the built-in inventory.
    static constexpr const char* MultiProjectName = "sandbox-multi-project";
    static constexpr const char* SecondProjectId = "6a2f5e0d1c8b4a7f9e3d2c1b0a9f8e7d";
    static constexpr const char* DemoDomainId = "8f1e2d3c4b5a69788796a5b4c3d2e1f0";

    // The eight values of datastore_type, as the ListCloudDbaInstances page spells them.
    static const QStringList& datastoreTypes();

    // The deterministic built-in inventory of the demo project (BuiltInCount instances, the demo instance
    // first); the same on every call and every machine.
    static const SandboxInventory& builtIn();

    // An inventory from the JSON of `path` (see toJson for the format), or nothing with `error` saying what
    // is wrong and where.
    static std::optional<SandboxInventory> fromFile(const QString& path, QString* error);
    static std::optional<SandboxInventory> fromJson(const QByteArray& json, QString* error);
    QByteArray toJson() const;

    const QString& projectId() const { return m_projectId; }
    const QList<Instance>& instances() const { return m_instances; }
    QStringList instanceIds() const;
    // Every project ID the inventory names: its own and those of its extra IAM projects.
    QStringList projectIds() const;

    // The instance with this ID and datastore type, or null.
    const Instance* find(const QString& instanceId, const QString& datastoreType) const;
    const Instance* find(const QString& instanceId) const;

    // The IAM projects called `name`: the extra ones of that name if there are any, else the inventory's own
    // project for any region the client knows (EndpointResolver), else none.
    QJsonArray projectsNamed(const QString& name) const;
    // Every project: the inventory's own (under the default region's name) and the listed ones.
    QJsonArray allProjects() const;

private:
    bool readInstance(const QJsonValue& value, int index, QString* error);

    QString m_projectId;
    QString m_domainId;
    QJsonArray m_projects; // extra IAM projects: {id, name, domain_id, enabled}
    QList<Instance> m_instances;
};

} // namespace das
