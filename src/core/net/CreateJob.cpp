#include "CreateJob.h"

#include "OneShotUploadDevice.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslConfiguration>

namespace das {

CreateJob::CreateJob(QNetworkAccessManager* nam, const PreparedRequest& request, const ClientOptions& options,
                     const QList<QSslCertificate>& extraCa, bool usesIamToken, QObject* parent)
    : QObject(parent)
    , m_nam(nam)
    , m_request(request)
    , m_options(options)
    , m_extraCa(extraCa)
    , m_usesIamToken(usesIamToken)
{
    m_inactivity.setSingleShot(true);
    m_deadline.setSingleShot(true);
    connect(&m_inactivity, &QTimer::timeout, this, [this] { abortWith(ErrorExplainer::Failure::Timeout); });
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        m_deadlineReached = true;
        abortWith(ErrorExplainer::Failure::Timeout);
    });
}

CreateJob::CreateJob(const CreateResult& immediate, QObject* parent)
    : QObject(parent)
    , m_result(immediate)
{}

CreateJob::~CreateJob()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void CreateJob::start()
{
    // A job cancelled before its queued start must never send.
    if (m_started || m_finished)
        return;
    m_started = true;
    m_elapsed.start();
    if (!m_nam) {
        finish(m_result);
        return;
    }

    QNetworkRequest request(m_request.url);
    for (const auto& header : m_request.headers)
        request.setRawHeader(header.first, header.second);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    // A fresh connection per create: a stale pooled one would force a resend, which we refuse.
    request.setRawHeader("Connection", "close");
    request.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
    request.setHeader(QNetworkRequest::ContentLengthHeader, m_request.body.size());
    request.setHeader(QNetworkRequest::UserAgentHeader,
                      QByteArrayLiteral("das-connect/" DAS_CONNECT_VERSION));
    if (!m_extraCa.isEmpty()) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.addCaCertificates(m_extraCa);
        request.setSslConfiguration(tls);
    }

    auto* body = new OneShotUploadDevice(m_request.body, this);
    m_reply = m_nam->sendCustomRequest(request, m_request.method, body);
    connect(m_reply, &QNetworkReply::uploadProgress, this, [this](qint64 sent, qint64 total) {
        if (total > 0 && sent >= total)
            m_requestSent = true;
        onActivity();
    });
    connect(m_reply, &QNetworkReply::metaDataChanged, this, [this] { m_requestSent = true; });
    connect(m_reply, &QNetworkReply::downloadProgress, this, [this](qint64 received, qint64) {
        if (received > 0)
            m_requestSent = true;
        m_received = received;
        onActivity();
        if (received > m_options.maxResponseBytes)
            abortWith(ErrorExplainer::Failure::TooLarge);
    });
    connect(m_reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError>& errors) {
        QStringList texts;
        for (const QSslError& e : errors)
            texts.append(e.errorString());
        m_tlsErrors = texts.join(QStringLiteral("; "));
        // Deliberately not calling ignoreSslErrors(): the handshake fails.
    });
    connect(m_reply, &QNetworkReply::finished, this, &CreateJob::onReplyFinished);
    m_inactivity.start(m_options.inactivityTimeoutMs);
    m_deadline.start(m_options.deadlineMs);
}

void CreateJob::cancel()
{
    if (m_finished)
        return;
    if (!m_reply) {
        m_started = true;
        ErrorExplainer::FailureInfo info;
        info.failure = ErrorExplainer::Failure::Cancelled;
        finish(ErrorExplainer::fromFailure(info));
        return;
    }
    abortWith(ErrorExplainer::Failure::Cancelled);
}

void CreateJob::onActivity()
{
    if (!m_finished)
        m_inactivity.start(m_options.inactivityTimeoutMs);
}

void CreateJob::abortWith(ErrorExplainer::Failure failure)
{
    if (m_finished || !m_reply)
        return;
    m_hasAbortReason = true;
    m_abortReason = failure;
    m_reply->abort(); // emits finished synchronously, handled in onReplyFinished
}

void CreateJob::onReplyFinished()
{
    QNetworkReply* reply = m_reply;
    if (!reply || m_finished)
        return;
    m_inactivity.stop();
    m_deadline.stop();
    const QString host = QString::fromLatin1(AkSkSigner::hostHeader(m_request.url));

    if (m_hasAbortReason) {
        ErrorExplainer::FailureInfo info;
        info.failure = m_abortReason;
        info.requestSent = m_requestSent;
        info.host = host;
        info.sizeLimit = m_options.maxResponseBytes;
        const bool deadline = m_deadlineReached;
        info.timeoutSeconds = (deadline ? m_options.deadlineMs : m_options.inactivityTimeoutMs) / 1000;
        if (m_abortReason == ErrorExplainer::Failure::Timeout)
            info.errorString = deadline ? tr("overall deadline of %1 ms reached").arg(m_options.deadlineMs)
                                        : tr("no data for %1 ms").arg(m_options.inactivityTimeoutMs);
        finish(ErrorExplainer::fromFailure(info));
        return;
    }

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
    if (status.isValid() && code > 0 && httpLevel) {
        ErrorExplainer::HttpAnswer answer;
        answer.status = code;
        answer.body = reply->read(m_options.maxResponseBytes + 1);
        if (answer.body.size() > m_options.maxResponseBytes) {
            ErrorExplainer::FailureInfo info;
            info.failure = ErrorExplainer::Failure::TooLarge;
            info.requestSent = true;
            info.sizeLimit = m_options.maxResponseBytes;
            finish(ErrorExplainer::fromFailure(info));
            return;
        }
        answer.contentType = reply->rawHeader("Content-Type");
        answer.requestIdHeader = reply->rawHeader("X-Request-Id");
        answer.dateHeader = reply->rawHeader("Date");
        answer.location = reply->rawHeader("Location");
        answer.usedIamToken = m_usesIamToken;
        finish(ErrorExplainer::fromHttp(answer));
        return;
    }

    ErrorExplainer::FailureInfo info;
    info.failure = ErrorExplainer::Failure::Network;
    info.networkError = reply->error();
    info.errorString = reply->errorString();
    info.tlsErrors = m_tlsErrors;
    info.requestSent = m_requestSent;
    info.host = host;
    finish(ErrorExplainer::fromFailure(info));
}

void CreateJob::finish(const CreateResult& result)
{
    if (m_finished)
        return;
    m_finished = true;
    m_result = result;
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->deleteLater();
        m_reply = nullptr;
    }
    emit finished(m_result);
    deleteLater();
}

} // namespace das
