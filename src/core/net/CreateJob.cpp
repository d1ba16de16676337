#include "CreateJob.h"

namespace das {

CreateJob::CreateJob(QNetworkAccessManager* nam, const PreparedRequest& request, const ClientOptions& options,
                     const QList<QSslCertificate>& extraCa, bool usesIamToken, QObject* parent)
    // A second create would create a second connection: never repeated, never on a kept-alive connection.
    : PreparedJob(nam, request, options, extraCa, usesIamToken, false, parent)
{}

CreateJob::CreateJob(const CreateResult& immediate, QObject* parent)
    : PreparedJob(parent)
    , m_result(immediate)
{}

CreateJob::~CreateJob() = default;

void CreateJob::ended(const NetworkEnding& ending)
{
    m_result = explain<ErrorExplainer>(ending, m_result);
    emit finished(m_result);
}

} // namespace das
