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

int CreateSession::Outcome::exitCode() const
{
    if (result.succeeded())
        return 0;
    if (credentialsUnavailable)
        return 6;
    return result.exitCode();
}

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
                          const CredentialChoice& credentials, const Options& options)
{
    if (m_started)
        return;
    m_started = true;
    m_running = true;
    m_request = request;
    m_target = target;
    m_options = options;
    m_choice = credentials;
    qCDebug(lcWorkflow) << "create session: instance" << request.instanceId << "on" << target.endpoint.host();
    const int generation = m_generation;
    // Every stage begins from the event loop, so a caller can connect after start() and cancel() before it.
    QMetaObject::invokeMethod(
        this,
        [this, generation, credentials] {
            if (generation != m_generation)
                return;
            if (!credentials.isAvailable())
                finishNotSent(credentials.error, false);
            else if (credentials.needsKeychain())
                readCredentials(credentials);
            else
                credentialsReady(credentials.credentials);
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
                                   credentialsReady(loaded.credentials);
                           });
}

void CreateSession::credentialsReady(const Credentials& credentials)
{
    m_credentials = credentials;
    m_choice = m_choice.withCredentials(credentials); // the check and the reconciler read no keychain again
    // Refused here rather than by the job so that nothing (no check, no history row) happens for a request
    // that cannot be sent.
    if (const std::optional<CreateResult> refused =
            DasClient::refusal(m_target.endpoint, m_request, credentials)) {
        m_outcome.result = *refused;
        finish();
        return;
    }
    if (m_options.ifExists == IfExists::Create)
        send();
    else
        checkDuplicates();
}

// The row is committed before the request leaves: a crash from here on leaves `pending`, never nothing.
void CreateSession::send()
{
    m_sentAt = QDateTime::currentDateTimeUtc();
    HistoryStore* history = m_services.history;
    if (history && history->isOpen()) {
        HistoryRecord row = HistoryRecord::pending(m_request, m_target.endpoint.toString(), m_target.region);
        row.createdAt = m_sentAt;
        QString error;
        if (!history->add(row, &error)) {
            // Without its pending row a lost answer or a kill could leave a connection no row mentions: an
            // open history that cannot take the row stops the create (a history that is not open at all was
            // the user's choice, and the created ID is shown with a warning instead).
            CreateResult r;
            r.outcome = CreateResult::Outcome::NotSent;
            r.explanation =
                tr("Nothing was sent: the history could not record this create first (%1).").arg(error);
            m_outcome.result = r;
            finish();
            return;
        }
        m_pendingRowId = row.id;
    }
    CreateJob* job = m_services.client->createConnection(m_target.endpoint, m_request, m_credentials);
    m_job = job;
    connect(job, &CreateJob::finished, this, &CreateSession::onCreateFinished);
    // Queued behind the job's start: the statement that will record the answer is compiled while the request
    // is out (~0.1 ms a one-shot CLI create no longer waits for after the answer).
    if (history && history->isOpen())
        QMetaObject::invokeMethod(
            this,
            [this] {
                if (m_services.history && m_job)
                    m_services.history->prepareSettle();
            },
            Qt::QueuedConnection);
    emit sending(m_target.endpoint.host());
}

void CreateSession::onCreateFinished(const CreateResult& result)
{
    m_job = nullptr;
    m_outcome.result = result;
    settleRow(result);
    if (result.succeeded()) {
        afterConnectionKnown();
    } else if (result.outcome == CreateResult::Outcome::Unknown && result.requestSent && !m_cancelRequested) {
        reconcile();
    } else {
        finish();
    }
}

