#include "DasClient.h"

#include "BoundedRead.h"

#include "CreateJob.h"
#include "EndpointResolver.h"
#include "LoopbackBypassProxyFactory.h"
#include "ReadJob.h"
#include "RequestBuilder.h"
#include "RequestValidator.h"

#include <QNetworkAccessManager>

namespace das {

namespace {

QNetworkAccessManager* makeManager(QObject* parent)
{
    auto* nam = new QNetworkAccessManager(parent);
    nam->setProxyFactory(new LoopbackBypassProxyFactory);
    nam->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    nam->setStrictTransportSecurityEnabled(true);
    return nam;
}

// One sentence (and one translation) for create and read.
QString incompleteCredentials()
{
    return DasClient::tr("Cloud credentials are incomplete: an AK and SK (and a security token for "
                         "temporary credentials), or an IAM token, are required.");
}

} // namespace

// Separate managers so that a create can never be put on a kept-alive connection that a read call (probe,
// list) left in the pool: QNAM re-sends a request whose pooled connection turns out to be dead, and a create
// must reach the server at most once. Every call on a create manager closes its connection. There are several
// create managers because Qt 6.4 opens at most six connections to one host per manager, and a batch sends up
// to BatchRunner's sixteen at a time. The further create managers are made when a second create is sent: a
// one-shot CLI create never needs them.
DasClient::DasClient(QObject* parent)
    : QObject(parent)
    , m_nam(makeManager(this))
{
    m_createNams.append(m_nam);
}

DasClient::~DasClient() = default;

QNetworkAccessManager* DasClient::readNetworkAccessManager()
{
    if (!m_readNam)
        m_readNam = makeManager(this);
    return m_readNam;
}

bool DasClient::setOptions(const ClientOptions& options, QString* error)
{
    QList<QSslCertificate> extra;
    if (!options.caFile.isEmpty()) {
        // Only a regular file, capped while reading: a FIFO named as the CA file must not hang the client.
        QString problem;
        const std::optional<QByteArray> pem = BoundedRead::file(options.caFile, MaxCaFileBytes, &problem);
        if (!pem) {
            if (error)
                *error = tr("CA file: %1").arg(problem);
            return false;
        }
        extra = QSslCertificate::fromData(*pem, QSsl::Pem);
        if (extra.isEmpty()) {
            if (error)
                *error = tr("CA file %1 holds no PEM certificate.").arg(options.caFile);
            return false;
        }
    }
    if (options.inactivityTimeoutMs <= 0 || options.deadlineMs <= 0 || options.maxResponseBytes <= 0) {
        if (error)
            *error = tr("Timeouts and the response size limit must be positive.");
        return false;
    }
    m_options = options;
    m_extraCa = extra;
    // Cached connections keep the TLS configuration they were opened with.
    for (QNetworkAccessManager* nam : std::as_const(m_createNams))
        nam->clearConnectionCache();
    if (m_readNam)
        m_readNam->clearConnectionCache();
    return true;
}

std::optional<CreateResult> DasClient::refusal(const QUrl& endpoint, const ConnectionRequest& request,
                                               const Credentials& credentials)
{
    const Violations violations = RequestValidator::validate(request);
    const auto endpointCheck = EndpointResolver::parseEndpoint(endpoint.toString());
    CreateResult r;
    r.outcome = CreateResult::Outcome::InvalidInput;
    if (!violations.isEmpty()) {
        r.violations = violations;
        r.explanation = tr("The request is not valid; nothing was sent.");
    } else if (!endpointCheck.ok()) {
        r.violations.append({QStringLiteral("endpoint"), QStringLiteral("format"), endpointCheck.error, -1});
        r.explanation = endpointCheck.error;
    } else if (!credentials.isComplete()) {
        r.violations.append(
            {QStringLiteral("credentials"), QStringLiteral("required"), incompleteCredentials(), -1});
        r.explanation = r.violations.constFirst().message;
    } else {
        return std::nullopt;
    }
    return r;
}

CreateJob* DasClient::createConnection(const QUrl& endpoint, const ConnectionRequest& request,
                                       const Credentials& credentials)
{
    CreateJob* job = nullptr;
    if (const std::optional<CreateResult> refused = refusal(endpoint, request, credentials)) {
        job = new CreateJob(*refused, this);
    } else {
        const auto endpointCheck = EndpointResolver::parseEndpoint(endpoint.toString());
        const PreparedRequest prepared = RequestBuilder::build(endpointCheck.endpoint, request, credentials);
        const int slot = m_nextCreateManager++ % CreateManagers;
        if (slot == m_createNams.size())
            m_createNams.append(makeManager(this));
        QNetworkAccessManager* nam = m_createNams.at(slot);
        job = new CreateJob(nam, prepared, m_options, m_extraCa,
                            credentials.kind == Credentials::Kind::IamToken, this);
    }
    QMetaObject::invokeMethod(job, &CreateJob::start, Qt::QueuedConnection);
    return job;
}

ReadJob* DasClient::call(const QUrl& endpoint, const ApiRequest& request, const Credentials& credentials)
{
    ReadJob* job = nullptr;
    const auto endpointCheck = EndpointResolver::parseEndpoint(endpoint.toString());
    CreateResult invalid;
    invalid.outcome = CreateResult::Outcome::InvalidInput;
    if (!endpointCheck.ok()) {
        invalid.explanation = endpointCheck.error;
        job = new ReadJob(ReadResult::failed(invalid), this);
    } else if (!credentials.isComplete()) {
        invalid.explanation = incompleteCredentials();
        job = new ReadJob(ReadResult::failed(invalid), this);
    } else {
        const PreparedRequest prepared =
            RequestBuilder::buildCall(endpointCheck.endpoint, request, credentials);
        // A call that changes something (a delete) never rides a kept-alive connection, like a create.
        job = new ReadJob(request.changesState() ? m_nam : readNetworkAccessManager(), prepared, m_options,
                          m_extraCa, credentials.kind == Credentials::Kind::IamToken, this);
    }
    QMetaObject::invokeMethod(job, &ReadJob::start, Qt::QueuedConnection);
    return job;
}

} // namespace das
