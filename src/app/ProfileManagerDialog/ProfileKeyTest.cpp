#include "ProfileKeyTest.h"

#include "EndpointResolver.h"
#include "IamEndpoint.h"

#include <QHostAddress>
#include <QProcessEnvironment>

namespace das {

ProfileKeyTest::ProfileKeyTest(const Services& services, QObject* parent)
    : ReadWorkflow(services, parent)
{}

bool ProfileKeyTest::start(const Profile& profile, const CredentialChoice& credentials)
{
    if (isRunning())
        return false;
    m_outcome = Outcome();
    m_outcome.profile = profile.name;
    return begin(credentials, [this, profile] { send(profile); });
}

void ProfileKeyTest::send(const Profile& profile)
{
    const EndpointResolver::Result das = profile.endpoint.isEmpty()
                                             ? EndpointResolver::resolveRegion(profile.region)
                                             : EndpointResolver::parseEndpoint(profile.endpoint);
    m_outcome.sent = true;
    if (!das.ok()) {
        failInvalid(das.error);
        return;
    }
    ApiRequest read;
    const QString project = profile.projectId.trimmed();
    if (!project.isEmpty()) {
        m_outcome.endpoint = das.endpoint;
        read.pathSegments = {QStringLiteral("v3"), project, QStringLiteral("instances")};
        read.query = {{QStringLiteral("datastore_type"), QStringLiteral("MySQL")},
                      {QStringLiteral("offset"), QStringLiteral("0")},
                      {QStringLiteral("limit"), QStringLiteral("1")}};
        read.projectId = project;
    } else {
        IamEndpoint::Inputs inputs;
        inputs.region = profile.region;
        inputs.environment = QProcessEnvironment::systemEnvironment();
        if (!profile.endpoint.isEmpty() && QHostAddress(das.endpoint.host()).isLoopback())
            inputs.sandboxEndpoint = das.endpoint;
        const EndpointResolver::Result iam = IamEndpoint::resolve(inputs);
        if (!iam.ok()) {
            failInvalid(iam.error);
            return;
        }
        m_outcome.iam = true;
        m_outcome.endpoint = iam.endpoint;
        read.pathSegments = {QStringLiteral("v3"), QStringLiteral("projects")};
        if (!profile.region.trimmed().isEmpty())
            read.query = {{QStringLiteral("name"), profile.region.trimmed()}};
    }
    readAndEnd(m_outcome.endpoint, read, QString(), [](const QJsonObject&, QString*) { return true; });
}

void ProfileKeyTest::ended(const ReadStatus& status)
{
    static_cast<ReadStatus&>(m_outcome) = status;
    emit finished(m_outcome);
}

QString ProfileKeyTest::describe(const Outcome& outcome)
{
    if (!outcome.sent && !outcome.ok) // the keychain (or the profile) gave no usable secrets
        return tr("Keychain: %1").arg(outcome.failure.explanation);
    const QString readable = tr("Keychain: secrets readable.") + QLatin1Char(' ');
    const QString where = outcome.endpoint.toDisplayString();
    if (outcome.ok) {
        return readable + (outcome.iam ? tr("Credentials accepted: IAM at %1 answered a signed project "
                                            "lookup (endpoint reachable; nothing was created).")
                                       : tr("Credentials accepted: DAS at %1 answered a signed instance "
                                            "list (endpoint reachable; nothing was created)."))
                              .arg(where);
    }
    const CreateResult& f = outcome.failure;
    switch (f.outcome) {
    case CreateResult::Outcome::AuthFailed:
        return readable + tr("Credentials rejected by %1: %2").arg(where, f.explanation);
    case CreateResult::Outcome::NotSent:
    case CreateResult::Outcome::Unknown:
        return readable + tr("Endpoint %1 unreachable: %2").arg(where, f.explanation);
    case CreateResult::Outcome::InvalidInput:
    case CreateResult::Outcome::Cancelled:
        return readable + f.explanation;
    case CreateResult::Outcome::ApiError:
    case CreateResult::Outcome::Created:
        break;
    }
    return readable +
           tr("Credentials not confirmed: %1 answered with an error. %2").arg(where, f.explanation);
}

} // namespace das
