// The connections the sandbox keeps, and the two calls over them: ListConnections (routed as a read call,
// SandboxReads.cpp) and BatchDeleteConnectionNew (routed from SandboxDas.cpp after authentication).
#include "SandboxConnections.h"

#include "ConnectionRequest.h"
#include "SandboxLog.h"
#include "SandboxQuery.h"
#include "SandboxServer.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSet>

namespace das {

namespace {

// A batch names at most this many connections; a longer list is refused before it is looked at.
constexpr int MaxDeleteIds = 1000;
// A state file larger than this is refused unread (10,000 connections take about 6 MiB).
constexpr qint64 MaxStateBytes = 32 * 1024 * 1024;

// What is kept of a connection, with ListConnections' field names (`user_name`, not the create body's
// `username`).
QJsonObject fieldsOf(const SandboxConnections::Connection& c)
{
    return QJsonObject{
        {QStringLiteral("connection_id"), c.connectionId},
        {QStringLiteral("instance_id"), c.instanceId},
        {QStringLiteral("instance_name"), c.instanceName},
        {QStringLiteral("network_type"), c.networkType},
        {QStringLiteral("engine_type"), c.engineType},
        {QStringLiteral("datastore_version"), c.datastoreVersion},
        {QStringLiteral("user_name"), c.userName},
        {QStringLiteral("database_name"), c.databaseName},
        {QStringLiteral("is_save_password"), c.isSavePassword},
        {QStringLiteral("ip_address"), c.ipAddress},
        {QStringLiteral("port"), c.port.toInt()}, // a number, as the SDK model has it
        {QStringLiteral("remarks"), c.remarks},
        {QStringLiteral("create_at"), c.createAt},
    };
}

// ListConnections' item. The shared_* fields and expired_time describe connections shared with the caller
// (SHARE); the sandbox has none, so they are left out.
QJsonObject itemOf(const SandboxConnections::Connection& c, bool instanceListed)
{
    QJsonObject item = fieldsOf(c);
    item.insert(QStringLiteral("status"),
                instanceListed ? QStringLiteral("NORMAL") : QStringLiteral("INSTANCE_DELETE"));
    item.insert(QStringLiteral("conn_share_type"), QStringLiteral("NORMAL"));
    return item;
}

// One entry of a state file; nothing when a field is missing or of the wrong type.
std::optional<SandboxConnections::Connection> connectionOf(const QJsonValue& value)
{
    const QJsonObject o = value.toObject();
    SandboxConnections::Connection c;
    const std::pair<const char*, QString*> strings[] = {
        {"connection_id", &c.connectionId}, {"instance_id", &c.instanceId},
        {"instance_name", &c.instanceName}, {"network_type", &c.networkType},
        {"engine_type", &c.engineType},     {"datastore_version", &c.datastoreVersion},
        {"user_name", &c.userName},         {"database_name", &c.databaseName},
        {"ip_address", &c.ipAddress},       {"remarks", &c.remarks},
    };
    for (const auto& [name, field] : strings) {
        const QJsonValue v = o.value(QLatin1String(name));
        if (!v.isString())
            return std::nullopt;
        *field = v.toString();
    }
    const QJsonValue port = o.value(QLatin1String("port"));
    if (port.isDouble())
        c.port = QString::number(port.toInt());
    else if (port.isString()) // state files of the first sandbox with connections
        c.port = port.toString();
    else
        return std::nullopt;
    const QJsonValue save = o.value(QLatin1String("is_save_password"));
    const QJsonValue createAt = o.value(QLatin1String("create_at"));
    if (c.connectionId.isEmpty() || !save.isBool() || !createAt.isDouble())
        return std::nullopt;
    c.isSavePassword = save.toBool();
    c.createAt = qint64(createAt.toDouble());
    return c;
}

// The keyword of `condition`: address, instance name, remarks and user name, case-insensitively.
bool matchesCondition(const SandboxConnections::Connection& c, const QString& condition)
{
    if (condition.isEmpty())
        return true;
    for (const QString* field : {&c.ipAddress, &c.instanceName, &c.remarks, &c.userName}) {
        if (field->contains(condition, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

// The IDs of a delete body: the SDK's [{"connection_id": "..."}] or Terraform's ["..."]; nothing when the
// list is missing, empty, too long or holds anything else.
std::optional<QStringList> idsOf(const QJsonValue& value)
{
    if (!value.isArray() || value.toArray().isEmpty() || value.toArray().size() > MaxDeleteIds)
        return std::nullopt;
    QStringList ids;
    for (const QJsonValue& entry : value.toArray()) {
        const QJsonValue id =
            entry.isObject() ? entry.toObject().value(QLatin1String("connection_id")) : entry;
        if (!id.isString() || id.toString().isEmpty())
            return std::nullopt;
        ids.append(id.toString());
    }
    return ids;
}

// Atomic (QSaveFile) and owner-only: the file is created empty with mode 0600 first, and QSaveFile keeps the
// permissions of the file it replaces. A failure is logged; the connections stay in memory. Runs on the
// writer thread: it touches nothing but its arguments.
void writeStateFile(const QString& path, const SandboxConnections& connections)
{
    const QFileDevice::Permissions ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    if (!QFileInfo::exists(path)) {
        QFile create(path);
        if (create.open(QIODevice::WriteOnly | QIODevice::NewOnly))
            create.setPermissions(ownerOnly);
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(connections.toJson()) < 0 || !file.commit() ||
        !QFile::setPermissions(path, ownerOnly))
        qCWarning(lcSandbox) << "cannot write the state file:" << file.errorString();
}

} // namespace

// A full store drops its oldest entry for every add: QList then frees room at its front and, once the room at
// the front is large enough, slides the entries back instead of reallocating - but only when the capacity is
// more than 3/2 of the size. Without this reserve the list grows once more after the store is full (10,000
// connections: from 4 to 8 MiB, seen as RSS still rising well after warm-up in bench_sandbox); with it the
// capacity never changes once the store is full.
qsizetype SandboxConnections::boundedCapacity(int maxKept)
{
    return qsizetype(qMax(1, maxKept)) * 3 / 2 + 2;
}

SandboxConnections::SandboxConnections(int maxKept)
    : m_maxKept(qMax(1, maxKept))
{}

void SandboxConnections::add(const Connection& connection)
{
    m_connections.append(connection);
    // Reserved when the store first fills, not up front: the window's embedded sandbox starts with the
    // window, and a few demo creates should not cost megabytes.
    if (m_connections.size() == m_maxKept)
        m_connections.reserve(boundedCapacity(m_maxKept));
    while (m_connections.size() > m_maxKept)
        m_connections.removeFirst();
}

bool SandboxConnections::contains(const QString& connectionId) const
{
    return std::any_of(m_connections.begin(), m_connections.end(),
                       [&](const Connection& c) { return c.connectionId == connectionId; });
}

bool SandboxConnections::removeAll(const QStringList& connectionIds)
{
    for (const QString& id : connectionIds) {
        if (!contains(id))
            return false;
    }
    const QSet<QString> doomed(connectionIds.begin(), connectionIds.end());
    m_connections.removeIf([&](const Connection& c) { return doomed.contains(c.connectionId); });
    return true;
}

QByteArray SandboxConnections::toJson() const
{
    QJsonArray list;
    for (const Connection& c : m_connections)
        list.append(fieldsOf(c));
    return QJsonDocument(QJsonObject{{QStringLiteral("connections"), list}}).toJson(QJsonDocument::Indented);
}

std::optional<SandboxConnections> SandboxConnections::fromJson(const QByteArray& json, int maxKept,
                                                               QString* error)
{
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    const QJsonValue list = doc.object().value(QLatin1String("connections"));
    if (parseError.error != QJsonParseError::NoError || !list.isArray()) {
        *error = QStringLiteral("not a JSON object with a \"connections\" list");
        return std::nullopt;
    }
    SandboxConnections out(maxKept);
    const QJsonArray entries = list.toArray();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const std::optional<Connection> c = connectionOf(entries.at(i));
        if (!c || out.contains(c->connectionId)) {
            *error = QStringLiteral("entry %1 is not a valid connection or is repeated").arg(i + 1);
            return std::nullopt;
        }
        out.add(*c);
    }
    return out;
}

void SandboxServer::keepConnection(const ConnectionRequest& body, const QString& connectionId)
{
    SandboxConnections::Connection c;
    c.connectionId = connectionId;
    c.instanceId = body.instanceId;
    if (const SandboxInventory::Instance* instance = m_options.inventory.find(body.instanceId)) {
        c.instanceName = instance->name();
        c.datastoreVersion = instance->item.value(QLatin1String("version")).toString();
        c.ipAddress = instance->item.value(QLatin1String("ip")).toString();
    }
    c.networkType = body.networkType;
    c.engineType = body.engineType;
    c.userName = body.username;
    c.databaseName = body.databaseName;
    c.isSavePassword = body.isSavePassword;
    c.port = body.port;
    c.remarks = body.remarks;
    c.createAt = QDateTime::currentMSecsSinceEpoch();
    m_connections.add(c);
    saveState();
}

bool SandboxServer::loadState(QString* error)
{
    const QString& path = m_options.stateFile;
    if (path.isEmpty() || !QFileInfo::exists(path))
        return true;
    QFile file(path);
    QString problem;
    if (file.size() > MaxStateBytes)
        problem = QStringLiteral("larger than %1 bytes").arg(MaxStateBytes);
    else if (!file.open(QIODevice::ReadOnly))
        problem = file.errorString();
    std::optional<SandboxConnections> loaded;
    if (problem.isEmpty())
        loaded = SandboxConnections::fromJson(file.readAll(), m_options.maxIssuedIds, &problem);
    if (!loaded) {
        if (error)
            *error = tr("Cannot load the state file %1: %2.").arg(path, problem);
        return false;
    }
    m_connections = *loaded;
    return true;
}

// Rewriting the whole file (10,000 connections are about 6 MiB) and syncing it on every create held a busy
// sandbox to 30-60 creates/s with second-long answers (bench_sandbox --state). So the file is written at most
// once per StateWriteIntervalMs: the first change after a quiet interval at once, the changes that follow
// within it together when it ends, and what is still pending when the server is destroyed. A sandbox killed
// outright (SIGKILL, a crash) may lose the changes of its last quarter-second.
void SandboxServer::saveState()
{
    if (m_options.stateFile.isEmpty())
        return;
    m_stateDirty = true;
    if (m_stateTimer.isActive())
        return;
    const qint64 since = m_lastStateWrite.isValid() ? m_lastStateWrite.elapsed() : StateWriteIntervalMs;
    if (since >= StateWriteIntervalMs)
        writeState();
    else
        m_stateTimer.start(int(StateWriteIntervalMs - since));
}

// A snapshot of the connections (shared with the server's list until its next change) is written on the
// writer thread, so that serialising and syncing megabytes never holds up an answer. One write at a time:
// while one is still running, the next waits for another interval.
void SandboxServer::writeState()
{
    if (m_stateWriting.load()) {
        m_stateTimer.start(StateWriteIntervalMs);
        return;
    }
    m_stateDirty = false;
    m_lastStateWrite.start();
    ++m_stateWrites;
    m_stateWriting.store(true);
    const QString path = m_options.stateFile;
    const SandboxConnections snapshot = m_connections;
    m_stateWriter.start([this, path, snapshot] {
        writeStateFile(path, snapshot);
        m_stateWriting.store(false);
    });
}

SandboxServer::Answer SandboxServer::listConnections(const Query& query, const QByteArray& requestId) const
{
    const std::optional<int> offset = sandbox::boundedNumber(query, QStringLiteral("offset"), 0, 0, 999999);
    const std::optional<int> limit = sandbox::boundedNumber(query, QStringLiteral("limit"), 100, 1, 200);
    const QString type = query.value(QStringLiteral("connection_type"), QStringLiteral("NORMAL"));
    if (!offset || !limit || (type != QLatin1String("NORMAL") && type != QLatin1String("SHARE"))) {
        return error(400, QStringLiteral("DAS.200100"),
                     QStringLiteral("Invalid parameter. offset must be 0 or more, limit 1-200 and "
                                    "connection_type NORMAL or SHARE."),
                     requestId);
    }
    const QString condition = query.value(QStringLiteral("condition"));
    const QString instanceId = query.value(QStringLiteral("instance_id"));
    const QString networkType = query.value(QStringLiteral("network_type"));
    const QString datastoreType = query.value(QStringLiteral("datastore_type"));
    QJsonArray page;
    int total = 0;
    const QList<SandboxConnections::Connection>& all = m_connections.all();
    // Newest first; nothing is shared with the sandbox's caller, so SHARE lists nothing.
    for (auto it = all.rbegin(); type == QLatin1String("NORMAL") && it != all.rend(); ++it) {
        if ((!instanceId.isEmpty() && it->instanceId != instanceId) ||
            (!networkType.isEmpty() && it->networkType.compare(networkType, Qt::CaseInsensitive) != 0) ||
            (!datastoreType.isEmpty() && !sandbox::engineMatches(it->engineType, datastoreType)) ||
            !matchesCondition(*it, condition))
            continue;
        if (total >= *offset && total < *offset + *limit)
            page.append(itemOf(*it, m_options.inventory.find(it->instanceId) != nullptr));
        ++total;
    }
    Answer a;
    a.body = QJsonDocument(QJsonObject{{QStringLiteral("total_record"), total},
                                       {QStringLiteral("das_conn_info_list"), page}})
                 .toJson(QJsonDocument::Compact);
    return a;
}

// All or nothing: one unknown ID refuses the batch. Error messages never repeat what the body held.
SandboxServer::Answer SandboxServer::deleteConnections(const HttpRequest& request, const QString& projectId,
                                                       const QByteArray& requestId)
{
    if (const std::optional<Answer> refused = checkProject(request, projectId, requestId))
        return *refused;
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        return error(400, QStringLiteral("DAS.200100"),
                     QStringLiteral("Invalid parameter: the body is not a JSON object."), requestId);
    }
    const QJsonObject body = doc.object();
    const QJsonValue deleteAll = body.value(QLatin1String("delete_all"));
    if (!deleteAll.isUndefined() && (!deleteAll.isBool() || deleteAll.toBool())) {
        return error(400, QStringLiteral("DAS.200100"),
                     QStringLiteral("Invalid parameter: delete_all must be false; the sandbox refuses to "
                                    "delete every connection."),
                     requestId);
    }
    const std::optional<QStringList> ids = idsOf(body.value(QLatin1String("connection_ids")));
    if (!ids) {
        return error(400, QStringLiteral("DAS.200100"),
                     QStringLiteral("Invalid parameter: connection_ids must list 1-%1 connection IDs.")
                         .arg(MaxDeleteIds),
                     requestId);
    }
    if (const std::optional<Answer> fault = faultAnswer(requestId))
        return *fault;
    if (!m_connections.removeAll(*ids)) {
        return error(400, QStringLiteral("DAS.200100"),
                     QStringLiteral("Invalid parameter: a connection to delete does not exist."), requestId);
    }
    saveState();
    Answer a;
    a.body = QJsonDocument(QJsonObject{{QStringLiteral("status"), true}}).toJson(QJsonDocument::Compact);
    return a;
}

} // namespace das
