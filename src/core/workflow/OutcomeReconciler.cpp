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
    const QDateTime latest = row.createdAt.isValid() ? row.createdAt.addMSecs(MaxCreateSpanMs) : QDateTime();
    QList<ConnectionInfo> out;
    for (const ConnectionInfo& c : list) {
        if (!c.hasKey(row.instanceId, row.username, row.databaseName) || known.contains(c.connectionId))
            continue;
        // DAS dates a connection when it makes it: one dated before the create was written, or after the
        // create could still have arrived, is somebody else's. One without a date stays a candidate, but it
        // is never taken alone (verdictFor): better "several, you choose" than a wrong answer.
        if (c.createAt.isValid() &&
            ((earliest.isValid() && c.createAt < earliest) || (latest.isValid() && c.createAt > latest)))
            continue;
        out.append(c);
    }
    return out;
}

OutcomeReconciler::Outcome OutcomeReconciler::verdictFor(const QList<ConnectionInfo>& found)
{
    Outcome o;
    o.ok = true;
    if (found.size() == 1 && found.constFirst().createAt.isValid()) {
        o.verdict = Verdict::Created;
        o.match = found.constFirst();
    } else if (found.isEmpty()) {
        o.verdict = Verdict::NotCreated;
    } else {
        o.verdict = Verdict::Ambiguous;
        o.candidates = found;
    }
    return o;
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
        listAll(query, [this](const Listed& listed) {
            if (listed.truncated) // a partial list cannot prove that nothing was created
                failInvalid(tr("DAS lists more than %1 connections for this instance; the create cannot be "
                               "looked for among them.")
                                .arg(MaxConnections));
            else
                judge(listed.connections);
        });
    });
}

void OutcomeReconciler::judge(const QList<ConnectionInfo>& listed)
{
    QSet<QString> known;
    const bool stored = m_request.row.id && m_history && m_history->isOpen();
    if (stored) {
        // Another process (a reconcile, the create itself) may have settled the row meanwhile: its word
        // stands, and the ID it recorded must not count as "known" against this very row.
        const HistoryRecord current = m_history->byId(m_request.row.id);
        if (current.state == HistoryRecord::State::Created ||
            current.state == HistoryRecord::State::NotCreated) {
            adoptSettled(current);
            end(m_outcome);
            return;
        }
        known = m_history->connectionIds();
        known.remove(current.connectionId);
    }
    const QList<ConnectionInfo> found = candidates(m_request.row, listed, known);
    qCDebug(lcWorkflow) << "reconcile: look" << m_attempt << "found" << found.size() << "candidates";
    if (found.isEmpty() && m_attempt < m_request.scheduleMs.size()) {
        check();
        return;
    }
    m_outcome = verdictFor(found);
    writeVerdict();
    end(m_outcome);
}

void OutcomeReconciler::adoptSettled(const HistoryRecord& current)
{
    m_outcome = Outcome();
    m_outcome.ok = true;
    m_outcome.verdict =
        current.state == HistoryRecord::State::Created ? Verdict::Created : Verdict::NotCreated;
    m_outcome.match.connectionId = current.connectionId;
    m_outcome.match.instanceId = current.instanceId;
    m_outcome.match.userName = current.username;
    m_outcome.match.databaseName = current.databaseName;
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
    const QStringList ids = ConnectionInfo::idsOf(outcome.candidates);
    return tr("%n connection(s) on DAS match: %1", nullptr, int(ids.size()))
        .arg(ids.join(QStringLiteral(", ")));
}

int OutcomeReconciler::recordVerdict(HistoryStore* history, qint64 id, const Outcome& outcome, QString* error)
{
    static const HistoryRecord::State States[] = {
        HistoryRecord::State::Created, HistoryRecord::State::NotCreated, HistoryRecord::State::Unknown};
    return history->settleUnresolved(id, States[int(outcome.verdict)], outcome.match.connectionId,
                                     describe(outcome), error);
}

void OutcomeReconciler::writeVerdict()
{
    const qint64 id = m_request.row.id;
    if (!id || !m_history || !m_history->isOpen())
        return;
    QString error;
    const int written = recordVerdict(m_history, id, m_outcome, &error);
    if (written < 0) {
        m_outcome.historyWarning = tr("The history row could not be updated: %1").arg(error);
    } else if (written == 0) {
        // Settled by someone else between the look and now: report what the row says.
        const HistoryRecord current = m_history->byId(id);
        if (current.state == HistoryRecord::State::Created ||
            current.state == HistoryRecord::State::NotCreated)
            adoptSettled(current);
    }
}

void OutcomeReconciler::ended(const ReadStatus& status)
{
    static_cast<ReadStatus&>(m_outcome) = status;
    emit finished(m_outcome);
}

} // namespace das
