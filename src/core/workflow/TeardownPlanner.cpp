#include "TeardownPlanner.h"

#include "HistoryStore.h"
#include "WorkflowLog.h"

#include <QHash>

namespace das {

QStringList TeardownPlanner::Outcome::connectionIds() const
{
    QStringList ids;
    for (const Item& item : toDelete)
        ids.append(item.row.connectionId);
    return ids;
}

QStringList TeardownPlanner::Outcome::instanceIds() const
{
    QStringList ids;
    for (const Item& item : toDelete) {
        if (!ids.contains(item.row.instanceId))
            ids.append(item.row.instanceId);
    }
    return ids;
}

TeardownPlanner::TeardownPlanner(const Services& services, HistoryStore* history, QObject* parent)
    : ConnectionReader(services, parent)
    , m_history(history)
{}

bool TeardownPlanner::start(const Request& request)
{
    if (isRunning())
        return false;
    m_request = request;
    m_outcome = Outcome();
    m_rows.clear();
    return begin(request.credentials, [this] {
        if (!m_history || !m_history->isOpen()) {
            failInvalid(tr("The history is not available, so what it created is not known."));
            return;
        }
        if (!m_request.since.isValid()) {
            failInvalid(tr("Choose the time from which to delete what this history created."));
            return;
        }
        m_rows = m_history->createdSince(m_request.endpoint.toString(), m_request.projectId, m_request.since);
        if (m_rows.isEmpty()) {
            ReadStatus ok;
            ok.ok = true;
            end(ok);
            return;
        }
        const Query query{m_request.endpoint, m_request.projectId, QString(), QString()};
        listAll(query, [this](const Listed& listed) { plan(listed); });
    });
}

void TeardownPlanner::plan(const Listed& listed)
{
    QHash<QString, ConnectionInfo> onDas;
    for (const ConnectionInfo& c : listed.connections)
        onDas.insert(c.connectionId, c);
    QStringList gone;
    for (const HistoryRecord& row : std::as_const(m_rows)) {
        const auto it = onDas.constFind(row.connectionId);
        if (it != onDas.constEnd()) {
            m_outcome.toDelete.append({row, *it});
        } else if (listed.truncated) {
            // DAS listed too many to be sure this one is gone: it stays in the plan.
            m_outcome.toDelete.append({row, ConnectionInfo()});
        } else {
            m_outcome.alreadyGone.append(row);
            gone.append(row.connectionId);
        }
    }
    QString error;
    // What DAS no longer lists is gone whatever happens next; the history says so now.
    if (!gone.isEmpty())
        m_history->markDeleted(gone, &error);
    qCDebug(lcWorkflow) << "teardown plan:" << m_outcome.toDelete.size() << "to delete,"
                        << m_outcome.alreadyGone.size() << "already gone";
    ReadStatus ok;
    ok.ok = true;
    end(ok);
}

void TeardownPlanner::ended(const ReadStatus& status)
{
    static_cast<ReadStatus&>(m_outcome) = status;
    emit finished(m_outcome);
}

} // namespace das
