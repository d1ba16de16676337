#pragma once

#include "ClientOptions.h"
#include "CreateResult.h"
#include "NetworkJob.h"
#include "PreparedRequest.h"

#include <QSslCertificate>

class QNetworkAccessManager;

namespace das {

// One create-connection call: a POST that is never re-sent, whose ending becomes a CreateResult.
class CreateJob : public NetworkJob
{
    Q_OBJECT

public:
    CreateJob(QNetworkAccessManager* nam, const PreparedRequest& request, const ClientOptions& options,
              const QList<QSslCertificate>& extraCa, bool usesIamToken, QObject* parent = nullptr);
    // A job that fails at once without sending (invalid input, bad endpoint).
    CreateJob(const CreateResult& immediate, QObject* parent = nullptr);
    ~CreateJob() override;

    const PreparedRequest& request() const { return m_request; }
    const CreateResult& result() const { return m_result; }

signals:
    void finished(const das::CreateResult& result);

protected:
    NetworkCall call() const override;
    void ended(const NetworkEnding& ending) override;

private:
    PreparedRequest m_request;
    bool m_usesIamToken = false;
    CreateResult m_result;
};

} // namespace das
