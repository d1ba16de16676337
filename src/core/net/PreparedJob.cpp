#include "PreparedJob.h"

namespace das {

PreparedJob::PreparedJob(QNetworkAccessManager* nam, const PreparedRequest& request,
                         const ClientOptions& options, const QList<QSslCertificate>& extraCa,
                         bool usesIamToken, bool idempotent, QObject* parent)
    : NetworkJob(nam, options, extraCa, parent)
    , m_request(request)
    , m_usesIamToken(usesIamToken)
    , m_idempotent(idempotent)
{}

PreparedJob::PreparedJob(QObject* parent)
    : NetworkJob(nullptr, ClientOptions(), {}, parent)
{}

NetworkCall PreparedJob::call() const
{
    NetworkCall c;
    c.method = m_request.method;
    c.url = m_request.url;
    c.headers = m_request.headers;
    c.body = m_request.body;
    c.hasBody = !m_idempotent || !m_request.body.isEmpty();
    c.idempotent = m_idempotent;
    return c;
}

ErrorExplainer::HttpAnswer PreparedJob::answerOf(const NetworkEnding& ending) const
{
    ErrorExplainer::HttpAnswer answer = httpAnswer(ending);
    answer.usedIamToken = m_usesIamToken;
    return answer;
}

} // namespace das
