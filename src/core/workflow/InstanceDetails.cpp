#include "InstanceDetails.h"

namespace das {

namespace {

// The problem with a target's instance and engine, or an empty string.
QString targetProblem(const InstanceTarget& target)
{
    if (target.instanceId.trimmed().isEmpty())
        return NodeList::tr("An instance ID is needed.");
    if (Datastore::typeFor(target.engineType.trimmed()).isEmpty())
        return NodeList::tr("Unknown engine type \u201c%1\u201d: use mysql, sqlserver, postgresql, taurus, "
                            "gaussdbv5, mongodb or ddm.")
            .arg(target.engineType);
    return QString();
}

} // namespace

NodeList::NodeList(const Services& services, QObject* parent)
    : ReadWorkflow(services, parent)
{}

bool NodeList::start(const InstanceTarget& target)
{
    if (isRunning())
        return false;
    m_outcome = Outcome();
    ApiRequest read;
    read.pathSegments = {QStringLiteral("v3"), target.projectId, QStringLiteral("instance"),
                         QStringLiteral("nodes-info")};
    read.query = {{QStringLiteral("instance_id"), target.instanceId.trimmed()},
                  {QStringLiteral("datastore_type"), Datastore::typeFor(target.engineType.trimmed())}};
    read.projectId = target.projectId;
    return beginSingleRead(target.credentials, targetProblem(target), target.endpoint, read,
                           tr("a list of nodes"), [this](const QJsonObject& answer, QString* error) {
                               return DiscoveryParser::nodes(answer, &m_outcome.instanceName,
                                                             &m_outcome.nodes, error);
                           });
}

void NodeList::ended(const ReadStatus& status)
{
    static_cast<ReadStatus&>(m_outcome) = status;
    if (!status.ok)
        m_outcome.nodes.clear();
    emit finished(m_outcome);
}

DatabaseNameList::DatabaseNameList(const Services& services, QObject* parent)
    : ReadWorkflow(services, parent)
{}

bool DatabaseNameList::start(const InstanceTarget& target)
{
    if (isRunning())
        return false;
    m_outcome = Outcome();
    ApiRequest read;
    read.pathSegments = {QStringLiteral("v3"),        target.projectId,
                         QStringLiteral("instances"), target.instanceId.trimmed(),
                         QStringLiteral("databases"), QStringLiteral("get-name-list")};
    // ListDbNames takes our create-connection engine value (mysql, …), not the datastore spelling.
    read.query = {{QStringLiteral("engine_type"), target.engineType.trimmed()}};
    read.projectId = target.projectId;
    return beginSingleRead(target.credentials, targetProblem(target), target.endpoint, read,
                           tr("a list of database names"), [this](const QJsonObject& answer, QString* error) {
                               return DiscoveryParser::databaseNames(answer, &m_outcome.names, error);
                           });
}

void DatabaseNameList::ended(const ReadStatus& status)
{
    static_cast<ReadStatus&>(m_outcome) = status;
    if (!status.ok)
        m_outcome.names.clear();
    emit finished(m_outcome);
}

} // namespace das
