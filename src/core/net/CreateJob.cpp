#include "CreateJob.h"

namespace das {

CreateJob::CreateJob(QNetworkAccessManager* nam, const PreparedRequest& request, const ClientOptions& options,
                     const QList<QSslCertificate>& extraCa, bool usesIamToken, QObject* parent)
    : NetworkJob(nam, options, extraCa, parent)
    , m_request(request)
    , m_usesIamToken(usesIamToken)
{}

CreateJob::CreateJob(const CreateResult& immediate, QObject* parent)
    : NetworkJob(nullptr, ClientOptions(), {}, parent)
    , m_result(immediate)
{}

CreateJob::~CreateJob() = default;

NetworkCall CreateJob::call() const
{
    NetworkCall c;
    c.method = m_request.method;
    c.url = m_request.url;
    c.headers = m_request.headers;
    c.body = m_request.body;
    c.hasBody = true;
    // A second create would create a second connection.
    c.idempotent = false;
    return c;
}

void CreateJob::ended(const NetworkEnding& ending)
{
    switch (ending.kind) {
    case NetworkEnding::Kind::NoNetwork:
        break; // m_result is the immediate failure
    case NetworkEnding::Kind::Answer: {
        ErrorExplainer::HttpAnswer answer = httpAnswer(ending);
        answer.usedIamToken = m_usesIamToken;
        m_result = ErrorExplainer::fromHttp(answer);
        break;
    }
    case NetworkEnding::Kind::Aborted:
    case NetworkEnding::Kind::Failed:
        m_result = ErrorExplainer::fromFailure(failureInfo(ending));
        break;
    }
    emit finished(m_result);
}

} // namespace das
