#pragma once

#include "ConnectionRequest.h"
#include "Credentials.h"
#include "PreparedRequest.h"

#include <QDateTime>
#include <QList>
#include <QPair>
#include <QStringList>
#include <QUrl>

namespace das {

// One signed DAS or IAM call other than the create: a GET with a query (the lists, the IAM project lookup)
// or a DELETE with a JSON body (BatchDeleteConnectionNew).
struct ApiRequest
{
    QStringList pathSegments;             // decoded, e.g. {"v3", projectId, "instances"}; each is encoded
    QList<QPair<QString, QString>> query; // decoded names and values, in send order
    HeaderList extraHeaders;              // signed too, e.g. X-Language
    QString projectId;                    // sent as X-Project-Id when set, as the SDKs do for DAS calls
    QByteArray method = QByteArrayLiteral("GET");
    QByteArray body; // sent with Content-Type application/json when not empty

    bool changesState() const { return method != "GET"; }
};

// Builds and signs the create-connection call. Called for every send, so every send has a fresh signature.
class RequestBuilder
{
public:
    static constexpr const char* ContentType = "application/json;charset=UTF-8";

    static QUrl createConnectionUrl(const QUrl& endpoint, const QString& projectId,
                                    const QString& instanceId);

    static PreparedRequest build(const QUrl& endpoint, const ConnectionRequest& request,
                                 const Credentials& credentials,
                                 const QDateTime& now = QDateTime::currentDateTimeUtc());

    // The URL of a read: the endpoint's base path, the encoded segments, the query percent-encoded as the
    // SDKs do (RFC 3986 unreserved characters kept, everything else %XX of its UTF-8).
    static QUrl readUrl(const QUrl& endpoint, const ApiRequest& read);
    // The signed (or token-carrying) call `read` describes. Fresh signature on every call, like build().
    static PreparedRequest buildCall(const QUrl& endpoint, const ApiRequest& read,
                                     const Credentials& credentials,
                                     const QDateTime& now = QDateTime::currentDateTimeUtc());

private:
    // Adds the credential headers (token, or date + security token + signature) and Host, then signs.
    static HeaderList authorize(PreparedRequest* r, HeaderList headers, const QString& projectId,
                                const Credentials& credentials, const QDateTime& now);
};

} // namespace das
