#include "NetworkJob.h"

#include "NetLog.h"
#include "OneShotUploadDevice.h"
#include "PhaseTimer.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslConfiguration>

namespace das {

namespace {

const char* abortReasonText(ErrorExplainer::Failure failure)
{
    switch (failure) {
    case ErrorExplainer::Failure::Timeout:
        return "timeout";
    case ErrorExplainer::Failure::Cancelled:
        return "cancelled";
    case ErrorExplainer::Failure::TooLarge:
        return "response over the size cap";
    case ErrorExplainer::Failure::Network:
        break;
    }
    return "network";
}

QNetworkRequest networkRequest(const NetworkCall& call, const QList<QSslCertificate>& extraCa)
{
    QNetworkRequest request(call.url);
    for (const auto& header : call.headers)
        request.setRawHeader(header.first, header.second);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    if (!call.idempotent) {
        // A fresh connection per call: a stale pooled one would force a resend, which we refuse.
        request.setRawHeader("Connection", "close");
    }
    if (call.hasBody) {
        request.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
        request.setHeader(QNetworkRequest::ContentLengthHeader, call.body.size());
    }
    request.setHeader(QNetworkRequest::UserAgentHeader,
                      QByteArrayLiteral("das-connect/" DAS_CONNECT_VERSION));
    if (!extraCa.isEmpty()) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.addCaCertificates(extraCa);
        request.setSslConfiguration(tls);
    }
    return request;
}

QHash<QByteArray, QByteArray> headersOf(const QNetworkReply* reply)
{
    QHash<QByteArray, QByteArray> headers;
    for (const auto& header : reply->rawHeaderPairs())
        headers.insert(header.first.toLower(), header.second);
    return headers;
}

} // namespace

NetworkJob::NetworkJob(QNetworkAccessManager* nam, const ClientOptions& options,
                       const QList<QSslCertificate>& extraCa, QObject* parent)
    : QObject(parent)
    , m_nam(nam)
    , m_options(options)
    , m_extraCa(extraCa)
{
    m_inactivity.setSingleShot(true);
    m_deadline.setSingleShot(true);
    connect(&m_inactivity, &QTimer::timeout, this, [this] { abortWith(ErrorExplainer::Failure::Timeout); });
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        m_deadlineReached = true;
        abortWith(ErrorExplainer::Failure::Timeout);
    });
}

NetworkJob::~NetworkJob()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void NetworkJob::start()
{
    // A job cancelled before its queued start must never send.
    if (m_started || m_finished)
        return;
    m_started = true;
    m_elapsed.start();
    if (!m_nam) {
        finish(NetworkEnding());
        return;
    }

    const NetworkCall c = call();
    m_url = c.url;
    // Method, host and path only: the query, headers and body may carry secrets.
    qCDebug(lcNet).noquote().nospace()
        << "start " << c.method << ' '
        << c.url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment).toString();
    // Without a body there is nothing for Qt to rewind; with one, OneShotUploadDevice refuses the rewind.
    QIODevice* body = c.hasBody ? new OneShotUploadDevice(c.body, this) : nullptr;
    m_reply = m_nam->sendCustomRequest(networkRequest(c, m_extraCa), c.method, body);
    // Qt's network thread reads ahead of us into the reply's buffer; on a busy machine the event loop may not
    // see readyRead before megabytes have piled up. One byte over the cap is all the check below needs.
    m_reply->setReadBufferSize(m_options.maxResponseBytes + 1);
    m_idempotent = c.idempotent;
    PhaseTimer::mark(m_idempotent ? "read: handed to Qt" : "create POST: handed to Qt");
    connectReply();
    m_inactivity.start(m_options.inactivityTimeoutMs);
    m_deadline.start(m_options.deadlineMs);
}

