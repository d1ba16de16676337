#include "DiscoveryActions.h"

#include "InstanceDetailsActions.h"

#include "IamEndpoint.h"
#include "InstanceCatalog.h"
#include "InstancePickerDialog.h"
#include "ProjectLookup.h"
#include "RequestValidator.h"

#include <QMessageBox>
#include <QWidget>

namespace das {

DiscoveryActions::DiscoveryActions(ConnectionForm* form, const ReadWorkflow::Services& services,
                                   ContextSource context, QWidget* window)
    : QObject(window)
    , m_form(form)
    , m_services(services)
    , m_context(std::move(context))
    , m_window(window)
    , m_lookup(new ProjectLookup(services, this))
    , m_details(new InstanceDetailsActions(form, services, m_context, this))
{
    connect(form, &ConnectionForm::pickInstanceRequested, this, &DiscoveryActions::openInstancePicker);
    connect(form, &ConnectionForm::lookUpProjectRequested, this, &DiscoveryActions::lookUpProject);
    connect(m_lookup, &ProjectLookup::finished, this, [this](const ProjectLookup::Outcome& outcome) {
        if (outcome.ok) {
            m_form->setLookedUpProject(outcome.projectId);
            emit statusMessage(
                tr("Project %1 of %2 found through IAM.").arg(outcome.projectId, outcome.region), 6000);
        } else if (outcome.failure.outcome != CreateResult::Outcome::Cancelled) {
            showMessage(tr("Project lookup"), outcome.failure.explanation);
        }
    });
}

void DiscoveryActions::openInstancePicker()
{
    if (m_picker) {
        m_picker->raise();
        m_picker->activateWindow();
        return;
    }
    const Context c = m_context();
    QString problem = c.target.error;
    if (problem.isEmpty() && !c.credentials.isAvailable())
        problem = c.credentials.error;
    if (problem.isEmpty() && m_form->request().projectId.isEmpty())
        problem = tr("Enter the project ID first (or use Look up): DAS lists the instances of one project.");
    if (!problem.isEmpty()) {
        showMessage(tr("Pick an instance"), problem);
        return;
    }
    auto* catalog = new InstanceCatalog(m_services);
    InstanceCatalog::Request request;
    request.endpoint = c.target.endpoint;
    request.projectId = m_form->request().projectId;
    request.credentials = c.credentials;
    auto* dialog = new InstancePickerDialog(catalog, request, m_window);
    catalog->setParent(dialog);
    dialog->setObjectName(QStringLiteral("instancePickerDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &InstancePickerDialog::instancePicked, this, &DiscoveryActions::onPicked);
    m_picker = dialog;
    dialog->open();
}

void DiscoveryActions::onPicked(const InstanceInfo& instance)
{
    const QString network = RequestValidator::usualNetworkType(instance.engineType);
    m_form->setPickedInstance(instance.instanceId, instance.engineType, network, instance.port);
    m_details->instancePicked();
    emit statusMessage(tr("Instance %1 picked; network type set to %2 (change it if yours differs).")
                           .arg(instance.instanceName, network),
                       6000);
}

void DiscoveryActions::lookUpProject()
{
    if (m_lookup->isRunning())
        return;
    const Context c = m_context();
    IamEndpoint::Inputs iam;
    iam.region = c.sandboxUrl.isEmpty() ? c.target.region : QLatin1String(SandboxRegion);
    iam.environment = c.environment;
    iam.sandboxEndpoint = c.sandboxUrl;
    QString problem = c.target.error;
    if (problem.isEmpty() && iam.region.isEmpty())
        problem = tr("Choose a region: a custom endpoint has no region to look the project up for.");
    if (problem.isEmpty() && !c.credentials.isAvailable())
        problem = c.credentials.error;
    const EndpointResolver::Result endpoint = IamEndpoint::resolve(iam);
    if (problem.isEmpty() && !endpoint.ok())
        problem = tr("IAM endpoint: %1").arg(endpoint.error);
    if (!problem.isEmpty()) {
        showMessage(tr("Project lookup"), problem);
        return;
    }
    emit statusMessage(
        tr("Looking up the project of %1 through IAM (%2)…").arg(iam.region, endpoint.endpoint.host()), 4000);
    m_lookup->start({endpoint.endpoint, iam.region, c.credentials});
}

void DiscoveryActions::showMessage(const QString& title, const QString& text)
{
    // Not exec(): the window keeps running (and tests keep driving it) while the message is up.
    auto* box = new QMessageBox(QMessageBox::Information, title, text, QMessageBox::Ok, m_window);
    box->setObjectName(QStringLiteral("discoveryMessage"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace das
