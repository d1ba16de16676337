#include "BatchPlanner.h"

#include "InstanceCatalog.h"
#include "InstanceDetails.h"
#include "RequestValidator.h"
#include "ServerText.h"
#include "WorkflowLog.h"

#include <QSet>

namespace das {

namespace {

const QLatin1String Resolve("resolve");
constexpr int MaxNamesShown = 5;       // candidates or nodes listed in one message
constexpr int MaxShownNameChars = 128; // names come from the file: untrusted text in a message

QString shown(const QString& name)
{
    return ServerText::clean(name, MaxShownNameChars);
}

// "a, b, c, …": a few names, so one message stays readable whatever DAS holds.
QString someOf(const QStringList& names)
{
    QStringList list;
    for (const QString& name : names.mid(0, MaxNamesShown))
        list.append(shown(name));
    if (names.size() > MaxNamesShown)
        list.append(QStringLiteral("\u2026"));
    return list.join(QStringLiteral(", "));
}

void addResolve(BatchRowPlan* row, const char* column, const QString& message)
{
    row->violations.append({QString::fromLatin1(column), Resolve, message});
}

bool usableProject(const QString& id)
{
    return RequestValidator::validateProjectId(id).isEmpty();
}

QString keyOf(const QString& instance, const QString& user, const QString& database)
{
    return instance + QLatin1Char('/') + QString::number(user.size()) + QLatin1Char('/') + user + database;
}

// The rows that still need the instance list, by project, in file order.
QStringList projectsToResolve(const QList<BatchRowPlan>& rows)
{
    QStringList projects;
    for (const BatchRowPlan& row : rows) {
        const QString& project = row.request.projectId;
        if (row.needsInstance && usableProject(project) && !projects.contains(project))
            projects.append(project);
    }
    return projects;
}

// The instances whose node names need their node list.
QStringList instancesWithNodeNames(const QList<BatchRowPlan>& rows)
{
    QStringList ids;
    QSet<QString> seen;
    for (const BatchRowPlan& row : rows) {
        const ConnectionRequest& r = row.request;
        if (row.nodeNames.isEmpty() || row.needsInstance || !usableProject(r.projectId) ||
            !RequestValidator::validateInstanceId(r.instanceId).isEmpty() ||
            Datastore::typeFor(r.engineType).isEmpty() || seen.contains(r.instanceId))
            continue;
        seen.insert(r.instanceId);
        ids.append(r.instanceId);
    }
    return ids;
}

// The projects with rows that may be sent: their connections on DAS decide create or skip.
QStringList projectsToList(const QList<BatchRowPlan>& rows)
{
    QStringList projects;
    for (const BatchRowPlan& row : rows) {
        if (row.action == BatchRowPlan::Action::Create && !projects.contains(row.request.projectId))
            projects.append(row.request.projectId);
    }
    return projects;
}

// Rows whose key DAS already holds become Skip with that connection's ID.
void markExisting(QList<BatchRowPlan>* rows, const QString& project, const QList<ConnectionInfo>& onDas)
{
    QHash<QString, QString> ids;
    for (const ConnectionInfo& c : onDas) {
        const QString key = keyOf(c.instanceId, c.userName, c.databaseName);
        if (!ids.contains(key))
            ids.insert(key, c.connectionId);
    }
    for (BatchRowPlan& row : *rows) {
        const ConnectionRequest& r = row.request;
        const auto it = ids.constFind(keyOf(r.instanceId, r.username, r.databaseName));
        if (row.action == BatchRowPlan::Action::Create && r.projectId == project && it != ids.constEnd()) {
            row.action = BatchRowPlan::Action::Skip;
            row.existingId = *it;
        }
    }
}

// An instance its rows name by ID or by name, or a violation saying why there is none (or several).
const InstanceInfo* findInstance(BatchRowPlan* row, const QList<InstanceInfo>& instances,
                                 const QHash<QString, QList<int>>& byName, const QHash<QString, int>& byId)
{
    const QString id = row->request.instanceId;
    const QString name = row->source.value("instance_name");
    const QString& project = row->request.projectId;
    if (!id.isEmpty()) {
        const auto it = byId.constFind(id);
        if (it == byId.constEnd()) {
            addResolve(row, "instance_id",
                       BatchPlanner::tr("DAS lists no instance with ID %1 in project %2.").arg(id, project));
            return nullptr;
        }
        const InstanceInfo& info = instances.at(*it);
        if (!name.isEmpty() && info.instanceName != name) {
            addResolve(row, "instance_name",
                       BatchPlanner::tr("Instance %1 is named \u201c%2\u201d, not \u201c%3\u201d.")
                           .arg(id, info.instanceName, shown(name)));
            return nullptr;
        }
        return &info;
    }
    const QList<int> matches = byName.value(name);
    if (matches.isEmpty()) {
        addResolve(row, "instance_name",
                   BatchPlanner::tr("DAS lists no instance named \u201c%1\u201d in project %2.")
                       .arg(shown(name), project));
        return nullptr;
    }
    if (matches.size() > 1) {
        QStringList candidates;
        for (const int index : matches)
            candidates.append(QStringLiteral("%1 (%2)").arg(instances.at(index).instanceId,
                                                            instances.at(index).datastoreType));
        addResolve(row, "instance_name",
                   BatchPlanner::tr("%1 instances are named \u201c%2\u201d: %3. Give instance_id instead.")
                       .arg(matches.size())
                       .arg(shown(name), someOf(candidates)));
        return nullptr;
    }
    return &instances.at(matches.constFirst());
}

} // namespace

BatchPlanner::BatchPlanner(const Services& services, QObject* parent)
    : ConnectionReader(services, parent)
    , m_services(services)
{}

bool BatchPlanner::start(const Request& request)
{
    if (isRunning())
        return false;
    m_request = request;
    m_outcome = Outcome();
    m_loaded = CredentialChoice();
    m_projects.clear();
    m_nodeInstances.clear();
    BatchPlan& plan = m_outcome.plan;
    plan.fileProblems = request.content.problems;
    // Edited rows are read again from their cells: an edit may change what has to be looked up.
    for (const BatchRowPlan& edited : request.rows) {
        plan.rows.append(BatchRowReader::read(edited.source, request.defaultProjectId));
        plan.rows.last().excluded = edited.excluded;
    }
    if (request.rows.isEmpty()) {
        for (const BatchRecord& record : request.content.records)
            plan.rows.append(BatchRowReader::read(record, request.defaultProjectId));
    }
    // A file that cannot be applied is not worth a keychain prompt or a call: its rows are checked here only.
    const bool local = !plan.usable() || plan.rows.isEmpty();
    CredentialChoice choice = request.credentials;
    if (local) {
        choice = CredentialChoice();
        choice.source = CredentialChoice::Source::Loaded;
    }
    return begin(choice, [this, local] {
        if (local) {
            BatchRowReader::markDuplicatesInFile(&m_outcome.plan.rows);
            finishPlan();
            return;
        }
        // The children are separate workflows: they get the secrets in hand, so the keychain is read once.
        m_loaded = m_request.credentials.withCredentials(credentials());
        m_projects = projectsToResolve(m_outcome.plan.rows);
        resolveInstances(0);
    });
}

void BatchPlanner::resolveInstances(int projectIndex)
{
    if (projectIndex >= m_projects.size()) {
        m_nodeInstances = instancesWithNodeNames(m_outcome.plan.rows);
        resolveNodes(0);
        return;
    }
    emit stage(QStringLiteral("instances"), projectIndex, int(m_projects.size()));
    auto* catalog = new InstanceCatalog(m_services, this);
    m_catalog = catalog;
    connect(catalog, &ReadWorkflow::sending, this, &ReadWorkflow::sending);
    connect(catalog, &InstanceCatalog::finished, this,
            [this, catalog, projectIndex](const InstanceCatalog::Outcome& outcome) {
                catalog->deleteLater();
                if (!isRunning())
                    return;
                if (!outcome.ok) {
                    end(outcome);
                    return;
                }
                applyInstances(m_projects.at(projectIndex), outcome.instances);
                resolveInstances(projectIndex + 1);
            });
    InstanceCatalog::Request read;
    read.endpoint = m_request.endpoint;
    read.projectId = m_projects.at(projectIndex);
    read.credentials = m_loaded;
    read.refresh = true; // a plan says what DAS holds now, not what a picker saw earlier
    catalog->start(read);
}

void BatchPlanner::applyInstances(const QString& projectId, const QList<InstanceInfo>& instances)
{
    QHash<QString, QList<int>> byName;
    QHash<QString, int> byId;
    for (int i = 0; i < instances.size(); ++i) {
        byName[instances.at(i).instanceName].append(i);
        byId.insert(instances.at(i).instanceId, i);
    }
    for (BatchRowPlan& row : m_outcome.plan.rows) {
        ConnectionRequest& r = row.request;
        if (r.projectId != projectId)
            continue;
        if (!row.needsInstance) {
            if (const auto it = byId.constFind(r.instanceId); it != byId.constEnd())
                row.instanceName = instances.at(*it).instanceName; // for display only
            continue;
        }
        if (!r.instanceId.isEmpty() && !RequestValidator::validateInstanceId(r.instanceId).isEmpty())
            continue; // the validator already says what is wrong with it
        const InstanceInfo* info = findInstance(&row, instances, byName, byId);
        if (info && info->engineType.isEmpty()) {
            addResolve(
                &row, row.source.has("instance_id") ? "instance_id" : "instance_name",
                tr("Instance \u201c%1\u201d is a %2 instance: connections cannot be created for that engine.")
                    .arg(info->instanceName, info->datastoreType));
        } else if (info && !r.engineType.isEmpty() &&
                   !RequestValidator::networkTypesFor(r.engineType).isEmpty() &&
                   r.engineType != info->engineType) {
            addResolve(&row, "engine_type",
                       tr("Instance \u201c%1\u201d has engine type %2, not %3.")
                           .arg(info->instanceName, info->engineType, r.engineType));
        } else if (info) {
            r.instanceId = info->instanceId;
            r.engineType = info->engineType;
            if (r.networkType.isEmpty())
                r.networkType = RequestValidator::usualNetworkType(r.engineType);
            row.instanceName = info->instanceName;
            row.needsInstance = false;
        }
        BatchRowReader::validate(&row);
    }
}

void BatchPlanner::resolveNodes(int index)
{
    if (index >= m_nodeInstances.size()) {
        BatchRowReader::markDuplicatesInFile(&m_outcome.plan.rows);
        m_projects = projectsToList(m_outcome.plan.rows);
        listConnections(0);
        return;
    }
    emit stage(QStringLiteral("nodes"), index, int(m_nodeInstances.size()));
    const QString instanceId = m_nodeInstances.at(index);
    InstanceTarget target{m_request.endpoint, QString(), m_loaded, instanceId, QString()};
    for (const BatchRowPlan& row : std::as_const(m_outcome.plan.rows)) {
        if (row.request.instanceId == instanceId && !row.nodeNames.isEmpty()) {
            target.projectId = row.request.projectId;
            target.engineType = row.request.engineType;
            break;
        }
    }
    auto* list = new NodeList(m_services, this);
    m_nodes = list;
    connect(list, &ReadWorkflow::sending, this, &ReadWorkflow::sending);
    connect(list, &NodeList::finished, this,
            [this, list, index, instanceId](const NodeList::Outcome& outcome) {
                list->deleteLater();
                if (!isRunning())
                    return;
                const CreateResult& f = outcome.failure;
                // DAS refusing one instance's nodes (a wrong ID) is that row's problem; anything else ends
                // the plan.
                const bool rowProblem = !outcome.ok && f.outcome == CreateResult::Outcome::ApiError &&
                                        !f.isThrottled() && f.httpStatus >= 400 && f.httpStatus < 500;
                if (!outcome.ok && !rowProblem) {
                    end(outcome);
                    return;
                }
                if (rowProblem) {
                    for (BatchRowPlan& row : m_outcome.plan.rows) {
                        if (row.request.instanceId == instanceId && !row.nodeNames.isEmpty()) {
                            addResolve(&row, "node_names",
                                       tr("The nodes of instance %1 could not be listed: %2")
                                           .arg(instanceId, f.explanation));
                            BatchRowReader::validate(&row);
                        }
                    }
                } else {
                    applyNodes(instanceId, outcome.nodes);
                }
                resolveNodes(index + 1);
            });
    list->start(target);
}

void BatchPlanner::applyNodes(const QString& instanceId, const QList<NodeInfo>& nodes)
{
    QHash<QString, QStringList> byName;
    QStringList names;
    for (const NodeInfo& node : nodes) {
        byName[node.name].append(node.id);
        names.append(node.name);
    }
    for (BatchRowPlan& row : m_outcome.plan.rows) {
        if (row.request.instanceId != instanceId || row.nodeNames.isEmpty() || row.needsInstance)
            continue;
        const QString instance = row.instanceName.isEmpty() ? instanceId : row.instanceName;
        QStringList ids;
        bool ok = true;
        for (const QString& name : std::as_const(row.nodeNames)) {
            const QStringList found = byName.value(name);
            if (found.size() == 1) {
                ids.append(found.constFirst());
                continue;
            }
            ok = false;
            addResolve(
                &row, "node_names",
                found.isEmpty()
                    ? tr("Instance \u201c%1\u201d has no node named \u201c%2\u201d; its nodes are: %3.")
                          .arg(instance, shown(name), someOf(names))
                    : tr("Instance \u201c%1\u201d has more than one node named \u201c%2\u201d; give node_ids "
                         "instead.")
                          .arg(instance, shown(name)));
        }
        if (ok) {
            row.request.nodeIds = ids;
            row.nodeNames.clear();
        }
        BatchRowReader::validate(&row);
    }
}

void BatchPlanner::listConnections(int projectIndex)
{
    if (projectIndex >= m_projects.size()) {
        finishPlan();
        return;
    }
    emit stage(QStringLiteral("connections"), projectIndex, int(m_projects.size()));
    const QString project = m_projects.at(projectIndex);
    listAll(Query{m_request.endpoint, project, QString(), QString()},
            [this, projectIndex, project](const Listed& listed) {
                markExisting(&m_outcome.plan.rows, project, listed.connections);
                if (!listed.truncated) {
                    listConnections(projectIndex + 1);
                    return;
                }
                // Not every connection was read: a row not found yet may still exist, so its instance is
                // asked alone.
                QStringList instances;
                for (const BatchRowPlan& row : std::as_const(m_outcome.plan.rows)) {
                    if (row.action == BatchRowPlan::Action::Create && row.request.projectId == project &&
                        !instances.contains(row.request.instanceId))
                        instances.append(row.request.instanceId);
                }
                listInstances(projectIndex, instances, 0);
            });
}

void BatchPlanner::listInstances(int projectIndex, const QStringList& instanceIds, int index)
{
    if (index >= instanceIds.size()) {
        listConnections(projectIndex + 1);
        return;
    }
    const QString project = m_projects.at(projectIndex);
    listAll(Query{m_request.endpoint, project, instanceIds.at(index), QString()},
            [this, projectIndex, instanceIds, index, project](const Listed& listed) {
                if (listed.truncated) { // a partial list cannot prove a row is not there already
                    failInvalid(tr("DAS lists more than %1 connections for instance %2; a batch cannot check "
                                   "it for existing connections.")
                                    .arg(MaxConnections)
                                    .arg(instanceIds.at(index)));
                    return;
                }
                markExisting(&m_outcome.plan.rows, project, listed.connections);
                listInstances(projectIndex, instanceIds, index + 1);
            });
}

void BatchPlanner::finishPlan()
{
    ReadStatus ok;
    ok.ok = true;
    end(ok);
}

void BatchPlanner::ended(const ReadStatus& status)
{
    // A cancel may come while a child workflow is out; it must not call back into a run that has ended.
    for (ReadWorkflow* child :
         {static_cast<ReadWorkflow*>(m_catalog.data()), static_cast<ReadWorkflow*>(m_nodes.data())}) {
        if (child) {
            child->disconnect(this);
            child->cancel();
            child->deleteLater();
        }
    }
    m_loaded = CredentialChoice(); // no secret outlives the run
    static_cast<ReadStatus&>(m_outcome) = status;
    if (!status.ok)
        m_outcome.plan = BatchPlan(); // the rows planned so far are not a plan
    qCDebug(lcWorkflow) << "batch plan: ok" << status.ok << "create"
                        << m_outcome.plan.count(BatchRowPlan::Action::Create) << "skip"
                        << m_outcome.plan.count(BatchRowPlan::Action::Skip) << "invalid"
                        << m_outcome.plan.count(BatchRowPlan::Action::Invalid);
    emit finished(m_outcome);
}

} // namespace das
