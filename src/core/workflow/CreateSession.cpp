#include "CreateSession.h"

#include "CreateJob.h"
#include "CredentialLoader.h"
#include "DasClient.h"
#include "HistoryStore.h"
#include "SecretJob.h"
#include "SecretStore.h"
#include "WorkflowLog.h"

namespace das {

Q_LOGGING_CATEGORY(lcWorkflow, "das.workflow", QtWarningMsg)

CreateSession::CreateSession(const Services& services, QObject* parent)
    : QObject(parent)
    , m_services(services)
{
    Q_ASSERT(services.client);
}

CreateSession::~CreateSession()
{
    if (m_job)
        m_job->disconnect(this);
    if (m_passwordJob)
        m_passwordJob->disconnect(this);
}

QString CreateSession::passwordKey(const QString& endpoint, const ConnectionRequest& request)
{
    return SecretStore::databasePasswordKey(endpoint, request.projectId, request.instanceId,
                                            request.username);
}

void CreateSession::start(const ConnectionRequest& request, const Target& target,
                          const CredentialChoice& credentials)
{
    if (m_started)
        return;
    m_started = true;
    m_running = true;
    m_request = request;
    m_target = target;
    qCDebug(lcWorkflow) << "create session: instance" << request.instanceId << "on" << target.endpoint.host();
    const int generation = m_generation;
    // Every stage begins from the event loop, so a caller can connect after start() and cancel() before it.
    QMetaObject::invokeMethod(
        this,
        [this, generation, credentials] {
            if (generation != m_generation)
                return;
            if (!credentials.isAvailable()) {
                finishNotSent(credentials.error, false);
                return;
            }
            if (credentials.needsKeychain())
                readCredentials(credentials);
            else
                send(credentials.credentials);
        },
        Qt::QueuedConnection);
}

void CreateSession::readCredentials(const CredentialChoice& choice)
{
    if (m_services.profiles) {
        qCDebug(lcWorkflow) << "create session: reading the credentials of profile" << choice.profile;
        emit resolvingCredentials(choice.description);
    }
    const int generation = m_generation;
    CredentialLoader::load(m_services.profiles, choice, this,
                           [this, generation](const CredentialLoader::Loaded& loaded) {
                               if (generation != m_generation)
                                   return; // cancelled meanwhile
                               if (!loaded.ok)
                                   finishNotSent(loaded.message, true);
                               else
                                   send(loaded.credentials);
                           });
}

void CreateSession::send(const Credentials& credentials)
{
    CreateJob* job = m_services.client->createConnection(m_target.endpoint, m_request, credentials);
    m_job = job;
    connect(job, &CreateJob::finished, this, &CreateSession::onCreateFinished);
    emit sending(m_target.endpoint.host());
}

void CreateSession::onCreateFinished(const CreateResult& result)
{
    m_job = nullptr;
    m_outcome.result = result;
    if (!result.succeeded()) {
        finish();
        return;
    }
    record();
    if (m_request.isSavePassword && m_running)
        savePassword();
    else
        finish();
}

// The row is committed before anyone is told the ID, so a shown or printed ID is always in the history.
void CreateSession::record()
{
    HistoryStore* history = m_services.history;
    if (history && history->isOpen()) {
        HistoryRecord row = HistoryRecord::fromCreate(m_request, m_target.endpoint.toString(),
                                                      m_target.region, m_outcome.result);
        QString error;
        if (history->add(row, &error))
            m_outcome.historyId = row.id;
        else
            m_outcome.historyWarning = tr("Created, but not recorded in the history: %1.").arg(error);
    } else {
        m_outcome.historyWarning = tr("Created, but the history is not available.");
    }
    qCDebug(lcWorkflow) << "create session: connection" << m_outcome.result.connectionId << "history row"
                        << m_outcome.historyId;
    emit recorded(m_outcome.result, m_outcome.historyId, m_outcome.historyWarning);
}

// The create has succeeded whatever happens here; a failure only costs the saved password.
void CreateSession::savePassword()
{
    if (!m_services.secrets) {
        m_outcome.passwordSaved = false;
        m_outcome.passwordMessage = tr("the OS keychain is not available here.");
        emit passwordNotSaved(m_outcome.passwordMessage);
        finish();
        return;
    }
    emit savingPassword();
    SecretJob* job = m_services.secrets->writeVerified(passwordKey(m_target.endpoint.toString(), m_request),
                                                       m_request.password);
    m_passwordJob = job;
    connect(job, &SecretJob::finished, this, [this](const SecretResult& r) {
        m_passwordJob = nullptr;
        m_outcome.passwordSaved = r.ok();
        if (!r.ok()) {
            m_outcome.passwordMessage = r.message;
            emit passwordNotSaved(r.message);
            finish();
            return;
        }
        if (m_outcome.historyId && m_services.history) {
            QString error;
            m_services.history->setPasswordSaved(m_outcome.historyId, true, &error);
        }
        emit passwordSaved();
        finish();
    });
}

void CreateSession::cancel()
{
    if (!m_running)
        return;
    if (m_job) {
        m_job->cancel(); // the job reports Cancelled (or an unknown outcome) through onCreateFinished
        return;
    }
    ++m_generation;
    if (m_passwordJob) {
        m_passwordJob->disconnect(this);
        m_passwordJob = nullptr;
        m_outcome.passwordSaved = false;
        m_outcome.passwordMessage = tr("saving it was cancelled; the keychain may or may not hold it now.");
        emit passwordNotSaved(m_outcome.passwordMessage);
        finish();
        return;
    }
    CreateResult cancelled;
    cancelled.outcome = CreateResult::Outcome::Cancelled;
    cancelled.explanation = tr("Cancelled before anything was sent.");
    m_outcome.result = cancelled;
    finish();
}

void CreateSession::finishNotSent(const QString& explanation, bool credentialsUnavailable)
{
    CreateResult r;
    r.outcome = credentialsUnavailable ? CreateResult::Outcome::NotSent : CreateResult::Outcome::InvalidInput;
    r.explanation = explanation;
    m_outcome.result = r;
    m_outcome.credentialsUnavailable = credentialsUnavailable;
    finish();
}

void CreateSession::finish()
{
    if (!m_running)
        return;
    m_running = false;
    m_request.password.clear(); // the password is held only while it may still be needed
    qCDebug(lcWorkflow) << "create session finished:" << CreateResult::outcomeName(m_outcome.result.outcome);
    emit finished(m_outcome);
}

} // namespace das
