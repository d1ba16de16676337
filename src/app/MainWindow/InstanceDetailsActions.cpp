#include "InstanceDetailsActions.h"

#include "DatabaseNameCompleter.h"
#include "InstanceDetails.h"
#include "NodeIdListEditor.h"

#include <QLineEdit>

namespace das {

InstanceDetailsActions::InstanceDetailsActions(ConnectionForm* form, const ReadWorkflow::Services& services,
                                               DiscoveryActions::ContextSource context, QObject* parent)
    : QObject(parent)
    , m_form(form)
    , m_context(std::move(context))
    , m_nodes(form->findChild<NodeIdListEditor*>(QStringLiteral("nodeIdEditor")))
    , m_completer(new DatabaseNameCompleter(this))
    , m_nodeList(new NodeList(services, this))
    , m_databaseList(new DatabaseNameList(services, this))
{
    Q_ASSERT(m_nodes);
    if (auto* database = form->findChild<QLineEdit*>(QStringLiteral("databaseNameEdit")))
        m_completer->attach(database);
    connect(m_nodes, &NodeIdListEditor::nodesWanted, this, &InstanceDetailsActions::lookUpNodes);
    connect(form, &ConnectionForm::edited, this, &InstanceDetailsActions::forgetIfInstanceChanged);
    connect(m_nodeList, &NodeList::finished, this, [this](const NodeList::Outcome& outcome) {
        if (outcome.ok)
            m_nodes->setAvailableNodes(outcome.nodes);
        else if (outcome.failure.outcome != CreateResult::Outcome::Cancelled)
            m_nodes->setNodesProblem(outcome.failure.explanation);
        else
            m_nodes->setNodesLoading(false);
    });
    connect(m_databaseList, &DatabaseNameList::finished, this,
            [this](const DatabaseNameList::Outcome& outcome) {
                if (outcome.ok)
                    m_completer->setNames(outcome.names);
            });
}

bool InstanceDetailsActions::currentTarget(InstanceTarget* target) const
{
    const DiscoveryActions::Context c = m_context();
    const ConnectionRequest r = m_form->request();
    target->endpoint = c.target.endpoint;
    target->projectId = r.projectId;
    target->credentials = c.credentials;
    target->instanceId = r.instanceId;
    target->engineType = r.engineType;
    return c.target.error.isEmpty() && !target->endpoint.isEmpty() && !r.projectId.isEmpty() &&
           !r.instanceId.isEmpty() && !r.engineType.isEmpty();
}

void InstanceDetailsActions::lookUpNodes()
{
    InstanceTarget target;
    if (!currentTarget(&target)) {
        m_nodes->setNodesProblem(
            tr("Fill in the project, the instance and its engine type first (Browse… picks "
               "all three)."));
        return;
    }
    m_nodeList->cancel();
    m_instance = target.instanceId;
    m_nodes->setNodesLoading(true);
    if (!m_nodeList->start(target))
        m_nodes->setNodesLoading(false);
    lookUpDatabaseNames();
}

void InstanceDetailsActions::instancePicked()
{
    m_nodes->clearAvailableNodes();
    lookUpDatabaseNames();
}

void InstanceDetailsActions::lookUpDatabaseNames()
{
    InstanceTarget target;
    if (!currentTarget(&target))
        return;
    m_databaseList->cancel();
    m_instance = target.instanceId;
    m_completer->setNames({});
    m_databaseList->start(target);
}

void InstanceDetailsActions::forgetIfInstanceChanged()
{
    const QString instance = m_form->request().instanceId;
    if (m_instance.isEmpty() || instance == m_instance)
        return;
    m_instance.clear();
    m_nodeList->cancel();
    m_databaseList->cancel();
    m_nodes->clearAvailableNodes();
    m_completer->setNames({});
}

} // namespace das