void CreateSession::settleRow(const CreateResult& result)
{
    HistoryStore* history = m_services.history;
    if (!m_pendingRowId || !history)
        return;
    using State = HistoryRecord::State;
    QString error;
    bool ok = true;
    if (result.succeeded()) {
        ok = history->setState(m_pendingRowId, State::Created, result.connectionId, result.requestId,
                               QString(), &error);
    } else if (result.outcome == CreateResult::Outcome::InvalidInput) {
        ok = history->remove({m_pendingRowId}, &error); // nothing left the machine: not an attempt
        m_pendingRowId = 0;
    } else {
        const bool unknown = result.outcome == CreateResult::Outcome::Unknown ||
                             (result.outcome == CreateResult::Outcome::Cancelled && result.requestSent);
        ok = history->setState(m_pendingRowId, unknown ? State::Unknown : State::NotCreated, QString(),
                               result.requestId, result.explanation, &error);
    }
    if (!ok)
        m_outcome.historyWarning = tr("The history row of this create could not be updated: %1.").arg(error);
}

void CreateSession::afterConnectionKnown()
{
    record();
    if (savesPasswordInKeychain() && m_running)
        savePassword();
    else
        finish();
}

// Whoever shows or prints the ID does so after this: a shown ID is always in the history.
void CreateSession::record()
{
    HistoryStore* history = m_services.history;
    if (m_pendingRowId) {
        m_outcome.historyId = m_pendingRowId; // settled already, by settleRow or the reconciler
    } else if (history && history->isOpen()) {
        HistoryRecord row = HistoryRecord::fromCreate(m_request, m_target.endpoint.toString(),
                                                      m_target.region, m_outcome.result);
        if (m_outcome.existing) {
            row.origin = HistoryRecord::Origin::Existing;
            row.stateDetail = tr("an existing connection, chosen instead of creating a duplicate");
        }
        QString error;
        if (history->add(row, &error))
            m_outcome.historyId = row.id;
        else
            m_outcome.historyWarning = tr("Not recorded in the history: %1.").arg(error);
    } else {
        m_outcome.historyWarning = tr("The history is not available, so this is not recorded.");
    }
    qCDebug(lcWorkflow) << "create session: connection" << m_outcome.result.connectionId << "history row"
                        << m_outcome.historyId << (m_outcome.existing ? "(existing)" : "");
    emit recorded(m_outcome.result, m_outcome.historyId, m_outcome.historyWarning);
}

bool CreateSession::savesPasswordInKeychain() const
{
    return m_options.keychainPassword.value_or(m_request.isSavePassword);
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
        m_cancelRequested = true;
        m_job->cancel(); // the job reports Cancelled (or an unknown outcome) through onCreateFinished
        return;
    }
    ++m_generation;
    if (m_reconciler) {
        m_reconciler->disconnect(this);
        m_reconciler->cancel();
        m_reconciler->deleteLater();
        m_reconciler = nullptr;
        m_outcome.reconciliation = Reconciliation::Failed;
        m_outcome.result.explanation +=
            u' ' + tr("The check on DAS was cancelled; the next start of DAS Connect "
                      "or `das-connect-cli reconcile` asks again.");
        finish();
        return;
    }
    if (m_passwordJob) {
        m_passwordJob->disconnect(this);
        m_passwordJob = nullptr;
        m_outcome.passwordSaved = false;
        m_outcome.passwordMessage = tr("saving it was cancelled; the keychain may or may not hold it now.");
        emit passwordNotSaved(m_outcome.passwordMessage);
        finish();
        return;
    }
    if (m_outcome.result.succeeded()) { // between stages after a create: the result stands
        finish();
        return;
    }
    if (m_duplicateCheck) {
        m_duplicateCheck->disconnect(this);
        m_duplicateCheck->cancel();
        m_duplicateCheck->deleteLater();
        m_duplicateCheck = nullptr;
    }
    m_awaitingChoice = false;
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
    m_awaitingChoice = false;
    m_request.password.clear(); // the password is held only while it may still be needed
    m_credentials = Credentials();
    m_choice.credentials = Credentials();
    qCDebug(lcWorkflow) << "create session finished:" << CreateResult::outcomeName(m_outcome.result.outcome)
                        << "reconciliation" << int(m_outcome.reconciliation);
    emit finished(m_outcome);
}

} // namespace das
