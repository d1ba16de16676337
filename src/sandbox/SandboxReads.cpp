// The read calls of the sandbox: the instance, node and database-name lists of DAS and the IAM project
// lookup, answered from SandboxOptions::inventory in the API's shapes. They come after the same gateway steps
// as create (throttle, authentication); query parameters are checked like the API checks them.
#include "SandboxServer.h"

#include "SandboxQuery.h"

#include <QJsonDocument>
#include <QUrlQuery>

namespace das {

namespace {

using sandbox::boundedNumber;
using sandbox::engineMatches;
using sandbox::parseQuery;

QByteArray compact(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// wrongtype for a read: every list and number at the top level becomes a string, the shape a careless
// client would take for the real thing.
QByteArray wrongTypes(const QByteArray& body)
{
    QJsonObject object = QJsonDocument::fromJson(body).object();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.value().isArray())
            it.value() = QStringLiteral("[%1 items]").arg(it.value().toArray().size());
        else if (it.value().isDouble())
            it.value() = QString::number(it.value().toDouble());
    }
    return compact(object);
}

} // namespace

SandboxServer::ReadRoute SandboxServer::readRouteOf(const QList<QByteArray>& parts)
{
    if (parts.size() < 3 || !parts.at(0).isEmpty() || parts.at(1) != "v3")
        return ReadRoute::None;
    if (parts.size() == 3 && parts.at(2) == "projects")
        return ReadRoute::Projects;
    if (parts.size() == 4 && parts.at(3) == "instances")
        return ReadRoute::Instances;
    if (parts.size() == 4 && parts.at(3) == "list-connections")
        return ReadRoute::Connections;
    if (parts.size() == 5 && parts.at(3) == "instance" && parts.at(4) == "nodes-info")
        return ReadRoute::Nodes;
    if (parts.size() == 7 && parts.at(3) == "instances" && parts.at(5) == "databases" &&
        parts.at(6) == "get-name-list")
        return ReadRoute::Databases;
    return ReadRoute::None;
}

SandboxServer::Answer SandboxServer::readCall(const HttpRequest& request, ReadRoute route,
                                              const QList<QByteArray>& parts, const QByteArray& requestId)
{
    const std::optional<Query> query = parseQuery(request.query);
    if (!query) {
        return error(400, QStringLiteral("DAS.200100"),
                     QStringLiteral("Invalid parameter: a query parameter is repeated."), requestId);
    }
    if (route == ReadRoute::Projects)
        return readFault(listProjects(*query, requestId), requestId);
    if (const std::optional<Answer> refused =
            checkProject(request, QString::fromLatin1(parts.at(2)), requestId))
        return *refused;
    Answer answer;
    if (route == ReadRoute::Instances)
        answer = listInstances(*query, requestId);
    else if (route == ReadRoute::Nodes)
        answer = listNodes(*query, requestId);
    else if (route == ReadRoute::Connections)
        answer = listConnections(*query, requestId);
    else
        answer = listDatabases(*query, QString::fromLatin1(parts.at(4)), requestId);
    return readFault(answer, requestId);
}

// Missing or misspelled datastore_type: the API's 400 for a bad parameter, naming the values it takes.
std::optional<SandboxServer::Answer> SandboxServer::checkDatastoreType(const QString& value,
                                                                       const QByteArray& requestId)
{
    if (SandboxInventory::datastoreTypes().contains(value))
        return std::nullopt;
    return error(400, QStringLiteral("DAS.200100"),
                 QStringLiteral("Invalid parameter. datastore_type must be one of: %1.")
                     .arg(SandboxInventory::datastoreTypes().join(QStringLiteral(", "))),
                 requestId);
}