void NetworkJob::connectReply()
{
    connect(m_reply, &QNetworkReply::uploadProgress, this, [this](qint64 sent, qint64 total) {
        if (total > 0 && sent >= total)
            m_requestSent = true;
        if (!m_finished)
            m_inactivity.start(m_options.inactivityTimeoutMs);
    });
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &NetworkJob::onMetaData);
    // Qt chokes downloadProgress to one per 100 ms, in which a fast peer sends tens of megabytes; readyRead
    // comes with every chunk, and nothing is read before the end, so bytesAvailable() is all received so far.
    connect(m_reply, &QNetworkReply::readyRead, this, [this] { onDataArrived(m_reply->bytesAvailable()); });
    connect(m_reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError>& errors) {
        QStringList texts;
        for (const QSslError& e : errors)
            texts.append(e.errorString());
        m_tlsErrors = texts.join(QStringLiteral("; "));
        // Deliberately not calling ignoreSslErrors(): the handshake fails.
    });
    connect(m_reply, &QNetworkReply::finished, this, &NetworkJob::onReplyFinished);
}

void NetworkJob::onMetaData()
{
    m_requestSent = true;
    if (!m_reply || m_finished)
        return;
    const QVariant status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!wantsBody() && status.isValid()) {
        NetworkEnding ending;
        ending.kind = NetworkEnding::Kind::Answer;
        ending.requestSent = true;
        ending.status = status.toInt();
        ending.headers = headersOf(m_reply);
        finish(ending);
        return;
    }
    // Refused before a byte of the body is buffered.
    const QVariant declared = m_reply->header(QNetworkRequest::ContentLengthHeader);
    if (declared.isValid() && declared.toLongLong() > m_options.maxResponseBytes)
        abortWith(ErrorExplainer::Failure::TooLarge);
}

void NetworkJob::onDataArrived(qint64 received)
{
    if (received > 0)
        m_requestSent = true;
    m_received = received;
    if (m_finished)
        return;
    m_inactivity.start(m_options.inactivityTimeoutMs);
    // Checked per chunk; the read buffer (setReadBufferSize) holds at most one byte beyond the cap.
    if (received > m_options.maxResponseBytes)
        abortWith(ErrorExplainer::Failure::TooLarge);
}

void NetworkJob::cancel()
{
    if (m_finished)
        return;
    if (!m_reply) {
        m_started = true;
        NetworkEnding ending;
        ending.kind = NetworkEnding::Kind::Aborted;
        ending.abortReason = ErrorExplainer::Failure::Cancelled;
        finish(ending);
        return;
    }
    abortWith(ErrorExplainer::Failure::Cancelled);
}

void NetworkJob::abortWith(ErrorExplainer::Failure failure)
{
    if (m_finished || !m_reply)
        return;
    m_hasAbortReason = true;
    m_abortReason = failure;
    qCDebug(lcNet).noquote().nospace()
        << "abort " << m_url.host() << ": " << abortReasonText(failure)
        << (m_deadlineReached ? " (deadline)" : "") << " after " << m_received << " bytes";
    m_reply->abort(); // emits finished synchronously, handled in onReplyFinished
    if (!m_finished)
        onReplyFinished();
}

void NetworkJob::onReplyFinished()
{
    if (!m_reply || m_finished)
        return;
    NetworkEnding ending;
    ending.requestSent = m_requestSent;
    if (m_hasAbortReason) {
        ending.kind = NetworkEnding::Kind::Aborted;
        ending.abortReason = m_abortReason;
        ending.deadlineReached = m_deadlineReached;
    } else {
        answerOrFailure(&ending);
    }
    finish(ending);
}

// Whether a reply that ended with a transport error still holds the whole answer. Qt 6.4 can take the close
// that ends a body without a length for a dropped connection when the answer arrives before it has noted the
// end of the upload: it then tries to send the request again (refused by the one-shot body:
// ContentReSendError) or reports RemoteHostClosedError, although status, headers and every body byte have
// been delivered.
bool NetworkJob::closeEndedAnswer(const QNetworkReply* reply, qint64 bodyBytes)
{
    const QNetworkReply::NetworkError error = reply->error();
    if (error != QNetworkReply::RemoteHostClosedError && error != QNetworkReply::ContentReSendError)
        return false;
    // A chunked body ends with its last chunk and a compressed one has lost its declared length on the way:
    // for neither does a close say that the body is whole.
    if (reply->hasRawHeader("Transfer-Encoding") || reply->hasRawHeader("Content-Encoding"))
        return false;
    const QVariant declared = reply->header(QNetworkRequest::ContentLengthHeader);
    if (declared.isValid())
        return declared.toLongLong() == bodyBytes;
    // No length: the close is how HTTP ends this body (RFC 9112, 6.3). A close forced by a reset is
    // indistinguishable here; what was cut short fails to parse and stays unreadable.
    return true;
}

