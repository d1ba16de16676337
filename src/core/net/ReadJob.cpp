#include "ReadJob.h"

#include "ServerText.h"

#include <QJsonDocument>

namespace das {

namespace {

using Outcome = CreateResult::Outcome;

constexpr int ExcerptChars = 300;

} // namespace

ReadResult ReadResult::failed(const CreateResult& failure)
{
    ReadResult r;
    r.failure = failure;
    r.requestId = failure.requestId;
    return r;
}

CreateResult ReadExplainer::unreadable(const QString& what, const QString& detail)
{
    CreateResult r;
    r.outcome = Outcome::ApiError;
    r.requestSent = true;
    r.explanation = tr("The server's answer could not be read as %1; nothing was changed.").arg(what);
    r.detail = detail;
    return r;
}

ReadResult ReadExplainer::fromHttp(const ErrorExplainer::HttpAnswer& answer)
{
    if (answer.status >= 200 && answer.status < 300) {
        QJsonParseError parseError{};
        const QJsonDocument doc = QJsonDocument::fromJson(answer.body, &parseError);
        if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
            CreateResult r = unreadable(
                tr("a JSON object"), tr("JSON error: %1 at byte %2. Body: %3")
                                         .arg(parseError.errorString())
                                         .arg(parseError.offset)
                                         .arg(ServerText::cleanUtf8(answer.body, ExcerptChars).simplified()));
            r.httpStatus = answer.status;
            r.requestId = ServerText::cleanLatin1(answer.requestIdHeader, ServerText::MaxRequestIdChars);
            return ReadResult::failed(r);
        }
        ReadResult ok;
        ok.ok = true;
        ok.object = doc.object();
        ok.requestId = ServerText::cleanLatin1(answer.requestIdHeader, ServerText::MaxRequestIdChars);
        return ok;
    }
    CreateResult r = ErrorExplainer::fromHttp(answer);
    if (r.outcome == Outcome::AuthFailed && answer.status == 403 &&
        !ErrorExplainer::isAuthCode(r.errorCode)) {
        r.explanation = tr("Permission denied (HTTP 403): the credentials are valid but not allowed to read "
                           "this in this project; ask for the DAS (or IAM) read permissions.");
    } else if (r.isThrottled()) {
        r.explanation = tr("The request was throttled: too many requests were sent in a short time. Wait a "
                           "minute and try again.");
    } else if (answer.status >= 500 || r.outcome == Outcome::Unknown) {
        r.outcome = Outcome::ApiError;
        r.explanation = tr("The service failed to answer (HTTP %1%2); nothing was changed. Try again later, "
                           "and quote the request ID if it keeps failing.")
                            .arg(answer.status)
                            .arg(r.errorCode.isEmpty() ? QString() : QStringLiteral(", ") + r.errorCode);
    }
    return ReadResult::failed(r);
}

ReadResult ReadExplainer::fromFailure(const ErrorExplainer::FailureInfo& info)
{
    CreateResult r = ErrorExplainer::fromFailure(info);
    // Failures before sending ("nothing was sent") already fit a read; the rest speak of a create.
    if (r.outcome == Outcome::Cancelled) {
        r.explanation = tr("Cancelled.");
    } else if (info.failure == ErrorExplainer::Failure::TooLarge) {
        r.explanation = tr("The answer was larger than %1 bytes, the limit for one answer; nothing was "
                           "changed.")
                            .arg(info.sizeLimit);
    } else if (r.outcome == Outcome::Unknown && r.timedOut) {
        r.explanation = tr("No answer from %1 within %2 s; nothing was changed. Try again later.")
                            .arg(info.host)
                            .arg(info.timeoutSeconds);
    } else if (r.outcome == Outcome::Unknown) {
        r.explanation = tr("The connection to %1 failed before an answer arrived; nothing was changed. Try "
                           "again.")
                            .arg(info.host);
    }
    return ReadResult::failed(r);
}

ReadJob::ReadJob(QNetworkAccessManager* nam, const PreparedRequest& request, const ClientOptions& options,
                 const QList<QSslCertificate>& extraCa, bool usesIamToken, QObject* parent)
    : PreparedJob(nam, request, options, extraCa, usesIamToken, request.method == "GET", parent)
{}

ReadJob::ReadJob(const ReadResult& immediate, QObject* parent)
    : PreparedJob(parent)
    , m_result(immediate)
{}

ReadJob::~ReadJob() = default;

void ReadJob::ended(const NetworkEnding& ending)
{
    m_result = explain<ReadExplainer>(ending, m_result);
    emit finished(m_result);
}

} // namespace das
