#include "ConnectionList.h"

#include "WorkflowLog.h"

namespace das {

ApiRequest ConnectionReader::pageRequest(const Query& query, int offset, int limit)
{
    ApiRequest read;
    read.pathSegments = {QStringLiteral("v3"), query.projectId, QStringLiteral("list-connections")};
    read.query = {{QStringLiteral("offset"), QString::number(offset)},
                  {QStringLiteral("limit"), QString::number(limit)},
                  {QStringLiteral("connection_type"), QStringLiteral("NORMAL")}};
    if (!query.instanceId.isEmpty())
        read.query.append({QStringLiteral("instance_id"), query.instanceId});
    if (!query.condition.isEmpty())
        read.query.append({QStringLiteral("condition"), query.condition});
    read.projectId = query.projectId;
    return read;
}

void ConnectionReader::listPage(const Query& query, int offset, int limit,
                                std::function<void(const Listed&)> next)
{
    call(query.endpoint, pageRequest(query, offset, limit), [this, next](const ReadResult& result) {
        Listed listed;
        QString error;
        if (!result.ok) {
            fail(result.failure);
        } else if (!ConnectionParser::page(result.object, &listed.connections, &listed.totalRecord, &error)) {
            CreateResult r = ReadExplainer::unreadable(tr("a list of connections"), error);
            r.requestId = result.requestId;
            fail(r);
        } else {
            next(listed);
        }
    });
}

void ConnectionReader::listAll(const Query& query, std::function<void(const Listed&)> next,
                               std::function<void(int, int)> progress)
{
    listFrom(query, 0, std::make_shared<Listed>(), std::move(next), std::move(progress));
}

void ConnectionReader::listFrom(const Query& query, int offset, std::shared_ptr<Listed> listed,
                                std::function<void(const Listed&)> next,
                                std::function<void(int, int)> progress)
{
    listPage(query, offset, PageSize, [=](const Listed& page) {
        listed->connections += page.connections;
        listed->totalRecord = page.totalRecord;
        if (progress)
            progress(listed->connections.size(), page.totalRecord);
        const int reached = offset + int(page.connections.size());
        // An empty page ends the walk even if total_record promised more: the list changed meanwhile.
        if (page.connections.isEmpty() || reached >= page.totalRecord) {
            next(*listed);
        } else if (reached >= MaxConnections) {
            listed->truncated = true;
            next(*listed);
        } else {
            listFrom(query, reached, listed, next, progress);
        }
    });
}

ConnectionList::ConnectionList(const Services& services, QObject* parent)
    : ConnectionReader(services, parent)
{}

bool ConnectionList::start(const Request& request)
{
    if (isRunning())
        return false;
    m_request = request;
    m_outcome = Outcome();
    return begin(request.credentials, [this] {
        const Query query{m_request.endpoint, m_request.projectId, m_request.instanceId.trimmed(),
                          m_request.condition.trimmed()};
        if (m_request.projectId.trimmed().isEmpty()) {
            failInvalid(tr("A project ID is needed to list connections."));
            return;
        }
        auto done = [this](const Listed& listed) {
            m_outcome.connections = listed.connections;
            m_outcome.totalRecord = listed.totalRecord;
            m_outcome.truncated = listed.truncated;
            ReadStatus ok;
            ok.ok = true;
            end(ok);
        };
        if (m_request.allPages) {
            listAll(query, done, [this](int loaded, int total) { emit progress(loaded, total); });
        } else {
            listPage(query, qMax(0, m_request.offset), qBound(1, m_request.limit, int(PageSize)), done);
        }
    });
}

void ConnectionList::ended(const ReadStatus& status)
{
    static_cast<ReadStatus&>(m_outcome) = status;
    qCDebug(lcWorkflow) << "connection list:" << m_outcome.connections.size() << "of"
                        << m_outcome.totalRecord;
    emit finished(m_outcome);
}

} // namespace das
