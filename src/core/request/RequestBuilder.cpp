#include "RequestBuilder.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace das {

QUrl RequestBuilder::createConnectionUrl(const QUrl& endpoint, const QString& projectId,
                                         const QString& instanceId)
{
    QUrl url = endpoint;
    QString base = url.path();
    while (base.endsWith(u'/'))
        base.chop(1);
    url.setPath(base + QStringLiteral("/v3/") + projectId + QStringLiteral("/instances/") + instanceId +
                QStringLiteral("/create-connection"));
    return url;
}

PreparedRequest RequestBuilder::build(const QUrl& endpoint, const ConnectionRequest& request,
                                      const Credentials& credentials, const QDateTime& now)
{
    PreparedRequest r;
    r.method = QByteArrayLiteral("POST");
    r.url = createConnectionUrl(endpoint, request.projectId, request.instanceId);
    r.body = request.toJsonBody();
    const QByteArray passwordJson =
        QJsonDocument(QJsonArray{request.password}).toJson(QJsonDocument::Compact);
    r.maskedPasswordJson = "\"password\":" + passwordJson.mid(1, passwordJson.size() - 2);

    const HeaderList headers{{QByteArrayLiteral("Content-Type"), QByteArray(ContentType)}};
    r.headers = authorize(&r, headers, request.projectId, credentials, now);
    return r;
}

HeaderList RequestBuilder::authorize(PreparedRequest* r, HeaderList headers, const QString& projectId,
                                     const Credentials& credentials, const QDateTime& now)
{
    if (credentials.kind == Credentials::Kind::IamToken) {
        headers.append({QByteArrayLiteral("X-Auth-Token"), credentials.iamToken.toUtf8()});
        if (!projectId.isEmpty())
            headers.append({QByteArrayLiteral("X-Project-Id"), projectId.toUtf8()});
        headers.append({QByteArrayLiteral("Host"), AkSkSigner::hostHeader(r->url)});
        return headers;
    }

    if (!projectId.isEmpty())
        headers.append({QByteArrayLiteral("X-Project-Id"), projectId.toUtf8()});
    headers.append({QByteArray(AkSkSigner::DateHeader), AkSkSigner::formatDate(now)});
    if (credentials.kind == Credentials::Kind::TemporaryAkSk)
        headers.append({QByteArrayLiteral("X-Security-Token"), credentials.securityToken.toUtf8()});
    headers.append({QByteArrayLiteral("Host"), AkSkSigner::hostHeader(r->url)});
    const auto parts = AkSkSigner::sign(credentials.accessKey.toUtf8(), credentials.secretKey.toUtf8(),
                                        r->method, r->url, headers, r->body);
    headers.append({QByteArrayLiteral("Authorization"), parts.authorization});
    return headers;
}

QUrl RequestBuilder::readUrl(const QUrl& endpoint, const ApiRequest& read)
{
    QUrl url = endpoint;
    QByteArray path = url.path(QUrl::FullyEncoded).toUtf8();
    while (path.endsWith('/'))
        path.chop(1);
    for (const QString& segment : read.pathSegments)
        path += '/' + QUrl::toPercentEncoding(segment);
    url.setPath(QString::fromLatin1(path), QUrl::StrictMode);
    // Encoded here rather than by QUrlQuery, which leaves '&', '=', '+' and non-ASCII to interpretation; the
    // signer decodes and re-encodes the same way, so wire and signature agree.
    QByteArrayList items;
    for (const auto& item : read.query)
        items.append(QUrl::toPercentEncoding(item.first) + '=' + QUrl::toPercentEncoding(item.second));
    if (!items.isEmpty())
        url.setQuery(QString::fromLatin1(items.join('&')), QUrl::StrictMode);
    else
        url.setQuery(QString());
    return url;
}

PreparedRequest RequestBuilder::buildCall(const QUrl& endpoint, const ApiRequest& read,
                                          const Credentials& credentials, const QDateTime& now)
{
    PreparedRequest r;
    r.method = read.method;
    r.url = readUrl(endpoint, read);
    r.body = read.body;
    HeaderList headers = read.extraHeaders;
    const bool typed = std::any_of(headers.cbegin(), headers.cend(), [](const auto& h) {
        return h.first.compare("Content-Type", Qt::CaseInsensitive) == 0;
    });
    if (!read.body.isEmpty() && !typed) // what the SDKs send with a DELETE body
        headers.prepend({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
    r.headers = authorize(&r, headers, read.projectId, credentials, now);
    return r;
}

} // namespace das
