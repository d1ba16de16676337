#pragma once

#include "CreateResult.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QNetworkReply>

class QJsonObject;
struct QJsonParseError;

namespace das {

// Turns whatever came back (or did not) into one sentence a DBA can act on, plus the raw details.
class ErrorExplainer
{
    Q_DECLARE_TR_FUNCTIONS(ErrorExplainer)

public:
    struct HttpAnswer
    {
        int status = 0;
        QByteArray body;
        QByteArray contentType;
        QByteArray requestIdHeader; // X-Request-Id
        QByteArray dateHeader;      // RFC 7231 Date
        QByteArray location;        // for 3xx
        QByteArray retryAfter;      // Retry-After, for a throttled answer
        QDateTime localTime = QDateTime::currentDateTimeUtc();
        bool usedIamToken = false;
    };

    enum class Failure
    {
        Network,   // QNetworkReply reported an error
        Timeout,   // our inactivity or overall deadline fired
        Cancelled, // the user cancelled
        TooLarge,  // the response exceeded the size cap
    };

    struct FailureInfo
    {
        Failure failure = Failure::Network;
        QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
        QString errorString;
        QString tlsErrors;
        bool requestSent = false;
        int timeoutSeconds = 0;
        qint64 sizeLimit = 0;
        QString host;
    };

    static CreateResult fromHttp(const HttpAnswer& answer);
    static CreateResult fromFailure(const FailureInfo& info);

    // Server Date minus local clock in seconds; false when the Date header is missing or malformed.
    static bool clockOffset(const QByteArray& dateHeader, const QDateTime& localTime, qint64* seconds);
    static QString describeOffset(qint64 seconds);

    // Error classes EndpointProbe words its own way; one list here keeps the probe and a create in step.
    static bool isProxyFailure(QNetworkReply::NetworkError error);
    static bool isTlsFailure(QNetworkReply::NetworkError error);
    // The gateway's codes for a signature or credential it did not accept (APIGW.0301 and friends).
    static bool isAuthCode(const QString& code);

private:
    // fromHttp and fromFailure without the rewording, which calls these again in the language then installed.
    static CreateResult explainHttp(const HttpAnswer& answer);
    static CreateResult explainFailure(const FailureInfo& info);
    // fromHttp by status class; each gets r with the status and request ID already filled in.
    static CreateResult fromSuccess(const HttpAnswer& answer, CreateResult r,
                                    const QJsonParseError& parseError, bool isJsonObject,
                                    const QJsonObject& object);
    static CreateResult fromRedirect(const HttpAnswer& answer, CreateResult r);
    static CreateResult fromError(const HttpAnswer& answer, CreateResult r, bool isJsonObject,
                                  const QJsonObject& object);
    static CreateResult fromGatewayPage(const HttpAnswer& answer, CreateResult r);
    static void explainAuthFailure(const HttpAnswer& answer, CreateResult* r);
    static void explainApiError(const HttpAnswer& answer, CreateResult* r);
    // The sentence for an error that stops a request before it leaves (refused, unknown host, untrusted
    // TLS); null for every other error.
    static QString notSentReason(QNetworkReply::NetworkError error, const QString& host);
    static void explainNetworkFailure(const FailureInfo& info, const QString& unknownTail, CreateResult* out);
};

} // namespace das
