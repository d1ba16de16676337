#include "RequestBuilder.h"

#include <QJsonArray>
#include <QJsonDocument>

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

    HeaderList headers{{QByteArrayLiteral("Content-Type"), QByteArray(ContentType)}};
    if (credentials.kind == Credentials::Kind::IamToken) {
        headers.append({QByteArrayLiteral("X-Auth-Token"), credentials.iamToken.toUtf8()});
        headers.append({QByteArrayLiteral("X-Project-Id"), request.projectId.toUtf8()});
        headers.append({QByteArrayLiteral("Host"), AkSkSigner::hostHeader(r.url)});
        r.headers = headers;
        return r;
    }

    headers.append({QByteArrayLiteral("X-Project-Id"), request.projectId.toUtf8()});
    headers.append({QByteArray(AkSkSigner::DateHeader), AkSkSigner::formatDate(now)});
    if (credentials.kind == Credentials::Kind::TemporaryAkSk)
        headers.append({QByteArrayLiteral("X-Security-Token"), credentials.securityToken.toUtf8()});
    headers.append({QByteArrayLiteral("Host"), AkSkSigner::hostHeader(r.url)});
    const auto parts = AkSkSigner::sign(credentials.accessKey.toUtf8(), credentials.secretKey.toUtf8(),
                                        r.method, r.url, headers, r.body);
    headers.append({QByteArrayLiteral("Authorization"), parts.authorization});
    r.headers = headers;
    return r;
}

} // namespace das
