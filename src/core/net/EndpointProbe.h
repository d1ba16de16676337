#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

namespace das {

class DasClient;
class ProbeJob;
struct NetworkEnding;

// Answers "is this DAS endpoint reachable from here?" without credentials: one unsigned GET to the endpoint's
// base path. Any HTTP status counts as reachable (the gateway answers 401/404 to an unsigned request).
// Runs as a NetworkJob on the client's network manager with the client's TLS trust, so that a probe and a
// real create agree about which certificates are trusted. Never sends a create.
class EndpointProbe : public QObject
{
    Q_OBJECT

public:
    static constexpr int DefaultTimeoutMs = 10000;

    // Probes through the client's network stack and TLS trust (its extra CA certificates), so that the probe
    // and a create agree. The client must outlive the probe's use of it.
    explicit EndpointProbe(DasClient* client, QObject* parent = nullptr);
    ~EndpointProbe() override;

    // Starts a probe; one still running is abandoned without a signal. finished() always comes from the event
    // loop, never from this call.
    void probe(const QUrl& endpoint, int timeoutMs = DefaultTimeoutMs);
    void cancel();
    bool isRunning() const { return !m_job.isNull(); }

signals:
    void finished(bool reachable, int httpStatus, qint64 elapsedMs, QString message);

private:
    void onEnded(const NetworkEnding& ending);
    void complete(bool reachable, int httpStatus, const QString& message);
    QString failureMessage(int networkError, const QString& errorString, const QString& tlsErrors) const;

    QPointer<DasClient> m_client;
    QPointer<ProbeJob> m_job;
    QUrl m_url;
    int m_timeoutMs = DefaultTimeoutMs;
    QElapsedTimer m_elapsed;
};

} // namespace das
