#pragma once

#include <QByteArray>
#include <QByteArrayList>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QUrl>

namespace das {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

// Huawei Cloud APIG "SDK-HMAC-SHA256" request signing, shared by the client and the sandbox verifier.
class AkSkSigner
{
public:
    static constexpr const char* Algorithm = "SDK-HMAC-SHA256";
    static constexpr const char* DateHeader = "X-Sdk-Date";

    struct Parts
    {
        QByteArray canonicalRequest;
        QByteArray stringToSign;
        QByteArray signedHeaders; // "content-type;host;x-sdk-date"
        QByteArray signature;     // lowercase hex
        QByteArray authorization; // full Authorization header value
    };

    struct ParsedAuthorization
    {
        QByteArray access;
        QByteArrayList signedHeaders;
        QByteArray signature;
    };

    // Signs every header given plus host (derived from the URL when absent). Headers must include X-Sdk-Date.
    static Parts sign(const QByteArray& accessKey, const QByteArray& secretKey, const QByteArray& method,
                      const QUrl& url, const HeaderList& headers, const QByteArray& body);

    // Recomputes a signature over exactly the named headers, taking their values from `headers`.
    static Parts signSelected(const QByteArray& accessKey, const QByteArray& secretKey,
                              const QByteArray& method, const QUrl& url, const HeaderList& headers,
                              const QByteArrayList& signedNames, const QByteArray& body);

    static bool parseAuthorization(const QByteArray& value, ParsedAuthorization* out);

    static QByteArray hostHeader(const QUrl& url);
    static QByteArray canonicalUri(const QUrl& url);
    static QByteArray canonicalQuery(const QUrl& url);
    static QByteArray formatDate(const QDateTime& time);
    static QDateTime parseDate(const QByteArray& value); // invalid QDateTime when malformed
};

} // namespace das
