#include "OutcomeReconciler.h"

#include "HistoryStore.h"
#include "WorkflowLog.h"

#include <QTimer>

namespace das {

OutcomeReconciler::OutcomeReconciler(const Services& services, HistoryStore* history, QObject* parent)
    : ConnectionReader(services, parent)
    , m_history(history)
{}

bool OutcomeReconciler::start(const Request& request)
{
    if (isRunning())
        return false;
    m_request = request;
    if (m_request.scheduleMs.isEmpty())
        m_request.scheduleMs = freshSchedule();
    m_outcome = Outcome();
    m_attempt = 0;
    return begin(request.credentials, [this] {
        if (m_request.row.instanceId.isEmpty() || m_request.row.projectId.isEmpty()) {
            failInvalid(tr("The history row names no instance or project to look in."));
            return;
        }
        check();
    });
}

QList<ConnectionInfo> OutcomeReconciler::candidates(const HistoryRecord& row,
                                                    const QList<ConnectionInfo>& list,
                                                    const QSet<QString>& known)
{
    const QDateTime earliest = row.createdAt.isValid() ? row.createdAt.addMSecs(-ClockSlackMs) : QDateTime();
    QList<ConnectionInfo> out;
    for (const ConnectionInfo& c : list) {
        if (!c.hasKey(row.instanceId, row.username, row.databaseName) || known.contains(c.connectionId))
            continue;
        // A connection DAS dates before the create was written cannot be its result. One without a date
        // stays a candidate: better "several, you choose" than a wrong "not created".
        if (earliest.isValid() && c.createAt.isValid() && c.createAt < earliest)
            continue;
        out.append(c);
    }
    return out;
}

void OutcomeReconciler::check()
{
    const int attempts = int(m_request.scheduleMs.size());
    const int wait = m_attempt == 0
                         ? m_request.scheduleMs.at(0)
                         : m_request.scheduleMs.at(m_attempt) - m_request.scheduleMs.at(m_attempt - 1);
    const QPointer<OutcomeReconciler> self(this);
    const Query query{m_request.endpoint, m_request.row.projectId, m_request.row.instanceId, QString()};
    QTimer::singleShot(qMax(0, wait), this, [this, self, query, attempts] {
        if (!self || !isRunning())
            return;
        ++m_attempt;
        emit checking(m_attempt, attempts);
        listAll(query, [this](const Listed& listed) { judge(listed.connections); });
    });
}

void OutcomeReconciler::judge(const QList<ConnectionInfo>& listed)
{
    QSet<QString> known;
    if (m_history && m_history->isOpen())
        known = m_history->connectionIds();
    if (!m_request.row.connectionId.isEmpty())
        known.remove(m_request.row.connectionId);
    const QList<ConnectionInfo> found = candidates(m_request.row, listed, known);
    qCDebug(lcWorkflow) << "reconcile: look" << m_attempt << "found" << found.size() << "candidates";
    if (found.isEmpty() && m_attempt < m_request.scheduleMs.size()) {
        check();
        return;
    }
    if (found.size() == 1) {
        m_outcome.verdict = Verdict::Created;
        m_outcome.match = found.constFirst();
    } else if (found.isEmpty()) {
        m_outcome.verdict = Verdict::NotCreated;
    } else {
        m_outcome.verdict = Verdict::Ambiguous;
        m_outcome.candidates = found;
    }
    m_outcome.ok = true;
    writeVerdict();
    end(m_outcome);
}

QString OutcomeReconciler::describe(const Outcome& outcome)
{
    if (!outcome.ok)
        return tr("could not ask DAS: %1").arg(outcome.failure.explanation);
    switch (outcome.verdict) {
    case Verdict::Created:
        return tr("created (confirmed on DAS)");
    case Verdict::NotCreated:
        return tr("not created, safe to create again");
    case Verdict::Ambiguous:
        break;
    }
    QStringList ids;
    for (const ConnectionInfo& c : outcome.candidates)
        ids.append(c.connectionId);
    return tr("%n connection(s) on DAS match: %1", nullptr, int(ids.size()))
        .arg(ids.join(QStringLiteral(", ")));
}

bool OutcomeReconciler::recordVerdict(HistoryStore* history, qint64 id, const Outcome& outcome,
                                      QString* error)
{
    static const HistoryRecord::State States[] = {
        HistoryRecord::State::Created, HistoryRecord::State::NotCreated, HistoryRecord::State::Unknown};
    return history->setState(id, States[int(outcome.verdict)], outcome.match.connectionId, QString(),
                             describe(outcome), error);
}

void OutcomeReconciler::writeVerdict()
{
    const qint64 id = m_request.row.id;
    QString error;
    if (id && m_history && m_history->isOpen() && !recordVerdict(m_history, id, m_outcome, &error))
        m_outcome.historyWarning = tr("The history row could not be updated: %1").arg(error);
}

void OutcomeReconciler::ended(const ReadStatus& status)
{
    static_cast<ReadStatus&>(m_outcome) = status;
    emit finished(m_outcome);
}

} // namespace das
