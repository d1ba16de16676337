#include "CreateFlow.h"

#include "AppLog.h"
#include "ConnectionForm.h"
#include "ErrorExplainer.h"
#include "ResultPanel.h"
#include "SecretJob.h"
#include "SecretStore.h"

#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>

namespace das {

CreateFlow::CreateFlow(const CreateSession::Services& services, ConnectionForm* form, PanelSource panel,
                       QWidget* window)
    : QObject(window)
    , m_services(services)
    , m_form(form)
    , m_panel(std::move(panel))
    , m_window(window)
{
    // "Just created" only holds for the form as it was: any edit that makes it a different request ends it.
    connect(form, &ConnectionForm::edited, this, &CreateFlow::forgetIfChanged);
    connect(form, &ConnectionForm::targetChanged, this, &CreateFlow::forgetIfChanged);
}

// "Remember in this computer's keychain" is disabled before anything is sent when it is known that there is
// no keychain: no D-Bus session bus, or no keychain service on it. Only the bus daemon is asked, never a
// keychain: on KDE a read opens the wallet, which would greet every start with an unlock prompt. A keychain
// that is there but failing (locked, denied) is found by the create's save, which says what happened.
void CreateFlow::checkKeychain()
{
    if (!m_services.secrets) {
        m_form->setKeychainAvailable(false, tr("there is no OS keychain here."));
        return;
    }
    if (const QString reason = SecretJob::unavailableOnTheBus(); !reason.isEmpty())
        m_form->setKeychainAvailable(false, reason);
}

CreateFlow::~CreateFlow()
{
    if (m_session)
        m_session->disconnect(this);
}

QByteArray CreateFlow::formKey() const
{
    ConnectionRequest request = m_form->request();
    request.password.clear(); // a new password alone does not make another connection
    // The IDs go in the URL, not the body: another instance is another connection.
    return m_form->target().endpoint.toString().toUtf8() + '\n' + request.projectId.toUtf8() + '\n' +
           request.instanceId.toUtf8() + '\n' + request.toJsonBody();
}

void CreateFlow::forgetIfChanged()
{
    if (m_last && m_last->key != formKey())
        m_last.reset();
}

void CreateFlow::create(const CredentialChoice& credentials)
{
    if (isRunning() || m_question)
        return;
    if (!m_form->isReady()) {
        m_form->markAllTouched();
        m_form->focusFirstProblem();
        return;
    }
    const ConnectionForm::Target target = m_form->target();
    if (!target.error.isEmpty() || !credentials.isAvailable()) {
        panel()->showProblem(!target.error.isEmpty() ? target.error : credentials.error);
        return;
    }
    forgetIfChanged();
    if (!m_last) {
        start(credentials, CreateSession::IfExists::Ask);
        return;
    }
    // Asked here, before anything is sent; once answered, the duplicate check would only ask again.
    const bool unknown = m_last->connectionId.isEmpty();
    const QString text =
        unknown ? tr("The last create's outcome is unknown: the connection may already exist on DAS. Create "
                     "anyway?")
                : tr("This connection was just created (ID %1). Create another identical one?")
                      .arg(m_last->connectionId);
    const Choice proceed = unknown ? Choice(QStringLiteral("createAnywayButton"), tr("Create &anyway"))
                                   : Choice(QStringLiteral("createAnotherButton"), tr("Create &another"));
    ask(tr("Create again?"), text, QString(), {proceed}, [this, credentials](int index) {
        if (index == 0)
            start(credentials, CreateSession::IfExists::Create);
    });
}

void CreateFlow::cancel()
{
    if (m_session)
        m_session->cancel();
}

void CreateFlow::start(const CredentialChoice& credentials, CreateSession::IfExists ifExists)
{
    const ConnectionForm::Target target = m_form->target();
    auto* session = new CreateSession(m_services, this);
    m_session = session;
    m_runningKey = formKey();
    m_usedExisting = false;
    m_reconciled = false;
    connectSession(session);
    emit busyChanged(true);
    // Busy at once, not only when the session's first (queued) stage reports.
    if (credentials.needsKeychain())
        panel()->showReadingCredentials();
    else if (ifExists == CreateSession::IfExists::Ask)
        panel()->showCheckingDuplicates(target.endpoint.host());
    else
        panel()->showBusy(target.endpoint.host());
    CreateSession::Options options;
    options.ifExists = ifExists;
    options.reconcileScheduleMs = m_reconcileScheduleMs;
    options.keychainPassword = m_form->remembersPasswordInKeychain();
    m_form->markSent();
    session->start(m_form->request(), {target.endpoint, target.region}, credentials, options);
}

void CreateFlow::connectSession(CreateSession* session)
{
    connect(session, &CreateSession::resolvingCredentials, panel(), &ResultPanel::showReadingCredentials);
    connect(session, &CreateSession::checkingDuplicates, this,
            [this, session] { panel()->showCheckingDuplicates(session->target().endpoint.host()); });
    connect(session, &CreateSession::duplicateFound, this, &CreateFlow::askDuplicate);
    connect(session, &CreateSession::duplicateCheckFailed, this, &CreateFlow::askCheckFailed);
    connect(session, &CreateSession::sending, panel(), &ResultPanel::showBusy);
    connect(session, &CreateSession::sending, this, &CreateFlow::historyChanged); // the pending row
    connect(session, &CreateSession::reconciling, this, [this](int attempt, int attempts) {
        m_reconciled = true;
        panel()->showReconciling(attempt, attempts);
    });
    connect(session, &CreateSession::recorded, this, &CreateFlow::onRecorded);
    connect(session, &CreateSession::savingPassword, this,
            [this] { panel()->addNote(tr("Saving the password in the OS keychain…")); });
    connect(session, &CreateSession::passwordSaved, this, [this] {
        panel()->addNote(tr("The password was saved in the OS keychain and read back to confirm."));
        emit historyChanged();
        emit passwordSaved();
    });
    connect(session, &CreateSession::passwordNotSaved, this, [this](const QString& reason) {
        panel()->addNote(tr("The connection was created, but the password was not saved: %1").arg(reason),
                         true);
    });
    connect(session, &CreateSession::finished, this, &CreateFlow::onFinished);
}

void CreateFlow::onRecorded(const CreateResult& result, qint64 historyId, const QString& warning)
{
    if (historyId)
        emit historyChanged();
    const bool existing = m_usedExisting || (m_session && m_session->outcome().existing);
    const ResultPanel::SuccessKind kind = existing       ? ResultPanel::SuccessKind::Existing
                                          : m_reconciled ? ResultPanel::SuccessKind::Confirmed
                                                         : ResultPanel::SuccessKind::Created;
    panel()->showSuccess(result, warning.isEmpty() ? warning : warning + tr(" Copy the ID now."), kind);
    QString status = tr("Connection %1 created.").arg(result.connectionId);
    if (kind == ResultPanel::SuccessKind::Existing)
        status = tr("Using the existing connection %1.").arg(result.connectionId);
    else if (kind == ResultPanel::SuccessKind::Confirmed)
        status = tr("Connection %1 created (confirmed on DAS).").arg(result.connectionId);
    emit statusMessage(status, 6000);
}

void CreateFlow::onFinished(const CreateSession::Outcome& outcome)
{
    qCDebug(lcApp) << "create ended:" << CreateResult::outcomeName(outcome.result.outcome);
    closeQuestion();
    if (m_session)
        m_session->deleteLater();
    m_session = nullptr;
    emit busyChanged(false);
    showOutcome(outcome);
    remember(outcome);
    emit historyChanged(); // the row is settled: created, not created or unknown
    emit finished(outcome.result);
}

void CreateFlow::showOutcome(const CreateSession::Outcome& outcome)
{
    using Reconciliation = CreateSession::Reconciliation;
    if (outcome.credentialsUnavailable) {
        panel()->showProblem(outcome.result.explanation);
    } else if (outcome.reconciliation == Reconciliation::NotCreated) {
        panel()->showNotCreated(outcome.result);
    } else if (outcome.reconciliation == Reconciliation::Ambiguous) {
        QStringList ids;
        for (const ConnectionInfo& candidate : outcome.candidates)
            ids.append(candidate.connectionId);
        panel()->showAmbiguous(outcome.result, ids);
    } else if (!outcome.result.succeeded()) {
        // Reconciliation::Failed included: the explanation says DAS could not be asked and when it will be.
        panel()->showFailure(outcome.result);
    }
}

void CreateFlow::remember(const CreateSession::Outcome& outcome)
{
    using Outcome = CreateResult::Outcome;
    using Reconciliation = CreateSession::Reconciliation;
    const CreateResult& result = outcome.result;
    const bool unknown = outcome.reconciliation == Reconciliation::Ambiguous ||
                         outcome.reconciliation == Reconciliation::Failed ||
                         (outcome.reconciliation == Reconciliation::None &&
                          (result.outcome == Outcome::Unknown ||
                           (result.outcome == Outcome::Cancelled && result.requestSent)));
    if (result.succeeded() && !outcome.existing && !m_usedExisting)
        m_last = Remembered{m_runningKey, result.connectionId};
    else if (unknown)
        m_last = Remembered{m_runningKey, QString()};
    else
        m_last.reset();
}

namespace {

// "ID: user@database on instance-name (instance-id), created 2026-05-04 10:31", one line a connection.
QString describe(const ConnectionInfo& c)
{
    const QString who = c.databaseName.isEmpty() ? c.userName : c.userName + u'@' + c.databaseName;
    const QString instance =
        c.instanceName.isEmpty() ? c.instanceId : QStringLiteral("%1 (%2)").arg(c.instanceName, c.instanceId);
    if (!c.createAt.isValid())
        return CreateFlow::tr("%1: %2 on %3").arg(c.connectionId, who, instance);
    return CreateFlow::tr("%1: %2 on %3, created %4")
        .arg(c.connectionId, who, instance,
             QLocale().toString(c.createAt.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm")));
}

} // namespace

void CreateFlow::askDuplicate(const QList<ConnectionInfo>& existing)
{
    if (existing.isEmpty()) { // nothing to choose from: the session would wait for ever
        cancel();
        return;
    }
    panel()->showWaiting(tr("A matching connection already exists on DAS"));
    QStringList lines;
    for (const ConnectionInfo& c : existing)
        lines.append(describe(c));
    const QString text = tr("DAS already has a connection with this instance, user name and database name:") +
                         QStringLiteral("\n\n") + lines.join(u'\n');
    QString informative = tr("Use the existing connection, or create another identical one?");
    if (existing.size() > 1)
        informative += u' ' + tr("Use existing takes the first one listed.");
    const QString first = existing.constFirst().connectionId;
    ask(tr("Connection already exists"), text, informative,
        {{QStringLiteral("useExistingButton"), tr("&Use existing")},
         {QStringLiteral("createAnotherButton"), tr("Create &another")}},
        [this, first](int index) {
            if (!m_session)
                return;
            if (index == 0) {
                m_usedExisting = true;
                m_session->useExisting(first);
            } else if (index == 1) {
                panel()->showBusy(m_session->target().endpoint.host());
                m_session->createAnyway();
            } else {
                m_session->cancel();
            }
        });
}

void CreateFlow::askCheckFailed(const CreateResult& failure)
{
    // Refused credentials (401, or a gateway authentication code) refuse the create the same way, before DAS
    // sees it: asking would only delay that answer, which is the one to show. A permission refusal (403 for
    // listing) is different: the create may be allowed, so the user decides.
    const bool credentialsRefused =
        failure.outcome == CreateResult::Outcome::AuthFailed &&
        (failure.httpStatus == 401 || ErrorExplainer::isAuthCode(failure.errorCode));
    if (credentialsRefused && m_session) {
        m_session->createAnyway();
        return;
    }
    panel()->showWaiting(tr("Could not check DAS for an existing connection"));
    // The session's explanation already reads "Could not check DAS for an existing connection, …: why".
    ask(tr("Duplicate check failed"), failure.explanation,
        tr("Create the connection anyway, without knowing whether it exists already?"),
        {{QStringLiteral("createAnywayButton"), tr("Create &anyway")}}, [this](int index) {
            if (!m_session)
                return;
            if (index == 0) {
                panel()->showBusy(m_session->target().endpoint.host());
                m_session->createAnyway();
            } else {
                m_session->cancel();
            }
        });
}

void CreateFlow::ask(const QString& title, const QString& text, const QString& informative,
                     const QList<Choice>& proceed, std::function<void(int)> answer)
{
    auto* box = new QMessageBox(QMessageBox::Question, title, text, QMessageBox::NoButton, m_window);
    box->setObjectName(QStringLiteral("createQuestion"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setTextFormat(Qt::PlainText); // server text stays text
    if (!informative.isEmpty())
        box->setInformativeText(informative);
    QList<QAbstractButton*> buttons;
    for (const Choice& choice : proceed) {
        QPushButton* button = box->addButton(choice.second, QMessageBox::AcceptRole);
        button->setObjectName(choice.first);
        buttons.append(button);
    }
    QPushButton* cancelButton = box->addButton(QMessageBox::Cancel);
    cancelButton->setObjectName(QStringLiteral("cancelQuestionButton"));
    box->setDefaultButton(cancelButton); // Enter never creates a duplicate by accident
    box->setEscapeButton(cancelButton);
    connect(box, &QMessageBox::finished, this, [this, box, buttons, answer = std::move(answer)] {
        m_question = nullptr; // answered: the next question may open before this box is deleted
        answer(int(buttons.indexOf(box->clickedButton())));
    });
    m_question = box;
    box->open();
}

void CreateFlow::closeQuestion()
{
    if (!m_question)
        return;
    // The session ended while a question was open: its answer means nothing now.
    m_question->disconnect(this);
    m_question->close();
}

} // namespace das