void NetworkJob::answerOrFailure(NetworkEnding* ending) const
{
    QNetworkReply* reply = m_reply;
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const QNetworkReply::NetworkError error = reply->error();
    // 4xx/5xx arrive as content, protocol or server errors; transport errors mean the answer is incomplete.
    // A 3xx may end in ContentReSendError: Qt prepares to rewind the one-shot body even with manual
    // redirects.
    const int code = status.toInt();
    const bool httpLevel =
        error == QNetworkReply::NoError || (code >= 300 && code < 400) ||
        (error >= QNetworkReply::ContentAccessDenied && error != QNetworkReply::ContentReSendError &&
         error != QNetworkReply::ProtocolFailure && error != QNetworkReply::ProtocolUnknownError);
    const bool answered = status.isValid() && code > 0;
    if (answered && (httpLevel || closeEndedAnswer(reply, reply->bytesAvailable()))) {
        ending->kind = NetworkEnding::Kind::Answer;
        ending->requestSent = true;
        ending->status = code;
        ending->body = reply->read(m_options.maxResponseBytes + 1);
        ending->headers = headersOf(reply);
        if (ending->body.size() > m_options.maxResponseBytes) {
            ending->kind = NetworkEnding::Kind::Aborted;
            ending->abortReason = ErrorExplainer::Failure::TooLarge;
            ending->body.clear();
        }
        return;
    }
    ending->kind = NetworkEnding::Kind::Failed;
    ending->networkError = error;
    ending->errorString = reply->errorString();
    ending->tlsErrors = m_tlsErrors;
}

void NetworkJob::finish(const NetworkEnding& ending)
{
    if (m_finished)
        return;
    m_finished = true;
    PhaseTimer::mark(m_idempotent ? "read: answered (connect, send, receive)"
                                  : "create POST: answered (connect, send, receive)");
    m_inactivity.stop();
    m_deadline.stop();
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort(); // a job that stopped at the status line leaves nothing running
        m_reply->deleteLater();
        m_reply = nullptr;
    }
    // Status and sizes only; the error string may quote the URL with its query.
    qCDebug(lcNet).noquote().nospace() << "end " << m_url.host() << ": kind " << int(ending.kind) << ", HTTP "
                                       << ending.status << ", network error " << int(ending.networkError)
                                       << ", " << m_received << " bytes received, " << elapsedMs() << " ms";
    ended(ending);
    deleteLater();
}

ErrorExplainer::FailureInfo NetworkJob::failureInfo(const NetworkEnding& ending) const
{
    ErrorExplainer::FailureInfo info;
    info.requestSent = ending.requestSent;
    info.host = QString::fromLatin1(AkSkSigner::hostHeader(m_url));
    if (ending.kind == NetworkEnding::Kind::Aborted) {
        info.failure = ending.abortReason;
        info.sizeLimit = m_options.maxResponseBytes;
        const bool deadline = ending.deadlineReached;
        info.timeoutSeconds = (deadline ? m_options.deadlineMs : m_options.inactivityTimeoutMs) / 1000;
        if (ending.abortReason == ErrorExplainer::Failure::Timeout)
            info.errorString = deadline ? tr("overall deadline of %1 ms reached").arg(m_options.deadlineMs)
                                        : tr("no data for %1 ms").arg(m_options.inactivityTimeoutMs);
        return info;
    }
    info.failure = ErrorExplainer::Failure::Network;
    info.networkError = ending.networkError;
    info.errorString = ending.errorString;
    info.tlsErrors = ending.tlsErrors;
    return info;
}

ErrorExplainer::HttpAnswer NetworkJob::httpAnswer(const NetworkEnding& ending)
{
    ErrorExplainer::HttpAnswer answer;
    answer.status = ending.status;
    answer.body = ending.body;
    answer.contentType = ending.header("Content-Type");
    answer.requestIdHeader = ending.header("X-Request-Id");
    answer.dateHeader = ending.header("Date");
    answer.location = ending.header("Location");
    answer.retryAfter = ending.header("Retry-After");
    return answer;
}

} // namespace das
