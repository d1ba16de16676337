#include "DiscoveryCommand.h"

#include "CliOutput.h"
#include "CommandLine.h"
#include "DasClient.h"
#include "IamEndpoint.h"
#include "InstanceCatalog.h"
#include "InstanceDetails.h"
#include "ProfileManager.h"
#include "ProfileStore.h"
#include "ProjectLookup.h"
#include "SecretStore.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QJsonDocument>

namespace das {

namespace {

// Runs a read workflow to its end in a local event loop.
template <typename Workflow, typename Request>
const typename Workflow::Outcome& runToEnd(Workflow& workflow, const Request& request)
{
    QEventLoop loop;
    QObject::connect(&workflow, &Workflow::finished, &loop, &QEventLoop::quit);
    if (workflow.start(request))
        loop.exec();
    return workflow.outcome();
}

} // namespace

// Everything one verb run needs: the parsed options, the credential choice and the services.
struct DiscoveryCommand::Context
{
    TargetOptions::Values values;
    CredentialChoice choice;
    QString engineType;
    QString instanceId;
    QString filter;
    bool json = false;
    DasClient client;
    ProfileStore profiles;
    SecretStore keychain;
    ProfileManager manager{&profiles, &keychain};

    ReadWorkflow::Services services() { return {&client, &manager}; }
    InstanceTarget instance() const
    {
        return {values.target.endpoint, values.projectId, choice, instanceId, engineType};
    }
};

DiscoveryCommand::DiscoveryCommand(QTextStream& out, QTextStream& err, const QProcessEnvironment& env)
    : m_out(out)
    , m_err(err)
    , m_env(env)
{}

bool DiscoveryCommand::isVerb(const QString& verb)
{
    return verb == QLatin1String("projects") || verb == QLatin1String("instances") ||
           verb == QLatin1String("nodes") || verb == QLatin1String("databases");
}

int DiscoveryCommand::run(const QString& verb, const QStringList& arguments)
{
    const TargetOptions target;
    const QCommandLineOption json(QStringLiteral("json"), tr("Print one JSON array."));
    const QCommandLineOption engine(QStringLiteral("engine-type"),
                                    tr("Engine: mysql, sqlserver, postgresql, taurus, gaussdbv5, mongodb or "
                                       "ddm."),
                                    QStringLiteral("TYPE"));
    const QCommandLineOption instance(QStringLiteral("instance-id"), tr("DAS instance ID."),
                                      QStringLiteral("ID"));
    const QCommandLineOption filter(QStringLiteral("filter"),
                                    tr("Only instances whose name, ID or IP contains TEXT (any case)."),
                                    QStringLiteral("TEXT"));
    CommandParser parser;
    parser.addOptions(target.options());
    parser.addOption(json);
    const bool perInstance = verb == QLatin1String("nodes") || verb == QLatin1String("databases");
    if (verb == QLatin1String("projects")) {
        parser.setApplicationDescription(
            tr("List the IAM projects of a region (GET /v3/projects?name=REGION)."));
    } else if (verb == QLatin1String("instances")) {
        parser.setApplicationDescription(tr("List the database instances DAS knows, for one engine or all."));
        parser.addOptions({engine, filter});
    } else {
        parser.setApplicationDescription(perInstance && verb == QLatin1String("nodes")
                                             ? tr("List the nodes of one instance.")
                                             : tr("List the database names of one instance."));
        parser.addOptions({instance, engine});
    }
    if (const auto done = CommandLine::parse(parser, arguments, m_out, m_err))
        return *done;
    if (!parser.positionalArguments().isEmpty()) {
        m_err << tr("error: unexpected argument \"%1\".").arg(parser.positionalArguments().constFirst())
              << Qt::endl;
        return CommandLine::ExitUsage;
    }

    Context c;
    c.values = target.read(parser, m_env);
    c.json = parser.isSet(json);
    c.engineType = parser.value(engine).trimmed();
    c.instanceId = parser.value(instance).trimmed();
    c.filter = parser.value(filter);
    if (perInstance && c.instanceId.isEmpty())
        c.values.usage.append(tr("--instance-id is required."));
    if (perInstance && c.engineType.isEmpty())
        c.values.usage.append(tr("--engine-type is required."));
    c.choice = CredentialResolver(&c.profiles).resolve(c.values.credentials);
    if (!c.choice.isAvailable())
        c.values.usage.append(c.choice.error);
    if (!c.values.usage.isEmpty()) {
        for (const QString& line : c.values.usage)
            m_err << tr("error: %1").arg(line) << Qt::endl;
        return CommandLine::ExitUsage;
    }
    QString optionError;
    if (!c.client.setOptions(c.values.client, &optionError)) {
        m_err << tr("error: %1").arg(optionError) << Qt::endl;
        return CommandLine::ExitUsage;
    }
    if (verb == QLatin1String("projects"))
        return projects(c);
    if (const int status = TargetOptions::lookUpProject(c.values, c.client, c.manager, c.choice, m_err))
        return status;
    if (verb == QLatin1String("instances"))
        return instances(c);
    return verb == QLatin1String("nodes") ? nodes(c) : databases(c);
}

int DiscoveryCommand::projects(Context& c)
{
    if (c.values.target.region.isEmpty()) {
        m_err << tr("error: say which region: --region ID (or a profile with a region).") << Qt::endl;
        return CommandLine::ExitUsage;
    }
    IamEndpoint::Inputs iam;
    iam.region = c.values.target.region;
    iam.environment = m_env;
    const EndpointResolver::Result iamEndpoint = IamEndpoint::resolve(iam);
    if (!iamEndpoint.ok()) {
        m_err << tr("error: IAM endpoint: %1").arg(iamEndpoint.error) << Qt::endl;
        return CommandLine::ExitUsage;
    }
    ProjectLookup lookup(c.services());
    const ProjectLookup::Outcome& outcome =
        runToEnd(lookup, ProjectLookup::Request{iamEndpoint.endpoint, iam.region, c.choice});
    // Several projects are a choice to offer here, not a failure.
    if (!outcome.ok && outcome.projects.size() < 2) {
        TargetOptions::printFailure(outcome.failure, m_err);
        return outcome.exitCode();
    }
    QJsonArray items;
    QList<QStringList> rows;
    for (const ProjectInfo& p : outcome.projects) {
        items.append(p.toJson());
        rows.append({p.id, p.name, p.domainId, p.enabled ? tr("yes") : tr("no")});
    }
    if (c.json)
        printJson(items);
    else
        CliOutput::printTable(m_out, {tr("ID"), tr("NAME"), tr("DOMAIN ID"), tr("ENABLED")}, rows);
    return CommandLine::ExitOk;
}

int DiscoveryCommand::instances(Context& c)
{
    InstanceCatalog catalog(c.services());
    InstanceCatalog::Request request;
    request.endpoint = c.values.target.endpoint;
    request.projectId = c.values.projectId;
    request.credentials = c.choice;
    request.engineType = c.engineType;
    const InstanceCatalog::Outcome& outcome = runToEnd(catalog, request);
    if (!outcome.ok) {
        TargetOptions::printFailure(outcome.failure, m_err);
        return outcome.exitCode();
    }
    if (outcome.truncated)
        m_err << tr("warning: DAS lists at most %1 instances per engine; the rest are not shown.")
                     .arg(InstanceCatalog::MaxOffset + InstanceCatalog::PageSize)
              << Qt::endl;
    QJsonArray items;
    QList<QStringList> rows;
    for (const InstanceInfo& i : outcome.instances) {
        const bool match = c.filter.isEmpty() || i.instanceName.contains(c.filter, Qt::CaseInsensitive) ||
                           i.instanceId.contains(c.filter, Qt::CaseInsensitive) ||
                           i.ip.contains(c.filter, Qt::CaseInsensitive);
        if (!match)
            continue;
        items.append(i.toJson());
        rows.append({i.instanceName, i.instanceId, i.engineType.isEmpty() ? i.datastoreType : i.engineType,
                     i.version, i.status, i.ip, QString::number(i.port)});
    }
    if (c.json)
        printJson(items);
    else
        CliOutput::printTable(
            m_out,
            {tr("NAME"), tr("INSTANCE ID"), tr("ENGINE"), tr("VERSION"), tr("STATUS"), tr("IP"), tr("PORT")},
            rows);
    return CommandLine::ExitOk;
}

int DiscoveryCommand::nodes(Context& c)
{
    NodeList list(c.services());
    const NodeList::Outcome& outcome = runToEnd(list, c.instance());
    if (!outcome.ok) {
        TargetOptions::printFailure(outcome.failure, m_err);
        return outcome.exitCode();
    }
    QJsonArray items;
    QList<QStringList> rows;
    for (const NodeInfo& n : outcome.nodes) {
        items.append(n.toJson());
        rows.append({n.id, n.name, n.role, n.status});
    }
    if (c.json)
        printJson(items);
    else
        CliOutput::printTable(m_out, {tr("NODE ID"), tr("NAME"), tr("ROLE"), tr("STATUS")}, rows);
    return CommandLine::ExitOk;
}

int DiscoveryCommand::databases(Context& c)
{
    DatabaseNameList list(c.services());
    const DatabaseNameList::Outcome& outcome = runToEnd(list, c.instance());
    if (!outcome.ok) {
        TargetOptions::printFailure(outcome.failure, m_err);
        return outcome.exitCode();
    }
    QJsonArray items;
    QList<QStringList> rows;
    for (const QString& name : outcome.names) {
        items.append(name);
        rows.append({name});
    }
    if (c.json)
        printJson(items);
    else
        CliOutput::printTable(m_out, {tr("DATABASE")}, rows);
    return CommandLine::ExitOk;
}

void DiscoveryCommand::printJson(const QJsonArray& items)
{
    m_out << QString::fromUtf8(QJsonDocument(items).toJson(QJsonDocument::Compact)) << Qt::endl;
}

} // namespace das
