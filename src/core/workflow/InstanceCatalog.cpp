#include "InstanceCatalog.h"

#include "WorkflowLog.h"

#include <QHash>

namespace das {

namespace {

QHash<QByteArray, QList<InstanceInfo>>& cache()
{
    static QHash<QByteArray, QList<InstanceInfo>> lists;
    return lists;
}

} // namespace

InstanceCatalog::InstanceCatalog(const Services& services, QObject* parent)
    : ReadWorkflow(services, parent)
{}

void InstanceCatalog::clearCache()
{
    cache().clear();
}

bool InstanceCatalog::start(const Request& request)
{
    if (isRunning())
        return false;
    m_request = request;
    m_outcome = Outcome();
    m_types.clear();
    m_typeIndex = -1;
    m_expectedDone = 0;
    const QString engine = request.engineType.trimmed();
    const QString type = Datastore::typeFor(engine);
    m_types = engine.isEmpty() ? Datastore::allTypes() : QStringList{type};
    return begin(request.credentials, [this, engine, type] {
        if (!engine.isEmpty() && type.isEmpty()) {
            failInvalid(tr("Unknown engine type \u201c%1\u201d: use mysql, sqlserver, postgresql, taurus, "
                           "gaussdbv5, mongodb or ddm.")
                            .arg(engine));
            return;
        }
        nextType();
    });
}

void InstanceCatalog::nextType()
{
    ++m_typeIndex;
    if (m_typeIndex >= m_types.size()) {
        ReadStatus ok;
        ok.ok = true;
        end(ok);
        return;
    }
    const QString type = m_types.at(m_typeIndex);
    const auto cached = cache().constFind(cacheKey(type));
    if (!m_request.refresh && cached != cache().constEnd()) {
        m_outcome.instances += *cached;
        m_expectedDone += cached->size();
        emit progress(m_outcome.instances.size(), m_expectedDone, type);
        nextType();
        return;
    }
    m_offset = 0;
    m_current.clear();
    loadPage();
}

void InstanceCatalog::loadPage()
{
    ApiRequest read;
    read.pathSegments = {QStringLiteral("v3"), m_request.projectId, QStringLiteral("instances")};
    read.query = {{QStringLiteral("datastore_type"), m_types.at(m_typeIndex)},
                  {QStringLiteral("offset"), QString::number(m_offset)},
                  {QStringLiteral("limit"), QString::number(PageSize)}};
    read.projectId = m_request.projectId;
    this->call(m_request.endpoint, read, [this](const ReadResult& result) { onPage(result); });
}

void InstanceCatalog::onPage(const ReadResult& result)
{
    if (!result.ok) {
        fail(result.failure);
        return;
    }
    const QString type = m_types.at(m_typeIndex);
    QList<InstanceInfo> page;
    int total = 0;
    QString error;
    if (!DiscoveryParser::instancePage(result.object, type, &page, &total, &error)) {
        CreateResult r = ReadExplainer::unreadable(tr("a list of instances"), error);
        r.requestId = result.requestId;
        fail(r);
        return;
    }
    m_current += page;
    const int loaded = m_outcome.instances.size() + m_current.size();
    emit progress(loaded, m_expectedDone + qMax(total, m_current.size()), type);
    // An empty page ends the type even if total_count says otherwise, so a server that miscounts cannot
    // keep us asking.
    const bool more = !page.isEmpty() && m_current.size() < total;
    if (more && m_offset + PageSize <= MaxOffset) {
        m_offset += PageSize;
        loadPage();
        return;
    }
    m_outcome.truncated = m_outcome.truncated || more;
    cache().insert(cacheKey(type), m_current);
    m_outcome.instances += m_current;
    m_expectedDone += m_current.size();
    nextType();
}

QByteArray InstanceCatalog::cacheKey(const QString& type) const
{
    return m_request.endpoint.toString().toUtf8() + '\n' + m_request.projectId.toUtf8() + '\n' +
           credentialKey() + '\n' + type.toUtf8();
}

void InstanceCatalog::ended(const ReadStatus& status)
{
    static_cast<ReadStatus&>(m_outcome) = status;
    if (!status.ok)
        m_outcome.instances.clear();
    qCDebug(lcWorkflow) << "instance catalog: ok" << status.ok << "instances" << m_outcome.instances.size();
    emit finished(m_outcome);
}

} // namespace das
