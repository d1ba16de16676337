#include "EndpointProbe.h"

#include "DasClient.h"
#include "ErrorExplainer.h"
#include "NetworkJob.h"
#include "ServerText.h"

#include <QNetworkReply>

#include <functional>

namespace das {

// The probe's GET: the status line is all it needs, so a large body is never downloaded.
class ProbeJob : public NetworkJob
{
public:
    ProbeJob(DasClient* client, const QUrl& target, int timeoutMs, QObject* parent)
        : NetworkJob(client->readNetworkAccessManager(), probeOptions(client->options(), timeoutMs),
                     client->extraCaCertificates(), parent)
        , m_target(target)
    {}

    std::function<void(const NetworkEnding&)> onEnded;

protected:
    NetworkCall call() const override
    {
        NetworkCall c;
        c.url = m_target;
        return c;
    }
    bool wantsBody() const override { return false; }
    void ended(const NetworkEnding& ending) override
    {
        if (onEnded)
            onEnded(ending);
    }

private:
    // One bound for the whole probe: its own timeout replaces both of the client's timers.
    static ClientOptions probeOptions(ClientOptions options, int timeoutMs)
    {
        options.deadlineMs = timeoutMs;
        options.inactivityTimeoutMs = timeoutMs;
        return options;
    }

    QUrl m_target;
};

namespace {

QString displayOf(const QUrl& url)
{
    return url.toDisplayString(QUrl::RemoveUserInfo | QUrl::StripTrailingSlash);
}

} // namespace

EndpointProbe::EndpointProbe(DasClient* client, QObject* parent)
    : QObject(parent)
    , m_client(client)
{}

EndpointProbe::~EndpointProbe()
{
    cancel();
}

void EndpointProbe::cancel()
{
    if (ProbeJob* job = m_job) {
        m_job = nullptr;
        // Nothing from an abandoned probe may reach us, not even the ending that cancel() produces.
        job->onEnded = nullptr;
        job->cancel();
    }
}

void EndpointProbe::probe(const QUrl& endpoint, int timeoutMs)
{
    cancel();
    m_url = endpoint;
    m_timeoutMs = qMax(1, timeoutMs);
    m_elapsed.start();

    const QString scheme = endpoint.scheme().toLower();
    const bool usable = endpoint.isValid() && !endpoint.host().isEmpty() &&
                        (scheme == QLatin1String("https") || scheme == QLatin1String("http"));
    if (!usable || !m_client) {
        const QString message = usable
                                    ? tr("The probe has no network client.")
                                    : tr("\"%1\" is not an http(s) endpoint URL.").arg(displayOf(endpoint));
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

    auto* job = new ProbeJob(m_client, target, m_timeoutMs, this);
    job->onEnded = [this](const NetworkEnding& ending) {
        onEnded(ending);
    };
    m_job = job;
    QMetaObject::invokeMethod(job, &NetworkJob::start, Qt::QueuedConnection);
}

void EndpointProbe::onEnded(const NetworkEnding& ending)
{
    using Kind = NetworkEnding::Kind;
    switch (ending.kind) {
    case Kind::Answer:
        complete(true, ending.status, QString());
        return;
    case Kind::Aborted:
        if (ending.abortReason == ErrorExplainer::Failure::Timeout)
            complete(false, 0, failureMessage(int(QNetworkReply::TimeoutError), QString(), QString()));
        else
            complete(false, 0, failureMessage(int(QNetworkReply::OperationCanceledError), tr("stopped"), {}));
        return;
    case Kind::Failed:
    case Kind::NoNetwork:
        break;
    }
    // Qt's texts can quote what the peer sent (a host name, a certificate field): cleaned like server text.
    complete(false, 0,
             failureMessage(int(ending.networkError),
                            ServerText::clean(ending.errorString, ServerText::MaxDetailChars),
                            ServerText::clean(ending.tlsErrors, ServerText::MaxDetailChars)));
}

void EndpointProbe::complete(bool reachable, int httpStatus, const QString& failure)
{
    const qint64 elapsed = m_elapsed.elapsed();
    m_job = nullptr;
    QString message = failure;
    if (reachable) {
        const bool tls = m_url.scheme().compare(QLatin1String("https"), Qt::CaseInsensitive) == 0;
        message = tr("Endpoint %1 answered HTTP %2 in %3 ms (%4).")
                      .arg(displayOf(m_url), QString::number(httpStatus), QString::number(elapsed),
                           tls ? tr("reachable; TLS verified") : tr("reachable; plain HTTP on loopback"));
    }
    emit finished(reachable, httpStatus, elapsed, message);
}

QString EndpointProbe::failureMessage(int networkError, const QString& errorString,
                                      const QString& tlsErrors) const
{
    const QString url = displayOf(m_url);
    const QString host = m_url.host();
    using E = QNetworkReply::NetworkError;
    const E error = E(networkError);
    if (ErrorExplainer::isProxyFailure(error))
        return tr("The proxy could not be used to reach %1 (%2).").arg(url, errorString);
    if (ErrorExplainer::isTlsFailure(error)) {
        const QString detail = tlsErrors.isEmpty() ? QString() : QStringLiteral(" (") + tlsErrors + u')';
        return tr("The secure (TLS) connection to %1 failed: the server certificate is not trusted or does "
                  "not "
                  "match the host name%2.")
            .arg(host, detail);
    }
    switch (error) {
    case E::ConnectionRefusedError:
        return tr("Endpoint %1 refused the connection: nothing is listening on port %2 of %3.")
            .arg(url, QString::number(m_url.port(m_url.scheme() == QLatin1String("http") ? 80 : 443)), host);
    case E::HostNotFoundError:
        return tr("The host name %1 could not be resolved (DNS failure): check the region or endpoint, the "
                  "network and the proxy settings.")
            .arg(host);
    case E::TimeoutError:
        return tr("Endpoint %1 did not answer within %2 seconds.")
            .arg(url, QString::number(m_timeoutMs / 1000.0));
    case E::RemoteHostClosedError:
        return tr("Endpoint %1 closed the connection without answering.").arg(url);
    default:
        break;
    }
    return tr("Endpoint %1 could not be reached: %2.").arg(url, errorString);
}

} // namespace das
