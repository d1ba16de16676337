#include "ProjectLookup.h"

#include "WorkflowLog.h"

#include <QHash>

namespace das {

namespace {

// The SDKs cache the project per AK and region for the process; the key holds a hash, never a secret.
QHash<QByteArray, ProjectInfo>& cache()
{
    static QHash<QByteArray, ProjectInfo> projects;
    return projects;
}

} // namespace

ProjectLookup::ProjectLookup(const Services& services, QObject* parent)
    : ReadWorkflow(services, parent)
{}

void ProjectLookup::clearCache()
{
    cache().clear();
}

bool ProjectLookup::start(const Request& request)
{
    if (isRunning())
        return false;
    m_request = request;
    m_outcome = Outcome();
    m_outcome.region = request.region.trimmed();
    return begin(request.credentials, [this] { lookUp(); });
}

void ProjectLookup::lookUp()
{
    if (m_outcome.region.isEmpty()) {
        failInvalid(tr("A region is needed to look up its project."));
        return;
    }
    m_cacheKey =
        m_request.iamEndpoint.toString().toUtf8() + '\n' + credentialKey() + '\n' + m_outcome.region.toUtf8();
    const auto cached = cache().constFind(m_cacheKey);
    if (cached != cache().constEnd()) {
        m_outcome.fromCache = true;
        m_outcome.projects = {*cached};
        m_outcome.projectId = cached->id;
        ReadStatus ok;
        ok.ok = true;
        end(ok);
        return;
    }
    ApiRequest read;
    read.pathSegments = {QStringLiteral("v3"), QStringLiteral("projects")};
    read.query = {{QStringLiteral("name"), m_outcome.region}};
    this->call(m_request.iamEndpoint, read, [this](const ReadResult& result) { onAnswer(result); });
}

void ProjectLookup::onAnswer(const ReadResult& result)
{
    if (!result.ok) {
        fail(result.failure);
        return;
    }
    QString error;
    if (!DiscoveryParser::projects(result.object, &m_outcome.projects, &error)) {
        m_outcome.projects.clear();
        CreateResult r = ReadExplainer::unreadable(tr("a list of IAM projects"), error);
        r.requestId = result.requestId;
        fail(r);
        return;
    }
    const CreateResult problem = choiceProblem(m_outcome.region, m_outcome.projects);
    if (!problem.explanation.isEmpty()) {
        fail(problem);
        return;
    }
    m_outcome.projectId = m_outcome.projects.constFirst().id;
    cache().insert(m_cacheKey, m_outcome.projects.constFirst());
    ReadStatus ok;
    ok.ok = true;
    end(ok);
}

CreateResult ProjectLookup::choiceProblem(const QString& region, const QList<ProjectInfo>& projects)
{
    CreateResult r;
    if (projects.size() == 1)
        return r;
    r.requestSent = true;
    if (projects.isEmpty()) {
        r.outcome = CreateResult::Outcome::ApiError;
        r.explanation = tr("IAM has no project named \u201c%1\u201d for these credentials: check the region, "
                           "or give the project ID.")
                            .arg(region);
        return r;
    }
    QStringList choices;
    for (const ProjectInfo& p : projects)
        choices.append(tr("%1 (%2)").arg(p.id, p.name));
    r.outcome = CreateResult::Outcome::InvalidInput;
    r.explanation =
        tr("IAM has %1 projects for region \u201c%2\u201d: %3. Choose one and give its project ID.")
            .arg(projects.size())
            .arg(region, choices.join(QStringLiteral(", ")));
    return r;
}

void ProjectLookup::ended(const ReadStatus& status)
{
    static_cast<ReadStatus&>(m_outcome) = status;
    qCDebug(lcWorkflow) << "project lookup for" << m_outcome.region << "ok" << status.ok << "matches"
                        << m_outcome.projects.size();
    emit finished(m_outcome);
}

} // namespace das
