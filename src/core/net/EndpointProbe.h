#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace das {

// Answers "is this DAS endpoint reachable from here?" without credentials: one unsigned GET to the endpoint's
// base path. Any HTTP status counts as reachable (the gateway answers 401/404 to an unsigned request).
// Redirects are not followed, TLS errors are never ignored, the system proxy is used except for loopback, and
// the whole probe is bounded by its deadline. Never sends a create.
class EndpointProbe : public QObject
{
    Q_OBJECT

public:
    static constexpr int DefaultTimeoutMs = 10000;

    explicit EndpointProbe(QObject* parent = nullptr);
    ~EndpointProbe() override;

    // Starts a probe; one still running is abandoned without a signal. finished() always comes from the event
    // loop, never from this call.
    void probe(const QUrl& endpoint, int timeoutMs = DefaultTimeoutMs);
    void cancel();
    bool isRunning() const { return !m_reply.isNull(); }

signals:
    void finished(bool reachable, int httpStatus, qint64 elapsedMs, QString message);

private:
    void onMetaData();
    void onFinished();
    void onDeadline();
    void complete(bool reachable, int httpStatus, const QString& message);
    QString failureMessage(int networkError, const QString& errorString) const;

    QNetworkAccessManager* m_nam = nullptr;
    QPointer<QNetworkReply> m_reply;
    QUrl m_url;
    int m_timeoutMs = DefaultTimeoutMs;
    QTimer m_deadline;
    QElapsedTimer m_elapsed;
    QStringList m_tlsErrors;
    bool m_timedOut = false;
};

} // namespace das
