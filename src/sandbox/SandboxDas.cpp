// The gateway and DAS half of the sandbox: routing, fault modes, authentication and the create itself (the
// read calls are in SandboxReads.cpp). What
// it reads comes from HttpRequestParser, so the request is well framed, but every value in it is still
// untrusted.
#include "SandboxServer.h"

#include "AkSkSigner.h"
#include "Credentials.h"
#include "RequestValidator.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>
#include <QUuid>

namespace das {

namespace {

constexpr qint64 SignatureWindowSeconds = 15 * 60;

// Compares secrets and signatures in time that depends on the length only, not on where they first differ,
// so that timing tells a client nothing about how much of a guess was right.
bool sameSecret(const QByteArray& a, const QByteArray& b)
{
    if (a.size() != b.size())
        return false;
    unsigned char difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        difference |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return difference == 0;
}

// The create's body must be JSON; parameters such as charset may follow.
bool isJsonMediaType(const QByteArray& contentType)
{
    const QByteArray type = contentType.split(';').constFirst().trimmed();
    return type.compare("application/json", Qt::CaseInsensitive) == 0;
}

} // namespace

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

SandboxServer::Answer SandboxServer::process(const HttpRequest& request, const QByteArray& requestId)
{
    using Mode = SandboxOptions::Mode;
    // The raw path: IDs are matched as sent, so a percent-encoded ID is refused, never decoded into a valid
    // one.
    const QByteArray& path = request.path;

    if (path == "/" && request.method == "GET") {
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
        // The raw path is visible ASCII only (HttpRequestParser) and HttpListener encodes any control byte.
        a.headers.append({QByteArrayLiteral("Location"), url().toEncoded() + "/elsewhere" + path});
        return a;
    }

    // Route: POST /v3/{project_id}/instances/{instance_id}/create-connection, DELETE
    // /v3/{project_id}/batch-delete-connections (SandboxConnections.cpp), or GET of a read call.
    const QList<QByteArray> parts = path.split('/');
    const bool isCreate = parts.size() == 6 && parts.at(0).isEmpty() && parts.at(1) == "v3" &&
                          parts.at(3) == "instances" && parts.at(5) == "create-connection" &&
                          request.method == "POST";
    const bool isDelete = parts.size() == 4 && parts.at(0).isEmpty() && parts.at(1) == "v3" &&
                          parts.at(3) == "batch-delete-connections" && request.method == "DELETE";
    const ReadRoute readRoute = request.method == "GET" ? readRouteOf(parts) : ReadRoute::None;
    if (!isCreate && !isDelete && readRoute == ReadRoute::None)
        return notFound(requestId);
    if ((isCreate || isDelete) && !isJsonMediaType(request.header("content-type"))) {
        return error(415, QStringLiteral("APIGW.0201"),
                     QStringLiteral("Unsupported media type: the body must be application/json"), requestId);
    }

    if (m_options.mode == Mode::Throttle)
        return throttled(QByteArrayLiteral("60"), requestId);

    bool authenticated = false;
    Answer authFailure = authenticate(request, requestId, &authenticated);
    if (!authenticated)
        return authFailure;

    if (isDelete)
        return deleteConnections(request, QString::fromLatin1(parts.at(2)), requestId);
    if (!isCreate)
        return readCall(request, readRoute, parts, requestId);
    return createConnection(request, QString::fromLatin1(parts.at(2)), QString::fromLatin1(parts.at(4)),
                            requestId);
}

// The gateway's throttling refusal: nothing reaches DAS, so nothing is created.
SandboxServer::Answer SandboxServer::throttled(const QByteArray& retryAfter, const QByteArray& requestId)
{
    Answer a = error(429, QStringLiteral("APIGW.0308"),
                     QStringLiteral("The throttling threshold has been reached: policy user over ratelimit,"
                                    "limit:5,time:1 minute"),
                     requestId);
    a.headers.append({QByteArrayLiteral("Retry-After"), retryAfter});
    return a;
}

SandboxServer::Answer SandboxServer::notFound(const QByteArray& requestId)
{
    return error(404, QStringLiteral("APIGW.0101"),
                 QStringLiteral("The API does not exist or has not been published in the environment"),
                 requestId);
}

SandboxServer::Answer SandboxServer::authenticate(const HttpRequest& request, const QByteArray& requestId,
                                                  bool* ok) const
{
    *ok = false;
    const QString prefix = QStringLiteral("Incorrect IAM authentication information: ");
    const QByteArray token = request.header("x-auth-token");
    if (!token.isEmpty()) {
        if (!sameSecret(token, m_options.iamToken.toUtf8()))
            return error(401, QStringLiteral("APIGW.0301"), prefix + QStringLiteral("decrypt token fail"),
                         requestId);
        *ok = true;
        return {};
    }

    const QByteArray authorization = request.header("authorization");
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
    const QDateTime signedAt = AkSkSigner::parseDate(request.header("x-sdk-date"));
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

    if (!signatureMatches(request, parsed.signedHeaders, parsed.signature)) {
        return error(401, QStringLiteral("APIGW.0301"), prefix + QStringLiteral("verify aksk signature fail"),
                     requestId);
    }

    const QByteArray securityToken = request.header("x-security-token");
    if (!securityToken.isEmpty() && (!parsed.signedHeaders.contains("x-security-token") ||
                                     !sameSecret(securityToken, m_options.securityToken.toUtf8()))) {
        return error(401, QStringLiteral("APIGW.0301"),
                     prefix + QStringLiteral("the security token is invalid or expired"), requestId);
    }
    *ok = true;
    return {};
}

// Signs the request as received with the configured SK and compares in constant time.
bool SandboxServer::signatureMatches(const HttpRequest& request, const QByteArrayList& signedHeaders,
                                     const QByteArray& signature) const
{
    // The signer only reads path and query from the URL; the raw target keeps both exactly as sent.
    const QUrl url = QUrl::fromEncoded(request.target, QUrl::StrictMode);
    if (!url.isValid())
        return false;
    const auto expected =
        AkSkSigner::signSelected(m_options.accessKey.toUtf8(), m_options.secretKey.toUtf8(), request.method,
                                 url, request.headers, signedHeaders, request.body);
    return sameSecret(expected.signature, signature);
}

// The project in the path, for every DAS call: refused unless accepted and the same as any X-Project-Id.
std::optional<SandboxServer::Answer> SandboxServer::checkProject(const HttpRequest& request,
                                                                 const QString& projectId,
                                                                 const QByteArray& requestId) const
{
    const Violations projectProblems = RequestValidator::validateProjectId(projectId);
    if (!projectProblems.isEmpty() || (!m_options.anyIds && !m_options.projectIds.contains(projectId)))
        return error(400, QStringLiteral("DAS.200113"), QStringLiteral("Invalid project ID."), requestId);
    const QByteArray headerProject = request.header("x-project-id");
    if (!headerProject.isEmpty() && QString::fromUtf8(headerProject) != projectId)
        return error(400, QStringLiteral("DAS.200113"),
                     QStringLiteral("Invalid project ID: X-Project-Id differs."), requestId);
    return std::nullopt;
}

SandboxServer::Answer SandboxServer::createConnection(const HttpRequest& request, const QString& projectId,
                                                      const QString& instanceId, const QByteArray& requestId)
{
    ++m_createCount;
    // Counted among the creates that passed authentication, as a gateway's rate limit counts calls; a short
    // Retry-After keeps a batch that honours it quick.
    if (m_options.throttleEvery > 0 && m_createCount % m_options.throttleEvery == 0)
        return throttled(QByteArrayLiteral("1"), requestId);
    if (const std::optional<Answer> refused = checkProject(request, projectId, requestId))
        return *refused;
    const Violations instanceProblems = RequestValidator::validateInstanceId(instanceId);
    if (!instanceProblems.isEmpty() || (!m_options.anyIds && !m_options.instanceIds.contains(instanceId)))
        return error(400, QStringLiteral("DAS.200114"), QStringLiteral("Invalid instance ID."), requestId);

    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
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

    Answer a;
    if (m_options.mode == SandboxOptions::Mode::RefusedLost) {
        a.reset = true;
        return a;
    }
    if (const std::optional<Answer> fault = faultAnswer(requestId))
        return *fault;
    const QString connectionId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    recordIssued(connectionId);
    keepConnection(body, connectionId);
    a.body = QJsonDocument(QJsonObject{{QStringLiteral("connection_id"), connectionId}})
                 .toJson(QJsonDocument::Compact);
    // lost: created and kept, but the client never hears of it.
    a.reset = m_options.mode == SandboxOptions::Mode::Lost;
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
        // A gzip magic number, then text and bytes that are not UTF-8: exactly these 21 bytes.
        a.body = QByteArrayLiteral("\x1f\x8b\x08garbage\xff\xfe not json");
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
    case Mode::Lost:        // create only (createConnection); reads and deletes answer, so that a
    case Mode::RefusedLost: // client can reconcile
        break;
    }
    return std::nullopt;
}

} // namespace das
