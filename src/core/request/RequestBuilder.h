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

// One signed read call (GET with a query), DAS or IAM.
struct ReadRequest
{
    QStringList pathSegments;             // decoded, e.g. {"v3", projectId, "instances"}; each is encoded
    QList<QPair<QString, QString>> query; // decoded names and values, in send order
    HeaderList extraHeaders;              // signed too, e.g. X-Language
    QString projectId;                    // sent as X-Project-Id when set, as the SDKs do for DAS calls
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
    static QUrl readUrl(const QUrl& endpoint, const ReadRequest& read);
    // A signed (or token-carrying) GET for `read`. Fresh signature on every call, like build().
    static PreparedRequest buildRead(const QUrl& endpoint, const ReadRequest& read,
                                     const Credentials& credentials,
                                     const QDateTime& now = QDateTime::currentDateTimeUtc());

private:
    // Adds the credential headers (token, or date + security token + signature) and Host, then signs.
    static HeaderList authorize(PreparedRequest* r, HeaderList headers, const QString& projectId,
                                const Credentials& credentials, const QDateTime& now);
};

} // namespace das
