#pragma once

#include "ClientOptions.h"
#include "ConnectionRequest.h"
#include "CreateResult.h"
#include "Credentials.h"

#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QUrl>

#include <optional>

class QNetworkAccessManager;

namespace das {

class CreateJob;
class ReadJob;
struct ApiRequest;

// Owns the network stack; hands out one CreateJob per create. Never retries a create.
class DasClient : public QObject
{
    Q_OBJECT

public:
    static constexpr qint64 MaxCaFileBytes = 1024 * 1024;
    // Qt 6.4 allows six connections per host and manager; three managers allow eighteen creates at once.
    static constexpr int CreateManagers = 3;

    explicit DasClient(QObject* parent = nullptr);
    ~DasClient() override;

    const ClientOptions& options() const { return m_options; }
    // Loads the CA file if set; false with a message when it cannot be read or holds no certificate.
    bool setOptions(const ClientOptions& options, QString* error);

    // Why a create cannot be sent (the request's violations, a bad endpoint, incomplete credentials), as
    // the InvalidInput result createConnection() would give; nothing when it can.
    static std::optional<CreateResult> refusal(const QUrl& endpoint, const ConnectionRequest& request,
                                               const Credentials& credentials);

    // Validates, signs and sends. The job deletes itself after finished() unless the caller takes ownership.
    CreateJob* createConnection(const QUrl& endpoint, const ConnectionRequest& request,
                                const Credentials& credentials);

    // One signed call other than the create: a GET (DAS list calls, the IAM project lookup) on the read
    // manager, a DELETE on the create's. Checks the endpoint and the credentials first; a job that cannot be
    // sent fails from the event loop like any other. Sent once: a caller that wants another try starts
    // another job.
    ReadJob* call(const QUrl& endpoint, const ApiRequest& request, const Credentials& credentials);

    // For calls that change state on the server (create, delete): never a kept-alive connection.
    QNetworkAccessManager* networkAccessManager() const { return m_nam; }
    // For idempotent reads (probe, lists), which may reuse connections among themselves. Made on first use:
    // a one-shot create that sends no read does not pay for a second manager.
    QNetworkAccessManager* readNetworkAccessManager();
    const QList<QSslCertificate>& extraCaCertificates() const { return m_extraCa; }

private:
    QNetworkAccessManager* m_nam;
    QNetworkAccessManager* m_readNam = nullptr;
    QList<QNetworkAccessManager*> m_createNams; // m_nam first; creates take them in turn, made as needed
    int m_nextCreateManager = 0;
    ClientOptions m_options;
    QList<QSslCertificate> m_extraCa;
};

} // namespace das
