#include "SandboxServer.h"

#include "SandboxLog.h"

#include <QFile>
#include <QLocale>
#include <QSslCertificate>
#include <QSslKey>
#include <QTcpSocket>
#include <QTimer>
#include <QUuid>

namespace das {

Q_LOGGING_CATEGORY(lcSandbox, "das.sandbox", QtWarningMsg)

SandboxServer::SandboxServer(const SandboxOptions& options, QObject* parent)
    : HttpListener(parent)
    , m_options(options)
    , m_connections(options.maxIssuedIds)
{
    setLimits(m_options.http, m_options.connections);
    m_stateWriter.setMaxThreadCount(1);
    m_stateTimer.setSingleShot(true);
    connect(&m_stateTimer, &QTimer::timeout, this, [this] {
        if (m_stateDirty)
            writeState();
    });
}

// What the state file has not been told yet is written now: a sandbox that quits normally loses nothing.
SandboxServer::~SandboxServer()
{
    m_stateWriter.waitForDone();
    if (m_stateDirty)
        writeState();
    m_stateWriter.waitForDone();
}

bool SandboxServer::start(QString* error)
{
    if (!loadState(error))
        return false;
    if (!m_options.tlsCertificate.isEmpty() || !m_options.tlsKey.isEmpty()) {
        QFile certFile(m_options.tlsCertificate);
        QFile keyFile(m_options.tlsKey);
        if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly)) {
            if (error)
                *error = tr("Cannot read the TLS certificate or key.");
            return false;
        }
        const QSslCertificate cert(&certFile, QSsl::Pem);
        const QSslKey key(&keyFile, QSsl::Rsa, QSsl::Pem);
        if (cert.isNull() || key.isNull()) {
            if (error)
                *error = tr("The TLS certificate or key is not valid PEM (RSA keys only).");
            return false;
        }
        setTls(cert, key);
    }
    if (!listen(m_options.address, m_options.port)) {
        if (error)
            *error = tr("Cannot listen on %1 port %2 (in use?).")
                         .arg(m_options.address.toString())
                         .arg(m_options.port);
        return false;
    }
    m_port = serverPort();
    return true;
}

QUrl SandboxServer::url() const
{
    QUrl url;
    url.setScheme(isTls() ? QStringLiteral("https") : QStringLiteral("http"));
    url.setHost(m_options.address.toString());
    url.setPort(m_port);
    return url;
}

QString SandboxServer::banner() const
{
    const bool demoKeys = m_options.accessKey == QLatin1String(SandboxOptions::DemoAccessKey) &&
                          m_options.secretKey == QLatin1String(SandboxOptions::DemoSecretKey);
    QString text;
    text += tr("DAS sandbox listening on %1 (mode %2, latency %3 ms)\n")
                .arg(url().toString(), SandboxOptions::modeName(m_options.mode))
                .arg(m_options.latencyMs);
    text += tr("  endpoint:        %1\n").arg(url().toString());
    if (m_options.throttleEvery > 0)
        text += tr("  throttling:      one create in %1 is answered 429 (Retry-After: 1)\n")
                    .arg(m_options.throttleEvery);
    text += tr("  access key (AK): %1\n").arg(m_options.accessKey);
    text += demoKeys
                ? tr("  secret key (SK): %1   (public demo key, not a secret)\n").arg(m_options.secretKey)
                : tr("  secret key (SK): as configured (DAS_SANDBOX_SK or --sk-file)\n");
    text += tr("  IAM token:       %1\n")
                .arg(m_options.iamToken == QLatin1String(SandboxOptions::DemoIamToken) ? m_options.iamToken
                                                                                       : tr("as configured"));
    text += m_options.anyIds
                ? tr("  project IDs:     any well-formed ID\n")
                : tr("  project ID:      %1\n").arg(m_options.projectIds.join(QStringLiteral(", ")));
    // The inventory is hundreds of IDs: the banner counts them and names the demo instance.
    text += m_options.anyIds ? tr("  instance IDs:    any well-formed ID\n")
                             : tr("  instance IDs:    %1 accepted (demo: %2)\n")
                                   .arg(m_options.instanceIds.size())
                                   .arg(QLatin1String(SandboxOptions::DemoInstanceId));
    text += tr("  inventory:       %1 instances (project %2)\n")
                .arg(m_options.inventory.instances().size())
                .arg(m_options.inventory.projectId());
    return text;
}

QDateTime SandboxServer::serverTime() const
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    return m_options.mode == SandboxOptions::Mode::Expired ? now.addSecs(SandboxOptions::ExpiredSkewSeconds)
                                                           : now;
}

void SandboxServer::handleRequest(const HttpRequest& request, QTcpSocket* socket)
{
    ++m_requestCount;
    const QByteArray requestId = QUuid::createUuid().toByteArray(QUuid::Id128);
    emit requestReceived(QString::fromLatin1(request.method), QString::fromLatin1(request.path),
                         QString::fromLatin1(requestId));
    const Answer answer = process(request, requestId);
    QPointer<QTcpSocket> guarded(socket);
    if (answer.hang) {
        hold(socket);
        return;
    }
    if (m_options.latencyMs > 0) {
        QTimer::singleShot(m_options.latencyMs, this,
                           [this, guarded, answer, requestId] { send(guarded, answer, requestId); });
    } else {
        send(guarded, answer, requestId);
    }
}

// Refused by the HTTP layer before it was a request: a gateway-style error, never reaching the DAS part.
void SandboxServer::handleRefused(int status, const QByteArray& reason, QTcpSocket* socket)
{
    const QByteArray requestId = QUuid::createUuid().toByteArray(QUuid::Id128);
    send(QPointer<QTcpSocket>(socket),
         error(status, QStringLiteral("APIGW.0201"),
               QStringLiteral("Bad request: ") + QString::fromLatin1(reason), requestId),
         requestId);
}

void SandboxServer::send(QPointer<QTcpSocket> socket, const Answer& answer, const QByteArray& requestId)
{
    if (!socket)
        return;
    if (answer.reset) {
        resetConnection(socket);
        emit requestAnswered(0, QStringLiteral("reset"), QString::fromLatin1(requestId));
        return;
    }
    HttpAnswer out;
    out.status = answer.status;
    out.headers = {
        {QByteArrayLiteral("Content-Type"), answer.contentType},
        {QByteArrayLiteral("Date"),
         QLocale::c().toString(serverTime(), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'")).toLatin1()},
        {QByteArrayLiteral("X-Request-Id"), requestId},
        {QByteArrayLiteral("Server"), QByteArrayLiteral("das-sandbox")},
    };
    out.headers += answer.headers;
    out.body = answer.body;
    respond(socket, out);
    qCDebug(lcSandbox) << "answered" << answer.status << answer.errorCode << "request" << requestId;
    emit requestAnswered(answer.status, answer.errorCode, QString::fromLatin1(requestId));
}

void SandboxServer::recordIssued(const QString& connectionId)
{
    m_issued.append(connectionId);
    // As for the connection store: room reserved when the list first fills, so that it never grows after.
    if (m_issued.size() == qMax(1, m_options.maxIssuedIds))
        m_issued.reserve(SandboxConnections::boundedCapacity(m_options.maxIssuedIds));
    // Bounded: a long-running sandbox must not grow with every create.
    while (m_issued.size() > qMax(1, m_options.maxIssuedIds))
        m_issued.removeFirst();
}

} // namespace das
