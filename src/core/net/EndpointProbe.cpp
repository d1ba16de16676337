#include "EndpointProbe.h"

#include "EndpointResolver.h"
#include "LoopbackBypassProxyFactory.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslError>

namespace das {

namespace {

QString displayOf(const QUrl& url)
{
    return url.toDisplayString(QUrl::RemoveUserInfo | QUrl::StripTrailingSlash);
}

} // namespace

EndpointProbe::EndpointProbe(QObject* parent)
    : QObject(parent)
    , m_nam(new QNetworkAccessManager(this))
{
    m_nam->setProxyFactory(new LoopbackBypassProxyFactory);
    m_nam->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    m_nam->setStrictTransportSecurityEnabled(true);
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, &EndpointProbe::onDeadline);
}

EndpointProbe::~EndpointProbe()
{
    cancel();
}

void EndpointProbe::cancel()
{
    m_deadline.stop();
    if (QNetworkReply* reply = m_reply) {
        m_reply = nullptr;
        // Nothing from an abandoned reply may reach us, not even the finished() that abort() emits.
        disconnect(reply, nullptr, this, nullptr);
        reply->abort();
        reply->deleteLater();
    }
}

void EndpointProbe::probe(const QUrl& endpoint, int timeoutMs)
{
    cancel();
    m_url = endpoint;
    m_timeoutMs = qMax(1, timeoutMs);
    m_tlsErrors.clear();
    m_timedOut = false;
    m_elapsed.start();

    const QString scheme = endpoint.scheme().toLower();
    if (!endpoint.isValid() || endpoint.host().isEmpty() ||
        (scheme != QLatin1String("https") && scheme != QLatin1String("http"))) {
        const QString message = tr("\"%1\" is not an http(s) endpoint URL.").arg(displayOf(endpoint));
        QMetaObject::invokeMethod(
            this, [this, message] { emit finished(false, 0, m_elapsed.elapsed(), message); },
            Qt::QueuedConnection);
        return;
    }

    // The endpoint's base path, so that a proxy routing on a path prefix sees the same target the client
    // would.
    QUrl target = endpoint;
    QString path = target.path();
    if (!path.endsWith(u'/'))
        path += u'/';
    target.setPath(path);
    target.setQuery(QString());
    target.setFragment(QString());

    QNetworkRequest request(target);
    request.setHeader(QNetworkRequest::UserAgentHeader,
                      QByteArrayLiteral("das-connect/" DAS_CONNECT_VERSION));
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);

    QNetworkReply* reply = m_nam->get(request);
    m_reply = reply;
    // Recorded for the message only; the errors are never ignored, so the handshake fails.
    connect(reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError>& errors) {
        for (const QSslError& e : errors)
            m_tlsErrors.append(e.errorString());
    });
    connect(reply, &QNetworkReply::metaDataChanged, this, &EndpointProbe::onMetaData);
    connect(reply, &QNetworkReply::finished, this, &EndpointProbe::onFinished);
    m_deadline.start(m_timeoutMs);
}

// A status line is all the probe needs; a large body is not downloaded.
void EndpointProbe::onMetaData()
{
    if (!m_reply)
        return;
    const QVariant status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (status.isValid())
        complete(true, status.toInt(), QString());
}

void EndpointProbe::onFinished()
{
    if (!m_reply)
        return;
    const QVariant status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (status.isValid()) {
        complete(true, status.toInt(), QString());
        return;
    }
    const QNetworkReply::NetworkError error = m_reply->error();
    const QString errorString = m_reply->errorString();
    complete(false, 0, failureMessage(int(error), errorString));
}

void EndpointProbe::onDeadline()
{
    if (!m_reply)
        return;
    m_timedOut = true;
    complete(false, 0, failureMessage(int(QNetworkReply::TimeoutError), QString()));
}

void EndpointProbe::complete(bool reachable, int httpStatus, const QString& failure)
{
    const qint64 elapsed = m_elapsed.elapsed();
    cancel();
    QString message = failure;
    if (reachable) {
        const bool tls = m_url.scheme().compare(QLatin1String("https"), Qt::CaseInsensitive) == 0;
        message = tr("Endpoint %1 answered HTTP %2 in %3 ms (%4).")
                      .arg(displayOf(m_url), QString::number(httpStatus), QString::number(elapsed),
                           tls ? tr("reachable; TLS verified") : tr("reachable; plain HTTP on loopback"));
    }
    emit finished(reachable, httpStatus, elapsed, message);
}

QString EndpointProbe::failureMessage(int networkError, const QString& errorString) const
{
    const QString url = displayOf(m_url);
    const QString host = m_url.host();
    using E = QNetworkReply::NetworkError;
    switch (E(networkError)) {
    case E::ConnectionRefusedError:
        return tr("Endpoint %1 refused the connection: nothing is listening on port %2 of %3.")
            .arg(url, QString::number(m_url.port(m_url.scheme() == QLatin1String("http") ? 80 : 443)), host);
    case E::HostNotFoundError:
        return tr("The host name %1 could not be resolved (DNS failure): check the region or endpoint, the "
                  "network and the proxy settings.")
            .arg(host);
    case E::SslHandshakeFailedError:
    case E::InsecureRedirectError: {
        QString detail;
        if (!m_tlsErrors.isEmpty())
            detail = QStringLiteral(" (") + m_tlsErrors.join(QStringLiteral("; ")) + u')';
        return tr("The secure (TLS) connection to %1 failed: the server certificate is not trusted or does "
                  "not "
                  "match the host name%2.")
            .arg(host, detail);
    }
    case E::TimeoutError:
        return tr("Endpoint %1 did not answer within %2 seconds.")
            .arg(url, QString::number(m_timeoutMs / 1000.0));
    case E::OperationCanceledError:
        if (m_timedOut)
            return tr("Endpoint %1 did not answer within %2 seconds.")
                .arg(url, QString::number(m_timeoutMs / 1000.0));
        break;
    case E::RemoteHostClosedError:
        return tr("Endpoint %1 closed the connection without answering.").arg(url);
    case E::ProxyConnectionRefusedError:
    case E::ProxyConnectionClosedError:
    case E::ProxyNotFoundError:
    case E::ProxyTimeoutError:
    case E::ProxyAuthenticationRequiredError:
    case E::UnknownProxyError:
        return tr("The proxy could not be used to reach %1 (%2).").arg(url, errorString);
    default:
        break;
    }
    return tr("Endpoint %1 could not be reached: %2.").arg(url, errorString);
}

} // namespace das
