#pragma once

#include "AkSkSigner.h"
#include "ClientOptions.h"
#include "ErrorExplainer.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QTimer>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace das {

// What one call puts on the wire.
struct NetworkCall
{
    QByteArray method = QByteArrayLiteral("GET");
    QUrl url;
    HeaderList headers; // in send order
    QByteArray body;
    bool hasBody = false;
    // False for anything that changes state on the server (create, delete): such a call gets a connection of
    // its own and is never re-sent, so it reaches the server at most once.
    bool idempotent = true;
};

// How a call ended, for the subclass to turn into its own result.
struct NetworkEnding
{
    enum class Kind
    {
        Answer,    // an HTTP status arrived (the body too, unless the job wanted only the status)
        Aborted,   // we stopped it: cancel, a timer, or the size cap
        Failed,    // the transport failed before a complete answer
        NoNetwork, // the job had nothing to send with (it was built to fail at once)
    };

    Kind kind = Kind::NoNetwork;
    ErrorExplainer::Failure abortReason = ErrorExplainer::Failure::Network;
    bool deadlineReached = false; // for a timeout: the overall deadline rather than inactivity
    bool requestSent = false;     // the server may have seen the request
    int status = 0;
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; // names in lower case
    QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
    QString errorString;
    QString tlsErrors;

    QByteArray header(const QByteArray& name) const { return headers.value(name.toLower()); }
};

// One DAS or IAM call in flight, owning what every call needs: the overall deadline and the inactivity timer,
// a response size cap enforced as data arrives, TLS errors never ignored, the extra CA certificates, manual
// redirects, no cache, no cookies and no silent resend. Subclasses say what to send and map the ending to
// their result. A job runs once and deletes itself after it has ended.
class NetworkJob : public QObject
{
    Q_OBJECT

public:
    ~NetworkJob() override;

    bool isFinished() const { return m_finished; }
    qint64 elapsedMs() const { return m_elapsed.isValid() ? m_elapsed.elapsed() : 0; }

public slots:
    void start();
    void cancel();

protected:
    // A null manager makes a job that ends at start with Kind::NoNetwork, sending nothing.
    NetworkJob(QNetworkAccessManager* nam, const ClientOptions& options,
               const QList<QSslCertificate>& extraCa, QObject* parent);

    virtual NetworkCall call() const = 0;
    // Called exactly once; the job is already finished and deletes itself afterwards.
    virtual void ended(const NetworkEnding& ending) = 0;
    // False ends the call as soon as the status line arrives, without downloading the body.
    virtual bool wantsBody() const { return true; }

    const ClientOptions& options() const { return m_options; }
    // The explainer's view of an abort or a transport failure.
    ErrorExplainer::FailureInfo failureInfo(const NetworkEnding& ending) const;
    static ErrorExplainer::HttpAnswer httpAnswer(const NetworkEnding& ending);

private:
    void connectReply();
    void onMetaData();
    void onDataArrived(qint64 received);
    void onReplyFinished();
    void abortWith(ErrorExplainer::Failure failure);
    void answerOrFailure(NetworkEnding* ending) const;
    static bool closeEndedAnswer(const QNetworkReply* reply, qint64 bodyBytes);
    void finish(const NetworkEnding& ending);

    QNetworkAccessManager* m_nam = nullptr;
    ClientOptions m_options;
    QList<QSslCertificate> m_extraCa;
    QUrl m_url;
    QPointer<QNetworkReply> m_reply;
    QTimer m_inactivity;
    QTimer m_deadline;
    QElapsedTimer m_elapsed;
    qint64 m_received = 0;
    bool m_requestSent = false;
    bool m_finished = false;
    bool m_started = false;
    bool m_idempotent = true; // of the call in flight, for the phase timer
    bool m_hasAbortReason = false;
    bool m_deadlineReached = false;
    ErrorExplainer::Failure m_abortReason = ErrorExplainer::Failure::Network;
    QString m_tlsErrors;
};

} // namespace das
