#pragma once

#include "BatchPlan.h"
#include "ConnectionList.h"
#include "DiscoveryModels.h"

#include <QHash>
#include <QPointer>

namespace das {

class InstanceCatalog;
class NodeList;

// Plans a batch: BatchRowReader for every record, then, with one set of credentials, what needs DAS: the
// instance list of each project that has rows naming an instance by name or leaving out the engine type
// (InstanceCatalog; an unknown or ambiguous name is that row's violation, listing the candidates), the nodes
// of each instance whose rows give node names (NodeList), duplicates inside the file, and every page of
// ListConnections of each project (a row whose key DAS already holds becomes Skip with that ID). Nothing is
// created. A read failure ends the plan with that failure (the rows planned so far are not a plan).
class BatchPlanner : public ConnectionReader
{
    Q_OBJECT

public:
    struct Request
    {
        QUrl endpoint;
        QString defaultProjectId; // for rows without project_id
        CredentialChoice credentials;
        BatchFileContent content;
        // The window re-plans edited rows: when set, these rows are planned instead of content.records.
        QList<BatchRowPlan> rows;
    };

    struct Outcome : ReadStatus
    {
        BatchPlan plan;
    };

    explicit BatchPlanner(const Services& services, QObject* parent = nullptr);

    bool start(const Request& request);
    const Outcome& outcome() const { return m_outcome; }

signals:
    // "instances", "nodes", "connections": what is being asked, for a progress line.
    void stage(const QString& what, int done, int total);
    void finished(const das::BatchPlanner::Outcome& outcome);

protected:
    void ended(const ReadStatus& status) override;

private:
    void resolveInstances(int projectIndex);
    void resolveNodes(int index);
    void listConnections(int projectIndex);
    // When a project has more connections than one listing reads: each instance of its rows on its own.
    void listInstances(int projectIndex, const QStringList& instanceIds, int index);
    void finishPlan();
    void applyInstances(const QString& projectId, const QList<InstanceInfo>& instances);
    void applyNodes(const QString& instanceId, const QList<NodeInfo>& nodes);

    Services m_services;
    Request m_request;
    Outcome m_outcome;
    CredentialChoice m_loaded; // the request's credentials, read once
    QStringList m_projects;
    QStringList m_nodeInstances;
    QPointer<InstanceCatalog> m_catalog;
    QPointer<NodeList> m_nodes;
};

} // namespace das

Q_DECLARE_METATYPE(das::BatchPlanner::Outcome)
