// CreateSession's exchanges with DAS about what already exists: the duplicate check before a create and the
// reconciliation after a lost answer (the rest of the session is in CreateSession.cpp).
#include "ConnectionList.h"
#include "CreateSession.h"
#include "HistoryStore.h"
#include "WorkflowLog.h"

namespace das {

namespace {

QString idList(const QList<ConnectionInfo>& connections)
{
    return ConnectionInfo::idsOf(connections).join(QStringLiteral(", "));
}

} // namespace

void CreateSession::checkDuplicates()
{
    emit checkingDuplicates();
    auto* list = new ConnectionList({m_services.client, m_services.profiles}, this);
    m_duplicateCheck = list;
    connect(list, &ConnectionList::finished, this, [this, list](const ConnectionList::Outcome& outcome) {
        list->deleteLater();
        m_duplicateCheck = nullptr;
        ReadStatus status = outcome;
        if (outcome.ok && outcome.truncated) { // a partial list cannot prove there is no duplicate
            status.ok = false;
            status.failure =
                CreateResult::invalidInput(tr("DAS lists more than %1 connections for this instance.")
                                               .arg(ConnectionList::MaxConnections));
        }
        onDuplicateCheck(outcome.connections, status);
    });
    ConnectionList::Request r;
    r.endpoint = m_target.endpoint;
    r.projectId = m_request.projectId;
    r.credentials = m_choice;
    r.instanceId = m_request.instanceId;
    r.allPages = true;
    list->start(r);
}

void CreateSession::onDuplicateCheck(const QList<ConnectionInfo>& listed, const ReadStatus& status)
{
    if (!m_running)
        return;
    if (!status.ok) {
        // Whatever the list call did, the create itself was not sent.
        CreateResult failure = status.failure;
        failure.requestSent = false;
        if (failure.outcome == CreateResult::Outcome::Unknown ||
            failure.outcome == CreateResult::Outcome::InvalidInput)
            failure.outcome = CreateResult::Outcome::NotSent;
        failure.explanation = tr("Could not check DAS for an existing connection, so nothing was created: %1")
                                  .arg(failure.explanation);
        if (m_options.ifExists == IfExists::Ask) {
            m_awaitingChoice = true;
            emit duplicateCheckFailed(failure);
            return;
        }
        m_outcome.result = failure;
        m_outcome.credentialsUnavailable = status.credentialsUnavailable;
        finish();
        return;
    }
    for (const ConnectionInfo& c : listed) {
        if (c.hasKey(m_request.instanceId, m_request.username, m_request.databaseName))
            m_outcome.duplicates.append(c);
    }
    qCDebug(lcWorkflow) << "create session:" << m_outcome.duplicates.size() << "existing connections match";
    if (m_outcome.duplicates.isEmpty()) {
        send();
    } else if (m_options.ifExists == IfExists::Ask) {
        m_awaitingChoice = true;
        emit duplicateFound(m_outcome.duplicates);
    } else if (m_options.ifExists == IfExists::Skip) {
        recordExisting(m_outcome.duplicates.constFirst());
    } else {
        CreateResult r;
        r.outcome = CreateResult::Outcome::ApiError;
        r.explanation =
            tr("A connection with this instance, user name and database name already exists on DAS "
               "(%1); nothing was created.")
                .arg(idList(m_outcome.duplicates));
        m_outcome.result = r;
        finish();
    }
}

void CreateSession::useExisting(const QString& connectionId)
{
    if (!m_awaitingChoice)
        return;
    for (const ConnectionInfo& c : std::as_const(m_outcome.duplicates)) {
        if (c.connectionId == connectionId) {
            m_awaitingChoice = false;
            recordExisting(c);
            return;
        }
    }
}

void CreateSession::createAnyway()
{
    if (!m_awaitingChoice)
        return;
    m_awaitingChoice = false;
    send();
}

void CreateSession::recordExisting(const ConnectionInfo& existing)
{
    CreateResult r;
    r.outcome = CreateResult::Outcome::Created;
    r.connectionId = existing.connectionId;
    r.explanation = tr("An existing connection was used; nothing was created.");
    m_outcome.result = r;
    m_outcome.existing = true;
    record();
    finish(); // the password belongs to a connection made earlier: it is not saved again here
}

// A lost answer is resolved by asking DAS what exists; the create itself is never sent again.
void CreateSession::reconcile()
{
    HistoryRecord row;
    if (m_pendingRowId && m_services.history)
        row = m_services.history->byId(m_pendingRowId);
    if (!row.id) {
        row = HistoryRecord::pending(m_request, m_target.endpoint.toString(), m_target.region);
        row.createdAt = m_sentAt;
    }
    auto* reconciler =
        new OutcomeReconciler({m_services.client, m_services.profiles}, m_services.history, this);
    m_reconciler = reconciler;
    connect(reconciler, &OutcomeReconciler::checking, this, &CreateSession::reconciling);
    connect(reconciler, &OutcomeReconciler::finished, this,
            [this, reconciler](const OutcomeReconciler::Outcome& o) {
                reconciler->deleteLater();
                m_reconciler = nullptr;
                onReconciled(o);
            });
    OutcomeReconciler::Request r;
    r.endpoint = m_target.endpoint;
    r.credentials = m_choice;
    r.row = row;
    if (!m_options.reconcileScheduleMs.isEmpty())
        r.scheduleMs = m_options.reconcileScheduleMs;
    reconciler->start(r);
}

void CreateSession::onReconciled(const OutcomeReconciler::Outcome& outcome)
{
    CreateResult& result = m_outcome.result;
    if (!outcome.ok) {
        m_outcome.reconciliation = Reconciliation::Failed;
        // Both halves reworded together: the first from the create's answer, the second from the listing's.
        const auto wordsOf = [](const CreateResult& r) -> std::function<QString()> {
            if (r.reword)
                return r.reword;
            return [text = r.explanation] {
                return text;
            };
        };
        // -> QString: with QStringBuilder the sum would be a builder holding references to temporaries.
        result.explain([first = wordsOf(result), second = wordsOf(outcome.failure)]() -> QString {
            return first() + u' ' +
                   tr("DAS could not be asked whether it was created (%1); the next start of DAS Connect or "
                      "`das-connect-cli reconcile` asks again.")
                       .arg(second());
        });
        finish();
        return;
    }
    if (!outcome.historyWarning.isEmpty())
        m_outcome.historyWarning = outcome.historyWarning;
    switch (outcome.verdict) {
    case OutcomeReconciler::Verdict::Created:
        m_outcome.reconciliation = Reconciliation::Confirmed;
        result.outcome = CreateResult::Outcome::Created;
        result.connectionId = outcome.match.connectionId;
        result.explain([] {
            return tr("Created (confirmed on DAS): the answer was lost, but DAS lists the new connection.");
        });
        afterConnectionKnown();
        return;
    case OutcomeReconciler::Verdict::NotCreated:
        m_outcome.reconciliation = Reconciliation::NotCreated;
        result.explain([] {
            return tr("Not created: the answer was lost and DAS lists no such connection, so it is safe to "
                      "create it again.");
        });
        break;
    case OutcomeReconciler::Verdict::Ambiguous:
        m_outcome.reconciliation = Reconciliation::Ambiguous;
        m_outcome.candidates = outcome.candidates;
        result.explain([ids = idList(outcome.candidates)] {
            return tr("Outcome unknown: the answer was lost and several connections on DAS match (%1). Check "
                      "them before creating again.")
                .arg(ids);
        });
        break;
    }
    finish();
}

} // namespace das
