#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace das {

// A project of the IAM answer {"projects": [{"id", "name", "domain_id", "enabled"}]}.
struct ProjectInfo
{
    QString id;
    QString name;
    QString domainId;
    bool enabled = true;

    QJsonObject toJson() const; // the API's field names
};

// An item of ListCloudDbaInstances. `engineType` is our create-connection enum value, mapped from the
// datastore type that was queried (empty for MariaDB, which create-connection does not take);
// `status` is the API's instance_status.
struct InstanceInfo
{
    QString instanceId;
    QString instanceName;
    QString engineType;
    QString datastoreType;
    QString status;
    QString ip;
    int port = 0;
    QString version;

    QJsonObject toJson() const; // instance_id, instance_name, engine_type, datastore_type, status, ip, port…
};

// An item of ListInstanceNodesInfo's instance_nodes.
struct NodeInfo
{
    QString id;
    QString name;
    QString role;
    QString status;
    QString type;

    QJsonObject toJson() const;
};

// The datastore types of ListCloudDbaInstances (as the API page spells them) and our engine enum.
class Datastore
{
public:
    static QStringList allTypes(); // MySQL, SQLServer, PostgreSQL, TaurusDB, gaussdbv5, mongodb, DDM, MariaDB
    static QString engineFor(const QString& datastoreType); // empty for MariaDB and unknown types
    static QString typeFor(const QString& engineType);      // empty for an unknown engine
};

// Reads the answers of the read calls. Every string is cleaned with ServerText; a field of the wrong type
// makes the whole answer unreadable (false with `error`), nothing is guessed.
class DiscoveryParser
{
    Q_DECLARE_TR_FUNCTIONS(das::DiscoveryParser)

public:
    static bool projects(const QJsonObject& answer, QList<ProjectInfo>* out, QString* error);
    static bool instancePage(const QJsonObject& answer, const QString& datastoreType,
                             QList<InstanceInfo>* out, int* totalCount, QString* error);
    static bool nodes(const QJsonObject& answer, QString* instanceName, QList<NodeInfo>* out, QString* error);
    static bool databaseNames(const QJsonObject& answer, QStringList* out, QString* error);
};

} // namespace das