SandboxServer::Answer SandboxServer::listInstances(const Query& query, const QByteArray& requestId) const
{
    const QString type = query.value(QStringLiteral("datastore_type"));
    if (const std::optional<Answer> refused = checkDatastoreType(type, requestId))
        return *refused;
    const std::optional<int> offset = boundedNumber(query, QStringLiteral("offset"), 0, 0, 5000);
    const std::optional<int> limit = boundedNumber(query, QStringLiteral("limit"), 20, 1, 200);
    if (!offset || !limit) {
        return error(400, QStringLiteral("DAS.200100"),
                     QStringLiteral("Invalid parameter. offset must be 0-5000 and limit 1-200."), requestId);
    }
    QJsonArray page;
    int total = 0;
    for (const SandboxInventory::Instance& instance : m_options.inventory.instances()) {
        if (instance.datastoreType != type)
            continue;
        if (total >= *offset && total < *offset + *limit)
            page.append(instance.item);
        ++total;
    }
    Answer a;
    a.body =
        compact(QJsonObject{{QStringLiteral("instance_list"), page}, {QStringLiteral("total_count"), total}});
    return a;
}

SandboxServer::Answer SandboxServer::listNodes(const Query& query, const QByteArray& requestId) const
{
    const QString type = query.value(QStringLiteral("datastore_type"));
    if (const std::optional<Answer> refused = checkDatastoreType(type, requestId))
        return *refused;
    const SandboxInventory::Instance* instance =
        m_options.inventory.find(query.value(QStringLiteral("instance_id")), type);
    if (!instance)
        return error(400, QStringLiteral("DAS.200114"), QStringLiteral("Invalid instance ID."), requestId);
    Answer a;
    a.body = compact(QJsonObject{{QStringLiteral("instance_id"), instance->id()},
                                 {QStringLiteral("instance_name"), instance->name()},
                                 {QStringLiteral("instance_nodes"), instance->nodes}});
    return a;
}

SandboxServer::Answer SandboxServer::listDatabases(const Query& query, const QString& instanceId,
                                                   const QByteArray& requestId) const
{
    const QString engine = query.value(QStringLiteral("engine_type"));
    const QStringList& types = SandboxInventory::datastoreTypes();
    if (std::none_of(types.begin(), types.end(),
                     [&](const QString& t) { return engineMatches(engine, t); })) {
        return error(400, QStringLiteral("DAS.200100"),
                     QStringLiteral("Invalid parameter. engine_type must name one of: %1.")
                         .arg(types.join(QStringLiteral(", "))),
                     requestId);
    }
    const SandboxInventory::Instance* instance = m_options.inventory.find(instanceId);
    if (!instance || !engineMatches(engine, instance->datastoreType))
        return error(400, QStringLiteral("DAS.200114"), QStringLiteral("Invalid instance ID."), requestId);
    Answer a;
    a.body = compact(QJsonObject{{QStringLiteral("data"), QJsonArray::fromStringList(instance->databases)},
                                 {QStringLiteral("total"), instance->databases.size()}});
    return a;
}

SandboxServer::Answer SandboxServer::listProjects(const Query& query, const QByteArray& requestId) const
{
    // Like IAM: with a name, the projects of that name; without one, every project of the account.
    Q_UNUSED(requestId)
    const QString name = query.value(QStringLiteral("name"));
    Answer a;
    a.body = compact(
        QJsonObject{{QStringLiteral("projects"), name.isEmpty() ? m_options.inventory.allProjects()
                                                                : m_options.inventory.projectsNamed(name)}});
    return a;
}

// A read's answer as the fault mode changes it. Errors stay errors; the modes that spoil a success body
// spoil the real one (cut in half, lists and numbers turned into strings, 2 MiB of trailing blanks that
// leave it valid JSON, so only a size cap stops it); the others answer as they do for create.
SandboxServer::Answer SandboxServer::readFault(Answer answer, const QByteArray& requestId) const
{
    using Mode = SandboxOptions::Mode;
    if (answer.status != 200)
        return answer;
    switch (m_options.mode) {
    case Mode::Truncated:
        answer.body.truncate(answer.body.size() / 2);
        answer.errorCode = QStringLiteral("truncated");
        return answer;
    case Mode::WrongType:
        answer.body = wrongTypes(answer.body);
        answer.errorCode = QStringLiteral("wrongtype");
        return answer;
    case Mode::Large:
        answer.body += QByteArray(2 * 1024 * 1024, ' ');
        answer.errorCode = QStringLiteral("large");
        return answer;
    default:
        break;
    }
    const std::optional<Answer> fault = faultAnswer(requestId);
    return fault ? *fault : answer;
}

} // namespace das
