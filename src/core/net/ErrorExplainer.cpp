#include "ErrorExplainer.h"

#include "ServerText.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QTimeZone>

namespace das {

namespace {

using Outcome = CreateResult::Outcome;

constexpr int ExcerptChars = 300;

QString excerpt(const QByteArray& body)
{
    return ServerText::cleanUtf8(body, ExcerptChars).simplified();
}

// The first of `names` that holds a string, cleaned: a field's text is never used raw.
QString stringField(const QJsonObject& object, std::initializer_list<const char*> names, int maxChars)
{
    for (const char* name : names) {
        const QJsonValue value = object.value(QLatin1String(name));
        if (value.isString())
            return ServerText::clean(value.toString(), maxChars);
    }
    return {};
}

} // namespace

bool ErrorExplainer::isAuthCode(const QString& code)
{
    return code == QLatin1String("APIGW.0301") || code == QLatin1String("APIG.0301") ||
           code == QLatin1String("APIGW.0302") || code == QLatin1String("APIGW.0303") ||
           code == QLatin1String("APIG.0302") || code == QLatin1String("APIG.0303");
}

bool ErrorExplainer::clockOffset(const QByteArray& dateHeader, const QDateTime& localTime, qint64* seconds)
{
    // "Sun, 08 Mar 2026 02:30:00 GMT". Date and time are parsed apart: a combined parse happens in local time
    // and fails for wall-clock times that daylight saving skips.
    const QStringList parts = QString::fromLatin1(dateHeader).simplified().split(u' ');
    if (parts.size() != 6 || parts.at(5) != QLatin1String("GMT"))
        return false;
    const QDate date = QLocale::c().toDate(parts.mid(1, 3).join(u' '), QStringLiteral("dd MMM yyyy"));
    const QTime time = QTime::fromString(parts.at(4), QStringLiteral("HH:mm:ss"));
    if (!date.isValid() || !time.isValid())
        return false;
    *seconds = localTime.secsTo(QDateTime(date, time, QTimeZone::utc()));
    return true;
}

QString ErrorExplainer::describeOffset(qint64 seconds)
{
    const qint64 magnitude = seconds < 0 ? -seconds : seconds;
    const qint64 minutes = (magnitude + 30) / 60;
    const QString amount = magnitude >= 120 ? tr("%1 minutes").arg(minutes)
                           : magnitude == 1 ? tr("1 second")
                                            : tr("%1 seconds").arg(magnitude);
    return seconds > 0 ? tr("this computer's clock is %1 behind the server's").arg(amount)
                       : tr("this computer's clock is %1 ahead of the server's").arg(amount);
}

CreateResult ErrorExplainer::fromHttp(const HttpAnswer& answer)
{
    CreateResult r = explainHttp(answer);
    r.reword = [answer] {
        return explainHttp(answer).explanation;
    };
    return r;
}

CreateResult ErrorExplainer::explainHttp(const HttpAnswer& answer)
{
    CreateResult r;
    r.requestSent = true;
    r.httpStatus = answer.status;
    r.requestId = ServerText::cleanLatin1(answer.requestIdHeader, ServerText::MaxRequestIdChars);
    // Only the delta-seconds form: a date would need the server's clock, which may be off (see clockOffset).
    bool delta = false;
    const int retryAfter = answer.retryAfter.trimmed().toInt(&delta);
    if (delta && retryAfter > 0)
        r.retryAfterSeconds = qMin(retryAfter, 3600);

    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(answer.body, &parseError);
    const bool isJsonObject = parseError.error == QJsonParseError::NoError && doc.isObject();
    const QJsonObject object = doc.object();
    if (isJsonObject) {
        const QString bodyRequestId =
            stringField(object, {"request_id", "requestId"}, ServerText::MaxRequestIdChars);
        if (!bodyRequestId.isEmpty())
            r.requestId = bodyRequestId;
    }

    if (answer.status >= 200 && answer.status < 300)
        return fromSuccess(answer, r, parseError, isJsonObject, object);
    if (answer.status >= 300 && answer.status < 400)
        return fromRedirect(answer, r);
    return fromError(answer, r, isJsonObject, object);
}

CreateResult ErrorExplainer::fromSuccess(const HttpAnswer& answer, CreateResult r,
                                         const QJsonParseError& parseError, bool isJsonObject,
                                         const QJsonObject& object)
{
    if (!isJsonObject) {
        r.outcome = Outcome::Unknown;
        const bool truncated = parseError.error == QJsonParseError::UnterminatedObject ||
                               parseError.error == QJsonParseError::UnterminatedString ||
                               parseError.error == QJsonParseError::UnterminatedArray ||
                               parseError.error == QJsonParseError::IllegalEscapeSequence;
        r.explanation =
            truncated
                ? tr("The server accepted the request (HTTP %1) but its answer was cut off, so the new "
                     "connection ID is unknown; the connection may have been created. Check the DAS "
                     "console before creating it again.")
                      .arg(answer.status)
                : tr("The server accepted the request (HTTP %1) but answered with something that is not "
                     "JSON, so the new connection ID is unknown; the connection may have been created. "
                     "Check the DAS console before creating it again.")
                      .arg(answer.status);
        r.detail = tr("JSON error: %1 at byte %2. Body: %3")
                       .arg(parseError.errorString())
                       .arg(parseError.offset)
                       .arg(excerpt(answer.body));
        return r;
    }
    // An ID that breaks the rule is not shown, stored or printed: the answer as a whole cannot be trusted.
    const QString id = object.value(QLatin1String("connection_id")).toString().trimmed();
    if (!ServerText::isConnectionId(id)) {
        r.outcome = Outcome::Unknown;
        r.explanation = tr("The server accepted the request (HTTP %1) but its answer has no usable "
                           "connection_id (expected 1 to 128 letters, digits, '-' or '_'), so the connection "
                           "may have been created. Check the DAS console before creating it again.")
                            .arg(answer.status);
        r.detail = tr("Body: %1").arg(excerpt(answer.body));
        return r;
    }
    r.outcome = Outcome::Created;
    r.connectionId = id;
    r.explanation = tr("Connection created.");
    return r;
}

CreateResult ErrorExplainer::fromRedirect(const HttpAnswer& answer, CreateResult r)
{
    r.outcome = Outcome::ApiError;
    r.explanation = tr("The server answered with a redirect (HTTP %1), which DAS Connect never follows for a "
                       "signed request; check that the endpoint URL is the DAS API endpoint itself.")
                        .arg(answer.status);
    r.detail =
        tr("Redirect target: %1").arg(ServerText::cleanLatin1(answer.location, ServerText::MaxMessageChars));
    return r;
}

CreateResult ErrorExplainer::fromError(const HttpAnswer& answer, CreateResult r, bool isJsonObject,
                                       const QJsonObject& object)
{
    if (isJsonObject) {
        constexpr int codeCap = ServerText::MaxCodeChars;
        constexpr int messageCap = ServerText::MaxMessageChars;
        r.errorCode = stringField(object, {"error_code", "code", "errorCode"}, codeCap);
        r.errorMessage = stringField(object, {"error_msg", "message", "errorMsg"}, messageCap);
        const QJsonObject nested = object.value(QLatin1String("error")).toObject();
        if (r.errorCode.isEmpty())
            r.errorCode = stringField(nested, {"code", "error_code"}, codeCap);
        if (r.errorMessage.isEmpty())
            r.errorMessage = stringField(nested, {"message", "error_msg"}, messageCap);
    }

    if (!isJsonObject && answer.status >= 500)
        return fromGatewayPage(answer, r);
    if (isAuthCode(r.errorCode) || answer.status == 401)
        explainAuthFailure(answer, &r);
    else
        explainApiError(answer, &r);
    if (!isJsonObject)
        r.detail = tr("Body: %1").arg(excerpt(answer.body));
    return r;
}

CreateResult ErrorExplainer::fromGatewayPage(const HttpAnswer& answer, CreateResult r)
{
    const bool html = answer.contentType.toLower().contains("html") || answer.body.trimmed().startsWith('<');
    const bool maybeProcessed = answer.status == 502 || answer.status == 504;
    r.outcome = maybeProcessed ? Outcome::Unknown : Outcome::ApiError;
    const QString what = html ? tr("an HTML error page") : tr("a non-JSON answer");
    r.explanation =
        maybeProcessed
            ? tr("The gateway returned %1 (HTTP %2) instead of a DAS answer: DAS did not answer the "
                 "gateway in "
                 "time, so whether the connection was created is unknown. Check the DAS console before "
                 "creating it again.")
                  .arg(what)
                  .arg(answer.status)
            : tr("The server returned %1 (HTTP %2) instead of a DAS answer; the service is failing. Try "
                 "again "
                 "later.")
                  .arg(what)
                  .arg(answer.status);
    r.detail = tr("Body: %1").arg(excerpt(answer.body));
    return r;
}

void ErrorExplainer::explainAuthFailure(const HttpAnswer& answer, CreateResult* r)
{
    const QString msg = r->errorMessage.toLower();
    r->outcome = Outcome::AuthFailed;
    qint64 offset = 0;
    const bool haveOffset = clockOffset(answer.dateHeader, answer.localTime, &offset);
    if (haveOffset)
        r->clockOffsetSeconds = offset;
    if (msg.contains(QLatin1String("expired")) && !msg.contains(QLatin1String("token"))) {
        r->explanation =
            haveOffset ? tr("The signature has expired: %1. Signed requests are accepted only within 15 "
                            "minutes of the server's time; correct the system clock (enable NTP) and try "
                            "again.")
                             .arg(describeOffset(offset))
                       : tr("The signature has expired: this computer's clock is probably more than 15 "
                            "minutes off; correct the system clock (enable NTP) and try again.");
    } else if (msg.contains(QLatin1String("ak not exist")) ||
               msg.contains(QLatin1String("get secretkey failed"))) {
        r->explanation = tr("The access key (AK) does not exist: check it for typos, and that it was not "
                            "deleted or created in another account.");
    } else if (msg.contains(QLatin1String("verify aksk signature fail"))) {
        r->explanation =
            tr("The AK/SK signature was rejected: the secret key (SK) does not belong to this access "
               "key (check for a wrong or mistyped SK), or a proxy altered the request.");
    } else if (msg.contains(QLatin1String("security token")) ||
               msg.contains(QLatin1String("securitytoken"))) {
        r->explanation = tr("The temporary security token was rejected: it has expired or does not belong to "
                            "this access key. Obtain new temporary credentials.");
    } else if (msg.contains(QLatin1String("token")) || answer.usedIamToken) {
        r->explanation =
            tr("The IAM token was rejected: it is malformed, has expired (tokens last 24 hours), or "
               "was issued for another account or region. Obtain a new token.");
    } else if (msg.contains(QLatin1String("reach the limit")) || msg.contains(QLatin1String("forbidden"))) {
        r->explanation =
            tr("The access key is temporarily locked after repeated failed signatures; check the "
               "SK and try again in 5 minutes.");
    } else {
        r->explanation = tr("Authentication failed (HTTP %1): the gateway did not accept these credentials.")
                             .arg(answer.status);
    }
}

void ErrorExplainer::explainApiError(const HttpAnswer& answer, CreateResult* r)
{
    const QString code = r->errorCode;
    if (answer.status == 403) {
        r->outcome = Outcome::AuthFailed;
        r->explanation =
            tr("Permission denied (HTTP 403): the credentials are valid but not allowed to create DAS "
               "connections in this project; ask for the DAS permissions in IAM.");
    } else if (code == QLatin1String("APIGW.0101") || code == QLatin1String("APIG.0101") ||
               (answer.status == 404 && code.isEmpty())) {
        r->outcome = Outcome::ApiError;
        r->explanation =
            tr("The API was not found at this endpoint: the region, the endpoint URL or the request "
               "path is wrong (DAS may not be offered in that region).");
    } else if (code == QLatin1String("APIGW.0308") || code == QLatin1String("APIG.0308") ||
               answer.status == 429) {
        r->outcome = Outcome::ApiError;
        r->explanation =
            tr("The request was throttled: too many requests were sent in a short time. Wait a minute "
               "and create the connection again; it was not created.");
    } else if (code == QLatin1String("DAS.200100")) {
        r->outcome = Outcome::ApiError;
        r->explanation = tr("DAS rejected a parameter as invalid: %1").arg(r->errorMessage);
    } else if (code == QLatin1String("DAS.200113")) {
        r->outcome = Outcome::ApiError;
        r->explanation =
            tr("DAS does not accept this project ID: check that it is the project of this region in "
               "your account.");
    } else if (code == QLatin1String("DAS.200114")) {
        r->outcome = Outcome::ApiError;
        r->explanation =
            tr("DAS does not know this instance ID: check that the instance exists in this project and "
               "region, and that its engine matches.");
    } else if (answer.status == 504 || code == QLatin1String("APIG.0201") ||
               code == QLatin1String("APIGW.0201")) {
        // The gateway gave up waiting for DAS, which may still have created the connection.
        r->outcome = Outcome::Unknown;
        r->explanation =
            tr("The gateway stopped waiting for DAS (HTTP %1), so whether the connection was created is "
               "unknown. Check the DAS console before creating it again.")
                .arg(answer.status);
    } else if (answer.status >= 500) {
        r->outcome = Outcome::ApiError;
        r->explanation =
            tr("The DAS service failed (HTTP %1%2); the connection was not created. Try again later, "
               "and quote the request ID if it keeps failing.")
                .arg(answer.status)
                .arg(code.isEmpty() ? QString() : QStringLiteral(", ") + code);
    } else {
        r->outcome = Outcome::ApiError;
        r->explanation =
            r->errorMessage.isEmpty()
                ? tr("The request was rejected (HTTP %1).").arg(answer.status)
                : tr("The request was rejected (HTTP %1): %2").arg(answer.status).arg(r->errorMessage);
    }
}

CreateResult ErrorExplainer::fromFailure(const FailureInfo& raw)
{
    CreateResult r = explainFailure(raw);
    r.reword = [raw] {
        return explainFailure(raw).explanation;
    };
    return r;
}

CreateResult ErrorExplainer::explainFailure(const FailureInfo& raw)
{
    // Qt's error text can quote the server (a reason phrase, a certificate's names).
    FailureInfo info = raw;
    info.errorString = ServerText::clean(raw.errorString, ServerText::MaxDetailChars);
    info.tlsErrors = ServerText::clean(raw.tlsErrors, ServerText::MaxDetailChars);
    CreateResult r;
    r.requestSent = info.requestSent;
    r.detail = info.errorString;
    const QString unknownTail =
        tr("The request had been sent, so the connection may or may not have been created; "
           "it is never retried automatically. Check the DAS console before creating it "
           "again.");

    switch (info.failure) {
    case Failure::Cancelled:
        r.outcome = Outcome::Cancelled;
        r.explanation =
            info.requestSent ? tr("Cancelled. ") + unknownTail : tr("Cancelled before anything was sent.");
        return r;
    case Failure::Timeout:
        r.timedOut = true;
        r.outcome = info.requestSent ? Outcome::Unknown : Outcome::NotSent;
        r.explanation = info.requestSent
                            ? tr("No answer within %1 s. ").arg(info.timeoutSeconds) + unknownTail
                            : tr("Could not reach %1 within %2 s; nothing was sent.")
                                  .arg(info.host)
                                  .arg(info.timeoutSeconds);
        return r;
    case Failure::TooLarge:
        r.outcome = Outcome::Unknown;
        r.explanation = tr("The answer was larger than %1 bytes, which no create-connection answer is. ")
                            .arg(info.sizeLimit) +
                        unknownTail;
        return r;
    case Failure::Network:
        break;
    }
    explainNetworkFailure(info, unknownTail, &r);
    return r;
}

bool ErrorExplainer::isProxyFailure(QNetworkReply::NetworkError error)
{
    using E = QNetworkReply::NetworkError;
    switch (error) {
    case E::ProxyConnectionRefusedError:
    case E::ProxyConnectionClosedError:
    case E::ProxyNotFoundError:
    case E::ProxyTimeoutError:
    case E::ProxyAuthenticationRequiredError:
    case E::UnknownProxyError:
        return true;
    default:
        return false;
    }
}

bool ErrorExplainer::isTlsFailure(QNetworkReply::NetworkError error)
{
    return error == QNetworkReply::SslHandshakeFailedError || error == QNetworkReply::InsecureRedirectError;
}

QString ErrorExplainer::notSentReason(QNetworkReply::NetworkError error, const QString& host)
{
    if (isTlsFailure(error)) {
        return tr("The secure (TLS) connection to %1 failed: the server certificate is not trusted or does "
                  "not match the host name. Nothing was sent. For a private CA, give its certificate with "
                  "the CA file option.")
            .arg(host);
    }
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
        return tr("Connection refused by %1: nothing is listening there. Check the endpoint and port (is "
                  "the sandbox running?); nothing was sent.")
            .arg(host);
    case QNetworkReply::HostNotFoundError:
        return tr("The host name %1 could not be resolved (DNS failure): check the region or endpoint, "
                  "the network and the proxy settings; nothing was sent.")
            .arg(host);
    default:
        return QString();
    }
}

void ErrorExplainer::explainNetworkFailure(const FailureInfo& info, const QString& unknownTail,
                                           CreateResult* out)
{
    CreateResult& r = *out;
    const QString notSent = notSentReason(info.networkError, info.host);
    if (!notSent.isNull()) {
        r.outcome = Outcome::NotSent;
        r.explanation = notSent;
        if (isTlsFailure(info.networkError) && !info.tlsErrors.isEmpty())
            r.detail = info.tlsErrors;
        return;
    }
    // Whether anything reached DAS decides the outcome of every other failure.
    r.outcome = info.requestSent ? Outcome::Unknown : Outcome::NotSent;
    if (isProxyFailure(info.networkError)) {
        r.explanation = info.requestSent
                            ? tr("The proxy failed after the request was sent. ") + unknownTail
                            : tr("The proxy could not be used (%1); nothing was sent.").arg(info.errorString);
        return;
    }
    if (info.networkError == QNetworkReply::TimeoutError)
        r.timedOut = true;
    r.explanation =
        info.requestSent
            ? tr("The connection to %1 was closed or reset before an answer arrived. ").arg(info.host) +
                  unknownTail
            : tr("Could not connect to %1: %2. Nothing was sent.").arg(info.host, info.errorString);
}

} // namespace das
