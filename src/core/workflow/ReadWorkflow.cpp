#include "ReadWorkflow.h"

#include "CredentialLoader.h"
#include "DasClient.h"
#include "WorkflowLog.h"

#include <QCryptographicHash>

namespace das {

int ReadStatus::exitCode() const
{
    if (ok)
        return 0;
    return credentialsUnavailable ? 6 : failure.exitCode();
}

ReadWorkflow::ReadWorkflow(const Services& services, QObject* parent)
    : QObject(parent)
    , m_services(services)
{
    Q_ASSERT(services.client);
}

ReadWorkflow::~ReadWorkflow()
{
    if (m_job) {
        m_job->disconnect(this);
        m_job->cancel();
    }
}

bool ReadWorkflow::begin(const CredentialChoice& choice, std::function<void()> next)
{
    if (m_running)
        return false;
    m_running = true;
    const int generation = ++m_generation;
    QMetaObject::invokeMethod(
        this,
        [this, generation, choice, next] {
            if (generation != m_generation)
                return;
            if (choice.isAvailable() && choice.needsKeychain() && m_services.profiles)
                emit resolvingCredentials(choice.description);
            CredentialLoader::load(m_services.profiles, choice, this,
                                   [this, generation, next](const CredentialLoader::Loaded& loaded) {
                                       if (generation != m_generation)
                                           return;
                                       if (!loaded.ok) {
                                           ReadStatus status;
                                           status.credentialsUnavailable = loaded.keychainFailure;
                                           status.failure.outcome = loaded.keychainFailure
                                                                        ? CreateResult::Outcome::NotSent
                                                                        : CreateResult::Outcome::InvalidInput;
                                           status.failure.explanation = loaded.message;
                                           end(status);
                                           return;
                                       }
                                       m_credentials = loaded.credentials;
                                       next();
                                   });
        },
        Qt::QueuedConnection);
    return true;
}

void ReadWorkflow::call(const QUrl& endpoint, const ApiRequest& request,
                        std::function<void(const ReadResult&)> next)
{
    ReadJob* job = m_services.client->call(endpoint, request, m_credentials);
    m_job = job;
    const int generation = m_generation;
    connect(job, &ReadJob::finished, this, [this, generation, next](const ReadResult& result) {
        if (generation != m_generation)
            return;
        m_job = nullptr;
        next(result);
    });
    qCDebug(lcWorkflow) << "read:" << request.pathSegments.value(request.pathSegments.size() - 1) << "on"
                        << endpoint.host();
    emit sending(endpoint.host());
}

void ReadWorkflow::readAndEnd(const QUrl& endpoint, const ApiRequest& request, const QString& what,
                              Parse parse)
{
    call(endpoint, request, [this, what, parse](const ReadResult& result) {
        QString error;
        if (!result.ok) {
            fail(result.failure);
        } else if (!parse(result.object, &error)) {
            CreateResult r = ReadExplainer::unreadable(what, error);
            r.requestId = result.requestId;
            fail(r);
        } else {
            ReadStatus ok;
            ok.ok = true;
            end(ok);
        }
    });
}

bool ReadWorkflow::beginSingleRead(const CredentialChoice& choice, const QString& problem,
                                   const QUrl& endpoint, const ApiRequest& request, const QString& what,
                                   Parse parse)
{
    return begin(choice, [this, problem, endpoint, request, what, parse] {
        if (problem.isEmpty())
            readAndEnd(endpoint, request, what, parse);
        else
            failInvalid(problem);
    });
}

void ReadWorkflow::cancel()
{
    if (!m_running)
        return;
    ++m_generation;
    if (m_job) {
        m_job->disconnect(this);
        m_job->cancel();
        m_job = nullptr;
    }
    CreateResult cancelled;
    cancelled.outcome = CreateResult::Outcome::Cancelled;
    cancelled.explanation = tr("Cancelled.");
    fail(cancelled);
}

void ReadWorkflow::end(const ReadStatus& status)
{
    if (!m_running)
        return;
    m_running = false;
    ++m_generation; // nothing of this run may call back any more
    m_credentials = Credentials();
    ended(status);
}

void ReadWorkflow::fail(const CreateResult& failure)
{
    ReadStatus status;
    status.failure = failure;
    end(status);
}

void ReadWorkflow::failInvalid(const QString& explanation)
{
    fail(CreateResult::invalidInput(explanation));
}

QByteArray ReadWorkflow::credentialKey() const
{
    const QString identity = m_credentials.kind == Credentials::Kind::IamToken
                                 ? QStringLiteral("token:") + m_credentials.iamToken
                                 : QStringLiteral("ak:") + m_credentials.accessKey;
    return QCryptographicHash::hash(identity.toUtf8(), QCryptographicHash::Sha256).toHex();
}

} // namespace das
