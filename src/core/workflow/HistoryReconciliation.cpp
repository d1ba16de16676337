// HistoryReconciliation (declared in OutcomeReconciler.h): the rows an earlier run left unresolved.
#include "HistoryStore.h"
#include "OutcomeReconciler.h"
#include "WorkflowLog.h"

#include <QTimer>

namespace das {

HistoryReconciliation::HistoryReconciliation(const Services& services, HistoryStore* history, QObject* parent)
    : ConnectionReader(services, parent)
    , m_history(history)
{}

bool HistoryReconciliation::start(const Request& request)
{
    if (isRunning())
        return false;
    m_request = request;
    if (m_request.scheduleMs.isEmpty())
        m_request.scheduleMs = OutcomeReconciler::laterSchedule();
    m_outcome = Outcome();
    m_open.clear();
    m_attempt = 0;
    m_started = QDateTime::currentDateTimeUtc();
    return begin(request.credentials, [this] {
        if (!m_history || !m_history->isOpen()) {
            failInvalid(tr("The history is not available."));
            return;
        }
        const QString endpoint = m_request.endpoint.toString();
        for (const HistoryRecord& row : m_history->unresolved()) {
            if (row.endpoint == endpoint && row.projectId == m_request.projectId && !row.instanceId.isEmpty())
                m_open.append(row);
            else
                ++m_outcome.skipped;
        }
        look();
    });
}

void HistoryReconciliation::look()
{
    if (m_open.isEmpty() || m_attempt >= m_request.scheduleMs.size()) {
        ReadStatus ok;
        ok.ok = true;
        end(ok);
        return;
    }
    const int wait =
        m_request.scheduleMs.at(m_attempt) - (m_attempt ? m_request.scheduleMs.at(m_attempt - 1) : 0);
    ++m_attempt;
    m_instances.clear();
    m_listed.clear();
    for (const HistoryRecord& row : std::as_const(m_open)) {
        if (!m_instances.contains(row.instanceId))
            m_instances.append(row.instanceId);
    }
    const QPointer<HistoryReconciliation> self(this);
    QTimer::singleShot(qMax(0, wait), this, [this, self] {
        if (self && isRunning())
            listInstance(0);
    });
}

void HistoryReconciliation::listInstance(int index)
{
    if (index >= m_instances.size()) {
        judgeAll();
        return;
    }
    const QString instance = m_instances.at(index);
    const Query query{m_request.endpoint, m_request.projectId, instance, QString()};
    listAll(query, [this, index, instance](const Listed& listed) {
        if (listed.truncated) { // a partial list cannot prove that nothing was created
            failInvalid(tr("DAS lists more than %1 connections for instance %2; its creates cannot be looked "
                           "for among them.")
                            .arg(MaxConnections)
                            .arg(instance));
            return;
        }
        m_listed.insert(instance, listed.connections);
        listInstance(index + 1);
    });
}

void HistoryReconciliation::judgeAll()
{
    QSet<QString> known = m_history->connectionIds();
    const bool lastLook = m_attempt >= m_request.scheduleMs.size();
    const QDateTime patientAfter = m_started.addMSecs(-OutcomeReconciler::ClockSlackMs);
    QList<HistoryRecord> stillOpen;
    for (int i = 0; i < m_open.size(); ++i) {
        const HistoryRecord& row = m_open.at(i);
        emit rowStarted(i, int(m_open.size()), row);
        const QList<ConnectionInfo> found =
            OutcomeReconciler::candidates(row, m_listed.value(row.instanceId), known);
        // A create written moments ago may still be on its way to DAS: only the last look says "not created".
        if (found.isEmpty() && !lastLook && row.createdAt.isValid() && row.createdAt > patientAfter) {
            stillOpen.append(row);
            continue;
        }
        RowResult result{row, OutcomeReconciler::verdictFor(found)};
        QString error;
        const int written = OutcomeReconciler::recordVerdict(m_history, row.id, result.outcome, &error);
        if (written < 0)
            result.outcome.historyWarning = tr("The history row could not be updated: %1").arg(error);
        else if (written ==
                 0) // settled meanwhile by the create itself or another process: not ours to report
            continue;
        if (result.outcome.verdict == OutcomeReconciler::Verdict::Created)
            known.insert(result.outcome.match.connectionId);
        m_outcome.rows.append(result);
    }
    qCDebug(lcWorkflow) << "reconcile: look" << m_attempt << "settled" << m_open.size() - stillOpen.size()
                        << "rows," << stillOpen.size() << "still open";
    m_open = stillOpen;
    look();
}

void HistoryReconciliation::ended(const ReadStatus& status)
{
    static_cast<ReadStatus&>(m_outcome) = status;
    m_outcome.stopped = !status.ok;
    emit finished(m_outcome);
}

} // namespace das
