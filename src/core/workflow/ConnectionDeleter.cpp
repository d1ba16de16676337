#include "ConnectionDeleter.h"

#include "ConnectionInfo.h"
#include "HistoryStore.h"
#include "ServerText.h"
#include "WorkflowLog.h"

namespace das {

ConnectionDeleter::ConnectionDeleter(const Services& services, HistoryStore* history, QObject* parent)
    : ReadWorkflow(services, parent)
    , m_history(history)
{}

bool ConnectionDeleter::start(const Request& request)
{
    if (isRunning())
        return false;
    m_request = request;
    m_request.connectionIds.removeDuplicates();
    m_outcome = Outcome();
    m_next = 0;
    return begin(request.credentials, [this] {
        for (const QString& id : std::as_const(m_request.connectionIds)) {
            if (!ServerText::isConnectionId(id)) {
                failInvalid(tr("\u201c%1\u201d is not a connection ID.").arg(ServerText::clean(id, 80)));
                return;
            }
        }
        if (m_request.projectId.trimmed().isEmpty()) {
            failInvalid(tr("A project ID is needed to delete connections."));
            return;
        }
        nextChunk();
    });
}

void ConnectionDeleter::nextChunk()
{
    const QStringList& ids = m_request.connectionIds;
    emit progress(m_next, ids.size());
    if (m_next >= ids.size()) {
        ReadStatus ok;
        ok.ok = true;
        end(ok);
        return;
    }
    const QStringList chunk = ids.mid(m_next, ChunkSize);
    m_next += chunk.size();
    ApiRequest del;
    del.method = QByteArrayLiteral("DELETE");
    del.pathSegments = {QStringLiteral("v3"), m_request.projectId,
                        QStringLiteral("batch-delete-connections")};
    del.body = ConnectionParser::deleteBody(chunk);
    del.projectId = m_request.projectId;
    qCDebug(lcWorkflow) << "deleting" << chunk.size() << "connections";
    call(m_request.endpoint, del, [this, chunk](const ReadResult& result) { onChunk(chunk, result); });
}

void ConnectionDeleter::onChunk(const QStringList& chunk, const ReadResult& result)
{
    bool status = false;
    QString error;
    if (result.ok && ConnectionParser::deleteStatus(result.object, &status, &error) && status) {
        m_outcome.deleted += chunk;
        if (m_history && m_history->isOpen() && m_history->markDeleted(chunk, &error) < 0)
            m_outcome.historyWarning = tr("Deleted on DAS, but the history was not updated: %1").arg(error);
        nextChunk();
        return;
    }
    CreateResult failure = result.failure;
    const bool refused = result.ok && error.isEmpty(); // a readable "status": false
    if (result.ok) {
        failure = ReadExplainer::unreadable(tr("the result of a delete"), error);
        if (refused)
            failure.explanation = tr("DAS answered that the connections were not deleted.");
        failure.requestId = result.requestId;
    }
    // A delete whose answer was lost or unreadable (any 2xx but a plain "status": false, a 5xx) may have
    // been carried out: say so rather than "nothing was changed".
    const bool answered2xx = result.ok || (failure.httpStatus >= 200 && failure.httpStatus < 300);
    const bool mayHaveHappened =
        !refused && failure.requestSent &&
        (answered2xx || failure.outcome == CreateResult::Outcome::Unknown ||
         (failure.outcome == CreateResult::Outcome::ApiError && failure.httpStatus >= 500));
    if (mayHaveHappened) {
        m_outcome.uncertain += chunk;
        failure.explanation = tr("The answer to a delete was lost: %n connection(s) may or may not have been "
                                 "deleted. List the connections again to see.",
                                 nullptr, int(chunk.size()));
    } else {
        m_outcome.notSent += chunk;
    }
    m_outcome.notSent += m_request.connectionIds.mid(m_next);
    fail(failure);
}

void ConnectionDeleter::ended(const ReadStatus& status)
{
    static_cast<ReadStatus&>(m_outcome) = status;
    // A run ended from outside (cancel, credentials, invalid input): what was in flight is uncertain, what
    // was never sent is not sent.
    const int accounted =
        int(m_outcome.deleted.size() + m_outcome.uncertain.size() + m_outcome.notSent.size());
    if (!status.ok && accounted < m_request.connectionIds.size()) {
        const int settled = int(m_outcome.deleted.size());
        m_outcome.uncertain += m_request.connectionIds.mid(settled, m_next - settled);
        m_outcome.notSent += m_request.connectionIds.mid(m_next);
    }
    emit finished(m_outcome);
}

} // namespace das
