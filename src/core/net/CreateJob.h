#pragma once

#include "ClientOptions.h"
#include "CreateResult.h"
#include "ErrorExplainer.h"
#include "PreparedRequest.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QTimer>

class QNetworkAccessManager;
class QNetworkReply;

namespace das {

// One create-connection call in flight: timeouts, size cap, cancel, and the mapping of its end to a result.
class CreateJob : public QObject
{
    Q_OBJECT

public:
    CreateJob(QNetworkAccessManager* nam, const PreparedRequest& request, const ClientOptions& options,
              const QList<QSslCertificate>& extraCa, bool usesIamToken, QObject* parent = nullptr);
    // A job that fails at once without sending (invalid input, bad endpoint).
    CreateJob(const CreateResult& immediate, QObject* parent = nullptr);
    ~CreateJob() override;

    const PreparedRequest& request() const { return m_request; }
    bool isFinished() const { return m_finished; }
    const CreateResult& result() const { return m_result; }
    qint64 elapsedMs() const { return m_elapsed.isValid() ? m_elapsed.elapsed() : 0; }

public slots:
    void start();
    void cancel();

signals:
    void finished(const das::CreateResult& result);

private:
    void onReplyFinished();
    void onActivity();
    void abortWith(ErrorExplainer::Failure failure);
    void finish(const CreateResult& result);

    QNetworkAccessManager* m_nam = nullptr;
    PreparedRequest m_request;
    ClientOptions m_options;
    QList<QSslCertificate> m_extraCa;
    bool m_usesIamToken = false;
    QPointer<QNetworkReply> m_reply;
    QTimer m_inactivity;
    QTimer m_deadline;
    QElapsedTimer m_elapsed;
    qint64 m_received = 0;
    bool m_requestSent = false;
    bool m_finished = false;
    bool m_started = false;
    bool m_hasAbortReason = false;
    bool m_deadlineReached = false;
    ErrorExplainer::Failure m_abortReason = ErrorExplainer::Failure::Network;
    QString m_tlsErrors;
    CreateResult m_result;
};

} // namespace das
