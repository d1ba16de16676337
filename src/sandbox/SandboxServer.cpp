#include "SandboxServer.h"

#include "SandboxLog.h"

#include "AkSkSigner.h"
#include "Credentials.h"
#include "RequestValidator.h"

#include <QFile>
#include <QHttpServerRequest>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QMetaEnum>
#include <QSslCertificate>
#include <QSslKey>
#include <QTcpSocket>
#include <QTimer>
#include <QUuid>

#include <sys/socket.h>

namespace das {

Q_LOGGING_CATEGORY(lcSandbox, "das.sandbox", QtWarningMsg)

namespace {

constexpr qint64 SignatureWindowSeconds = 15 * 60;

QByteArray headerOf(const QHttpServerRequest& request, const QByteArray& lowerName)
{
    const auto headers = request.headers();
    for (const auto& header : headers) {
        if (header.first.toLower() == lowerName)
            return header.second;
    }
    return {};
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 307:
        return "Temporary Redirect";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    default:
        return "Status";
    }
}

} // namespace

SandboxServer::SandboxServer(const SandboxOptions& options, QObject* parent)
    : QAbstractHttpServer(parent)
    , m_options(options)
{}

SandboxServer::~SandboxServer() = default;

bool SandboxServer::start(QString* error)
{
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
        sslSetup(cert, key);
        m_tls = true;
    }
    m_port = listen(m_options.address, m_options.port);
    if (m_port == 0) {
        if (error)
            *error = tr("Cannot listen on %1 port %2 (in use?).")
                         .arg(m_options.address.toString())
                         .arg(m_options.port);
        return false;
    }
    return true;
}

QUrl SandboxServer::url() const
{
    QUrl url;
    url.setScheme(m_tls ? QStringLiteral("https") : QStringLiteral("http"));
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
    text += tr("  access key (AK): %1\n").arg(m_options.accessKey);
    text += demoKeys
                ? tr("  secret key (SK): %1   (public demo key, not a secret)\n").arg(m_options.secretKey)
                : tr("  secret key (SK): as given with --sk\n");
    text += tr("  IAM token:       %1\n")
                .arg(m_options.iamToken == QLatin1String(SandboxOptions::DemoIamToken) ? m_options.iamToken
                                                                                       : tr("as configured"));
    text += m_options.anyIds
                ? tr("  project IDs:     any well-formed ID\n")
                : tr("  project ID:      %1\n").arg(m_options.projectIds.join(QStringLiteral(", ")));
    text += m_options.anyIds
                ? tr("  instance IDs:    any well-formed ID\n")
                : tr("  instance IDs:    %1\n").arg(m_options.instanceIds.join(QStringLiteral(", ")));
    return text;
}

QDateTime SandboxServer::serverTime() const
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    return m_options.mode == SandboxOptions::Mode::Expired ? now.addSecs(SandboxOptions::ExpiredSkewSeconds)
                                                           : now;
}

SandboxServer::Answer SandboxServer::error(int status, const QString& code, const QString& message,
                                           const QByteArray& requestId)
{
    Answer a;
    a.status = status;
    a.errorCode = code;
    a.body = QJsonDocument(QJsonObject{{QStringLiteral("error_code"), code},
                                       {QStringLiteral("error_msg"), message},
                                       {QStringLiteral("request_id"), QString::fromLatin1(requestId)}})
                 .toJson(QJsonDocument::Compact);
    return a;
}

bool SandboxServer::handleRequest(const QHttpServerRequest& request, QTcpSocket* socket)
{
    ++m_requestCount;
    const QByteArray requestId = QUuid::createUuid().toByteArray(QUuid::Id128);
    emit requestReceived(QString::fromLatin1(QMetaEnum::fromType<QHttpServerRequest::Method>().valueToKey(
                                                 int(request.method())))
                             .toUpper(),
                         request.url().path(), QString::fromLatin1(requestId));
    const Answer answer = process(request, requestId);
    QPointer<QTcpSocket> guarded(socket);
    if (answer.hang) {
        m_hanging.append(guarded);
        return true;
    }
    if (m_options.latencyMs > 0) {
        QTimer::singleShot(m_options.latencyMs, this,
                           [this, guarded, answer, requestId] { send(guarded, answer, requestId); });
    } else {
        send(guarded, answer, requestId);
    }
    return true;
}

void SandboxServer::missingHandler(const QHttpServerRequest&, QTcpSocket* socket)
{
    send(QPointer<QTcpSocket>(socket),
         error(404, QStringLiteral("APIGW.0101"), QStringLiteral("Not found"), {}), {});
}

void SandboxServer::send(QPointer<QTcpSocket> socket, const Answer& answer, const QByteArray& requestId)
{
    if (!socket)
        return;
    if (answer.reset) {
        // SO_LINGER 0 turns close into a TCP RST, like a crashed load balancer.
        const linger hard{1, 0};
        ::setsockopt(int(socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
        socket->abort();
        emit requestAnswered(0, QStringLiteral("reset"), QString::fromLatin1(requestId));
        return;
    }
    QByteArray out =
        "HTTP/1.1 " + QByteArray::number(answer.status) + ' ' + reasonPhrase(answer.status) + "\r\n";
    out += "Content-Type: " + answer.contentType + "\r\n";
    out += "Content-Length: " + QByteArray::number(answer.body.size()) + "\r\n";
    out += "Date: " +
           QLocale::c().toString(serverTime(), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'")).toLatin1() +
           "\r\n";
    out += "X-Request-Id: " + requestId + "\r\n";
    out += "Server: das-sandbox\r\n";
    for (const auto& header : answer.headers)
        out += header.first + ": " + header.second + "\r\n";
    out += "Connection: close\r\n\r\n";
    out += answer.body;
    socket->write(out);
    socket->disconnectFromHost();
    qCDebug(lcSandbox) << "answered" << answer.status << answer.errorCode << "request" << requestId;
    emit requestAnswered(answer.status, answer.errorCode, QString::fromLatin1(requestId));
}

SandboxServer::Answer SandboxServer::process(const QHttpServerRequest& request, const QByteArray& requestId)
{
    using Mode = SandboxOptions::Mode;
    const QString path = request.url().path();

    if (path == QLatin1String("/") && request.method() == QHttpServerRequest::Method::Get) {
        Answer a;
        a.body =
            QJsonDocument(QJsonObject{{QStringLiteral("service"), QStringLiteral("das-sandbox")},
                                      {QStringLiteral("mode"), SandboxOptions::modeName(m_options.mode)}})
                .toJson(QJsonDocument::Compact);
        return a;
    }

    if (m_options.mode == Mode::Redirect) {
        Answer a;
        a.status = 307;
        a.errorCode = QStringLiteral("redirect");
        a.headers.append({QByteArrayLiteral("Location"), url().toEncoded() + "/elsewhere" + path.toUtf8()});
        return a;
    }

    // Route: POST /v3/{project_id}/instances/{instance_id}/create-connection
    const QStringList parts = path.split(u'/');
    const bool routeMatches =
        parts.size() == 6 && parts.at(0).isEmpty() && parts.at(1) == QLatin1String("v3") &&
        parts.at(3) == QLatin1String("instances") && parts.at(5) == QLatin1String("create-connection");
    if (!routeMatches) {
        return error(404, QStringLiteral("APIGW.0101"),
                     QStringLiteral("The API does not exist or has not been published in the environment"),
                     requestId);
    }
    if (request.method() != QHttpServerRequest::Method::Post) {
        return error(404, QStringLiteral("APIGW.0101"),
                     QStringLiteral("The API does not exist or has not been published in the environment"),
                     requestId);
    }

    if (m_options.mode == Mode::Throttle) {
        Answer a = error(
            429, QStringLiteral("APIGW.0308"),
            QStringLiteral("The throttling threshold has been reached: policy user over ratelimit,limit:5,"
                           "time:1 minute"),
            requestId);
        a.headers.append({QByteArrayLiteral("Retry-After"), QByteArrayLiteral("60")});
        return a;
    }

    bool authenticated = false;
    Answer authFailure = authenticate(request, requestId, &authenticated);
    if (!authenticated)
        return authFailure;

    return createConnection(request, parts.at(2), parts.at(4), requestId);
}

SandboxServer::Answer SandboxServer::authenticate(const QHttpServerRequest& request,
                                                  const QByteArray& requestId, bool* ok) const
{
    *ok = false;
    const QString prefix = QStringLiteral("Incorrect IAM authentication information: ");
    const QByteArray token = headerOf(request, "x-auth-token");
    if (!token.isEmpty()) {
        if (QString::fromUtf8(token) != m_options.iamToken)
            return error(401, QStringLiteral("APIGW.0301"), prefix + QStringLiteral("decrypt token fail"),
                         requestId);
        *ok = true;
        return {};
    }

    const QByteArray authorization = headerOf(request, "authorization");
    if (authorization.isEmpty()) {
        return error(401, QStringLiteral("APIGW.0301"),
                     prefix + QStringLiteral("Authorization or X-Auth-Token header is missing"), requestId);
    }
    AkSkSigner::ParsedAuthorization parsed;
    if (!AkSkSigner::parseAuthorization(authorization, &parsed)) {
        return error(401, QStringLiteral("APIGW.0301"),
                     prefix + QStringLiteral("verify aksk signature fail, malformed Authorization header"),
                     requestId);
    }
    if (QString::fromUtf8(parsed.access) != m_options.accessKey) {
        return error(401, QStringLiteral("APIGW.0301"),
                     prefix + QStringLiteral("Get secretKey failed,ak:") +
                         QString::fromLatin1(Credentials::maskAccessKey(parsed.access)) +
                         QStringLiteral(",err:ak not exist"),
                     requestId);
    }
    if (!parsed.signedHeaders.contains("host") || !parsed.signedHeaders.contains("x-sdk-date")) {
        return error(401, QStringLiteral("APIGW.0301"),
                     prefix +
                         QStringLiteral("verify aksk signature fail, host and x-sdk-date must be signed"),
                     requestId);
    }
    const QDateTime signedAt = AkSkSigner::parseDate(headerOf(request, "x-sdk-date"));
    if (!signedAt.isValid()) {
        return error(401, QStringLiteral("APIGW.0301"),
                     prefix +
                         QStringLiteral("verify aksk signature fail, x-sdk-date is not yyyyMMddTHHmmssZ"),
                     requestId);
    }
    const qint64 skew = signedAt.secsTo(serverTime());
    if (skew > SignatureWindowSeconds || skew < -SignatureWindowSeconds) {
        return error(
            401, QStringLiteral("APIGW.0301"),
            prefix + QStringLiteral("signature expired, x-sdk-date is more than 15 minutes from server time"),
            requestId);
    }

    HeaderList headers;
    const auto received = request.headers();
    for (const auto& header : received)
        headers.append({header.first, header.second});
    QUrl url = request.url();
    const auto expected = AkSkSigner::signSelected(parsed.access, m_options.secretKey.toUtf8(), "POST", url,
                                                   headers, parsed.signedHeaders, request.body());
    if (expected.signature != parsed.signature) {
        return error(401, QStringLiteral("APIGW.0301"), prefix + QStringLiteral("verify aksk signature fail"),
                     requestId);
    }

    const QByteArray securityToken = headerOf(request, "x-security-token");
    if (!securityToken.isEmpty() && (!parsed.signedHeaders.contains("x-security-token") ||
                                     QString::fromUtf8(securityToken) != m_options.securityToken)) {
        return error(401, QStringLiteral("APIGW.0301"),
                     prefix + QStringLiteral("the security token is invalid or expired"), requestId);
    }
    *ok = true;
    return {};
}

SandboxServer::Answer SandboxServer::createConnection(const QHttpServerRequest& request,
                                                      const QString& projectId, const QString& instanceId,
                                                      const QByteArray& requestId)
{
    const Violations projectProblems = RequestValidator::validateProjectId(projectId);
    if (!projectProblems.isEmpty() || (!m_options.anyIds && !m_options.projectIds.contains(projectId)))
        return error(400, QStringLiteral("DAS.200113"), QStringLiteral("Invalid project ID."), requestId);
    const QByteArray headerProject = headerOf(request, "x-project-id");
    if (!headerProject.isEmpty() && QString::fromUtf8(headerProject) != projectId)
        return error(400, QStringLiteral("DAS.200113"),
                     QStringLiteral("Invalid project ID: X-Project-Id differs."), requestId);
    const Violations instanceProblems = RequestValidator::validateInstanceId(instanceId);
    if (!instanceProblems.isEmpty() || (!m_options.anyIds && !m_options.instanceIds.contains(instanceId)))
        return error(400, QStringLiteral("DAS.200114"), QStringLiteral("Invalid instance ID."), requestId);

    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(request.body(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        return error(400, QStringLiteral("DAS.200100"),
                     QStringLiteral("Invalid parameter: the body is not a JSON object."), requestId);
    }
    Violations problems;
    ConnectionRequest body = ConnectionRequest::fromJson(doc.object(), &problems);
    body.projectId = projectId;
    body.instanceId = instanceId;
    problems += RequestValidator::validate(body);
    if (!problems.isEmpty()) {
        QStringList messages;
        for (const Violation& v : problems)
            messages.append(v.field + QStringLiteral(": ") + v.message);
        return error(400, QStringLiteral("DAS.200100"),
                     QStringLiteral("Invalid parameter. ") + messages.join(QStringLiteral(" ")), requestId);
    }

    if (const std::optional<Answer> fault = faultAnswer(requestId))
        return *fault;
    Answer a;
    const QString connectionId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_issued.append(connectionId);
    a.body = QJsonDocument(QJsonObject{{QStringLiteral("connection_id"), connectionId}})
                 .toJson(QJsonDocument::Compact);
    emit connectionCreated(connectionId, QString::fromLatin1(requestId));
    return a;
}

// The answer of a fault mode that replaces a valid create's success, if the mode does.
std::optional<SandboxServer::Answer> SandboxServer::faultAnswer(const QByteArray& requestId) const
{
    using Mode = SandboxOptions::Mode;
    Answer a;
    switch (m_options.mode) {
    case Mode::E500:
        return error(500, QStringLiteral("DAS.100000"), QStringLiteral("Internal server error."), requestId);
    case Mode::Html502:
        a.status = 502;
        a.contentType = "text/html";
        a.errorCode = QStringLiteral("html502");
        a.body = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad "
                 "Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
        return a;
    case Mode::Garbage:
        a.contentType = "application/octet-stream";
        a.errorCode = QStringLiteral("garbage");
        a.body = QByteArray("\x1f\x8b\x08garbage\xff\xfe not json", 25);
        return a;
    case Mode::Truncated:
        a.errorCode = QStringLiteral("truncated");
        a.body = "{\"connection_id\": \"" + QUuid::createUuid().toByteArray(QUuid::WithoutBraces).left(12);
        return a;
    case Mode::WrongType:
        a.errorCode = QStringLiteral("wrongtype");
        a.body = "{\"connection_id\": 12345}";
        return a;
    case Mode::Large:
        a.errorCode = QStringLiteral("large");
        a.body = "{\"connection_id\": \"" + QByteArray(2 * 1024 * 1024, 'x') + "\"}";
        return a;
    case Mode::Reset:
        a.reset = true;
        return a;
    case Mode::Hang:
        a.hang = true;
        return a;
    case Mode::Ok:
    case Mode::Expired:
    case Mode::Throttle:
    case Mode::Redirect:
        break;
    }
    return std::nullopt;
}

} // namespace das
